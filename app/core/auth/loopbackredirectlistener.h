#pragma once

#include "net/job.h"

#include <QUrl>

class QTcpServer;
class QTcpSocket;
class QTimer;

// A one-shot HTTP listener on 127.0.0.1 that receives an OAuth2 redirect from the system browser
// (RFC 8252 §7.3, loopback interface redirection).
//
// start() listens (port 0 = a free port) and returns false (with *error) when it cannot.
// redirectUri() is then "http://127.0.0.1:<port><path>". The first GET on `path` is answered with
// a short page telling the user to go back to TenantDesk, and the job succeeds with the full
// redirect URL as a JSON string; the listener then closes. Other paths get 404 and are ignored.
// After `timeoutMs` without a redirect the job fails with Kind::Timeout; cancel() closes it.
class LoopbackRedirectListener : public Job
{
    Q_OBJECT
public:
    explicit LoopbackRedirectListener(const QString &path = QStringLiteral("/callback"), QObject *parent = nullptr);
    ~LoopbackRedirectListener() override;

    bool start(quint16 port = 0, int timeoutMs = 300'000, QString *error = nullptr);
    QUrl redirectUri() const;

protected:
    void doCancel() override;

private:
    void onConnection();
    void onReadable(QTcpSocket *socket);
    void close();

    QString m_path;
    QTcpServer *m_server;
    QTimer *m_timeout;
};
