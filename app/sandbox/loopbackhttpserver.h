#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QUrl>
#include <QUrlQuery>

#include <functional>
#include <memory>

class QSslConfiguration;
class QTcpServer;
class QTcpSocket;

using HttpHeaderList = QList<QPair<QByteArray, QByteArray>>;

// One parsed HTTP/1.1 request as the loopback server received it.
struct HttpServerRequest
{
    QByteArray method;        // "GET", "POST", ...
    QByteArray target;        // raw request target: "/v1/buckets?_limit=2"
    QString path;             // percent-decoded path: "/v1/buckets"
    QByteArray encodedPath;   // path as sent, still percent-encoded
    QUrlQuery query;          // query items (keys may repeat; values decodable with QUrl::FullyDecoded)
    HttpHeaderList headers;   // in order, names as sent
    QByteArray body;          // empty when the body exceeded the server's body limit
    qint64 bodySize = 0;      // bytes of body received, stored or not
    QHostAddress peer;

    QByteArray header(const QByteArray &name) const; // case-insensitive; empty if absent
    bool hasHeader(const QByteArray &name) const;
};
Q_DECLARE_METATYPE(HttpServerRequest)

// The answer to one request, handed to the server's handler. The handler may answer at once or
// later (e.g. after a delay). Only the first answer counts; later calls are no-ops. After answering,
// the responder deletes itself (deleteLater), so do not touch it after the event loop has run.
// If the client disconnects before an answer, the request stops counting as in flight and the
// responder stays alive (owned by the server) until it is answered: the answer is then discarded.
class HttpResponder : public QObject
{
    Q_OBJECT
public:
    // Writes the status line (standard reason phrase), the headers, Content-Length (unless given,
    // or status 1xx/204/304) and the body. For a HEAD request the body is omitted but
    // Content-Length still tells its size.
    void respond(int status, const HttpHeaderList &headers = {}, const QByteArray &body = {});
    // As respond(), with Content-Type: application/json.
    void respondJson(int status, const QByteArray &json, HttpHeaderList headers = {});
    // Answers after ms milliseconds (the request stays "in flight" meanwhile).
    void respondLater(int ms, int status, const HttpHeaderList &headers = {}, const QByteArray &body = {});
    // Closes the connection without an answer (a dropped connection).
    void drop();
    // Sends raw bytes as the whole answer (for malformed responses), then closes.
    void respondRaw(const QByteArray &bytes);
    bool isAnswered() const { return m_answered; }

private:
    friend class LoopbackHttpServer;
    HttpResponder(QTcpSocket *socket, class LoopbackHttpServer *server, bool headRequest, bool keepAlive);
    // Marks the request answered (stops counting it as in flight) and schedules deletion.
    void finish();
    void connectionLost();

    QPointer<QTcpSocket> m_socket;
    QPointer<LoopbackHttpServer> m_server;
    bool m_head = false;
    bool m_keepAlive = true;
    bool m_answered = false;
    bool m_counted = true; // still counted in LoopbackHttpServer::inFlight()
};

// A minimal HTTP/1.1 server on 127.0.0.1 for the demo sandboxes and the tests: keep-alive,
// Content-Length and chunked request bodies, Expect: 100-continue, concurrent connections.
// Requests on one connection are answered in order (the next one is read after the previous answer).
// It measures how many requests were in flight at once (received, not yet answered), which tests
// use to check client-side concurrency caps.
class LoopbackHttpServer : public QObject
{
    Q_OBJECT
public:
    // Called for every complete request, after requestReceived(). With no handler the server
    // answers 404 with a small JSON body.
    using Handler = std::function<void(const HttpServerRequest &request, HttpResponder *responder)>;

    explicit LoopbackHttpServer(QObject *parent = nullptr);
    ~LoopbackHttpServer() override;

    // Listens on 127.0.0.1 (port 0 picks a free one). Returns false if it cannot.
    bool listen(quint16 port = 0);
    // The same over TLS (https), with the given certificate and key (for certificate tests).
    bool listenTls(const QSslConfiguration &configuration, quint16 port = 0);
    quint16 port() const;
    QUrl baseUrl() const; // "http://127.0.0.1:<port>"
    // Why the last listen() failed ("The bound address is already in use").
    QString errorString() const;

    void setHandler(Handler handler);
    // Bodies larger than this are counted but not kept (HttpServerRequest::body stays empty and
    // the bytes are discarded as they arrive). Default 64 MiB.
    void setBodyLimit(qint64 bytes) { m_bodyLimit = bytes; }

    int inFlight() const { return m_inFlight; }
    int maxInFlight() const { return m_maxInFlight; }
    int requestCount() const { return m_requestCount; }
    int connectionCount() const { return m_connectionCount; } // TCP connections accepted
    // Zeroes maxInFlight (to the current inFlight), requestCount and connectionCount.
    void resetCounters();

Q_SIGNALS:
    // Emitted for every complete request, before the handler runs.
    void requestReceived(const HttpServerRequest &request);

private:
    friend class HttpResponder;
    struct Connection;

    void onNewConnection();
    void onDisconnected(QTcpSocket *socket);
    void process(QTcpSocket *socket);
    bool parseHead(Connection &c, const QByteArray &head);
    void dispatch(QTcpSocket *socket, Connection &c);
    void rejectMalformed(QTcpSocket *socket, Connection &c);
    void appendBody(Connection &c, const QByteArray &bytes);
    // Called by a responder once it answered: closes or reads the next request.
    void answered(QTcpSocket *socket, bool close);
    void releaseRequest() { --m_inFlight; }

    QTcpServer *m_server;
    QHash<QTcpSocket *, std::shared_ptr<Connection>> m_connections;
    Handler m_handler;
    qint64 m_bodyLimit = 64 * 1024 * 1024;
    bool m_tls = false;
    int m_inFlight = 0;
    int m_maxInFlight = 0;
    int m_requestCount = 0;
    int m_connectionCount = 0;
};
