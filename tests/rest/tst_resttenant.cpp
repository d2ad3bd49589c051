#include "auth/apikeyauth.h"
#include "auth/oauth2auth.h"
#include "loopbackhttpserver.h"
#include "net/httpclient.h"
#include "net/requestlog.h"
#include "restfamily.h"
#include "resttenant.h"
#include "secrets/memorysecretstore.h"
#include "tenants/sessionmanager.h"
#include "tenants/tenantregistry.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QFile>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using TestSupport::await;

// A REST tenant's stored form: settings and resources in Tenant::options, its secrets' names, and
// the authentication built from it (API keys; OAuth2 with a refresh token kept in the secret store).
class tst_RestTenant : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void settingsAndResourcesInOptions();
    void badResourcesRefused();
    void secretPurposes();
    void apiKeyAuth_data();
    void apiKeyAuth();
    void defaultAuthLeftToTheCore();
    void refreshTokenKeptInSecretStoreOnly();
    void sessionUsesStoredRefreshTokenAfterRestart();
    void sessionOpensWithoutRefreshToken();
    void tlsPinnedOrRefused_data();
    void tlsPinnedOrRefused();

private:
    QNetworkAccessManager m_nam;
    MemorySecretStore m_store;
};

static Tenant restTenant(AuthKind auth = AuthKind::None)
{
    Tenant tenant;
    tenant.id = QStringLiteral("t-1");
    tenant.displayName = QStringLiteral("Demo API");
    tenant.family = QStringLiteral("rest");
    tenant.baseUrl = QUrl(QStringLiteral("https://api.example.org/v2/"));
    tenant.auth = auth;
    return tenant;
}

void tst_RestTenant::settingsAndResourcesInOptions()
{
    Tenant tenant = restTenant();
    RestSettings settings;
    settings.retries = 1;
    settings.ignoredStatuses = { 404 };
    tenant.options = settings.toOptions();
    RestResource users;
    users.name = QStringLiteral("Users");
    users.path = QStringLiteral("/users");
    users.itemsKey = QStringLiteral("data");
    users.paging.kind = RestPaging::Kind::OffsetLimit;
    RestTenant::setResources(&tenant, { users });
    QVERIFY(tenant.options.value(QStringLiteral("resources")).typeId() == QMetaType::QString); // JSON text, as the registry stores options

    RestSettings back;
    QString error;
    QVERIFY2(RestTenant::settings(tenant, &back, &error), qPrintable(error));
    QCOMPARE(back.baseUrl, tenant.baseUrl);
    QCOMPARE(back.retries, 1);
    QCOMPARE(back.ignoredStatuses, QSet<int> { 404 });
    QList<RestResource> resources;
    QVERIFY(RestTenant::resources(tenant, &resources, &error));
    QCOMPARE(resources.size(), 1);
    QCOMPARE(resources.first().toJson(), users.toJson());
}

void tst_RestTenant::badResourcesRefused()
{
    Tenant tenant = restTenant();
    tenant.options.insert(QStringLiteral("resources"), QStringLiteral(R"([{"name":"no path"}])"));
    QList<RestResource> resources;
    QString error;
    QVERIFY(!RestTenant::resources(tenant, &resources, &error));
    QVERIFY(error.contains(QLatin1String("path")));
    tenant.options.insert(QStringLiteral("resources"), QStringLiteral("{"));
    QVERIFY(!RestTenant::resources(tenant, &resources, &error));
}

void tst_RestTenant::secretPurposes()
{
    bool optional = true;
    QCOMPARE(RestTenant::secretPurposes(restTenant(AuthKind::Bearer), &optional), QStringList { SecretPurpose::Token });
    QVERIFY(!optional);
    const QStringList code = RestTenant::secretPurposes(restTenant(AuthKind::OAuth2AuthorizationCode), &optional);
    QVERIFY(code.contains(SecretPurpose::RefreshToken));
    QVERIFY(optional);
}

void tst_RestTenant::apiKeyAuth_data()
{
    QTest::addColumn<QString>("in");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("header") << "header" << "X-API-Key" << true;
    QTest::newRow("query") << "query" << "key" << true;
    QTest::newRow("cookie: refused") << "cookie" << "k" << false;
    QTest::newRow("no name: refused") << "header" << "" << false;
}

void tst_RestTenant::apiKeyAuth()
{
    QFETCH(QString, in);
    QFETCH(QString, name);
    QFETCH(bool, valid);
    Tenant tenant = restTenant(AuthKind::Bearer);
    tenant.options.insert(QStringLiteral("apiKeyIn"), in);
    tenant.options.insert(QStringLiteral("apiKeyName"), name);
    QString error;
    std::unique_ptr<AuthStrategy> auth(RestTenant::createAuth(tenant, { { SecretPurpose::Token, QStringLiteral("k") } }, &m_nam, &m_store, &error));
    QCOMPARE(bool(auth), valid);
    QCOMPARE(error.isEmpty(), valid);
    if (valid) {
        auto *key = qobject_cast<ApiKeyAuth *>(auth.get());
        QVERIFY(key);
        QCOMPARE(key->name(), name);
        QCOMPARE(key->placement() == ApiKeyAuth::Placement::Query, in == QLatin1String("query"));
    }
}

