#include "auth/oauth2auth.h"
#include "loopbackhttpserver.h"
#include "net/httpclient.h"
#include "net/requestlog.h"
#include "testsupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using TestSupport::keep;
using TestSupport::waitFor;

// OAuth2 grants against a scripted token endpoint and resource server on loopback.
class tst_OAuth2 : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void clientCredentialsSingleFlight();
    void tokenCachedUntilShortlyBeforeExpiry_data();
    void tokenCachedUntilShortlyBeforeExpiry();
    void unauthorizedTriggersOneRefreshAndReplay();
    void persistent401FailsAfterOneReplay();
    void passwordGrantAndRefreshToken();
    void formFieldClientAuth();
    void tokenEndpointRefusal();
    void authorizationCodeFlow();
    void tokenRequestsRedactedInLog();

private:
    OAuth2Auth *installAuth(OAuth2Auth::Settings settings);
    QByteArray resourceAnswer(const HttpServerRequest &req);

    QNetworkAccessManager *m_nam = nullptr;
    LoopbackHttpServer *m_server = nullptr;
    HttpClient *m_client = nullptr;
    RequestLog *m_log = nullptr;
    QList<QUrlQuery> m_tokenForms;
    QList<QByteArray> m_tokenAuthHeaders;
    QList<QByteArray> m_resourceAuthHeaders;
    int m_expiresIn = 3600;
    int m_issued = 0;
    int m_rejectNextResourceCalls = 0;
    bool m_issueRefreshToken = false;
};

void tst_OAuth2::init()
{
    m_nam = new QNetworkAccessManager(this);
    m_server = new LoopbackHttpServer(this);
    QVERIFY(m_server->listen());
    m_log = new RequestLog(this);
    m_client = new HttpClient(m_nam, this);
    m_client->setBaseUrl(m_server->baseUrl());
    m_client->setRequestLog(m_log);
    m_tokenForms.clear();
    m_tokenAuthHeaders.clear();
    m_resourceAuthHeaders.clear();
    m_expiresIn = 3600;
    m_issued = 0;
    m_rejectNextResourceCalls = 0;
    m_issueRefreshToken = false;

    m_server->setHandler([this](const HttpServerRequest &req, HttpResponder *r) {
        if (req.path == QLatin1String("/oauth/token")) {
            const QUrlQuery form(QString::fromUtf8(req.body));
            m_tokenForms << form;
            m_tokenAuthHeaders << req.header("authorization");
            if (form.queryItemValue(QStringLiteral("client_id")) == QLatin1String("wrong")
                || req.header("authorization") == "Basic " + QByteArray("wrong:nope").toBase64()) {
                r->respondJson(401, R"({"error":"invalid_client","error_description":"Client authentication failed"})");
                return;
            }
            ++m_issued;
            QJsonObject token { { QStringLiteral("access_token"), QStringLiteral("tok-%1").arg(m_issued) },
                { QStringLiteral("token_type"), QStringLiteral("Bearer") }, { QStringLiteral("expires_in"), m_expiresIn } };
            if (m_issueRefreshToken)
                token.insert(QStringLiteral("refresh_token"), QStringLiteral("refresh-%1").arg(m_issued));
            // A little latency so that concurrent requests really wait on the same token request.
            r->respondLater(50, 200, { { "Content-Type", "application/json" } }, QJsonDocument(token).toJson());
            return;
        }
        m_resourceAuthHeaders << req.header("authorization");
        if (m_rejectNextResourceCalls > 0) {
            --m_rejectNextResourceCalls;
            r->respondJson(401, R"({"code":401,"errno":105,"error":"Unauthorized","message":"Token expired"})");
            return;
        }
        r->respondJson(200, "{\"auth\":\"" + req.header("authorization") + "\"}");
    });
}

void tst_OAuth2::cleanup()
{
    delete m_client;
    delete m_server;
    delete m_nam;
    delete m_log;
}

OAuth2Auth *tst_OAuth2::installAuth(OAuth2Auth::Settings settings)
{
    settings.tokenUrl = QUrl(m_server->baseUrl().toString() + QStringLiteral("/oauth/token"));
    auto *auth = new OAuth2Auth(m_nam, settings);
    m_client->setAuth(auth);
    return auth;
}

static OAuth2Auth::Settings clientCredentials()
{
    OAuth2Auth::Settings s;
    s.clientId = QStringLiteral("cid");
    s.clientSecret = QStringLiteral("csecret-xyz");
    s.scope = QStringLiteral("read write");
    return s;
}

