// The Jamf Pro client against the in-process Jamf sandbox: settings, both auth modes (expiry,
// renewal, keep-alive, invalidation, single flight, 401 replay), paging, filters, every CRUD,
// rotation, error mapping, the probe, and the concurrency cap as the sandbox measured it.

#include "jamfauth.h"
#include "jamfclient.h"
#include "jamfdemodata.h"
#include "jamfprivileges.h"
#include "jamfsandbox.h"
#include "jamfservice.h"
#include "jamftestenv.h"
#include "loopbackhttpserver.h"
#include "secrets/secretstore.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>
#include <QUrlQuery>

using TestSupport::await;
using Mode = JamfSettings::Mode;

class tst_JamfClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void normalizeServerUrl_data();
    void normalizeServerUrl();
    void concurrencyRules();
    void factoryFromTenant();

    void userTokenKeepAliveAndInvalidation();
    void userTokenExpiredStartsOver();
    void ssoAccountIsExplained();
    void clientTokenRenewedSixtySecondsEarly();
    void shortTokenRenewedAtHalfLife();
    void singleFlightTokenRequest();
    void unauthorizedRenewsOnceAndReplays();
    void wrongClientSecretIsExplained();

    void rolesPagingSortAndFilter();
    void rolesCrud();
    void roleInUseExplained();
    void privilegeCatalogue();
    void clientsCrudEnableAndRotate();
    void missingPrivilegeNamed();
    void fetchManyUnderCap_data();
    void fetchManyUnderCap();
    void probeIdentity();

private:
    std::unique_ptr<JamfTestSession> admin() { return session(Mode::UserAccount, QStringLiteral("admin"), QStringLiteral("admin")); }
    std::unique_ptr<JamfTestSession> session(Mode mode, const QString &user, const QString &secret)
    {
        return std::make_unique<JamfTestSession>(m_sandbox->baseUrl(), mode, user, secret);
    }

    JamfSandbox *m_sandbox = nullptr;
    QList<HttpServerRequest> m_received;
};

void tst_JamfClient::init()
{
    m_sandbox = new JamfSandbox(this);
    QVERIFY(m_sandbox->start());
    m_sandbox->seedDemoData();
    m_received.clear();
    connect(m_sandbox->server(), &LoopbackHttpServer::requestReceived, this,
        [this](const HttpServerRequest &request) { m_received << request; });
}

void tst_JamfClient::cleanup()
{
    delete m_sandbox;
    m_sandbox = nullptr;
}

void tst_JamfClient::normalizeServerUrl_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected"); // empty = refused

    QTest::newRow("bare host") << "yourco.jamfcloud.com" << "https://yourco.jamfcloud.com";
    QTest::newRow("trailing slash") << "https://yourco.jamfcloud.com/" << "https://yourco.jamfcloud.com";
    QTest::newRow("path stripped") << "https://jss.example.com:8443/JSSResource/?x=1#y" << "https://jss.example.com:8443";
    QTest::newRow("http forced to https") << "http://jss.example.com" << "https://jss.example.com";
    QTest::newRow("host with port, no scheme") << "jss.example.com:8443" << "https://jss.example.com:8443";
    QTest::newRow("default port dropped") << "https://JSS.example.com:443/" << "https://jss.example.com";
    QTest::newRow("loopback keeps http") << "http://127.0.0.1:8080/api" << "http://127.0.0.1:8080";
    QTest::newRow("ftp refused") << "ftp://jss.example.com" << "";
    QTest::newRow("empty refused") << "  " << "";
    QTest::newRow("credentials refused") << "https://admin:pw@jss.example.com" << "";
    QTest::newRow("no host refused") << "https://" << "";
    QTest::newRow("unclosed IPv6 bracket refused") << "http://[::1" << "";
    QTest::newRow("scheme without colon refused") << "https//jss.example.com" << "";
    QTest::newRow("space in host refused") << "https://jss.exa mple.com" << "";
}

void tst_JamfClient::normalizeServerUrl()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QString error;
    const QUrl url = JamfSettings::normalizeServerUrl(input, &error);
    if (expected.isEmpty()) {
        QVERIFY(!url.isValid());
        QVERIFY(!error.isEmpty());
    } else {
        QCOMPARE(url.toString(), expected);
        QVERIFY(error.isEmpty());
    }
}