void tst_RestTenant::defaultAuthLeftToTheCore()
{
    QString error = QStringLiteral("stale");
    QVERIFY(!RestTenant::createAuth(restTenant(AuthKind::Basic), {}, &m_nam, &m_store, &error));
    QVERIFY(error.isEmpty());
}

void tst_RestTenant::refreshTokenKeptInSecretStoreOnly()
{
    LoopbackHttpServer server;
    QVERIFY(server.listen());
    QList<HttpServerRequest> received;
    server.setHandler([&](const HttpServerRequest &req, HttpResponder *r) {
        received << req;
        r->respondJson(200, R"({"access_token":"at-2","token_type":"Bearer","expires_in":300,"refresh_token":"rt-2"})");
    });
    Tenant tenant = restTenant(AuthKind::OAuth2AuthorizationCode);
    tenant.userName = QStringLiteral("desktop");
    tenant.options.insert(QStringLiteral("tokenUrl"), QString(server.baseUrl().toString() + QStringLiteral("/token")));
    tenant.options.insert(QStringLiteral("authorizationDetails"), QStringLiteral(R"([{"type":"x"}])"));
    QString error;
    std::unique_ptr<AuthStrategy> auth(RestTenant::createAuth(tenant,
        { { SecretPurpose::ClientSecret, QString() }, { SecretPurpose::RefreshToken, QStringLiteral("rt-1") } }, &m_nam, &m_store, &error));
    QVERIFY2(auth, qPrintable(error));
    bool ready = false;
    ApiError failure;
    auth->prepare(this, [&](const ApiError &e) { ready = true; failure = e; });
    QTRY_VERIFY(ready);
    QVERIFY2(!failure, qPrintable(failure.toString()));
    QCOMPARE(received.size(), 1);
    const QUrlQuery form(QString::fromUtf8(received.first().body));
    QCOMPARE(form.queryItemValue(QStringLiteral("grant_type")), QStringLiteral("refresh_token"));
    QCOMPARE(form.queryItemValue(QStringLiteral("refresh_token")), QStringLiteral("rt-1"));
    QCOMPARE(form.queryItemValue(QStringLiteral("client_id")), QStringLiteral("desktop"));
    QVERIFY(!form.hasQueryItem(QStringLiteral("authorization_details"))); // not on refresh
    QVERIFY(received.first().header("authorization").isEmpty());
    // The rotated refresh token went to the secret store.
    QTRY_COMPARE(m_store.keys(), QStringList { SecretStore::key(tenant.id, SecretPurpose::RefreshToken) });
    const auto stored = await(m_store.read(tenant.id, SecretPurpose::RefreshToken));
    QCOMPARE(stored.result.toString(), QStringLiteral("rt-2"));
}

