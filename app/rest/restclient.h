#pragma once

#include "net/httpclient.h"
#include "net/job.h"
#include "restresource.h"
#include "restsettings.h"

#include <QLoggingCategory>
#include <QObject>
#include <QPointer>

Q_DECLARE_LOGGING_CATEGORY(lcRest) // "tenantdesk.rest"

// A request body: JSON (serialised when the client serialises), or bytes/text sent as they are.
struct RestBody
{
    QJsonValue json;
    QByteArray bytes;
    QByteArray contentType; // for bytes; default application/octet-stream
    bool isBytes = false;
    bool isEmpty() const { return !isBytes && (json.isNull() || json.isUndefined()); }

    static RestBody fromJson(const QJsonValue &json) { return { json, {}, {}, false }; }
    static RestBody fromBytes(const QByteArray &bytes, const QByteArray &contentType = {}) { return { {}, bytes, contentType, true }; }
};

// One CRUD call of a RestClient. Finishes once (job.h). result() is the decoded JSON answer,
// decoded whatever the content type said; when the body is not JSON, result() is null and
// body() holds the bytes (isJson() false). A status the client ignores (or any status when the
// client does not raise) is an answer, not an error: the job succeeds and status() tells it.
class RestJob : public Job
{
    Q_OBJECT
public:
    int status() const { return m_response.status; }
    const HttpResponse &response() const { return m_response; }
    QByteArray body() const { return m_response.body; }
    bool isJson() const { return m_json; }
    int retries() const { return m_response.retries; }

private:
    friend class RestClient;
    using Job::Job;
    HttpResponse m_response;
    bool m_json = false;
};

// A client for any JSON REST API (the CRUDs library's Client, asynchronous), over a tenant
// session's HttpClient, which it borrows (not owned; the HttpClient's auth, request log and
// concurrency cap stay as the session set them). The constructor applies the transport part of
// RestSettings (timeout, retries, pin) to that HttpClient.
//
// Paths are relative to the base URL ("users" and "/users" both mean base + "/users"), or absolute
// URLs. Every method may be retried (as CRUDs' allowed_methods say). `files` sends
// multipart/form-data and then takes precedence over `data`. With serialisation off, JSON objects
// and arrays are refused (Kind::Invalid) and strings are sent as UTF-8 text.
class RestClient : public QObject
{
    Q_OBJECT
public:
    RestClient(HttpClient *http, const RestSettings &settings, QObject *parent = nullptr);

    HttpClient *httpClient() const { return m_http; }
    const RestSettings &settings() const { return m_settings; }
    // CRUDs' status_ignore, mutable like it.
    void setIgnoredStatuses(const QSet<int> &statuses) { m_settings.ignoredStatuses = statuses; }

    RestJob *create(const QString &uri, const RestBody &data, const QueryList &params = {},
                    const QList<MultipartPart> &files = {});                           // POST
    RestJob *read(const QString &uri, const QueryList &params = {});                   // GET
    RestJob *update(const QString &uri, const RestBody &data, const QueryList &params = {},
                    bool replace = false, const QList<MultipartPart> &files = {});     // PATCH, or PUT when replacing
    RestJob *remove(const QString &uri, const QueryList &params = {});                 // DELETE
    RestJob *send(const QByteArray &method, const QString &uri, const RestBody &data, const QueryList &params,
                  const QList<MultipartPart> &files);

    // One page of a resource: result() {"items": [...], "next": "<cursor>" or null, "total": n or
    // null (X-Total-Count)}. An empty cursor is the first page. Items not where the resource says
    // fail with Kind::Parse.
    Job *listPage(const RestResource &resource, const QString &cursor = {}, const QueryList &filters = {});

    // Checks the connection with GET `path` (default: the base URL). Result, the identity JSON:
    // {"user", "authMethod", "serverVersion", "capabilities": [...], "warnings": [...]}.
    // 401/403 fail with Kind::Auth; no answer fails as the transport says; any other status
    // succeeds with a warning (many APIs have no root document).
    Job *probe(const QString &path = {});

private:
    void finish(RestJob *job, HttpJob *http);

    QPointer<HttpClient> m_http;
    RestSettings m_settings;
};
