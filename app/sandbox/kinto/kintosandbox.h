#pragma once

#include <QObject>
#include <QStringList>
#include <QUrl>

#include <memory>

class KintoService;
class LoopbackHttpServer;
class HttpResponder;
struct HttpServerRequest;

// An in-process Kinto server (HTTP API 1.23) on 127.0.0.1, for the demo mode and the tests.
//
// Served under "/v1": server info, heartbeats, buckets, groups, collections, records, batch, the
// accounts plugin (Basic auth), the history plugin, the permissions endpoint, collection JSON
// schema validation and kinto-attachment (files kept in memory, served below "/attachments/").
// State lives in memory only and is lost when the sandbox is destroyed.
//
// Defaults: bucket creation is granted to system.Authenticated (kinto.bucket_create_principals),
// account creation to system.Everyone, no admin, no paginate_by, batch_max_requests 25.
// Invalid credentials make the request anonymous, as on a real Kinto configured with accounts only
// (so protected endpoints answer 401 errno 104); setBasicAuth(true) makes them a user instead.
// CORS: any origin; preflight OPTIONS answered; Kinto's response headers exposed to browsers.
//
// Behaviour follows Kinto's server code where the spec leaves room: a missing object answers
// 404 errno 110 (details {id, resource_name}, no message) when the caller may read its parent,
// else 403/401; a missing bucket answers 403 errno 121 to every authenticated caller (admins
// included), as Kinto 26 does; a missing parent bucket/collection answers 404 errno 111; validation errors build
// their message like kinto.core.errors.json_error_handler ("<name> in body: <description>", or the
// description alone when it already contains the name); a JSON schema error's name is chosen like
// kinto/schema_validation.py does. Simplifications: admin principals bypass every check; JSON
// schemas support the keywords listed in kintojsonschema.h (no $ref); no default bucket, signer,
// snapshot, /__user_data__, /__api__ or /contribute.json; DELETE pagination tokens are reusable.
//
// Faults (setLatency, failNext, setBackoff, dropNext) apply to every HTTP request received, in the
// order: drop, then fail, then serve; latency delays each answer.
class KintoSandbox : public QObject
{
    Q_OBJECT
public:
    explicit KintoSandbox(QObject *parent = nullptr);
    ~KintoSandbox() override;

    // Starts listening on 127.0.0.1 (port 0 picks a free one). Returns false if it cannot.
    bool start(quint16 port = 0);
    bool isRunning() const;
    quint16 port() const;
    // "http://127.0.0.1:<port>/v1"
    QUrl baseUrl() const;

    // Creates or replaces an account usable with Basic auth; its principal is "account:<user>".
    void addAccount(const QString &user, const QString &password);
    // Principals allowed everything (like a Kinto configured with *_principals settings for them).
    void setAdminPrincipals(const QStringList &principals);
    QStringList adminPrincipals() const;
    // kinto.paginate_by (0 = none, the default) and kinto.batch_max_requests (25 by default).
    void setPaginateBy(int limit);
    void setBatchMaxRequests(int max);
    // The basicauth policy, off by default (accounts only): when on, as in Kinto's default
    // configuration, credentials that match no account authenticate as "basicauth:<hmac>", a user
    // with no permissions of its own (see KintoService::setBasicAuth).
    void setBasicAuth(bool on);

    // Demo content, written straight to storage (well under a second):
    // accounts admin/admin (admin), alice/alice, bob/bob; bucket "main" with the collection
    // "devices" (JSON schema, displayFields, 10,000 records), "tickets" and "notes", groups
    // "editors" (alice) and "auditors" (bob); bucket "staging" owned by alice; bucket "public"
    // readable by everyone with the collection "announcements"; history entries for them.
    void seedDemoData();

    // Faults. Latency delays every answer by `ms`. failNext answers the next `count` requests with
    // `status` (a Kinto error body, errno 201 for 503) and a Retry-After header. setBackoff adds
    // "Backoff: <seconds>" to successful answers (0 stops it). dropNext closes the next `count`
    // connections without answering. cutNext answers the next `count` requests, unprocessed, with
    // a 200 whose headers promise a JSON body of 512 bytes, then closes the connection right after the
    // headers (AfterHeaders) or halfway through the body (MidBody).
    enum class Cut { AfterHeaders, MidBody };
    void setLatency(int ms);
    void failNext(int count, int status = 503, int retryAfterSeconds = 30);
    void setBackoff(int seconds);
    void dropNext(int count);
    void cutNext(int count, Cut where);
    void clearFaults();

    // The protocol layer, for direct inspection or seeding from tests.
    KintoService &service();
    LoopbackHttpServer *server() const { return m_server; }

Q_SIGNALS:
    // Emitted when an answer is sent (or a connection dropped, with status 0).
    void requestServed(const QByteArray &method, const QString &path, int status);

private:
    void onRequest(const HttpServerRequest &request, HttpResponder *responder);

    LoopbackHttpServer *m_server;
    std::unique_ptr<KintoService> m_service;
    int m_latencyMs = 0;
    int m_failCount = 0;
    int m_failStatus = 503;
    int m_retryAfterSeconds = 30;
    int m_backoffSeconds = 0;
    int m_dropCount = 0;
    int m_cutCount = 0;
    Cut m_cut = Cut::AfterHeaders;
};
