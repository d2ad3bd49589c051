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

// The command line. Its texts are translated when it is made, so it is made once the translator is
// installed (a first, English one only tells whether a display is needed).
struct CommandLine
{
    QCommandLineParser parser;
    QCommandLineOption demo { QStringLiteral("demo") };
    QCommandLineOption tenant { QStringLiteral("tenant") };
    QCommandLineOption reset { QStringLiteral("reset-settings") };
    QCommandLineOption yes { QStringLiteral("yes") };
    QCommandLineOption check { QStringLiteral("check") };
    QCommandLineOption lang { QStringLiteral("lang") };

    CommandLine()
    {
        parser.setApplicationDescription(QCoreApplication::translate(
            "main", "A desktop console for the tenants of Kinto, Jamf Pro, Kandji and JSON REST services."));
        parser.addHelpOption();
        parser.addVersionOption();
        demo.setDescription(QCoreApplication::translate("main", "Start on the embedded demo sandbox servers (tenants and secrets "
                                                                "in memory only)."));
        tenant.setDescription(QCoreApplication::translate("main", "Select and connect the tenant with this id or display name."));
        tenant.setValueName(QStringLiteral("id"));
        reset.setDescription(QCoreApplication::translate("main", "Reset the window layout and the preferences to their defaults "
                                                                 "(tenants and secrets are kept), after asking; then quit."));
        yes.setDescription(QCoreApplication::translate("main", "Answer yes to --reset-settings' question."));
        check.setDescription(QCoreApplication::translate("main", "Connect every tenant, save screenshots of the window, pages and "
                                                                 "wizards into <dir> and quit (exit 0; 1 on a failure or after "
                                                                 "120 s). For the test command."));
        check.setValueName(QStringLiteral("dir"));
        lang.setDescription(QCoreApplication::translate("main", "Use this language (e.g. fr, en) instead of the system's "
                                                                "(LANGUAGE, LC_ALL, LC_MESSAGES, LANG)."));
        lang.setValueName(QStringLiteral("code"));
        parser.addOptions({ demo, tenant, reset, yes, check, lang });
    }

    // --help, --version and --reset-settings need no display.
    bool needsNoDisplay() const
    {
        for (const char *name : { "help", "help-all", "version" }) {
            if (parser.isSet(QLatin1String(name)))
                return true;
        }
        return parser.isSet(reset);
    }
};

// Installs the translation of --lang's language, or the system's; says when --lang names one
// there is none of.
void installTranslation(QCoreApplication *app, const QString &lang)
{
    if (Translations::install(app, lang.isEmpty() ? QLocale::system() : QLocale(lang)).isEmpty()
        && !lang.isEmpty() && !lang.startsWith(QLatin1String("en"))) {
        std::fprintf(stderr, "tenantdesk: no translation for \"%s\" (there is English and %s)\n", qPrintable(lang),
                     qPrintable(Translations::available().join(QStringLiteral(", "))));
    }
}

// --reset-settings: removes every setting but the tenants (TenantRegistry's "tenants" group), so
// the window layout and the preferences go back to their defaults while the tenants and their
// secrets stay. Asks on the terminal unless `yes`. Returns the exit code.
int resetSettings(bool yes)
{
    QSettings settings; // the file the window uses
    if (!yes) {
        std::printf("%s ", qPrintable(QCoreApplication::translate("main", "Reset TenantDesk's settings (window layout and "
                                                                     "preferences) in %1?\nYour tenants and their secrets "
                                                                     "are kept. [y/N]").arg(settings.fileName())));
        std::fflush(stdout);
        char line[16] = {};
        const QString answer = std::fgets(line, sizeof line, stdin)
            ? QString::fromLocal8Bit(line).trimmed().toLower() : QString();
        const QStringList yes { QStringLiteral("y"), QStringLiteral("yes"),
                                QCoreApplication::translate("main", "y", "the one-letter answer yes to [y/N]"),
                                QCoreApplication::translate("main", "yes", "the answer yes to [y/N], in full") };
        if (!yes.contains(answer)) {
            std::printf("%s\n", qPrintable(answer.isNull()
                ? QCoreApplication::translate("main", "No answer: nothing was reset (--yes answers yes).")
                : QCoreApplication::translate("main", "Nothing was reset.")));
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
        std::fprintf(stderr, "tenantdesk: %s\n",
                     qPrintable(QCoreApplication::translate("main", "cannot write %1").arg(settings.fileName())));
        return 1;
    }
    std::printf("%s\n", qPrintable(QCoreApplication::translate("main", "The settings were reset.")));
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

    const QStringList arguments = argumentsOf(argc, argv);
    QString lang;
    {
        CommandLine english;
        const bool parsed = english.parser.parse(arguments);
        lang = english.parser.value(english.lang);
        if (parsed && english.needsNoDisplay()) {
            QCoreApplication app(argc, argv);
            installTranslation(&app, lang);
            CommandLine commandLine;
            commandLine.parser.process(app); // answers --help, --help-all and --version, and exits
            return resetSettings(commandLine.parser.isSet(commandLine.yes));
        }
    }

    QApplication app(argc, argv);
    QApplication::setDesktopFileName(QStringLiteral("org.tenantdesk.TenantDesk"));
    QApplication::setWindowIcon(ServiceIcons::application());
    installTranslation(&app, lang);
    CommandLine commandLine;
    QCommandLineParser &parser = commandLine.parser;
    parser.process(app);
    const bool demo = parser.isSet(commandLine.demo);
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
            std::fprintf(stderr, "tenantdesk: %s\n", qPrintable(QCoreApplication::translate(
                "main", "cannot create a temporary directory for the demo: %1").arg(demoDir->errorString())));
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
            std::fprintf(stderr, "tenantdesk: %s\n",
                         qPrintable(QCoreApplication::translate("main", "cannot start the demo: %1").arg(error)));
            return 1;
        }
    }
    QString tenantId;
    if (parser.isSet(commandLine.tenant)) {
        const auto tenant = findTenant(*registry, parser.value(commandLine.tenant));
        if (!tenant) {
            QStringList names;
            for (const Tenant &t : registry->tenants())
                names << QStringLiteral("%1 (%2)").arg(t.displayName, t.id);
            std::fprintf(stderr, "tenantdesk: %s\n",
                         qPrintable(QCoreApplication::translate("main", "no tenant has the id or name \"%1\"; the tenants are: %2")
                                        .arg(parser.value(commandLine.tenant),
                                             names.isEmpty() ? QCoreApplication::translate("main", "none")
                                                             : names.join(QStringLiteral(", ")))));
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
    if (parser.isSet(commandLine.check))
        startCheck(&window, context, parser.value(commandLine.check));

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
