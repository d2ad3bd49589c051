#pragma once

#include "tenant.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <memory>

class AuthStrategy;
class FamilySession;
class HttpClient;
class Job;
class QNetworkAccessManager;
class RequestLog;
class SecretStore;
class TenantRegistry;

// Turns tenants into ready HTTP clients: one HttpClient per tenant (its own session) over the
// QNetworkAccessManager given, with the tenant's base URL, options and authentication, whose
// secrets are read from the SecretStore. This is the one place a tenant's authentication is built:
// the tenant's family's own (ServiceFamily::createAuth) or the generic one for Tenant::auth. The
// family's session (FamilySession) is made over the client. Sums the activity of every session.
//
// Options read from Tenant::options: "maxConcurrent" (default 5), "timeoutSeconds" (default 60),
// "pinnedCertificate" (SHA-256 hex), "bearerType" (default "Bearer"), "tokenUrl", "scope",
// "clientAuth" ("basic" or "form"). Secrets: SecretPurpose::Password (Basic, OAuth2 password
// grant, with the user name in "oauthUser"), Token (Bearer), ClientSecret (OAuth2), and the
// family's ServiceFamily::optionalSecrets() when stored.
class SessionManager : public QObject
{
    Q_OBJECT
public:
    // None of the arguments is owned; all must outlive the manager.
    SessionManager(TenantRegistry *registry, SecretStore *secrets, QNetworkAccessManager *nam,
        RequestLog *log, QObject *parent = nullptr);
    ~SessionManager() override;

    // Prepares the tenant's client (reading its secrets). The job succeeds once client(id) is
    // ready; it fails with NotFound for an unknown tenant or a missing secret, Invalid for bad
    // options, or the secret store's own error. A session already open succeeds at once (async).
    Job *open(const QString &tenantId);
    // The tenant's client, or nullptr when not open. Owned by the manager.
    HttpClient *client(const QString &tenantId) const;
    // The tenant family's session over that client (ServiceFamily::createSession), or nullptr when
    // not open or when the tenant's family is not registered. Deleted with the client.
    FamilySession *session(const QString &tenantId) const;
    // Drops the session (e.g. after the tenant's settings changed); its running requests are aborted.
    void close(const QString &tenantId);

    // The tenant's authentication, built from its secrets (purpose -> value): its family's own
    // (ServiceFamily::createAuth) or the generic one for Tenant::auth; nullptr for none. On bad
    // settings, nullptr and the reason in *error. The one place a tenant's auth is built: sessions
    // and the wizards' connection checks use it. Token requests are written to `log` (may be null).
    // `store` (may be null: nothing renewed is kept) is handed to the family's createAuth.
    static AuthStrategy *authFor(const Tenant &tenant, const QHash<QString, QString> &secrets,
                                 QNetworkAccessManager *nam, RequestLog *log, QString *error,
                                 SecretStore *store = nullptr);

    int inFlight() const;
    int queued() const;

Q_SIGNALS:
    // The sum over every session.
    void activityChanged(int inFlight, int queued);
    // A tenant's server asked for a wait longer than its client allows (HttpClient::serverWaitCapped):
    // `reason` names the header, the wait was held to `heldSeconds` instead of `requestedSeconds`.
    void serverWaitCapped(const QString &tenantId, const QString &reason, qint64 requestedSeconds, int heldSeconds);

private:
    struct OpenState
    {
        Tenant tenant;
        QStringList purposes;
        QStringList optional; // of purposes: a missing one is skipped
        QHash<QString, QString> secrets;
    };
    void readSecret(const std::shared_ptr<OpenState> &state, int index, Job *job);
    void sumActivity();
    void createClient(const Tenant &tenant, const QHash<QString, QString> &secrets, Job *job);

    TenantRegistry *m_registry;
    SecretStore *m_secrets;
    QNetworkAccessManager *m_nam;
    RequestLog *m_log;
    QHash<QString, QPointer<HttpClient>> m_clients;
    QHash<QString, QPointer<FamilySession>> m_sessions;
};
