// TenantDesk's composition root: builds the request log, the secret store, the tenant registry and
// the main window, and wires them together.

#include "families.h"
#include "kintofamily.h"
#include "mainwindow.h"
#include "net/requestlog.h"
#include "secrets/keychainsecretstore.h"
#include "secrets/memorysecretstore.h"
#include "kintosandbox.h"
#include "serviceicons.h"
#include "tenants/sessionmanager.h"
#include "tenants/tenantregistry.h"
#include "tenanttreemodel.h"

#include <QAction>
#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>
#include <QTreeView>

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
        tenant.family = KintoFamily::Id;
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

// The check mode: selects the first tenant (which connects it), expands it, and once its children
// are listed saves a screenshot and quits with 0; quits with 1 after 60 s.
static void startCheck(MainWindow &window, const QString &screenshot)
{
    QTreeView *tree = window.tenantTree();
    TenantTreeModel *model = window.tenantModel();
    auto finish = [&window, screenshot](int code, const QString &why) {
        if (code == 0 && !window.grab().save(screenshot)) {
            std::fprintf(stderr, "tenantdesk: cannot write the screenshot %s\n", qPrintable(screenshot));
            code = 1;
        }
        std::fprintf(code == 0 ? stdout : stderr, "tenantdesk: check %s: %s\n", code == 0 ? "passed" : "failed",
                     qPrintable(why));
        QCoreApplication::exit(code);
    };
    QTimer::singleShot(60'000, &window, [finish] { finish(1, QStringLiteral("the tree was not filled within 60 s")); });
    QObject::connect(model, &TenantTreeModel::fetched, &window, [finish, model](const QModelIndex &index, const QString &error) {
        if (index.parent().isValid())
            return;
        if (!error.isEmpty()) {
            finish(1, QStringLiteral("listing the first tenant failed: ") + error);
            return;
        }
        // Let the view lay the rows out before the screenshot.
        QTimer::singleShot(300, model, [finish, model, index] {
            finish(0, QStringLiteral("%1 rows under %2").arg(model->rowCount(index)).arg(index.data().toString()));
        });
    });
    QTimer::singleShot(0, &window, [tree, model, finish] {
        if (model->rowCount() == 0) {
            finish(1, QStringLiteral("no tenant in the tree"));
            return;
        }
        const QModelIndex first = model->index(0, 0);
        tree->setCurrentIndex(first);
        tree->expand(first);
    });
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
    const QCommandLineOption checkOption(
        QStringLiteral("check"),
        QApplication::translate("main", "Start, wait until the first tenant is connected and its tree filled, "
                                        "save a screenshot of the window to <file>, and quit (exit 0; 1 when "
                                        "that does not happen within 60 s). For the test command."),
        QStringLiteral("file"));
    parser.addOption(demoOption);
    parser.addOption(checkOption);
    parser.process(app);
    const bool demo = parser.isSet(demoOption);
    registerFamilies();

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

    MainWindow window(AppContext{registry.get(), secrets.get(), &sessions, &network, &requestLog});
    QObject::connect(&sessions, &SessionManager::activityChanged, &window, &MainWindow::setActivity);
    if (demo) {
        QString error;
        if (!startDemo(*registry, *secrets, &window, &error)) {
            std::fprintf(stderr, "tenantdesk: cannot start the demo: %s\n", qPrintable(error));
            return 1;
        }
    }
    window.show();
    if (parser.isSet(checkOption))
        startCheck(window, parser.value(checkOption));

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
