// `tenantctl jamf ...` run as a separate process against a JamfSandbox in this test process:
// JSON on stdout, exit codes, messages on stderr, what the sandbox holds afterwards, and that
// secrets never travel as arguments.

#include "jamfdemodata.h"
#include "jamfsandbox.h"
#include "jamfservice.h"
#include "loopbackhttpserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    QJsonValue json() const
    {
        const QJsonDocument doc = QJsonDocument::fromJson(out);
        return doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
    }
};

// "roles get 1" -> {"roles", "get", "1"}
QStringList words(const char *text)
{
    return QString::fromLatin1(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

} // namespace

#define DESCRIBE(run) qPrintable(QStringLiteral("exit %1\nstdout: %2\nstderr: %3").arg(run.exitCode).arg(QString::fromUtf8(run.out.left(2000)), QString::fromUtf8(run.err.left(2000))))

class tst_JamfCtl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void tokenCheck_data();
    void tokenCheck();
    void rolesCrud();
    void clientsCrudAndRotate();
    void exitCodes_data();
    void exitCodes();
    void userTokenInvalidatedOnExit();
    void secretFromStdin();
    void servedByTenantctlSandbox();

private:
    // Runs `tenantctl jamf ARGS...` with the given environment additions (the event loop runs).
    Run jamf(const QStringList &arguments, const QHash<QString, QString> &env = {}, const QByteArray &input = {})
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const char *name : { "JAMF_SERVER_URL", "JAMF_CLIENT_ID", "JAMF_CLIENT_SECRET", "JAMF_USER", "JAMF_PASSWORD" })
            environment.remove(QLatin1String(name));
        environment.insert(QStringLiteral("JAMF_SERVER_URL"), m_sandbox.baseUrl().toString());
        for (auto it = env.cbegin(); it != env.cend(); ++it)
            environment.insert(it.key(), it.value());
        process.setProcessEnvironment(environment);
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(QStringLiteral(TENANTCTL_PATH), QStringList { QStringLiteral("jamf") } + arguments);
        if (!process.waitForStarted(10000))
            return {};
        if (!input.isEmpty())
            process.write(input);
        process.closeWriteChannel();
        if (!finished.wait(60000)) {
            process.kill();
            process.waitForFinished();
            return {};
        }
        return Run { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2, process.readAllStandardOutput(),
            process.readAllStandardError() };
    }
    Run admin(const QStringList &arguments)
    {
        return jamf(arguments, { { QStringLiteral("JAMF_USER"), QStringLiteral("admin") }, { QStringLiteral("JAMF_PASSWORD"), QStringLiteral("admin") } });
    }

    JamfSandbox m_sandbox;
};

void tst_JamfCtl::initTestCase()
{
    QVERIFY(m_sandbox.start());
    m_sandbox.seedDemoData();
}

void tst_JamfCtl::tokenCheck_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QString>("authMethod");
    QTest::newRow("user account") << "admin" << "" << "admin" << "user-account";
    QTest::newRow("API client") << "" << JamfDemoData::DemoClientId << JamfDemoData::DemoClientSecret << "api-client";
}

void tst_JamfCtl::tokenCheck()
{
    QFETCH(QString, user);
    QFETCH(QString, clientId);
    QFETCH(QString, secret);
    QFETCH(QString, authMethod);
    QHash<QString, QString> env;
    if (user.isEmpty())
        env = { { QStringLiteral("JAMF_CLIENT_ID"), clientId }, { QStringLiteral("JAMF_CLIENT_SECRET"), secret } };
    else
        env = { { QStringLiteral("JAMF_USER"), user }, { QStringLiteral("JAMF_PASSWORD"), secret } };
    const Run run = jamf({ QStringLiteral("token") }, env);
    QVERIFY2(run.exitCode == 0, DESCRIBE(run));
    const QJsonObject identity = run.json().toObject();
    QCOMPARE(identity.value(QLatin1String("authMethod")).toString(), authMethod);
    QVERIFY(!identity.value(QLatin1String("tokenExpires")).toString().isEmpty());
    QCOMPARE(identity.value(QLatin1String("capabilities")).toArray().size(), 2);
    if (user.isEmpty()) // (the demo user's password is its name)
        QVERIFY(!run.out.contains(secret.toUtf8()));
}

