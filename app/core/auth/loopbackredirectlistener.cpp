#include "loopbackredirectlistener.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

LoopbackRedirectListener::LoopbackRedirectListener(const QString &path, QObject *parent)
    : Job(parent)
    , m_path(path)
    , m_server(new QTcpServer(this))
    , m_timeout(new QTimer(this))
{
    m_timeout->setSingleShot(true);
    connect(m_timeout, &QTimer::timeout, this, [this] {
        close();
        fail(ApiError(ApiError::Kind::Timeout, tr("No sign-in answer arrived from the browser in time.")));
    });
    connect(m_server, &QTcpServer::newConnection, this, &LoopbackRedirectListener::onConnection);
}

LoopbackRedirectListener::~LoopbackRedirectListener() = default;

bool LoopbackRedirectListener::start(quint16 port, int timeoutMs, QString *error)
{
    if (!m_server->listen(QHostAddress::LocalHost, port)) {
        if (error)
            *error = tr("Cannot listen for the sign-in answer on 127.0.0.1: %1").arg(m_server->errorString());
        return false;
    }
    if (timeoutMs > 0)
        m_timeout->start(timeoutMs);
    return true;
}

QUrl LoopbackRedirectListener::redirectUri() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server->serverPort()).arg(m_path));
}

void LoopbackRedirectListener::onConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        socket->setParent(nullptr); // outlives the job until its answer is written
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadable(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
}

void LoopbackRedirectListener::onReadable(QTcpSocket *socket)
{
    QByteArray head = socket->property("head").toByteArray() + socket->readAll();
    if (head.size() > 16 * 1024) { // a redirect is one short request line: anything else is not for us
        socket->abort();
        return;
    }
    if (!head.contains("\r\n\r\n")) {
        socket->setProperty("head", head);
        return;
    }
    const QList<QByteArray> requestLine = head.left(head.indexOf("\r\n")).split(' ');
    const QByteArray target = requestLine.value(1);
    const QUrl url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server->serverPort())).resolved(QUrl::fromEncoded(target));
    const bool ours = !isFinished() && requestLine.value(0) == "GET" && url.path() == m_path;
    const QByteArray page = ours
        ? QByteArray("<!doctype html><title>TenantDesk</title><p>Signed in. You can close this tab and return to TenantDesk.</p>")
        : QByteArray("<!doctype html><title>Not found</title><p>Not found.</p>");
    socket->write((ours ? "HTTP/1.1 200 OK\r\n" : "HTTP/1.1 404 Not Found\r\n") + QByteArray("Content-Type: text/html; charset=utf-8\r\n")
        + "Content-Length: " + QByteArray::number(page.size()) + "\r\nConnection: close\r\nCache-Control: no-store\r\n\r\n" + page);
    socket->disconnectFromHost();
    if (!ours)
        return;
    close();
    succeed(QJsonValue(url.toString(QUrl::FullyEncoded)));
}

void LoopbackRedirectListener::close()
{
    m_timeout->stop();
    m_server->close();
}

void LoopbackRedirectListener::doCancel()
{
    close();
}
