#include "loopbackhttpserver.h"

#include <QSslServer>

#include <QLoggingCategory>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <string_view>

Q_LOGGING_CATEGORY(lcLoopbackHttp, "tenantdesk.sandbox.http", QtInfoMsg)

namespace {

constexpr qint64 MaxHeadBytes = 64 * 1024;  // request line + headers
constexpr qint64 ReadChunk = 64 * 1024;     // bytes taken from the socket at a time

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 100: return "Continue";
    case 101: return "Switching Protocols";
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 203: return "Non-Authoritative Information";
    case 204: return "No Content";
    case 206: return "Partial Content";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 303: return "See Other";
    case 304: return "Not Modified";
    case 307: return "Temporary Redirect";
    case 308: return "Permanent Redirect";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 406: return "Not Acceptable";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 410: return "Gone";
    case 411: return "Length Required";
    case 412: return "Precondition Failed";
    case 413: return "Content Too Large";
    case 415: return "Unsupported Media Type";
    case 422: return "Unprocessable Content";
    case 428: return "Precondition Required";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "Unknown";
    }
}

bool isTokenChar(char ch)
{
    if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9'))
        return true;
    return std::string_view("!#$%&'*+-.^_`|~").find(ch) != std::string_view::npos;
}

bool isToken(QByteArrayView s)
{
    if (s.isEmpty())
        return false;
    for (char ch : s) {
        if (!isTokenChar(ch))
            return false;
    }
    return true;
}

bool hasHeaderIn(const HttpHeaderList &headers, QByteArrayView name)
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

// ---- HttpServerRequest

QByteArray HttpServerRequest::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

bool HttpServerRequest::hasHeader(const QByteArray &name) const
{
    return hasHeaderIn(headers, name);
}

// ---- per-connection parser state

struct LoopbackHttpServer::Connection
{
    enum class State {
        Head,          // reading request line + headers
        Body,          // Content-Length body: `remaining` bytes left
        ChunkSize,     // chunked body: next line is a chunk size
        ChunkData,     // chunked body: `remaining` bytes of chunk data left
        ChunkDataEnd,  // chunked body: CRLF after chunk data
        Trailer,       // chunked body: trailer lines until an empty one
        Waiting,       // request dispatched, waiting for its answer
        Closed,        // no more requests on this connection
    };

    State state = State::Head;
    QByteArray buffer;     // bytes taken from the socket but not consumed yet
    HttpServerRequest request;
    qint64 remaining = 0;
    bool overLimit = false;
    bool keepAlive = true;
    bool http11 = true;
    QPointer<HttpResponder> responder;
};

// ---- HttpResponder

HttpResponder::HttpResponder(QTcpSocket *socket, LoopbackHttpServer *server, bool headRequest, bool keepAlive)
    : QObject(server)
    , m_socket(socket)
    , m_server(server)
    , m_head(headRequest)
    , m_keepAlive(keepAlive)
{
}

