#include "restconnectionwizard.h"

#include "auth/oauth2signin.h"
#include "net/job.h"
#include "restsettingsform.h"
#include "resttenant.h"

#include <QComboBox>
#include <QDesktopServices>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {

struct AuthChoice
{
    const char *key;
    const char *label;
};
const AuthChoice authChoices[] = {
    { "none", QT_TRANSLATE_NOOP("RestConnectionWizard", "None") },
    { "basic", QT_TRANSLATE_NOOP("RestConnectionWizard", "Basic (user and password)") },
    { "bearer", QT_TRANSLATE_NOOP("RestConnectionWizard", "Bearer token") },
    { "api-key-header", QT_TRANSLATE_NOOP("RestConnectionWizard", "API key in a header") },
    { "api-key-query", QT_TRANSLATE_NOOP("RestConnectionWizard", "API key in the query") },
    { "oauth2-client-credentials", QT_TRANSLATE_NOOP("RestConnectionWizard", "OAuth2 client credentials") },
    { "oauth2-password", QT_TRANSLATE_NOOP("RestConnectionWizard", "OAuth2 password") },
    { "oauth2-authorization-code", QT_TRANSLATE_NOOP("RestConnectionWizard", "OAuth2 sign-in in the browser (PKCE)") },
};

QLineEdit *lineEdit(QWidget *parent, const char *name, bool secret = false)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(QLatin1String(name));
    if (secret)
        edit->setEchoMode(QLineEdit::Password);
    return edit;
}

QLabel *label(QWidget *parent, const char *name)
{
    auto *text = new QLabel(parent);
    text->setObjectName(QLatin1String(name));
    text->setWordWrap(true);
    return text;
}

// "a,b" for the table's parameter column.
QString paramsText(const RestPaging &paging)
{
    switch (paging.kind) {
    case RestPaging::Kind::None: return {};
    case RestPaging::Kind::OffsetLimit: return paging.offsetParam + QLatin1Char(',') + paging.limitParam;
    case RestPaging::Kind::NextLink: return paging.nextField;
    case RestPaging::Kind::PageSize:
    case RestPaging::Kind::LinkHeader: return paging.pageParam + QLatin1Char(',') + paging.sizeParam;
    }
    return {};
}

} // namespace

RestConnectionWizard::RestConnectionWizard(TenantRegistry *registry, SecretStore *secrets, QNetworkAccessManager *nam, QWidget *parent)
    : QWizard(parent)
    , m_controller(new RestConnectionController(registry, secrets, nam, this))
    , m_openUrl([](const QUrl &url) { QDesktopServices::openUrl(url); })
{
    setWindowTitle(tr("Add REST API tenant"));
    setPage(AddressPage, createAddressPage());
    setPage(AuthPage, createAuthPage());
    setPage(CheckPage, createCheckPage());
    setPage(ResourcesPage, createResourcesPage());
    setStartId(AddressPage);
}

RestConnectionWizard::~RestConnectionWizard() = default;

