#pragma once

#include "jamflistjob.h"
#include "jamftypes.h"
#include "net/httpclient.h"
#include "net/job.h"

#include <QLoggingCategory>
#include <QObject>

#include <functional>

Q_DECLARE_LOGGING_CATEGORY(lcJamf) // "tenantdesk.jamf"

// The client of one Jamf Pro server's API roles and API clients (integrations), over an HttpClient
// it is given (not owned): a tenant session's, whose authentication (JamfUserAuth or
// JamfClientAuth), request log and concurrency cap it uses as they are.
//
// Every call returns a Job that finishes exactly once, from the event loop (job.h). A call refused
// before anything is sent (an empty id or name) fails the same way with Kind::Invalid. Results:
// one object's JSON as the server sent it; listings (JamfListJob) the array of every item.
//
// Errors carry Jamf's own body (ApiError: code, field, description); on top of that:
// - 403: the message names the privileges the operation requires (JamfPrivileges::requiredFor);
// - 409 on deleting a role: says the role is still assigned to API clients, and which (deleteRole);
// - the token endpoints' refusals are explained by the auth strategy (SSO accounts, bad secret).
class JamfClient : public QObject
{
    Q_OBJECT
public:
    explicit JamfClient(HttpClient *http, QObject *parent = nullptr);
    // The Jamf client of a tenant session: made on first use and owned by the session's HttpClient.
    static JamfClient *forSession(HttpClient *session);

    HttpClient *httpClient() const { return m_http; }

    // Requests in flight at once (the session's cap, default 5): n < 1 is refused (false, *error,
    // nothing changes); n > 5 is allowed and *warning says why it is unwise (Patcher's rule).
    // Qt's network manager opens at most 6 connections per host, so more than 6 act as 6.
    bool setConcurrency(int n, QString *warning = nullptr, QString *error = nullptr);
    int concurrency() const { return m_http->maxConcurrent(); }

    // Sends a request through the session; its error is explained as above.
    HttpJob *send(const HttpRequest &request);
    // Runs `first`, then the job `next` makes from its result, and finishes with that job's outcome
    // (a read-modify-write). `next` may return nullptr with *error set: the job then fails with it.
    Job *then(Job *first, std::function<Job *(const QJsonValue &result, ApiError *error)> next);

    // --- API roles
    JamfListJob *listRoles(const JamfListOptions &options = {});
    // One page of a listing, sorted by display name: result() is Jamf's body,
    // {"totalCount": N, "results": [...]} (for a PageNumberStrategy). `page` counts from 0.
    Job *rolesPage(int page, int pageSize);
    Job *clientsPage(int page, int pageSize);
    Job *getRole(const QString &id);
    // POST; the result is the created role (with its id).
    Job *createRole(const JamfRole &role);
    // PUT of displayName and privileges on role.id.
    Job *replaceRole(const JamfRole &role);
    // A 409 (the role is assigned to API clients) names those clients when this session may read
    // them (found by the role's name in their authorizationScopes), else gives the general advice.
    Job *deleteRole(const QString &id);
    // GET /api/v1/api-role-privileges: result is the array of names.
    Job *privileges();

    // --- API clients (integrations)
    JamfListJob *listClients(const JamfListOptions &options = {});
    Job *getClient(int id);
    Job *createClient(const JamfApiClient &client);
    Job *replaceClient(const JamfApiClient &client);
    Job *deleteClient(int id);
    // Reads the client, then replaces it with `enabled` changed. Result: the updated client.
    Job *setClientEnabled(int id, bool enabled);
    // Creates or rotates the client's secret: result {"clientId", "clientSecret"}. The secret is
    // shown once by Jamf; it is never logged here.
    Job *rotateCredentials(int id);

    // GETs every path at once (each under the session's cap): result is the array of bodies in the
    // order of `paths`. The first failure fails the job and cancels the rest.
    Job *fetchMany(const QStringList &paths);
    Job *getRoles(const QStringList &ids);
    Job *getClients(const QList<int> &ids);

    // Who this session is and what it can do: result
    // {"user", "authMethod" ("user-account"|"api-client"), "serverVersion", "capabilities": [...],
    //  "warnings": [...]}. Fails only when authentication fails or the server is unreachable;
    // a missing privilege is a warning, and its capability is left out.
    Job *probe();

private:
    Job *failed(const ApiError &error);
    // Sends and relays the answer (or error) to a new Job.
    Job *relay(const HttpRequest &request);
    ApiError explain(const ApiError &error, const HttpRequest &request) const;
    // Fails `job` with `conflict`, its message naming the clients that use role `id` when known.
    void explainRoleInUse(Job *job, const QString &id, const ApiError &conflict);

    HttpClient *m_http;
};
