#include "externalserver.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

ExternalServer::~ExternalServer()
{
    stop();
}

QString ExternalServer::npmBin()
{
    const QString dir = QStringLiteral(TENANTDESK_NPM_BIN);
    return QFileInfo(dir).isDir() ? dir : QString();
}

QString ExternalServer::sharedSpecs()
{
    const QString dir = QDir::cleanPath(QStringLiteral(TENANTDESK_SHARED_SPECS));
    return QFileInfo(dir).isDir() ? dir : QString();
}

quint16 ExternalServer::freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

bool ExternalServer::start(const QString &program, QStringList arguments, quint16 port, int timeoutMs)
{
    stop();
    QString path = program;
    if (!QFileInfo(program).isAbsolute()) {
        const QString bin = npmBin();
        path = bin.isEmpty() ? QString() : QStandardPaths::findExecutable(program, { bin });
        if (path.isEmpty())
            path = QStandardPaths::findExecutable(program);
    }
    if (path.isEmpty()) {
        m_skipReason = QStringLiteral("%1 is not installed (run `npm ci` in tests/servers; the test command does)")
                           .arg(program);
        return false;
    }
    for (QString &argument : arguments)
        argument.replace(QLatin1String("{port}"), QString::number(port));
    m_port = port;
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.start(path, arguments);
    if (!m_process.waitForStarted(10000)) {
        m_skipReason = QStringLiteral("%1 did not start: %2").arg(program, m_process.errorString());
        return false;
    }
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (m_process.state() != QProcess::Running) {
            m_skipReason = QStringLiteral("%1 exited early: %2").arg(program, QString::fromUtf8(output().right(2000)));
            return false;
        }
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        if (socket.waitForConnected(200))
            return true;
        QTest::qWait(100);
    }
    m_skipReason = QStringLiteral("%1 did not listen on port %2 within %3 ms: %4")
                       .arg(program).arg(port).arg(timeoutMs).arg(QString::fromUtf8(output().right(2000)));
    stop();
    return false;
}

void ExternalServer::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

QUrl ExternalServer::url(const QString &path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path));
}

QByteArray ExternalServer::output()
{
    m_output += m_process.readAll();
    return m_output;
}
