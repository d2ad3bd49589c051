#include "restconnectioncontroller.h"

#include "auth/authstrategy.h"
#include "auth/oauth2auth.h"
#include "auth/oauth2signin.h"
#include "net/httpclient.h"
#include "net/userurl.h"
#include "net/requestlog.h"
#include "restclient.h"
#include "resttenant.h"
#include "secrets/secretstore.h"
#include "tenants/tenantregistry.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

#include <functional>
#include <memory>

static constexpr qint64 MaxDocumentBytes = 16 * 1024 * 1024;

RestConnectionController::RestConnectionController(TenantRegistry *registry, SecretStore *secrets, QNetworkAccessManager *nam,
    QObject *parent)
    : QObject(parent)
    , m_registry(registry)
    , m_secrets(secrets)
    , m_nam(nam)
{
}

RestConnectionController::~RestConnectionController() = default;

QUrl RestConnectionController::normaliseUrl(const QString &text, QString *error)
{
    if (text.trimmed().isEmpty()) {
        *error = tr("Enter the API's base address, e.g. https://api.example.org/v1.");
        return {};
    }
    const QUrl url = UserUrl::parseServerUrl(text, error);
    if (!url.isValid())
        return {};
    if (url.hasFragment()) {
        *error = tr("The address must not hold a #fragment.");
        return {};
    }
    return url;
}

Tenant RestConnectionController::tenantOf(const Draft &draft)
{
    Tenant tenant;
    tenant.id = draft.tenantId;
    tenant.displayName = draft.displayName.trimmed().isEmpty() ? draft.baseUrl.host() : draft.displayName.trimmed();
    tenant.family = QStringLiteral("rest");
    tenant.baseUrl = draft.baseUrl;
    tenant.auth = draft.auth;
    tenant.userName = draft.userName;
    tenant.options = draft.settings.toOptions();
    for (auto it = draft.oauth.constBegin(); it != draft.oauth.constEnd(); ++it) {
        if (!it.value().toString().isEmpty())
            tenant.options.insert(it.key(), it.value());
    }
    if (draft.auth == AuthKind::Bearer && !draft.apiKeyIn.isEmpty()) {
        tenant.options.insert(QStringLiteral("apiKeyIn"), draft.apiKeyIn);
        tenant.options.insert(QStringLiteral("apiKeyName"), draft.apiKeyName);
    }
    if (!draft.probePath.isEmpty())
        tenant.options.insert(QStringLiteral("probePath"), draft.probePath);
    RestTenant::setResources(&tenant, draft.resources);
    return tenant;
}

static QHash<QString, QString> secretMap(const RestConnectionController::Secrets &secrets)
{
    return { { SecretPurpose::Password, secrets.password }, { SecretPurpose::Token, secrets.token },
        { SecretPurpose::ClientSecret, secrets.clientSecret }, { SecretPurpose::RefreshToken, secrets.refreshToken } };
}

HttpClient *RestConnectionController::makeClient(const Draft &draft, const Secrets &secrets, QString *error)
{
    const Tenant tenant = tenantOf(draft);
    AuthStrategy *auth = RestTenant::createAuth(tenant, secretMap(secrets), m_nam, nullptr, error);
    if (!error->isEmpty())
        return nullptr;
    if (!auth && tenant.auth == AuthKind::Basic)
        auth = new BasicAuth(tenant.userName, secrets.password);
    else if (!auth && tenant.auth == AuthKind::Bearer)
        auth = new BearerAuth(secrets.token);
    auto *http = new HttpClient(m_nam, this);
    const QString label = RequestLog::wizardLabel(tenant.displayName, tenant.baseUrl);
    http->setRequestLog(m_log);
    http->setLogLabel(label);
    if (auto *oauth = qobject_cast<OAuth2Auth *>(auth)) { // its token requests too
        oauth->tokenClient()->setRequestLog(m_log);
        oauth->tokenClient()->setLogLabel(label);
    }
    http->setAuth(auth);
    return http;
}

