#include "jamfsetupwizard.h"

#include "jamf/jamfprivilegepicker.h"
#include "jamf/jamfroleeditor.h"
#include "jamfprivileges.h"
#include "jamfsetup.h"
#include "prompt.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

#include <utility>

// Pages whose completeness the wizard decides (signed in; run finished).
class JamfSetupServerPage : public QWizardPage
{
public:
    explicit JamfSetupServerPage(JamfSetupWizard *wizard)
        : m_wizard(wizard)
    {
    }
    bool isComplete() const override { return m_wizard->m_signedIn; }
    void changed() { Q_EMIT completeChanged(); }

private:
    JamfSetupWizard *m_wizard;
};

class JamfSetupRunPage : public QWizardPage
{
public:
    explicit JamfSetupRunPage(JamfSetupWizard *wizard)
        : m_wizard(wizard)
    {
        setCommitPage(true);
    }
    void initializePage() override { m_wizard->startRun(); }
    bool isComplete() const override { return m_wizard->m_done; }
    void changed() { Q_EMIT completeChanged(); }

private:
    JamfSetupWizard *m_wizard;
};

JamfSetupWizard::JamfSetupWizard(const AppContext &context, const std::optional<Tenant> &existing, QWidget *parent)
    : QWizard(parent)
    , m_context(context)
    , m_existing(existing)
    , m_setup(new JamfSetup(context.network, context.registry, context.secrets, this))
{
    setWindowTitle(tr("Set up a Jamf Pro API client"));
    m_setup->setRequestLog(context.log);

    auto *server = new JamfSetupServerPage(this);
    server->setTitle(tr("Jamf Pro server and administrator"));
    server->setSubTitle(tr("The administrator's password is used by this wizard only, to create the role and the client. "
                           "It is never stored. SSO accounts cannot use the API."));
    auto *serverForm = new QFormLayout(server);
    m_server = new QLineEdit(existing ? existing->baseUrl.toString() : QString());
    m_server->setObjectName(QStringLiteral("server"));
    m_server->setPlaceholderText(QStringLiteral("https://yourcompany.jamfcloud.com"));
    m_admin = new QLineEdit;
    m_admin->setObjectName(QStringLiteral("adminUser"));
    m_password = new QLineEdit;
    m_password->setObjectName(QStringLiteral("adminPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_signIn = new QPushButton(tr("&Sign in"));
    m_signIn->setObjectName(QStringLiteral("signInButton"));
    m_serverMessage = new QLabel;
    m_serverMessage->setObjectName(QStringLiteral("serverMessage"));
    m_serverMessage->setWordWrap(true);
    serverForm->addRow(tr("&Server:"), m_server);
    serverForm->addRow(tr("Administrator &user:"), m_admin);
    serverForm->addRow(tr("&Password:"), m_password);
    auto *signInRow = new QHBoxLayout;
    signInRow->addWidget(m_signIn);
    signInRow->addWidget(m_serverMessage, 1);
    serverForm->addRow(QString(), signInRow);
    connect(m_signIn, &QPushButton::clicked, this, &JamfSetupWizard::signIn);
    connect(m_password, &QLineEdit::returnPressed, this, &JamfSetupWizard::signIn);
    setPage(ServerPage, server);

    auto *role = new QWizardPage;
    role->setTitle(tr("API role"));
    role->setSubTitle(tr("The privileges the new client will have: a new role made from a preset, or a role the server "
                         "already has."));
    auto *roleLayout = new QFormLayout(role);
    m_createRole = new QRadioButton(tr("&Create a role"));
    m_createRole->setObjectName(QStringLiteral("createRole"));
    m_createRole->setChecked(true);
    m_roleName = new QLineEdit(QStringLiteral("TenantDesk-Role"));
    m_roleName->setObjectName(QStringLiteral("roleName"));
    m_preset = new QComboBox;
    m_preset->setObjectName(QStringLiteral("rolePreset"));
    for (const auto &preset : JamfRoleEditor::presets())
        m_preset->addItem(tr("%1 (%2)").arg(preset.first, JamfPrivileges::countText(int(preset.second.size()))), preset.second);
    m_reuseRole = new QRadioButton(tr("&Reuse a role"));
    m_reuseRole->setObjectName(QStringLiteral("reuseRole"));
    m_roles = new QComboBox;
    m_roles->setObjectName(QStringLiteral("existingRoles"));
    // The preset fills the picker; the user may change its privileges before the role is made.
    m_privileges = new JamfPrivilegePicker;
    m_privileges->setObjectName(QStringLiteral("rolePrivileges"));
    m_privileges->setSelected(m_preset->currentData().toStringList());
    connect(m_preset, &QComboBox::activated, this, [this] { m_privileges->setSelected(m_preset->currentData().toStringList()); });
    roleLayout->addRow(m_createRole);
    roleLayout->addRow(tr("&Name:"), m_roleName);
    roleLayout->addRow(tr("&Preset:"), m_preset);
    roleLayout->addRow(m_privileges);
    roleLayout->addRow(m_reuseRole);
    roleLayout->addRow(tr("R&ole:"), m_roles);
    const auto updateRoleFields = [this] {
        const bool create = m_createRole->isChecked();
        m_roleName->setEnabled(create);
        m_preset->setEnabled(create);
        m_privileges->setEnabled(create);
        m_roles->setEnabled(!create);
    };
    connect(m_createRole, &QRadioButton::toggled, this, updateRoleFields);
    updateRoleFields();
    setPage(RolePage, role);

    auto *client = new QWizardPage;
    client->setTitle(tr("API client"));
    client->setSubTitle(tr("The client TenantDesk will sign in as, how long its tokens last, and the tenant that will use "
                           "it. Create makes the role, the client and its secret."));
    auto *clientForm = new QFormLayout(client);
    m_clientName = new QLineEdit(QStringLiteral("TenantDesk-Client"));
    m_clientName->setObjectName(QStringLiteral("clientName"));
    m_lifetime = new QComboBox;
    m_lifetime->setObjectName(QStringLiteral("lifetime"));
    for (const auto &[label, seconds] : JamfApiClient::lifetimePresets())
        m_lifetime->addItem(label, seconds);
    m_lifetime->setCurrentIndex(1);
    m_tenantName = new QLineEdit(existing ? existing->displayName : QString());
    m_tenantName->setObjectName(QStringLiteral("tenantName"));
    clientForm->addRow(tr("Client &name:"), m_clientName);
    clientForm->addRow(tr("Token &lifetime:"), m_lifetime);
    clientForm->addRow(tr("&Tenant name:"), m_tenantName);
    client->setButtonText(QWizard::NextButton, tr("&Create"));
    setPage(ClientPage, client);

    auto *run = new JamfSetupRunPage(this);
    run->setTitle(tr("Creating the client"));
    run->setSubTitle(tr("Each step is listed as it runs. If one fails, go Back to change a name, or Cancel to delete "
                        "what this wizard made."));
    auto *runLayout = new QVBoxLayout(run);
    m_steps = new QListWidget;
    m_steps->setObjectName(QStringLiteral("steps"));
    m_steps->setAccessibleName(tr("Steps"));
    m_runMessage = new QLabel;
    m_runMessage->setObjectName(QStringLiteral("runMessage"));
    m_runMessage->setWordWrap(true);
    runLayout->addWidget(m_steps);
    runLayout->addWidget(m_runMessage);
    setPage(RunPage, run);
    connect(m_setup, &JamfSetup::step, m_steps, [this](const QString &text) { m_steps->addItem(text); });
    resize(760, 640); // room for the privilege picker; fits a 1400x900 screen
}

JamfSetupWizard::~JamfSetupWizard() = default;

void JamfSetupWizard::signIn()
{
    if (!m_signIn->isEnabled())
        return; // signing in already
    m_signIn->setEnabled(false);
    m_serverMessage->setText(tr("Signing in…"));
    Job *job = m_setup->signIn(m_server->text(), m_admin->text(), m_password->text());
    m_password->clear(); // held by the setup's session only
    connect(job, &Job::finished, this, [this, job] {
        m_signIn->setEnabled(true);
        auto *page = static_cast<JamfSetupServerPage *>(this->page(ServerPage));
        if (job->hasError()) {
            m_serverMessage->setText(job->error().message().isEmpty() ? job->error().toString() : job->error().message());
            m_signedIn = false;
            page->changed();
            return;
        }
        const QJsonObject identity = job->result().toObject();
        m_serverMessage->setText(tr("Signed in as %1.").arg(identity.value(QLatin1String("user")).toString()));
        m_tenantName->setPlaceholderText(tr("Default: %1").arg(m_setup->serverUrl().host()));
        m_signedIn = true;
        page->changed();
        Job *catalogue = m_setup->adminClient()->privileges();
        connect(catalogue, &Job::finished, this, [this, catalogue] {
            if (catalogue->hasError())
                return; // the compiled-in catalogue stays
            QStringList names;
            for (const QJsonValue &v : catalogue->result().toArray())
                names << v.toString();
            m_privileges->setCatalogue(names);
        });
        Job *roles = m_setup->adminClient()->listRoles();
        connect(roles, &Job::finished, this, [this, roles] {
            m_roles->clear();
            for (const QJsonValue &v : roles->result().toArray()) {
                const QJsonObject role = v.toObject();
                m_roles->addItem(role.value(QLatin1String("displayName")).toString(), role.value(QLatin1String("id")).toString());
            }
        });
    });
}

void JamfSetupWizard::startRun()
{
    if (m_running || m_done)
        return;
    m_running = true;
    m_steps->clear();
    m_runMessage->clear();
    JamfSetup::Draft draft;
    if (m_reuseRole->isChecked()) {
        draft.roleId = m_roles->currentData().toString();
        if (draft.roleId.isEmpty()) {
            m_running = false;
            m_runMessage->setText(tr("No role to reuse is chosen (this account may not read roles): go Back and create one."));
            return;
        }
    }
    draft.roleName = m_roleName->text().trimmed();
    draft.privileges = m_privileges->selected();
    draft.clientName = m_clientName->text().trimmed();
    draft.lifetimeSeconds = m_lifetime->currentData().toInt();
    draft.tenantName = m_tenantName->text().trimmed();
    draft.tenantId = m_existing ? m_existing->id : QString();
    Job *job = m_setup->run(draft);
    connect(job, &Job::finished, this, [this, job] {
        m_running = false;
        if (std::exchange(m_cancelPending, false)) {
            button(QWizard::CancelButton)->setEnabled(true);
            if (job->hasError()) {
                reject(); // stopped: offers to delete what was made
                return;
            } // else it finished before it could stop: shown as done
        }
        if (job->hasError()) {
            m_runMessage->setText(job->error().message().isEmpty() ? job->error().toString() : job->error().message());
            return; // Back lets the user change names; Cancel offers to delete what was made
        }
        m_tenantId = job->result().toObject().value(QLatin1String("tenantId")).toString();
        m_runMessage->setText(tr("The client works, its secret is in the keychain and the tenant uses it."));
        m_done = true;
        static_cast<JamfSetupRunPage *>(page(RunPage))->changed();
    });
}

void JamfSetupWizard::done(int result)
{
    // The administrator's token ends with the wizard. Queued: done() may run inside a reply of that
    // very session (the undo's last deletion).
    QMetaObject::invokeMethod(m_setup, &JamfSetup::signOut, Qt::QueuedConnection);
    QWizard::done(result);
}

void JamfSetupWizard::reject()
{
    if (m_setup->isRunning()) {
        // Closing now could leave a role or client made by the request in flight unknown: stop
        // after it, then offer to delete what was made.
        m_cancelPending = true;
        m_setup->stop();
        m_runMessage->setText(tr("Stopping after the current step…"));
        button(QWizard::CancelButton)->setEnabled(false);
        return;
    }
    const QStringList made = m_setup->created();
    if (made.isEmpty() || m_done) {
        QWizard::reject();
        return;
    }
    if (!Prompt::question(this, tr("Cancel the setup"),
            tr("This wizard created %1. Delete it?").arg(made.join(tr(" and "))))) {
        QWizard::reject();
        return;
    }
    Job *undo = m_setup->undo();
    connect(undo, &Job::finished, this, [this, undo] {
        if (undo->hasError())
            Prompt::warning(this, tr("Cancel the setup"), undo->error().toString());
        QWizard::reject();
    });
}
