#pragma once

#include "restconnectioncontroller.h"

#include <QWizard>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QPushButton;
class QTableWidget;
class RestSettingsForm;
class SecretStore;
class TenantRegistry;

// "Add REST API tenant": address → authentication → connection check → resources.
//
// Pages are views; RestConnectionController does the I/O. The resources come from an OpenAPI
// document (a URL or a file: its collections fill the table) or are named by hand in the table
// (path, id field, where the items sit, paging and its parameter names), and can be adjusted
// either way. The check page offers Next only once the server answered and accepted the
// credentials. Finish commits the draft (tenant to the registry, secrets to the SecretStore) and
// clears the secret fields; on a failure the wizard stays open with the message.
// The address page also holds the transport settings (RestSettingsForm's object names).
// Object names for tests: "name", "url", "urlError", "auth", "user", "secret", "clientSecret",
// "apiKeyName", "tokenUrl", "authorizationUrl", "scope", "oauthUser", "signIn", "probePath",
// "checkResult", "recheck", "openApiSource", "importButton", "importStatus", "resources",
// "addResource", "removeResource", "finishError".
class RestConnectionWizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId { AddressPage, AuthPage, CheckPage, ResourcesPage };
    // The resources table's columns.
    enum Column { NameColumn, PathColumn, IdColumn, ItemsColumn, PagingColumn, ParamsColumn, PageSizeColumn, ColumnCount };

    // None of the arguments is owned; all must outlive the wizard.
    RestConnectionWizard(TenantRegistry *registry, SecretStore *secrets, QNetworkAccessManager *nam, QWidget *parent = nullptr);
    ~RestConnectionWizard() override;

    // How the system browser is opened for an authorization-code sign-in (default:
    // QDesktopServices::openUrl); tests drive a scripted browser.
    void setOpenUrl(std::function<void(const QUrl &)> openUrl) { m_openUrl = std::move(openUrl); }

    // Turns the wizard into "Edit REST API tenant" for an existing tenant: every page shows its
    // settings (address and transport settings, authentication without the secrets, probe path,
    // resources); the settings no page shows (OAuth2 redirect URI, client auth and RAR) are kept. Secret fields
    // left empty keep the stored secrets (the check reads them from the store); Finish updates the
    // tenant in place (tenantAdded() gives its id).
    void editTenant(const Tenant &tenant);
    QString editedTenantId() const { return m_tenantId; }

    RestConnectionController *controller() const { return m_controller; }
    RestConnectionController::Draft draft() const;
    // The resources as the table describes them; false (and *error naming the row) when one is unusable.
    bool tableResources(QList<RestResource> *resources, QString *error) const;

    bool validateCurrentPage() override;

public Q_SLOTS:
    void accept() override;

Q_SIGNALS:
    void tenantAdded(const QString &tenantId);
    void checkFinished(bool ok);
    void importFinished(bool ok);

protected:
    void initializePage(int id) override;

private:
    QWizardPage *createAddressPage();
    QWizardPage *createAuthPage();
    QWizardPage *createCheckPage();
    QWizardPage *createResourcesPage();
    QString authChoice() const;
    void updateAuthFields();
    void startCheck();
    void startImport();
    void startSignIn();
    void addResourceRow(const RestResource &resource);
    RestConnectionController::Secrets secrets() const;

    RestConnectionController *m_controller;
    std::function<void(const QUrl &)> m_openUrl;
    QString m_refreshToken; // from a browser sign-in, until commit
    QString m_tenantId;     // the tenant edited; empty when adding one
    QVariantMap m_keptOAuth; // OAuth2 options no field shows (redirectUri, clientAuth, authorizationDetails)
    bool m_checkOk = false;
    bool m_committing = false;

    QLineEdit *m_name = nullptr;
    QLineEdit *m_url = nullptr;
    QLabel *m_urlError = nullptr;
    RestSettingsForm *m_settingsForm = nullptr;
    QComboBox *m_auth = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_secret = nullptr;
    QLineEdit *m_clientSecret = nullptr;
    QLineEdit *m_apiKeyName = nullptr;
    QLineEdit *m_tokenUrl = nullptr;
    QLineEdit *m_authorizationUrl = nullptr;
    QLineEdit *m_scope = nullptr;
    QLineEdit *m_oauthUser = nullptr;
    QPushButton *m_signIn = nullptr;
    QLabel *m_signInStatus = nullptr;
    QLineEdit *m_probePath = nullptr;
    QLabel *m_checkResult = nullptr;
    QLineEdit *m_openApiSource = nullptr;
    QLabel *m_importStatus = nullptr;
    QTableWidget *m_resources = nullptr;
    QLabel *m_finishError = nullptr;
};
