#include "oauth2auth.h"

#include "logging.h"
#include "net/httpclient.h"

#include <QJsonDocument>
#include <QHostAddress>
#include <QJsonObject>
#include <QTimer>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QUrlQuery>

static constexpr int TokenRefreshLeadSeconds = 30; // refresh this long before the token expires

OAuth2Auth::OAuth2Auth(QNetworkAccessManager *nam, Settings settings, QObject *parent)
    : AuthStrategy(parent)
    , m_settings(std::move(settings))
    , m_tokenClient(new HttpClient(nam, this))
{
    m_tokenClient->setBaseUrl(m_settings.tokenUrl);
}

OAuth2Auth::~OAuth2Auth() = default;

bool OAuth2Auth::hasValidToken() const
{
    if (m_accessToken.isEmpty())
        return false;
    return !m_expiry.isValid() || QDateTime::currentDateTimeUtc().addSecs(TokenRefreshLeadSeconds) < m_expiry;
}

void OAuth2Auth::prepare(QObject *context, ReadyCallback done)
{
    if (hasValidToken()) {
        done({});
        return;
    }
    m_waiters.append({ QPointer<QObject>(context), std::move(done) });
    if (m_requestInFlight)
        return; // single flight: everyone waits for the one token request

    if (!m_refreshToken.isEmpty()) {
        requestToken({ { QStringLiteral("grant_type"), QStringLiteral("refresh_token") },
                         { QStringLiteral("refresh_token"), m_refreshToken },
                         { QStringLiteral("client_id"), m_settings.clientId } },
            false);
        return;
    }
    switch (m_settings.grant) {
    case Grant::ClientCredentials: {
        QList<QPair<QString, QString>> fields { { QStringLiteral("grant_type"), QStringLiteral("client_credentials") } };
        if (!m_settings.scope.isEmpty())
            fields.append({ QStringLiteral("scope"), m_settings.scope });
        requestToken(fields, true);
        return;
    }
    case Grant::Password: {
        QList<QPair<QString, QString>> fields { { QStringLiteral("grant_type"), QStringLiteral("password") },
            { QStringLiteral("username"), m_settings.username }, { QStringLiteral("password"), m_settings.password } };
        if (!m_settings.scope.isEmpty())
            fields.append({ QStringLiteral("scope"), m_settings.scope });
        requestToken(fields, true);
        return;
    }
    case Grant::AuthorizationCode:
        finishWaiters(ApiError(ApiError::Kind::Auth,
            tr("Sign in first: this tenant uses the authorization-code flow and has no valid token.")));
        return;
    }
}

bool OAuth2Auth::isAcceptableTokenUrl(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return false;
    if (url.scheme() == QLatin1String("https"))
        return true;
    const QString host = url.host();
    return url.scheme() == QLatin1String("http")
        && (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0 || QHostAddress(host).isLoopback());
}

void OAuth2Auth::requestToken(const QList<QPair<QString, QString>> &fields, bool withBasic)
{
    if (!isAcceptableTokenUrl(m_settings.tokenUrl)) {
        // Nothing is sent: the credentials would cross the network in clear text.
        QTimer::singleShot(0, this, [this] {
            finishWaiters(ApiError(ApiError::Kind::Invalid,
                tr("The token URL must be https:// (http:// only for a server on this machine); no credentials were sent.")));
        });
        return;
    }
    HttpRequest request("POST", m_settings.tokenUrl.toString(QUrl::FullyEncoded));
    request.setAnonymous(true);
    request.setFollowRedirects(false); // a password or client secret is never re-sent elsewhere
    QList<QPair<QString, QString>> form = fields;
    if (!m_settings.authorizationDetails.isEmpty() && fields.value(0).second != QLatin1String("refresh_token"))
        form.append({ QStringLiteral("authorization_details"), QString::fromUtf8(QJsonDocument(m_settings.authorizationDetails).toJson(QJsonDocument::Compact)) });
    if (m_settings.clientSecret.isEmpty()) {
        if (fields.value(0).second != QLatin1String("refresh_token")) // (refresh requests carry it already)
            form.append({ QStringLiteral("client_id"), m_settings.clientId });
    } else if (m_settings.clientAuth == ClientAuth::FormFields) {
        form.append({ QStringLiteral("client_id"), m_settings.clientId });
        form.append({ QStringLiteral("client_secret"), m_settings.clientSecret });
    } else if (withBasic) {
        // As the CRUDs client does: client_id:client_secret, not form-encoded first.
        const QByteArray basic = QString(m_settings.clientId + QLatin1Char(':') + m_settings.clientSecret).toUtf8().toBase64();
        request.setHeader("Authorization", "Basic " + basic);
    }
    request.setFormBody(form);

    m_requestInFlight = true;
    ++m_tokenRequests;
    const bool wasRefresh = fields.value(0).second == QLatin1String("refresh_token");
    HttpJob *job = m_tokenClient->send(request);
    connect(job, &Job::finished, this, [this, job, wasRefresh] {
        m_requestInFlight = false;
        if (job->hasError()) {
            ApiError error = job->error();
            if (wasRefresh && error.httpStatus() >= 400 && error.httpStatus() < 500
                && m_settings.grant != Grant::AuthorizationCode) {
                // The refresh token is no longer accepted: fall back to the tenant's own grant.
                m_refreshToken.clear();
                Q_EMIT refreshTokenChanged(QString());
                prepare(nullptr, [](const ApiError &) {});
                return;
            }
            if (error.httpStatus() >= 400 && error.httpStatus() < 500) {
                error = ApiError(ApiError::Kind::Auth,
                    tr("The token endpoint refused the credentials: %1")
                        .arg(error.message().isEmpty() ? QStringLiteral("Unknown") : error.message()),
                    error.httpStatus());
                error.setServiceCode(job->error().serviceCode());
            }
            finishWaiters(error);
            return;
        }
        const QJsonObject token = job->result().toObject();
        const QString accessToken = token.value(QLatin1String("access_token")).toString();
        const QString type = token.value(QLatin1String("token_type")).toString();
        if (accessToken.isEmpty() || type.compare(QLatin1String("Bearer"), Qt::CaseInsensitive) != 0) {
            finishWaiters(ApiError(ApiError::Kind::Auth,
                tr("The token endpoint's answer has no Bearer access token (token_type \"%1\").").arg(type)));
            return;
        }
        m_accessToken = accessToken;
        const QJsonValue expiresIn = token.value(QLatin1String("expires_in"));
        m_expiry = expiresIn.isDouble() || expiresIn.isString()
            ? QDateTime::currentDateTimeUtc().addSecs(qint64(expiresIn.toVariant().toDouble()))
            : QDateTime();
        const QString refresh = token.value(QLatin1String("refresh_token")).toString();
        if (!refresh.isEmpty() && refresh != m_refreshToken) {
            m_refreshToken = refresh;
            Q_EMIT refreshTokenChanged(refresh);
        }
        qCInfo(lcAuth) << "access token received, expires" << (m_expiry.isValid() ? m_expiry.toString(Qt::ISODate) : QStringLiteral("never"));
        finishWaiters({});
    });
}

