// The Kinto client against a scripted hostile Kinto server (issue 8): Next-Page links that loop,
// leave the tenant or never end; Backoff values too large for a timer; impossible counts.

#include "kintoclient.h"
#include "loopbackhttpserver.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

class tst_KintoHostile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void nextPageBounded_data();
    void nextPageBounded();
    void listingLimitsCanBeRaised();
    void backoffHookHoldsAndIsCapped();
    void impossibleCountsRefused_data();
    void impossibleCountsRefused();
    void linesStopAtAnItemThatIsNotJson();

private:
    QNetworkAccessManager *m_nam = nullptr;
    LoopbackHttpServer *m_server = nullptr;
    KintoClient *m_client = nullptr;
};

void tst_KintoHostile::init()
{
    m_nam = new QNetworkAccessManager(this);
    m_server = new LoopbackHttpServer(this);
    QVERIFY(m_server->listen());
    KintoClient::Settings settings;
    settings.serverUrl = m_server->baseUrl();
    settings.auth = QStringLiteral("alice:s3cr3t-pw");
    m_client = new KintoConnection(m_nam, settings, this);
}

void tst_KintoHostile::cleanup()
{
    delete m_client;
    delete m_server;
    delete m_nam;
}

void tst_KintoHostile::nextPageBounded_data()
{
    QTest::addColumn<QString>("next");  // {self}: this server's origin, {n}: the next page's number, {other}: another server
    QTest::addColumn<int>("pages");     // pages that arrive before the listing stops
    QTest::addColumn<bool>("fails");
    QTest::newRow("three pages, then the end") << "{self}/v1/buckets?_token={n}" << 3 << false;
    QTest::newRow("page 2 points back to page 1") << "{self}/v1/buckets?_token=1" << 2 << true;
    QTest::newRow("page 1 points at itself") << "{self}/v1/buckets" << 1 << true;
    QTest::newRow("another origin") << "{other}/v1/buckets?_token={n}" << 1 << true;
    QTest::newRow("file:") << "file:///etc/passwd" << 1 << true;
    QTest::newRow("outside /v1") << "{self}/admin/?_token={n}" << 1 << true;
    QTest::newRow("endless fresh pages") << "{self}/v1/buckets?_token={n}&endless=1" << 20 << true;
}

void tst_KintoHostile::nextPageBounded()
{
    QFETCH(QString, next);
    QFETCH(int, pages);
    QFETCH(bool, fails);
    LoopbackHttpServer other;
    QVERIFY(other.listen());
    other.setHandler([](const HttpServerRequest &, HttpResponder *r) { r->respondJson(200, R"({"data":[]})"); });
    const bool endless = next.contains(QLatin1String("endless"));
    m_server->setHandler([&](const HttpServerRequest &req, HttpResponder *r) {
        const int page = req.query.queryItemValue(QStringLiteral("_token")).toInt() + (req.query.hasQueryItem(QStringLiteral("_token")) ? 0 : 1);
        HttpHeaderList headers { { "ETag", "\"10\"" } };
        if (endless || page < 3)
            headers.append({ "Next-Page", QString(next).replace(QLatin1String("{self}"), m_server->baseUrl().toString())
                                              .replace(QLatin1String("{n}"), QString::number(page + 1))
                                              .replace(QLatin1String("{other}"), other.baseUrl().toString()).toUtf8() });
        r->respondJson(200, QStringLiteral(R"({"data":[{"id":"b%1"}]})").arg(page).toUtf8(), headers);
    });

    KintoListOptions options;
    options.pages = KintoListOptions::AllPages;
    KintoListJob *job = m_client->getBuckets(options);
    job->setLimits(PageLimits { 20, 1 << 20 });
    int received = 0;
    connect(job, &KintoListJob::page, this, [&](const QJsonArray &items) { received += int(items.size()); });
    const TestSupport::Outcome outcome = TestSupport::await(job);
    QVERIFY(outcome.finished);
    QCOMPARE(received, pages);
    QCOMPARE(outcome.error.isError(), fails);
    if (fails)
        QVERIFY2(outcome.error.message().contains(QLatin1String("listing")), qPrintable(outcome.error.message()));
    QCOMPARE(other.requestCount(), 0); // no credentials, no request elsewhere
    QCOMPARE(m_server->requestCount(), pages);
}

