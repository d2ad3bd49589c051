#include "loopbackhttpserver.h"
#include "net/httpclient.h"
#include "net/httpjob.h"
#include "pagedlistmodel.h"
#include "pagestrategy.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace {

constexpr int ItemCount = 25;

QJsonObject item(int i)
{
    return QJsonObject{{QStringLiteral("id"), QStringLiteral("i%1").arg(i, 2, 10, QLatin1Char('0'))},
                       {QStringLiteral("n"), i},
                       {QStringLiteral("meta"), QJsonObject{{QStringLiteral("even"), i % 2 == 0}}}};
}

QJsonArray items(int from, int count)
{
    QJsonArray array;
    for (int i = from; i < qMin(ItemCount, from + count); ++i)
        array.append(item(i));
    return array;
}

// A listing of ItemCount items answered by jobs that finish from the event loop. The page whose
// request number is in `failures` fails (503) once, then answers.
struct FakeServer
{
    QList<PageRequest> requests; // every page asked, in order
    QSet<int> failures;

    // Starts one page: `answer` builds the body of a successful one from the request.
    Job *page(const PageRequest &request, const std::function<QJsonObject(const PageRequest &)> &answer)
    {
        requests.append(request);
        auto *job = new Job;
        if (failures.remove(request.number))
            job->failLater(ApiError(ApiError::Kind::Http, QStringLiteral("unavailable"), 503));
        else
            job->succeedLater(answer(request));
        return job;
    }
};

// Kinto's kind: an opaque token from each page to the next, items in "data".
class TokenStrategy : public PageStrategy
{
public:
    explicit TokenStrategy(FakeServer *server) : m_server(server) {}
    Job *start(const PageRequest &request) override
    {
        return m_server->page(request, [](const PageRequest &r) {
            const int offset = r.link.isEmpty() ? 0 : r.link.mid(int(qstrlen("offset="))).toInt();
            const int next = offset + r.pageSize;
            return QJsonObject{{QStringLiteral("data"), items(offset, r.pageSize)},
                               {QStringLiteral("next"), next < ItemCount ? QStringLiteral("offset=%1").arg(next) : QString()}};
        });
    }
    ApiError read(Job *job, const PageRequest &request, Page *page) const override
    {
        const QJsonObject body = job->result().toObject();
        page->items = body.value(QStringLiteral("data")).toArray();
        const QString next = body.value(QStringLiteral("next")).toString();
        if (!next.isEmpty())
            page->next = PageRequest{request.number + 1, request.pageSize, next};
        return {};
    }

private:
    FakeServer *m_server;
};

enum class Kind { Token, PageNumber, NextLink };

std::unique_ptr<PageStrategy> makeStrategy(Kind kind, FakeServer *server)
{
    switch (kind) {
    case Kind::Token:
        return std::make_unique<TokenStrategy>(server);
    case Kind::PageNumber:
        return std::make_unique<PageNumberStrategy>([server](const PageRequest &request) {
            return server->page(request, [](const PageRequest &r) {
                return QJsonObject{{QStringLiteral("totalCount"), ItemCount},
                                   {QStringLiteral("results"), items(r.number * r.pageSize, r.pageSize)}};
            });
        });
    case Kind::NextLink:
        return std::make_unique<NextLinkStrategy>([server](const PageRequest &request) {
            return server->page(request, [](const PageRequest &r) {
                const int offset = r.link.isEmpty() ? 0 : QUrl(r.link).query().mid(int(qstrlen("offset="))).toInt();
                const int next = offset + r.pageSize;
                return QJsonObject{{QStringLiteral("count"), ItemCount},
                                   {QStringLiteral("next"), next < ItemCount ? QJsonValue(QStringLiteral("https://x.test/items?offset=%1").arg(next))
                                                                             : QJsonValue(QJsonValue::Null)},
                                   {QStringLiteral("previous"), QJsonValue(QJsonValue::Null)},
                                   {QStringLiteral("results"), items(offset, r.pageSize)}};
            });
        });
    }
    return nullptr;
}

