// The network core against servers that misbehave on purpose (issue 8): redirects that would carry
// a body or a token request elsewhere, waits too long for a timer, servers that hang or drip,
// answers too large to hold. (A pinned certificate against a CA-vouched one: tst_httpclient.)

#include "auth/authstrategy.h"
#include "auth/oauth2auth.h"
#include "loopbackhttpserver.h"
#include "net/headervalues.h"
#include "net/httpclient.h"
#include "net/responsehook.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <memory>

using TestSupport::waitFor;

namespace {

// A server that answers every request with `head` and then sends `bodyBytes` one byte every
// `dripMs` (never, when dripMs is 0): a hung or dripping server.
class DrippingServer : public QTcpServer
{
public:
    QByteArray head;
    int bodyBytes = 0;
    int dripMs = 0;

    DrippingServer()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    if (!socket->readAll().contains("\r\n\r\n") || socket->property("answered").toBool())
                        return;
                    socket->setProperty("answered", true);
                    socket->write(head);
                    if (dripMs <= 0)
                        return;
                    auto *timer = new QTimer(socket);
                    connect(timer, &QTimer::timeout, socket, [this, socket, timer] {
                        const int sent = socket->property("sent").toInt();
                        if (sent >= bodyBytes)
                            return timer->stop();
                        socket->write("x");
                        socket->setProperty("sent", sent + 1);
                    });
                    timer->start(dripMs);
                });
            }
        });
    }
};

// Holds requests for whatever an "X-Hold" header asks, as a service hook would.
class HoldHook : public ResponseHook
{
public:
    QByteArray name() const override { return "test.hold"; }
    void inspect(HttpClient *client, const HttpResponse &response) override
    {
        if (const auto seconds = HeaderValues::delaySeconds(response.header("X-Hold")))
            client->holdRequests(*seconds * 1000, QStringLiteral("X-Hold"));
    }
};

} // namespace

class tst_HostileServers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void redirectsWithBody_data();
    void redirectsWithBody();
    void tokenRequestNeverFollowsRedirects();
    void tokenUrlMustBeHttps_data();
    void tokenUrlMustBeHttps();
    void backoffOnlyThroughAHook();
    void holdPastDeadlineSaysSo();
    void serverWaitsAreCapped_data();
    void serverWaitsAreCapped();
    void hungAndDrippingServers_data();
    void hungAndDrippingServers();
    void responseSizeLimit_data();
    void responseSizeLimit();
    void malformedAbsoluteUrlNeverRewritten_data();
    void malformedAbsoluteUrlNeverRewritten();

private:
    std::unique_ptr<HttpJob> sendAndWait(const HttpRequest &request, int timeoutMs = 15000);

    QNetworkAccessManager *m_nam = nullptr;
    LoopbackHttpServer *m_server = nullptr;
    HttpClient *m_client = nullptr;
};

void tst_HostileServers::init()
{
    m_nam = new QNetworkAccessManager(this);
    m_server = new LoopbackHttpServer(this);
    QVERIFY(m_server->listen());
    m_client = new HttpClient(m_nam, this);
    m_client->setBaseUrl(QUrl(m_server->baseUrl().toString() + QStringLiteral("/v1")));
    RetryPolicy none;
    none.maxRetries = 0;
    m_client->setRetryPolicy(none);
}

void tst_HostileServers::cleanup()
{
    delete m_client;
    delete m_server;
    delete m_nam;
}

std::unique_ptr<HttpJob> tst_HostileServers::sendAndWait(const HttpRequest &request, int timeoutMs)
{
    HttpJob *job = m_client->send(request);
    if (!waitFor(job, timeoutMs)) {
        delete job;
        return nullptr;
    }
    return std::unique_ptr<HttpJob>(job);
}

void tst_HostileServers::redirectsWithBody_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("where"); // "other" origin, "same" origin, or a literal Location
    QTest::addColumn<bool>("followed");
    QTest::addColumn<QByteArray>("bodyAtTarget");

    QTest::newRow("307 PUT to another origin: refused") << QByteArray("PUT") << 307 << "other" << false << QByteArray();
    QTest::newRow("308 PATCH to another origin: refused") << QByteArray("PATCH") << 308 << "other" << false << QByteArray();
    QTest::newRow("307 POST to another origin: refused") << QByteArray("POST") << 307 << "other" << false << QByteArray();
    QTest::newRow("307 PUT on the same origin: followed with its body") << QByteArray("PUT") << 307 << "same" << true << QByteArray(R"({"secret":"data"})");
    QTest::newRow("307 GET to another origin: followed") << QByteArray("GET") << 307 << "other" << true << QByteArray();
    QTest::newRow("303 POST to another origin: becomes a bodiless GET") << QByteArray("POST") << 303 << "other" << true << QByteArray();
    QTest::newRow("302 to file: refused") << QByteArray("GET") << 302 << "file:///etc/passwd" << false << QByteArray();
    QTest::newRow("308 to ftp: refused") << QByteArray("GET") << 308 << "ftp://127.0.0.1/x" << false << QByteArray();
}

