#include "auth/apikeyauth.h"
#include "loopbackhttpserver.h"
#include "net/requestlog.h"
#include "restclient.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTemporaryFile>
#include <QTest>

using TestSupport::await;
using TestSupport::keep;
using TestSupport::waitFor;

// The generic REST client (CRUDs semantics) against a scripted loopback server: methods, bodies,
// retries measured against urllib3's formula, ignored statuses, serialisation off, multipart,
// resources' paging, API keys kept out of the request log, the probe.
class tst_RestClient : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void methodsAndQuery_data();
    void methodsAndQuery();
    void jsonDecodedDespiteContentType();
    void nonJsonKeptAsBytes();
    void retryWaitsFollowFormula_data();
    void retryWaitsFollowFormula();
    void retryAfterHonoured();
    void ignoredStatusesAreAnswers_data();
    void ignoredStatusesAreAnswers();
    void serialisationOff();
    void multipartTakesPrecedence();
    void apiKey_data();
    void apiKey();
    void pagingRequestsAndCursors_data();
    void pagingRequestsAndCursors();
    void linkToOtherOriginNotFollowed();
    void itemsNotWhereSaidIsParseError();
    void probeIdentity();
    void probeRefusedCredentials();
    void settingsRoundTrip();

private:
    RestClient *makeClient(const RestSettings &settings = {});

    QNetworkAccessManager *m_nam = nullptr;
    LoopbackHttpServer *m_server = nullptr;
    HttpClient *m_http = nullptr;
    RequestLog *m_log = nullptr;
    QList<HttpServerRequest> m_received;
    QList<qint64> m_arrivals; // ms since the first request
    QElapsedTimer m_clock;
    LoopbackHttpServer::Handler m_answer;
};

void tst_RestClient::init()
{
    m_nam = new QNetworkAccessManager(this);
    m_server = new LoopbackHttpServer(this);
    QVERIFY(m_server->listen());
    m_log = new RequestLog(this);
    m_http = new HttpClient(m_nam, this);
    m_http->setRequestLog(m_log);
    m_received.clear();
    m_arrivals.clear();
    m_answer = [](const HttpServerRequest &, HttpResponder *r) { r->respondJson(200, R"({"ok":true})"); };
    m_server->setHandler([this](const HttpServerRequest &req, HttpResponder *r) {
        if (m_received.isEmpty())
            m_clock.start();
        m_received << req;
        m_arrivals << m_clock.elapsed();
        m_answer(req, r);
    });
}

void tst_RestClient::cleanup()
{
    delete m_http;
    delete m_server;
    delete m_nam;
    delete m_log;
}

RestClient *tst_RestClient::makeClient(const RestSettings &given)
{
    RestSettings settings = given;
    settings.baseUrl = m_server->baseUrl().resolved(QUrl(QStringLiteral("/api/")));
    return new RestClient(m_http, settings, m_http);
}

void tst_RestClient::methodsAndQuery_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<bool>("replace");
    QTest::newRow("create is POST with params in the URL") << QByteArray("POST") << false;
    QTest::newRow("read is GET") << QByteArray("GET") << false;
    QTest::newRow("update is PATCH") << QByteArray("PATCH") << false;
    QTest::newRow("update with replace is PUT") << QByteArray("PUT") << true;
    QTest::newRow("delete is DELETE") << QByteArray("DELETE") << false;
}

