#pragma once

#include "addkintotenantcontroller.h"

#include <QWizard>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QNetworkAccessManager;
class QPushButton;
class QRadioButton;
class SecretStore;
class TenantRegistry;

// "Add Kinto tenant": URL → auth kind → credentials → server check → default bucket.
//
// Pages are views; AddKintoTenantController does the I/O. The URL page refuses a malformed URL
// with a message; the check page shows the server's version, HTTP API version, capabilities and
// user, and offers Next only when the server answered and accepted the credentials (Kinto answers
// unknown credentials as anonymous: no user). The bucket page offers the buckets the user can read.
// Finish commits the draft: the tenant goes to the registry, the password or token to the
// SecretStore, and the secret field is cleared right after it was handed over; on a failure the
// wizard stays open with the message. Nothing is written before Finish.
class AddKintoTenantWizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId { UrlPage, AuthPage, CredentialsPage, CheckPage, BucketPage };

    // None of the arguments is owned; all must outlive the wizard. With `existing`, the wizard
    // edits that tenant: its fields start filled in, and leaving the password or token empty keeps
    // the stored one (the check uses it); a typed one replaces it in the keychain on Finish.
    AddKintoTenantWizard(TenantRegistry *registry, SecretStore *secrets, QNetworkAccessManager *nam,
                         QWidget *parent = nullptr, const std::optional<Tenant> &existing = std::nullopt);
    ~AddKintoTenantWizard() override;

    // Opens a window-modal wizard that deletes itself when closed; connect to tenantAdded to select
    // the new tenant. For MainWindow::addTenantAction().
    static AddKintoTenantWizard *run(QWidget *parent, TenantRegistry *registry, SecretStore *secrets,
                                     QNetworkAccessManager *nam, const std::optional<Tenant> &existing = std::nullopt);

    AddKintoTenantController *controller() const { return m_controller; }
    // The draft as the pages currently describe it (URL normalised; empty when malformed).
    AddKintoTenantController::Draft draft() const;

    int nextId() const override;
    bool validateCurrentPage() override;

public Q_SLOTS:
    void accept() override;

Q_SIGNALS:
    void tenantAdded(const QString &tenantId);

protected:
    void initializePage(int id) override;

private:
    QWizardPage *createUrlPage();
    QWizardPage *createAuthPage();
    QWizardPage *createCredentialsPage();
    QWizardPage *createCheckPage();
    QWizardPage *createBucketPage();
    AuthKind chosenAuth() const;
    void showCheck(const AddKintoTenantController::ServerCheck &result);
    void startCheck();
    void fill(const Tenant &tenant);
    // Editing, with a secret stored for the chosen auth: the secret field may stay empty.
    bool mayKeepSecret() const;

    AddKintoTenantController *m_controller;
    bool m_checking = false;
    bool m_committing = false;
    bool m_committed = false;

    QLineEdit *m_name = nullptr;
    QLineEdit *m_url = nullptr;
    QLabel *m_urlError = nullptr;
    QRadioButton *m_authNone = nullptr;
    QRadioButton *m_authBasic = nullptr;
    QRadioButton *m_authBearer = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_secret = nullptr;
    QLineEdit *m_bearerType = nullptr;
    QLabel *m_userLabel = nullptr;
    QLabel *m_bearerTypeLabel = nullptr;
    QLabel *m_checkResult = nullptr;
    QListWidget *m_capabilities = nullptr;
    QPushButton *m_recheck = nullptr;
    QComboBox *m_bucket = nullptr;
    QLabel *m_bucketStatus = nullptr;
    QLabel *m_finishError = nullptr;
};
