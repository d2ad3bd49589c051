#include "auth/oauth2signin.h"
#include "loopbackhttpserver.h"
#include "restconnectioncontroller.h"
#include "resttenant.h"
#include "secrets/memorysecretstore.h"
#include "tenants/tenantregistry.h"
#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using TestSupport::await;

// The REST connection wizard's controller: URL check, connection check with each kind of
// credentials (what the server received), OpenAPI import from a file and a URL, and the commit
// (tenant in the registry, secrets only in the secret store; undone when a secret cannot be kept).
class tst_RestConnection : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void normaliseUrl_data();
    void normaliseUrl();
    void checkSendsTheDraftsCredentials_data();
    void checkSendsTheDraftsCredentials();
    void checkRefusedCredentials();
    void importFromFileAndUrl();
    void importRefusesOtherDocuments();
    void commitKeepsSecretsOutOfSettings();
    void commitUndoneWhenSecretCannotBeStored();
    void signInNeedsAuthorizationCode();

private:
    RestConnectionController::Draft draft() const;

    QTemporaryDir m_dir;
    QNetworkAccessManager *m_nam = nullptr;
    LoopbackHttpServer *m_server = nullptr;
    TenantRegistry *m_registry = nullptr;
    MemorySecretStore *m_store = nullptr;
    RestConnectionController *m_controller = nullptr;
    QList<HttpServerRequest> m_received;
    int m_status = 200;
};

void tst_RestConnection::init()
{
    m_nam = new QNetworkAccessManager(this);
    m_server = new LoopbackHttpServer(this);
    QVERIFY(m_server->listen());
    m_received.clear();
    m_status = 200;
    m_server->setHandler([this](const HttpServerRequest &req, HttpResponder *r) {
        m_received << req;
        if (req.path == QLatin1String("/openapi.json")) {
            QFile doc(QStringLiteral(TENANTDESK_REST_DATA "/library-openapi.json"));
            doc.open(QIODevice::ReadOnly);
            r->respond(200, { { "Content-Type", "application/json" } }, doc.readAll());
            return;
        }
        r->respondJson(m_status, R"({"version":"9.1"})");
    });
    QFile::remove(m_dir.filePath(QStringLiteral("tenants.ini")));
    m_registry = new TenantRegistry(m_dir.filePath(QStringLiteral("tenants.ini")), this);
    m_store = new MemorySecretStore(this);
    m_controller = new RestConnectionController(m_registry, m_store, m_nam, this);
}

void tst_RestConnection::cleanup()
{
    delete m_controller;
    delete m_registry;
    delete m_store;
    delete m_server;
    delete m_nam;
}

RestConnectionController::Draft tst_RestConnection::draft() const
{
    RestConnectionController::Draft draft;
    draft.displayName = QStringLiteral("Library");
    draft.baseUrl = m_server->baseUrl().resolved(QUrl(QStringLiteral("/api/")));
    return draft;
}

void tst_RestConnection::normaliseUrl_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::newRow("https with a path") << "https://api.example.org/v1" << true;
    QTest::newRow("spaces trimmed") << "  http://127.0.0.1:8080/  " << true;
    QTest::newRow("no scheme: https assumed") << "api.example.org" << true;
    QTest::newRow("unclosed IPv6 bracket") << "http://[::1" << false;
    QTest::newRow("scheme without colon") << "http//api.example.org" << false;
    QTest::newRow("ftp") << "ftp://example.org" << false;
    QTest::newRow("credentials in the URL") << "https://bob:pw@example.org" << false;
    QTest::newRow("fragment") << "https://example.org/#x" << false;
}

void tst_RestConnection::normaliseUrl()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QString error;
    const QUrl url = RestConnectionController::normaliseUrl(text, &error);
    QCOMPARE(url.isValid() && !url.isEmpty(), valid);
    QCOMPARE(error.isEmpty(), valid);
}

void tst_RestConnection::checkSendsTheDraftsCredentials_data()
{
    QTest::addColumn<int>("auth");
    QTest::addColumn<QString>("apiKeyIn");
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("none") << int(AuthKind::None) << "" << QByteArray("authorization") << QByteArray();
    QTest::newRow("basic") << int(AuthKind::Basic) << "" << QByteArray("authorization") << "Basic " + QByteArray("ada:pw").toBase64();
    QTest::newRow("bearer") << int(AuthKind::Bearer) << "" << QByteArray("authorization") << QByteArray("Bearer tok");
    QTest::newRow("API key header") << int(AuthKind::Bearer) << "header" << QByteArray("x-api-key") << QByteArray("tok");
    QTest::newRow("API key query") << int(AuthKind::Bearer) << "query" << QByteArray("?x-api-key") << QByteArray("tok");
}

