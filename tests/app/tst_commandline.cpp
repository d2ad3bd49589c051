// The tenantdesk executable as a user starts it from a terminal: --help, --version,
// --reset-settings (with its question), --tenant and --demo with the check mode's screenshots.

#include <QColor>
#include <QDir>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

class tst_CommandLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void version();
    void helpListsEveryOption_data();
    void helpListsEveryOption();
    void resetSettings_data();
    void resetSettings();
    void unknownTenantIsRefused();
    void languageWithoutTranslationIsSaid_data();
    void languageWithoutTranslationIsSaid();
    void frenchOnTheTerminal_data();
    void frenchOnTheTerminal();
    void demoCheckWritesTheScreenshots();

private:
    // Runs tenantdesk with `arguments`, `input` on its standard input (closed after), a private
    // configuration directory and the offscreen platform unless `display` is false (then no
    // platform can be opened at all: only what needs no display can succeed).
    Run run(const QStringList &arguments, const QByteArray &input = {}, bool display = true);
    QString settingsFile() const;

    std::unique_ptr<QTemporaryDir> m_home;
};

void tst_CommandLine::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
}

Run tst_CommandLine::run(const QStringList &arguments, const QByteArray &input, bool display)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), m_home->path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home->filePath(QStringLiteral("config")));
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), display ? QStringLiteral("offscreen") : QStringLiteral("xcb"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(TENANTDESK_BINARY), arguments);
    if (!process.waitForStarted())
        return {};
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(180'000)) {
        process.kill();
        process.waitForFinished();
    }
    Run result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromLocal8Bit(process.readAllStandardOutput());
    result.err = QString::fromLocal8Bit(process.readAllStandardError());
    return result;
}

QString tst_CommandLine::settingsFile() const
{
    return m_home->filePath(QStringLiteral("config/TenantDesk/TenantDesk.conf"));
}

void tst_CommandLine::version()
{
    const Run r = run({ QStringLiteral("--version") }, {}, false);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("^TenantDesk \\d+\\.\\d+\\.\\d+\\n$"))), qPrintable(r.out));
}

void tst_CommandLine::helpListsEveryOption_data()
{
    QTest::addColumn<QString>("option");
    for (const char *option : { "--help", "--help-all", "--version", "--demo", "--tenant <id>", "--reset-settings", "--yes", "--check <dir>",
                                "--lang <code>" })
        QTest::newRow(option) << QString::fromLatin1(option);
}

void tst_CommandLine::helpListsEveryOption()
{
    QFETCH(QString, option);
    const Run r = run({ QStringLiteral("--help") }, {}, false);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QLatin1Char(' ') + option + QLatin1Char(' ')), qPrintable(r.out));
}

void tst_CommandLine::resetSettings_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("answer");
    QTest::addColumn<bool>("asked");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<bool>("reset");

    const QStringList ask { QStringLiteral("--reset-settings") };
    QTest::newRow("answered y") << ask << QByteArray("y\n") << true << 0 << true;
    QTest::newRow("answered yes") << ask << QByteArray("YES\n") << true << 0 << true;
    QTest::newRow("answered n") << ask << QByteArray("n\n") << true << 1 << false;
    QTest::newRow("answered nothing") << ask << QByteArray("\n") << true << 1 << false;
    QTest::newRow("no terminal input") << ask << QByteArray() << true << 1 << false;
    QTest::newRow("--yes asks nothing") << (QStringList(ask) << QStringLiteral("--yes")) << QByteArray() << false << 0 << true;
}

void tst_CommandLine::resetSettings()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, answer);
    QFETCH(bool, asked);
    QFETCH(int, exitCode);
    QFETCH(bool, reset);

    {
        QSettings settings(settingsFile(), QSettings::IniFormat);
        settings.setValue(QStringLiteral("mainWindow/geometry"), QByteArray("saved geometry"));
        settings.setValue(QStringLiteral("pageSize"), 50);
        settings.setValue(QStringLiteral("tenants/t1/displayName"), QStringLiteral("Production"));
        settings.setValue(QStringLiteral("tenants/t1/secretPurposes"), QStringList { QStringLiteral("password") });
    }

    const Run r = run(arguments, answer, false);
    QCOMPARE(r.exitCode, exitCode);
    QCOMPARE(r.out.contains(QStringLiteral("[y/N]")), asked);
    if (asked)
        QVERIFY2(r.out.contains(settingsFile()), qPrintable(r.out)); // says which file

    QSettings settings(settingsFile(), QSettings::IniFormat);
    QCOMPARE(settings.contains(QStringLiteral("mainWindow/geometry")), !reset);
    QCOMPARE(settings.contains(QStringLiteral("pageSize")), !reset);
    // The tenants (and so the index of their secrets) are kept either way.
    QCOMPARE(settings.value(QStringLiteral("tenants/t1/displayName")).toString(), QStringLiteral("Production"));
    QCOMPARE(settings.value(QStringLiteral("tenants/t1/secretPurposes")).toStringList(), QStringList { QStringLiteral("password") });
}

