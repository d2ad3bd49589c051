#include "auth/loopbackredirectlistener.h"
#include "auth/oauth2auth.h"
#include "auth/oauth2metadata.h"
#include "auth/oauth2signin.h"
#include "auth/pkce.h"
#include "externalserver.h"
#include "loopbackhttpserver.h"
#include "restclient.h"
#include "scriptedbrowser.h"
#include "testsupport.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using TestSupport::await;
using TestSupport::keep;
using TestSupport::waitFor;

// OAuth2 for REST tenants against a real authorization server: oidc-provider 8.8.1 run by
// tests/rest/oidc-server.mjs (or the one OAUTH_ISSUER_URL names, configured the same way):
// metadata-driven client authentication, client credentials, authorization code with PKCE through
// the loopback listener and a scripted browser, refresh, a wrong state and a wrong verifier refused.
// The password grant and RAR against a scripted in-process token endpoint.
class tst_RestOAuth : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();

    void pkceS256KnownAnswer();
    void clientAuthFromMetadata_data();
    void clientAuthFromMetadata();
    void listenerIsOneShot();

    void metadataChoosesFormClientAuth();
    void clientCredentials();
    void wrongClientSecretRefusedByServer();
    void authorizationCodeWithPkceThenRefresh();
    void wrongStateRefusedAndStateIsOneUse();
    void wrongVerifierRefusedByServer();
    void missingPkceRefusedByServer();

    void passwordGrantWithRarOnScriptedEndpoint();

private:
    bool needServer();
    OAuth2Auth::Settings desktopSettings();
    // Runs an authorization request in the scripted browser up to the loopback redirect.
    QUrl authorize(OAuth2Auth *auth, LoopbackRedirectListener *listener, const QList<QPair<QString, QString>> &extra);
    // A desktop-client auth (installed on m_http) that holds a code from the server, asked with `pkce`.
    OAuth2Auth *codeFromServer(const Pkce &pkce, QString *code, QString *state);
    // The machine client as the metadata says, with this secret, installed on m_http.
    OAuth2Auth *machine(const QString &secret);
    // prepare() and wait; returns the outcome.
    ApiError prepare(OAuth2Auth *auth);
    // Exchanges and waits; returns the outcome.
    ApiError exchange(OAuth2Auth *auth, const QString &code, const QString &state, const QString &verifier);

    ExternalServer m_server;
    QUrl m_issuer;
    QString m_skip;
    QJsonObject m_metadata;
    QNetworkAccessManager *m_nam = nullptr;
    HttpClient *m_http = nullptr;
};

void tst_RestOAuth::initTestCase()
{
    m_nam = new QNetworkAccessManager(this);
    m_issuer = QUrl(qEnvironmentVariable("OAUTH_ISSUER_URL"));
    if (m_issuer.isEmpty()) {
        const QString modules = ExternalServer::npmBin().isEmpty() ? QString() : QDir(ExternalServer::npmBin()).filePath(QStringLiteral(".."));
        if (modules.isEmpty()) {
            m_skip = QStringLiteral("oidc-provider is not installed (run `npm ci` in tests/servers; the test command does)");
            return;
        }
        if (!m_server.start(QStringLiteral("node"),
                { QStringLiteral(TENANTDESK_REST_DIR "/oidc-server.mjs"), QStringLiteral("{port}"), QDir::cleanPath(modules) },
                ExternalServer::freePort())) {
            m_skip = m_server.skipReason();
            return;
        }
        m_issuer = m_server.url();
    }
    HttpClient http(m_nam);
    const auto outcome = await(OAuth2Metadata::fetch(&http, m_issuer));
    QVERIFY2(!outcome.error, qPrintable(outcome.error.toString()));
    m_metadata = outcome.result.toObject();
}

void tst_RestOAuth::cleanupTestCase()
{
    m_server.stop();
}

void tst_RestOAuth::init()
{
    delete m_http;
    m_http = new HttpClient(m_nam, this);
}

