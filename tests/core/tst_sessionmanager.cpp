#include "loopbackhttpserver.h"
#include "net/httpclient.h"
#include "net/requestlog.h"
#include "secrets/memorysecretstore.h"
#include "tenants/sessionmanager.h"
#include "tenants/tenantregistry.h"
#include "testsupport.h"

#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using TestSupport::keep;
using TestSupport::waitFor;

// Tenants become ready clients with the right credentials, read from the secret store.
class tst_SessionManager : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void credentialsFromSecrets_data();
    void credentialsFromSecrets();
    void missingSecretNamesWhatIsMissing();
    void unknownTenant();
    void invalidConcurrencyOption();
    void activitySummedForStatusBar();
    void changedTenantReopens();

private:
    QString addTenant(AuthKind auth, const QVariantMap &options = {});

    QTemporaryDir m_dir;
    QNetworkAccessManager *m_nam = nullptr;
    LoopbackHttpServer *m_server = nullptr;
    RequestLog *m_log = nullptr;
    MemorySecretStore *m_secrets = nullptr;
    TenantRegistry *m_registry = nullptr;
    SessionManager *m_sessions = nullptr;
    QList<QByteArray> m_authorization;
};

void tst_SessionManager::init()
{
    m_nam = new QNetworkAccessManager(this);
    m_server = new LoopbackHttpServer(this);
    QVERIFY(m_server->listen());
    m_authorization.clear();
    m_server->setHandler([this](const HttpServerRequest &req, HttpResponder *r) {
        if (req.path == QLatin1String("/token")) {
            r->respondJson(200, R"({"access_token":"oauth-tok","token_type":"bearer","expires_in":3600})");
            return;
        }
        m_authorization << req.header("authorization");
        r->respondLater(req.path == QLatin1String("/slow") ? 300 : 0, 200, {}, "{}");
    });
    m_log = new RequestLog(this);
    m_secrets = new MemorySecretStore(this);
    m_registry = new TenantRegistry(m_dir.filePath(QStringLiteral("tenants-%1.ini").arg(QLatin1String(QTest::currentTestFunction()))), this);
    m_sessions = new SessionManager(m_registry, m_secrets, m_nam, m_log, this);
}

void tst_SessionManager::cleanup()
{
    delete m_sessions;
    delete m_registry;
    delete m_secrets;
    delete m_log;
    delete m_server;
    delete m_nam;
}

QString tst_SessionManager::addTenant(AuthKind auth, const QVariantMap &options)
{
    Tenant t;
    t.displayName = QStringLiteral("Lab");
    t.family = QStringLiteral("rest");
    t.baseUrl = m_server->baseUrl();
    t.auth = auth;
    t.userName = QStringLiteral("alice");
    t.options = options;
    QString error;
    const QString id = m_registry->add(t, &error);
    if (id.isEmpty())
        qWarning() << error;
    return id;
}

void tst_SessionManager::credentialsFromSecrets_data()
{
    QTest::addColumn<AuthKind>("auth");
    QTest::addColumn<QVariantMap>("options");
    QTest::addColumn<QStringList>("secrets"); // purpose=value
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("none") << AuthKind::None << QVariantMap() << QStringList() << QByteArray();
    QTest::newRow("basic") << AuthKind::Basic << QVariantMap() << QStringList { QStringLiteral("password=pw1") }
                           << "Basic " + QByteArray("alice:pw1").toBase64();
    QTest::newRow("bearer with custom type word") << AuthKind::Bearer << QVariantMap { { QStringLiteral("bearerType"), QStringLiteral("Bearer+OIDC") } }
                                                  << QStringList { QStringLiteral("token=abc") } << QByteArray("Bearer+OIDC abc");
    QTest::newRow("oauth2 client credentials") << AuthKind::OAuth2ClientCredentials
                                               << QVariantMap { { QStringLiteral("tokenUrl"), QStringLiteral("/token") } }
                                               << QStringList { QStringLiteral("client-secret=cs") } << QByteArray("Bearer oauth-tok");
}