void tst_HostileServers::redirectsWithBody()
{
    QFETCH(QByteArray, method);
    QFETCH(int, status);
    QFETCH(QString, where);
    QFETCH(bool, followed);
    QFETCH(QByteArray, bodyAtTarget);

    LoopbackHttpServer other;
    QVERIFY(other.listen());
    QList<HttpServerRequest> atOther;
    other.setHandler([&](const HttpServerRequest &req, HttpResponder *r) {
        atOther << req;
        r->respondJson(200, R"({"where":"other"})");
    });
    QList<HttpServerRequest> atLanding;
    QByteArray location = where.toUtf8();
    if (where == QLatin1String("other"))
        location = QStringLiteral("http://localhost:%1/landing").arg(other.port()).toUtf8();
    else if (where == QLatin1String("same"))
        location = "/v1/landing";
    m_server->setHandler([&](const HttpServerRequest &req, HttpResponder *r) {
        if (req.path == QLatin1String("/v1/start"))
            return r->respond(status, { { "Location", location } });
        atLanding << req;
        r->respondJson(200, R"({"where":"landing"})");
    });
    m_client->setAuth(new BearerAuth(QStringLiteral("tok-abc"), QStringLiteral("Bearer")));

    HttpRequest request(method, QStringLiteral("/start"));
    if (method != "GET")
        request.setJsonBody(QJsonObject { { QStringLiteral("secret"), QStringLiteral("data") } });
    auto job = sendAndWait(request);
    QVERIFY(job);
    if (!followed) {
        QCOMPARE(job->error().kind(), ApiError::Kind::Http);
        QCOMPARE(job->error().httpStatus(), status);
        QVERIFY2(job->error().message().contains(QLatin1String("not")), qPrintable(job->error().message()));
        QCOMPARE(atOther.size(), 0);
        QCOMPARE(atLanding.size(), 0);
        return;
    }
    QVERIFY2(!job->hasError(), qPrintable(job->error().toString()));
    const QList<HttpServerRequest> &arrived = where == QLatin1String("same") ? atLanding : atOther;
    QCOMPARE(arrived.size(), 1);
    QCOMPARE(arrived.first().body, bodyAtTarget);
    if (where == QLatin1String("other"))
        QCOMPARE(arrived.first().header("authorization"), QByteArray());
}

void tst_HostileServers::tokenRequestNeverFollowsRedirects()
{
    LoopbackHttpServer other;
    QVERIFY(other.listen());
    other.setHandler([](const HttpServerRequest &, HttpResponder *r) {
        r->respondJson(200, R"({"access_token":"stolen","token_type":"Bearer"})");
    });
    for (const int status : { 301, 302, 307, 308 }) {
        m_server->setHandler([&](const HttpServerRequest &, HttpResponder *r) {
            // Same origin or not, a token request is never re-sent.
            r->respond(status, { { "Location", QStringLiteral("http://localhost:%1/token").arg(other.port()).toUtf8() } });
        });
        OAuth2Auth::Settings settings;
        settings.tokenUrl = QUrl(m_server->baseUrl().toString() + QStringLiteral("/oauth/token"));
        settings.grant = OAuth2Auth::Grant::Password;
        settings.clientId = QStringLiteral("app");
        settings.clientSecret = QStringLiteral("cs-987654");
        settings.username = QStringLiteral("alice");
        settings.password = QStringLiteral("s3cr3t-pw");
        OAuth2Auth auth(m_nam, settings);
        std::optional<ApiError> outcome;
        auth.prepare(this, [&](const ApiError &error) { outcome = error; });
        QTRY_VERIFY(outcome.has_value());
        QVERIFY2(outcome->isError(), "a redirected token request must fail");
        QVERIFY(!auth.hasValidToken());
        QCOMPARE(other.requestCount(), 0);
    }
}