void OAuth2Auth::finishWaiters(const ApiError &error)
{
    const auto waiters = std::exchange(m_waiters, {});
    for (const auto &waiter : waiters) {
        if (waiter.first)
            waiter.second(error);
    }
}

void OAuth2Auth::apply(QNetworkRequest &request) const
{
    request.setRawHeader("Authorization", "Bearer " + m_accessToken.toUtf8());
}

bool OAuth2Auth::invalidate()
{
    m_accessToken.clear();
    m_expiry = {};
    return !m_refreshToken.isEmpty() || m_settings.grant != Grant::AuthorizationCode;
}

QString OAuth2Auth::describe() const
{
    static const char *grants[] = { "client credentials", "password", "authorization code" };
    return QStringLiteral("OAuth2 %1 (client %2, token %3)")
        .arg(QLatin1String(grants[int(m_settings.grant)]), m_settings.clientId,
            m_accessToken.isEmpty() ? QStringLiteral("none") : QStringLiteral("(set)"));
}

QUrl OAuth2Auth::authorizationRequestUrl(const QList<QPair<QString, QString>> &extra)
{
    QByteArray random(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(random.data()), random.size() / 4);
    m_pendingState = QString::fromLatin1(random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));

    QUrl url = m_settings.authorizationUrl;
    QUrlQuery query(url);
    query.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    query.addQueryItem(QStringLiteral("client_id"), m_settings.clientId);
    query.addQueryItem(QStringLiteral("redirect_uri"), m_settings.redirectUri.toString());
    if (!m_settings.scope.isEmpty())
        query.addQueryItem(QStringLiteral("scope"), m_settings.scope);
    query.addQueryItem(QStringLiteral("state"), m_pendingState);
    for (const auto &item : extra)
        query.addQueryItem(item.first, item.second);
    url.setQuery(query);
    return url;
}

ApiError OAuth2Auth::parseRedirect(const QUrl &redirect, QString *code, QString *state)
{
    const QUrlQuery query(redirect);
    if (query.hasQueryItem(QStringLiteral("error"))) {
        QString why = query.queryItemValue(QStringLiteral("error_description"), QUrl::FullyDecoded);
        if (why.isEmpty())
            why = query.queryItemValue(QStringLiteral("error"), QUrl::FullyDecoded);
        return ApiError(ApiError::Kind::Auth, tr("The sign-in was refused: %1").arg(why));
    }
    *code = query.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    *state = query.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded);
    if (code->isEmpty())
        return ApiError(ApiError::Kind::Invalid, tr("The redirect address carries no authorization code."));
    return {};
}

void OAuth2Auth::exchangeCode(const QString &code, const QString &state, QObject *context, ReadyCallback done,
    const QList<QPair<QString, QString>> &extra)
{
    const QString expected = std::exchange(m_pendingState, QString()); // one use only
    if (expected.isEmpty() || state != expected) {
        done(ApiError(ApiError::Kind::Auth,
            tr("The sign-in answer's state does not match the request (possible CSRF attack); sign in again.")));
        return;
    }
    m_waiters.append({ QPointer<QObject>(context), std::move(done) });
    requestToken(QList<QPair<QString, QString>> { { QStringLiteral("grant_type"), QStringLiteral("authorization_code") },
                     { QStringLiteral("code"), code },
                     { QStringLiteral("redirect_uri"), m_settings.redirectUri.toString() } }
            + extra,
        true);
}

void OAuth2Auth::clear()
{
    m_accessToken.clear();
    m_refreshToken.clear();
    m_expiry = {};
    m_pendingState.clear();
}
