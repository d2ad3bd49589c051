#include "addkintotenantwizard.h"

#include "net/job.h"
#include "secrets/secretstore.h"
#include "widgets/tonedlabel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QVBoxLayout>

#include <functional>

namespace {

// A page whose completeness is decided by the wizard (pages are views: no logic of their own).
class WizardPage : public QWizardPage
{
public:
    using QWizardPage::QWizardPage;
    std::function<bool()> complete;
    bool isComplete() const override { return complete ? complete() : QWizardPage::isComplete(); }
    void changed() { Q_EMIT completeChanged(); }
};

WizardPage *pageOf(QWizard *wizard, int id)
{
    return static_cast<WizardPage *>(wizard->page(id));
}

QLabel *errorLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    setTone(label, Tones::Tone::Error);
    return label;
}

} // namespace

AddKintoTenantWizard::AddKintoTenantWizard(TenantRegistry *registry, SecretStore *secrets,
                                           QNetworkAccessManager *nam, QWidget *parent,
                                           const std::optional<Tenant> &existing)
    : QWizard(parent)
    , m_controller(new AddKintoTenantController(registry, secrets, nam, this))
{
    setObjectName(QStringLiteral("addKintoTenantWizard"));
    setWindowTitle(tr("Add Kinto Tenant"));
    setOption(QWizard::NoBackButtonOnStartPage);
    setPage(UrlPage, createUrlPage());
    setPage(AuthPage, createAuthPage());
    setPage(CredentialsPage, createCredentialsPage());
    setPage(CheckPage, createCheckPage());
    setPage(BucketPage, createBucketPage());
    setStartId(UrlPage);
    connect(m_controller, &AddKintoTenantController::checked, this, &AddKintoTenantWizard::showCheck);
    connect(m_controller, &AddKintoTenantController::bucketsListed, this,
            [this](const QStringList &buckets, const QString &error) {
                const QString typed = m_bucket->currentText();
                m_bucket->clear();
                m_bucket->addItems(buckets);
                if (!typed.isEmpty())
                    m_bucket->setCurrentText(typed);
                m_bucketStatus->setText(error.isEmpty()
                    ? tr("%n bucket(s) readable with these credentials.", nullptr, int(buckets.size()))
                    : tr("Cannot list the buckets: %1").arg(error));
            });
    if (existing)
        fill(*existing);
}

void AddKintoTenantWizard::fill(const Tenant &tenant)
{
    m_controller->setExisting(tenant);
    setObjectName(QStringLiteral("editKintoTenantWizard"));
    setWindowTitle(tr("Edit Kinto Tenant"));
    const AddKintoTenantController::Draft d = AddKintoTenantController::draftOf(tenant);
    m_url->setText(d.serverUrl.toString());
    m_name->setText(d.displayName);
    m_authNone->setChecked(d.auth == AuthKind::None);
    m_authBasic->setChecked(d.auth == AuthKind::Basic);
    m_authBearer->setChecked(d.auth == AuthKind::Bearer);
    m_user->setText(d.userName);
    m_bearerType->setText(d.bearerType);
    m_bucket->setCurrentText(d.bucket);
    m_secret->setPlaceholderText(tr("unchanged (kept in the keychain)"));
}

bool AddKintoTenantWizard::mayKeepSecret() const
{
    const std::optional<Tenant> existing = m_controller->existing();
    if (!existing || existing->auth != chosenAuth())
        return false;
    const QString purpose = chosenAuth() == AuthKind::Basic ? SecretPurpose::Password : SecretPurpose::Token;
    return existing->secretPurposes.contains(purpose);
}

AddKintoTenantWizard::~AddKintoTenantWizard() = default;

AddKintoTenantWizard *AddKintoTenantWizard::run(QWidget *parent, TenantRegistry *registry, SecretStore *secrets,
                                                QNetworkAccessManager *nam, const std::optional<Tenant> &existing)
{
    auto *wizard = new AddKintoTenantWizard(registry, secrets, nam, parent, existing);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->open();
    return wizard;
}

QWizardPage *AddKintoTenantWizard::createUrlPage()
{
    auto *p = new WizardPage(this);
    p->setTitle(tr("Server"));
    p->setSubTitle(tr("The address of the Kinto server, with or without the /v1 prefix."));
    m_url = new QLineEdit(p);
    m_url->setObjectName(QStringLiteral("urlEdit"));
    m_url->setPlaceholderText(QStringLiteral("https://kinto.example.com/v1"));
    m_name = new QLineEdit(p);
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_name->setPlaceholderText(tr("defaults to the host name"));
    m_urlError = errorLabel(QStringLiteral("urlError"), p);
    auto *form = new QFormLayout(p);
    form->addRow(tr("&URL:"), m_url);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(m_urlError);
    p->complete = [this] { return !m_url->text().trimmed().isEmpty(); };
    connect(m_url, &QLineEdit::textChanged, p, [this, p] {
        m_urlError->clear();
        p->changed();
    });
    return p;
}