void tst_OAuth2::clientCredentialsSingleFlight()
{
    OAuth2Auth *auth = installAuth(clientCredentials());
    QList<HttpJob *> jobs;
    for (int i = 0; i < 10; ++i)
        jobs << keep(m_client->send(HttpRequest("GET", QStringLiteral("/api/items/%1").arg(i))));
    for (HttpJob *job : jobs) {
        QVERIFY(waitFor(job));
        QVERIFY2(!job->hasError(), qPrintable(job->error().toString()));
    }
    qDeleteAll(jobs);
    QCOMPARE(m_tokenForms.size(), 1); // one token request for ten waiting requests
    QCOMPARE(auth->tokenRequestCount(), 1);
    const QUrlQuery form = m_tokenForms.first();
    QCOMPARE(form.queryItemValue(QStringLiteral("grant_type")), QStringLiteral("client_credentials"));
    QCOMPARE(form.queryItemValue(QStringLiteral("scope"), QUrl::FullyDecoded), QStringLiteral("read write"));
    QVERIFY(!form.hasQueryItem(QStringLiteral("client_secret"))); // Basic by default
    QCOMPARE(m_tokenAuthHeaders.first(), "Basic " + QByteArray("cid:csecret-xyz").toBase64());
    QCOMPARE(m_resourceAuthHeaders.size(), 10);
    for (const QByteArray &header : std::as_const(m_resourceAuthHeaders))
        QCOMPARE(header, QByteArray("Bearer tok-1"));

    auto later = std::unique_ptr<HttpJob>(keep(m_client->send(HttpRequest("GET", QStringLiteral("/api/again")))));
    QVERIFY(waitFor(later.get()));
    QCOMPARE(m_tokenForms.size(), 1); // cached
    QVERIFY(auth->hasValidToken());
}

void tst_OAuth2::tokenCachedUntilShortlyBeforeExpiry_data()
{
    QTest::addColumn<int>("expiresIn");
    QTest::addColumn<int>("expectedTokenRequests");
    QTest::newRow("an hour: reused") << 3600 << 1;
    QTest::newRow("20 s: inside the 30 s lead, refreshed each time") << 20 << 3;
}

void tst_OAuth2::tokenCachedUntilShortlyBeforeExpiry()
{
    QFETCH(int, expiresIn);
    QFETCH(int, expectedTokenRequests);
    m_expiresIn = expiresIn;
    installAuth(clientCredentials());
    for (int i = 0; i < 3; ++i) {
        auto job = std::unique_ptr<HttpJob>(keep(m_client->send(HttpRequest("GET", QStringLiteral("/api/x")))));
        QVERIFY(waitFor(job.get()));
        QVERIFY(!job->hasError());
    }
    QCOMPARE(m_tokenForms.size(), expectedTokenRequests);
}

void tst_OAuth2::unauthorizedTriggersOneRefreshAndReplay()
{
    installAuth(clientCredentials());
    auto warm = std::unique_ptr<HttpJob>(keep(m_client->send(HttpRequest("GET", QStringLiteral("/api/x")))));
    QVERIFY(waitFor(warm.get()));
    m_rejectNextResourceCalls = 1; // the server revoked tok-1
    auto job = std::unique_ptr<HttpJob>(keep(m_client->send(HttpRequest("GET", QStringLiteral("/api/y")))));
    QVERIFY(waitFor(job.get()));
    QVERIFY2(!job->hasError(), qPrintable(job->error().toString()));
    QCOMPARE(m_tokenForms.size(), 2);
    QCOMPARE(m_resourceAuthHeaders.mid(1), QList<QByteArray>({ "Bearer tok-1", "Bearer tok-2" }));
    QCOMPARE(job->result().toObject().value(QLatin1String("auth")).toString(), QStringLiteral("Bearer tok-2"));
}

void tst_OAuth2::persistent401FailsAfterOneReplay()
{
    installAuth(clientCredentials());
    m_rejectNextResourceCalls = 100;
    auto job = std::unique_ptr<HttpJob>(keep(m_client->send(HttpRequest("GET", QStringLiteral("/api/y")))));
    QVERIFY(waitFor(job.get()));
    QCOMPARE(job->error().httpStatus(), 401);
    QCOMPARE(job->error().kind(), ApiError::Kind::Auth);
    QCOMPARE(job->error().message(), QStringLiteral("Token expired"));
    QCOMPARE(m_resourceAuthHeaders.size(), 2); // the first try and one replay
    QCOMPARE(m_tokenForms.size(), 2);
}