void tst_CommandLine::unknownTenantIsRefused()
{
    const Run r = run({ QStringLiteral("--demo"), QStringLiteral("--tenant"), QStringLiteral("nowhere") });
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("\"nowhere\"")), qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("Kandji demo")), qPrintable(r.err)); // lists what there is
}

void tst_CommandLine::languageWithoutTranslationIsSaid_data()
{
    QTest::addColumn<QString>("lang");
    QTest::addColumn<bool>("said");
    QTest::newRow("German: none shipped") << "de" << true;
    QTest::newRow("French: shipped") << "fr_FR" << false;
    QTest::newRow("English: the source language") << "en" << false;
}

// --lang names the language; one without a translation is said, naming those there are. (The
// quickest run that gets past the start: a tenant that is not there.)
void tst_CommandLine::languageWithoutTranslationIsSaid()
{
    QFETCH(QString, lang);
    QFETCH(bool, said);
    const Run r = run({ QStringLiteral("--lang"), lang, QStringLiteral("--demo"), QStringLiteral("--tenant"),
                        QStringLiteral("nowhere") });
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err.contains(QStringLiteral("no translation for \"%1\" (there is English and fr)").arg(lang)), said);
}

void tst_CommandLine::frenchOnTheTerminal_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("display");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("said"); // on stdout or stderr
    const QStringList fr { QStringLiteral("--lang"), QStringLiteral("fr") };
    QTest::newRow("--help") << (QStringList(fr) << QStringLiteral("--help")) << QByteArray() << false << 0
                            << QStringLiteral("Démarrer sur les serveurs de démonstration intégrés");
    QTest::newRow("--reset-settings asks and is answered o(ui)")
        << (QStringList(fr) << QStringLiteral("--reset-settings")) << QByteArray("o\n") << false << 0
        << QStringLiteral("Les paramètres ont été réinitialisés.");
    QTest::newRow("an unknown tenant")
        << (QStringList(fr) << QStringLiteral("--demo") << QStringLiteral("--tenant") << QStringLiteral("nowhere"))
        << QByteArray() << true << 2 << QStringLiteral("aucun locataire n’a l’identifiant ou le nom « nowhere »");
}

// What the terminal shows speaks the language asked for too: --help, the question of
// --reset-settings and its answer, a start-up error.
void tst_CommandLine::frenchOnTheTerminal()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, input);
    QFETCH(bool, display);
    QFETCH(int, exitCode);
    QFETCH(QString, said);
    const Run r = run(arguments, input, display);
    QCOMPARE(r.exitCode, exitCode);
    const QString shown = r.out + r.err;
    QVERIFY2(shown.contains(said), qPrintable(shown));
}

double meanLightness(const QImage &image)
{
    double sum = 0;
    int count = 0;
    for (int y = 0; y < image.height(); y += 7) {
        for (int x = 0; x < image.width(); x += 7, ++count)
            sum += QColor(image.pixel(x, y)).lightnessF();
    }
    return count ? sum / count : 0;
}

// One run serves --demo, --tenant (by display name, any case) and the check mode.
void tst_CommandLine::demoCheckWritesTheScreenshots()
{
    const QString dir = m_home->filePath(QStringLiteral("shots"));
    const Run r = run({ QStringLiteral("--demo"), QStringLiteral("--tenant"), QStringLiteral("kandji DEMO"),
                        QStringLiteral("--check"), dir });
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QVERIFY2(r.out.contains(QStringLiteral("window.png (tenant Kandji demo)")), qPrintable(r.out));

    const QStringList files = QDir(dir).entryList({ QStringLiteral("*.png") });
    for (const char *expected : { "window.png", "window-dark.png", "kinto.png", "kinto-item.png", "kinto-wizard.png",
                                  "jamf.png", "jamf-wizard.png", "jamf-wizard-2.png", "kandji.png" })
        QVERIFY2(files.contains(QLatin1String(expected)), qPrintable(files.join(QLatin1Char(' '))));
    for (const QString &file : files) {
        const QImage image(QDir(dir).filePath(file));
        QCOMPARE(image.size(), QSize(1400, 900));
    }
    const double light = meanLightness(QImage(QDir(dir).filePath(QStringLiteral("window.png"))));
    const double dark = meanLightness(QImage(QDir(dir).filePath(QStringLiteral("window-dark.png"))));
    QVERIFY2(light > 0.6 && dark < 0.4, qPrintable(QStringLiteral("light %1, dark %2").arg(light).arg(dark)));
}

} // namespace

QTEST_GUILESS_MAIN(tst_CommandLine)
#include "tst_commandline.moc"