void RestConnectionWizard::editTenant(const Tenant &tenant)
{
    m_tenantId = tenant.id;
    setWindowTitle(tr("Edit REST API tenant"));
    const auto option = [&tenant](const char *name) { return tenant.options.value(QLatin1String(name)).toString(); };
    m_name->setText(tenant.displayName);
    m_url->setText(tenant.baseUrl.toString());
    QString kind;
    switch (tenant.auth) {
    case AuthKind::None: kind = QStringLiteral("none"); break;
    case AuthKind::Basic: kind = QStringLiteral("basic"); break;
    case AuthKind::Bearer:
        kind = option("apiKeyIn") == QLatin1String("header") ? QStringLiteral("api-key-header")
             : option("apiKeyIn") == QLatin1String("query")  ? QStringLiteral("api-key-query")
                                                             : QStringLiteral("bearer");
        break;
    case AuthKind::OAuth2ClientCredentials: kind = QStringLiteral("oauth2-client-credentials"); break;
    case AuthKind::OAuth2Password: kind = QStringLiteral("oauth2-password"); break;
    case AuthKind::OAuth2AuthorizationCode: kind = QStringLiteral("oauth2-authorization-code"); break;
    }
    m_apiKeyName->setText(option("apiKeyName"));
    m_auth->setCurrentIndex(qMax(0, m_auth->findData(kind)));
    m_user->setText(tenant.userName);
    m_tokenUrl->setText(option("tokenUrl"));
    m_authorizationUrl->setText(option("authorizationUrl"));
    m_scope->setText(option("scope"));
    m_oauthUser->setText(option("oauthUser"));
    m_probePath->setText(option("probePath"));
    for (const char *key : { "redirectUri", "clientAuth", "authorizationDetails" }) {
        if (!option(key).isEmpty())
            m_keptOAuth.insert(QLatin1String(key), option(key));
    }
    QString error;
    RestSettings settings;
    if (RestTenant::settings(tenant, &settings, &error))
        m_settingsForm->setSettings(settings);
    const QString unchanged = tr("(unchanged: kept in the keychain)");
    for (QLineEdit *secret : { m_secret, m_clientSecret })
        secret->setPlaceholderText(unchanged);
    QList<RestResource> resources;
    RestTenant::resources(tenant, &resources, &error);
    m_resources->setRowCount(0);
    for (const RestResource &resource : std::as_const(resources))
        addResourceRow(resource);
    updateAuthFields();
}

QWizardPage *RestConnectionWizard::createAddressPage()
{
    auto *page = new QWizardPage(this);
    page->setTitle(tr("API address"));
    page->setSubTitle(tr("The base URL every resource path is relative to."));
    auto *form = new QFormLayout(page);
    m_name = lineEdit(page, "name");
    m_url = lineEdit(page, "url");
    m_url->setPlaceholderText(QStringLiteral("https://api.example.org/v1"));
    m_urlError = label(page, "urlError");
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Base URL:"), m_url);
    m_settingsForm = new RestSettingsForm(page);
    form->addRow(m_settingsForm);
    form->addRow(m_urlError);
    return page;
}

QWizardPage *RestConnectionWizard::createAuthPage()
{
    auto *page = new QWizardPage(this);
    page->setTitle(tr("Authentication"));
    page->setSubTitle(tr("Secrets go to the system keychain only."));
    auto *form = new QFormLayout(page);
    m_auth = new QComboBox(page);
    m_auth->setObjectName(QStringLiteral("auth"));
    for (const AuthChoice &choice : authChoices)
        m_auth->addItem(tr(choice.label), QLatin1String(choice.key));
    m_user = lineEdit(page, "user");
    m_secret = lineEdit(page, "secret", true);
    m_clientSecret = lineEdit(page, "clientSecret", true);
    m_apiKeyName = lineEdit(page, "apiKeyName");
    m_tokenUrl = lineEdit(page, "tokenUrl");
    m_authorizationUrl = lineEdit(page, "authorizationUrl");
    m_scope = lineEdit(page, "scope");
    m_oauthUser = lineEdit(page, "oauthUser");
    m_signIn = new QPushButton(tr("Sign in in the browser…"), page);
    m_signIn->setObjectName(QStringLiteral("signIn"));
    m_signInStatus = label(page, "signInStatus");
    form->addRow(tr("Method:"), m_auth);
    form->addRow(tr("User or client id:"), m_user);
    form->addRow(tr("Password, token or key:"), m_secret);
    form->addRow(tr("Client secret:"), m_clientSecret);
    form->addRow(tr("Key name:"), m_apiKeyName);
    form->addRow(tr("Token URL:"), m_tokenUrl);
    form->addRow(tr("Authorization URL:"), m_authorizationUrl);
    form->addRow(tr("Scope:"), m_scope);
    form->addRow(tr("User (password grant):"), m_oauthUser);
    form->addRow(m_signIn, m_signInStatus);
    connect(m_auth, &QComboBox::currentIndexChanged, this, &RestConnectionWizard::updateAuthFields);
    connect(m_signIn, &QPushButton::clicked, this, &RestConnectionWizard::startSignIn);
    updateAuthFields();
    return page;
}