void tst_SessionManager::credentialsFromSecrets()
{
    QFETCH(AuthKind, auth);
    QFETCH(QVariantMap, options);
    QFETCH(QStringList, secrets);
    QFETCH(QByteArray, expected);
    const QString id = addTenant(auth, options);
    QVERIFY(!id.isEmpty());
    for (const QString &pair : secrets) {
        const QStringList parts = pair.split(QLatin1Char('='));
        auto stored = std::unique_ptr<Job>(keep(m_registry->storeSecret(id, parts[0], parts[1], m_secrets)));
        QVERIFY(waitFor(stored.get()) && !stored->hasError());
    }
    QVERIFY(!m_sessions->client(id));
    auto opened = std::unique_ptr<Job>(keep(m_sessions->open(id)));
    QVERIFY(waitFor(opened.get()));
    QVERIFY2(!opened->hasError(), qPrintable(opened->error().toString()));
    HttpClient *client = m_sessions->client(id);
    QVERIFY(client);
    QCOMPARE(client->maxConcurrent(), 5);
    auto job = std::unique_ptr<HttpJob>(keep(client->send(HttpRequest("GET", QStringLiteral("/things")))));
    QVERIFY(waitFor(job.get()));
    QVERIFY2(!job->hasError(), qPrintable(job->error().toString()));
    QCOMPARE(m_authorization, QList<QByteArray> { expected });
    QCOMPARE(m_log->entries().constLast().tenant, QStringLiteral("Lab"));
}

void tst_SessionManager::missingSecretNamesWhatIsMissing()
{
    const QString id = addTenant(AuthKind::Basic);
    auto opened = std::unique_ptr<Job>(keep(m_sessions->open(id)));
    QVERIFY(waitFor(opened.get()));
    QCOMPARE(opened->error().kind(), ApiError::Kind::NotFound);
    QVERIFY2(opened->error().message().contains(QLatin1String("No password is stored for tenant \"Lab\"")),
        qPrintable(opened->error().message()));
    QVERIFY(!m_sessions->client(id));

    m_secrets->setUnavailable(QStringLiteral("no keyring"));
    opened.reset(keep(m_sessions->open(id)));
    QVERIFY(waitFor(opened.get()));
    QCOMPARE(opened->error().kind(), ApiError::Kind::Unavailable);
}

void tst_SessionManager::unknownTenant()
{
    auto opened = std::unique_ptr<Job>(keep(m_sessions->open(QStringLiteral("nope"))));
    QVERIFY(!opened->isFinished());
    QVERIFY(waitFor(opened.get()));
    QCOMPARE(opened->error().kind(), ApiError::Kind::NotFound);
}

void tst_SessionManager::invalidConcurrencyOption()
{
    const QString id = addTenant(AuthKind::None, { { QStringLiteral("maxConcurrent"), 0 } });
    auto opened = std::unique_ptr<Job>(keep(m_sessions->open(id)));
    QVERIFY(waitFor(opened.get()));
    QCOMPARE(opened->error().kind(), ApiError::Kind::Invalid);
    QVERIFY(opened->error().message().contains(QLatin1String("at least 1")));
}

void tst_SessionManager::activitySummedForStatusBar()
{
    const QString a = addTenant(AuthKind::None, { { QStringLiteral("maxConcurrent"), 1 } });
    const QString b = addTenant(AuthKind::None);
    for (const QString &id : { a, b }) {
        auto opened = std::unique_ptr<Job>(keep(m_sessions->open(id)));
        QVERIFY(waitFor(opened.get()) && !opened->hasError());
    }
    QSignalSpy activity(m_sessions, &SessionManager::activityChanged);
    QList<HttpJob *> jobs;
    for (int i = 0; i < 3; ++i)
        jobs << keep(m_sessions->client(a)->send(HttpRequest("GET", QStringLiteral("/slow"))));
    jobs << keep(m_sessions->client(b)->send(HttpRequest("GET", QStringLiteral("/slow"))));
    QTRY_COMPARE(m_sessions->inFlight(), 2); // one on a (its cap), one on b
    QCOMPARE(m_sessions->queued(), 2);
    for (HttpJob *job : jobs)
        QVERIFY(waitFor(job));
    qDeleteAll(jobs);
    QTRY_COMPARE(m_sessions->inFlight(), 0);
    QVERIFY(!activity.isEmpty());
    QCOMPARE(activity.constLast().at(0).toInt(), 0);
    QCOMPARE(activity.constLast().at(1).toInt(), 0);
}

void tst_SessionManager::changedTenantReopens()
{
    const QString id = addTenant(AuthKind::None);
    auto opened = std::unique_ptr<Job>(keep(m_sessions->open(id)));
    QVERIFY(waitFor(opened.get()));
    QVERIFY(m_sessions->client(id));
    Tenant t = *m_registry->tenant(id);
    t.displayName = QStringLiteral("Renamed");
    QVERIFY(m_registry->update(t));
    QVERIFY(!m_sessions->client(id)); // settings changed: the old session is gone
}

QTEST_GUILESS_MAIN(tst_SessionManager)
#include "tst_sessionmanager.moc"