void tst_RestClient::methodsAndQuery()
{
    QFETCH(QByteArray, method);
    QFETCH(bool, replace);
    RestClient *client = makeClient();
    const QJsonObject data { { QStringLiteral("name"), QStringLiteral("Ada") } };
    const QueryList params { { QStringLiteral("dry"), QStringLiteral("a b&c") } };
    RestJob *job = nullptr;
    if (method == "POST")
        job = client->create(QStringLiteral("users"), RestBody::fromJson(data), params);
    else if (method == "GET")
        job = client->read(QStringLiteral("/users/1"), params);
    else if (method == "DELETE")
        job = client->remove(QStringLiteral("users/1"), params);
    else
        job = client->update(QStringLiteral("users/1"), RestBody::fromJson(data), params, replace);
    const auto outcome = await(job);
    QVERIFY(outcome.finished);
    QVERIFY2(!outcome.error, qPrintable(outcome.error.toString()));
    QCOMPARE(outcome.result.toObject().value(QLatin1String("ok")).toBool(), true);

    QCOMPARE(m_received.size(), 1);
    const HttpServerRequest &req = m_received.first();
    QCOMPARE(req.method, method);
    QVERIFY2(req.path.startsWith(QLatin1String("/api/users")), qPrintable(req.path));
    QCOMPARE(req.query.queryItemValue(QStringLiteral("dry"), QUrl::FullyDecoded), QStringLiteral("a b&c"));
    const bool hasBody = method == "POST" || method == "PATCH" || method == "PUT";
    QCOMPARE(req.body.isEmpty(), !hasBody);
    if (hasBody) {
        QCOMPARE(QJsonDocument::fromJson(req.body).object(), data);
        QVERIFY(req.header("content-type").startsWith("application/json"));
    }
}

void tst_RestClient::jsonDecodedDespiteContentType()
{
    m_answer = [](const HttpServerRequest &, HttpResponder *r) {
        r->respond(200, { { "Content-Type", "text/html" } }, R"([1,{"a":2}])");
    };
    RestJob *job = keep(makeClient()->read(QStringLiteral("x")));
    QVERIFY(waitFor(job));
    QVERIFY(!job->hasError());
    QVERIFY(job->isJson());
    QCOMPARE(job->result().toArray().size(), 2);
    delete job;
}

void tst_RestClient::nonJsonKeptAsBytes()
{
    const QByteArray png("\x89PNG\r\n\x1a\n\0\0binary", 16);
    m_answer = [png](const HttpServerRequest &, HttpResponder *r) { r->respond(200, { { "Content-Type", "image/png" } }, png); };
    RestJob *job = keep(makeClient()->read(QStringLiteral("logo")));
    QVERIFY(waitFor(job));
    QVERIFY(!job->hasError());
    QVERIFY(!job->isJson());
    QVERIFY(job->result().isNull());
    QCOMPARE(job->body(), png);
    delete job;
}

void tst_RestClient::retryWaitsFollowFormula_data()
{
    QTest::addColumn<double>("factor");
    QTest::addColumn<QByteArray>("method");
    // CRUDs' defaults: 4 retries, waits 0, 1.8, 3.6, 7.2 s (12.6 s in all).
    QTest::newRow("defaults (0.9), POST retried as CRUDs allows") << 0.9 << QByteArray("POST");
    QTest::newRow("factor 0.2, PATCH") << 0.2 << QByteArray("PATCH");
}

void tst_RestClient::retryWaitsFollowFormula()
{
    QFETCH(double, factor);
    QFETCH(QByteArray, method);
    m_answer = [](const HttpServerRequest &, HttpResponder *r) { r->respondJson(503, R"({"message":"busy"})"); };
    RestSettings settings;
    settings.backoffFactor = factor;
    RestClient *client = makeClient(settings);
    RestJob *job = keep(client->send(method, QStringLiteral("jobs"), RestBody::fromJson(QJsonObject { { QStringLiteral("n"), 1 } }), {}, {}));
    QVERIFY(waitFor(job, 30000));
    QVERIFY(job->hasError());
    QCOMPARE(job->error().httpStatus(), 503);
    QCOMPARE(job->retries(), 4);
    QCOMPARE(m_received.size(), 5);
    // urllib3 2.x: the wait after n consecutive errors is 0 for n = 1, else factor * 2^(n-1).
    for (int n = 1; n <= 4; ++n) {
        const double expected = n <= 1 ? 0 : factor * std::pow(2.0, n - 1) * 1000;
        const qint64 measured = m_arrivals.at(n) - m_arrivals.at(n - 1);
        qInfo("wait %d: %lld ms (formula %.0f ms)", n, measured, expected);
        QVERIFY2(measured >= expected - 5 && measured < expected + 250,
            qPrintable(QStringLiteral("wait %1 was %2 ms, formula %3 ms").arg(n).arg(measured).arg(expected)));
    }
    delete job;
}

