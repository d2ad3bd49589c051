#include "jamfservice.h"

#include "jamfprivileges.h"
#include "jamfquery.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QUuid>

namespace {

QString randomToken(int bytes)
{
    QByteArray random(bytes, Qt::Uninitialized);
    for (char &c : random)
        c = char(QRandomGenerator::global()->bounded(256));
    return QString::fromLatin1(random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QStringList stringsOf(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &v : value.toArray())
        list << v.toString();
    return list;
}

QString isoTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

ServiceResponse oauthError(const QString &error, const QString &description)
{
    return ServiceResponse::json(400, QJsonObject { { QStringLiteral("error"), error },
                                          { QStringLiteral("error_description"), description } });
}


} // namespace

ServiceResponse jamfError(int status, const QString &code, const QString &description, const QString &field, const QString &id)
{
    const QJsonObject cause { { QStringLiteral("code"), code }, { QStringLiteral("field"), field },
        { QStringLiteral("description"), description }, { QStringLiteral("id"), id } };
    return ServiceResponse::json(status, QJsonObject { { QStringLiteral("httpStatus"), status },
                                             { QStringLiteral("errors"), QJsonArray { cause } } });
}

JamfService::JamfService() = default;

void JamfService::addAccount(const QString &user, const QString &password, const QStringList &privileges, bool admin, bool sso)
{
    const int id = m_accounts.contains(user) ? m_accounts.value(user).id : int(m_accounts.size()) + 1;
    m_accounts.insert(user, Account { password, QSet<QString>(privileges.begin(), privileges.end()), admin, sso, id });
}

QString JamfService::addRole(const QString &displayName, const QStringList &privileges)
{
    const int id = m_nextRoleId++;
    m_roles.insert(id, QJsonObject { { QStringLiteral("id"), QString::number(id) }, { QStringLiteral("displayName"), displayName },
                           { QStringLiteral("privileges"), QJsonArray::fromStringList(privileges) } });
    return QString::number(id);
}

int JamfService::addClient(const QString &displayName, const QStringList &roleNames, bool enabled, int lifetimeSeconds,
    const QString &clientId, const QString &secret)
{
    const int id = m_nextClientId++;
    m_clients.insert(id, QJsonObject {
        { QStringLiteral("id"), id },
        { QStringLiteral("displayName"), displayName },
        { QStringLiteral("authorizationScopes"), QJsonArray::fromStringList(roleNames) },
        { QStringLiteral("enabled"), enabled },
        { QStringLiteral("accessTokenLifetimeSeconds"), lifetimeSeconds },
        { QStringLiteral("appType"), secret.isEmpty() ? QStringLiteral("NONE") : QStringLiteral("CLIENT_CREDENTIALS") },
        { QStringLiteral("clientId"), clientId.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : clientId },
    });
    if (!secret.isEmpty())
        m_secrets.insert(id, secret);
    return id;
}

QJsonObject JamfService::client(int id) const
{
    return m_clients.value(id);
}

int JamfService::liveTokenCount() const
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    return int(std::count_if(m_tokens.cbegin(), m_tokens.cend(), [&now](const Token &t) { return t.expiry > now; }));
}

QString JamfService::issueToken(const QString &subject, bool client, int lifetimeSeconds, const QString &how)
{
    const QString token = randomToken(32);
    m_tokens.insert(token, Token { subject, client, QDateTime::currentDateTimeUtc().addSecs(lifetimeSeconds) });
    ++m_issued[how];
    return token;
}

JamfService::Caller JamfService::authenticate(const ServiceRequest &request) const
{
    Caller caller;
    const QByteArray header = request.header("Authorization");
    if (!header.startsWith("Bearer ")) {
        caller.error = QStringLiteral("A bearer token is required");
        return caller;
    }
    const auto it = m_tokens.constFind(QString::fromLatin1(header.mid(7).trimmed()));
    if (it == m_tokens.cend())
        caller.error = QStringLiteral("The token is not valid (unknown or invalidated)");
    else if (it->expiry <= QDateTime::currentDateTimeUtc())
        caller.error = QStringLiteral("The token has expired");
    else
        caller.token = &it.value();
    return caller;
}

