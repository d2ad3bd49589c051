#pragma once

#include <QObject>
#include <QUrl>

#include <memory>

class KandjiService;
class LoopbackHttpServer;
class HttpResponder;
struct HttpServerRequest;

// An in-process Kandji tenant on 127.0.0.1 for the demo mode and the tests: the API (kandjiservice.h)
// on one port and the storage service its presigned uploads and downloads use on another (a separate
// origin, as S3 is). Reached by clients only through KandjiSettings' "local test server" setting.
// State lives in memory and is lost with the sandbox.
//
// Faults apply to API requests only, in the order: fail, then serve; latency delays each answer.
class KandjiSandbox : public QObject
{
    Q_OBJECT
public:
    explicit KandjiSandbox(QObject *parent = nullptr);
    ~KandjiSandbox() override;

    // Listens on two free loopback ports (or `port` for the API). False if it cannot.
    bool start(quint16 port = 0);
    bool isRunning() const;
    // "http://127.0.0.1:<port>" (the API paths start with /api/v1).
    QUrl baseUrl() const;
    QUrl storageUrl() const;
    // The API token the sandbox accepts (a fixed UUID unless set on the service).
    QString token() const;

    // A realistic library: 24 custom profiles, 20 scripts, 12 apps (small installers), six
    // self-service categories, three blueprints (two classic, one map) with assignments, two templates.
    void seedDemoData();

    void setLatency(int ms) { m_latencyMs = qMax(0, ms); }
    // The next `count` API requests answer `status` with a {"detail"} body.
    void failNext(int count, int status = 500);
    void clearFaults();

    KandjiService &service();
    LoopbackHttpServer *server() const { return m_api; }
    LoopbackHttpServer *storageServer() const { return m_storage; }

Q_SIGNALS:
    void requestServed(const QByteArray &method, const QString &path, int status);

private:
    void onApi(const HttpServerRequest &request, HttpResponder *responder);
    void onStorage(const HttpServerRequest &request, HttpResponder *responder);

    LoopbackHttpServer *m_api;
    LoopbackHttpServer *m_storage;
    std::unique_ptr<KandjiService> m_service;
    int m_latencyMs = 0;
    int m_failCount = 0;
    int m_failStatus = 500;
};