Job *RestConnectionController::check(const Draft &draft, const Secrets &secrets, const QString &probePath)
{
    dropConnection();
    auto *job = new Job(this);
    m_checkJob = job;
    // The secrets of the tenant being edited that were not typed again: read from the store first.
    QStringList missing;
    const QHash<QString, QString> typed = secretMap(secrets);
    if (!draft.tenantId.isEmpty()) {
        for (const QString &purpose : RestTenant::secretPurposes(tenantOf(draft))) {
            if (typed.value(purpose).isEmpty())
                missing << purpose;
        }
    }
    auto state = std::make_shared<CheckState>(CheckState { draft, secrets, probePath, missing });
    QMetaObject::invokeMethod(job, [this, job, state] { readMissing(job, state); }, Qt::QueuedConnection);
    return job;
}

void RestConnectionController::readMissing(Job *job, const std::shared_ptr<CheckState> &state)
{
    if (state->missing.isEmpty()) {
        probe(job, state->draft, state->secrets, state->probePath);
        return;
    }
    const QString purpose = state->missing.takeFirst();
    Job *read = m_secrets->read(state->draft.tenantId, purpose);
    job->addChild(read);
    connect(read, &Job::finished, job, [this, job, read, purpose, state] {
        if (!read->hasError()) {
            const QString value = read->result().toString();
            if (purpose == SecretPurpose::Password)
                state->secrets.password = value;
            else if (purpose == SecretPurpose::Token)
                state->secrets.token = value;
            else if (purpose == SecretPurpose::ClientSecret)
                state->secrets.clientSecret = value;
            else if (purpose == SecretPurpose::RefreshToken)
                state->secrets.refreshToken = value;
        }
        // A secret not stored stays empty: the server says whether it was needed.
        if (!job->isFinished())
            readMissing(job, state);
    });
}

void RestConnectionController::probe(Job *job, const Draft &draft, const Secrets &secrets, const QString &probePath)
{
    QString error;
    m_http = makeClient(draft, secrets, &error);
    if (!m_http) {
        job->fail(ApiError(ApiError::Kind::Invalid, error));
        return;
    }
    RestSettings settings = draft.settings;
    settings.baseUrl = draft.baseUrl;
    settings.retries = 0; // a check answers at once
    auto *client = new RestClient(m_http, settings, m_http);
    Job *probeJob = client->probe(probePath);
    job->addChild(probeJob);
    connect(probeJob, &Job::finished, job, [job, probeJob] {
        if (probeJob->hasError())
            job->fail(probeJob->error());
        else
            job->succeed(probeJob->result());
    });
}

static QJsonObject importToJson(const OpenApiImport &import)
{
    QJsonArray resources;
    for (const RestResource &resource : import.resources)
        resources.append(resource.toJson());
    return { { QStringLiteral("title"), import.title }, { QStringLiteral("apiVersion"), import.apiVersion },
        { QStringLiteral("openapiVersion"), import.openapiVersion }, { QStringLiteral("serverUrl"), import.serverUrl.toString() },
        { QStringLiteral("resources"), resources }, { QStringLiteral("warnings"), QJsonArray::fromStringList(import.warnings) } };
}

static void finishImport(Job *job, const QByteArray &text)
{
    OpenApiImport import;
    QString error;
    if (!OpenApiReader::read(text, &import, &error))
        job->fail(ApiError(ApiError::Kind::Parse, error));
    else
        job->succeed(importToJson(import));
}

Job *RestConnectionController::importOpenApi(const QString &urlOrFile)
{
    auto *job = new Job(this);
    const QUrl url(urlOrFile, QUrl::StrictMode);
    if (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https")) {
        HttpClient *http = m_http.data();
        if (!http) {
            http = new HttpClient(m_nam, job);
            http->setRequestLog(m_log);
            http->setLogLabel(RequestLog::wizardLabel({}, url));
        }
        HttpRequest request("GET", url.toString(QUrl::FullyEncoded));
        request.setHeader("Accept", "application/json, application/vnd.oai.openapi+json");
        HttpJob *fetch = http->send(request);
        job->addChild(fetch);
        connect(fetch, &Job::finished, job, [job, fetch] {
            if (fetch->hasError())
                job->fail(fetch->error());
            else if (fetch->response().body.size() > MaxDocumentBytes)
                job->fail(ApiError(ApiError::Kind::Parse, tr("The OpenAPI document is larger than 16 MiB.")));
            else
                finishImport(job, fetch->response().body);
        });
        return job;
    }
    QFile file(url.isLocalFile() ? url.toLocalFile() : urlOrFile);
    if (!file.open(QIODevice::ReadOnly)) {
        job->failLater(ApiError(ApiError::Kind::Invalid, tr("Cannot read \"%1\": %2").arg(file.fileName(), file.errorString())));
        return job;
    }
    if (file.size() > MaxDocumentBytes) {
        job->failLater(ApiError(ApiError::Kind::Parse, tr("The OpenAPI document is larger than 16 MiB.")));
        return job;
    }
    const QByteArray text = file.readAll();
    QMetaObject::invokeMethod(job, [job, text] { finishImport(job, text); }, Qt::QueuedConnection);
    return job;
}