bool tst_RestOAuth::needServer()
{
    return m_skip.isEmpty();
}

#define NEED_SERVER() \
    if (!needServer()) \
        QSKIP(qPrintable(m_skip));

void tst_RestOAuth::pkceS256KnownAnswer()
{
    // Computed independently: base64.urlsafe_b64encode(hashlib.sha256(verifier).digest()) in Python.
    QCOMPARE(Pkce::challengeFor(QStringLiteral("dBjftJeZ4CVP-mB92K27uhbUJU1p1r-wW1gFWFOEjXk")),
        QStringLiteral("NPsYzawS-__wqk67X9gyb4dr3JBo3hnlEi5MNyD5jX0"));
    const Pkce a = Pkce::generate(), b = Pkce::generate();
    QCOMPARE(a.verifier.size(), 43);
    QVERIFY(a.verifier != b.verifier);
    QCOMPARE(a.challenge, Pkce::challengeFor(a.verifier));
}

void tst_RestOAuth::clientAuthFromMetadata_data()
{
    QTest::addColumn<QByteArray>("metadata");
    QTest::addColumn<bool>("usable");
    QTest::addColumn<int>("clientAuth");
    QTest::newRow("absent: RFC 8414's default, Basic") << QByteArray("{}") << true << int(OAuth2Auth::ClientAuth::Basic);
    QTest::newRow("basic and post: Basic") << QByteArray(R"({"token_endpoint_auth_methods_supported":["client_secret_post","client_secret_basic"]})") << true << int(OAuth2Auth::ClientAuth::Basic);
    QTest::newRow("post only: form fields") << QByteArray(R"({"token_endpoint_auth_methods_supported":["client_secret_post","none"]})") << true << int(OAuth2Auth::ClientAuth::FormFields);
    QTest::newRow("private_key_jwt only: unusable") << QByteArray(R"({"token_endpoint_auth_methods_supported":["private_key_jwt"]})") << false << 0;
}

void tst_RestOAuth::clientAuthFromMetadata()
{
    QFETCH(QByteArray, metadata);
    QFETCH(bool, usable);
    QFETCH(int, clientAuth);
    OAuth2Auth::ClientAuth chosen = OAuth2Auth::ClientAuth::Basic;
    QCOMPARE(OAuth2Metadata::clientAuthFor(QJsonDocument::fromJson(metadata).object(), &chosen), usable);
    if (usable)
        QCOMPARE(int(chosen), clientAuth);
}