// A model showing n and a nested field.
class ItemModel : public PagedListModel
{
public:
    ItemModel() { setColumnFields({QStringLiteral("id"), QStringLiteral("n"), QStringLiteral("meta.even")}); }
};

// A model over a fake listing of `kind`, under QAbstractItemModelTester; testerFetches: whether
// the tester pulls pages (as a view scrolled to the end) or the test steps through them itself.
struct Fixture
{
    FakeServer server;
    ItemModel model;
    QAbstractItemModelTester tester{&model, QAbstractItemModelTester::FailureReportingMode::Fatal};

    Fixture(Kind kind, int pageSize, bool testerFetches)
    {
        tester.setUseFetchMore(testerFetches);
        model.setStrategy(makeStrategy(kind, &server));
        model.setPageSize(pageSize);
    }
};

QStringList idsOf(const PagedListModel &model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids << model.value(row, QStringLiteral("id")).toString();
    return ids;
}

QStringList allIds()
{
    QStringList ids;
    for (int i = 0; i < ItemCount; ++i)
        ids << item(i).value(QStringLiteral("id")).toString();
    return ids;
}

// A scripted service on the loopback server: Jamf's page/page-size with totalCount at /roles, and
// Kandji's offset + next links at /library. Each records the queries it was asked.
struct LoopbackService
{
    LoopbackHttpServer server;
    QNetworkAccessManager nam;
    HttpClient client{&nam};
    QStringList targets;
    QSet<QString> failOnce; // targets answered 503 the first time they are asked

    LoopbackService()
    {
        if (!server.listen())
            qFatal("the loopback server did not start");
        client.setBaseUrl(server.baseUrl());
        RetryPolicy once; // a failure reaches the model at once (the client's own retries are its business)
        once.maxRetries = 0;
        client.setRetryPolicy(once);
        server.setHandler([this](const HttpServerRequest &request, HttpResponder *responder) {
            targets << QString::fromUtf8(request.target);
            if (failOnce.remove(QString::fromUtf8(request.target))) {
                responder->respondJson(503, R"({"error":"unavailable"})");
                return;
            }
            QJsonObject body;
            if (request.path == QLatin1String("/api/v1/roles")) {
                const int page = request.query.queryItemValue(QStringLiteral("page")).toInt();
                const int size = request.query.queryItemValue(QStringLiteral("page-size")).toInt();
                body = {{QStringLiteral("totalCount"), ItemCount}, {QStringLiteral("results"), items(page * size, size)}};
            } else if (request.path == QLatin1String("/api/v1/library")) {
                const int offset = request.query.queryItemValue(QStringLiteral("offset")).toInt();
                const int limit = request.query.queryItemValue(QStringLiteral("limit")).toInt();
                const int next = offset + limit;
                const QString nextLink = server.baseUrl().toString()
                                         + QStringLiteral("/api/v1/library?limit=%1&offset=%2").arg(limit).arg(next);
                body = {{QStringLiteral("count"), ItemCount},
                        {QStringLiteral("next"), next < ItemCount ? QJsonValue(nextLink) : QJsonValue(QJsonValue::Null)},
                        {QStringLiteral("previous"), QJsonValue(QJsonValue::Null)},
                        {QStringLiteral("results"), items(offset, limit)}};
            } else {
                responder->respondJson(404, R"({"error":"not found"})");
                return;
            }
            responder->respondJson(200, QJsonDocument(body).toJson(QJsonDocument::Compact));
        });
    }

    // What a Jamf client's lambda does: the page number and size as query parameters.
    std::unique_ptr<PageStrategy> jamfRoles()
    {
        return std::make_unique<PageNumberStrategy>([this](const PageRequest &request) -> Job * {
            HttpRequest http("GET", QStringLiteral("/api/v1/roles"));
            http.addQuery(QStringLiteral("page"), QString::number(request.number));
            http.addQuery(QStringLiteral("page-size"), QString::number(request.pageSize));
            return client.send(http);
        });
    }

