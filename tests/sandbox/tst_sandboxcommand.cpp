// `tenantctl sandbox` run as a process, as a script or Kinto's own clients would use it: start it,
// read the base URL from its first stdout line, talk to it over HTTP, stop it with a signal.
#include "sandboxclient.h"

#include <QDir>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>

#include <csignal>

class TestSandboxCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void servesKintoUntilStopped_data();
    void servesKintoUntilStopped();
    void demoSeedHasTheDemoBuckets();
    void kintoHttpJsClientWorks();
    void badArgumentsExitWithUsage_data();
    void badArgumentsExitWithUsage();
    void portInUseIsAClearError();

private:
    // Starts `tenantctl sandbox ARGS` and returns the URL on its first stdout line (empty if none).
    QUrl start(QProcess &process, const QStringList &arguments);
    void stop(QProcess &process, int signal);
};

QUrl TestSandboxCommand::start(QProcess &process, const QStringList &arguments)
{
    process.start(QStringLiteral(TENANTCTL_PATH), QStringList{QStringLiteral("sandbox")} + arguments);
    if (!process.waitForStarted(10000))
        return {};
    while (!process.canReadLine()) {
        if (!process.waitForReadyRead(20000))
            return {};
    }
    return QUrl(QString::fromUtf8(process.readLine().trimmed()));
}

void TestSandboxCommand::stop(QProcess &process, int signal)
{
    ::kill(pid_t(process.processId()), signal);
    QVERIFY(process.waitForFinished(10000));
}

void TestSandboxCommand::servesKintoUntilStopped_data()
{
    QTest::addColumn<int>("signal");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT") << int(SIGINT);
}

void TestSandboxCommand::servesKintoUntilStopped()
{
    QFETCH(int, signal);
    QProcess process;
    const QUrl url = start(process, {QStringLiteral("kinto"), QStringLiteral("--port"), QStringLiteral("0"),
                                     QStringLiteral("--seed"), QStringLiteral("empty"), QStringLiteral("--user"),
                                     QStringLiteral("op:s3cret")});
    QVERIFY2(url.isValid() && url.scheme() == QLatin1String("http"), process.readAllStandardError().constData());
    QCOMPARE(url.host(), QStringLiteral("127.0.0.1"));
    QVERIFY(url.port() > 0);
    QCOMPARE(url.path(), QStringLiteral("/v1"));

    SandboxClient client(url);
    const Exchange hello = client.call("GET", QStringLiteral("/"), QJsonValue::Undefined, QStringLiteral("op:s3cret"));
    QCOMPARE(hello.status, 200);
    QCOMPARE(hello.json.value(QStringLiteral("url")).toString(), url.toString() + QLatin1Char('/'));
    QCOMPARE(hello.json.value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toString(), QStringLiteral("account:op"));
    const QJsonObject capabilities = hello.json.value(QStringLiteral("capabilities")).toObject();
    for (const char *name : {"basicauth", "accounts", "history", "attachments"})
        QVERIFY2(capabilities.contains(QLatin1String(name)), name);
    // basicauth, as a default Kinto: a wrong password is another user, not a refusal.
    const Exchange wrong = client.call("GET", QStringLiteral("/"), QJsonValue::Undefined, QStringLiteral("op:wrong"));
    QVERIFY(wrong.json.value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toString().startsWith(QLatin1String("basicauth:")));
    QCOMPARE(client.call("GET", QStringLiteral("/__heartbeat__")).status, 200);

    // What a browser (Kinto Admin) sends first, then a listing it must be able to read.
    const QByteArray origin = "http://localhost:3000";
    const Exchange preflight = client.call("OPTIONS", QStringLiteral("/buckets"), QJsonValue::Undefined, {},
                                           {{"Origin", origin}, {"Access-Control-Request-Method", "POST"},
                                            {"Access-Control-Request-Headers", "authorization,content-type"}});
    QCOMPARE(preflight.status, 200);
    QCOMPARE(preflight.header("Access-Control-Allow-Origin"), origin);
    QVERIFY(preflight.header("Access-Control-Allow-Methods").contains("POST"));
    QVERIFY(preflight.header("Access-Control-Allow-Headers").contains("authorization"));
    QCOMPARE(client.call("PUT", QStringLiteral("/buckets/made"), obj("{}"), QStringLiteral("op:s3cret"), {{"Origin", origin}}).status, 201);
    const Exchange buckets = client.call("GET", QStringLiteral("/buckets"), QJsonValue::Undefined, QStringLiteral("op:s3cret"),
                                         {{"Origin", origin}});
    QCOMPARE(buckets.status, 200);
    QCOMPARE(ids(buckets.list()), QStringList{QStringLiteral("made")});
    QCOMPARE(buckets.header("Access-Control-Allow-Origin"), origin);
    QVERIFY(buckets.header("Access-Control-Expose-Headers").contains("Next-Page"));
    QVERIFY(buckets.header("Access-Control-Expose-Headers").contains("ETag"));

    stop(process, signal);
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
}

