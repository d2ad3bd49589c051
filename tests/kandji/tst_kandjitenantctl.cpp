// `tenantctl kandji ...` run as a separate process against a KandjiSandbox in this test process:
// stdout JSON, exit codes, stderr messages, what the sandbox holds afterwards, and the peak memory
// of a 50 MB installer upload (streamed from disk, never held whole).

#include "kandjisandbox.h"
#include "kandjiservice.h"
#include "loopbackhttpserver.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    QJsonObject object() const { return QJsonDocument::fromJson(out).object(); }
};

} // namespace

#define DESCRIBE(run) qPrintable(QStringLiteral("exit %1\nstdout: %2\nstderr: %3").arg(run.exitCode).arg(QString::fromUtf8(run.out.left(2000)), QString::fromUtf8(run.err.left(2000))))

class TestKandjiTenantctl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void usageErrors_data();
    void usageErrors();
    void probe();
    void profilesRoundTrip();
    void scriptWithCategoryByName();
    void rulesRefusedBeforeSending();
    void blueprintAssignment();
    void wrongTokenIsAnAuthError();
    void copyPreviewThenApply();
    void largeUploadIsStreamed();

private:
    Run tenantctl(const QStringList &arguments, const QString &token = {})
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("KANDJI_TOKEN"), token.isEmpty() ? m_sandbox.token() : token);
        env.remove(QStringLiteral("KANDJI_URL"));
        process.setProcessEnvironment(env);
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(QStringLiteral(TENANTCTL_PATH), arguments);
        if (!process.waitForStarted(10000))
            return {};
        process.closeWriteChannel();
        if (!finished.wait(120000)) {
            process.kill();
            process.waitForFinished();
            return {};
        }
        return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2, process.readAllStandardOutput(),
                 process.readAllStandardError() };
    }
    Run kandji(const QStringList &arguments, const QString &token = {})
    {
        return tenantctl(QStringList { QStringLiteral("kandji"), QStringLiteral("--url"), m_sandbox.baseUrl().toString(),
                                       QStringLiteral("--local-test-server") } + arguments, token);
    }
    int requests() const { return m_sandbox.server()->requestCount(); }

    KandjiSandbox m_sandbox;
    QTemporaryDir m_dir;
};

void TestKandjiTenantctl::initTestCase()
{
    QVERIFY(m_sandbox.start());
    QVERIFY(m_dir.isValid());
}

void TestKandjiTenantctl::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("stderrContains");
    QTest::newRow("sandbox without --local-test-server") << QStringList { QStringLiteral("kandji"), QStringLiteral("--url"), QStringLiteral("http://127.0.0.1:1"), QStringLiteral("probe") }
                                                         << QString() << "must not name a port";
    QTest::newRow("not a Kandji host") << QStringList { QStringLiteral("kandji"), QStringLiteral("--url"), QStringLiteral("https://example.com"), QStringLiteral("probe") }
                                       << QString() << "not a Kandji or Iru API host";
    QTest::newRow("token not a uuid") << QStringList { QStringLiteral("kandji"), QStringLiteral("--url"), QStringLiteral("acme.api.kandji.io"), QStringLiteral("probe") }
                                      << QStringLiteral("not-a-token-secret") << "shape of a Kandji token";
    QTest::newRow("unknown command") << QStringList { QStringLiteral("kandji"), QStringLiteral("--url"), QStringLiteral("acme.api.kandji.io"), QStringLiteral("devices"), QStringLiteral("list") }
                                     << QString() << "unknown command";
}

void TestKandjiTenantctl::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, token);
    QFETCH(QString, stderrContains);
    const Run run = tenantctl(arguments, token);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(stderrContains.toUtf8()), DESCRIBE(run));
    if (!token.isEmpty())
        QVERIFY2(!run.err.contains(token.toUtf8()) && !run.out.contains(token.toUtf8()), "the token is never printed");
}

void TestKandjiTenantctl::probe()
{
    const Run run = kandji({ QStringLiteral("probe") });
    QCOMPARE(run.exitCode, 0);
    const QJsonObject identity = run.object();
    QCOMPARE(identity.value(QLatin1String("capabilities")).toArray().size(), 5);
    QVERIFY2(!run.out.contains(m_sandbox.token().toUtf8()), DESCRIBE(run));
}