void tst_JamfClient::concurrencyRules()
{
    auto s = admin();
    QCOMPARE(s->client->concurrency(), 5);
    QString warning;
    QString error;
    QVERIFY(!s->client->setConcurrency(0, &warning, &error));
    QVERIFY(error.contains(QLatin1String("at least 1")));
    QCOMPARE(s->client->concurrency(), 5);
    error.clear();
    QVERIFY(s->client->setConcurrency(5, &warning, &error));
    QVERIFY(warning.isEmpty());
    QVERIFY(s->client->setConcurrency(8, &warning, &error));
    QVERIFY(warning.contains(QLatin1String("5")));
    QCOMPARE(s->client->concurrency(), 8);
}

void tst_JamfClient::factoryFromTenant()
{
    QNetworkAccessManager nam;
    Tenant tenant;
    tenant.displayName = QStringLiteral("Prod");
    tenant.family = QStringLiteral("jamf");
    tenant.baseUrl = QUrl(QStringLiteral("http://jss.example.com/"));
    tenant.auth = AuthKind::Basic;
    tenant.userName = QStringLiteral("alice");
    ApiError error;
    std::unique_ptr<JamfTokenAuth> user(createJamfAuth(tenant, { { SecretPurpose::Password, QStringLiteral("pw") } }, &nam, &error));
    QVERIFY(qobject_cast<JamfUserAuth *>(user.get()));
    QVERIFY(!user->describe().contains(QLatin1String("pw")));

    tenant.auth = AuthKind::OAuth2ClientCredentials;
    tenant.userName = QStringLiteral("client-1");
    std::unique_ptr<JamfTokenAuth> client(createJamfAuth(tenant, { { SecretPurpose::ClientSecret, QStringLiteral("s") } }, &nam, &error));
    QVERIFY(qobject_cast<JamfClientAuth *>(client.get()));
    QVERIFY(!createJamfAuth(tenant, { { SecretPurpose::Password, QStringLiteral("s") } }, &nam, &error));
    QCOMPARE(error.kind(), ApiError::Kind::NotFound);

    tenant.auth = AuthKind::Bearer;
    QVERIFY(!createJamfAuth(tenant, {}, &nam, &error));
    QCOMPARE(error.kind(), ApiError::Kind::Invalid);
    tenant.auth = AuthKind::Basic;
    tenant.baseUrl = QUrl(QStringLiteral("ftp://jss.example.com"));
    QVERIFY(!createJamfAuth(tenant, { { SecretPurpose::Password, QStringLiteral("pw") } }, &nam, &error));
    QCOMPARE(error.kind(), ApiError::Kind::Invalid);
    tenant.baseUrl = QUrl(QStringLiteral("https://jss.example.com"));
    tenant.options.insert(QStringLiteral("maxConcurrent"), 0);
    QVERIFY(!createJamfAuth(tenant, { { SecretPurpose::Password, QStringLiteral("pw") } }, &nam, &error));
    QVERIFY(error.message().contains(QLatin1String("at least 1")));
}

void tst_JamfClient::userTokenKeepAliveAndInvalidation()
{
    m_sandbox->service().setUserTokenLifetime(62); // valid for 2 s, given the 60 s lead
    auto s = admin();
    AWAIT_OK(first, s->client->getRole(QStringLiteral("1")));
    QCOMPARE(m_sandbox->service().tokensIssued(QStringLiteral("basic")), 1);
    QCOMPARE(m_received.first().path, QStringLiteral("/api/v1/auth/token"));
    QVERIFY(m_received.first().header("Authorization").startsWith("Basic "));
    QVERIFY(m_received.last().header("Authorization").startsWith("Bearer "));
    const QByteArray firstToken = m_received.last().header("Authorization");

    AWAIT_OK(second, s->client->getRole(QStringLiteral("2")));
    QCOMPARE(s->auth->tokenRequestCount(), 1); // still valid: reused

    QTest::qWait(2200); // now within 60 s of its expiry: kept alive, not re-created
    AWAIT_OK(third, s->client->getRole(QStringLiteral("3")));
    QCOMPARE(m_sandbox->service().tokensIssued(QStringLiteral("keep-alive")), 1);
    QCOMPARE(m_sandbox->service().tokensIssued(QStringLiteral("basic")), 1);
    const HttpServerRequest keepAlive = m_received.at(m_received.size() - 2);
    QCOMPARE(keepAlive.path, QStringLiteral("/api/v1/auth/keep-alive"));
    QCOMPARE(keepAlive.header("Authorization"), firstToken);
    QVERIFY(m_received.last().header("Authorization") != firstToken);
    QCOMPARE(m_sandbox->service().liveTokenCount(), 1); // keep-alive ended the old token

    s->close(); // closing the session invalidates the token on the server
    QTRY_COMPARE(m_sandbox->service().liveTokenCount(), 0);
    QCOMPARE(m_received.last().path, QStringLiteral("/api/v1/auth/invalidate-token"));
}

