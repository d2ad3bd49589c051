#include "jamfauth.h"

#include "logging.h"
#include "net/httpclient.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

// --- JamfTokenAuth

JamfTokenAuth::JamfTokenAuth(QNetworkAccessManager *nam, const QUrl &serverUrl, QObject *parent)
    : AuthStrategy(parent)
    , m_nam(nam)
    , m_serverUrl(serverUrl)
    , m_tokenClient(new HttpClient(nam, this))
{
    m_tokenClient->setBaseUrl(serverUrl);
}

JamfTokenAuth::~JamfTokenAuth() = default;

bool JamfTokenAuth::hasValidToken() const
{
    if (m_token.isEmpty() || !m_expiry.isValid() || m_renewalAsked)
        return false;
    // A token that lives no longer than the lead would be renewed on every request: renew it at half-life.
    const qint64 lifetime = m_receivedAt.secsTo(m_expiry);
    const qint64 lead = lifetime <= m_leadSeconds ? lifetime / 2 : m_leadSeconds;
    return QDateTime::currentDateTimeUtc().addSecs(lead) < m_expiry;
}

void JamfTokenAuth::prepare(QObject *context, ReadyCallback done)
{
    if (hasValidToken()) {
        done({});
        return;
    }
    m_waiters.append({ QPointer<QObject>(context), std::move(done) });
    if (m_requestInFlight)
        return; // single flight: everyone waits for the one token request

    requestToken();
}

void JamfTokenAuth::requestToken()
{
    m_requestInFlight = true;
    ++m_tokenRequests;
    HttpRequest request = tokenRequest();
    const bool keepAlive = isRenewal(request);
    request.setAnonymous(true); // tokenRequest() set its own credentials
    HttpJob *job = m_tokenClient->send(request);
    connect(job, &Job::finished, this, [this, job, keepAlive] {
        m_requestInFlight = false;
        m_renewalAsked = false;
        if (job->hasError()) {
            forgetToken();
            if (keepAlive && job->error().isUnauthorized()) {
                requestToken(); // the old token was refused: start over with the account's credentials
                return;
            }
            finishWaiters(explain(job->error()));
            return;
        }
        QString token;
        QDateTime expiry;
        ApiError error;
        if (!readToken(job->result(), &token, &expiry, &error)) {
            forgetToken();
            finishWaiters(error);
            return;
        }
        m_token = token;
        m_expiry = expiry;
        m_receivedAt = QDateTime::currentDateTimeUtc();
        qCInfo(lcAuth) << "Jamf token received, expires" << m_expiry.toString(Qt::ISODate);
        finishWaiters({});
    });
}

Job *JamfTokenAuth::renew()
{
    auto *job = new Job(this);
    m_renewalAsked = true;
    prepare(job, [job](const ApiError &error) {
        if (error)
            job->fail(error);
        else
            job->succeed();
    });
    return job;
}

void JamfTokenAuth::finishWaiters(const ApiError &error)
{
    const auto waiters = std::exchange(m_waiters, {});
    for (const auto &waiter : waiters) {
        if (waiter.first)
            waiter.second(error);
    }
}

void JamfTokenAuth::apply(QNetworkRequest &request) const
{
    request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
}

bool JamfTokenAuth::invalidate()
{
    forgetToken();
    return true;
}

void JamfTokenAuth::forgetToken()
{
    m_token.clear();
    m_expiry = {};
}

// --- JamfUserAuth

JamfUserAuth::JamfUserAuth(QNetworkAccessManager *nam, const QUrl &serverUrl, const QString &user,
    const QString &password, QObject *parent)
    : JamfTokenAuth(nam, serverUrl, parent)
    , m_user(user)
    , m_basic("Basic " + (user + QLatin1Char(':') + password).toUtf8().toBase64())
{
}

JamfUserAuth::~JamfUserAuth()
{
    if (token().isEmpty() || !networkAccessManager())
        return;
    // The session is closing: end the token on the server too (nobody waits for the answer).
    QNetworkRequest request(serverUrl().resolved(QUrl(QStringLiteral("/api/v1/auth/invalidate-token"))));
    request.setRawHeader("Authorization", "Bearer " + token().toUtf8());
    request.setRawHeader("Accept", "application/json");
    QNetworkReply *reply = networkAccessManager()->post(request, QByteArray());
    QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
}

bool JamfUserAuth::isRenewal(const HttpRequest &request) const
{
    return request.path().endsWith(QLatin1String("/keep-alive"));
}

HttpRequest JamfUserAuth::tokenRequest() const
{
    // A token still valid (but close to its end) is renewed with keep-alive; otherwise Basic.
    if (!token().isEmpty() && tokenExpiry() > QDateTime::currentDateTimeUtc()) {
        HttpRequest request("POST", QStringLiteral("/api/v1/auth/keep-alive"));
        request.setHeader("Authorization", "Bearer " + token().toUtf8());
        return request;
    }
    HttpRequest request("POST", QStringLiteral("/api/v1/auth/token"));
    request.setHeader("Authorization", m_basic);
    return request;
}