void tst_RestConnection::checkSendsTheDraftsCredentials()
{
    QFETCH(int, auth);
    QFETCH(QString, apiKeyIn);
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, expected);
    RestConnectionController::Draft d = draft();
    d.auth = AuthKind(auth);
    d.userName = QStringLiteral("ada");
    d.apiKeyIn = apiKeyIn;
    d.apiKeyName = QStringLiteral("x-api-key");
    RestConnectionController::Secrets secrets;
    secrets.password = QStringLiteral("pw");
    secrets.token = QStringLiteral("tok");
    const auto outcome = await(m_controller->check(d, secrets, QStringLiteral("health")));
    QVERIFY2(!outcome.error, qPrintable(outcome.error.toString()));
    QCOMPARE(outcome.result[QLatin1String("serverVersion")].toString(), QStringLiteral("9.1"));
    QCOMPARE(m_received.size(), 1);
    QCOMPARE(m_received.first().path, QStringLiteral("/api/health"));
    if (header.startsWith('?'))
        QCOMPARE(m_received.first().query.queryItemValue(QString::fromLatin1(header.mid(1))).toLatin1(), expected);
    else
        QCOMPARE(m_received.first().header(header), expected);
}

void tst_RestConnection::checkRefusedCredentials()
{
    m_status = 401;
    RestConnectionController::Draft d = draft();
    d.auth = AuthKind::Bearer;
    const auto outcome = await(m_controller->check(d, { {}, QStringLiteral("wrong"), {}, {} }));
    QCOMPARE(outcome.error.kind(), ApiError::Kind::Auth);
}

void tst_RestConnection::importFromFileAndUrl()
{
    for (const QString &source : QStringList { QStringLiteral(TENANTDESK_REST_DATA "/library-openapi.json"),
             m_server->baseUrl().toString() + QStringLiteral("/openapi.json") }) {
        const auto outcome = await(m_controller->importOpenApi(source));
        QVERIFY2(!outcome.error, qPrintable(outcome.error.toString()));
        QCOMPARE(outcome.result[QLatin1String("title")].toString(), QStringLiteral("Library API"));
        const QList<RestResource> resources = RestConnectionController::resourcesOf(outcome.result);
        QStringList paths;
        for (const RestResource &resource : resources)
            paths << resource.path;
        paths.sort();
        QCOMPARE(paths, (QStringList { QStringLiteral("/authors"), QStringLiteral("/books"), QStringLiteral("/loans"), QStringLiteral("/members") }));
        QVERIFY(!outcome.result[QLatin1String("warnings")].toArray().isEmpty());
    }
}

void tst_RestConnection::importRefusesOtherDocuments()
{
    auto outcome = await(m_controller->importOpenApi(m_server->baseUrl().toString() + QStringLiteral("/not-openapi")));
    QCOMPARE(outcome.error.kind(), ApiError::Kind::Parse);
    outcome = await(m_controller->importOpenApi(m_dir.filePath(QStringLiteral("missing.json"))));
    QCOMPARE(outcome.error.kind(), ApiError::Kind::Invalid);
}

void tst_RestConnection::commitKeepsSecretsOutOfSettings()
{
    RestConnectionController::Draft d = draft();
    d.auth = AuthKind::Bearer;
    d.apiKeyIn = QStringLiteral("header");
    d.apiKeyName = QStringLiteral("X-API-Key");
    d.settings.retries = 2;
    RestResource books;
    books.name = QStringLiteral("Books");
    books.path = QStringLiteral("/books");
    d.resources = { books };
    const auto outcome = await(m_controller->commit(d, { {}, QStringLiteral("sup3r-s3cret-key"), {}, {} }));
    QVERIFY2(!outcome.error, qPrintable(outcome.error.toString()));
    const QString id = outcome.result.toString();
    const std::optional<Tenant> tenant = m_registry->tenant(id);
    QVERIFY(tenant);
    QCOMPARE(tenant->family, QStringLiteral("rest"));
    QCOMPARE(tenant->secretPurposes, QStringList { SecretPurpose::Token });
    QList<RestResource> resources;
    QString error;
    QVERIFY(RestTenant::resources(*tenant, &resources, &error));
    QCOMPARE(resources.size(), 1);
    QCOMPARE(tenant->options.value(QStringLiteral("retries")).toInt(), 2);
    QCOMPARE(await(m_store->read(id, SecretPurpose::Token)).result.toString(), QStringLiteral("sup3r-s3cret-key"));
    QFile ini(m_dir.filePath(QStringLiteral("tenants.ini")));
    QVERIFY(ini.open(QIODevice::ReadOnly));
    const QByteArray settings = ini.readAll();
    QVERIFY(settings.contains("X-API-Key"));
    QVERIFY(!settings.contains("sup3r"));
}

void tst_RestConnection::commitUndoneWhenSecretCannotBeStored()
{
    m_store->setUnavailable(QStringLiteral("no keychain in this test"));
    RestConnectionController::Draft d = draft();
    d.auth = AuthKind::Basic;
    d.userName = QStringLiteral("ada");
    const auto outcome = await(m_controller->commit(d, { QStringLiteral("pw"), {}, {}, {} }));
    QCOMPARE(outcome.error.kind(), ApiError::Kind::Unavailable);
    QVERIFY(m_registry->tenants().isEmpty());
}

void tst_RestConnection::signInNeedsAuthorizationCode()
{
    QString refresh;
    auto *job = TestSupport::keep(m_controller->signIn(draft(), {}, [](const QUrl &) { QFAIL("no browser for this"); }, &refresh));
    QVERIFY(TestSupport::waitFor(job));
    QCOMPARE(job->error().kind(), ApiError::Kind::Invalid);
    delete job;
}

QTEST_GUILESS_MAIN(tst_RestConnection)
#include "tst_restconnection.moc"
