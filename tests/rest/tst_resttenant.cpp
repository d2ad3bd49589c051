#include "auth/apikeyauth.h"
#include "auth/oauth2auth.h"
#include "loopbackhttpserver.h"
#include "resttenant.h"
#include "secrets/memorysecretstore.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
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

QTEST_GUILESS_MAIN(tst_RestTenant)
#include "tst_resttenant.moc"
