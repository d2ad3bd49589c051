#pragma once

#include "appcontext.h"
#include "tenants/tenant.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

// Adds or edits a Jamf Pro tenant: name, server (normalised: https forced, path dropped), how it
// signs in (an API client's id and secret, or a user account's name and password) and how many
// requests it may send at once (above 5 is allowed, with Jamf's warning shown). On OK it writes
// the registry and, when a secret was typed, the secret store (editing: an empty secret keeps the
// stored one); the secret field is cleared once stored. Problems keep the dialog open.
// "Set up a new API client…" closes it and opens JamfSetupWizard for the same tenant instead.
class JamfTenantDialog : public QDialog
{
    Q_OBJECT
public:
    JamfTenantDialog(const AppContext &context, const std::optional<Tenant> &existing, QWidget *parent = nullptr);

    // The id of the tenant saved (after accept).
    QString tenantId() const { return m_tenant.id; }

public Q_SLOTS:
    void accept() override;

private:
    void updateMode();
    void updateWarning();

    AppContext m_context;
    Tenant m_tenant;
    QLineEdit *m_name;
    QLineEdit *m_server;
    QComboBox *m_mode;
    QLineEdit *m_user;
    QLineEdit *m_secret;
    QSpinBox *m_concurrency;
    QLabel *m_message;
};