bool JamfUserAuth::readToken(const QJsonValue &answer, QString *token, QDateTime *expiry, ApiError *error) const
{
    const QJsonObject o = answer.toObject();
    *token = o.value(QLatin1String("token")).toString();
    *expiry = QDateTime::fromString(o.value(QLatin1String("expires")).toString(), Qt::ISODateWithMs);
    if (token->isEmpty() || !expiry->isValid()) {
        *error = ApiError(ApiError::Kind::Parse, tr("Jamf Pro's token answer has no token or no valid \"expires\" time."));
        return false;
    }
    return true;
}

ApiError JamfUserAuth::explain(const ApiError &error) const
{
    if (!error.isUnauthorized())
        return error;
    ApiError explained(ApiError::Kind::Auth, QString(), error.httpStatus());
    explained.setServiceCode(error.serviceCode());
    explained.setDetails(error.details());
    if (error.serviceCode() == QLatin1String("USER_EXPIRED_PASSWORD"))
        explained.setMessage(tr("The password of \"%1\" has expired: change it in Jamf Pro, then enter the new one.").arg(m_user));
    else
        explained.setMessage(tr("Jamf Pro refused the user name or password of \"%1\". If this account signs in with "
                                "SSO, it cannot use the API (Jamf Pro's API does not support SSO accounts): use a local "
                                "account, or an API client.").arg(m_user));
    return explained;
}

QString JamfUserAuth::describe() const
{
    return QStringLiteral("Jamf user %1 (token %2)").arg(m_user, token().isEmpty() ? QStringLiteral("none") : QStringLiteral("(set)"));
}

Job *JamfUserAuth::signOut()
{
    if (token().isEmpty()) {
        auto *job = new Job(this);
        job->succeedLater();
        return job;
    }
    HttpRequest request("POST", QStringLiteral("/api/v1/auth/invalidate-token"));
    request.setAnonymous(true);
    request.setHeader("Authorization", "Bearer " + token().toUtf8());
    forgetToken();
    return tokenClient()->send(request);
}

// --- JamfClientAuth

JamfClientAuth::JamfClientAuth(QNetworkAccessManager *nam, const QUrl &serverUrl, const QString &clientId,
    const QString &clientSecret, QObject *parent)
    : JamfTokenAuth(nam, serverUrl, parent)
    , m_clientId(clientId)
    , m_clientSecret(clientSecret)
{
}

HttpRequest JamfClientAuth::tokenRequest() const
{
    HttpRequest request("POST", QStringLiteral("/api/oauth/token"));
    request.setFormBody({ { QStringLiteral("grant_type"), QStringLiteral("client_credentials") },
        { QStringLiteral("client_id"), m_clientId }, { QStringLiteral("client_secret"), m_clientSecret } });
    return request;
}

bool JamfClientAuth::readToken(const QJsonValue &answer, QString *token, QDateTime *expiry, ApiError *error) const
{
    const QJsonObject o = answer.toObject();
    *token = o.value(QLatin1String("access_token")).toString();
    const QJsonValue expiresIn = o.value(QLatin1String("expires_in"));
    if (token->isEmpty() || !expiresIn.isDouble()) {
        *error = ApiError(ApiError::Kind::Parse, tr("Jamf Pro's token answer has no access_token or no expires_in."));
        return false;
    }
    *expiry = QDateTime::currentDateTimeUtc().addSecs(qint64(expiresIn.toDouble()));
    return true;
}

ApiError JamfClientAuth::explain(const ApiError &error) const
{
    if (error.httpStatus() < 400 || error.httpStatus() >= 500)
        return error;
    ApiError explained(ApiError::Kind::Auth,
        tr("Jamf Pro refused API client \"%1\" (%2): check the client id and secret (a rotated secret replaces the "
           "old one), and that the client is enabled.")
            .arg(m_clientId, error.message().isEmpty() ? error.serviceCode() : error.message()),
        error.httpStatus());
    explained.setServiceCode(error.serviceCode());
    return explained;
}

QString JamfClientAuth::describe() const
{
    return QStringLiteral("Jamf API client %1 (token %2)").arg(m_clientId, token().isEmpty() ? QStringLiteral("none") : QStringLiteral("(set)"));
}

// --- Factory

JamfTokenAuth *createJamfAuth(const JamfSettings &settings, const QString &secret, QNetworkAccessManager *nam)
{
    if (settings.mode == JamfSettings::Mode::UserAccount)
        return new JamfUserAuth(nam, settings.serverUrl, settings.user, secret);
    return new JamfClientAuth(nam, settings.serverUrl, settings.user, secret);
}

JamfTokenAuth *createJamfAuth(const Tenant &tenant, const QHash<QString, QString> &secrets, QNetworkAccessManager *nam,
    ApiError *error)
{
    QString why;
    const std::optional<JamfSettings> settings = JamfSettings::fromTenant(tenant, &why);
    if (!settings) {
        *error = ApiError(ApiError::Kind::Invalid, why);
        return nullptr;
    }
    const QString purpose = settings->secretPurpose();
    if (!secrets.contains(purpose)) {
        *error = ApiError(ApiError::Kind::NotFound,
            JamfTokenAuth::tr("No %1 is stored for tenant \"%2\": edit the tenant to enter it.").arg(purpose, tenant.displayName));
        return nullptr;
    }
    return createJamfAuth(*settings, secrets.value(purpose), nam);
}