void tst_RestClient::retryAfterHonoured()
{
    int calls = 0;
    m_answer = [&calls](const HttpServerRequest &, HttpResponder *r) {
        if (++calls == 1)
            r->respond(429, { { "Retry-After", "1" } }, "slow down");
        else
            r->respondJson(201, R"({"id":7})");
    };
    RestJob *job = keep(makeClient()->create(QStringLiteral("users"), RestBody::fromJson(QJsonObject {})));
    QVERIFY(waitFor(job));
    QVERIFY(!job->hasError());
    QCOMPARE(job->status(), 201);
    const qint64 waited = m_arrivals.at(1) - m_arrivals.at(0);
    QVERIFY2(waited >= 990 && waited < 1400, qPrintable(QString::number(waited)));
    delete job;
}

void tst_RestClient::ignoredStatusesAreAnswers_data()
{
    QTest::addColumn<bool>("raise");
    QTest::addColumn<QList<int>>("ignored");
    QTest::addColumn<bool>("expectError");
    QTest::newRow("raise: 404 is an error") << true << QList<int>() << true;
    QTest::newRow("raise, 404 ignored: an answer") << true << QList<int> { 404 } << false;
    QTest::newRow("raise, 409 ignored: 404 still an error") << true << QList<int> { 409 } << true;
    QTest::newRow("no raise: every status an answer") << false << QList<int>() << false;
}

void tst_RestClient::ignoredStatusesAreAnswers()
{
    QFETCH(bool, raise);
    QFETCH(QList<int>, ignored);
    QFETCH(bool, expectError);
    m_answer = [](const HttpServerRequest &, HttpResponder *r) { r->respondJson(404, R"({"detail":"no such user"})"); };
    RestSettings settings;
    settings.raiseOnError = raise;
    settings.ignoredStatuses = QSet<int>(ignored.begin(), ignored.end());
    RestJob *job = keep(makeClient(settings)->read(QStringLiteral("users/9")));
    QVERIFY(waitFor(job));
    QCOMPARE(job->hasError(), expectError);
    QCOMPARE(job->status(), 404);
    if (expectError)
        QVERIFY(job->error().isNotFound());
    else
        QCOMPARE(job->result().toObject().value(QLatin1String("detail")).toString(), QStringLiteral("no such user"));
    delete job;
}

void tst_RestClient::serialisationOff()
{
    RestSettings settings;
    settings.serialize = false;
    RestClient *client = makeClient(settings);
    auto outcome = await(client->create(QStringLiteral("raw"), RestBody::fromJson(QStringLiteral("{not json, as is}"))));
    QVERIFY(!outcome.error);
    outcome = await(client->update(QStringLiteral("raw"), RestBody::fromBytes(QByteArray("\x01\x02", 2), "application/x-thing")));
    QVERIFY(!outcome.error);
    outcome = await(client->create(QStringLiteral("raw"), RestBody::fromJson(QJsonObject { { QStringLiteral("a"), 1 } })));
    QCOMPARE(outcome.error.kind(), ApiError::Kind::Invalid); // refused before sending
    QCOMPARE(m_received.size(), 2);
    QCOMPARE(m_received.at(0).body, QByteArray("{not json, as is}"));
    QVERIFY(m_received.at(0).header("content-type").startsWith("text/plain"));
    QCOMPARE(m_received.at(1).body, QByteArray("\x01\x02", 2));
    QCOMPARE(m_received.at(1).header("content-type"), QByteArray("application/x-thing"));
}

