#include "jamftenantdialog.h"

#include "jamf/jamfsetupwizard.h"
#include "jamffamily.h"
#include "jamfsettings.h"
#include "net/job.h"
#include "secrets/secretstore.h"
#include "tenants/tenantregistry.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

JamfTenantDialog::JamfTenantDialog(const AppContext &context, const std::optional<Tenant> &existing, QWidget *parent)
    : QDialog(parent)
    , m_context(context)
    , m_tenant(existing.value_or(Tenant()))
{
    setWindowTitle(existing ? tr("Edit Jamf Pro tenant") : tr("Add Jamf Pro tenant"));
    auto *form = new QFormLayout(this);
    m_name = new QLineEdit(m_tenant.displayName);
    m_name->setObjectName(QStringLiteral("name"));
    form->addRow(tr("&Name:"), m_name);
    m_server = new QLineEdit(m_tenant.baseUrl.toString());
    m_server->setObjectName(QStringLiteral("server"));
    m_server->setPlaceholderText(QStringLiteral("https://yourcompany.jamfcloud.com"));
    form->addRow(tr("&Server:"), m_server);
    m_mode = new QComboBox;
    m_mode->setObjectName(QStringLiteral("mode"));
    m_mode->addItem(tr("API client (client id and secret)"));
    m_mode->addItem(tr("User account (not SSO)"));
    m_mode->setCurrentIndex(m_tenant.auth == AuthKind::Basic ? 1 : 0);
    form->addRow(tr("Sign in &with:"), m_mode);
    m_user = new QLineEdit(m_tenant.userName);
    m_user->setObjectName(QStringLiteral("user"));
    form->addRow(tr("Client &id:"), m_user);
    m_secret = new QLineEdit;
    m_secret->setObjectName(QStringLiteral("secret"));
    m_secret->setEchoMode(QLineEdit::Password);
    if (existing)
        m_secret->setPlaceholderText(tr("(unchanged)"));
    form->addRow(tr("&Secret:"), m_secret);
    m_concurrency = new QSpinBox;
    m_concurrency->setObjectName(QStringLiteral("concurrency"));
    m_concurrency->setRange(1, 20);
    m_concurrency->setValue(m_tenant.options.value(QStringLiteral("maxConcurrent"), JamfSettings::RecommendedConcurrency).toInt());
    form->addRow(tr("Requests at &once:"), m_concurrency);
    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    form->addRow(m_message);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("okButton"));
    // No client yet: the setup wizard makes one with an administrator's account.
    auto *setUp = buttons->addButton(tr("Set up a &new API client…"), QDialogButtonBox::ActionRole);
    setUp->setObjectName(QStringLiteral("setUpButton"));
    connect(setUp, &QPushButton::clicked, this, [this, existing] {
        auto *wizard = new JamfSetupWizard(m_context, existing, parentWidget());
        wizard->setAttribute(Qt::WA_DeleteOnClose);
        wizard->setWindowModality(Qt::WindowModal);
        wizard->show();
        reject();
    });
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &JamfTenantDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_mode, &QComboBox::currentIndexChanged, this, &JamfTenantDialog::updateMode);
    connect(m_concurrency, &QSpinBox::valueChanged, this, &JamfTenantDialog::updateWarning);
    updateMode();
}

void JamfTenantDialog::updateMode()
{
    auto *form = static_cast<QFormLayout *>(layout());
    const bool user = m_mode->currentIndex() == 1;
    if (auto *label = qobject_cast<QLabel *>(form->labelForField(m_user)))
        label->setText(user ? tr("User &name:") : tr("Client &id:"));
    if (auto *label = qobject_cast<QLabel *>(form->labelForField(m_secret)))
        label->setText(user ? tr("&Password:") : tr("Client &secret:"));
}

void JamfTenantDialog::updateWarning()
{
    QString warning;
    JamfSettings::checkConcurrency(m_concurrency->value(), &warning, nullptr);
    m_message->setText(warning);
}

void JamfTenantDialog::accept()
{
    QString error;
    const QUrl server = JamfSettings::normalizeServerUrl(m_server->text(), &error);
    if (!server.isValid() || m_user->text().trimmed().isEmpty()
        || (m_secret->text().isEmpty() && m_tenant.id.isEmpty())) {
        m_message->setText(!server.isValid() ? error : tr("Enter the %1 and the %2.").arg(
            m_mode->currentIndex() == 1 ? tr("user name") : tr("client id"), m_mode->currentIndex() == 1 ? tr("password") : tr("client secret")));
        return;
    }
    m_tenant.family = JamfFamily::Id;
    m_tenant.displayName = m_name->text().trimmed().isEmpty() ? server.host() : m_name->text().trimmed();
    m_tenant.baseUrl = server;
    m_tenant.auth = m_mode->currentIndex() == 1 ? AuthKind::Basic : AuthKind::OAuth2ClientCredentials;
    m_tenant.userName = m_user->text().trimmed();
    m_tenant.options.insert(QStringLiteral("maxConcurrent"), m_concurrency->value());
    const bool adding = m_tenant.id.isEmpty();
    if (adding)
        m_tenant.id = m_context.registry->add(m_tenant, &error);
    if (m_tenant.id.isEmpty() || (!adding && !m_context.registry->update(m_tenant, &error))) {
        m_message->setText(error);
        return;
    }
    if (m_secret->text().isEmpty()) {
        QDialog::accept();
        return;
    }
    const QString purpose = m_tenant.auth == AuthKind::Basic ? SecretPurpose::Password : SecretPurpose::ClientSecret;
    Job *job = m_context.registry->storeSecret(m_tenant.id, purpose, m_secret->text(), m_context.secrets);
    m_secret->clear();
    connect(job, &Job::finished, this, [this, job] {
        if (job->hasError()) {
            m_message->setText(tr("The tenant is saved, but the keychain refused the secret: %1").arg(job->error().toString()));
            return;
        }
        QDialog::accept();
    });
}
