#include "addkintotenantcontroller.h"

#include "auth/authstrategy.h"
#include "kintoclient.h"
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
    delete m_client;
}

QUrl AddKintoTenantController::normaliseUrl(const QString &text, QString *error)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        *error = tr("Enter the server's URL, e.g. https://kinto.example.com/v1.");
        return {};
    }
    QUrl url(trimmed, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        || url.host().isEmpty()) {
        *error = tr("\"%1\" is not an http:// or https:// URL with a host name.").arg(trimmed);
        return {};
    }
    if (!url.userInfo().isEmpty()) {
        *error = tr("Leave credentials out of the URL: the wizard asks for them and keeps them in the keychain.");
        return {};
    }
    if (url.hasQuery() || url.hasFragment()) {
        *error = tr("The server URL takes no query (?…) or fragment (#…).");
        return {};
    }
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    if (!path.endsWith(QLatin1String("/v1")))
        path += QLatin1String("/v1");
    url.setScheme(scheme);
    url.setPath(path);
    return url;
}

void AddKintoTenantController::check(const Draft &draft, const QString &secret)
{
    if (m_checkJob)
        m_checkJob->cancel();
    delete m_client;
    m_check = {};
    KintoClient::Settings settings;
    settings.serverUrl = draft.serverUrl;
    m_client = new KintoClient(m_nam, settings, this);
    // The credentials go straight into the client's auth strategy, as a session would set them
    // (a Bearer type word of any kind, which kinto-http's auth string cannot express).
    if (draft.auth == AuthKind::Basic)
        m_client->httpClient()->setAuth(new BasicAuth(draft.userName, secret));
    else if (draft.auth == AuthKind::Bearer)
        m_client->httpClient()->setAuth(new BearerAuth(secret, draft.bearerType));

    Job *job = m_client->serverInfo(true);
    m_checkJob = job;
    const AuthKind auth = draft.auth;
    connect(job, &Job::finished, this, [this, job, auth] {
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
        if (!info.contains(QLatin1String("http_api_version"))) {
            result.message = tr("This does not look like a Kinto server (no http_api_version in its answer).");
        } else if (auth != AuthKind::None && result.userId.isEmpty()) {
            // Kinto treats unknown credentials as anonymous: 200, without a user.
            result.message = tr("The server did not accept the credentials (credentials not accepted: it answered "
                                "as to an anonymous user). Check the user name and password or token.");
        } else {
            result.credentialsAccepted = true;
            result.message = tr("Kinto %1, HTTP API %2, signed in as %3.")
                                 .arg(result.projectVersion, result.httpApiVersion,
                                      result.userId.isEmpty() ? tr("anonymous") : result.userId);
        }
        m_check = result;
        Q_EMIT checked(m_check);
    });
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
    Tenant tenant;
    tenant.displayName = draft.displayName.trimmed().isEmpty() ? draft.serverUrl.host() : draft.displayName.trimmed();
    tenant.service = ServiceKind::Kinto;
    tenant.baseUrl = draft.serverUrl;
    tenant.auth = draft.auth;
    if (draft.auth == AuthKind::Basic)
        tenant.userName = draft.userName;
    if (draft.auth == AuthKind::Bearer && draft.bearerType != QLatin1String("Bearer"))
        tenant.options.insert(QStringLiteral("bearerType"), draft.bearerType);
    if (!draft.bucket.trimmed().isEmpty())
        tenant.options.insert(QStringLiteral("bucket"), draft.bucket.trimmed());

    auto *job = new Job(this);
    QString error;
    const QString id = m_registry->add(tenant, &error);
    if (id.isEmpty()) {
        job->failLater(ApiError(ApiError::Kind::Invalid, error));
        return job;
    }
    // The checked connection (holding the secret in memory) is no longer needed.
    delete m_client;
    if (draft.auth == AuthKind::None) {
        job->succeedLater(id);
        return job;
    }
    const QString purpose = draft.auth == AuthKind::Basic ? SecretPurpose::Password : SecretPurpose::Token;
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