QWizardPage *RestConnectionWizard::createCheckPage()
{
    auto *page = new QWizardPage(this);
    page->setTitle(tr("Connection check"));
    auto *form = new QFormLayout(page);
    m_probePath = lineEdit(page, "probePath");
    m_probePath->setPlaceholderText(tr("(the base URL)"));
    auto *recheck = new QPushButton(tr("Check again"), page);
    recheck->setObjectName(QStringLiteral("recheck"));
    m_checkResult = label(page, "checkResult");
    form->addRow(tr("Path to ask:"), m_probePath);
    form->addRow(recheck);
    form->addRow(m_checkResult);
    connect(recheck, &QPushButton::clicked, this, &RestConnectionWizard::startCheck);
    return page;
}

QWizardPage *RestConnectionWizard::createResourcesPage()
{
    auto *page = new QWizardPage(this);
    page->setTitle(tr("Resources"));
    page->setSubTitle(tr("Import them from an OpenAPI document, or name the collections by hand."));
    auto *layout = new QVBoxLayout(page);
    auto *importRow = new QHBoxLayout;
    m_openApiSource = lineEdit(page, "openApiSource");
    m_openApiSource->setPlaceholderText(tr("OpenAPI document: URL or file"));
    m_openApiSource->setAccessibleName(tr("OpenAPI document"));
    m_openApiSource->setAccessibleDescription(tr("A URL or a file to read the resources from"));
    auto *browse = new QPushButton(tr("File…"), page);
    auto *import = new QPushButton(tr("Import"), page);
    import->setObjectName(QStringLiteral("importButton"));
    importRow->addWidget(m_openApiSource, 1);
    importRow->addWidget(browse);
    importRow->addWidget(import);
    layout->addLayout(importRow);
    m_importStatus = label(page, "importStatus");
    layout->addWidget(m_importStatus);
    m_resources = new QTableWidget(0, ColumnCount, page);
    m_resources->setObjectName(QStringLiteral("resources"));
    m_resources->setAccessibleName(tr("Resources"));
    m_resources->setTabKeyNavigation(false); // Tab leaves the table; arrows move between cells
    m_resources->setAccessibleDescription(tr("The resources the tenant shows, one per row; the cells can be edited"));
    m_resources->setHorizontalHeaderLabels({ tr("Name"), tr("Path"), tr("Id field"), tr("Items at"), tr("Paging"),
        tr("Paging parameters"), tr("Page size") });
    m_resources->horizontalHeader()->setStretchLastSection(true);
    m_resources->setToolTip(tr("Items at: empty when the answer is the list, else its key (data, results). "
                               "Paging: none, page, offset, next or link. Parameters: page,size or offset,limit; "
                               "for next, where the next URL sits (links.next)."));
    layout->addWidget(m_resources, 1);
    auto *buttons = new QHBoxLayout;
    auto *add = new QPushButton(tr("Add"), page);
    add->setObjectName(QStringLiteral("addResource"));
    auto *remove = new QPushButton(tr("Remove"), page);
    remove->setObjectName(QStringLiteral("removeResource"));
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    layout->addLayout(buttons);
    m_finishError = label(page, "finishError");
    layout->addWidget(m_finishError);
    connect(import, &QPushButton::clicked, this, &RestConnectionWizard::startImport);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("OpenAPI document"), {}, tr("JSON (*.json)"));
        if (!file.isEmpty())
            m_openApiSource->setText(file);
    });
    connect(add, &QPushButton::clicked, this, [this] {
        RestResource resource;
        resource.paging.kind = RestPaging::Kind::None;
        addResourceRow(resource);
        m_resources->setCurrentCell(m_resources->rowCount() - 1, PathColumn);
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_resources->currentRow() >= 0)
            m_resources->removeRow(m_resources->currentRow());
    });
    return page;
}

