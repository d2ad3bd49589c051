#include "addkintotenantcontroller.h"

#include "auth/authstrategy.h"
#include "kintoclient.h"
#include "net/userurl.h"
#include "kintofamily.h"
#include "net/httpclient.h"
#include "net/requestlog.h"
#include "tenants/sessionmanager.h"
#include "secrets/secretstore.h"
#include "tenants/tenantregistry.h"

#include <QJsonArray>

AddKintoTenantController::AddKintoTenantController(TenantRegistry *registry, SecretStore *secrets,
                                                   QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent)
    , m_registry(registry)
    , m_secrets(secrets)
    , m_nam(nam)
{
}

AddKintoTenantController::~AddKintoTenantController()
{
    if (m_checkJob)
        m_checkJob->cancel();
    delete m_http;
}

QUrl AddKintoTenantController::normaliseUrl(const QString &text, QString *error)
{
    if (text.trimmed().isEmpty()) {
        *error = tr("Enter the server's URL, e.g. https://kinto.example.com/v1.");
        return {};
    }
    QUrl url = UserUrl::parseServerUrl(text, error);
    if (!url.isValid())
        return {};
    if (url.hasQuery() || url.hasFragment()) {
        *error = tr("The server URL takes no query (?…) or fragment (#…).");
        return {};
    }
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    if (!path.endsWith(QLatin1String("/v1")))
        path += QLatin1String("/v1");
    url.setPath(path);
    return url;
}

AddKintoTenantController::Draft AddKintoTenantController::draftOf(const Tenant &tenant)
{
    Draft draft;
    draft.displayName = tenant.displayName;
    draft.serverUrl = tenant.baseUrl;
    draft.auth = tenant.auth;
    draft.userName = tenant.userName;
    draft.bearerType = tenant.options.value(QStringLiteral("bearerType"), QStringLiteral("Bearer")).toString();
    draft.bucket = tenant.options.value(QStringLiteral("bucket")).toString();
    return draft;
}

static QString purposeFor(AuthKind auth)
{
    return auth == AuthKind::Basic ? SecretPurpose::Password : auth == AuthKind::Bearer ? SecretPurpose::Token : QString();
}

Tenant AddKintoTenantController::tenantFor(const Draft &draft) const
{
    Tenant tenant = m_existing.value_or(Tenant());
    tenant.displayName = draft.displayName.trimmed().isEmpty() ? draft.serverUrl.host() : draft.displayName.trimmed();
    tenant.family = KintoFamily::Id;
    tenant.baseUrl = draft.serverUrl;
    tenant.auth = draft.auth;
    tenant.userName = draft.auth == AuthKind::Basic ? draft.userName : QString();
    tenant.options.remove(QStringLiteral("bearerType"));
    if (draft.auth == AuthKind::Bearer && draft.bearerType != QLatin1String("Bearer"))
        tenant.options.insert(QStringLiteral("bearerType"), draft.bearerType);
    tenant.options.remove(QStringLiteral("bucket"));
    if (!draft.bucket.trimmed().isEmpty())
        tenant.options.insert(QStringLiteral("bucket"), draft.bucket.trimmed());
    return tenant;
}

void AddKintoTenantController::check(const Draft &draft, const QString &secret)
{
    if (m_checkJob)
        m_checkJob->cancel();
    const QString purpose = purposeFor(draft.auth);
    if (!secret.isEmpty() || purpose.isEmpty() || !m_existing || !m_existing->secretPurposes.contains(purpose)) {
        startCheck(draft, secret);
        return;
    }
    // Editing with the secret left empty: check with the one stored for the tenant.
    Job *read = m_secrets->read(m_existing->id, purpose);
    m_checkJob = read;
    connect(read, &Job::finished, this, [this, read, draft] {
        if (read != m_checkJob)
            return;
        m_checkJob = nullptr;
        if (read->hasError()) {
            m_check = {};
            m_check.message = tr("Cannot read the stored secret: %1").arg(read->error().toString());
            Q_EMIT checked(m_check);
            return;
        }
        startCheck(draft, read->result().toString());
    });
}

void AddKintoTenantController::startCheck(const Draft &draft, const QString &secret)
{
    delete m_http;
    m_check = {};
    // The check runs on a transport of its own, authenticated exactly as the tenant's session will
    // be (SessionManager::authFor, the one place), with the client the session will use.
    m_http = new HttpClient(m_nam, this);
    m_http->setBaseUrl(draft.serverUrl);
    m_http->setRequestLog(m_log);
    m_http->setLogLabel(RequestLog::wizardLabel(draft.displayName, draft.serverUrl));
    const Tenant tenant = tenantFor(draft);
    QHash<QString, QString> secrets;
    if (const QString purpose = purposeFor(draft.auth); !purpose.isEmpty())
        secrets.insert(purpose, secret);
    QString error;
    m_http->setAuth(SessionManager::authFor(tenant, secrets, m_nam, m_log, &error));
    m_client = KintoClient::forSession(m_http);
    Job *job = m_client->serverInfo(true);
    m_checkJob = job;
    connect(job, &Job::finished, this, [this, job, auth = draft.auth, tenant] { reportCheck(job, auth, tenant); });
}

