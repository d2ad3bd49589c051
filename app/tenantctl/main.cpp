// tenantctl: TenantDesk's command-line companion over the same core (no widgets).
#include "kandjicommand.h"
#include "jamfcommand.h"
#include "kintocommand.h"
#include "sandboxcommand.h"
#include "restcommand.h"

#include <QCoreApplication>
#include <QTextStream>

static const char usage[] =
    "Usage: tenantctl SERVICE [options] COMMAND ...\n"
    "\n"
    "Services:\n"
    "  kinto   a Kinto server (tenantctl kinto --help)\n"
    "  kandji  a Kandji / Iru tenant (tenantctl kandji --help)\n"
    "  jamf    a Jamf Pro server's API roles and clients (tenantctl jamf --help)\n"
    "  sandbox serve a service family's sandbox on 127.0.0.1 (tenantctl sandbox --help)\n"
    "  rest    any JSON REST API (tenantctl rest --help)\n"
    "\n"
    "Exit codes: 0 ok, 1 other error, 2 usage, 3 not found, 4 conflict, 5 auth, 6 network.\n";

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tenantctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TENANTDESK_VERSION));

    const QStringList arguments = QCoreApplication::arguments();
    const QString service = arguments.value(1);
    if (service == QLatin1String("kinto")) {
        KintoCommand command;
        return command.run(arguments);
    }
    if (service == QLatin1String("kandji")) {
        KandjiCommand command;
        return command.run(arguments);
    }
    if (service == QLatin1String("jamf"))
        return JamfCommand().run(arguments);
    if (service == QLatin1String("rest")) {
        RestCommand command;
        return command.run(arguments);
    }
    if (service == QLatin1String("sandbox")) {
        SandboxCommand command;
        return command.run(arguments);
    }
    if (service == QLatin1String("-h") || service == QLatin1String("--help")) {
        QTextStream(stdout) << usage;
        return 0;
    }
    if (service == QLatin1String("--version")) {
        QTextStream(stdout) << "tenantctl " << TENANTDESK_VERSION << '\n';
        return 0;
    }
    QTextStream(stderr) << (service.isEmpty() ? QStringLiteral("tenantctl: no service given\n")
                                              : QStringLiteral("tenantctl: unknown service \"%1\"\n").arg(service))
                        << usage;
    return 2;
}