void tst_HostileServers::tokenUrlMustBeHttps_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("https") << "https://login.example/oauth/token" << true;
    QTest::newRow("http to another machine") << "http://login.example/oauth/token" << false;
    QTest::newRow("http on 127.0.0.1") << "http://127.0.0.1:8080/token" << true;
    QTest::newRow("http on 127.1.2.3") << "http://127.1.2.3/token" << true;
    QTest::newRow("http on [::1]") << "http://[::1]:9000/token" << true;
    QTest::newRow("http on localhost") << "http://localhost/token" << true;
    QTest::newRow("http on localhost.evil.example") << "http://localhost.evil.example/token" << false;
    QTest::newRow("ftp") << "ftp://127.0.0.1/token" << false;
    QTest::newRow("no host") << "https:///token" << false;
}

void tst_HostileServers::tokenUrlMustBeHttps()
{
    QFETCH(QString, url);
    QFETCH(bool, accepted);
    QCOMPARE(OAuth2Auth::isAcceptableTokenUrl(QUrl(url)), accepted);
    if (accepted)
        return;
    OAuth2Auth::Settings settings;
    settings.tokenUrl = QUrl(url);
    settings.clientId = QStringLiteral("app");
    settings.clientSecret = QStringLiteral("cs-987654");
    OAuth2Auth auth(m_nam, settings);
    std::optional<ApiError> outcome;
    auth.prepare(this, [&](const ApiError &error) { outcome = error; });
    QVERIFY(!outcome.has_value()); // never inside the call
    QTRY_VERIFY(outcome.has_value());
    QCOMPARE(outcome->kind(), ApiError::Kind::Invalid);
    QVERIFY(outcome->message().contains(QLatin1String("https")));
    QCOMPARE(auth.tokenRequestCount(), 0);
}

void tst_HostileServers::backoffOnlyThroughAHook()
{
    m_server->setHandler([](const HttpServerRequest &, HttpResponder *r) {
        r->respondJson(200, "{}", { { "Backoff", "30" }, { "X-Hold", "1" } });
    });
    auto first = sendAndWait(HttpRequest("GET", QStringLiteral("/a")));
    QVERIFY(first && !first->hasError());
    QVERIFY2(!m_client->heldUntil().isValid(), "the core reads no service's headers");

    QSignalSpy held(m_client, &HttpClient::backoffRequested);
    m_client->installResponseHook(std::make_unique<HoldHook>());
    m_client->installResponseHook(std::make_unique<HoldHook>()); // replaces, not doubles
    auto second = sendAndWait(HttpRequest("GET", QStringLiteral("/b")));
    QVERIFY(second && !second->hasError());
    QCOMPARE(held.size(), 1);
    QCOMPARE(held.first().first().toInt(), 1);
    QVERIFY(m_client->heldUntil().isValid());
}

void tst_HostileServers::holdPastDeadlineSaysSo()
{
    m_client->installResponseHook(std::make_unique<HoldHook>());
    m_client->setDeadline(500);
    m_server->setHandler([](const HttpServerRequest &, HttpResponder *r) { r->respondJson(200, "{}", { { "X-Hold", "30" } }); });
    auto first = sendAndWait(HttpRequest("GET", QStringLiteral("/a")));
    QVERIFY(first && !first->hasError());
    QElapsedTimer clock;
    clock.start();
    auto second = sendAndWait(HttpRequest("GET", QStringLiteral("/b")));
    QVERIFY(second);
    QCOMPARE(second->error().kind(), ApiError::Kind::Timeout);
    QVERIFY2(second->error().message().startsWith(QLatin1String("Not sent: the server asked to pause requests (X-Hold)")),
        qPrintable(second->error().message()));
    QVERIFY(clock.elapsed() < 3000);
    QCOMPARE(m_server->requestCount(), 1);
}

void tst_HostileServers::serverWaitsAreCapped_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("value");
    QTest::newRow("Retry-After: 2147483647") << QByteArray("Retry-After") << QByteArray("2147483647");
    QTest::newRow("Retry-After: 1e300") << QByteArray("Retry-After") << QByteArray("1e300");
    QTest::newRow("Retry-After: a date in 2099") << QByteArray("Retry-After") << QByteArray("Thu, 01 Jan 2099 00:00:00 GMT");
    QTest::newRow("hook hold: 2147483647 s") << QByteArray("X-Hold") << QByteArray("2147483647");
    QTest::newRow("hook hold: 99999999999999999999999 s") << QByteArray("X-Hold") << QByteArray("99999999999999999999999");
}