    // What a Kandji client's lambda does: the first page, then the `next` link as given.
    std::unique_ptr<PageStrategy> kandjiLibrary()
    {
        return std::make_unique<NextLinkStrategy>([this](const PageRequest &request) -> Job * {
            if (!request.link.isEmpty())
                return client.send(HttpRequest("GET", request.link));
            HttpRequest http("GET", QStringLiteral("/api/v1/library"));
            http.addQuery(QStringLiteral("limit"), QString::number(request.pageSize));
            http.addQuery(QStringLiteral("offset"), QStringLiteral("0"));
            return client.send(http);
        });
    }
};

} // namespace

Q_DECLARE_METATYPE(Kind)
Q_DECLARE_METATYPE(PageRequest)

// The paged list base with each kind of page strategy: fakes answering from the event loop, then
// the generic strategies against a scripted loopback server through HttpClient.
class tst_PagedListModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pagesOneInsertRangeEach_data();
    void pagesOneInsertRangeEach();
    void failedPageIsResumed_data();
    void failedPageIsResumed();
    void testerPullsEveryPage_data();
    void testerPullsEveryPage();
    void reloadDropsRowsAndStartsOver();
    void cellsFollowDottedColumns();
    void strategies_data();
    void strategies();
    void strategyReadsTheLastPage_data();
    void strategyReadsTheLastPage();
    void jamfPagesOverHttp();
    void kandjiNextLinksOverHttpResumeAfterAFailure();
};

static void addKinds()
{
    QTest::addColumn<Kind>("kind");
    QTest::newRow("token (Kinto's Next-Page)") << Kind::Token;
    QTest::newRow("page number and size (Jamf)") << Kind::PageNumber;
    QTest::newRow("next links (Kandji)") << Kind::NextLink;
}

void tst_PagedListModel::pagesOneInsertRangeEach_data()
{
    addKinds();
}

void tst_PagedListModel::pagesOneInsertRangeEach()
{
    QFETCH(Kind, kind);
    Fixture fixture(kind, 10, /*testerFetches=*/false);
    FakeServer &server = fixture.server;
    ItemModel &model = fixture.model;
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy loaded(&model, &PagedListModel::pageLoaded);

    model.reload();
    QVERIFY(model.isFetching());
    QVERIFY(!model.canFetchMore({}));
    QVERIFY(loaded.wait());
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(inserted.at(0).at(2).toInt(), 9);
    QVERIFY(model.canFetchMore({}));

    model.fetchMore({});
    QVERIFY(!model.canFetchMore({})); // one page in flight
    model.fetchMore({});              // ignored
    QVERIFY(loaded.wait());
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(inserted.at(1).at(1).toInt(), 10);
    QCOMPARE(inserted.at(1).at(2).toInt(), 19);
    model.fetchMore({});
    QVERIFY(loaded.wait());
    QCOMPARE(inserted.count(), 3);
    QVERIFY(model.isComplete());
    QVERIFY(!model.canFetchMore({}));
    QCOMPARE(idsOf(model), allIds());
    QCOMPARE(model.total(), qint64(ItemCount));
    QCOMPARE(server.requests.size(), 3);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(server.requests.at(i).number, i);
}

void tst_PagedListModel::failedPageIsResumed_data()
{
    addKinds();
}