QString RestConnectionWizard::authChoice() const
{
    return m_auth->currentData().toString();
}

void RestConnectionWizard::updateAuthFields()
{
    const QString kind = authChoice();
    const bool oauth = kind.startsWith(QLatin1String("oauth2"));
    const auto show = [](QWidget *field, bool visible) {
        field->setVisible(visible);
        if (auto *form = qobject_cast<QFormLayout *>(field->parentWidget()->layout()); form && form->labelForField(field))
            form->labelForField(field)->setVisible(visible);
    };
    show(m_user, kind == QLatin1String("basic") || oauth);
    show(m_secret, kind == QLatin1String("basic") || kind == QLatin1String("bearer") || kind.startsWith(QLatin1String("api-key"))
            || kind == QLatin1String("oauth2-password"));
    show(m_clientSecret, oauth);
    show(m_apiKeyName, kind.startsWith(QLatin1String("api-key")));
    show(m_tokenUrl, oauth);
    show(m_scope, oauth);
    show(m_authorizationUrl, kind == QLatin1String("oauth2-authorization-code"));
    show(m_oauthUser, kind == QLatin1String("oauth2-password"));
    show(m_signIn, kind == QLatin1String("oauth2-authorization-code"));
    m_signInStatus->setVisible(kind == QLatin1String("oauth2-authorization-code"));
    if (kind.startsWith(QLatin1String("api-key")) && m_apiKeyName->text().isEmpty())
        m_apiKeyName->setText(kind == QLatin1String("api-key-header") ? QStringLiteral("X-API-Key") : QStringLiteral("api_key"));
}

RestConnectionController::Draft RestConnectionWizard::draft() const
{
    RestConnectionController::Draft draft;
    draft.tenantId = m_tenantId;
    draft.displayName = m_name->text();
    QString error;
    draft.baseUrl = RestConnectionController::normaliseUrl(m_url->text(), &error);
    RestSettings base;
    base.baseUrl = draft.baseUrl;
    if (!m_settingsForm->settings(base, &draft.settings, &error))
        draft.settings = base; // (the address page does not let such a draft through)
    draft.probePath = m_probePath->text().trimmed();
    const QString kind = authChoice();
    static const QHash<QString, AuthKind> kinds { { QStringLiteral("none"), AuthKind::None }, { QStringLiteral("basic"), AuthKind::Basic },
        { QStringLiteral("bearer"), AuthKind::Bearer }, { QStringLiteral("api-key-header"), AuthKind::Bearer },
        { QStringLiteral("api-key-query"), AuthKind::Bearer }, { QStringLiteral("oauth2-client-credentials"), AuthKind::OAuth2ClientCredentials },
        { QStringLiteral("oauth2-password"), AuthKind::OAuth2Password },
        { QStringLiteral("oauth2-authorization-code"), AuthKind::OAuth2AuthorizationCode } };
    draft.auth = kinds.value(kind);
    draft.userName = m_user->text().trimmed();
    if (kind.startsWith(QLatin1String("api-key"))) {
        draft.apiKeyIn = kind == QLatin1String("api-key-header") ? QStringLiteral("header") : QStringLiteral("query");
        draft.apiKeyName = m_apiKeyName->text().trimmed();
    }
    if (kind.startsWith(QLatin1String("oauth2"))) {
        draft.oauth = m_keptOAuth;
        draft.oauth.insert(QStringLiteral("tokenUrl"), m_tokenUrl->text().trimmed());
        draft.oauth.insert(QStringLiteral("scope"), m_scope->text().trimmed());
        draft.oauth.insert(QStringLiteral("authorizationUrl"), m_authorizationUrl->text().trimmed());
        draft.oauth.insert(QStringLiteral("oauthUser"), m_oauthUser->text().trimmed());
    }
    tableResources(&draft.resources, &error);
    return draft;
}

