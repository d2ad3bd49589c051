#include "restservers.h"
#include "loopbackhttpserver.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

// `tenantctl rest` run as a process: CRUD against json-server (skipped, saying why, when it is not
// installed), and exit codes, secrets and multipart against an in-process scripted server.
class tst_RestCtl : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void crudAgainstJsonServer();
    void exitCodes_data();
    void exitCodes();
    void usageErrors_data();
    void usageErrors();
    void apiKeyFromEnvironmentNeverPrinted();
    void multipartAndParams();
    void sandboxRestServesTheDemoApi();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    Run tenantctl(const QStringList &arguments, const QProcessEnvironment &extra = {});

    ExternalServer m_jsonServer;
    QTemporaryDir m_dir;
    LoopbackHttpServer m_scripted;
    QList<HttpServerRequest> m_received;
    int m_status = 200;
};

void tst_RestCtl::initTestCase()
{
    QVERIFY(m_scripted.listen());
    m_scripted.setHandler([this](const HttpServerRequest &req, HttpResponder *r) {
        m_received << req;
        r->respondJson(m_status, m_status < 400 ? R"({"ok":true})" : R"({"message":"scripted failure"})");
    });
    RestServers::startJsonServer(&m_jsonServer, m_dir);
}

void tst_RestCtl::cleanupTestCase()
{
    m_jsonServer.stop();
}

tst_RestCtl::Run tst_RestCtl::tenantctl(const QStringList &arguments, const QProcessEnvironment &extra)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : { "REST_SERVER_URL", "TENANTCTL_PASSWORD", "TENANTCTL_TOKEN", "TENANTCTL_CLIENT_SECRET" })
        env.remove(QLatin1String(name));
    env.insert(extra);
    process.setProcessEnvironment(env);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral(TENANTCTL_PATH), QStringList { QStringLiteral("rest") } + arguments);
    if (!process.waitForStarted(10000) || !finished.wait(60000)) { // the scripted server answers meanwhile
        process.kill();
        process.waitForFinished();
        return {};
    }
    return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2, process.readAllStandardOutput(),
        process.readAllStandardError() };
}

void tst_RestCtl::crudAgainstJsonServer()
{
    if (!m_jsonServer.skipReason().isEmpty())
        QSKIP(qPrintable(m_jsonServer.skipReason()));
    const QStringList server { QStringLiteral("-s"), m_jsonServer.url().toString() };
    Run run = tenantctl(server + QStringList { QStringLiteral("create"), QStringLiteral("users"), QStringLiteral("--data"),
                                    QStringLiteral(R"({"name":"Margaret Hamilton","role":"staff"})") });
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const int id = QJsonDocument::fromJson(run.out).object().value(QLatin1String("id")).toInt();
    QVERIFY(id > 0);
    const QString item = QStringLiteral("users/%1").arg(id);

    run = tenantctl(server + QStringList { QStringLiteral("update"), item, QStringLiteral("--data"), QStringLiteral(R"({"role":"admin"})") });
    QCOMPARE(run.exitCode, 0);
    run = tenantctl(server + QStringList { QStringLiteral("read"), item });
    QCOMPARE(run.exitCode, 0);
    QJsonObject user = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(user.value(QLatin1String("role")).toString(), QStringLiteral("admin"));
    QCOMPARE(user.value(QLatin1String("name")).toString(), QStringLiteral("Margaret Hamilton"));

    run = tenantctl(server + QStringList { QStringLiteral("update"), item, QStringLiteral("--replace"), QStringLiteral("--data"), QStringLiteral(R"({"name":"M. Hamilton"})") });
    QCOMPARE(run.exitCode, 0);
    run = tenantctl(server + QStringList { QStringLiteral("read"), QStringLiteral("users"), QStringLiteral("--param"), QStringLiteral("name=M. Hamilton") });
    QCOMPARE(run.exitCode, 0);
    const QJsonArray found = QJsonDocument::fromJson(run.out).array();
    QCOMPARE(found.size(), 1);
    QVERIFY(!found.first().toObject().contains(QLatin1String("role"))); // replaced

    run = tenantctl(server + QStringList { QStringLiteral("delete"), item });
    QCOMPARE(run.exitCode, 0);
    run = tenantctl(server + QStringList { QStringLiteral("read"), item });
    QCOMPARE(run.exitCode, 3);
    QVERIFY(run.err.contains("404"));
}