QWizardPage *AddKintoTenantWizard::createAuthPage()
{
    auto *p = new WizardPage(this);
    p->setTitle(tr("Authentication"));
    p->setSubTitle(tr("How TenantDesk signs in to this server."));
    m_authNone = new QRadioButton(tr("&None (anonymous)"), p);
    m_authNone->setObjectName(QStringLiteral("authNoneRadio"));
    m_authBasic = new QRadioButton(tr("&Accounts (user name and password, Basic auth)"), p);
    m_authBasic->setObjectName(QStringLiteral("authBasicRadio"));
    m_authBearer = new QRadioButton(tr("&Token (Authorization: <type> <token>, e.g. OpenID Connect)"), p);
    m_authBearer->setObjectName(QStringLiteral("authBearerRadio"));
    m_authBasic->setChecked(true);
    auto *layout = new QVBoxLayout(p);
    layout->addWidget(m_authNone);
    layout->addWidget(m_authBasic);
    layout->addWidget(m_authBearer);
    layout->addStretch();
    return p;
}

QWizardPage *AddKintoTenantWizard::createCredentialsPage()
{
    auto *p = new WizardPage(this);
    p->setTitle(tr("Credentials"));
    p->setSubTitle(tr("Kept in the system keychain, never in the settings file."));
    m_user = new QLineEdit(p);
    m_user->setObjectName(QStringLiteral("userEdit"));
    m_secret = new QLineEdit(p);
    m_secret->setObjectName(QStringLiteral("secretEdit"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_bearerType = new QLineEdit(QStringLiteral("Bearer"), p);
    m_bearerType->setObjectName(QStringLiteral("bearerTypeEdit"));
    auto *form = new QFormLayout(p);
    m_userLabel = new QLabel(tr("&User:"), p);
    m_userLabel->setBuddy(m_user);
    m_bearerTypeLabel = new QLabel(tr("T&ype word:"), p);
    m_bearerTypeLabel->setBuddy(m_bearerType);
    form->addRow(m_userLabel, m_user);
    form->addRow(m_bearerTypeLabel, m_bearerType);
    form->addRow(tr("&Password or token:"), m_secret);
    p->complete = [this] {
        if (m_secret->text().isEmpty() && !mayKeepSecret())
            return false;
        if (chosenAuth() == AuthKind::Basic)
            return !m_user->text().trimmed().isEmpty() && !m_user->text().contains(QLatin1Char(':'));
        static const QRegularExpression word(QStringLiteral("^\\S+$"));
        return word.match(m_bearerType->text().trimmed()).hasMatch();
    };
    for (QLineEdit *edit : { m_user, m_secret, m_bearerType })
        connect(edit, &QLineEdit::textChanged, p, &WizardPage::changed);
    return p;
}

QWizardPage *AddKintoTenantWizard::createCheckPage()
{
    auto *p = new WizardPage(this);
    p->setTitle(tr("Check"));
    p->setSubTitle(tr("What the server says about itself and about you."));
    m_checkResult = new QLabel(p);
    m_checkResult->setObjectName(QStringLiteral("checkResult"));
    m_checkResult->setWordWrap(true);
    m_checkResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_capabilities = new QListWidget(p);
    m_capabilities->setObjectName(QStringLiteral("capabilityList"));
    m_capabilities->setAccessibleName(tr("Server capabilities"));
    m_recheck = new QPushButton(tr("Check &again"), p);
    m_recheck->setObjectName(QStringLiteral("recheckButton"));
    auto *layout = new QVBoxLayout(p);
    layout->addWidget(m_checkResult);
    layout->addWidget(new QLabel(tr("Capabilities:"), p));
    layout->addWidget(m_capabilities);
    layout->addWidget(m_recheck, 0, Qt::AlignLeft);
    p->complete = [this] { return !m_checking && m_controller->lastCheck().credentialsAccepted; };
    connect(m_recheck, &QPushButton::clicked, this, &AddKintoTenantWizard::startCheck);
    return p;
}

QWizardPage *AddKintoTenantWizard::createBucketPage()
{
    auto *p = new WizardPage(this);
    p->setTitle(tr("Default bucket"));
    p->setSubTitle(tr("The bucket shown first for this tenant (optional)."));
    m_bucket = new QComboBox(p);
    m_bucket->setObjectName(QStringLiteral("bucketCombo"));
    m_bucket->setEditable(true);
    m_bucketStatus = new QLabel(p);
    m_bucketStatus->setObjectName(QStringLiteral("bucketStatus"));
    m_bucketStatus->setWordWrap(true);
    m_finishError = errorLabel(QStringLiteral("finishError"), p);
    auto *form = new QFormLayout(p);
    form->addRow(tr("&Bucket:"), m_bucket);
    form->addRow(m_bucketStatus);
    form->addRow(m_finishError);
    p->setFinalPage(true);
    p->complete = [this] { return !m_committing; };
    return p;
}

AuthKind AddKintoTenantWizard::chosenAuth() const
{
    return m_authNone->isChecked() ? AuthKind::None : m_authBearer->isChecked() ? AuthKind::Bearer : AuthKind::Basic;
}

AddKintoTenantController::Draft AddKintoTenantWizard::draft() const
{
    AddKintoTenantController::Draft d;
    QString ignored;
    d.displayName = m_name->text().trimmed();
    d.serverUrl = AddKintoTenantController::normaliseUrl(m_url->text(), &ignored);
    d.auth = chosenAuth();
    d.userName = m_user->text().trimmed();
    d.bearerType = m_bearerType->text().trimmed();
    d.bucket = m_bucket->currentText().trimmed();
    return d;
}

int AddKintoTenantWizard::nextId() const
{
    switch (currentId()) {
    case UrlPage: return AuthPage;
    case AuthPage: return chosenAuth() == AuthKind::None ? CheckPage : CredentialsPage;
    case CredentialsPage: return CheckPage;
    case CheckPage: return BucketPage;
    default: return -1;
    }
}

bool AddKintoTenantWizard::validateCurrentPage()
{
    if (currentId() == UrlPage) {
        QString error;
        const QUrl url = AddKintoTenantController::normaliseUrl(m_url->text(), &error);
        if (url.isEmpty()) {
            m_urlError->setText(error);
            return false;
        }
        m_urlError->clear();
    }
    return QWizard::validateCurrentPage();
}

void AddKintoTenantWizard::initializePage(int id)
{
    if (id == CredentialsPage) {
        const bool basic = chosenAuth() == AuthKind::Basic;
        m_user->setVisible(basic);
        m_userLabel->setVisible(basic);
        m_bearerType->setVisible(!basic);
        m_bearerTypeLabel->setVisible(!basic);
        pageOf(this, CredentialsPage)->changed();
    } else if (id == CheckPage) {
        startCheck();
    } else if (id == BucketPage) {
        m_bucketStatus->setText(tr("Listing the buckets…"));
        m_controller->listBuckets();
    }
    QWizard::initializePage(id);
}

void AddKintoTenantWizard::startCheck()
{
    m_checking = true;
    m_checkResult->setText(tr("Checking %1…").arg(draft().serverUrl.toString()));
    m_capabilities->clear();
    m_recheck->setEnabled(false);
    pageOf(this, CheckPage)->changed();
    m_controller->check(draft(), chosenAuth() == AuthKind::None ? QString() : m_secret->text());
}

void AddKintoTenantWizard::showCheck(const AddKintoTenantController::ServerCheck &result)
{
    m_checking = false;
    m_recheck->setEnabled(true);
    QString text = result.message;
    if (result.reachable && !result.httpApiVersion.isEmpty()) {
        text += QStringLiteral("\n")
            + tr("Project version: %1\nHTTP API version: %2\nUser: %3")
                  .arg(result.projectVersion, result.httpApiVersion,
                       result.userId.isEmpty() ? tr("(anonymous)") : result.userId);
    }
    m_checkResult->setText(text);
    m_capabilities->clear();
    m_capabilities->addItems(result.capabilities);
    pageOf(this, CheckPage)->changed();
}

void AddKintoTenantWizard::accept()
{
    if (m_committed) {
        QWizard::accept();
        return;
    }
    if (m_committing)
        return;
    m_committing = true;
    m_finishError->clear();
    pageOf(this, BucketPage)->changed();
    Job *job = m_controller->commit(draft(), chosenAuth() == AuthKind::None ? QString() : m_secret->text());
    m_secret->clear(); // handed to the store: the field keeps no copy
    connect(job, &Job::finished, this, [this, job] {
        m_committing = false;
        if (job->hasError()) {
            m_finishError->setText(m_controller->existing()
                                       ? tr("The tenant was not saved: %1").arg(job->error().toString())
                                       : tr("The tenant was not added: %1").arg(job->error().toString()));
            pageOf(this, BucketPage)->changed();
            return;
        }
        m_committed = true;
        Q_EMIT tenantAdded(job->result().toString());
        QWizard::accept();
    });
}
