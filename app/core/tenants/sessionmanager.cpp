#include "sessionmanager.h"

#include "auth/authstrategy.h"
#include "auth/oauth2auth.h"
#include "family/servicefamily.h"
#include "net/httpclient.h"
#include "secrets/secretstore.h"
#include "tenantregistry.h"

#include <QCoreApplication>
#include <QTimer>

#include <memory>

SessionManager::SessionManager(TenantRegistry *registry, SecretStore *secrets, QNetworkAccessManager *nam,
    RequestLog *log, QObject *parent)
    : QObject(parent)
    , m_registry(registry)
    , m_secrets(secrets)
    , m_nam(nam)
    , m_log(log)
{
    connect(m_registry, &TenantRegistry::tenantChanged, this, &SessionManager::close);
    connect(m_registry, &TenantRegistry::tenantRemoved, this, &SessionManager::close);
}

SessionManager::~SessionManager() = default;

// The secrets each kind of authentication needs.
static QStringList purposesFor(AuthKind auth)
{
    switch (auth) {
    case AuthKind::None: return {};
    case AuthKind::Basic: return { SecretPurpose::Password };
    case AuthKind::Bearer: return { SecretPurpose::Token };
    case AuthKind::OAuth2ClientCredentials: return { SecretPurpose::ClientSecret };
    case AuthKind::OAuth2Password: return { SecretPurpose::ClientSecret, SecretPurpose::Password };
    case AuthKind::OAuth2AuthorizationCode: return { SecretPurpose::ClientSecret };
    }
    return {};
}

Job *SessionManager::open(const QString &tenantId)
{
    auto *job = new Job(this);
    const std::optional<Tenant> tenant = m_registry->tenant(tenantId);
    if (!tenant) {
        job->failLater(ApiError(ApiError::Kind::NotFound, tr("There is no tenant with id \"%1\".").arg(tenantId)));
        return job;
    }
    if (m_clients.value(tenantId)) {
        job->succeedLater();
        return job;
    }

    // Read the needed secrets one after another (from the event loop), then build the client.
    auto state = std::make_shared<OpenState>(OpenState { *tenant, purposesFor(tenant->auth), {}, {} });
    if (const ServiceFamily *family = ServiceFamilies::find(tenant->family)) {
        for (const QString &purpose : family->optionalSecrets(*tenant)) {
            if (!state->purposes.contains(purpose)) {
                state->purposes << purpose;
                state->optional << purpose;
            }
        }
    }
    QTimer::singleShot(0, job, [this, state, job] { readSecret(state, 0, job); });
    return job;
}

void SessionManager::readSecret(const std::shared_ptr<OpenState> &state, int index, Job *job)
{
    if (index == state->purposes.size()) {
        createClient(state->tenant, state->secrets, job);
        return;
    }
    const QString purpose = state->purposes.at(index);
    Job *read = m_secrets->read(state->tenant.id, purpose);
    job->addChild(read);
    connect(read, &Job::finished, job, [this, state, index, job, read, purpose] {
        if (read->hasError() && read->error().kind() == ApiError::Kind::NotFound && state->optional.contains(purpose)) {
            readSecret(state, index + 1, job);
            return;
        }
        if (read->hasError()) {
            ApiError error = read->error();
            if (error.kind() == ApiError::Kind::NotFound)
                error.setMessage(tr("No %1 is stored for tenant \"%2\": edit the tenant to enter it.")
                                     .arg(purpose, state->tenant.displayName));
            job->fail(error);
            return;
        }
        state->secrets.insert(purpose, read->result().toString());
        readSecret(state, index + 1, job);
    });
}

void SessionManager::createClient(const Tenant &tenant, const QHash<QString, QString> &secrets, Job *job)
{
    auto client = std::make_unique<HttpClient>(m_nam);
    client->setBaseUrl(tenant.baseUrl);
    client->setRequestLog(m_log);
    client->setLogLabel(tenant.displayName);
    QString error;
    if (!client->setMaxConcurrent(tenant.options.value(QStringLiteral("maxConcurrent"), 5).toInt(), &error)) {
        job->fail(ApiError(ApiError::Kind::Invalid, error));
        return;
    }
    client->setTransferTimeout(tenant.options.value(QStringLiteral("timeoutSeconds"), 60).toInt() * 1000);
    client->setPinnedCertificate(tenant.options.value(QStringLiteral("pinnedCertificate")).toByteArray());

    AuthStrategy *auth = authFor(tenant, secrets, m_nam, m_log, &error, m_secrets);
    if (!error.isEmpty()) {
        job->fail(ApiError(ApiError::Kind::Invalid, error));
        return;
    }
    client->setAuth(auth);
    const ServiceFamily *family = ServiceFamilies::find(tenant.family);
    if (family)
        family->configureClient(tenant, client.get());

    HttpClient *raw = client.release();
    raw->setParent(this);
    connect(raw, &HttpClient::activityChanged, this, &SessionManager::sumActivity);
    connect(raw, &HttpClient::serverWaitCapped, this, [this, id = tenant.id](const QString &reason, qint64 requested, int held) {
        Q_EMIT serverWaitCapped(id, reason, requested, held);
    });
    m_clients.insert(tenant.id, raw);
    // The family's view of the session lives as long as its client.
    if (family)
        m_sessions.insert(tenant.id, family->createSession(tenant, raw, raw));
    job->succeed();
}