void tst_PagedListModel::failedPageIsResumed()
{
    QFETCH(Kind, kind);
    Fixture fixture(kind, 10, /*testerFetches=*/false);
    FakeServer &server = fixture.server;
    ItemModel &model = fixture.model;
    server.failures = {1};
    QSignalSpy loaded(&model, &PagedListModel::pageLoaded);
    QSignalSpy failed(&model, &PagedListModel::pageFailed);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

    model.reload();
    QVERIFY(loaded.wait());
    model.fetchMore({});
    QVERIFY(failed.wait());
    QCOMPARE(failed.constLast().at(0).value<ApiError>().httpStatus(), 503);
    QCOMPARE(model.lastError().httpStatus(), 503);
    QCOMPARE(model.rowCount(), 10); // what was loaded stays
    QVERIFY(!model.isFetching());
    QVERIFY(!model.isComplete());
    QVERIFY(model.canFetchMore({}));

    model.fetchMore({}); // the retry, after a short pause
    QVERIFY(!model.canFetchMore({}));
    QVERIFY(loaded.wait());
    QCOMPARE(model.rowCount(), 20);
    QVERIFY(!model.lastError().isError());
    model.fetchMore({});
    QVERIFY(loaded.wait());
    QVERIFY(model.isComplete());
    QCOMPARE(idsOf(model), allIds());
    QCOMPARE(inserted.count(), 3);

    // The retry asked for the failed page itself: nothing before it was read again.
    QCOMPARE(server.requests.size(), 4);
    QCOMPARE(server.requests.at(0).number, 0);
    QCOMPARE(server.requests.at(1).number, 1);
    QCOMPARE(server.requests.at(2), server.requests.at(1));
    QCOMPARE(server.requests.at(3).number, 2);
}

void tst_PagedListModel::testerPullsEveryPage_data()
{
    addKinds();
}

void tst_PagedListModel::testerPullsEveryPage()
{
    QFETCH(Kind, kind);
    // As a view scrolled to the end: the tester asks for more after every insert.
    Fixture fixture(kind, 7, /*testerFetches=*/true);
    FakeServer &server = fixture.server;
    ItemModel &model = fixture.model;
    model.reload();
    QTRY_VERIFY(model.isComplete());
    QCOMPARE(idsOf(model), allIds());
    QCOMPARE(server.requests.size(), 4); // 7 + 7 + 7 + 4
}

void tst_PagedListModel::reloadDropsRowsAndStartsOver()
{
    Fixture fixture(Kind::Token, 10, /*testerFetches=*/false);
    ItemModel &model = fixture.model;
    QSignalSpy loaded(&model, &PagedListModel::pageLoaded);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    model.reload();
    QVERIFY(loaded.wait());
    model.fetchMore({});
    model.reload(); // the page in flight is dropped, its answer ignored
    QCOMPARE(resets.count(), 1);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.total(), qint64(-1));
    QVERIFY(loaded.wait());
    QTest::qWait(20);
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(idsOf(model), allIds().mid(0, 10));
    QCOMPARE(loaded.count(), 2);
}

void tst_PagedListModel::cellsFollowDottedColumns()
{
    Fixture fixture(Kind::PageNumber, 10, /*testerFetches=*/true);
    ItemModel &model = fixture.model;
    model.reload();
    QTRY_VERIFY(model.isComplete());
    QCOMPARE(model.columnCount(), 3);
    QCOMPARE(model.headerData(2, Qt::Horizontal).toString(), QStringLiteral("meta.even"));
    QCOMPARE(model.index(3, 1).data().toString(), QStringLiteral("3"));
    QCOMPARE(model.index(3, 2).data().toString(), QStringLiteral("false"));
    QCOMPARE(model.index(4, 2).data().toString(), QStringLiteral("true"));
    QCOMPARE(model.rowObject(4).value(QStringLiteral("n")).toInt(), 4);
    QVERIFY(model.rowObject(ItemCount).isEmpty());
    QVERIFY(model.value(-1, QStringLiteral("n")).isUndefined());
}