void tst_OAuth2::passwordGrantAndRefreshToken()
{
    m_issueRefreshToken = true;
    OAuth2Auth::Settings s = clientCredentials();
    s.grant = OAuth2Auth::Grant::Password;
    s.username = QStringLiteral("alice");
    s.password = QStringLiteral("pw&=1");
    OAuth2Auth *auth = installAuth(s);
    QSignalSpy refreshChanged(auth, &OAuth2Auth::refreshTokenChanged);
    auto job = std::unique_ptr<HttpJob>(keep(m_client->send(HttpRequest("GET", QStringLiteral("/api/x")))));
    QVERIFY(waitFor(job.get()));
    QVERIFY(!job->hasError());
    QCOMPARE(m_tokenForms.first().queryItemValue(QStringLiteral("grant_type")), QStringLiteral("password"));
    QCOMPARE(m_tokenForms.first().queryItemValue(QStringLiteral("username")), QStringLiteral("alice"));
    QCOMPARE(m_tokenForms.first().queryItemValue(QStringLiteral("password"), QUrl::FullyDecoded), QStringLiteral("pw&=1"));
    QCOMPARE(refreshChanged.size(), 1);
    QCOMPARE(refreshChanged.first().first().toString(), QStringLiteral("refresh-1"));

    m_rejectNextResourceCalls = 1;
    job.reset(keep(m_client->send(HttpRequest("GET", QStringLiteral("/api/y")))));
    QVERIFY(waitFor(job.get()));
    QVERIFY(!job->hasError());
    QCOMPARE(m_tokenForms.size(), 2);
    QCOMPARE(m_tokenForms[1].queryItemValue(QStringLiteral("grant_type")), QStringLiteral("refresh_token"));
    QCOMPARE(m_tokenForms[1].queryItemValue(QStringLiteral("refresh_token")), QStringLiteral("refresh-1"));
    QCOMPARE(m_tokenAuthHeaders[1], QByteArray()); // refresh requests send no Basic auth
}

void tst_OAuth2::formFieldClientAuth()
{
    OAuth2Auth::Settings s = clientCredentials();
    s.clientAuth = OAuth2Auth::ClientAuth::FormFields; // as Jamf Pro's /api/oauth/token wants
    s.scope.clear();
    installAuth(s);
    auto job = std::unique_ptr<HttpJob>(keep(m_client->send(HttpRequest("GET", QStringLiteral("/api/x")))));
    QVERIFY(waitFor(job.get()));
    QVERIFY(!job->hasError());
    QCOMPARE(m_tokenForms.first().queryItemValue(QStringLiteral("client_id")), QStringLiteral("cid"));
    QCOMPARE(m_tokenForms.first().queryItemValue(QStringLiteral("client_secret")), QStringLiteral("csecret-xyz"));
    QVERIFY(!m_tokenForms.first().hasQueryItem(QStringLiteral("scope")));
    QCOMPARE(m_tokenAuthHeaders.first(), QByteArray());
}

void tst_OAuth2::tokenEndpointRefusal()
{
    OAuth2Auth::Settings s = clientCredentials();
    s.clientId = QStringLiteral("wrong");
    s.clientSecret = QStringLiteral("nope");
    installAuth(s);
    QList<HttpJob *> jobs;
    for (int i = 0; i < 3; ++i)
        jobs << keep(m_client->send(HttpRequest("GET", QStringLiteral("/api/%1").arg(i))));
    for (HttpJob *job : jobs) {
        QVERIFY(waitFor(job));
        QCOMPARE(job->error().kind(), ApiError::Kind::Auth);
        QVERIFY2(job->error().message().contains(QLatin1String("Client authentication failed")), qPrintable(job->error().message()));
        QCOMPARE(job->error().serviceCode(), QStringLiteral("invalid_client"));
    }
    qDeleteAll(jobs);
    QCOMPARE(m_resourceAuthHeaders.size(), 0); // nothing reached the resource server
    QCOMPARE(m_tokenForms.size(), 1);
}