RestConnectionController::Secrets RestConnectionWizard::secrets() const
{
    RestConnectionController::Secrets secrets;
    const QString kind = authChoice();
    if (kind == QLatin1String("basic") || kind == QLatin1String("oauth2-password"))
        secrets.password = m_secret->text();
    else
        secrets.token = m_secret->text();
    secrets.clientSecret = m_clientSecret->text();
    secrets.refreshToken = m_refreshToken;
    return secrets;
}

void RestConnectionWizard::addResourceRow(const RestResource &resource)
{
    const int row = m_resources->rowCount();
    m_resources->insertRow(row);
    const QStringList cells { resource.name, resource.path, resource.idField, resource.itemsKey, RestPaging::kindName(resource.paging.kind),
        paramsText(resource.paging), resource.paging.kind == RestPaging::Kind::None ? QString() : QString::number(resource.paging.pageSize) };
    for (int column = 0; column < ColumnCount; ++column)
        m_resources->setItem(row, column, new QTableWidgetItem(cells.at(column)));
    // What the table cannot show (the item schema, the item path) rides along with the row.
    m_resources->item(row, NameColumn)->setData(Qt::UserRole, resource.toJson());
}

bool RestConnectionWizard::tableResources(QList<RestResource> *resources, QString *error) const
{
    resources->clear();
    for (int row = 0; row < m_resources->rowCount(); ++row) {
        const auto cell = [this, row](int column) {
            const QTableWidgetItem *item = m_resources->item(row, column);
            return item ? item->text().trimmed() : QString();
        };
        QJsonObject json = m_resources->item(row, NameColumn) ? m_resources->item(row, NameColumn)->data(Qt::UserRole).toJsonObject() : QJsonObject();
        json.insert(QStringLiteral("name"), cell(NameColumn).isEmpty() ? cell(PathColumn) : cell(NameColumn));
        json.insert(QStringLiteral("path"), cell(PathColumn));
        json.insert(QStringLiteral("idField"), cell(IdColumn).isEmpty() ? QStringLiteral("id") : cell(IdColumn));
        json.insert(QStringLiteral("itemsKey"), cell(ItemsColumn));
        json.insert(QStringLiteral("paging"), cell(PagingColumn).isEmpty() ? QStringLiteral("none") : cell(PagingColumn));
        const QStringList params = cell(ParamsColumn).split(QLatin1Char(','));
        const QString paging = json.value(QLatin1String("paging")).toString();
        if (paging == QLatin1String("offset")) {
            json.insert(QStringLiteral("offsetParam"), params.value(0).trimmed());
            json.insert(QStringLiteral("limitParam"), params.value(1).trimmed());
        } else if (paging == QLatin1String("next")) {
            json.insert(QStringLiteral("nextField"), params.value(0).trimmed());
        } else if (paging != QLatin1String("none")) {
            json.insert(QStringLiteral("pageParam"), params.value(0).trimmed());
            json.insert(QStringLiteral("sizeParam"), params.value(1).trimmed());
        }
        json.insert(QStringLiteral("pageSize"), cell(PageSizeColumn).toInt());
        RestResource resource;
        QString why;
        if (!RestResource::fromJson(json, &resource, &why)) {
            *error = tr("Row %1: %2").arg(row + 1).arg(why);
            return false;
        }
        resources->append(resource);
    }
    return true;
}

void RestConnectionWizard::initializePage(int id)
{
    if (id == CheckPage)
        startCheck();
    QWizard::initializePage(id);
}

bool RestConnectionWizard::validateCurrentPage()
{
    switch (currentId()) {
    case AddressPage: {
        QString error;
        RestSettings settings;
        const bool ok = !RestConnectionController::normaliseUrl(m_url->text(), &error).isEmpty()
            && m_settingsForm->settings(settings, &settings, &error);
        m_urlError->setText(error);
        return ok;
    }
    case CheckPage:
        return m_checkOk;
    default:
        return QWizard::validateCurrentPage();
    }
}