QSet<QString> JamfService::privilegesOf(const Token &token) const
{
    if (!token.client) {
        const Account account = m_accounts.value(token.subject);
        if (account.admin) {
            const QStringList &all = JamfPrivileges::catalogue();
            return QSet<QString>(all.begin(), all.end());
        }
        return account.privileges;
    }
    QSet<QString> privileges;
    for (const QJsonObject &client : m_clients) {
        if (client.value(QLatin1String("clientId")).toString() != token.subject)
            continue;
        const QStringList scopes = stringsOf(client.value(QLatin1String("authorizationScopes")));
        for (const QJsonObject &role : m_roles) {
            if (scopes.contains(role.value(QLatin1String("displayName")).toString())) {
                for (const QString &p : stringsOf(role.value(QLatin1String("privileges"))))
                    privileges.insert(p);
            }
        }
    }
    return privileges;
}

ServiceResponse JamfService::handle(const ServiceRequest &request)
{
    const QString &path = request.path;
    if (request.method == "POST") {
        if (path == QLatin1String("/api/v1/auth/token"))
            return userToken(request);
        if (path == QLatin1String("/api/oauth/token") || path == QLatin1String("/api/v1/oauth/token"))
            return oauthToken(request);
        if (path == QLatin1String("/api/v1/auth/invalidate-token"))
            return invalidateToken(request);
    }
    const Caller caller = authenticate(request);
    if (!caller.token)
        return jamfError(401, QStringLiteral("INVALID_TOKEN"), caller.error);
    return dispatch(request, caller);
}

ServiceResponse JamfService::dispatch(const ServiceRequest &request, const Caller &caller)
{
    const QString &path = request.path;
    if (request.method == "POST" && path == QLatin1String("/api/v1/auth/keep-alive"))
        return keepAlive(request, caller);
    if (request.method == "GET" && path == QLatin1String("/api/v1/auth"))
        return authDetails(caller);
    if (request.method == "GET" && path == QLatin1String("/api/v1/jamf-pro-version"))
        return ServiceResponse::json(200, QJsonObject { { QStringLiteral("version"), QStringLiteral("11.30.2-t1785446884863") } });

    const QStringList needed = JamfPrivileges::requiredFor(request.method, path);
    const QSet<QString> held = privilegesOf(*caller.token);
    for (const QString &privilege : needed) {
        if (!held.contains(privilege))
            return jamfError(403, QStringLiteral("INVALID_PRIVILEGE"),
                QStringLiteral("Forbidden: the privilege \"%1\" is required").arg(privilege));
    }

    const QStringList segments = path.split(QLatin1Char('/')).mid(3); // after "", "api", "v1"
    if (path.startsWith(QLatin1String("/api/v1/api-roles")) && segments.value(0) == QLatin1String("api-roles"))
        return roles(request, segments);
    if (segments.value(0) == QLatin1String("api-integrations"))
        return clients(request, segments);
    if (request.method == "GET" && path == QLatin1String("/api/v1/api-role-privileges"))
        return ServiceResponse::json(200, QJsonObject { { QStringLiteral("privileges"), QJsonArray::fromStringList(JamfPrivileges::catalogue()) } });
    if (request.method == "GET" && path == QLatin1String("/api/v1/api-role-privileges/search"))
        return privilegeSearch(request);
    return jamfError(404, QStringLiteral("NOT_FOUND"), QStringLiteral("No such endpoint: %1 %2").arg(QString::fromLatin1(request.method), path));
}

// --- Auth

ServiceResponse JamfService::userToken(const ServiceRequest &request)
{
    const QByteArray header = request.header("Authorization");
    const QString decoded = header.startsWith("Basic ") ? QString::fromUtf8(QByteArray::fromBase64(header.mid(6).trimmed())) : QString();
    const qsizetype colon = decoded.indexOf(QLatin1Char(':'));
    const QString user = decoded.left(colon);
    const auto it = m_accounts.constFind(user);
    // Wrong password, unknown user and SSO accounts look the same from outside, as on Jamf Pro.
    if (colon < 0 || it == m_accounts.cend() || it->sso || it->password != decoded.mid(colon + 1))
        return jamfError(401, QStringLiteral("INVALID_CREDENTIALS"), QStringLiteral("Unauthorized"));
    const QString token = issueToken(user, false, m_userTokenLifetime, QStringLiteral("basic"));
    return ServiceResponse::json(200, QJsonObject { { QStringLiteral("token"), token },
                                          { QStringLiteral("expires"), isoTime(m_tokens.value(token).expiry) } });
}