void tst_RestCtl::exitCodes_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("200: 0") << 200 << QStringList() << 0;
    QTest::newRow("404: 3 not found") << 404 << QStringList() << 3;
    QTest::newRow("409: 4 conflict") << 409 << QStringList() << 4;
    QTest::newRow("401: 5 auth") << 401 << QStringList() << 5;
    QTest::newRow("403: 5 auth") << 403 << QStringList() << 5;
    QTest::newRow("500 without retries: 1") << 500 << QStringList { QStringLiteral("--retries"), QStringLiteral("0") } << 1;
    QTest::newRow("404 ignored: 0") << 404 << QStringList { QStringLiteral("--ignore-status"), QStringLiteral("404,410") } << 0;
    QTest::newRow("409 with --no-raise: 0") << 409 << QStringList { QStringLiteral("--no-raise") } << 0;
}

void tst_RestCtl::exitCodes()
{
    QFETCH(int, status);
    QFETCH(QStringList, extra);
    QFETCH(int, exitCode);
    m_status = status;
    const Run run = tenantctl(QStringList { QStringLiteral("-s"), m_scripted.baseUrl().toString() } + extra
        + QStringList { QStringLiteral("read"), QStringLiteral("things/1") });
    QCOMPARE(run.exitCode, exitCode);
    if (exitCode != 0)
        QVERIFY2(run.err.contains(QByteArray::number(status)), run.err.constData());
    else
        QVERIFY(run.out.contains(status < 400 ? "ok" : "scripted failure")); // the answer is printed
    m_status = 200;
}

void tst_RestCtl::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("no server") << QStringList { QStringLiteral("read"), QStringLiteral("x") } << 2;
    QTest::newRow("unknown command") << QStringList { QStringLiteral("-s"), QStringLiteral("http://127.0.0.1:9"), QStringLiteral("fetch"), QStringLiteral("x") } << 2;
    QTest::newRow("data not JSON") << QStringList { QStringLiteral("-s"), QStringLiteral("http://127.0.0.1:9"), QStringLiteral("create"), QStringLiteral("x"), QStringLiteral("--data"), QStringLiteral("{oops") } << 2;
    QTest::newRow("endless data file") << QStringList { QStringLiteral("-s"), QStringLiteral("http://127.0.0.1:9"), QStringLiteral("create"), QStringLiteral("x"), QStringLiteral("--data"), QStringLiteral("@/dev/zero") } << 2;
    QTest::newRow("bad retry statuses") << QStringList { QStringLiteral("-s"), QStringLiteral("http://127.0.0.1:9"), QStringLiteral("--retry-statuses"), QStringLiteral("5xx"), QStringLiteral("read"), QStringLiteral("x") } << 2;
    QTest::newRow("nobody listening: 6 network") << QStringList { QStringLiteral("-s"), QStringLiteral("http://127.0.0.1:%1").arg(ExternalServer::freePort()), QStringLiteral("--retries"), QStringLiteral("0"), QStringLiteral("read"), QStringLiteral("x") } << 6;
}

void tst_RestCtl::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    const Run run = tenantctl(arguments);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY(!run.err.isEmpty());
}

void tst_RestCtl::apiKeyFromEnvironmentNeverPrinted()
{
    m_received.clear();
    QProcessEnvironment env;
    env.insert(QStringLiteral("TENANTCTL_TOKEN"), QStringLiteral("k3y-f0r-t3sts"));
    m_status = 403;
    const Run run = tenantctl({ QStringLiteral("-v"), QStringLiteral("-s"), m_scripted.baseUrl().toString(), QStringLiteral("--auth"),
                                  QStringLiteral("api-key-query"), QStringLiteral("--api-key-name"), QStringLiteral("key"),
                                  QStringLiteral("read"), QStringLiteral("things") },
        env);
    m_status = 200;
    QCOMPARE(run.exitCode, 5);
    QCOMPARE(m_received.size(), 1);
    QCOMPARE(m_received.first().query.queryItemValue(QStringLiteral("key")), QStringLiteral("k3y-f0r-t3sts"));
    QVERIFY2(run.err.contains("things"), run.err.constData()); // verbose: the request is shown...
    QVERIFY(!run.err.contains("k3y") && !run.out.contains("k3y")); // ...without the key
}