void tst_RestClient::multipartTakesPrecedence()
{
    QTemporaryFile file;
    QVERIFY(file.open());
    file.write("file contents\n");
    file.flush();
    QList<MultipartPart> parts;
    parts << MultipartPart { "title", "Report", {}, {}, {} };
    parts << MultipartPart { "upload", {}, file.fileName(), QStringLiteral("report.txt"), "text/plain" };
    const auto outcome = await(makeClient()->create(QStringLiteral("files"),
        RestBody::fromJson(QJsonObject { { QStringLiteral("ignored"), true } }), {}, parts));
    QVERIFY2(!outcome.error, qPrintable(outcome.error.toString()));
    QCOMPARE(m_received.size(), 1);
    const HttpServerRequest &req = m_received.first();
    QVERIFY(req.header("content-type").startsWith("multipart/form-data; boundary="));
    QVERIFY(req.body.contains("name=\"title\"\r\n\r\nReport\r\n"));
    QVERIFY(req.body.contains("name=\"upload\"; filename=\"report.txt\""));
    QVERIFY(req.body.contains("file contents\n"));
    QVERIFY(!req.body.contains("ignored"));
}

void tst_RestClient::apiKey_data()
{
    QTest::addColumn<bool>("inQuery");
    QTest::addColumn<QString>("name");
    QTest::newRow("header X-API-Key") << false << QStringLiteral("X-API-Key");
    QTest::newRow("query item with a harmless name") << true << QStringLiteral("k");
}

void tst_RestClient::apiKey()
{
    QFETCH(bool, inQuery);
    QFETCH(QString, name);
    const QString key = QStringLiteral("s3cr3t+/=key");
    m_http->setAuth(new ApiKeyAuth(inQuery ? ApiKeyAuth::Placement::Query : ApiKeyAuth::Placement::Header, name, key));
    const auto outcome = await(makeClient()->read(QStringLiteral("users"), { { QStringLiteral("q"), QStringLiteral("x") } }));
    QVERIFY(!outcome.error);
    QCOMPARE(m_received.size(), 1);
    const HttpServerRequest &req = m_received.first();
    if (inQuery) {
        QCOMPARE(req.query.queryItemValue(name, QUrl::FullyDecoded), key);
        QCOMPARE(req.query.queryItemValue(QStringLiteral("q")), QStringLiteral("x"));
    } else {
        QCOMPARE(req.header(name.toLatin1()), key.toLatin1());
    }
    QCOMPARE(m_log->entries().size(), 1);
    const QString logged = m_log->entries().first().url;
    QVERIFY2(!logged.contains(QLatin1String("s3cr3t")) && !logged.contains(QLatin1String("s3cr3t%2B")), qPrintable(logged));
    QVERIFY(!m_http->auth()->describe().contains(QLatin1String("s3cr3t")));
}

void tst_RestClient::pagingRequestsAndCursors_data()
{
    QTest::addColumn<QString>("paging");
    QTest::addColumn<QString>("itemsKey");
    QTest::addColumn<QString>("firstQuery");
    QTest::addColumn<QString>("secondTarget");
    QTest::addColumn<int>("pages");
    QTest::newRow("none: one request") << "none" << "" << "" << "" << 1;
    QTest::newRow("page/size") << "page" << "data" << "page=1&size=2" << "/api/items?page=2&size=2" << 3;
    QTest::newRow("offset/limit") << "offset" << "results" << "offset=0&limit=2" << "/api/items?offset=2&limit=2" << 3;
    QTest::newRow("next link in the body") << "next" << "data" << "page=1&size=2" << "/api/items?cursor=c2" << 3;
    QTest::newRow("Link header") << "link" << "" << "page=1&size=2" << "/api/items?cursor=c2" << 3;
}

