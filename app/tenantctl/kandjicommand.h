#pragma once

#include "net/job.h"

#include <QCommandLineParser>
#include <QJsonObject>
#include <QObject>

#include <functional>
#include <memory>

class KandjiClient;
class HttpClient;
class QNetworkAccessManager;

// `tenantctl kandji [--url URL] [--local-test-server] [--token-env VAR] RESOURCE VERB [ARGS] [OPTIONS]`:
// the Kandji / Iru client from the command line, one command per client operation.
//
// The token is read from an environment variable (KANDJI_TOKEN unless --token-env names another),
// never from the command line; the URL from --url or KANDJI_URL. Both are validated as for a tenant
// (KandjiSettings); a sandbox needs --local-test-server.
// `copy` previews (or with --apply runs) a copy to the tenant of --to-url, whose token is read from
// $KANDJI_TARGET_TOKEN (or --to-token-env); it exits 1 when any item failed.
// Output: the operation's JSON on stdout; errors on stderr. Exit codes are tenantctl's (0 ok,
// 1 other, 2 usage or refused before sending, 3 not found, 4 conflict, 5 auth, 6 network).
class KandjiCommand : public QObject
{
    Q_OBJECT
public:
    explicit KandjiCommand(QObject *parent = nullptr);
    ~KandjiCommand() override;

    // `arguments` start with the program name, then "kandji". Runs the event loop until done.
    int run(const QStringList &arguments);

private:
    int usageError(const QString &message);
    // Starts the command; nullptr with *error set on a usage error.
    Job *start(const QStringList &args, QString *error);
    Job *startLibrary(const QString &resource, const QString &verb, const QStringList &args, QString *error);
    Job *startBlueprints(const QString &verb, const QStringList &args, QString *error);
    Job *startCopy(const QStringList &args, QString *error);
    // --field key=value (true/false as booleans) and the file-content options, into JSON fields.
    bool fields(QJsonObject *out, QString *error) const;
    // Runs `write` with the fields, after resolving --category to self_service_category_id if given.
    Job *withCategory(QJsonObject fields, const std::function<Job *(const QJsonObject &)> &write);
    void finish(Job *job);

    QCommandLineParser m_parser;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<HttpClient> m_http;
    KandjiClient *m_client = nullptr;
    std::unique_ptr<HttpClient> m_targetHttp; // copy: the target tenant
    std::unique_ptr<class QTemporaryDir> m_workDir;
    int m_exitCode = 0;
};
