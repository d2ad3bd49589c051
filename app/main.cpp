// TenantDesk's composition root: builds the request log, the secret store, the tenant registry and
// the main window, and wires them together.

#include "demo.h"
#include "families.h"
#include "mainwindow.h"
#include "net/requestlog.h"
#include "secrets/keychainsecretstore.h"
#include "secrets/memorysecretstore.h"
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

// The check mode: expands every tenant (which connects it), selects the first one, and once every
// tenant's children are listed saves a screenshot and quits with 0; quits with 1 when a listing
// fails or after 60 s.
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
    auto listed = std::make_shared<QStringList>();
    QTimer::singleShot(60'000, &window, [finish, listed] {
        finish(1, QStringLiteral("only %1 tenant(s) listed within 60 s: %2").arg(listed->size()).arg(listed->join(QStringLiteral(", "))));
    });
    QObject::connect(model, &TenantTreeModel::fetched, &window, [finish, model, listed](const QModelIndex &index, const QString &error) {
        if (index.parent().isValid())
            return;
        const QString name = index.data().toString();
        if (!error.isEmpty()) {
            finish(1, QStringLiteral("listing %1 failed: %2").arg(name, error));
            return;
        }
        if (!listed->contains(name))
            *listed << QStringLiteral("%1 (%2 rows)").arg(name).arg(model->rowCount(index));
        if (listed->size() < model->rowCount())
            return;
        // Let the view lay the rows out before the screenshot.
        QTimer::singleShot(300, model, [finish, listed] { finish(0, listed->join(QStringLiteral(", "))); });
    });
    window.resize(1400, 900); // the size the README's screenshots are judged at
    QTimer::singleShot(0, &window, [tree, model, finish] {
        if (model->rowCount() == 0) {
            finish(1, QStringLiteral("no tenant in the tree"));
            return;
        }
        tree->setCurrentIndex(model->index(0, 0));
        for (int row = 0; row < model->rowCount(); ++row)
            tree->expand(model->index(row, 0));
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