void tst_RestClient::pagingRequestsAndCursors()
{
    QFETCH(QString, paging);
    QFETCH(QString, itemsKey);
    QFETCH(QString, firstQuery);
    QFETCH(QString, secondTarget);
    QFETCH(int, pages);
    // Five items, two per page; cursors c2, c3 for the link kinds.
    const QUrl base = m_server->baseUrl();
    m_answer = [=](const HttpServerRequest &req, HttpResponder *r) {
        int page = 1;
        if (req.query.hasQueryItem(QStringLiteral("page")))
            page = req.query.queryItemValue(QStringLiteral("page")).toInt();
        if (req.query.hasQueryItem(QStringLiteral("offset")))
            page = req.query.queryItemValue(QStringLiteral("offset")).toInt() / 2 + 1;
        if (req.query.hasQueryItem(QStringLiteral("cursor")))
            page = req.query.queryItemValue(QStringLiteral("cursor")).mid(1).toInt();
        if (paging == QLatin1String("none"))
            page = 0;
        QJsonArray items;
        for (int i = (page == 0 ? 0 : (page - 1) * 2); i < (page == 0 ? 5 : std::min(5, page * 2)); ++i)
            items << QJsonObject { { QStringLiteral("id"), i + 1 } };
        const QString next = page >= 1 && page < 3 ? base.toString() + QStringLiteral("/api/items?cursor=c%1").arg(page + 1) : QString();
        HttpHeaderList headers { { "Content-Type", "application/json" } };
        if (paging == QLatin1String("link") && !next.isEmpty())
            headers << qMakePair(QByteArray("Link"), QStringLiteral("<%1>; rel=\"next\", <%2/api/items?cursor=c3>; rel=\"last\"").arg(next, base.toString()).toUtf8());
        QJsonValue body = items;
        if (!itemsKey.isEmpty()) {
            QJsonObject wrapper { { itemsKey, items } };
            if (paging == QLatin1String("next"))
                wrapper.insert(QStringLiteral("links"), QJsonObject { { QStringLiteral("next"), next.isEmpty() ? QJsonValue() : QJsonValue(next) } });
            body = wrapper;
        }
        r->respond(200, headers, QJsonDocument::fromVariant(body.toVariant()).toJson());
    };
    RestResource resource;
    resource.path = QStringLiteral("/items");
    resource.itemsKey = itemsKey;
    QVERIFY(RestPaging::kindFromName(paging, &resource.paging.kind));
    resource.paging.pageSize = 2;
    resource.paging.nextField = QStringLiteral("links.next");
    RestClient *client = makeClient();

    QString cursor;
    QJsonArray all;
    int fetched = 0;
    do {
        const auto outcome = await(client->listPage(resource, cursor));
        QVERIFY2(!outcome.error, qPrintable(outcome.error.toString()));
        for (const QJsonValue &item : outcome.result[QLatin1String("items")].toArray())
            all.append(item);
        cursor = outcome.result[QLatin1String("next")].toString();
        QVERIFY(++fetched <= 5);
    } while (!cursor.isEmpty());
    QCOMPARE(fetched, pages);
    QCOMPARE(m_received.size(), pages);
    QCOMPARE(m_received.first().query.toString(), firstQuery);
    if (pages > 1)
        QCOMPARE(QString::fromUtf8(m_received.at(1).target), secondTarget);
    QCOMPARE(all.size(), 5);
    QCOMPARE(all.last()[QLatin1String("id")].toInt(), 5);
}

void tst_RestClient::linkToOtherOriginNotFollowed()
{
    m_answer = [](const HttpServerRequest &, HttpResponder *r) {
        r->respond(200, { { "Link", "<http://evil.example/api/items?page=2>; rel=\"next\"" } }, R"([{"id":1}])");
    };
    RestResource resource;
    resource.path = QStringLiteral("/items");
    resource.paging.kind = RestPaging::Kind::LinkHeader;
    const auto outcome = await(makeClient()->listPage(resource));
    QVERIFY(!outcome.error);
    QVERIFY(outcome.result[QLatin1String("next")].isNull());
}

