#pragma once

#include <QObject>
#include <QUrl>

#include <memory>

class JamfService;
class LoopbackHttpServer;
class HttpResponder;
struct HttpServerRequest;

// An in-process Jamf Pro server (the API's auth, API roles and API clients; jamfservice.h says
// what is served and how) on 127.0.0.1, for the demo mode and the tests. State lives in memory.
//
// The loopback server counts requests in flight at once (server()->maxInFlight()): with a latency
// set, tests read from it how many connections a client really used at the same time.
class JamfSandbox : public QObject
{
    Q_OBJECT
public:
    explicit JamfSandbox(QObject *parent = nullptr);
    ~JamfSandbox() override;

    // Starts listening on 127.0.0.1 (port 0 picks a free one). Returns false if it cannot.
    bool start(quint16 port = 0);
    quint16 port() const;
    // "http://127.0.0.1:<port>" (the API is below /api).
    QUrl baseUrl() const;

    // The demo tenant (a few dozen roles and clients), see jamfdemodata.h for its accounts and the
    // one API client whose secret is known.
    void seedDemoData();

    // Delays every answer by `ms` (0 = none). failNext answers the next `count` requests with
    // `status` and a Jamf error body.
    void setLatency(int ms) { m_latencyMs = qMax(0, ms); }
    void failNext(int count, int status = 503);

    JamfService &service() { return *m_service; }
    LoopbackHttpServer *server() const { return m_server; }

Q_SIGNALS:
    // Emitted when an answer is sent.
    void requestServed(const QByteArray &method, const QString &path, int status);

private:
    void onRequest(const HttpServerRequest &request, HttpResponder *responder);

    LoopbackHttpServer *m_server;
    std::unique_ptr<JamfService> m_service;
    int m_latencyMs = 0;
    int m_failCount = 0;
    int m_failStatus = 503;
};