void tst_KintoHostile::listingLimitsCanBeRaised()
{
    m_server->setHandler([&](const HttpServerRequest &req, HttpResponder *r) {
        const int page = req.query.queryItemValue(QStringLiteral("_token")).toInt();
        HttpHeaderList headers;
        if (page < 30)
            headers.append({ "Next-Page", QStringLiteral("%1/v1/buckets?_token=%2").arg(m_server->baseUrl().toString()).arg(page + 1).toUtf8() });
        r->respondJson(200, QStringLiteral(R"({"data":[{"id":"b%1"}]})").arg(page).toUtf8(), headers);
    });
    KintoListOptions options;
    options.pages = KintoListOptions::AllPages;
    KintoListJob *low = m_client->getBuckets(options);
    low->setLimits(PageLimits { 10, 1 << 20 });
    TestSupport::Outcome outcome = TestSupport::await(low);
    QVERIFY(outcome.finished);
    QCOMPARE(outcome.error.kind(), ApiError::Kind::Invalid);
    QVERIFY(outcome.error.message().contains(QLatin1String("10 pages")));

    KintoListJob *raised = m_client->getBuckets(options);
    raised->setLimits(PageLimits { 100, 1 << 20 });
    outcome = TestSupport::await(raised);
    QVERIFY2(!outcome.error.isError(), qPrintable(outcome.error.toString()));
    QCOMPARE(outcome.result.toArray().size(), 31);
}

void tst_KintoHostile::backoffHookHoldsAndIsCapped()
{
    int count = 0;
    QList<qint64> arrivals;
    QElapsedTimer clock;
    clock.start();
    m_server->setHandler([&](const HttpServerRequest &, HttpResponder *r) {
        arrivals << clock.elapsed();
        r->respondJson(200, R"({"data":[]})", ++count == 1 ? HttpHeaderList { { "Backoff", "2147483647" } } : HttpHeaderList {});
    });
    m_client->httpClient()->setMaxServerWait(700);
    QSignalSpy capped(m_client->httpClient(), &HttpClient::serverWaitCapped);
    QSignalSpy held(m_client->httpClient(), &HttpClient::backoffRequested);
    QVERIFY(!TestSupport::await(m_client->getBuckets()).error.isError());
    QCOMPARE(held.size(), 1);
    QCOMPARE(capped.size(), 1);
    QCOMPARE(capped.first().at(0).toString(), QStringLiteral("Backoff"));
    const TestSupport::Outcome second = TestSupport::await(m_client->getBuckets());
    QVERIFY2(!second.error.isError(), qPrintable(second.error.toString()));
    QCOMPARE(arrivals.size(), 2);
    QVERIFY2(arrivals[1] - arrivals[0] >= 600 && arrivals[1] - arrivals[0] < 5000, qPrintable(QString::number(arrivals[1] - arrivals[0])));
}

void tst_KintoHostile::impossibleCountsRefused_data()
{
    QTest::addColumn<QByteArray>("total");
    QTest::addColumn<double>("count");  // -1: refused
    QTest::newRow("42") << QByteArray("42") << 42.0;
    QTest::newRow("-1") << QByteArray("-1") << -1.0;
    QTest::newRow("absurd") << QByteArray("99999999999999999999") << -1.0;
    QTest::newRow("not a number") << QByteArray("many") << -1.0;
}

void tst_KintoHostile::impossibleCountsRefused()
{
    QFETCH(QByteArray, total);
    QFETCH(double, count);
    m_server->setHandler([&](const HttpServerRequest &, HttpResponder *r) { r->respond(200, { { "Total-Objects", total } }); });
    const TestSupport::Outcome outcome = TestSupport::await(m_client->countRecords(QStringLiteral("b"), QStringLiteral("c")));
    QVERIFY(outcome.finished);
    if (count >= 0) {
        QVERIFY2(!outcome.error.isError(), qPrintable(outcome.error.toString()));
        QCOMPARE(outcome.result.toDouble(), count);
    } else {
        QCOMPARE(outcome.error.kind(), ApiError::Kind::Parse);
    }
}

// Lines mode prints the server's own text: each item is checked first, so an item that is not
// JSON ends the listing with an error naming it, after the lines before it, and nothing of it
// reaches the output. Members keep the server's order, whitespace between tokens goes.
void tst_KintoHostile::linesStopAtAnItemThatIsNotJson()
{
    m_server->setHandler([](const HttpServerRequest &, HttpResponder *r) {
        r->respondJson(200, "{\"data\": [ {\"id\": \"a\", \"z\": 1, \"b\": [1, 2]},\n {\"id\": \"b\", \"c\": tru},"
                            " {\"id\": \"c\"} ]}");
    });
    KintoListJob *job = m_client->list(KintoRef::ofRecords(QStringLiteral("b"), QStringLiteral("c")), {}, KintoListJob::Mode::Lines);
    QSignalSpy lines(job, &KintoListJob::lines);
    const TestSupport::Outcome outcome = TestSupport::await(job);
    QCOMPARE(outcome.error.kind(), ApiError::Kind::Parse);
    QVERIFY2(outcome.error.message().contains(QLatin1String("item 2 is not valid JSON")), qPrintable(outcome.error.message()));
    QCOMPARE(lines.size(), 1);
    QCOMPARE(lines.at(0).at(0).toByteArray(), QByteArray("{\"id\":\"a\",\"z\":1,\"b\":[1,2]}\n"));
    QCOMPARE(lines.at(0).at(1).toInt(), 1);
}

QTEST_GUILESS_MAIN(tst_KintoHostile)
#include "tst_kintohostile.moc"