void tst_OAuth2::authorizationCodeFlow()
{
    OAuth2Auth::Settings s = clientCredentials();
    s.grant = OAuth2Auth::Grant::AuthorizationCode;
    s.authorizationUrl = QUrl(QStringLiteral("https://login.example/authorize"));
    s.redirectUri = QUrl(QStringLiteral("http://127.0.0.1:8765/callback"));
    OAuth2Auth *auth = installAuth(s);

    // Without a token, requests fail with a message telling the user to sign in; nothing is sent.
    auto job = std::unique_ptr<HttpJob>(keep(m_client->send(HttpRequest("GET", QStringLiteral("/api/x")))));
    QVERIFY(waitFor(job.get()));
    QCOMPARE(job->error().kind(), ApiError::Kind::Auth);
    QVERIFY(job->error().message().contains(QLatin1String("Sign in")));
    QCOMPARE(m_resourceAuthHeaders.size(), 0);

    const QUrl url = auth->authorizationRequestUrl();
    const QUrlQuery query(url);
    QCOMPARE(query.queryItemValue(QStringLiteral("response_type")), QStringLiteral("code"));
    QCOMPARE(query.queryItemValue(QStringLiteral("client_id")), QStringLiteral("cid"));
    const QString state = query.queryItemValue(QStringLiteral("state"));
    QVERIFY(state.size() >= 32);

    QString code;
    QString returnedState;
    QVERIFY(OAuth2Auth::parseRedirect(QUrl(QStringLiteral("http://127.0.0.1:8765/callback?error=access_denied&error_description=User%20said%20no")), &code, &returnedState)
                .message().contains(QLatin1String("User said no")));
    QVERIFY(!OAuth2Auth::parseRedirect(QUrl(QStringLiteral("http://127.0.0.1:8765/callback?code=abc&state=") + state), &code, &returnedState));
    QCOMPARE(code, QStringLiteral("abc"));

    ApiError result(ApiError::Kind::Invalid, QStringLiteral("not called"));
    auth->exchangeCode(code, QStringLiteral("forged-state"), this, [&](const ApiError &e) { result = e; });
    QVERIFY(result.message().contains(QLatin1String("CSRF")));
    QCOMPARE(m_tokenForms.size(), 0);

    // The pending state was used up by the forged attempt: get a fresh one and complete the flow.
    const QString fresh = QUrlQuery(auth->authorizationRequestUrl()).queryItemValue(QStringLiteral("state"));
    bool done = false;
    auth->exchangeCode(code, fresh, this, [&](const ApiError &e) { result = e; done = true; });
    QTRY_VERIFY(done);
    QVERIFY2(!result.isError(), qPrintable(result.toString()));
    QCOMPARE(m_tokenForms.first().queryItemValue(QStringLiteral("grant_type")), QStringLiteral("authorization_code"));
    QCOMPARE(m_tokenForms.first().queryItemValue(QStringLiteral("code")), QStringLiteral("abc"));
    QCOMPARE(m_tokenForms.first().queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded), s.redirectUri.toString());
    job.reset(keep(m_client->send(HttpRequest("GET", QStringLiteral("/api/x")))));
    QVERIFY(waitFor(job.get()));
    QVERIFY(!job->hasError());

    // A state is good for one exchange only.
    done = false;
    auth->exchangeCode(code, fresh, this, [&](const ApiError &e) { result = e; done = true; });
    QVERIFY(done);
    QCOMPARE(result.kind(), ApiError::Kind::Auth);
}

void tst_OAuth2::tokenRequestsRedactedInLog()
{
    OAuth2Auth *auth = installAuth(clientCredentials());
    auth->tokenClient()->setRequestLog(m_log);
    auto job = std::unique_ptr<HttpJob>(keep(m_client->send(HttpRequest("GET", QStringLiteral("/api/x")))));
    QVERIFY(waitFor(job.get()));
    QCOMPARE(m_log->count(), 2);
    QVERIFY(m_log->entries().first().url.endsWith(QLatin1String("/oauth/token")));
    QVERIFY(!auth->describe().contains(QLatin1String("tok-1")));
    QVERIFY(!auth->describe().contains(QLatin1String("csecret-xyz")));
    for (const RequestLogEntry &entry : m_log->entries())
        QVERIFY(!entry.url.contains(QLatin1String("csecret")) && !entry.url.contains(QLatin1String("tok-1")));
}

QTEST_GUILESS_MAIN(tst_OAuth2)
#include "tst_oauth2.moc"
