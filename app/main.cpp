// TenantDesk's composition root: builds the request log, the secret store, the tenant registry and
// the main window, and wires them together.

#include "mainwindow.h"
#include "net/requestlog.h"
#include "secrets/keychainsecretstore.h"
#include "secrets/memorysecretstore.h"
#include "serviceicons.h"
#include "tenants/sessionmanager.h"
#include "tenants/tenantregistry.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <memory>

#ifndef TENANTDESK_VERSION
#define TENANTDESK_VERSION "0.1.0"
#endif

// ---------------------------------------------------------------------------------------------
// DEMO STUB — NOT IMPLEMENTED YET (the lead fills this in).
// Meant to start the embedded sandbox servers (app/sandbox) on loopback, add one tenant per server
// to registry (a throwaway registry in a temporary directory) and put their secrets in secrets (a
// MemorySecretStore). The servers must be parented to owner so they stop with the window.
// Today it does nothing, and main() says so on stderr.
// ---------------------------------------------------------------------------------------------
static void startDemo(TenantRegistry &registry, SecretStore &secrets, QObject *owner)
{
    Q_UNUSED(registry)
    Q_UNUSED(secrets)
    Q_UNUSED(owner)
}

int main(int argc, char *argv[])
{
    QElapsedTimer startup;
    startup.start();

    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("TenantDesk"));
    QApplication::setApplicationName(QStringLiteral("TenantDesk"));
    QApplication::setApplicationVersion(QStringLiteral(TENANTDESK_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("tenantdesk"));
    QApplication::setWindowIcon(ServiceIcons::application());

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "A desktop console for the tenants of Kinto, Jamf Pro, Kandji and JSON REST services."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demoOption(
        QStringLiteral("demo"),
        QApplication::translate("main", "Start on the embedded demo sandbox servers."));
    parser.addOption(demoOption);
    parser.process(app);
    const bool demo = parser.isSet(demoOption);

    RequestLog requestLog;

    // The demo never touches the user's tenants or keychain: its registry lives in a temporary
    // directory removed at exit, its secrets in memory.
    std::unique_ptr<SecretStore> secrets;
    std::unique_ptr<QTemporaryDir> demoDir;
    std::unique_ptr<QSettings> settings;
    std::unique_ptr<TenantRegistry> registry;
    if (demo) {
        demoDir = std::make_unique<QTemporaryDir>();
        if (!demoDir->isValid()) {
            std::fprintf(stderr, "tenantdesk: cannot create a temporary directory for the demo: %s\n",
                         qPrintable(demoDir->errorString()));
            return 1;
        }
        secrets = std::make_unique<MemorySecretStore>();
        registry = std::make_unique<TenantRegistry>(demoDir->filePath(QStringLiteral("tenants.ini")));
    } else {
        secrets = std::make_unique<KeychainSecretStore>();
        settings = std::make_unique<QSettings>();
        registry = std::make_unique<TenantRegistry>(settings.get());
    }

    // One network access manager for the window's sessions; each tenant gets its own HttpClient.
    QNetworkAccessManager network;
    SessionManager sessions(registry.get(), secrets.get(), &network, &requestLog);

    MainWindow window(registry.get(), &requestLog);
    QObject::connect(&sessions, &SessionManager::activityChanged, &window, &MainWindow::setActivity);
    if (demo) {
        startDemo(*registry, *secrets, &window);
        std::fprintf(stderr, "tenantdesk: --demo: the sandbox servers are not wired up yet; "
                             "starting with an empty temporary tenant list.\n");
    }
    window.show();

    if (qEnvironmentVariableIntValue("TENANTDESK_STARTUP_TIMING") != 0) {
        // Approximates the first shown frame: the first event-loop pass after show() runs once the
        // window's initial layout and paint events have been processed.
        QTimer::singleShot(0, &window, [&startup] {
            std::fprintf(stderr, "tenantdesk: startup %lld ms (main() to first shown frame)\n",
                         static_cast<long long>(startup.elapsed()));
        });
    }

    return app.exec();
}
