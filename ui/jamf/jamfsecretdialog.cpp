#include "jamfsecretdialog.h"

#include "appcontext.h"
#include "net/job.h"
#include "secrets/secretstore.h"
#include "tenants/sessionmanager.h"
#include "tenants/tenantregistry.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

JamfSecretDialog::JamfSecretDialog(const QJsonObject &credentials, const QString &tenantId, const AppContext &context, QWidget *parent)
    : QDialog(parent)
    , m_context(context)
    , m_tenantId(tenantId)
    , m_clientId(credentials.value(QLatin1String("clientId")).toString())
{
    setWindowTitle(tr("New client secret"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("The new secret of client %1. Jamf Pro shows it this once: copy it or store it now.").arg(m_clientId)));
    m_secret = new QLineEdit(credentials.value(QLatin1String("clientSecret")).toString());
    m_secret->setObjectName(QStringLiteral("secret"));
    m_secret->setReadOnly(true);
    layout->addWidget(m_secret);
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("status"));
    layout->addWidget(m_status);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    auto *copyButton = buttons->addButton(tr("&Copy"), QDialogButtonBox::ActionRole);
    copyButton->setObjectName(QStringLiteral("copyButton"));
    m_store = buttons->addButton(tr("&Store in the keychain for this tenant"), QDialogButtonBox::ActionRole);
    m_store->setObjectName(QStringLiteral("storeButton"));
    const std::optional<Tenant> tenant = m_context.registry ? m_context.registry->tenant(tenantId) : std::nullopt;
    m_store->setEnabled(tenant && tenant->auth == AuthKind::OAuth2ClientCredentials && tenant->userName == m_clientId
        && m_context.secrets);
    if (!m_store->isEnabled())
        m_store->setToolTip(tr("This tenant does not sign in as this client."));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(copyButton, &QPushButton::clicked, this, &JamfSecretDialog::copy);
    connect(m_store, &QPushButton::clicked, this, &JamfSecretDialog::store);
}

JamfSecretDialog::~JamfSecretDialog()
{
    m_secret->clear();
}

void JamfSecretDialog::copy()
{
    const QString secret = m_secret->text();
    QGuiApplication::clipboard()->setText(secret);
    m_status->setText(tr("Copied. The clipboard is cleared in %1 s.").arg(clipboardSeconds));
    // Not bound to the dialog: the clipboard is cleared even if it was closed meanwhile.
    QTimer::singleShot(clipboardSeconds * 1000, QGuiApplication::clipboard(), [secret] {
        if (QGuiApplication::clipboard()->text() == secret)
            QGuiApplication::clipboard()->clear();
    });
}

void JamfSecretDialog::store()
{
    m_store->setEnabled(false);
    Job *job = m_context.registry->storeSecret(m_tenantId, SecretPurpose::ClientSecret, m_secret->text(), m_context.secrets);
    connect(job, &Job::finished, this, [this, job] {
        if (job->hasError()) {
            m_status->setText(tr("The keychain refused it: %1").arg(job->error().toString()));
            m_store->setEnabled(true);
            return;
        }
        if (m_context.sessions)
            m_context.sessions->close(m_tenantId); // the next session signs in with the new secret
        m_status->setText(tr("Stored in the keychain for this tenant."));
    });
}