void RestConnectionWizard::startCheck()
{
    m_checkOk = false;
    m_checkResult->setText(tr("Checking…"));
    Job *job = m_controller->check(draft(), secrets(), m_probePath->text().trimmed());
    connect(job, &Job::finished, this, [this, job] {
        if (job->error().isCancelled())
            return; // replaced by a newer check
        m_checkOk = !job->hasError();
        if (job->hasError()) {
            m_checkResult->setText(tr("The check failed: %1").arg(job->error().toString()));
        } else {
            const QJsonObject identity = job->result().toObject();
            QStringList lines { tr("Connected (%1).").arg(identity.value(QLatin1String("authMethod")).toString()) };
            if (const QString version = identity.value(QLatin1String("serverVersion")).toString(); !version.isEmpty())
                lines << tr("Server: %1").arg(version);
            for (const QJsonValue &warning : identity.value(QLatin1String("warnings")).toArray())
                lines << tr("Note: %1").arg(warning.toString());
            m_checkResult->setText(lines.join(QLatin1Char('\n')));
        }
        Q_EMIT checkFinished(m_checkOk);
    });
}

void RestConnectionWizard::startImport()
{
    const QString source = m_openApiSource->text().trimmed();
    if (source.isEmpty()) {
        m_importStatus->setText(tr("Enter the URL or file of an OpenAPI document."));
        Q_EMIT importFinished(false);
        return;
    }
    m_importStatus->setText(tr("Reading…"));
    Job *job = m_controller->importOpenApi(source);
    connect(job, &Job::finished, this, [this, job] {
        if (job->hasError()) {
            m_importStatus->setText(tr("Could not import: %1").arg(job->error().toString()));
            Q_EMIT importFinished(false);
            return;
        }
        m_resources->setRowCount(0);
        const QList<RestResource> resources = RestConnectionController::resourcesOf(job->result());
        for (const RestResource &resource : resources)
            addResourceRow(resource);
        QStringList lines { tr("%1 %2: %n collection(s) found.", nullptr, int(resources.size()))
                                .arg(job->result()[QLatin1String("title")].toString(), job->result()[QLatin1String("apiVersion")].toString()) };
        for (const QJsonValue &warning : job->result()[QLatin1String("warnings")].toArray())
            lines << warning.toString();
        m_importStatus->setText(lines.join(QLatin1Char('\n')));
        Q_EMIT importFinished(true);
    });
}

void RestConnectionWizard::startSignIn()
{
    m_signInStatus->setText(tr("Waiting for the browser…"));
    OAuth2SignIn *job = m_controller->signIn(draft(), secrets(), m_openUrl, &m_refreshToken);
    connect(job, &Job::finished, this, [this, job] {
        m_signInStatus->setText(job->hasError() ? tr("Sign-in failed: %1").arg(job->error().toString()) : tr("Signed in."));
    });
}

void RestConnectionWizard::accept()
{
    if (m_committing)
        return;
    QList<RestResource> resources;
    QString error;
    if (!tableResources(&resources, &error)) {
        m_finishError->setText(error);
        return;
    }
    m_committing = true;
    m_finishError->clear();
    Job *job = m_controller->commit(draft(), secrets());
    // Handed over: the fields do not keep the secrets any longer.
    m_secret->clear();
    m_clientSecret->clear();
    m_refreshToken.clear();
    connect(job, &Job::finished, this, [this, job] {
        m_committing = false;
        if (job->hasError()) {
            m_finishError->setText(m_tenantId.isEmpty() ? tr("The tenant was not added: %1").arg(job->error().toString())
                                                        : tr("The tenant was not saved: %1").arg(job->error().toString()));
            return;
        }
        Q_EMIT tenantAdded(job->result().toString());
        QWizard::accept();
    });
}