void tst_JamfClient::userTokenExpiredStartsOver()
{
    m_sandbox->service().setUserTokenLifetime(1);
    auto s = admin();
    s->auth->setRenewalLead(0); // use the token to its very end
    AWAIT_OK(first, s->client->getRole(QStringLiteral("1")));
    QTest::qWait(1300); // expired: keep-alive is no use, Basic again
    AWAIT_OK(second, s->client->getRole(QStringLiteral("1")));
    QCOMPARE(m_sandbox->service().tokensIssued(QStringLiteral("basic")), 2);
    QCOMPARE(m_sandbox->service().tokensIssued(QStringLiteral("keep-alive")), 0);
}

void tst_JamfClient::ssoAccountIsExplained()
{
    auto s = session(Mode::UserAccount, QStringLiteral("sso.user@example.com"), QStringLiteral("sso"));
    AWAIT_FAIL(result, s->client->listRoles());
    QCOMPARE(result.error.kind(), ApiError::Kind::Auth);
    QCOMPARE(result.error.httpStatus(), 401);
    QVERIFY2(result.error.message().contains(QLatin1String("SSO")), qPrintable(result.error.message()));
    QCOMPARE(m_received.size(), 1); // no request went out without a token
}

void tst_JamfClient::clientTokenRenewedSixtySecondsEarly()
{
    const QJsonObject demo = m_sandbox->service().client(1);
    QCOMPARE(demo.value(QLatin1String("clientId")).toString(), JamfDemoData::DemoClientId);
    // A lifetime of 62 s: the client treats the token as expired after 2 s.
    m_sandbox->service().addClient(QStringLiteral("Short"), { QStringLiteral("TenantDesk Demo") }, true, 62,
        QStringLiteral("short-client"), QStringLiteral("short-secret"));
    auto s = session(Mode::ApiClient, QStringLiteral("short-client"), QStringLiteral("short-secret"));
    AWAIT_OK(first, s->client->getRole(QStringLiteral("1")));
    const HttpServerRequest token = m_received.first();
    QCOMPARE(token.path, QStringLiteral("/api/oauth/token"));
    QVERIFY(token.header("Content-Type").startsWith("application/x-www-form-urlencoded"));
    const QUrlQuery form(QString::fromUtf8(token.body));
    QCOMPARE(form.queryItemValue(QStringLiteral("grant_type")), QStringLiteral("client_credentials"));
    QCOMPARE(form.queryItemValue(QStringLiteral("client_id")), QStringLiteral("short-client"));
    QCOMPARE(form.queryItemValue(QStringLiteral("client_secret")), QStringLiteral("short-secret"));
    QVERIFY(token.header("Authorization").isEmpty());
    QVERIFY(!token.target.contains("secret")); // never in the URL

    AWAIT_OK(second, s->client->getRole(QStringLiteral("1")));
    QCOMPARE(m_sandbox->service().tokensIssued(QStringLiteral("oauth")), 1);
    QTest::qWait(2200);
    AWAIT_OK(third, s->client->getRole(QStringLiteral("1")));
    QCOMPARE(m_sandbox->service().tokensIssued(QStringLiteral("oauth")), 2);
}