AuthStrategy *SessionManager::authFor(const Tenant &tenant, const QHash<QString, QString> &secrets,
                                      QNetworkAccessManager *nam, RequestLog *log, QString *error,
                                      SecretStore *store)
{
    // The family's own authentication if it has one, else the generic one for Tenant::auth.
    if (const ServiceFamily *family = ServiceFamilies::find(tenant.family)) {
        AuthStrategy *auth = family->createAuth(tenant, secrets, nam, store, error);
        if (auth || !error->isEmpty())
            return error->isEmpty() ? auth : (delete auth, nullptr);
    }
    const auto option = [&](const char *name) { return tenant.options.value(QLatin1String(name)).toString(); };
    switch (tenant.auth) {
    case AuthKind::None:
        break;
    case AuthKind::Basic:
        return new BasicAuth(tenant.userName, secrets.value(SecretPurpose::Password));
    case AuthKind::Bearer:
        return new BearerAuth(secrets.value(SecretPurpose::Token),
            option("bearerType").isEmpty() ? QStringLiteral("Bearer") : option("bearerType"));
    case AuthKind::OAuth2ClientCredentials:
    case AuthKind::OAuth2Password:
    case AuthKind::OAuth2AuthorizationCode: {
        OAuth2Auth::Settings settings;
        settings.tokenUrl = tenant.baseUrl.resolved(QUrl(option("tokenUrl")));
        if (option("tokenUrl").isEmpty() || !settings.tokenUrl.isValid()) {
            *error = QCoreApplication::translate("SessionManager", "Tenant \"%1\" has no valid token URL.").arg(tenant.displayName);
            return nullptr;
        }
        settings.clientId = tenant.userName;
        settings.clientSecret = secrets.value(SecretPurpose::ClientSecret);
        settings.scope = option("scope");
        settings.clientAuth = option("clientAuth") == QLatin1String("form") ? OAuth2Auth::ClientAuth::FormFields
                                                                             : OAuth2Auth::ClientAuth::Basic;
        if (tenant.auth == AuthKind::OAuth2Password) {
            settings.grant = OAuth2Auth::Grant::Password;
            settings.username = option("oauthUser");
            settings.password = secrets.value(SecretPurpose::Password);
        } else if (tenant.auth == AuthKind::OAuth2AuthorizationCode) {
            settings.grant = OAuth2Auth::Grant::AuthorizationCode;
            settings.authorizationUrl = QUrl(option("authorizationUrl"));
            settings.redirectUri = QUrl(option("redirectUri"));
        }
        auto *auth = new OAuth2Auth(nam, settings);
        auth->tokenClient()->setRequestLog(log);
        auth->tokenClient()->setLogLabel(tenant.displayName);
        return auth;
    }
    }
    return nullptr;
}

HttpClient *SessionManager::client(const QString &tenantId) const
{
    return m_clients.value(tenantId);
}

FamilySession *SessionManager::session(const QString &tenantId) const
{
    return m_clients.value(tenantId) ? m_sessions.value(tenantId).data() : nullptr;
}

void SessionManager::close(const QString &tenantId)
{
    m_sessions.remove(tenantId);
    if (HttpClient *client = m_clients.take(tenantId)) {
        delete client;
        sumActivity();
    }
}

int SessionManager::inFlight() const
{
    int n = 0;
    for (const auto &client : m_clients)
        n += client ? client->inFlight() : 0;
    return n;
}

int SessionManager::queued() const
{
    int n = 0;
    for (const auto &client : m_clients)
        n += client ? client->queued() : 0;
    return n;
}

void SessionManager::sumActivity()
{
    Q_EMIT activityChanged(inFlight(), queued());
}
