#pragma once

#include "tenants/tenant.h"

#include <QWizard>

#include <memory>
#include <optional>

class HttpClient;
class QCheckBox;
class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QPushButton;
class RequestLog;
class SecretStore;
class TenantRegistry;

// Adds (or edits) a Kandji / Iru tenant: display name, API URL, "local test server" (a sandbox on
// this machine), API token. URL and token are validated as they are typed (KandjiSettings: the
// message names the problem); "Test connection" probes the tenant with them; Finish is possible
// once a test succeeded with the current input (or, when editing, with the token left empty: the
// stored one is kept). On Finish the tenant goes to the registry and the token to the secret store
// (SecretPurpose::Token); the token field is cleared. A failure keeps the wizard open.
class AddKandjiTenantWizard : public QWizard
{
    Q_OBJECT
public:
    AddKandjiTenantWizard(TenantRegistry *registry, SecretStore *secrets, QNetworkAccessManager *nam,
                          const std::optional<Tenant> &existing, QWidget *parent = nullptr);
    ~AddKandjiTenantWizard() override;
    // The requests of "Test connection" are written to `log` (not owned; may be null: none).
    void setRequestLog(RequestLog *log) { m_log = log; }

    // Opens it window-modal and returns at once; it deletes itself when closed.
    static AddKandjiTenantWizard *run(QWidget *parent, TenantRegistry *registry, SecretStore *secrets,
                                      QNetworkAccessManager *nam, const std::optional<Tenant> &existing);

    // The id of the tenant written on Finish (empty before).
    QString tenantId() const { return m_tenantId; }
    // The last test's outcome shown to the user.
    QString testMessage() const;

    void accept() override;

Q_SIGNALS:
    void tested(bool ok);

private:
    void validateInput();
    void test();
    bool inputValid(QString *error) const;

    TenantRegistry *m_registry;
    SecretStore *m_secrets;
    QNetworkAccessManager *m_nam;
    std::optional<Tenant> m_existing;
    std::unique_ptr<HttpClient> m_testClient;
    RequestLog *m_log = nullptr;
    QLineEdit *m_name;
    QLineEdit *m_url;
    QCheckBox *m_local;
    QLineEdit *m_token;
    QLabel *m_problem;
    QPushButton *m_test;
    QLabel *m_result;
    QString m_testedInput; // the input the last successful test was made with
    QString m_tenantId;
    bool m_committing = false;
};