void AddKintoTenantController::reportCheck(Job *job, AuthKind auth, const Tenant &tenant)
{
    if (job != m_checkJob)
        return;
    m_checkJob = nullptr;
    ServerCheck result;
    if (job->hasError()) {
        const ApiError &error = job->error();
        result.reachable = error.httpStatus() > 0 && error.httpStatus() < 500;
        result.message = error.isUnauthorized() || error.isForbidden()
            ? tr("The server did not accept the credentials: %1").arg(error.toString())
            : tr("Cannot check the server: %1").arg(error.toString());
        m_check = result;
        Q_EMIT checked(m_check);
        return;
    }
    const QJsonObject info = job->result().toObject();
    result.reachable = true;
    result.serverInfo = info;
    result.projectVersion = info.value(QLatin1String("project_version")).toString();
    result.httpApiVersion = info.value(QLatin1String("http_api_version")).toString();
    result.userId = info.value(QLatin1String("user")).toObject().value(QLatin1String("id")).toString();
    const QJsonObject capabilities = info.value(QLatin1String("capabilities")).toObject();
    for (auto it = capabilities.constBegin(); it != capabilities.constEnd(); ++it) {
        const QString description = it.value().toObject().value(QLatin1String("description")).toString();
        result.capabilities << (description.isEmpty() ? it.key() : it.key() + QStringLiteral(" — ") + description);
    }
    ApiError refused;
    const ServiceIdentity identity = KintoFamily::identityFrom(info, tenant, &refused);
    if (!info.contains(QLatin1String("http_api_version"))) {
        result.message = tr("This does not look like a Kinto server (no http_api_version in its answer).");
    } else if (auth != AuthKind::None && result.userId.isEmpty()) {
        // Kinto treats unknown credentials as anonymous: 200, without a user.
        result.message = tr("The server did not accept the credentials (credentials not accepted: it answered "
                            "as to an anonymous user). Check the user name and password or token.");
    } else if (!identity.warnings.isEmpty()) {
        result.message = identity.warnings.join(QLatin1Char(' '));
    } else {
        result.credentialsAccepted = true;
        result.message = tr("Kinto %1, HTTP API %2, signed in as %3.")
                             .arg(result.projectVersion, result.httpApiVersion,
                                  result.userId.isEmpty() ? tr("anonymous") : result.userId);
    }
    m_check = result;
    Q_EMIT checked(m_check);
}

void AddKintoTenantController::listBuckets()
{
    if (!m_client) {
        // Reported from the event loop, as every outcome of this controller.
        QMetaObject::invokeMethod(this, [this] { Q_EMIT bucketsListed({}, tr("The server was not checked.")); },
                                  Qt::QueuedConnection);
        return;
    }
    KintoListJob *job = m_client->getBuckets();
    connect(job, &Job::finished, this, [this, job] {
        if (job->hasError()) {
            Q_EMIT bucketsListed({}, job->error().toString());
            return;
        }
        QStringList ids;
        for (const QJsonValue &bucket : job->result().toArray())
            ids << bucket.toObject().value(QLatin1String("id")).toString();
        ids.sort();
        Q_EMIT bucketsListed(ids, {});
    });
}

Job *AddKintoTenantController::commit(const Draft &draft, const QString &secret)
{
    const Tenant tenant = tenantFor(draft);
    if (m_existing)
        return commitEdit(tenant, secret);

    auto *job = new Job(this);
    QString error;
    const QString id = m_registry->add(tenant, &error);
    if (id.isEmpty()) {
        job->failLater(ApiError(ApiError::Kind::Invalid, error));
        return job;
    }
    // The checked connection (holding the secret in memory) is no longer needed.
    delete m_http;
    if (draft.auth == AuthKind::None) {
        job->succeedLater(id);
        return job;
    }
    const QString purpose = purposeFor(draft.auth);
    Job *store = m_registry->storeSecret(id, purpose, secret, m_secrets);
    connect(store, &Job::finished, job, [this, job, store, id] {
        if (!store->hasError()) {
            job->succeed(id);
            return;
        }
        // A tenant without its secret would only fail later: take it out again.
        const ApiError error = store->error();
        Job *undo = m_registry->remove(id, m_secrets);
        connect(undo, &Job::finished, job, [job, error, undo] {
            ApiError reported = error;
            if (undo->hasError()) {
                reported.setMessage(tr("%1 (the tenant was added without its secret and could not be removed "
                                       "again: remove it, or enter the secret when connecting)").arg(error.message()));
            }
            job->fail(reported);
        });
    });
    return job;
}

Job *AddKintoTenantController::commitEdit(const Tenant &tenant, const QString &secret)
{
    auto *job = new Job(this);
    QString error;
    if (!m_registry->update(tenant, &error)) {
        job->failLater(ApiError(ApiError::Kind::Invalid, error));
        return job;
    }
    delete m_http;
    // Secrets the new authentication does not use go; a typed one replaces the stored one.
    const QString purpose = purposeFor(tenant.auth);
    QList<Job *> steps;
    for (const QString &stored : m_existing->secretPurposes) {
        if (stored != purpose)
            steps << m_registry->removeSecret(tenant.id, stored, m_secrets);
    }
    if (!purpose.isEmpty() && !secret.isEmpty())
        steps << m_registry->storeSecret(tenant.id, purpose, secret, m_secrets);
    m_existing = m_registry->tenant(tenant.id);
    if (steps.isEmpty()) {
        job->succeedLater(tenant.id);
        return job;
    }
    auto pending = std::make_shared<qsizetype>(steps.size());
    auto firstError = std::make_shared<ApiError>();
    for (Job *step : steps) {
        job->addChild(step);
        connect(step, &Job::finished, job, [job, step, pending, firstError, id = tenant.id] {
            if (step->hasError() && !*firstError)
                *firstError = step->error();
            if (--*pending > 0)
                return;
            if (*firstError)
                job->fail(*firstError);
            else
                job->succeed(id);
        });
    }
    return job;
}