void tst_RestOAuth::listenerIsOneShot()
{
    auto *listener = keep(new LoopbackRedirectListener);
    QString error;
    QVERIFY2(listener->start(0, 5000, &error), qPrintable(error));
    const QUrl redirect = listener->redirectUri();
    QCOMPARE(redirect.host(), QStringLiteral("127.0.0.1"));
    QNetworkAccessManager nam;
    QNetworkReply *other = nam.get(QNetworkRequest(redirect.resolved(QUrl(QStringLiteral("/favicon.ico")))));
    QTRY_VERIFY(other->isFinished());
    QCOMPARE(other->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 404);
    QVERIFY(!listener->isFinished());
    QUrl withCode = redirect;
    withCode.setQuery(QStringLiteral("code=abc&state=xyz"));
    QNetworkReply *answer = nam.get(QNetworkRequest(withCode));
    QVERIFY(waitFor(listener));
    QCOMPARE(QUrl(listener->result().toString()), withCode);
    QTRY_VERIFY(answer->isFinished());
    QCOMPARE(answer->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QNetworkReply *again = nam.get(QNetworkRequest(withCode));
    QTRY_VERIFY(again->isFinished());
    QCOMPARE(again->error(), QNetworkReply::ConnectionRefusedError); // closed after one redirect
    delete listener;
    delete other;
    delete answer;
    delete again;
}

void tst_RestOAuth::metadataChoosesFormClientAuth()
{
    NEED_SERVER();
    OAuth2Auth::Settings settings;
    settings.clientId = QStringLiteral("machine");
    settings.clientSecret = QStringLiteral("machine-secret-0123456789abcdef");
    QString error;
    QVERIFY2(OAuth2Metadata::apply(m_metadata, &settings, &error), qPrintable(error));
    QCOMPARE(settings.clientAuth, OAuth2Auth::ClientAuth::FormFields);
    QCOMPARE(settings.tokenUrl, m_issuer.resolved(QUrl(QStringLiteral("/token"))));
    QCOMPARE(settings.authorizationUrl, m_issuer.resolved(QUrl(QStringLiteral("/auth"))));
}

OAuth2Auth *tst_RestOAuth::machine(const QString &secret)
{
    OAuth2Auth::Settings settings;
    settings.clientId = QStringLiteral("machine");
    settings.clientSecret = secret;
    settings.scope = QStringLiteral("api:read");
    QString error;
    if (!OAuth2Metadata::apply(m_metadata, &settings, &error))
        return nullptr;
    auto *auth = new OAuth2Auth(m_nam, settings);
    m_http->setAuth(auth);
    return auth;
}

ApiError tst_RestOAuth::prepare(OAuth2Auth *auth)
{
    bool ready = false;
    ApiError failure;
    auth->prepare(this, [&](const ApiError &e) { ready = true; failure = e; });
    if (!QTest::qWaitFor([&] { return ready; }, 15000))
        return ApiError(ApiError::Kind::Timeout, QStringLiteral("no answer"));
    return failure;
}

void tst_RestOAuth::clientCredentials()
{
    NEED_SERVER();
    OAuth2Auth *auth = machine(QStringLiteral("machine-secret-0123456789abcdef"));
    QVERIFY(auth);
    const ApiError failure = prepare(auth);
    QVERIFY2(!failure, qPrintable(failure.toString()));
    QVERIFY(auth->hasValidToken());
    // oidc-provider said 600 s: valid until 30 s before that.
    const qint64 left = QDateTime::currentDateTimeUtc().secsTo(auth->tokenExpiry());
    QVERIFY2(left > 590 && left <= 600, qPrintable(QString::number(left)));
    QCOMPARE(auth->tokenRequestCount(), 1);
    QVERIFY(!prepare(auth));
    QCOMPARE(auth->tokenRequestCount(), 1); // cached
}

void tst_RestOAuth::wrongClientSecretRefusedByServer()
{
    NEED_SERVER();
    OAuth2Auth *auth = machine(QStringLiteral("not-the-secret"));
    QVERIFY(auth);
    const ApiError failure = prepare(auth);
    QCOMPARE(failure.kind(), ApiError::Kind::Auth);
    QCOMPARE(failure.httpStatus(), 401);
    QCOMPARE(failure.serviceCode(), QStringLiteral("invalid_client"));
    QVERIFY(!failure.toString().contains(QLatin1String("not-the-secret")));
}

OAuth2Auth::Settings tst_RestOAuth::desktopSettings()
{
    OAuth2Auth::Settings settings;
    settings.grant = OAuth2Auth::Grant::AuthorizationCode;
    settings.clientId = QStringLiteral("desktop"); // a public client: no secret
    settings.scope = QStringLiteral("openid offline_access api:read");
    settings.redirectUri = QUrl(QStringLiteral("http://127.0.0.1/callback"));
    QString error;
    OAuth2Metadata::apply(m_metadata, &settings, &error);
    return settings;
}

void tst_RestOAuth::authorizationCodeWithPkceThenRefresh()
{
    NEED_SERVER();
    auto *auth = new OAuth2Auth(m_nam, desktopSettings());
    m_http->setAuth(auth);
    QSignalSpy refreshed(auth, &OAuth2Auth::refreshTokenChanged);
    ScriptedBrowser browser;
    QUrl opened;
    auto *signIn = keep(new OAuth2SignIn(auth, [&](const QUrl &url) {
        opened = url;
        browser.open(url);
    }));
    signIn->start(20000);
    QVERIFY(!signIn->isFinished()); // never finishes inside the call
    QVERIFY(waitFor(signIn, 20000));
    QVERIFY2(!signIn->hasError(), qPrintable(signIn->error().toString() + QLatin1Char('\n') + browser.visited().join(QLatin1Char('\n'))));
    delete signIn;

    const QUrlQuery asked(opened);
    QCOMPARE(asked.queryItemValue(QStringLiteral("code_challenge_method")), QStringLiteral("S256"));
    QCOMPARE(asked.queryItemValue(QStringLiteral("code_challenge")).size(), 43);
    QCOMPARE(asked.queryItemValue(QStringLiteral("state")).size(), 43);
    QVERIFY(QUrl(asked.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded)).port() > 0);
    QVERIFY(auth->hasValidToken());
    QCOMPARE(refreshed.size(), 1);
    QVERIFY(!refreshed.first().first().toString().isEmpty());
    QCOMPARE(auth->tokenRequestCount(), 1);

    // Refresh: the access token is dropped (as after a 401); the refresh-token grant brings a new one.
    QVERIFY(auth->invalidate());
    const ApiError failure = prepare(auth);
    QVERIFY2(!failure, qPrintable(failure.toString()));
    QCOMPARE(auth->tokenRequestCount(), 2);
    QVERIFY(auth->hasValidToken());
}

