#include "addkandjitenantwizard.h"

#include "kandjiclient.h"
#include "kandjifamily.h"
#include "kandjisettings.h"
#include "net/httpclient.h"
#include "net/requestlog.h"
#include "secrets/secretstore.h"
#include "tenants/tenantregistry.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QWizardPage>

// Finish is enabled only when the wizard says the input is complete.
class KandjiTenantPage : public QWizardPage
{
public:
    std::function<bool()> complete;
    bool isComplete() const override { return complete && complete(); }
    void changed() { Q_EMIT completeChanged(); }
};

AddKandjiTenantWizard::AddKandjiTenantWizard(TenantRegistry *registry, SecretStore *secrets, QNetworkAccessManager *nam,
                                             const std::optional<Tenant> &existing, QWidget *parent)
    : QWizard(parent)
    , m_registry(registry)
    , m_secrets(secrets)
    , m_nam(nam)
    , m_existing(existing)
    , m_name(new QLineEdit)
    , m_url(new QLineEdit)
    , m_local(new QCheckBox(tr("Local test server (a sandbox on this machine)")))
    , m_token(new QLineEdit)
    , m_problem(new QLabel)
    , m_test(new QPushButton(tr("Test connection")))
    , m_result(new QLabel)
{
    setWindowTitle(existing ? tr("Edit Kandji / Iru Tenant") : tr("Add Kandji / Iru Tenant"));
    setOption(QWizard::NoBackButtonOnStartPage);
    m_name->setObjectName(QStringLiteral("displayName"));
    m_url->setObjectName(QStringLiteral("url"));
    m_local->setObjectName(QStringLiteral("localTestServer"));
    m_token->setObjectName(QStringLiteral("token"));
    m_problem->setObjectName(QStringLiteral("problem"));
    m_test->setObjectName(QStringLiteral("testButton"));
    m_result->setObjectName(QStringLiteral("testResult"));
    m_token->setEchoMode(QLineEdit::Password);
    m_url->setPlaceholderText(QStringLiteral("https://yourcompany.api.kandji.io"));
    m_token->setPlaceholderText(existing ? tr("Leave empty to keep the stored token") : QStringLiteral("12345678-1234-4234-8234-123456789012"));
    m_problem->setWordWrap(true);
    m_result->setWordWrap(true);
    if (existing) {
        m_name->setText(existing->displayName);
        m_url->setText(existing->baseUrl.toString());
        m_local->setChecked(existing->options.value(QStringLiteral("localTestServer")).toBool());
    }

    auto *page = new KandjiTenantPage;
    page->setTitle(tr("Kandji / Iru API"));
    page->setSubTitle(tr("The API URL and an API token from Settings › Access in the Kandji web app."));
    auto *form = new QFormLayout(page);
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("API URL:"), m_url);
    form->addRow(m_local);
    form->addRow(tr("API token:"), m_token);
    form->addRow(m_problem);
    form->addRow(m_test);
    form->addRow(m_result);
    page->complete = [this] {
        QString error;
        if (!inputValid(&error))
            return false;
        const bool keepsToken = m_existing && m_token->text().isEmpty();
        return keepsToken || m_testedInput == m_url->text() + QLatin1Char('\n') + m_token->text() + QLatin1Char('\n') + QString::number(m_local->isChecked());
    };
    addPage(page);

    for (QLineEdit *edit : { m_url, m_token })
        connect(edit, &QLineEdit::textChanged, this, [this, page] { validateInput(); page->changed(); });
    connect(m_local, &QCheckBox::toggled, this, [this, page] { validateInput(); page->changed(); });
    connect(this, &AddKandjiTenantWizard::tested, page, [page] { page->changed(); });
    connect(m_test, &QPushButton::clicked, this, &AddKandjiTenantWizard::test);
    validateInput();
}

AddKandjiTenantWizard::~AddKandjiTenantWizard() = default;

AddKandjiTenantWizard *AddKandjiTenantWizard::run(QWidget *parent, TenantRegistry *registry, SecretStore *secrets,
                                                  QNetworkAccessManager *nam, const std::optional<Tenant> &existing)
{
    auto *wizard = new AddKandjiTenantWizard(registry, secrets, nam, existing, parent);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->setWindowModality(Qt::WindowModal);
    wizard->show();
    return wizard;
}