ServiceResponse JamfService::keepAlive(const ServiceRequest &request, const Caller &caller)
{
    if (caller.token->client)
        return jamfError(401, QStringLiteral("INVALID_TOKEN"), QStringLiteral("API client tokens cannot be kept alive"));
    const QString subject = caller.token->subject;
    m_tokens.remove(QString::fromLatin1(request.header("Authorization").mid(7).trimmed())); // the old one ends
    const QString token = issueToken(subject, false, m_userTokenLifetime, QStringLiteral("keep-alive"));
    return ServiceResponse::json(200, QJsonObject { { QStringLiteral("token"), token },
                                          { QStringLiteral("expires"), isoTime(m_tokens.value(token).expiry) } });
}

ServiceResponse JamfService::invalidateToken(const ServiceRequest &request)
{
    const Caller caller = authenticate(request);
    if (!caller.token)
        return jamfError(401, QStringLiteral("INVALID_TOKEN"), caller.error);
    m_tokens.remove(QString::fromLatin1(request.header("Authorization").mid(7).trimmed()));
    ServiceResponse response;
    response.status = 204;
    return response;
}

ServiceResponse JamfService::oauthToken(const ServiceRequest &request)
{
    if (!request.header("Content-Type").startsWith("application/x-www-form-urlencoded"))
        return oauthError(QStringLiteral("invalid_request"), QStringLiteral("The body must be form-encoded"));
    const QUrlQuery form(QString::fromUtf8(request.body).replace(QLatin1Char('+'), QLatin1Char(' ')));
    const auto field = [&form](const char *name) { return form.queryItemValue(QLatin1String(name), QUrl::FullyDecoded); };
    if (field("grant_type") != QLatin1String("client_credentials"))
        return oauthError(QStringLiteral("unsupported_grant_type"), QStringLiteral("OAuth 2.0 Parameter: grant_type"));
    const QString clientId = field("client_id");
    for (auto it = m_clients.cbegin(); it != m_clients.cend(); ++it) {
        if (it->value(QLatin1String("clientId")).toString() != clientId)
            continue;
        const QString secret = m_secrets.value(it.key());
        if (secret.isEmpty() || secret != field("client_secret") || !it->value(QLatin1String("enabled")).toBool())
            break;
        const QStringList roles = stringsOf(it->value(QLatin1String("authorizationScopes")));
        QStringList scopes;
        for (const QJsonObject &role : std::as_const(m_roles)) {
            if (roles.contains(role.value(QLatin1String("displayName")).toString()))
                scopes << QStringLiteral("api-role:") + role.value(QLatin1String("id")).toString();
        }
        const QString asked = field("scope");
        for (const QString &scope : asked.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            if (!scopes.contains(scope))
                return oauthError(QStringLiteral("invalid_scope"), QStringLiteral("Scope %1 is not assigned to this client").arg(scope));
        }
        const int lifetime = it->value(QLatin1String("accessTokenLifetimeSeconds")).toInt(1800);
        const QString token = issueToken(clientId, true, lifetime, QStringLiteral("oauth"));
        return ServiceResponse::json(200, QJsonObject { { QStringLiteral("access_token"), token },
                                              { QStringLiteral("scope"), asked.isEmpty() ? scopes.join(QLatin1Char(' ')) : asked },
                                              { QStringLiteral("token_type"), QStringLiteral("Bearer") },
                                              { QStringLiteral("expires_in"), lifetime } });
    }
    return oauthError(QStringLiteral("invalid_client"), QStringLiteral("Client authentication failed"));
}

ServiceResponse JamfService::authDetails(const Caller &caller) const
{
    if (caller.token->client) {
        return ServiceResponse::json(200, QJsonObject { { QStringLiteral("authenticationType"), QStringLiteral("CLIENT_CREDENTIALS") } });
    }
    const Account account = m_accounts.value(caller.token->subject);
    const QJsonObject details {
        { QStringLiteral("id"), QString::number(account.id) },
        { QStringLiteral("username"), caller.token->subject },
        { QStringLiteral("accessLevel"), QStringLiteral("FullAccess") },
        { QStringLiteral("privilegeSet"), account.admin ? QStringLiteral("ADMINISTRATOR") : QStringLiteral("CUSTOM") },
    };
    return ServiceResponse::json(200, QJsonObject { { QStringLiteral("account"), details },
                                          { QStringLiteral("accountGroups"), QJsonArray() },
                                          { QStringLiteral("sites"), QJsonArray() },
                                          { QStringLiteral("authenticationType"), QStringLiteral("JSS") } });
}