QUrl tst_RestOAuth::authorize(OAuth2Auth *auth, LoopbackRedirectListener *listener, const QList<QPair<QString, QString>> &extra)
{
    QString error;
    if (!listener->start(0, 20000, &error))
        return {};
    auth->setRedirectUri(listener->redirectUri());
    ScriptedBrowser browser;
    browser.open(auth->authorizationRequestUrl(extra));
    if (!waitFor(listener, 20000) || listener->hasError())
        return {};
    return QUrl(listener->result().toString());
}

OAuth2Auth *tst_RestOAuth::codeFromServer(const Pkce &pkce, QString *code, QString *state)
{
    auto *auth = new OAuth2Auth(m_nam, desktopSettings());
    m_http->setAuth(auth);
    std::unique_ptr<LoopbackRedirectListener> listener(keep(new LoopbackRedirectListener));
    const QUrl redirect = authorize(auth, listener.get(),
        { { QStringLiteral("code_challenge"), pkce.challenge }, { QStringLiteral("code_challenge_method"), QStringLiteral("S256") } });
    return OAuth2Auth::parseRedirect(redirect, code, state) ? nullptr : auth;
}

ApiError tst_RestOAuth::exchange(OAuth2Auth *auth, const QString &code, const QString &state, const QString &verifier)
{
    ApiError failure;
    bool done = false;
    auth->exchangeCode(code, state, this, [&](const ApiError &e) { done = true; failure = e; },
        { { QStringLiteral("code_verifier"), verifier } });
    if (!QTest::qWaitFor([&] { return done; }, 15000))
        return ApiError(ApiError::Kind::Timeout, QStringLiteral("no answer"));
    return failure;
}

void tst_RestOAuth::wrongStateRefusedAndStateIsOneUse()
{
    NEED_SERVER();
    const Pkce pkce = Pkce::generate();
    QString code, state;
    OAuth2Auth *auth = codeFromServer(pkce, &code, &state);
    QVERIFY(auth);
    ApiError failure = exchange(auth, code, QStringLiteral("forged-") + state, pkce.verifier);
    QCOMPARE(failure.kind(), ApiError::Kind::Auth);
    QVERIFY(failure.message().contains(QLatin1String("CSRF")));
    failure = exchange(auth, code, state, pkce.verifier);
    QCOMPARE(failure.kind(), ApiError::Kind::Auth); // the state was used up by the forged attempt
    QCOMPARE(auth->tokenRequestCount(), 0);         // nothing reached the server
}

