#pragma once

#include "kintoclient.h"

#include <QCommandLineParser>
#include "console.h"

#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>

// `tenantctl kinto [global options] COMMAND [command options]`: Kinto from the command line,
// kinto-http's cli_utils options plus one command per client operation.
//
// Global options may come anywhere on the line. Output: JSON on stdout (one indented document;
// with --jsonl one compact line per list item; listings are printed page by page as they arrive);
// errors on stderr with the server's message; with --dry-run, each request as it would be sent.
// Exit codes: see console.h.
class KintoCommand : public QObject
{
    Q_OBJECT
public:
    // The exit codes are tenantctl's (console.h).
    enum ExitCode { Ok = Console::Ok, Other = Console::Other, Usage = Console::Usage };

    explicit KintoCommand(QObject *parent = nullptr);
    ~KintoCommand() override;

    // `arguments` start with the program name, then "kinto". Runs the event loop until the command
    // is done; returns the exit code.
    int run(const QStringList &arguments);


private:
    struct Command;
    static const QList<Command> &commands();
    static const Command *find(const QString &name);
    static QList<QCommandLineOption> globalOptions();
    static QList<QCommandLineOption> replicateOptions();

    int usageError(const QString &message);
    QString globalHelp() const;
    bool setUpClient(QString *error);
    void setUpLogging();

    // Starts the command; returns nullptr (after printing) on a usage error.
    Job *start(const Command &command, QCommandLineParser &parser, QString *error);
    Job *startList(QCommandLineParser &parser, const QStringList &args, QString *error);
    Job *startWrite(const QString &verb, QCommandLineParser &parser, const QStringList &args, QString *error);
    Job *startBatch(const QStringList &args, QString *error);
    Job *startAttachment(QCommandLineParser &parser, const QStringList &args, QString *error);
    Job *startReplicate(QCommandLineParser &parser, QString *error);
    bool listOptions(QCommandLineParser &parser, KintoListOptions *options, QString *error) const;

    void finish(Job *job);
    void print(const QJsonValue &value);
    // --dry-run: the request as it would go (method, URL, headers with secrets redacted, body).
    void printDryRun(const HttpRequest &request);

    QCommandLineParser m_global;  // global options: the help
    QCommandLineParser m_options; // the whole line: global and command options, anywhere
    KintoClient::Settings m_settings;
    std::unique_ptr<class QNetworkAccessManager> m_nam;
    std::unique_ptr<KintoClient> m_client;
    std::function<QJsonValue(const QJsonValue &)> m_present; // the result as printed (default: as is)
    std::function<QJsonValue()> m_reportOnError;             // printed when the command fails
    bool m_jsonl = false;
    bool m_streamed = false; // a list printed page by page
    bool m_arrayOpen = false; // its "[" is printed
    int m_exitCode = Ok;
};
