#pragma once

#include <QCommandLineParser>
#include <QObject>
#include <QStringList>

#include <memory>

class Job;
class HttpClient;
class QNetworkAccessManager;
class RestClient;

// `tenantctl rest [global options] COMMAND URI [command options]`: any JSON REST API from the
// command line, the CRUDs client's four calls (create, read, update, delete) plus probe.
//
// Secrets never come from arguments (they would show in `ps` and shell history): the password,
// token or API key and the OAuth2 client secret are read from TENANTCTL_PASSWORD, TENANTCTL_TOKEN
// and TENANTCTL_CLIENT_SECRET. Output: the answer's JSON, indented, on stdout (other bodies as
// they came); errors on stderr. Exit codes are tenantctl's (Console::ExitCode): 0 ok, 1 other,
// 2 usage, 3 not found, 4 conflict, 5 auth, 6 network.
class RestCommand : public QObject
{
    Q_OBJECT
public:
    explicit RestCommand(QObject *parent = nullptr);
    ~RestCommand() override;

    // `arguments` start with the program name, then "rest". Runs the event loop until done.
    int run(const QStringList &arguments);

private:
    int usageError(const QString &message);
    bool setUpClient(QString *error);
    Job *start(const QString &command, const QStringList &args, QCommandLineParser &parser, QString *error);
    void finish(Job *job);

    QCommandLineParser m_global;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    HttpClient *m_http = nullptr; // owned by m_nam's lifetime scope (child of this)
    RestClient *m_client = nullptr;
    int m_exitCode = 0;
};