void tst_RestOAuth::wrongVerifierRefusedByServer()
{
    NEED_SERVER();
    QString code, state;
    OAuth2Auth *auth = codeFromServer(Pkce::generate(), &code, &state);
    QVERIFY(auth);
    const ApiError failure = exchange(auth, code, state, Pkce::generate().verifier);
    QCOMPARE(auth->tokenRequestCount(), 1); // the server was asked, and said no
    QCOMPARE(failure.kind(), ApiError::Kind::Auth);
    QCOMPARE(failure.httpStatus(), 400);
    QVERIFY2(failure.serviceCode() == QLatin1String("invalid_grant") || failure.message().contains(QLatin1String("invalid_grant")),
        qPrintable(failure.toString()));
    QVERIFY(!auth->hasValidToken());
}

void tst_RestOAuth::missingPkceRefusedByServer()
{
    NEED_SERVER();
    auto *auth = new OAuth2Auth(m_nam, desktopSettings());
    m_http->setAuth(auth);
    std::unique_ptr<LoopbackRedirectListener> listener(keep(new LoopbackRedirectListener));
    const QUrl redirect = authorize(auth, listener.get(), {});
    QString code, state;
    const ApiError refused = OAuth2Auth::parseRedirect(redirect, &code, &state);
    QCOMPARE(refused.kind(), ApiError::Kind::Auth);
    QVERIFY2(refused.message().contains(QLatin1String("PKCE"), Qt::CaseInsensitive)
            || refused.message().contains(QLatin1String("code_challenge")),
        qPrintable(refused.message()));
}

void tst_RestOAuth::passwordGrantWithRarOnScriptedEndpoint()
{
    LoopbackHttpServer server;
    QVERIFY(server.listen());
    QList<HttpServerRequest> received;
    server.setHandler([&](const HttpServerRequest &req, HttpResponder *r) {
        received << req;
        if (req.path == QLatin1String("/oauth/token"))
            r->respondJson(200, R"({"access_token":"at-1","token_type":"Bearer","expires_in":3600})");
        else
            r->respondJson(200, R"([{"id":1}])");
    });
    OAuth2Auth::Settings settings;
    settings.tokenUrl = server.baseUrl().resolved(QUrl(QStringLiteral("/oauth/token")));
    settings.grant = OAuth2Auth::Grant::Password;
    settings.clientId = QStringLiteral("cli");
    settings.clientSecret = QStringLiteral("cli-secret");
    settings.username = QStringLiteral("alice");
    settings.password = QStringLiteral("pa ss&word");
    settings.authorizationDetails = QJsonArray { QJsonObject { { QStringLiteral("type"), QStringLiteral("account_information") },
        { QStringLiteral("actions"), QJsonArray { QStringLiteral("read") } } } };
    m_http->setAuth(new OAuth2Auth(m_nam, settings));
    RestSettings rest;
    rest.baseUrl = server.baseUrl();
    RestClient client(m_http, rest);
    const auto outcome = await(client.read(QStringLiteral("accounts")));
    QVERIFY2(!outcome.error, qPrintable(outcome.error.toString()));
    QCOMPARE(received.size(), 2);
    const QUrlQuery form(QString::fromUtf8(received.at(0).body));
    QCOMPARE(form.queryItemValue(QStringLiteral("grant_type")), QStringLiteral("password"));
    QCOMPARE(form.queryItemValue(QStringLiteral("username")), QStringLiteral("alice"));
    QCOMPARE(form.queryItemValue(QStringLiteral("password"), QUrl::FullyDecoded), QStringLiteral("pa ss&word"));
    const QJsonArray details = QJsonDocument::fromJson(form.queryItemValue(QStringLiteral("authorization_details"), QUrl::FullyDecoded).toUtf8()).array();
    QCOMPARE(details, settings.authorizationDetails);
    QCOMPARE(received.at(0).header("authorization"), "Basic " + QByteArray("cli:cli-secret").toBase64());
    QCOMPARE(received.at(1).header("authorization"), QByteArray("Bearer at-1"));
}

QTEST_GUILESS_MAIN(tst_RestOAuth)
#include "tst_restoauth.moc"