void HttpResponder::respond(int status, const HttpHeaderList &headers, const QByteArray &body)
{
    if (m_answered)
        return;
    const bool noBody = (status >= 100 && status < 200) || status == 204 || status == 304;
    const bool close = !m_keepAlive || [&] {
        for (const auto &h : headers) {
            if (h.first.compare("Connection", Qt::CaseInsensitive) == 0
                && h.second.trimmed().compare("close", Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    }();
    m_keepAlive = !close;

    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    for (const auto &h : headers)
        out += h.first + ": " + h.second + "\r\n";
    if (!noBody && !hasHeaderIn(headers, "Content-Length"))
        out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    if (close && !hasHeaderIn(headers, "Connection"))
        out += "Connection: close\r\n";
    out += "\r\n";
    if (!noBody && !m_head)
        out += body;

    if (m_socket && m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->write(out);
    finish();
}

void HttpResponder::respondJson(int status, const QByteArray &json, HttpHeaderList headers)
{
    if (!hasHeaderIn(headers, "Content-Type"))
        headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    respond(status, headers, json);
}

void HttpResponder::respondLater(int ms, int status, const HttpHeaderList &headers, const QByteArray &body)
{
    if (m_answered)
        return;
    QTimer::singleShot(ms, this, [this, status, headers, body] { respond(status, headers, body); });
}

void HttpResponder::drop()
{
    if (m_answered)
        return;
    m_keepAlive = false;
    const QPointer<QTcpSocket> socket = m_socket;
    finish();
    if (socket)
        socket->abort();
}

void HttpResponder::respondRaw(const QByteArray &bytes)
{
    if (m_answered)
        return;
    m_keepAlive = false;
    if (m_socket && m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->write(bytes);
    finish();
}

void HttpResponder::finish()
{
    m_answered = true;
    if (m_counted && m_server) {
        m_counted = false;
        m_server->releaseRequest();
    }
    if (m_server && m_socket)
        m_server->answered(m_socket, !m_keepAlive);
    deleteLater();
}

void HttpResponder::connectionLost()
{
    m_socket = nullptr;
    if (m_counted && m_server) {
        m_counted = false;
        m_server->releaseRequest();
    }
}

// ---- LoopbackHttpServer

LoopbackHttpServer::LoopbackHttpServer(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &LoopbackHttpServer::onNewConnection);
}

LoopbackHttpServer::~LoopbackHttpServer()
{
    // Sockets are children of m_server: stop their signals reaching a half-destroyed server.
    for (auto it = m_connections.cbegin(); it != m_connections.cend(); ++it)
        it.key()->disconnect(this);
    m_connections.clear();
    delete m_server;
}

bool LoopbackHttpServer::listen(quint16 port)
{
    return m_server->listen(QHostAddress::LocalHost, port);
}

bool LoopbackHttpServer::listenTls(const QSslConfiguration &configuration, quint16 port)
{
    auto *server = new QSslServer(this);
    server->setSslConfiguration(configuration);
    delete m_server;
    m_server = server;
    m_tls = true;
    // A TLS connection becomes pending only after its handshake, which newConnection() precedes.
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this, &LoopbackHttpServer::onNewConnection);
    return m_server->listen(QHostAddress::LocalHost, port);
}

QString LoopbackHttpServer::errorString() const
{
    return m_server->errorString();
}

quint16 LoopbackHttpServer::port() const
{
    return m_server->serverPort();
}

QUrl LoopbackHttpServer::baseUrl() const
{
    QUrl url;
    url.setScheme(m_tls ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port());
    return url;
}

void LoopbackHttpServer::setHandler(Handler handler)
{
    m_handler = std::move(handler);
}

void LoopbackHttpServer::resetCounters()
{
    m_maxInFlight = m_inFlight;
    m_requestCount = 0;
    m_connectionCount = 0;
}

void LoopbackHttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        ++m_connectionCount;
        m_connections.insert(socket, std::make_shared<Connection>());
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { process(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] { onDisconnected(socket); });
        process(socket); // bytes may have arrived before the connect
    }
}

void LoopbackHttpServer::onDisconnected(QTcpSocket *socket)
{
    const auto c = m_connections.take(socket);
    if (c && c->responder && !c->responder->isAnswered())
        c->responder->connectionLost();
    socket->deleteLater();
}

void LoopbackHttpServer::answered(QTcpSocket *socket, bool close)
{
    const auto c = m_connections.value(socket);
    if (!c)
        return;
    c->responder = nullptr;
    if (close) {
        c->state = Connection::State::Closed;
        socket->disconnectFromHost(); // flushes the answer first
        return;
    }
    c->state = Connection::State::Head;
    c->request = HttpServerRequest();
    // Read the next request from a fresh stack frame: the handler may still be running.
    QTimer::singleShot(0, socket, [this, socket] { process(socket); });
}

void LoopbackHttpServer::appendBody(Connection &c, const QByteArray &bytes)
{
    c.request.bodySize += bytes.size();
    if (c.overLimit)
        return;
    if (c.request.bodySize > m_bodyLimit) {
        c.overLimit = true;
        c.request.body = QByteArray(); // free what was kept so far
        return;
    }
    c.request.body += bytes;
}

void LoopbackHttpServer::process(QTcpSocket *socket)
{
    const auto conn = m_connections.value(socket);
    if (!conn)
        return;
    Connection &c = *conn;
    using State = Connection::State;

    // Tops the buffer up from the socket; false when nothing more is available right now.
    const auto fill = [&] {
        if (socket->bytesAvailable() <= 0)
            return false;
        c.buffer += socket->read(ReadChunk);
        return true;
    };
    // Takes up to max body bytes, from the buffer first; empty when none are available.
    const auto take = [&](qint64 max) {
        if (c.buffer.isEmpty())
            return socket->read(qMin(max, ReadChunk));
        const QByteArray bytes = c.buffer.left(max);
        c.buffer.remove(0, bytes.size());
        return bytes;
    };
    // Takes one CRLF (or LF) terminated line without its terminator.
    const auto takeLine = [&](QByteArray &line) {
        for (;;) {
            const qsizetype eol = c.buffer.indexOf('\n');
            if (eol >= 0) {
                line = c.buffer.left(eol);
                if (line.endsWith('\r'))
                    line.chop(1);
                c.buffer.remove(0, eol + 1);
                return true;
            }
            if (c.buffer.size() > MaxHeadBytes || !fill())
                return false;
        }
    };

    for (;;) {
        switch (c.state) {
        case State::Waiting:
        case State::Closed:
            return;

        case State::Head: {
            // Blank lines before a request line are allowed (RFC 9112 section 2.2).
            while (c.buffer.startsWith("\r\n"))
                c.buffer.remove(0, 2);
            qsizetype end = c.buffer.indexOf("\r\n\r\n");
            while (end < 0) {
                if (c.buffer.size() > MaxHeadBytes) {
                    rejectMalformed(socket, c);
                    return;
                }
                if (!fill())
                    return;
                while (c.buffer.startsWith("\r\n"))
                    c.buffer.remove(0, 2);
                end = c.buffer.indexOf("\r\n\r\n");
            }
            const QByteArray head = c.buffer.left(end);
            c.buffer.remove(0, end + 4);
            if (!parseHead(c, head)) {
                rejectMalformed(socket, c);
                return;
            }
            if (c.state != State::Head && c.http11
                && c.request.header("Expect").compare("100-continue", Qt::CaseInsensitive) == 0)
                socket->write("HTTP/1.1 100 Continue\r\n\r\n");
            if (c.state == State::Head) {
                dispatch(socket, c);
                return;
            }
            break;
        }

        case State::Body: {
            while (c.remaining > 0) {
                const QByteArray bytes = take(c.remaining);
                if (bytes.isEmpty())
                    return;
                c.remaining -= bytes.size();
                appendBody(c, bytes);
            }
            dispatch(socket, c);
            return;
        }

        case State::ChunkSize: {
            QByteArray line;
            if (!takeLine(line)) {
                if (c.buffer.size() > MaxHeadBytes)
                    rejectMalformed(socket, c);
                return;
            }
            const qsizetype ext = line.indexOf(';');
            bool ok = false;
            const qint64 size = line.left(ext < 0 ? line.size() : ext).trimmed().toLongLong(&ok, 16);
            if (!ok || size < 0) {
                rejectMalformed(socket, c);
                return;
            }
            c.remaining = size;
            c.state = size == 0 ? State::Trailer : State::ChunkData;
            break;
        }

        case State::ChunkData: {
            while (c.remaining > 0) {
                const QByteArray bytes = take(c.remaining);
                if (bytes.isEmpty())
                    return;
                c.remaining -= bytes.size();
                appendBody(c, bytes);
            }
            c.state = State::ChunkDataEnd;
            break;
        }

        case State::ChunkDataEnd: {
            QByteArray line;
            if (!takeLine(line))
                return;
            if (!line.isEmpty()) {
                rejectMalformed(socket, c);
                return;
            }
            c.state = State::ChunkSize;
            break;
        }

        case State::Trailer: {
            QByteArray line;
            if (!takeLine(line)) {
                if (c.buffer.size() > MaxHeadBytes)
                    rejectMalformed(socket, c);
                return;
            }
            if (line.isEmpty()) {
                dispatch(socket, c);
                return;
            }
            break; // trailer fields are ignored
        }
        }
    }
}

// Parses the request line and headers into c.request and sets the state that reads the body
// (State::Head again when there is none). False when the head is malformed.
bool LoopbackHttpServer::parseHead(Connection &c, const QByteArray &head)
{
    using State = Connection::State;
    c.request = HttpServerRequest();
    c.overLimit = false;
    c.remaining = 0;

    QList<QByteArray> lines = head.split('\n');
    for (QByteArray &line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
    }

    const QList<QByteArray> parts = lines.value(0).split(' ');
    if (parts.size() != 3 || !isToken(parts[0]) || parts[1].isEmpty())
        return false;
    const QByteArray &version = parts[2];
    if (version != "HTTP/1.1" && version != "HTTP/1.0")
        return false;
    c.http11 = version == "HTTP/1.1";

    HttpServerRequest &r = c.request;
    r.method = parts[0];
    r.target = parts[1];
    QByteArray target = r.target;
    if (target.startsWith("http://") || target.startsWith("https://")) {
        // absolute-form: keep path and query only
        const qsizetype slash = target.indexOf('/', target.indexOf("//") + 2);
        target = slash < 0 ? QByteArray("/") : target.mid(slash);
    } else if (!target.startsWith('/') && target != "*") {
        return false;
    }
    const qsizetype fragment = target.indexOf('#');
    if (fragment >= 0)
        target.truncate(fragment);
    const qsizetype q = target.indexOf('?');
    r.encodedPath = q < 0 ? target : target.left(q);
    r.path = QUrl::fromPercentEncoding(r.encodedPath);
    if (q >= 0)
        r.query = QUrlQuery(QString::fromUtf8(target.mid(q + 1)));

    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines[i];
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(QByteArrayView(line).first(colon)))
            return false; // also rejects obsolete line folding (leading whitespace)
        r.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
    }

    const QByteArray connection = r.header("Connection").toLower();
    c.keepAlive = c.http11 ? !connection.contains("close") : connection.contains("keep-alive");

    const QByteArray transferEncoding = r.header("Transfer-Encoding").trimmed().toLower();
    if (!transferEncoding.isEmpty()) {
        if (transferEncoding != "chunked")
            return false;
        c.state = State::ChunkSize;
        return true;
    }
    if (r.hasHeader("Content-Length")) {
        bool ok = false;
        const qint64 length = r.header("Content-Length").trimmed().toLongLong(&ok);
        if (!ok || length < 0)
            return false;
        c.remaining = length;
    }
    c.state = c.remaining > 0 ? State::Body : State::Head;
    return true;
}

void LoopbackHttpServer::rejectMalformed(QTcpSocket *socket, Connection &c)
{
    qCDebug(lcLoopbackHttp) << "malformed request from" << socket->peerAddress() << "- answering 400";
    c.state = Connection::State::Closed;
    c.buffer.clear();
    const QByteArray body = R"({"error":"bad request"})";
    socket->write("HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: "
                  + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
    socket->disconnectFromHost();
}

void LoopbackHttpServer::dispatch(QTcpSocket *socket, Connection &c)
{
    c.state = Connection::State::Waiting;
    c.request.peer = socket->peerAddress();
    auto *responder = new HttpResponder(socket, this, c.request.method == "HEAD", c.keepAlive);
    c.responder = responder;

    ++m_requestCount;
    ++m_inFlight;
    m_maxInFlight = qMax(m_maxInFlight, m_inFlight);

    // Copy: the handler may answer synchronously, which resets c.request for the next request.
    const HttpServerRequest request = std::move(c.request);
    c.request = HttpServerRequest();
    Q_EMIT requestReceived(request);
    if (m_handler) {
        m_handler(request, responder);
    } else {
        responder->respondJson(404, R"({"error":"not found","message":"no handler"})");
    }
}