// A REST tenant opened by the SessionManager (as the app does at start) signs in with the refresh
// token the keychain holds, stores the one the server rotates, and the next start uses that one.
void tst_RestTenant::sessionUsesStoredRefreshTokenAfterRestart()
{
    ServiceFamilies::add(std::make_unique<RestFamily>());
    LoopbackHttpServer server;
    QVERIFY(server.listen());
    QStringList refreshTokensSent;
    QList<QByteArray> authorizations;
    int issued = 0;
    server.setHandler([&](const HttpServerRequest &req, HttpResponder *r) {
        if (req.path == QLatin1String("/token")) {
            const QUrlQuery form(QString::fromUtf8(req.body));
            if (form.queryItemValue(QStringLiteral("grant_type")) != QLatin1String("refresh_token")) {
                r->respondJson(400, R"({"error":"invalid_grant","error_description":"sign in first"})");
                return;
            }
            refreshTokensSent << form.queryItemValue(QStringLiteral("refresh_token"));
            ++issued;
            r->respondJson(200, QStringLiteral(R"({"access_token":"at-%1","token_type":"Bearer","expires_in":300,"refresh_token":"rt-%2"})")
                                    .arg(issued).arg(issued + 1).toUtf8());
            return;
        }
        authorizations << req.header("authorization");
        r->respondJson(200, R"([{"id":1}])");
    });
    QTemporaryDir dir;
    const QString settingsFile = dir.filePath(QStringLiteral("tenants.ini"));
    MemorySecretStore keychain;
    RequestLog log;
    QString id;
    {
        TenantRegistry registry(settingsFile);
        Tenant tenant = restTenant(AuthKind::OAuth2AuthorizationCode);
        tenant.id.clear();
        tenant.baseUrl = server.baseUrl();
        tenant.userName = QStringLiteral("desktop");
        tenant.options.insert(QStringLiteral("tokenUrl"), QStringLiteral("/token"));
        tenant.options.insert(QStringLiteral("authorizationUrl"), QStringLiteral("/authorize"));
        id = registry.add(tenant);
        QVERIFY(!id.isEmpty());
        QVERIFY(!await(keychain.write(id, SecretPurpose::ClientSecret, QStringLiteral("client-secret-value"))).error);
        QVERIFY(!await(keychain.write(id, SecretPurpose::RefreshToken, QStringLiteral("rt-1"))).error);
    }
    for (int start = 1; start <= 2; ++start) {
        TenantRegistry registry(settingsFile);
        SessionManager sessions(&registry, &keychain, &m_nam, &log);
        const auto opened = await(sessions.open(id));
        QVERIFY2(!opened.error, qPrintable(opened.error.toString()));
        auto *session = qobject_cast<RestSession *>(sessions.session(id));
        QVERIFY(session);
        const auto listed = await(session->client()->read(QStringLiteral("/things")));
        QVERIFY2(!listed.error, qPrintable(listed.error.toString()));
        QCOMPARE(refreshTokensSent.size(), start);
        QCOMPARE(refreshTokensSent.last(), QStringLiteral("rt-%1").arg(start)); // the one the keychain held
        QCOMPARE(authorizations.last(), QStringLiteral("Bearer at-%1").arg(start).toUtf8());
        QTRY_COMPARE(await(keychain.read(id, SecretPurpose::RefreshToken)).result.toString(), QStringLiteral("rt-%1").arg(start + 1));
    }
    // Neither the tokens nor the client secret are in the settings file.
    QFile file(settingsFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray stored = file.readAll();
    QVERIFY(!stored.isEmpty());
    for (const char *secret : { "rt-", "at-", "client-secret-value" })
        QVERIFY2(!stored.contains(secret), secret);
    ServiceFamilies::remove(RestFamily::Id);
}

// Before the first sign-in there is no refresh token: the session still opens.
void tst_RestTenant::sessionOpensWithoutRefreshToken()
{
    ServiceFamilies::add(std::make_unique<RestFamily>());
    QTemporaryDir dir;
    TenantRegistry registry(dir.filePath(QStringLiteral("tenants.ini")));
    MemorySecretStore keychain;
    Tenant tenant = restTenant(AuthKind::OAuth2ClientCredentials);
    tenant.id.clear();
    tenant.options.insert(QStringLiteral("tokenUrl"), QStringLiteral("/token"));
    const QString id = registry.add(tenant);
    QVERIFY(!await(keychain.write(id, SecretPurpose::ClientSecret, QStringLiteral("s"))).error);
    SessionManager sessions(&registry, &keychain, &m_nam, nullptr);
    const auto opened = await(sessions.open(id));
    QVERIFY2(!opened.error, qPrintable(opened.error.toString()));
    QVERIFY(sessions.session(id));
    // A required secret still is required.
    QVERIFY(!await(keychain.remove(id, SecretPurpose::ClientSecret)).error);
    sessions.close(id);
    const auto refused = await(sessions.open(id));
    QCOMPARE(refused.error.kind(), ApiError::Kind::NotFound);
    ServiceFamilies::remove(RestFamily::Id);
}

void tst_RestTenant::tlsPinnedOrRefused_data()
{
    QTest::addColumn<QString>("pin");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("self-signed, no pin: refused, never silently accepted") << QString() << false;
    QTest::newRow("the server's fingerprint pinned: accepted") << "match" << true;
    QTest::newRow("another fingerprint pinned: refused") << "00ff" << false;
}

// A REST tenant's pinnedCertificate setting, as the session applies it: TLS stays verified, the pin
// accepts one self-signed certificate.
void tst_RestTenant::tlsPinnedOrRefused()
{
    QFETCH(QString, pin);
    QFETCH(bool, accepted);
    QTemporaryDir dir;
    QSslConfiguration tls;
    QByteArray fingerprint;
    QVERIFY(TestSupport::makeSelfSignedTls(dir.path(), &tls, &fingerprint));
    LoopbackHttpServer secure;
    QVERIFY(secure.listenTls(tls));
    secure.setHandler([](const HttpServerRequest &, HttpResponder *r) { r->respondJson(200, R"([{"id":1}])"); });
    ServiceFamilies::add(std::make_unique<RestFamily>());
    TenantRegistry registry(dir.filePath(QStringLiteral("tenants.ini")));
    Tenant tenant = restTenant();
    tenant.id.clear();
    tenant.baseUrl = secure.baseUrl();
    RestSettings settings;
    settings.retries = 0;
    if (!pin.isEmpty())
        settings.pinnedCertificate = pin == QLatin1String("match") ? fingerprint : pin.toLatin1();
    tenant.options = settings.toOptions();
    const QString id = registry.add(tenant);
    SessionManager sessions(&registry, &m_store, &m_nam, nullptr);
    QVERIFY(!await(sessions.open(id)).error);
    auto *session = qobject_cast<RestSession *>(sessions.session(id));
    QVERIFY(session);
    const auto read = await(session->client()->read(QStringLiteral("/things")));
    if (accepted) {
        QVERIFY2(!read.error, qPrintable(read.error.toString()));
        QCOMPARE(read.result.toArray().size(), 1);
    } else {
        QCOMPARE(read.error.kind(), ApiError::Kind::Tls);
        QCOMPARE(secure.requestCount(), 0);
    }
    ServiceFamilies::remove(RestFamily::Id);
}

QTEST_GUILESS_MAIN(tst_RestTenant)
#include "tst_resttenant.moc"