// How each generic strategy reads an answer: the items, the next page and the total.
void tst_PagedListModel::strategies_data()
{
    QTest::addColumn<bool>("nextLinks");
    QTest::addColumn<PageRequest>("request");
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<int>("items");
    QTest::addColumn<bool>("hasNext");
    QTest::addColumn<PageRequest>("next");
    QTest::addColumn<qint64>("total");
    QTest::addColumn<bool>("parseError");

    const auto results = [](int n) { return items(0, n); };
    QTest::newRow("page number: more by totalCount")
        << false << PageRequest{0, 10, {}}
        << QJsonObject{{QStringLiteral("totalCount"), 25}, {QStringLiteral("results"), results(10)}}
        << 10 << true << PageRequest{1, 10, {}} << qint64(25) << false;
    QTest::newRow("page number: totalCount reached")
        << false << PageRequest{2, 10, {}}
        << QJsonObject{{QStringLiteral("totalCount"), 25}, {QStringLiteral("results"), results(5)}}
        << 5 << false << PageRequest{} << qint64(25) << false;
    QTest::newRow("page number: exact multiple ends")
        << false << PageRequest{1, 10, {}}
        << QJsonObject{{QStringLiteral("totalCount"), 20}, {QStringLiteral("results"), results(10)}}
        << 10 << false << PageRequest{} << qint64(20) << false;
    QTest::newRow("page number: no total, full page goes on")
        << false << PageRequest{0, 10, {}} << QJsonObject{{QStringLiteral("results"), results(10)}}
        << 10 << true << PageRequest{1, 10, {}} << qint64(-1) << false;
    QTest::newRow("page number: no total, short page ends")
        << false << PageRequest{3, 10, {}} << QJsonObject{{QStringLiteral("results"), results(3)}}
        << 3 << false << PageRequest{} << qint64(-1) << false;
    QTest::newRow("page number: a total the server got wrong cannot loop")
        << false << PageRequest{4, 10, {}}
        << QJsonObject{{QStringLiteral("totalCount"), 500}, {QStringLiteral("results"), QJsonArray()}}
        << 0 << false << PageRequest{} << qint64(500) << false;
    QTest::newRow("page number: no results array")
        << false << PageRequest{0, 10, {}} << QJsonObject{{QStringLiteral("totalCount"), 3}}
        << 0 << false << PageRequest{} << qint64(-1) << true;
    QTest::newRow("next link: followed")
        << true << PageRequest{0, 10, {}}
        << QJsonObject{{QStringLiteral("count"), 25}, {QStringLiteral("next"), QStringLiteral("https://k.test/x?offset=10")},
                       {QStringLiteral("results"), results(10)}}
        << 10 << true << PageRequest{1, 10, QStringLiteral("https://k.test/x?offset=10")} << qint64(25) << false;
    QTest::newRow("next link: null ends")
        << true << PageRequest{2, 10, QStringLiteral("https://k.test/x?offset=20")}
        << QJsonObject{{QStringLiteral("count"), 25}, {QStringLiteral("next"), QJsonValue(QJsonValue::Null)},
                       {QStringLiteral("results"), results(5)}}
        << 5 << false << PageRequest{} << qint64(25) << false;
    QTest::newRow("next link: a link to itself ends")
        << true << PageRequest{1, 10, QStringLiteral("https://k.test/x?offset=10")}
        << QJsonObject{{QStringLiteral("next"), QStringLiteral("https://k.test/x?offset=10")}, {QStringLiteral("results"), results(10)}}
        << 10 << false << PageRequest{} << qint64(-1) << false;
    QTest::newRow("next link: results not an array")
        << true << PageRequest{0, 10, {}} << QJsonObject{{QStringLiteral("results"), QStringLiteral("oops")}}
        << 0 << false << PageRequest{} << qint64(-1) << true;
}

void tst_PagedListModel::strategies()
{
    QFETCH(bool, nextLinks);
    QFETCH(PageRequest, request);
    QFETCH(QJsonObject, body);
    QFETCH(int, items);
    QFETCH(bool, hasNext);
    QFETCH(PageRequest, next);
    QFETCH(qint64, total);
    QFETCH(bool, parseError);

    const PageJobFactory unused = [](const PageRequest &) -> Job * { return nullptr; };
    std::unique_ptr<PageStrategy> strategy;
    if (nextLinks)
        strategy = std::make_unique<NextLinkStrategy>(unused);
    else
        strategy = std::make_unique<PageNumberStrategy>(unused);
    Job job;
    job.setAutoDelete(false);
    job.succeed(body);
    Page page;
    const ApiError error = strategy->read(&job, request, &page);
    QCOMPARE(error.kind() == ApiError::Kind::Parse, parseError);
    if (parseError)
        return;
    QVERIFY(!error.isError());
    QCOMPARE(page.items.size(), items);
    QCOMPARE(page.next.has_value(), hasNext);
    if (hasNext)
        QCOMPARE(*page.next, next);
    QCOMPARE(page.total, total);
}

