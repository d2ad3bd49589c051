#pragma once

#include "appcontext.h"
#include "tenants/tenant.h"

#include <QWizard>

#include <optional>

class JamfPrivilegePicker;
class JamfSetup;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QRadioButton;

// Sets up an API client for a Jamf Pro tenant (Patcher's setup as a wizard): server and an
// administrator's user name and password (for this wizard only: held in memory by JamfSetup,
// never stored) → a role (reuse one, or create one from a preset whose privileges can be changed) → the client (name, token
// lifetime) → the run, which shows each step: role, client, credentials, an OAuth token as proof,
// the secret into the keychain and the tenant added (or `existing` updated). The pages only show
// and collect; JamfSetup does the I/O. Cancelling after something was created offers to delete it;
// cancelling during the run stops it after the request in flight, then offers the same.
class JamfSetupWizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId { ServerPage, RolePage, ClientPage, RunPage };

    JamfSetupWizard(const AppContext &context, const std::optional<Tenant> &existing, QWidget *parent = nullptr);
    ~JamfSetupWizard() override;

    JamfSetup *setup() const { return m_setup; }
    // The tenant added or updated (after the run succeeded).
    QString tenantId() const { return m_tenantId; }

    void reject() override;
    // Closing the wizard (Finish or Cancel) signs the administrator out.
    void done(int result) override;

private:
    friend class JamfSetupServerPage;
    friend class JamfSetupRunPage;
    void signIn();
    void startRun();

    AppContext m_context;
    std::optional<Tenant> m_existing;
    JamfSetup *m_setup;
    QString m_tenantId;
    bool m_signedIn = false;
    bool m_running = false;
    bool m_done = false;
    bool m_cancelPending = false; // Cancel during the run: reject() again when it has stopped
    // Server page
    QLineEdit *m_server;
    QLineEdit *m_admin;
    QLineEdit *m_password;
    QPushButton *m_signIn;
    QLabel *m_serverMessage;
    // Role page
    QRadioButton *m_createRole;
    QLineEdit *m_roleName;
    QComboBox *m_preset;
    JamfPrivilegePicker *m_privileges;
    QRadioButton *m_reuseRole;
    QComboBox *m_roles;
    // Client page
    QLineEdit *m_clientName;
    QComboBox *m_lifetime;
    QLineEdit *m_tenantName;
    // Run page
    QListWidget *m_steps;
    QLabel *m_runMessage;
};