void tst_JamfClient::shortTokenRenewedAtHalfLife()
{
    // 4 s tokens: a 60 s lead would renew on every request; half-life is used instead.
    m_sandbox->service().addClient(QStringLiteral("Brief"), { QStringLiteral("TenantDesk Demo") }, true, 4,
        QStringLiteral("brief-client"), QStringLiteral("brief-secret"));
    auto s = session(Mode::ApiClient, QStringLiteral("brief-client"), QStringLiteral("brief-secret"));
    for (int i = 0; i < 3; ++i) {
        AWAIT_OK(read, s->client->getRole(QStringLiteral("1")));
    }
    QCOMPARE(m_sandbox->service().tokensIssued(QStringLiteral("oauth")), 1);
    QTest::qWait(2100);
    AWAIT_OK(later, s->client->getRole(QStringLiteral("1")));
    QCOMPARE(m_sandbox->service().tokensIssued(QStringLiteral("oauth")), 2);
}

void tst_JamfClient::singleFlightTokenRequest()
{
    auto s = session(Mode::ApiClient, JamfDemoData::DemoClientId, JamfDemoData::DemoClientSecret);
    QStringList ids;
    for (int i = 1; i <= 20; ++i)
        ids << QString::number(1 + i % 10);
    AWAIT_OK(all, s->client->getRoles(ids));
    QCOMPARE(all.result.toArray().size(), 20);
    QCOMPARE(m_sandbox->service().tokensIssued(QStringLiteral("oauth")), 1);
}

void tst_JamfClient::unauthorizedRenewsOnceAndReplays()
{
    auto s = session(Mode::ApiClient, JamfDemoData::DemoClientId, JamfDemoData::DemoClientSecret);
    AWAIT_OK(first, s->client->getRole(QStringLiteral("1")));
    m_sandbox->service().revokeAllTokens();
    m_received.clear();
    AWAIT_OK(second, s->client->getRole(QStringLiteral("2")));
    QCOMPARE(m_received.size(), 3); // 401, token, replay
    QCOMPARE(m_received.at(1).path, QStringLiteral("/api/oauth/token"));
    QCOMPARE(second.result.toObject().value(QLatin1String("id")).toString(), QStringLiteral("2"));
}

void tst_JamfClient::wrongClientSecretIsExplained()
{
    auto s = session(Mode::ApiClient, JamfDemoData::DemoClientId, QStringLiteral("wrong"));
    AWAIT_FAIL(result, s->client->getRole(QStringLiteral("1")));
    QCOMPARE(result.error.kind(), ApiError::Kind::Auth);
    QCOMPARE(result.error.serviceCode(), QStringLiteral("invalid_client"));
    QVERIFY(result.error.message().contains(JamfDemoData::DemoClientId));
    QVERIFY(!result.error.message().contains(QLatin1String("wrong")));
}

void tst_JamfClient::rolesPagingSortAndFilter()
{
    for (int i = 0; i < 200; ++i)
        m_sandbox->service().addRole(QStringLiteral("Bulk role %1").arg(i, 3, 10, QLatin1Char('0')), { QStringLiteral("Read Computers") });
    const int total = m_sandbox->service().roleCount();
    auto s = admin();
    m_received.clear();
    JamfListOptions options;
    options.pageSize = 40;
    JamfListJob *list = s->client->listRoles(options);
    QSignalSpy pages(list, &JamfListJob::page);
    AWAIT_OK(all, list);
    QCOMPARE(all.result.toArray().size(), total);
    QCOMPARE(pages.size(), (total + 39) / 40);
    const QUrlQuery lastQuery(m_received.last().query);
    QCOMPARE(lastQuery.queryItemValue(QStringLiteral("page")), QString::number(pages.size() - 1));
    QCOMPARE(lastQuery.queryItemValue(QStringLiteral("page-size")), QStringLiteral("40"));

    options.pageSize = 100;
    options.sort = { QStringLiteral("displayName:desc") };
    options.filter = JamfRsql::displayNameIs(QStringLiteral("Bulk role 01"), true);
    AWAIT_OK(filtered, s->client->listRoles(options));
    const QJsonArray items = filtered.result.toArray();
    QCOMPARE(items.size(), 10); // 010 … 019
    QCOMPARE(items.first().toObject().value(QLatin1String("displayName")).toString(), QStringLiteral("Bulk role 019"));
    QCOMPARE(QUrlQuery(m_received.last().query).queryItemValue(QStringLiteral("filter"), QUrl::FullyDecoded),
        QStringLiteral("displayName==\"*Bulk role 01*\""));

    options.filter = QStringLiteral("owner==\"x\"");
    AWAIT_FAIL(bad, s->client->listRoles(options));
    QCOMPARE(bad.error.httpStatus(), 400);
    QCOMPARE(bad.error.serviceCode(), QStringLiteral("INVALID_FIELD"));
}