QList<RestResource> RestConnectionController::resourcesOf(const QJsonValue &importResult)
{
    QList<RestResource> resources;
    for (const QJsonValue &value : importResult[QLatin1String("resources")].toArray()) {
        RestResource resource;
        QString error;
        if (RestResource::fromJson(value.toObject(), &resource, &error))
            resources << resource;
    }
    return resources;
}

OAuth2SignIn *RestConnectionController::signIn(const Draft &draft, const Secrets &secrets,
    std::function<void(const QUrl &)> openUrl, QString *refreshToken)
{
    dropConnection();
    QString error;
    m_http = makeClient(draft, secrets, &error);
    auto *auth = m_http ? qobject_cast<OAuth2Auth *>(m_http->auth()) : nullptr;
    auto *job = new OAuth2SignIn(auth, std::move(openUrl), this);
    if (!auth) {
        job->failLater(ApiError(ApiError::Kind::Invalid,
            error.isEmpty() ? tr("Signing in in the browser needs the OAuth2 authorization-code grant.") : error));
        return job;
    }
    connect(auth, &OAuth2Auth::refreshTokenChanged, job, [refreshToken](const QString &token) { *refreshToken = token; });
    job->start();
    return job;
}

Job *RestConnectionController::commit(const Draft &draft, const Secrets &secrets)
{
    auto *job = new Job(this);
    QString error;
    const bool editing = !draft.tenantId.isEmpty();
    const QString id = editing ? (m_registry->update(tenantOf(draft), &error) ? draft.tenantId : QString())
                               : m_registry->add(tenantOf(draft), &error);
    if (id.isEmpty()) {
        job->failLater(ApiError(ApiError::Kind::Invalid, error));
        return job;
    }
    dropConnection(); // the checked connection (holding the secrets in memory) is no longer needed
    const Tenant tenant = tenantOf(draft);
    const QHash<QString, QString> values = secretMap(secrets);
    QList<QPair<QString, QString>> toStore;
    for (const QString &purpose : RestTenant::secretPurposes(tenant)) {
        if (!values.value(purpose).isEmpty())
            toStore.append({ purpose, values.value(purpose) });
    }
    QMetaObject::invokeMethod(job, [this, job, id, toStore, editing] { storeSecrets(job, id, toStore, !editing); }, Qt::QueuedConnection);
    return job;
}

void RestConnectionController::storeSecrets(Job *job, const QString &id, QList<QPair<QString, QString>> rest, bool undoOnFailure)
{
    if (rest.isEmpty()) {
        job->succeed(id);
        return;
    }
    const auto [purpose, value] = rest.takeFirst();
    Job *store = m_registry->storeSecret(id, purpose, value, m_secrets);
    connect(store, &Job::finished, job, [this, job, id, store, rest, undoOnFailure] {
        if (!store->hasError()) {
            storeSecrets(job, id, rest, undoOnFailure);
            return;
        }
        const ApiError failure = store->error();
        if (!undoOnFailure) { // an edited tenant keeps its earlier secrets
            job->fail(failure);
            return;
        }
        // A tenant without its secrets would only fail later: take it out again (with what was stored).
        Job *undo = m_registry->remove(id, m_secrets);
        connect(undo, &Job::finished, job, [job, failure] { job->fail(failure); });
    });
}

void RestConnectionController::dropConnection()
{
    if (m_checkJob)
        m_checkJob->cancel(); // finishes it (Cancelled) before its client goes
    delete m_http;
}