// A page that is not a page fails like a request and is asked again.
void tst_PagedListModel::strategyReadsTheLastPage_data()
{
    addKinds();
}

void tst_PagedListModel::strategyReadsTheLastPage()
{
    QFETCH(Kind, kind);
    Fixture fixture(kind, ItemCount, /*testerFetches=*/true);
    FakeServer &server = fixture.server;
    ItemModel &model = fixture.model;
    QSignalSpy loaded(&model, &PagedListModel::pageLoaded);
    model.reload();
    QVERIFY(loaded.wait());
    QVERIFY(model.isComplete());
    QCOMPARE(model.rowCount(), ItemCount);
    QTest::qWait(20);
    // The page-number kind needs no second request: totalCount says it all; the others neither.
    QCOMPARE(server.requests.size(), 1);
}

void tst_PagedListModel::jamfPagesOverHttp()
{
    LoopbackService service;
    ItemModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    tester.setUseFetchMore(false);
    model.setStrategy(service.jamfRoles());
    model.setPageSize(10);
    QSignalSpy loaded(&model, &PagedListModel::pageLoaded);
    QSignalSpy failed(&model, &PagedListModel::pageFailed);
    model.reload();
    QVERIFY(loaded.wait());
    QCOMPARE(model.total(), qint64(ItemCount)); // totalCount, before every page is in
    QCOMPARE(model.rowCount(), 10);

    service.failOnce = {QStringLiteral("/api/v1/roles?page=1&page-size=10")};
    model.fetchMore({});
    QVERIFY(failed.wait());
    QCOMPARE(model.lastError().httpStatus(), 503);
    model.fetchMore({});
    QVERIFY(loaded.wait());
    model.fetchMore({});
    QVERIFY(loaded.wait());
    QVERIFY(model.isComplete());
    QCOMPARE(idsOf(model), allIds());
    QCOMPARE(service.targets,
             (QStringList{QStringLiteral("/api/v1/roles?page=0&page-size=10"), QStringLiteral("/api/v1/roles?page=1&page-size=10"),
                          QStringLiteral("/api/v1/roles?page=1&page-size=10"), QStringLiteral("/api/v1/roles?page=2&page-size=10")}));
}

void tst_PagedListModel::kandjiNextLinksOverHttpResumeAfterAFailure()
{
    LoopbackService service;
    ItemModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    tester.setUseFetchMore(true); // as a view scrolled to the end
    model.setStrategy(service.kandjiLibrary());
    model.setPageSize(10);
    QSignalSpy failed(&model, &PagedListModel::pageFailed);
    service.failOnce = {QStringLiteral("/api/v1/library?limit=10&offset=20")};
    model.reload();
    QVERIFY(failed.wait()); // the tester pulled pages 2 and 3; 3 failed
    QCOMPARE(model.rowCount(), 20);
    QVERIFY(model.canFetchMore({}));
    model.fetchMore({});
    QTRY_VERIFY(model.isComplete());
    QCOMPARE(idsOf(model), allIds());
    QCOMPARE(service.targets,
             (QStringList{QStringLiteral("/api/v1/library?limit=10&offset=0"), QStringLiteral("/api/v1/library?limit=10&offset=10"),
                          QStringLiteral("/api/v1/library?limit=10&offset=20"), QStringLiteral("/api/v1/library?limit=10&offset=20")}));
}

QTEST_MAIN(tst_PagedListModel)
#include "tst_pagedlistmodel.moc"