void tst_JamfClient::rolesCrud()
{
    auto s = admin();
    JamfRole role;
    role.displayName = QStringLiteral("Inventory Reader");
    role.privileges = { QStringLiteral("Read Computers"), QStringLiteral("Read Mobile Devices") };
    AWAIT_OK(created, s->client->createRole(role));
    role = JamfRole::fromJson(created.result.toObject());
    QVERIFY(!role.id.isEmpty());
    QCOMPARE(m_sandbox->service().role(role.id).value(QLatin1String("displayName")).toString(), role.displayName);

    AWAIT_FAIL(duplicate, s->client->createRole(role));
    QCOMPARE(duplicate.error.httpStatus(), 400);
    QCOMPARE(duplicate.error.serviceCode(), QStringLiteral("DUPLICATE_FIELD"));
    QVERIFY(duplicate.error.message().contains(QLatin1String("displayName")));

    role.privileges << QStringLiteral("Read Buildings");
    AWAIT_OK(replaced, s->client->replaceRole(role));
    QCOMPARE(m_sandbox->service().role(role.id).value(QLatin1String("privileges")).toArray().size(), 3);
    AWAIT_OK(read, s->client->getRole(role.id));
    QCOMPARE(JamfRole::fromJson(read.result.toObject()).privileges, role.privileges);

    JamfRole bogus = role;
    bogus.privileges = { QStringLiteral("Read Unicorns") };
    AWAIT_FAIL(invalid, s->client->replaceRole(bogus));
    QVERIFY(invalid.error.message().contains(QLatin1String("Read Unicorns")));

    AWAIT_OK(deleted, s->client->deleteRole(role.id));
    QVERIFY(m_sandbox->service().role(role.id).isEmpty());
    AWAIT_FAIL(gone, s->client->getRole(role.id));
    QVERIFY(gone.error.isNotFound());
    AWAIT_FAIL(empty, s->client->deleteRole(QString()));
    QCOMPARE(empty.error.kind(), ApiError::Kind::Invalid);
}

void tst_JamfClient::roleInUseExplained()
{
    auto s = admin();
    AWAIT_FAIL(result, s->client->deleteRole(QStringLiteral("2"))); // Patcher-Role, used by Patcher-Client
    QCOMPARE(result.error.httpStatus(), 409);
    QCOMPARE(result.error.kind(), ApiError::Kind::Conflict);
    QVERIFY2(result.error.message().contains(QLatin1String("role \"Patcher-Role\" is used by the API client \"Patcher-Client\"")),
        qPrintable(result.error.message()));
    QVERIFY(!m_sandbox->service().role(QStringLiteral("2")).isEmpty());

    // Two clients: both named.
    m_sandbox->service().addClient(QStringLiteral("Second user"), { QStringLiteral("Patcher-Role") }, true, 600);
    AWAIT_FAIL(two, s->client->deleteRole(QStringLiteral("2")));
    QVERIFY2(two.error.message().contains(QLatin1String("API clients \"Patcher-Client\", \"Second user\"")),
        qPrintable(two.error.message()));

    // An account that may delete roles but not read clients gets the general advice.
    m_sandbox->service().addAccount(QStringLiteral("roles-admin"), QStringLiteral("pw"),
        { QStringLiteral("Read API Roles"), QStringLiteral("Delete API Roles") });
    auto limited = session(Mode::UserAccount, QStringLiteral("roles-admin"), QStringLiteral("pw"));
    AWAIT_FAIL(general, limited->client->deleteRole(QStringLiteral("2")));
    QCOMPARE(general.error.httpStatus(), 409);
    QVERIFY2(general.error.message().contains(QLatin1String("still assigned to an API client")), qPrintable(general.error.message()));
    QVERIFY(!m_sandbox->service().role(QStringLiteral("2")).isEmpty());
}

