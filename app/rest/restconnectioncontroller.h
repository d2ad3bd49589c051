#pragma once

#include "openapireader.h"
#include "restsettings.h"
#include "tenants/tenant.h"

#include <QObject>
#include <QPointer>
#include <QVariantMap>

#include <functional>
#include <memory>

class HttpClient;
class Job;
class OAuth2Auth;
class OAuth2SignIn;
class QNetworkAccessManager;
class RequestLog;
class SecretStore;
class TenantRegistry;

// The I/O behind the REST connection wizard (no widgets): the connection check, the OpenAPI import,
// the browser sign-in for the authorization-code grant, and the commit of the new tenant (registry
// + secret store). The wizard's pages only show and collect, into a Draft.
//
// Secrets are handed in for check(), signIn() and commit(); they stay only inside the check's HTTP
// client (memory) until commit() or the controller's destruction, and are written only to the
// SecretStore. Nothing is written before commit().
class RestConnectionController : public QObject
{
    Q_OBJECT
public:
    struct Draft
    {
        QString tenantId;         // the tenant being edited; empty for a new one
        QString displayName;
        QUrl baseUrl;
        AuthKind auth = AuthKind::None;
        QString userName;         // Basic user, OAuth2 client id
        QString apiKeyIn;         // auth Bearer sent as an API key: "header" or "query"; empty = Bearer
        QString apiKeyName;
        QVariantMap oauth;        // tokenUrl, authorizationUrl, redirectUri, scope, clientAuth, oauthUser, authorizationDetails
        RestSettings settings;    // timeout, retries, statuses, serialisation, pin
        QString probePath;        // what the session's probe asks (option "probePath"); empty = the base URL
        QList<RestResource> resources;
    };
    struct Secrets
    {
        QString password;     // Basic, OAuth2 password grant
        QString token;        // Bearer, API key
        QString clientSecret; // OAuth2 (empty for a public client)
        QString refreshToken; // from signIn()
    };

    // None of the arguments is owned; all must outlive the controller.
    RestConnectionController(TenantRegistry *registry, SecretStore *secrets, QNetworkAccessManager *nam, QObject *parent = nullptr);
    ~RestConnectionController() override;

    // The requests of the checks are written to `log` (not owned; may be null: none).
    void setRequestLog(RequestLog *log) { m_log = log; }

    // An http(s) URL with a host, without credentials or fragment; empty (and *error) otherwise.
    static QUrl normaliseUrl(const QString &text, QString *error);
    // The tenant the draft describes (no id, no secrets).
    static Tenant tenantOf(const Draft &draft);

    // GET `probePath` (default: the base URL) with the draft's credentials. The job's result is the
    // identity JSON (RestClient::probe). A running check is cancelled (it finishes with Cancelled).
    // When editing (draft.tenantId set), a secret left empty is read from the SecretStore.
    Job *check(const Draft &draft, const Secrets &secrets, const QString &probePath = {});

    // Reads an OpenAPI document from an http(s) URL (through the checked connection when there is
    // one, so its credentials go to its own origin only) or a local file. The job's result:
    // {"title", "apiVersion", "openapiVersion", "serverUrl", "resources": [RestResource JSON...],
    // "warnings": [...]}; Kind::Parse when it is no OpenAPI 3.x JSON document. At most 16 MiB.
    Job *importOpenApi(const QString &urlOrFile);
    static QList<RestResource> resourcesOf(const QJsonValue &importResult);

    // Authorization-code sign-in (PKCE, loopback redirect), before the tenant exists: the browser is
    // opened through `openUrl`. On success *refreshToken (kept by the caller for commit()) holds
    // the refresh token when the server gave one.
    OAuth2SignIn *signIn(const Draft &draft, const Secrets &secrets, std::function<void(const QUrl &)> openUrl,
        QString *refreshToken);

    // Adds the tenant and stores the secrets its auth needs (empty ones are skipped). The job's
    // result is the new id. If a secret cannot be stored the tenant is removed again and the job
    // fails with the store's error. When editing (draft.tenantId set), the tenant is updated in
    // place instead (same id) and only the secrets typed again are replaced; the stored ones stay.
    Job *commit(const Draft &draft, const Secrets &secrets);

private:
    HttpClient *makeClient(const Draft &draft, const Secrets &secrets, QString *error);
    void storeSecrets(Job *job, const QString &id, QList<QPair<QString, QString>> rest, bool undoOnFailure);
    struct CheckState
    {
        Draft draft;
        Secrets secrets;
        QString probePath;
        QStringList missing; // secret purposes still to read from the store
    };
    void readMissing(Job *job, const std::shared_ptr<CheckState> &state);
    void probe(Job *job, const Draft &draft, const Secrets &secrets, const QString &probePath);
    void dropConnection();

    TenantRegistry *m_registry;
    SecretStore *m_secrets;
    QNetworkAccessManager *m_nam;
    QPointer<HttpClient> m_http; // the checked connection
    RequestLog *m_log = nullptr;
    QPointer<Job> m_checkJob;
};
