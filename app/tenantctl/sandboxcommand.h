#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

// What `tenantctl sandbox` asks of a family's sandbox.
struct SandboxOptions
{
    quint16 port = 0;  // 0 picks a free port
    bool demo = true;  // --seed demo (the default) or empty
    QString user;      // --user NAME:PASSWORD: an account (an administrator) to log in with
    QString password;
};

// A sandbox serving on 127.0.0.1: kept alive by `server`.
struct ServedSandbox
{
    std::unique_ptr<QObject> server;
    QUrl baseUrl;  // printed on the first stdout line
    QString notes; // printed on stderr: the seed's accounts, the settings that differ from defaults
};

// One service family's sandbox. `start` returns nothing and sets `error` when it cannot listen.
struct SandboxFamily
{
    QString name;        // the FAMILY argument
    QString description; // one line for --help
    std::function<std::optional<ServedSandbox>(const SandboxOptions &options, QString *error)> start;
};

// The registry: one line per family (sandboxfamilies.cpp).
const QList<SandboxFamily> &sandboxFamilies();

// `tenantctl sandbox FAMILY --port N [--seed demo|empty] [--user NAME:PASSWORD]`: serves the
// family's sandbox on 127.0.0.1 until SIGINT or SIGTERM, then exits 0. The first stdout line is
// the base URL. Bad arguments: a message on stderr, exit 2. Cannot listen (e.g. the port is in
// use): a message on stderr, exit 1.
class SandboxCommand : public QObject
{
    Q_OBJECT
public:
    enum ExitCode { Ok = 0, Other = 1, Usage = 2 };

    // `arguments` start with the program name, then "sandbox". Runs the event loop while serving.
    int run(const QStringList &arguments);

    static QString help();

private:
    int usageError(const QString &message) const;
};