void tst_HostileServers::serverWaitsAreCapped()
{
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, value);
    m_client->setMaxServerWait(400);
    m_client->installResponseHook(std::make_unique<HoldHook>());
    RetryPolicy once;
    once.maxRetries = 1;
    m_client->setRetryPolicy(once);
    int count = 0;
    m_server->setHandler([&](const HttpServerRequest &, HttpResponder *r) {
        ++count;
        if (count == 1 && header == "Retry-After")
            return r->respond(503, { { header, value } });
        r->respondJson(200, "{}", count == 1 ? HttpHeaderList { { header, value } } : HttpHeaderList {});
    });
    QSignalSpy capped(m_client, &HttpClient::serverWaitCapped);
    QElapsedTimer clock;
    clock.start();
    auto first = sendAndWait(HttpRequest("GET", QStringLiteral("/a")));
    QVERIFY(first);
    QVERIFY2(!first->hasError(), qPrintable(first->error().toString()));
    auto second = sendAndWait(HttpRequest("GET", QStringLiteral("/b")));
    QVERIFY(second && !second->hasError());
    QVERIFY2(clock.elapsed() >= 350 && clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(capped.size(), 1);
    QCOMPARE(capped.first().at(0).toString(), QString::fromLatin1(header));
    QVERIFY(capped.first().at(1).toLongLong() > 1000);
}

void tst_HostileServers::hungAndDrippingServers_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<int>("dripMs");
    QTest::addColumn<QString>("message");
    QTest::newRow("silent before the headers") << QByteArray() << 0 << "No data from the server for 0.3 s";
    QTest::newRow("silent after the headers")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{") << 0
        << "No data from the server for 0.3 s";
    QTest::newRow("dripping past the deadline")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n") << 100
        << "The response took longer than 1.2 s";
}

void tst_HostileServers::hungAndDrippingServers()
{
    QFETCH(QByteArray, head);
    QFETCH(int, dripMs);
    QFETCH(QString, message);
    DrippingServer server;
    server.head = head;
    server.bodyBytes = 1000;
    server.dripMs = dripMs;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    m_client->setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(server.serverPort())));
    m_client->setTransferTimeout(300);
    m_client->setDeadline(1200);
    auto job = sendAndWait(HttpRequest("GET", QStringLiteral("/slow")));
    QVERIFY(job);
    QCOMPARE(job->error().kind(), ApiError::Kind::Timeout);
    QVERIFY2(job->error().message().startsWith(message), qPrintable(job->error().message()));
    QVERIFY(!job->error().message().contains(QLatin1String("canceled"), Qt::CaseInsensitive));
}

void tst_HostileServers::responseSizeLimit_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<bool>("chunked");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("under the limit") << 60'000 << false << true;
    QTest::newRow("over the limit, Content-Length") << 300'000 << false << false;
    QTest::newRow("over the limit, chunked") << 300'000 << true << false;
}

void tst_HostileServers::responseSizeLimit()
{
    QFETCH(int, size);
    QFETCH(bool, chunked);
    QFETCH(bool, accepted);
    m_client->setMaxResponseBytes(100'000);
    const QByteArray json = "[\"" + QByteArray(size - 4, 'a') + "\"]";
    m_server->setHandler([&](const HttpServerRequest &, HttpResponder *r) {
        if (!chunked)
            return r->respondJson(200, json);
        QByteArray raw = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
        for (qsizetype i = 0; i < json.size(); i += 8192) {
            const QByteArray chunk = json.mid(i, 8192);
            raw += QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n";
        }
        r->respondRaw(raw + "0\r\n\r\n");
    });
    auto job = sendAndWait(HttpRequest("GET", QStringLiteral("/big")));
    QVERIFY(job);
    if (accepted) {
        QVERIFY2(!job->hasError(), qPrintable(job->error().toString()));
        return;
    }
    QCOMPARE(job->error().kind(), ApiError::Kind::Parse);
    QVERIFY2(job->error().message().contains(QLatin1String("larger than the limit")), qPrintable(job->error().message()));
    QVERIFY(job->response().body.size() <= 100'000 + 65536);
}

void tst_HostileServers::malformedAbsoluteUrlNeverRewritten_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("unclosed IPv6 bracket") << "http://[::1";
    QTest::newRow("space in the host") << "http://exa mple.com/x";
    QTest::newRow("no host") << "http:///x";
}

void tst_HostileServers::malformedAbsoluteUrlNeverRewritten()
{
    QFETCH(QString, path);
    auto job = sendAndWait(HttpRequest("GET", path));
    QVERIFY(job);
    QCOMPARE(job->error().kind(), ApiError::Kind::Invalid);
    QCOMPARE(m_server->requestCount(), 0);
}

QTEST_GUILESS_MAIN(tst_HostileServers)
#include "tst_hostileservers.moc"
