// TenantDesk's composition root: answers the command line (--help lists it), builds the request
// log, the secret store, the tenant registry and the main window, and wires them together.

#include "checkmode.h"
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
#include "translations.h"

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
#include <optional>

#ifndef TENANTDESK_VERSION
#define TENANTDESK_VERSION "0.1.0"
#endif

namespace {

QStringList argumentsOf(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    return arguments;
}

// --reset-settings: removes every setting but the tenants (TenantRegistry's "tenants" group), so
// the window layout and the preferences go back to their defaults while the tenants and their
// secrets stay. Asks on the terminal unless `yes`. Returns the exit code.
int resetSettings(bool yes)
{
    QSettings settings; // the file the window uses
    if (!yes) {
        std::printf("Reset TenantDesk's settings (window layout and preferences) in %s?\n"
                    "Your tenants and their secrets are kept. [y/N] ",
                    qPrintable(settings.fileName()));
        std::fflush(stdout);
        char line[16] = {};
        const QString answer = std::fgets(line, sizeof line, stdin)
            ? QString::fromLocal8Bit(line).trimmed().toLower() : QString();
        if (answer != QLatin1String("y") && answer != QLatin1String("yes")) {
            std::printf("%s\n", answer.isNull() ? "No answer: nothing was reset (--yes answers yes)."
                                                : "Nothing was reset.");
            return 1;
        }
    }
    for (const QString &key : settings.childKeys())
        settings.remove(key);
    for (const QString &group : settings.childGroups()) {
        if (group != QLatin1String("tenants"))
            settings.remove(group);
    }
    settings.sync();
    if (settings.status() != QSettings::NoError) {
        std::fprintf(stderr, "tenantdesk: cannot write %s\n", qPrintable(settings.fileName()));
        return 1;
    }
    std::printf("The settings were reset.\n");
    return 0;
}

// The tenant `wanted` names: its id, or else its display name (case-insensitive).
std::optional<Tenant> findTenant(const TenantRegistry &registry, const QString &wanted)
{
    if (auto tenant = registry.tenant(wanted))
        return tenant;
    for (const Tenant &tenant : registry.tenants()) {
        if (tenant.displayName.compare(wanted, Qt::CaseInsensitive) == 0)
            return tenant;
    }
    return std::nullopt;
}

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer startup;
    startup.start();

    QCoreApplication::setOrganizationName(QStringLiteral("TenantDesk"));
    QCoreApplication::setApplicationName(QStringLiteral("TenantDesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TENANTDESK_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "A desktop console for the tenants of Kinto, Jamf Pro, Kandji and JSON REST services."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demoOption(
        QStringLiteral("demo"),
        QCoreApplication::translate("main", "Start on the embedded demo sandbox servers (tenants and secrets "
                                            "in memory only)."));
    const QCommandLineOption tenantOption(
        QStringLiteral("tenant"),
        QCoreApplication::translate("main", "Select and connect the tenant with this id or display name."),
        QStringLiteral("id"));
    const QCommandLineOption resetOption(
        QStringLiteral("reset-settings"),
        QCoreApplication::translate("main", "Reset the window layout and the preferences to their defaults "
                                            "(tenants and secrets are kept), after asking; then quit."));
    const QCommandLineOption yesOption(
        QStringLiteral("yes"), QCoreApplication::translate("main", "Answer yes to --reset-settings' question."));
    const QCommandLineOption checkOption(
        QStringLiteral("check"),
        QCoreApplication::translate("main", "Connect every tenant, save screenshots of the window, pages and "
                                            "wizards into <dir> and quit (exit 0; 1 on a failure or after "
                                            "120 s). For the test command."),
        QStringLiteral("dir"));
    const QCommandLineOption langOption(
        QStringLiteral("lang"),
        QCoreApplication::translate("main", "Use this language (e.g. fr, en) instead of the system's "
                                            "(LANGUAGE, LC_ALL, LC_MESSAGES, LANG)."),
        QStringLiteral("code"));
    parser.addOptions({ demoOption, tenantOption, resetOption, yesOption, checkOption, langOption });

    // --help, --version and --reset-settings need no display: they are answered before any
    // QApplication exists. Anything else (Qt's own options too) is parsed once it does.
    const auto noDisplayNeeded = [&parser, &resetOption] {
        for (const char *name : { "help", "help-all", "version" }) {
            if (parser.isSet(QLatin1String(name)))
                return true;
        }
        return parser.isSet(resetOption);
    };
    if (parser.parse(argumentsOf(argc, argv)) && noDisplayNeeded()) {
        QCoreApplication app(argc, argv);
        parser.process(app); // answers --help, --help-all and --version, and exits
        return resetSettings(parser.isSet(yesOption));
    }

    QApplication app(argc, argv);
    QApplication::setDesktopFileName(QStringLiteral("org.tenantdesk.TenantDesk"));
    QApplication::setWindowIcon(ServiceIcons::application());
    parser.process(app);
    const QString lang = parser.value(langOption);
    if (Translations::install(&app, lang.isEmpty() ? QLocale::system() : QLocale(lang)).isEmpty()
        && !lang.isEmpty() && !lang.startsWith(QLatin1String("en"))) {
        std::fprintf(stderr, "tenantdesk: no translation for \"%s\" (there is English and %s)\n", qPrintable(lang),
                     qPrintable(Translations::available().join(QStringLiteral(", "))));
    }
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

    const AppContext context{registry.get(), secrets.get(), &sessions, &network, &requestLog};
    MainWindow window(context);
    QObject::connect(&sessions, &SessionManager::activityChanged, &window, &MainWindow::setActivity);
    if (demo) {
        QString error;
        if (!startDemo(*registry, *secrets, &window, &error)) {
            std::fprintf(stderr, "tenantdesk: cannot start the demo: %s\n", qPrintable(error));
            return 1;
        }
    }
    QString tenantId;
    if (parser.isSet(tenantOption)) {
        const auto tenant = findTenant(*registry, parser.value(tenantOption));
        if (!tenant) {
            QStringList names;
            for (const Tenant &t : registry->tenants())
                names << QStringLiteral("%1 (%2)").arg(t.displayName, t.id);
            std::fprintf(stderr, "tenantdesk: no tenant has the id or name \"%s\"; the tenants are: %s\n",
                         qPrintable(parser.value(tenantOption)),
                         names.isEmpty() ? "none" : qPrintable(names.join(QStringLiteral(", "))));
            return 2;
        }
        tenantId = tenant->id;
    }
    window.show();
    if (!tenantId.isEmpty()) {
        const QModelIndex row = window.tenantModel()->indexForTenant(tenantId);
        window.tenantTree()->setCurrentIndex(row); // selecting a tenant connects it
        window.tenantTree()->expand(row);
    }
    if (parser.isSet(checkOption))
        startCheck(&window, context, parser.value(checkOption));

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