void TestKandjiTenantctl::profilesRoundTrip()
{
    const QString file = m_dir.filePath(QStringLiteral("vpn.mobileconfig"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("<?xml version=\"1.0\"?><plist version=\"1.0\"><dict><key>PayloadType</key><string>Configuration</string></dict></plist>");
    f.close();
    const Run created = kandji({ QStringLiteral("profiles"), QStringLiteral("create"), QStringLiteral("--field"), QStringLiteral("name=VPN"),
                                 QStringLiteral("--field"), QStringLiteral("runs_on_mac=true"), QStringLiteral("--file"), file });
    QCOMPARE(created.exitCode, 0);
    const QString id = created.object().value(QLatin1String("id")).toString();
    QVERIFY2(m_sandbox.service().item(QStringLiteral("custom-profiles"), id), DESCRIBE(created));
    QCOMPARE(m_sandbox.service().item(QStringLiteral("custom-profiles"), id)->value(QLatin1String("runs_on_mac")).toBool(), true);

    const Run listed = kandji({ QStringLiteral("profiles"), QStringLiteral("list") });
    QCOMPARE(listed.exitCode, 0);
    QCOMPARE(listed.object().value(QLatin1String("count")).toInt(), m_sandbox.service().itemCount(QStringLiteral("custom-profiles")));

    QCOMPARE(kandji({ QStringLiteral("profiles"), QStringLiteral("delete"), id }).exitCode, 0);
    const Run gone = kandji({ QStringLiteral("profiles"), QStringLiteral("get"), id });
    QCOMPARE(gone.exitCode, 3);
    QVERIFY2(gone.err.contains("HTTP 404"), DESCRIBE(gone));
}

void TestKandjiTenantctl::scriptWithCategoryByName()
{
    const QString utilities = m_sandbox.service().addCategory(QStringLiteral("Utilities")).value(QLatin1String("id")).toString();
    const QString script = m_dir.filePath(QStringLiteral("hello.sh"));
    QFile f(script);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("#!/bin/sh\necho hello\n");
    f.close();
    const Run run = kandji({ QStringLiteral("scripts"), QStringLiteral("create"), QStringLiteral("--field"), QStringLiteral("name=Hello"),
                             QStringLiteral("--field"), QStringLiteral("execution_frequency=no_enforcement"), QStringLiteral("--field"),
                             QStringLiteral("show_in_self_service=true"), QStringLiteral("--category"), QStringLiteral("UTILITIES"),
                             QStringLiteral("--script-file"), script });
    QCOMPARE(run.exitCode, 0);
    const auto stored = m_sandbox.service().item(QStringLiteral("custom-scripts"), run.object().value(QLatin1String("id")).toString());
    QVERIFY2(stored, DESCRIBE(run));
    QCOMPARE(stored->value(QLatin1String("self_service_category_id")).toString(), utilities);
    QCOMPARE(stored->value(QLatin1String("script")).toString(), QStringLiteral("#!/bin/sh\necho hello\n"));
}

void TestKandjiTenantctl::rulesRefusedBeforeSending()
{
    m_sandbox.server()->resetCounters();
    const Run run = kandji({ QStringLiteral("apps"), QStringLiteral("create"), QStringLiteral("--field"), QStringLiteral("name=Z"),
                             QStringLiteral("--field"), QStringLiteral("install_type=zip"), QStringLiteral("--field"),
                             QStringLiteral("install_enforcement=install_once"), QStringLiteral("--file"), QStringLiteral(TENANTCTL_PATH) });
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("unzip location"), DESCRIBE(run));
    QCOMPARE(requests(), 0);
}

void TestKandjiTenantctl::blueprintAssignment()
{
    const QString blueprint = m_sandbox.service().addBlueprint(QStringLiteral("Lab"), QStringLiteral("classic")).value(QLatin1String("id")).toString();
    const QString item = m_sandbox.service().addScript(QJsonObject { { QStringLiteral("name"), QStringLiteral("S") } }).value(QLatin1String("id")).toString();
    const Run first = kandji({ QStringLiteral("blueprints"), QStringLiteral("assign"), blueprint, item });
    QCOMPARE(first.exitCode, 0);
    QCOMPARE(first.object().value(QLatin1String("alreadyAssigned")).toBool(), false);
    const Run again = kandji({ QStringLiteral("blueprints"), QStringLiteral("assign"), blueprint, item });
    QCOMPARE(again.exitCode, 0);
    QCOMPARE(again.object().value(QLatin1String("alreadyAssigned")).toBool(), true);
    const Run items = kandji({ QStringLiteral("blueprints"), QStringLiteral("items"), blueprint });
    QCOMPARE(items.object().value(QLatin1String("count")).toInt(), 1);

    const Run unconfirmed = kandji({ QStringLiteral("blueprints"), QStringLiteral("delete"), blueprint });
    QCOMPARE(unconfirmed.exitCode, 2);
    QVERIFY(m_sandbox.service().item(QStringLiteral("blueprints"), blueprint));
    QCOMPARE(kandji({ QStringLiteral("blueprints"), QStringLiteral("delete"), blueprint, QStringLiteral("--yes") }).exitCode, 0);
    QVERIFY(!m_sandbox.service().item(QStringLiteral("blueprints"), blueprint));
}

void TestKandjiTenantctl::wrongTokenIsAnAuthError()
{
    const Run run = kandji({ QStringLiteral("categories"), QStringLiteral("list") }, QStringLiteral("11111111-1111-4111-8111-111111111111"));
    QCOMPARE(run.exitCode, 5);
    QVERIFY2(run.err.contains("HTTP 401"), DESCRIBE(run));
}

void TestKandjiTenantctl::copyPreviewThenApply()
{
    KandjiSandbox target;
    QVERIFY(target.start());
    const QString script = m_sandbox.service().addScript(QJsonObject { { QStringLiteral("name"), QStringLiteral("Copied") } }).value(QLatin1String("id")).toString();
    const QStringList copy { QStringLiteral("copy"), QStringLiteral("--to-url"), target.baseUrl().toString(), QStringLiteral("--to-local-test-server"),
                             QStringLiteral("scripts:") + script };
    qputenv("KANDJI_TARGET_TOKEN", target.token().toUtf8()); // inherited by the child's environment
    const Run preview = kandji(copy);
    QCOMPARE(preview.exitCode, 0);
    QCOMPARE(preview.object().value(QLatin1String("items")).toArray().at(0).toObject().value(QLatin1String("action")).toString(), QStringLiteral("create"));
    QCOMPARE(target.service().itemCount(QStringLiteral("custom-scripts")), 0);
    const Run applied = kandji(copy + QStringList { QStringLiteral("--apply") });
    QCOMPARE(applied.exitCode, 0);
    QVERIFY2(applied.err.contains("1/1 Copied: created"), DESCRIBE(applied));
    QCOMPARE(target.service().itemCount(QStringLiteral("custom-scripts")), 1);
    qunsetenv("KANDJI_TARGET_TOKEN");
    const Run noToken = kandji(copy);
    QCOMPARE(noToken.exitCode, 2);
    QVERIFY2(noToken.err.contains("target: The API token is empty"), DESCRIBE(noToken));
}

void TestKandjiTenantctl::largeUploadIsStreamed()
{
    constexpr qint64 size = 50 * 1024 * 1024;
    const QString path = m_dir.filePath(QStringLiteral("Large.pkg"));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QByteArray chunk(1024 * 1024, '\0');
        for (qint64 written = 0; written < size; written += chunk.size()) {
            for (int i = 0; i < chunk.size(); i += 4096)
                chunk[i] = char((written / 4096 + i) & 0xff);
            hash.addData(chunk);
            QCOMPARE(file.write(chunk), qint64(chunk.size()));
        }
    }
    const Run run = kandji({ QStringLiteral("apps"), QStringLiteral("create"), QStringLiteral("--field"), QStringLiteral("name=Large"),
                             QStringLiteral("--field"), QStringLiteral("install_type=package"), QStringLiteral("--field"),
                             QStringLiteral("install_enforcement=install_once"), QStringLiteral("--file"), path });
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.contains("still processing"), DESCRIBE(run)); // the 503 was retried (a real 1 s wait)
    const QJsonObject app = run.object();
    QCOMPARE(app.value(QLatin1String("sha256")).toString(), QString::fromLatin1(hash.result().toHex()));
    QCOMPARE(app.value(QLatin1String("file_size")).toDouble(), double(size));

    // The largest resident set of any child so far (every earlier tenantctl run is far smaller).
    rusage usage {};
    QCOMPARE(getrusage(RUSAGE_CHILDREN, &usage), 0);
    const qint64 childPeakKiB = usage.ru_maxrss;
    qInfo("50 MB upload through tenantctl: peak RSS of the tenantctl process %lld KiB (%.1f MiB); this test process %lld KiB",
          childPeakKiB, childPeakKiB / 1024.0, TestSupport::peakRssKiB());
    if (TestSupport::MemoryFiguresHold)
        QVERIFY2(childPeakKiB < size / 1024, "the installer must be streamed, not held in memory");

    const QString downloaded = m_dir.filePath(QStringLiteral("Large-copy.pkg"));
    const Run download = kandji({ QStringLiteral("apps"), QStringLiteral("download"), app.value(QLatin1String("id")).toString(), downloaded });
    QCOMPARE(download.exitCode, 0);
    QCOMPARE(download.object().value(QLatin1String("sha256")).toString(), QString::fromLatin1(hash.result().toHex()));
    QCOMPARE(QFileInfo(downloaded).size(), size);
}

QTEST_GUILESS_MAIN(TestKandjiTenantctl)
#include "tst_kandjitenantctl.moc"