void tst_JamfCtl::rolesCrud()
{
    Run run = admin({ QStringLiteral("roles"), QStringLiteral("create"), QStringLiteral("--display-name"), QStringLiteral("CLI Role"),
        QStringLiteral("--privilege"), QStringLiteral("Read Computers"), QStringLiteral("--privilege"), QStringLiteral("Read Buildings") });
    QVERIFY2(run.exitCode == 0, DESCRIBE(run));
    const QString id = run.json().toObject().value(QLatin1String("id")).toString();
    QCOMPARE(m_sandbox.service().role(id).value(QLatin1String("privileges")).toArray().size(), 2);

    run = admin({ QStringLiteral("roles"), QStringLiteral("replace"), id, QStringLiteral("--display-name"), QStringLiteral("CLI Role 2") });
    QVERIFY2(run.exitCode == 0, DESCRIBE(run));
    QCOMPARE(m_sandbox.service().role(id).value(QLatin1String("displayName")).toString(), QStringLiteral("CLI Role 2"));
    QCOMPARE(m_sandbox.service().role(id).value(QLatin1String("privileges")).toArray().size(), 2); // kept

    run = admin({ QStringLiteral("roles"), QStringLiteral("list"), QStringLiteral("--name"), QStringLiteral("CLI Role 2") });
    QVERIFY2(run.exitCode == 0, DESCRIBE(run));
    QCOMPARE(run.json().toArray().size(), 1);

    run = admin({ QStringLiteral("roles"), QStringLiteral("list"), QStringLiteral("--page-size"), QStringLiteral("7"),
        QStringLiteral("--sort"), QStringLiteral("displayName:desc") });
    QVERIFY2(run.exitCode == 0, DESCRIBE(run));
    QCOMPARE(run.json().toArray().size(), m_sandbox.service().roleCount());

    run = admin({ QStringLiteral("roles"), QStringLiteral("delete"), id });
    QVERIFY2(run.exitCode == 0, DESCRIBE(run));
    QVERIFY(m_sandbox.service().role(id).isEmpty());
}

void tst_JamfCtl::clientsCrudAndRotate()
{
    Run run = admin({ QStringLiteral("clients"), QStringLiteral("create"), QStringLiteral("--display-name"), QStringLiteral("CLI Client"),
        QStringLiteral("--role"), QStringLiteral("API Auditor"), QStringLiteral("--lifetime"), QStringLiteral("900"), QStringLiteral("--disabled") });
    QVERIFY2(run.exitCode == 0, DESCRIBE(run));
    const int id = run.json().toObject().value(QLatin1String("id")).toInt();
    QCOMPARE(m_sandbox.service().client(id).value(QLatin1String("enabled")).toBool(), false);

    run = admin({ QStringLiteral("clients"), QStringLiteral("enable"), QString::number(id) });
    QVERIFY2(run.exitCode == 0, DESCRIBE(run));
    QCOMPARE(m_sandbox.service().client(id).value(QLatin1String("enabled")).toBool(), true);

    run = admin({ QStringLiteral("clients"), QStringLiteral("replace"), QString::number(id), QStringLiteral("--lifetime"), QStringLiteral("3600") });
    QVERIFY2(run.exitCode == 0, DESCRIBE(run));
    QCOMPARE(m_sandbox.service().client(id).value(QLatin1String("accessTokenLifetimeSeconds")).toInt(), 3600);

    run = admin({ QStringLiteral("clients"), QStringLiteral("rotate"), QString::number(id) });
    QVERIFY2(run.exitCode == 0, DESCRIBE(run));
    const QString clientId = run.json().toObject().value(QLatin1String("clientId")).toString();
    const QString secret = run.json().toObject().value(QLatin1String("clientSecret")).toString();
    QCOMPARE(secret, m_sandbox.service().clientSecret(id));

    run = jamf({ QStringLiteral("clients"), QStringLiteral("get"), QString::number(id) },
        { { QStringLiteral("JAMF_CLIENT_ID"), clientId }, { QStringLiteral("JAMF_CLIENT_SECRET"), secret } });
    QVERIFY2(run.exitCode == 0, DESCRIBE(run)); // the new secret works (API Auditor reads clients)

    run = admin({ QStringLiteral("clients"), QStringLiteral("delete"), QString::number(id) });
    QVERIFY2(run.exitCode == 0, DESCRIBE(run));
    QVERIFY(m_sandbox.service().client(id).isEmpty());
}

