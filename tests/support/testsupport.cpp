#include "testsupport.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QSslCertificate>
#include <QSslKey>

namespace TestSupport {

bool waitFor(Job *job, int timeoutMs)
{
    job->setAutoDelete(false);
    if (job->isFinished())
        return true;
    QSignalSpy spy(job, &Job::finished);
    return spy.wait(timeoutMs);
}

Outcome await(Job *job, int timeoutMs)
{
    Outcome outcome;
    outcome.finished = waitFor(job, timeoutMs);
    outcome.error = job->error();
    outcome.result = job->result();
    if (outcome.finished)
        delete job;
    return outcome;
}

static qint64 statusField(const QByteArray &name)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(name))
            return line.mid(name.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

bool makeSelfSignedTls(const QString &dir, QSslConfiguration *server, QByteArray *sha256Hex)
{
    const QString key = dir + QStringLiteral("/key.pem");
    const QString cert = dir + QStringLiteral("/cert.pem");
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
        { QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
            QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
            QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert, QStringLiteral("-days"), QStringLiteral("2"),
            QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
            QStringLiteral("subjectAltName=IP:127.0.0.1") });
    if (!openssl.waitForFinished(30000) || openssl.exitCode() != 0) {
        qWarning() << "openssl failed:" << openssl.readAllStandardError();
        return false;
    }
    QFile certFile(cert);
    QFile keyFile(key);
    if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
        return false;
    const QSslCertificate certificate(certFile.readAll(), QSsl::Pem);
    const QSslKey privateKey(keyFile.readAll(), QSsl::Ec, QSsl::Pem);
    if (certificate.isNull() || privateKey.isNull())
        return false;
    *server = QSslConfiguration::defaultConfiguration();
    server->setLocalCertificate(certificate);
    server->setPrivateKey(privateKey);
    server->setPeerVerifyMode(QSslSocket::VerifyNone);
    *sha256Hex = certificate.digest(QCryptographicHash::Sha256).toHex();
    return true;
}

qint64 peakRssKiB() { return statusField("VmHWM:"); }
qint64 currentRssKiB() { return statusField("VmRSS:"); }

} // namespace TestSupport