void tst_JamfClient::privilegeCatalogue()
{
    auto s = admin();
    AWAIT_OK(result, s->client->privileges());
    QCOMPARE(result.result.toArray().size(), JamfPrivileges::catalogue().size());
    QVERIFY(JamfPrivileges::catalogue().size() > 500);
    QVERIFY(JamfPrivileges::catalogue().contains(QLatin1String("Create API Integrations")));
    QCOMPARE(JamfPrivileges::objectOf(QStringLiteral("Read Mobile Devices")), QStringLiteral("Mobile Devices"));
    QCOMPARE(JamfPrivileges::requiredFor("DELETE", QStringLiteral("/api/v1/api-roles/7")), QStringList { QStringLiteral("Delete API Roles") });
    QCOMPARE(JamfPrivileges::requiredFor("POST", QStringLiteral("/api/v1/api-integrations/7/client-credentials")),
        QStringList { QStringLiteral("Create API Integrations") });
}

void tst_JamfClient::clientsCrudEnableAndRotate()
{
    auto s = admin();
    JamfApiClient client;
    client.displayName = QStringLiteral("Reporting");
    client.authorizationScopes = { QStringLiteral("API Auditor") };
    client.accessTokenLifetimeSeconds = 900;
    AWAIT_OK(created, s->client->createClient(client));
    client = JamfApiClient::fromJson(created.result.toObject());
    QVERIFY(client.id > 0);
    QVERIFY(!client.clientId.isEmpty());
    QCOMPARE(client.appType, QStringLiteral("NONE"));

    AWAIT_FAIL(duplicate, s->client->createClient(client));
    QCOMPARE(duplicate.error.serviceCode(), QStringLiteral("DUPLICATE_FIELD"));

    client.authorizationScopes << QStringLiteral("Computers Reader");
    client.accessTokenLifetimeSeconds = 3600;
    AWAIT_OK(replaced, s->client->replaceClient(client));
    QCOMPARE(m_sandbox->service().client(client.id).value(QLatin1String("accessTokenLifetimeSeconds")).toInt(), 3600);

    AWAIT_OK(disabled, s->client->setClientEnabled(client.id, false));
    QCOMPARE(m_sandbox->service().client(client.id).value(QLatin1String("enabled")).toBool(), false);
    AWAIT_OK(enabled, s->client->setClientEnabled(client.id, true));
    QCOMPARE(m_sandbox->service().client(client.id).value(QLatin1String("enabled")).toBool(), true);

    AWAIT_OK(rotated, s->client->rotateCredentials(client.id));
    const QString secret = rotated.result.toObject().value(QLatin1String("clientSecret")).toString();
    QCOMPARE(rotated.result.toObject().value(QLatin1String("clientId")).toString(), client.clientId);
    QCOMPARE(secret, m_sandbox->service().clientSecret(client.id));
    {
        auto asClient = session(Mode::ApiClient, client.clientId, secret);
        AWAIT_OK(works, asClient->client->listClients());
    }
    AWAIT_OK(again, s->client->rotateCredentials(client.id));
    {
        auto old = session(Mode::ApiClient, client.clientId, secret); // the rotated-out secret
        AWAIT_FAIL(refused, old->client->listClients());
        QCOMPARE(refused.error.kind(), ApiError::Kind::Auth);
    }

    AWAIT_OK(deleted, s->client->deleteClient(client.id));
    QVERIFY(m_sandbox->service().client(client.id).isEmpty());
    AWAIT_FAIL(gone, s->client->getClient(client.id));
    QVERIFY(gone.error.isNotFound());
}

void tst_JamfClient::missingPrivilegeNamed()
{
    auto s = session(Mode::UserAccount, QStringLiteral("auditor"), QStringLiteral("auditor"));
    AWAIT_OK(list, s->client->listRoles());
    JamfRole role;
    role.displayName = QStringLiteral("Nope");
    AWAIT_FAIL(result, s->client->createRole(role));
    QCOMPARE(result.error.httpStatus(), 403);
    QVERIFY2(result.error.message().contains(QLatin1String("\"Create API Roles\"")), qPrintable(result.error.message()));
    AWAIT_FAIL(rotate, s->client->rotateCredentials(1));
    QVERIFY(rotate.error.message().contains(QLatin1String("\"Create API Integrations\"")));
}

