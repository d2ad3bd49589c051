#pragma once

#include "jamfclient.h"
#include "jamftypes.h"
#include "tenants/tenant.h"

#include <QObject>
#include <QUrl>

#include <memory>

class JamfUserAuth;
class QNetworkAccessManager;
class RequestLog;
class SecretStore;
class TenantRegistry;

// The I/O of the API client setup (Patcher's setup as steps the wizard shows): an administrator
// signs in once, the setup creates (or reuses) an API role, creates an API client with it, creates
// its credentials, proves them by getting an OAuth token, stores the client's secret in the
// SecretStore and adds (or updates) the Jamf tenant to use them.
//
// - The administrator's password lives only in the session signIn() opens, in memory; that token
//   is invalidated and the session dropped when run() ends (success or not) or on destruction.
//   It is never logged, stored or passed on.
// - step(text) tells what is being done; errors say what to do (wrong password or SSO account,
//   missing privilege, name taken: reuse or rename).
// - undo() deletes what this setup created (client, then role), e.g. when the wizard is cancelled
//   after a failure; it needs the administrator's session, so run it before that is dropped
//   (run() keeps it open when it fails).
class JamfSetup : public QObject
{
    Q_OBJECT
public:
    struct Draft
    {
        QString roleId;          // reuse this role; empty = create roleName with privileges
        QString roleName = QStringLiteral("TenantDesk-Role");
        QStringList privileges;
        QString clientName = QStringLiteral("TenantDesk-Client");
        int lifetimeSeconds = 1800;
        QString tenantName;      // the tenant's display name (default: the server's host)
        QString tenantId;        // update this tenant; empty = add a new one
    };

    // None owned; all must outlive the setup.
    JamfSetup(QNetworkAccessManager *nam, TenantRegistry *registry, SecretStore *secrets, QObject *parent = nullptr);
    ~JamfSetup() override;

    // The requests of the checks are written to `log` (not owned; may be null: none).
    void setRequestLog(RequestLog *log) { m_log = log; }

    // Opens the administrator's session: the server URL is normalised (JamfSettings), a Basic
    // token is fetched and the probe run. Result: the probe's identity JSON.
    Job *signIn(const QString &serverUrl, const QString &user, const QString &password);
    // The administrator's client (after signIn), e.g. to list roles for "reuse one".
    JamfClient *adminClient() const { return m_admin; }
    QUrl serverUrl() const { return m_serverUrl; }

    // Runs every step (again after a failure: a role created by the failed run is reused). Result: {"tenantId", "roleId", "roleName", "integrationId", "clientId"}.
    Job *run(const Draft &draft);
    // Asks the run in progress to stop after its current request: it then fails with
    // Kind::Cancelled, and created() tells what was made (for undo()). Nothing happens without a run.
    void stop();
    bool isRunning() const { return m_running; }
    // Deletes what this setup created, newest first. Succeeds at once (async) when nothing was.
    Job *undo();
    // What was created so far, for the cancel prompt: "API role \"X\"", "API client \"Y\"".
    QStringList created() const;
    // Drops the administrator's session (its token invalidated on the server). Not from inside a
    // reply of that session: queue the call there.
    void signOut();

Q_SIGNALS:
    void step(const QString &description);

private:
    struct Run;
    void createRole(const std::shared_ptr<Run> &run);
    void createClient(const std::shared_ptr<Run> &run);
    void createCredentials(const std::shared_ptr<Run> &run);
    void proveCredentials(const std::shared_ptr<Run> &run);
    void storeTenant(const std::shared_ptr<Run> &run);
    // Fails the run with the error explained for the wizard, then `advice` (may be empty).
    void fail(const std::shared_ptr<Run> &run, const ApiError &error, const QString &advice);
    // True (and the run failed as cancelled) when stop() was asked: called before each step.
    bool stopped(const std::shared_ptr<Run> &run);

    QNetworkAccessManager *m_nam;
    TenantRegistry *m_registry;
    SecretStore *m_secrets;
    QUrl m_serverUrl;
    std::unique_ptr<HttpClient> m_http;
    RequestLog *m_log = nullptr;
    JamfClient *m_admin = nullptr;
    JamfUserAuth *m_adminAuth = nullptr;
    QString m_createdRoleId;
    QString m_createdRoleName;
    int m_createdClientId = 0;
    QString m_createdClientName;
    bool m_running = false;
    bool m_stopRequested = false;
};
