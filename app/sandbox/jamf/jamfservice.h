#pragma once

#include "servicehttp.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>

// The Jamf Pro API (11.30.2) for auth, API roles, role privileges and API integrations, over
// in-memory state. Synchronous and transport-free: JamfSandbox feeds it requests from the loopback
// server; tests may drive it directly. Paths are full ("/api/v1/api-roles").
//
// - Auth: user accounts (Basic on POST /api/v1/auth/token -> bearer token of userTokenLifetime,
//   keep-alive replaces it, invalidate-token ends it; an SSO account is refused like a wrong
//   password, as on Jamf Pro); API clients (POST /api/oauth/token and /api/v1/oauth/token,
//   form-encoded client credentials, the token carries the client's roles as scopes and lasts its
//   accessTokenLifetimeSeconds; refusals are OAuth errors with status 400, as the schema says).
//   An expired, invalidated or unknown token answers 401.
// - Privileges: every request needs what jamf-required-privileges.json lists for its operation;
//   a missing one answers 403 naming it. A user's privileges are its own (an administrator has all);
//   a client's are the union of its roles' privileges, read at request time.
// - Roles and integrations: paging, sort and RSQL filter on id and displayName (jamfquery.h);
//   a display name already taken answers 400 (DUPLICATE_FIELD); an unknown privilege or role
//   name 400; deleting a role that a client uses 409. POST on integrations answers 201.
// - Errors are Jamf's body: {"httpStatus", "errors": [{"code", "field", "description", "id"}]}.
// Not thread-safe: use it from one thread.
class JamfService
{
public:
    JamfService();

    ServiceResponse handle(const ServiceRequest &request);

    // Creates or replaces a user account. An empty privilege list with `admin` means every
    // privilege. An SSO account cannot get a token with Basic (Jamf's API does not support SSO).
    void addAccount(const QString &user, const QString &password, const QStringList &privileges, bool admin = false,
        bool sso = false);
    void setUserTokenLifetime(int seconds) { m_userTokenLifetime = seconds; }

    // Stored straight, without checks (seeding). Return the new id.
    QString addRole(const QString &displayName, const QStringList &privileges);
    // `secret` empty: no credentials yet (appType NONE). Returns the id; *clientId gets the client id.
    int addClient(const QString &displayName, const QStringList &roleNames, bool enabled, int lifetimeSeconds,
        const QString &clientId = {}, const QString &secret = {});

    // Inspection for tests.
    QJsonObject role(const QString &id) const { return m_roles.value(id.toInt()); }
    QJsonObject client(int id) const;
    QString clientSecret(int id) const { return m_secrets.value(id); }
    int roleCount() const { return int(m_roles.size()); }
    int clientCount() const { return int(m_clients.size()); }
    int liveTokenCount() const;
    // Ends every token at once (as a server restart or an administrator would).
    void revokeAllTokens() { m_tokens.clear(); }
    // Tokens issued so far: "basic", "keep-alive", "oauth".
    int tokensIssued(const QString &how) const { return m_issued.value(how); }

private:
    struct Account
    {
        QString password;
        QSet<QString> privileges;
        bool admin = false;
        bool sso = false;
        int id = 0;
    };
    struct Token
    {
        QString subject;    // user name, or client id
        bool client = false;
        QDateTime expiry;
    };
    struct Caller
    {
        const Token *token = nullptr;
        QString error; // why there is no caller (for the 401)
    };

    ServiceResponse dispatch(const ServiceRequest &request, const Caller &caller);
    Caller authenticate(const ServiceRequest &request) const;
    QSet<QString> privilegesOf(const Token &token) const;

    ServiceResponse userToken(const ServiceRequest &request);
    ServiceResponse keepAlive(const ServiceRequest &request, const Caller &caller);
    ServiceResponse invalidateToken(const ServiceRequest &request);
    ServiceResponse oauthToken(const ServiceRequest &request);
    ServiceResponse authDetails(const Caller &caller) const;
    ServiceResponse roles(const ServiceRequest &request, const QStringList &segments);
    ServiceResponse clients(const ServiceRequest &request, const QStringList &segments);
    ServiceResponse privilegeSearch(const ServiceRequest &request) const;
    // Validates a role body; returns an error response, or nothing (status 0) when valid.
    ServiceResponse checkRole(const QJsonObject &body, int exceptId) const;
    ServiceResponse checkClient(const QJsonObject &body, int exceptId) const;

    QString issueToken(const QString &subject, bool client, int lifetimeSeconds, const QString &how);

    QHash<QString, Account> m_accounts;
    QHash<QString, Token> m_tokens;
    QMap<int, QJsonObject> m_roles;   // id -> {id (string), displayName, privileges}
    QMap<int, QJsonObject> m_clients; // id -> ApiIntegrationResponse (clientId, appType, ...)
    QHash<int, QString> m_secrets;    // integration id -> client secret
    QHash<QString, int> m_issued;
    int m_nextRoleId = 1;
    int m_nextClientId = 1;
    int m_userTokenLifetime = 1800;
};

// Jamf's error body as a response.
ServiceResponse jamfError(int status, const QString &code, const QString &description, const QString &field = {},
    const QString &id = QStringLiteral("0"));