void tst_JamfClient::fetchManyUnderCap_data()
{
    QTest::addColumn<int>("cap");
    QTest::newRow("default 5") << 0;
    QTest::newRow("raised to 6") << 6; // Qt opens at most 6 connections per host: 6 is the real ceiling
    QTest::newRow("one at a time") << 1;
}

void tst_JamfClient::fetchManyUnderCap()
{
    QFETCH(int, cap);
    auto s = session(Mode::ApiClient, JamfDemoData::DemoClientId, JamfDemoData::DemoClientSecret);
    if (cap > 0)
        QVERIFY(s->client->setConcurrency(cap));
    const int expected = cap > 0 ? cap : 5;
    AWAIT_OK(token, s->client->getRole(QStringLiteral("1"))); // the token first, so it does not serialise the start
    m_sandbox->setLatency(cap == 1 ? 5 : 40);
    m_sandbox->server()->resetCounters();
    QList<int> ids;
    for (int i = 0; i < 50; ++i)
        ids << 1 + i % m_sandbox->service().clientCount();
    AWAIT_OK(all, s->client->getClients(ids));
    QCOMPARE(all.result.toArray().size(), 50);
    QCOMPARE(all.result.toArray().at(7).toObject().value(QLatin1String("id")).toInt(), ids.at(7)); // in order
    QCOMPARE(m_sandbox->server()->requestCount(), 50);
    QCOMPARE(m_sandbox->server()->maxInFlight(), expected);
    qInfo("50 parallel fetches, cap %d: the sandbox saw at most %d in flight", expected, m_sandbox->server()->maxInFlight());
}

void tst_JamfClient::probeIdentity()
{
    auto s = admin();
    AWAIT_OK(user, s->client->probe());
    QJsonObject identity = user.result.toObject();
    QCOMPARE(identity.value(QLatin1String("user")).toString(), QStringLiteral("admin"));
    QCOMPARE(identity.value(QLatin1String("authMethod")).toString(), QStringLiteral("user-account"));
    QVERIFY(identity.value(QLatin1String("serverVersion")).toString().startsWith(QLatin1String("11.")));
    QCOMPARE(identity.value(QLatin1String("capabilities")).toArray().size(), 2);
    QVERIFY(identity.value(QLatin1String("warnings")).toArray().isEmpty());

    // A client whose role reads roles only: the missing privilege is a warning, not a failure.
    m_sandbox->service().addRole(QStringLiteral("Roles only"), { QStringLiteral("Read API Roles") });
    m_sandbox->service().addClient(QStringLiteral("Roles only client"), { QStringLiteral("Roles only") }, true, 600,
        QStringLiteral("roles-only"), QStringLiteral("s3cret"));
    auto limited = session(Mode::ApiClient, QStringLiteral("roles-only"), QStringLiteral("s3cret"));
    QVERIFY(limited->client->setConcurrency(6));
    AWAIT_OK(client, limited->client->probe());
    identity = client.result.toObject();
    QCOMPARE(identity.value(QLatin1String("authMethod")).toString(), QStringLiteral("api-client"));
    QCOMPARE(identity.value(QLatin1String("user")).toString(), QStringLiteral("roles-only"));
    QCOMPARE(identity.value(QLatin1String("capabilities")).toArray(), QJsonArray { QStringLiteral("api-roles:read") });
    const QJsonArray warnings = identity.value(QLatin1String("warnings")).toArray();
    QCOMPARE(warnings.size(), 2); // concurrency above 5, and the missing privilege
    QVERIFY(warnings.at(1).toString().contains(QLatin1String("Read API Integrations")));

    auto sso = session(Mode::UserAccount, QStringLiteral("sso.user@example.com"), QStringLiteral("sso"));
    AWAIT_FAIL(refused, sso->client->probe());
    QVERIFY(refused.error.message().contains(QLatin1String("SSO")));
}

QTEST_GUILESS_MAIN(tst_JamfClient)
#include "tst_jamfclient.moc"