QString AddKandjiTenantWizard::testMessage() const
{
    return m_result->text();
}

bool AddKandjiTenantWizard::inputValid(QString *error) const
{
    if (!KandjiSettings::normalizeUrl(m_url->text(), m_local->isChecked(), error))
        return false;
    if (m_existing && m_token->text().isEmpty())
        return true;
    return KandjiSettings::isValidToken(m_token->text().trimmed(), error);
}

void AddKandjiTenantWizard::validateInput()
{
    QString error;
    const bool ok = inputValid(&error) || (m_url->text().isEmpty() && m_token->text().isEmpty());
    m_problem->setText(ok ? QString() : error);
    m_test->setEnabled(inputValid(&error) && !m_token->text().isEmpty());
}

void AddKandjiTenantWizard::test()
{
    QString error;
    const auto settings = KandjiSettings::make(m_url->text(), m_token->text(), m_local->isChecked(), &error);
    if (!settings) {
        m_result->setText(error);
        return;
    }
    const QString input = m_url->text() + QLatin1Char('\n') + m_token->text() + QLatin1Char('\n') + QString::number(m_local->isChecked());
    m_testClient.reset(KandjiClient::makeHttpClient(m_nam, *settings));
    m_testClient->setRequestLog(m_log);
    m_testClient->setLogLabel(RequestLog::wizardLabel(m_name->text(), settings->url));
    m_result->setText(tr("Testing…"));
    m_test->setEnabled(false);
    Job *probe = KandjiClient::forSession(m_testClient.get())->probe();
    connect(probe, &Job::finished, this, [this, probe, input] {
        m_test->setEnabled(true);
        if (probe->hasError()) {
            m_testedInput.clear();
            m_result->setText(probe->error().isUnauthorized() ? tr("The token was refused: %1").arg(probe->error().toString())
                                                              : probe->error().toString());
            Q_EMIT tested(false);
            return;
        }
        const ServiceIdentity identity = ServiceIdentity::fromJson(probe->result().toObject());
        m_testedInput = input;
        m_result->setText(identity.warnings.isEmpty() ? tr("Connected: the token may read %1.").arg(identity.capabilities.join(QStringLiteral(", ")))
                                                      : tr("Connected, with warnings: %1").arg(identity.warnings.join(QLatin1Char(' '))));
        Q_EMIT tested(true);
    });
}

void AddKandjiTenantWizard::accept()
{
    if (m_committing)
        return;
    QString error;
    const auto url = KandjiSettings::normalizeUrl(m_url->text(), m_local->isChecked(), &error);
    if (!url || !inputValid(&error)) {
        m_problem->setText(error);
        return;
    }
    Tenant tenant = m_existing.value_or(Tenant {});
    tenant.displayName = m_name->text().trimmed().isEmpty() ? url->host() : m_name->text().trimmed();
    tenant.family = KandjiFamily::Id;
    tenant.baseUrl = *url;
    tenant.auth = AuthKind::Bearer;
    if (m_local->isChecked())
        tenant.options.insert(QStringLiteral("localTestServer"), true);
    else
        tenant.options.remove(QStringLiteral("localTestServer"));
    QString id;
    if (m_existing) {
        if (!m_registry->update(tenant, &error)) {
            m_problem->setText(error);
            return;
        }
        id = tenant.id;
    } else {
        id = m_registry->add(tenant, &error);
        if (id.isEmpty()) {
            m_problem->setText(error);
            return;
        }
    }
    m_testClient.reset(); // it held the token in memory
    const QString token = m_token->text().trimmed();
    m_token->clear();
    if (token.isEmpty()) {
        m_tenantId = id;
        QWizard::accept();
        return;
    }
    m_committing = true;
    Job *store = m_registry->storeSecret(id, SecretPurpose::Token, token, m_secrets);
    connect(store, &Job::finished, this, [this, store, id] {
        m_committing = false;
        if (store->hasError()) {
            if (!m_existing)
                m_registry->remove(id, m_secrets); // a tenant without its token would only fail later
            m_problem->setText(tr("The token could not be stored: %1").arg(store->error().toString()));
            return;
        }
        m_tenantId = id;
        QWizard::accept();
    });
}