void tst_JamfCtl::exitCodes_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("password");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");

    QTest::newRow("usage: no command") << QStringList() << "admin" << 2 << "no command";
    QTest::newRow("usage: missing id") << words("roles get") << "admin" << 2 << "needs an ID";
    QTest::newRow("usage: bad verb") << words("clients fly 1") << "admin" << 2 << "unknown verb";
    QTest::newRow("not found") << words("roles get 9999") << "admin" << 3 << "not found";
    QTest::newRow("conflict: role in use") << words("roles delete 2") << "admin" << 4 << "used by the API client \"Patcher-Client\"";
    QTest::newRow("auth: wrong password") << words("roles list") << "nope" << 5 << "SSO";
    QTest::newRow("duplicate name") << words("roles create --display-name Patcher-Role") << "admin" << 1 << "unique";
}

void tst_JamfCtl::exitCodes()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, password);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const Run run = jamf(arguments, { { QStringLiteral("JAMF_USER"), QStringLiteral("admin") }, { QStringLiteral("JAMF_PASSWORD"), password } });
    QVERIFY2(run.exitCode == exitCode, DESCRIBE(run));
    QVERIFY2(run.err.contains(message.toUtf8()), DESCRIBE(run));
    QVERIFY(!run.err.contains(password.toUtf8()) || password == QLatin1String("admin"));
}

void tst_JamfCtl::userTokenInvalidatedOnExit()
{
    m_sandbox.service().revokeAllTokens();
    const Run run = admin({ QStringLiteral("privileges") });
    QVERIFY2(run.exitCode == 0, DESCRIBE(run));
    QVERIFY(run.json().toArray().size() > 500);
    QCOMPARE(m_sandbox.service().tokensIssued(QStringLiteral("basic")) > 0, true);
    QCOMPARE(m_sandbox.service().liveTokenCount(), 0);
}

void tst_JamfCtl::secretFromStdin()
{
    QList<HttpServerRequest> received;
    connect(m_sandbox.server(), &LoopbackHttpServer::requestReceived, this,
        [&received](const HttpServerRequest &request) { received << request; });
    const Run run = jamf({ QStringLiteral("--secret-stdin"), QStringLiteral("clients"), QStringLiteral("list") },
        { { QStringLiteral("JAMF_CLIENT_ID"), JamfDemoData::DemoClientId } }, JamfDemoData::DemoClientSecret.toUtf8() + "\n");
    QVERIFY2(run.exitCode == 0, DESCRIBE(run));
    QCOMPARE(run.json().toArray().size(), m_sandbox.service().clientCount());
    for (const HttpServerRequest &request : std::as_const(received))
        QVERIFY(!request.target.contains(JamfDemoData::DemoClientSecret.toUtf8())); // never in a URL
    disconnect(m_sandbox.server(), nullptr, this, nullptr);
}

void tst_JamfCtl::servedByTenantctlSandbox()
{
    // `tenantctl sandbox jamf` serves the demo tenant on its own; `tenantctl jamf` uses it.
    QProcess sandbox;
    sandbox.start(QStringLiteral(TENANTCTL_PATH), { QStringLiteral("sandbox"), QStringLiteral("jamf"), QStringLiteral("--port"), QStringLiteral("0") });
    QVERIFY(sandbox.waitForStarted(10000));
    while (!sandbox.canReadLine())
        QVERIFY2(sandbox.waitForReadyRead(20000), sandbox.readAllStandardError().constData());
    const QString url = QString::fromUtf8(sandbox.readLine().trimmed());
    QVERIFY2(url.startsWith(QLatin1String("http://127.0.0.1:")), qPrintable(url));
    const Run run = jamf({ QStringLiteral("clients"), QStringLiteral("list"), QStringLiteral("--name"), QStringLiteral("Patcher-Client") },
        { { QStringLiteral("JAMF_SERVER_URL"), url }, { QStringLiteral("JAMF_CLIENT_ID"), JamfDemoData::DemoClientId },
            { QStringLiteral("JAMF_CLIENT_SECRET"), JamfDemoData::DemoClientSecret } });
    QVERIFY2(run.exitCode == 0, DESCRIBE(run));
    QCOMPARE(run.json().toArray().size(), 1);
    sandbox.terminate();
    QVERIFY(sandbox.waitForFinished(10000));
}

QTEST_GUILESS_MAIN(tst_JamfCtl)
#include "tst_jamfctl.moc"