void tst_RestClient::itemsNotWhereSaidIsParseError()
{
    m_answer = [](const HttpServerRequest &, HttpResponder *r) { r->respondJson(200, R"({"results":[]})"); };
    RestResource resource;
    resource.path = QStringLiteral("/items");
    resource.itemsKey = QStringLiteral("data");
    const auto outcome = await(makeClient()->listPage(resource));
    QCOMPARE(outcome.error.kind(), ApiError::Kind::Parse);
    QVERIFY(outcome.error.message().contains(QLatin1String("\"data\"")));
}

void tst_RestClient::probeIdentity()
{
    m_answer = [](const HttpServerRequest &, HttpResponder *r) {
        r->respond(200, { { "Content-Type", "application/json" }, { "Server", "demo/1" } }, R"({"info":{"version":"2.3.0"}})");
    };
    m_http->setAuth(new BasicAuth(QStringLiteral("alice"), QStringLiteral("pw")));
    const auto outcome = await(makeClient()->probe());
    QVERIFY(!outcome.error);
    const QJsonObject identity = outcome.result.toObject();
    QCOMPARE(identity.value(QLatin1String("user")).toString(), QStringLiteral("alice"));
    QCOMPARE(identity.value(QLatin1String("authMethod")).toString(), QStringLiteral("Basic (alice)"));
    QCOMPARE(identity.value(QLatin1String("serverVersion")).toString(), QStringLiteral("2.3.0"));
    QVERIFY(identity.value(QLatin1String("capabilities")).toArray().contains(QStringLiteral("read")));
    QCOMPARE(identity.value(QLatin1String("warnings")).toArray().size(), 0);
    QCOMPARE(m_received.first().header("authorization"), "Basic " + QByteArray("alice:pw").toBase64());
}

void tst_RestClient::probeRefusedCredentials()
{
    m_answer = [](const HttpServerRequest &, HttpResponder *r) { r->respondJson(403, R"({"message":"no"})"); };
    const auto outcome = await(makeClient()->probe());
    QCOMPARE(outcome.error.kind(), ApiError::Kind::Auth);
    QCOMPARE(outcome.error.httpStatus(), 403);
    QCOMPARE(m_received.size(), 1); // not retried
}

void tst_RestClient::settingsRoundTrip()
{
    RestSettings settings;
    settings.timeoutSeconds = 12;
    settings.retries = 2;
    settings.backoffFactor = 0.5;
    settings.ignoredStatuses = { 404, 409 };
    settings.serialize = false;
    RestSettings back;
    QString error;
    QVERIFY(RestSettings::fromOptions(QUrl(QStringLiteral("https://x")), settings.toOptions(), &back, &error));
    QCOMPARE(back.timeoutSeconds, 12);
    QCOMPARE(back.retries, 2);
    QCOMPARE(back.backoffFactor, 0.5);
    QCOMPARE(back.ignoredStatuses, settings.ignoredStatuses);
    QCOMPARE(back.retryStatuses, (QSet<int> { 504, 503, 502, 500, 429, 425, 408 }));
    QCOMPARE(back.serialize, false);
    QVERIFY(!RestSettings::fromOptions({}, { { QStringLiteral("retryStatuses"), QStringLiteral("503,abc") } }, &back, &error));
    QVERIFY(!error.isEmpty());
    RestSettings defaults;
    HttpClient http(m_nam);
    defaults.applyTo(&http);
    QCOMPARE(http.transferTimeout(), 300'000);
    QCOMPARE(http.retryPolicy().maxRetries, 4);
    QCOMPARE(http.retryPolicy().backoffMs(2), 1800);
    QCOMPARE(http.retryPolicy().backoffMs(4), 7200);
    QCOMPARE(http.retryPolicy().backoffMs(9), 120'000);
}

QTEST_GUILESS_MAIN(tst_RestClient)
#include "tst_restclient.moc"
