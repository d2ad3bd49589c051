#include "sandboxcommand.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSocketNotifier>
#include <QTextStream>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace {

#ifdef Q_OS_UNIX
// SIGINT/SIGTERM are turned into a byte on a socket the event loop watches (the handler may do
// nothing else safely).
int signalSockets[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    if (::write(signalSockets[1], &byte, 1) < 0) {
        // Nothing to do: the process is being stopped anyway.
    }
}

bool watchStopSignals(QObject *context)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalSockets) != 0)
        return false;
    auto *notifier = new QSocketNotifier(signalSockets[0], QSocketNotifier::Read, context);
    QObject::connect(notifier, &QSocketNotifier::activated, context, [notifier] {
        notifier->setEnabled(false);
        QCoreApplication::quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    return ::sigaction(SIGINT, &action, nullptr) == 0 && ::sigaction(SIGTERM, &action, nullptr) == 0;
}
#else
// Elsewhere Ctrl+C ends the process at once, which is all a sandbox needs.
bool watchStopSignals(QObject *) { return true; }
#endif

const SandboxFamily *findFamily(const QString &name)
{
    for (const SandboxFamily &family : sandboxFamilies()) {
        if (family.name == name)
            return &family;
    }
    return nullptr;
}

} // namespace

QString SandboxCommand::help()
{
    QString text = QStringLiteral(
        "Usage: tenantctl sandbox FAMILY --port N [--seed demo|empty] [--user NAME:PASSWORD]\n"
        "\n"
        "Serves a family's sandbox on 127.0.0.1 until stopped (Ctrl+C, SIGTERM). The first line\n"
        "on stdout is its base URL.\n"
        "\n"
        "Options:\n"
        "  --port N                 port to listen on (0 picks a free one)\n"
        "  --seed demo|empty        start with the demo data (default) or empty\n"
        "  --user NAME:PASSWORD     an account to log in with, allowed everything\n"
        "\n"
        "Families:\n");
    for (const SandboxFamily &family : sandboxFamilies())
        text += QStringLiteral("  %1 %2\n").arg(family.name.leftJustified(8), family.description);
    return text;
}

int SandboxCommand::usageError(const QString &message) const
{
    QTextStream(stderr) << "tenantctl sandbox: " << message << "\n\n" << help();
    return Usage;
}

int SandboxCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption portOption(QStringLiteral("port"), QString(), QStringLiteral("N"));
    const QCommandLineOption seedOption(QStringLiteral("seed"), QString(), QStringLiteral("demo|empty"), QStringLiteral("demo"));
    const QCommandLineOption userOption(QStringLiteral("user"), QString(), QStringLiteral("NAME:PASSWORD"));
    const QCommandLineOption helpOption(QStringList{QStringLiteral("h"), QStringLiteral("help")});
    parser.addOptions({portOption, seedOption, userOption, helpOption});
    if (!parser.parse(QStringList{arguments.value(0)} + arguments.mid(2)))
        return usageError(parser.errorText());
    if (parser.isSet(helpOption)) {
        QTextStream(stdout) << help();
        return Ok;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return usageError(QStringLiteral("no family given"));
    if (positional.size() > 1)
        return usageError(QStringLiteral("unexpected argument \"%1\"").arg(positional.at(1)));
    const SandboxFamily *family = findFamily(positional.first());
    if (!family)
        return usageError(QStringLiteral("unknown family \"%1\"").arg(positional.first()));

    SandboxOptions options;
    if (!parser.isSet(portOption))
        return usageError(QStringLiteral("--port is required"));
    bool ok = false;
    const uint port = parser.value(portOption).toUInt(&ok);
    if (!ok || port > 65535)
        return usageError(QStringLiteral("--port must be a number from 0 to 65535, not \"%1\"").arg(parser.value(portOption)));
    options.port = quint16(port);
    const QString seed = parser.value(seedOption);
    if (seed != QLatin1String("demo") && seed != QLatin1String("empty"))
        return usageError(QStringLiteral("--seed must be demo or empty, not \"%1\"").arg(seed));
    options.demo = seed == QLatin1String("demo");
    if (parser.isSet(userOption)) {
        const QString user = parser.value(userOption);
        const qsizetype colon = user.indexOf(QLatin1Char(':'));
        if (colon <= 0 || colon == user.size() - 1)
            return usageError(QStringLiteral("--user must be NAME:PASSWORD"));
        options.user = user.left(colon);
        options.password = user.mid(colon + 1);
    }

    // The sandbox's own request log stays quiet: stdout carries the URL, stderr the notes.
    QLoggingCategory::setFilterRules(QStringLiteral("tenantdesk.sandbox.*.info=false"));
    if (!watchStopSignals(this)) {
        QTextStream(stderr) << "tenantctl sandbox: cannot watch for SIGINT/SIGTERM\n";
        return Other;
    }
    QString error;
    std::optional<ServedSandbox> served = family->start(options, &error);
    if (!served) {
        QTextStream(stderr) << QStringLiteral("tenantctl sandbox: cannot listen on 127.0.0.1:%1: %2\n").arg(options.port).arg(error);
        return Other;
    }
    QTextStream(stdout) << served->baseUrl.toString() << Qt::endl;
    QTextStream(stderr) << QStringLiteral("tenantctl sandbox: %1 at %2 (%3); stop with Ctrl+C\n")
                               .arg(family->name, served->baseUrl.toString(), served->notes);
    QCoreApplication::exec();
    return Ok;
}