void tst_RestCtl::multipartAndParams()
{
    m_received.clear();
    const QString path = m_dir.filePath(QStringLiteral("photo.bin"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(70000, 'x'));
    file.close();
    const Run run = tenantctl({ QStringLiteral("-s"), m_scripted.baseUrl().toString(), QStringLiteral("create"), QStringLiteral("uploads"),
        QStringLiteral("--field"), QStringLiteral("title=Holiday"), QStringLiteral("--file"), QStringLiteral("photo=") + path,
        QStringLiteral("--param"), QStringLiteral("album=2026") });
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(m_received.size(), 1);
    const HttpServerRequest &req = m_received.first();
    QCOMPARE(req.method, QByteArray("POST"));
    QCOMPARE(req.query.queryItemValue(QStringLiteral("album")), QStringLiteral("2026"));
    QVERIFY(req.header("content-type").startsWith("multipart/form-data"));
    QVERIFY(req.body.contains("name=\"title\"\r\n\r\nHoliday"));
    QVERIFY(req.body.contains("name=\"photo\"; filename=\"photo.bin\""));
    QVERIFY(req.body.contains(QByteArray(70000, 'x')));
}

// `tenantctl sandbox rest --port N` serves the demo help desk; `tenantctl rest` works against it.
void tst_RestCtl::sandboxRestServesTheDemoApi()
{
    const quint16 port = ExternalServer::freePort();
    QVERIFY(port > 0);
    QProcess sandbox;
    sandbox.start(QStringLiteral(TENANTCTL_PATH), { QStringLiteral("sandbox"), QStringLiteral("rest"), QStringLiteral("--port"), QString::number(port) });
    QVERIFY(sandbox.waitForStarted(10000));
    while (!sandbox.canReadLine())
        QVERIFY2(sandbox.waitForReadyRead(20000), sandbox.readAllStandardError().constData());
    const QUrl url(QString::fromUtf8(sandbox.readLine().trimmed()));
    QCOMPARE(url.port(), int(port));
    const QStringList server { QStringLiteral("-s"), url.toString(), QStringLiteral("--auth"), QStringLiteral("api-key-header"),
        QStringLiteral("--api-key-name"), QStringLiteral("X-API-Key") };
    QProcessEnvironment env;
    env.insert(QStringLiteral("TENANTCTL_TOKEN"), QStringLiteral("demo-help-desk-key"));
    Run run = tenantctl(server + QStringList { QStringLiteral("read"), QStringLiteral("tickets"), QStringLiteral("--param"), QStringLiteral("_page=2"),
                                    QStringLiteral("--param"), QStringLiteral("_limit=10") }, env);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonArray tickets = QJsonDocument::fromJson(run.out).array();
    QCOMPARE(tickets.size(), 10);
    QCOMPARE(tickets.first().toObject().value(QLatin1String("id")).toInt(), 11);
    // A ticket without its required fields: refused with the fields named.
    run = tenantctl(server + QStringList { QStringLiteral("create"), QStringLiteral("tickets"), QStringLiteral("--data"), QStringLiteral(R"({"priority":"whenever"})") }, env);
    QVERIFY(run.exitCode != 0);
    QVERIFY2(run.err.contains("422") && run.err.contains("subject") && run.err.contains("priority"), run.err.constData());
    // Without the key: refused (exit 5).
    run = tenantctl({ QStringLiteral("-s"), url.toString(), QStringLiteral("read"), QStringLiteral("agents") });
    QCOMPARE(run.exitCode, 5);
    ::kill(pid_t(sandbox.processId()), SIGTERM);
    QVERIFY(sandbox.waitForFinished(10000));
    QCOMPARE(sandbox.exitCode(), 0);
}

QTEST_GUILESS_MAIN(tst_RestCtl)
#include "tst_restctl.moc"
