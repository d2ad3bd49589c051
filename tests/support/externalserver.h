#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QUrl>

// A real server from outside the project (json-server, oidc-provider, Prism from tests/servers),
// run as a child process for one test suite, on a free loopback port, and killed with this object.
//
// Programs are looked up in TENANTDESK_NPM_BIN (tests/servers/node_modules/.bin, filled by
// `npm ci` in the test command). When the program is missing, start() returns false and
// skipReason() says why, so the suite can QSKIP with that text.
class ExternalServer
{
public:
    ExternalServer() = default;
    ~ExternalServer();
    ExternalServer(const ExternalServer &) = delete;
    ExternalServer &operator=(const ExternalServer &) = delete;

    // Runs `program arguments...` (program: a name in TENANTDESK_NPM_BIN, or an absolute path,
    // or "node") and waits until 127.0.0.1:port accepts TCP connections. The literal "{port}"
    // in arguments is replaced by `port`. False on a missing program, an early exit or a timeout.
    bool start(const QString &program, QStringList arguments, quint16 port, int timeoutMs = 60000);
    void stop();

    quint16 port() const { return m_port; }
    QUrl url(const QString &path = {}) const;
    QString skipReason() const { return m_skipReason; }
    // Everything the process printed so far (stdout and stderr merged).
    QByteArray output();

    // A loopback port nobody listens on right now.
    static quint16 freePort();
    // tests/servers/node_modules/.bin, or empty when npm ci has not run.
    static QString npmBin();
    // ../shared/specs/data beside the project, or empty when it is not there.
    static QString sharedSpecs();

private:
    QProcess m_process;
    QByteArray m_output;
    QString m_skipReason;
    quint16 m_port = 0;
};