void TestSandboxCommand::demoSeedHasTheDemoBuckets()
{
    QProcess process;
    const QUrl url = start(process, {QStringLiteral("kinto"), QStringLiteral("--port"), QStringLiteral("0")});
    QVERIFY2(url.isValid(), process.readAllStandardError().constData());
    SandboxClient client(url);
    const Exchange buckets = client.call("GET", QStringLiteral("/buckets"), QJsonValue::Undefined, QStringLiteral("admin:admin"));
    QCOMPARE(buckets.status, 200);
    QVERIFY2(ids(buckets.list()).contains(QStringLiteral("main")), buckets.body.constData());
    stop(process, SIGTERM);
    QCOMPARE(process.exitCode(), 0);
}

// Kinto's own JavaScript client (kinto-http, under Kinto Admin) through kintojs/check.mjs.
void TestSandboxCommand::kintoHttpJsClientWorks()
{
    const QDir dir(QStringLiteral(KINTOJS_DIR));
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    if (node.isEmpty() || !dir.exists(QStringLiteral("node_modules/kinto-http")))
        QSKIP("needs node and `npm ci` in tests/sandbox/kintojs");
    QProcess sandbox;
    const QUrl url = start(sandbox, {QStringLiteral("kinto"), QStringLiteral("--port"), QStringLiteral("0"),
                                     QStringLiteral("--seed"), QStringLiteral("empty"), QStringLiteral("--user"),
                                     QStringLiteral("op:s3cret")});
    QVERIFY2(url.isValid(), sandbox.readAllStandardError().constData());
    QProcess check;
    check.setWorkingDirectory(dir.path());
    check.setProcessChannelMode(QProcess::MergedChannels);
    check.start(node, {QStringLiteral("check.mjs"), url.toString(), QStringLiteral("op:s3cret")});
    QVERIFY(check.waitForFinished(120000));
    const QByteArray output = check.readAll();
    QVERIFY2(check.exitStatus() == QProcess::NormalExit && check.exitCode() == 0, output.constData());
    QVERIFY2(output.contains("ok cleanup"), output.constData());
    stop(sandbox, SIGTERM);
    QCOMPARE(sandbox.exitCode(), 0);
}

void TestSandboxCommand::badArgumentsExitWithUsage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("no family") << QStringList{} << "no family given";
    QTest::newRow("unknown family") << QStringList{QStringLiteral("nope"), QStringLiteral("--port"), QStringLiteral("0")}
                                    << "unknown family \"nope\"";
    QTest::newRow("no port") << QStringList{QStringLiteral("kinto")} << "--port is required";
    QTest::newRow("port not a number") << QStringList{QStringLiteral("kinto"), QStringLiteral("--port"), QStringLiteral("abc")}
                                       << "--port must be a number";
    QTest::newRow("port too large") << QStringList{QStringLiteral("kinto"), QStringLiteral("--port"), QStringLiteral("70000")}
                                    << "--port must be a number";
    QTest::newRow("unknown seed") << QStringList{QStringLiteral("kinto"), QStringLiteral("--port"), QStringLiteral("0"),
                                                 QStringLiteral("--seed"), QStringLiteral("lots")}
                                  << "--seed must be demo or empty";
    QTest::newRow("user without password") << QStringList{QStringLiteral("kinto"), QStringLiteral("--port"), QStringLiteral("0"),
                                                          QStringLiteral("--user"), QStringLiteral("op")}
                                           << "--user must be NAME:PASSWORD";
    QTest::newRow("unknown option") << QStringList{QStringLiteral("kinto"), QStringLiteral("--colour")} << "colour";
}

void TestSandboxCommand::badArgumentsExitWithUsage()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    QProcess process;
    process.start(QStringLiteral(TENANTCTL_PATH), QStringList{QStringLiteral("sandbox")} + arguments);
    QVERIFY(process.waitForFinished(10000));
    const QString err = QString::fromUtf8(process.readAllStandardError());
    QCOMPARE(process.exitCode(), 2);
    QVERIFY2(err.startsWith(QLatin1String("tenantctl sandbox: ")) && err.contains(message), qPrintable(err));
    QVERIFY2(err.contains(QLatin1String("Usage: tenantctl sandbox FAMILY")), qPrintable(err));
    QVERIFY(process.readAllStandardOutput().isEmpty());
}

void TestSandboxCommand::portInUseIsAClearError()
{
    QTcpServer taken;
    QVERIFY(taken.listen(QHostAddress::LocalHost));
    QProcess process;
    process.start(QStringLiteral(TENANTCTL_PATH), {QStringLiteral("sandbox"), QStringLiteral("kinto"), QStringLiteral("--port"),
                                                   QString::number(taken.serverPort()), QStringLiteral("--seed"), QStringLiteral("empty")});
    QVERIFY(process.waitForFinished(10000));
    const QString err = QString::fromUtf8(process.readAllStandardError());
    QCOMPARE(process.exitCode(), 1);
    QVERIFY2(err.contains(QStringLiteral("cannot listen on 127.0.0.1:%1").arg(taken.serverPort())), qPrintable(err));
    QVERIFY2(err.contains(QLatin1String("in use")), qPrintable(err));
    QVERIFY(process.readAllStandardOutput().isEmpty());
}

QTEST_GUILESS_MAIN(TestSandboxCommand)
#include "tst_sandboxcommand.moc"
