#include "oauth2metadata.h"

#include "net/httpclient.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace OAuth2Metadata {

static QString tr(const char *text)
{
    return QCoreApplication::translate("OAuth2Metadata", text);
}

static QString wellKnown(const QUrl &issuer, const QString &suffix)
{
    QString url = issuer.toString(QUrl::FullyEncoded);
    while (url.endsWith(QLatin1Char('/')))
        url.chop(1);
    return url + QStringLiteral("/.well-known/") + suffix;
}

static void request(HttpClient *http, const QUrl &issuer, Job *job, bool openId)
{
    HttpRequest get("GET", wellKnown(issuer, openId ? QStringLiteral("openid-configuration") : QStringLiteral("oauth-authorization-server")));
    get.setAnonymous(true);
    HttpJob *reply = http->send(get);
    job->addChild(reply);
    QObject::connect(reply, &Job::finished, job, [http, issuer, job, reply, openId] {
        if (reply->hasError()) {
            if (!openId && reply->error().httpStatus() == 404) {
                request(http, issuer, job, true);
                return;
            }
            job->fail(reply->error());
            return;
        }
        const QJsonObject metadata = reply->result().toObject();
        if (metadata.value(QLatin1String("token_endpoint")).toString().isEmpty()) {
            job->fail(ApiError(ApiError::Kind::Parse, tr("The authorization server's metadata names no token endpoint.")));
            return;
        }
        const QUrl named(metadata.value(QLatin1String("issuer")).toString());
        if (named.adjusted(QUrl::StripTrailingSlash) != issuer.adjusted(QUrl::StripTrailingSlash)) {
            job->fail(ApiError(ApiError::Kind::Parse, tr("The metadata names issuer \"%1\", not \"%2\".")
                                                          .arg(named.toString(), issuer.toString())));
            return;
        }
        job->succeed(metadata);
    });
}

Job *fetch(HttpClient *http, const QUrl &issuer, QObject *parent)
{
    auto *job = new Job(parent);
    request(http, issuer, job, false);
    return job;
}

bool clientAuthFor(const QJsonObject &metadata, OAuth2Auth::ClientAuth *clientAuth)
{
    const QJsonValue listed = metadata.value(QLatin1String("token_endpoint_auth_methods_supported"));
    const QJsonArray methods = listed.toArray();
    if (!listed.isArray() || methods.contains(QLatin1String("client_secret_basic"))) {
        *clientAuth = OAuth2Auth::ClientAuth::Basic;
        return true;
    }
    if (methods.contains(QLatin1String("client_secret_post"))) {
        *clientAuth = OAuth2Auth::ClientAuth::FormFields;
        return true;
    }
    return false;
}

bool apply(const QJsonObject &metadata, OAuth2Auth::Settings *settings, QString *error)
{
    settings->tokenUrl = QUrl(metadata.value(QLatin1String("token_endpoint")).toString());
    const QString authorization = metadata.value(QLatin1String("authorization_endpoint")).toString();
    if (!authorization.isEmpty())
        settings->authorizationUrl = QUrl(authorization);
    if (!settings->clientSecret.isEmpty() && !clientAuthFor(metadata, &settings->clientAuth)) {
        *error = tr("The server offers neither client_secret_basic nor client_secret_post for client authentication.");
        return false;
    }
    const QJsonValue challenges = metadata.value(QLatin1String("code_challenge_methods_supported"));
    if (settings->grant == OAuth2Auth::Grant::AuthorizationCode && challenges.isArray()
        && !challenges.toArray().contains(QLatin1String("S256"))) {
        *error = tr("The server does not offer PKCE with S256, which TenantDesk requires for signing in.");
        return false;
    }
    return true;
}

} // namespace OAuth2Metadata
