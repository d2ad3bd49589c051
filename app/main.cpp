// TenantDesk's composition root: builds the request log, the secret store, the tenant registry and
// the main window, and wires them together.

#include "mainwindow.h"
#include "tenantconnector.h"
#include "wizards/addkintotenantwizard.h"
#include "net/requestlog.h"
#include "secrets/keychainsecretstore.h"
#include "secrets/memorysecretstore.h"
#include "kintosandbox.h"
#include "serviceicons.h"
#include "tenants/sessionmanager.h"
#include "tenants/tenantregistry.h"

#include <QAction>
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

// Starts the embedded sandbox servers on loopback (owned by `owner`) and adds a tenant for each to
// the throwaway registry, with its secrets in the in-memory store. Returns false with *error set
// when a server cannot start.
static bool startDemo(TenantRegistry &registry, SecretStore &secrets, QObject *owner, QString *error)
{
    auto *kinto = new KintoSandbox(owner);
    if (!kinto->start()) {
        *error = QStringLiteral("the Kinto sandbox cannot listen on 127.0.0.1");
        return false;
    }
    kinto->seedDemoData();

    const struct {
        const char *name;
        const char *user;
        const char *password;
        const char *bucket;
    } accounts[] = {
        { "Kinto demo (admin)", "admin", "admin", "main" },
        { "Kinto demo (alice)", "alice", "alice", "staging" },
    };
    for (const auto &account : accounts) {
        Tenant tenant;
        tenant.displayName = QString::fromUtf8(account.name);
        tenant.service = ServiceKind::Kinto;
        tenant.baseUrl = kinto->baseUrl();
        tenant.auth = AuthKind::Basic;
        tenant.userName = QString::fromUtf8(account.user);
        tenant.options.insert(QStringLiteral("bucket"), QString::fromUtf8(account.bucket));
        const QString id = registry.add(tenant, error);
        if (id.isEmpty())
            return false;
        registry.storeSecret(id, SecretPurpose::Password, QString::fromUtf8(account.password), &secrets);
    }
    return true;
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
    window.addTenantAction()->setEnabled(true);
    QObject::connect(window.addTenantAction(), &QAction::triggered, &window, [&] {
        AddKintoTenantWizard::run(&window, registry.get(), secrets.get(), &network);
    });
    TenantConnector connector(registry.get(), &sessions, window.tenantModel());
    QObject::connect(&window, &MainWindow::currentTenantChanged, &connector, &TenantConnector::connectTenant);
    if (demo) {
        QString error;
        if (!startDemo(*registry, *secrets, &window, &error)) {
            std::fprintf(stderr, "tenantdesk: cannot start the demo: %s\n", qPrintable(error));
            return 1;
        }
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
