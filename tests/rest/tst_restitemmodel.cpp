#include "loopbackhttpserver.h"
#include "net/httpclient.h"
#include "restclient.h"
#include "restitemmodel.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

// A REST resource's items on the shared paged model, for every paging kind a resource can name,
// against a scripted loopback server holding five items; columns from the schema or the items'
// keys, shown and hidden; a failed page asked again. Under QAbstractItemModelTester throughout.
class tst_RestItemModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void pagesEveryKind_data();
    void pagesEveryKind();
    void columnsFromKeysGrowAndHide();
    void columnsFromSchema();
    void failedPageAskedAgain();

private:
    void serve(const HttpServerRequest &request, HttpResponder *responder);
    RestItemModel *loadAll(const RestResource &resource);

    QNetworkAccessManager *m_nam = nullptr;
    LoopbackHttpServer *m_server = nullptr;
    HttpClient *m_http = nullptr;
    RestClient *m_client = nullptr;
    QJsonArray m_items;
    QStringList m_targets; // request targets, in order
    int m_failNext = 0;
};

void tst_RestItemModel::init()
{
    m_nam = new QNetworkAccessManager(this);
    m_server = new LoopbackHttpServer(this);
    QVERIFY(m_server->listen());
    m_server->setHandler([this](const HttpServerRequest &req, HttpResponder *r) { serve(req, r); });
    m_http = new HttpClient(m_nam, this);
    m_http->setBaseUrl(m_server->baseUrl());
    RestSettings settings;
    settings.baseUrl = m_server->baseUrl();
    settings.retries = 0;
    m_client = new RestClient(m_http, settings, this);
    m_items = {};
    const char *names[] = { "Oslo", "Lima", "Quito", "Hanoi", "Accra" };
    for (int i = 0; i < 5; ++i) {
        QJsonObject item { { QStringLiteral("id"), i + 1 }, { QStringLiteral("name"), QLatin1String(names[i]) } };
        if (i >= 3)
            item.insert(QStringLiteral("population"), (i + 1) * 1000); // a key only later pages bring
        m_items.append(item);
    }
    m_targets.clear();
    m_failNext = 0;
}

void tst_RestItemModel::cleanup()
{
    delete m_client;
    delete m_http;
    delete m_server;
    delete m_nam;
}

// /cities in every paging style (page size 2): ?page&size, ?offset&limit, {"data", "next"},
// Link + X-Total-Count (json-server's _page/_limit), or everything at once.
void tst_RestItemModel::serve(const HttpServerRequest &request, HttpResponder *responder)
{
    m_targets << QString::fromUtf8(request.target);
    if (m_failNext > 0) {
        --m_failNext;
        responder->respondJson(503, R"({"error":"busy"})");
        return;
    }
    const auto slice = [this](int from, int count) {
        QJsonArray page;
        for (int i = from; i < qMin(from + count, int(m_items.size())); ++i)
            page.append(m_items.at(i));
        return page;
    };
    const auto json = [](const QJsonValue &value) {
        return value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                               : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    };
    const QUrlQuery &q = request.query;
    const QString base = m_server->baseUrl().toString();
    if (request.path == QLatin1String("/all")) {
        responder->respondJson(200, json(m_items));
    } else if (request.path == QLatin1String("/paged")) {
        const int page = q.queryItemValue(QStringLiteral("page")).toInt();
        responder->respondJson(200, json(slice((page - 1) * 2, q.queryItemValue(QStringLiteral("size")).toInt())));
    } else if (request.path == QLatin1String("/offset")) {
        const QJsonObject body { { QStringLiteral("results"), slice(q.queryItemValue(QStringLiteral("offset")).toInt(), 2) } };
        responder->respondJson(200, json(body));
    } else if (request.path == QLatin1String("/linked")) {
        const int from = q.queryItemValue(QStringLiteral("after")).toInt();
        QJsonObject body { { QStringLiteral("data"), slice(from, 2) } };
        if (from + 2 < m_items.size())
            body.insert(QStringLiteral("links"), QJsonObject { { QStringLiteral("next"), QStringLiteral("%1/linked?after=%2").arg(base).arg(from + 2) } });
        responder->respondJson(200, json(body));
    } else if (request.path == QLatin1String("/headers")) {
        const int page = q.queryItemValue(QStringLiteral("_page")).toInt();
        const int limit = q.queryItemValue(QStringLiteral("_limit")).toInt();
        QByteArray link = QStringLiteral("<%1/headers?_page=1&_limit=%2>; rel=\"first\"").arg(base).arg(limit).toUtf8();
        if (page * limit < m_items.size())
            link += QStringLiteral(", <%1/headers?_page=%2&_limit=%3>; rel=\"next\"").arg(base).arg(page + 1).arg(limit).toUtf8();
        responder->respondJson(200, json(slice((page - 1) * limit, limit)),
                               { { "Link", link }, { "X-Total-Count", QByteArray::number(m_items.size()) } });
    } else {
        responder->respondJson(404, "{}");
    }
}

RestItemModel *tst_RestItemModel::loadAll(const RestResource &resource)
{
    auto *model = new RestItemModel(m_client, resource, this);
    new QAbstractItemModelTester(model, QAbstractItemModelTester::FailureReportingMode::QtTest, model);
    QSignalSpy loaded(model, &PagedListModel::pageLoaded);
    model->reload();
    for (int pages = 0; pages < 10; ++pages) {
        if (!loaded.wait(10000))
            return model;
        if (model->isComplete())
            break;
        model->fetchMore({});
    }
    return model;
}

void tst_RestItemModel::pagesEveryKind_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("itemsKey");
    QTest::addColumn<QStringList>("targets");
    QTest::newRow("none: one answer") << "/all" << "none" << "" << QStringList { QStringLiteral("/all") };
    QTest::newRow("page and size") << "/paged" << "page" << ""
                                   << QStringList { QStringLiteral("/paged?page=1&size=2"), QStringLiteral("/paged?page=2&size=2"), QStringLiteral("/paged?page=3&size=2") };
    QTest::newRow("offset and limit, items in a wrapper") << "/offset" << "offset" << "results"
                                   << QStringList { QStringLiteral("/offset?offset=0&limit=2"), QStringLiteral("/offset?offset=2&limit=2"), QStringLiteral("/offset?offset=4&limit=2") };
    QTest::newRow("next link in the body") << "/linked" << "next" << "data"
                                   << QStringList { QStringLiteral("/linked"), QStringLiteral("/linked?after=2"), QStringLiteral("/linked?after=4") };
    QTest::newRow("Link header, _page/_limit") << "/headers" << "link" << ""
                                   << QStringList { QStringLiteral("/headers?_page=1&_limit=2"), QStringLiteral("/headers?_page=2&_limit=2"), QStringLiteral("/headers?_page=3&_limit=2") };
}

void tst_RestItemModel::pagesEveryKind()
{
    QFETCH(QString, path);
    QFETCH(QString, kind);
    QFETCH(QString, itemsKey);
    QFETCH(QStringList, targets);
    RestResource resource;
    resource.name = QStringLiteral("Cities");
    resource.path = path;
    resource.itemsKey = itemsKey;
    QVERIFY(RestPaging::kindFromName(kind, &resource.paging.kind));
    resource.paging.pageSize = 2;
    if (kind == QLatin1String("link")) {
        resource.paging.pageParam = QStringLiteral("_page");
        resource.paging.sizeParam = QStringLiteral("_limit");
    } else if (kind == QLatin1String("next")) {
        resource.paging.nextField = QStringLiteral("links.next");
        resource.paging.sizeParam.clear(); // the first page is the bare path
    }
    RestItemModel *model = loadAll(resource);
    QVERIFY(model->isComplete());
    QCOMPARE(model->rowCount(), 5);
    QCOMPARE(m_targets, targets);
    QCOMPARE(model->total(), qint64(5)); // X-Total-Count, or the rows once the last page is in
    for (int row = 0; row < 5; ++row)
        QCOMPARE(model->idAt(row), QString::number(row + 1));
    QCOMPARE(model->data(model->index(4, model->columns().indexOf(QStringLiteral("name")))).toString(), QStringLiteral("Accra"));
    QVERIFY(!model->canFetchMore({}));
}

void tst_RestItemModel::columnsFromKeysGrowAndHide()
{
    RestResource resource;
    resource.path = QStringLiteral("/headers");
    resource.paging.kind = RestPaging::Kind::LinkHeader;
    resource.paging.pageParam = QStringLiteral("_page");
    resource.paging.sizeParam = QStringLiteral("_limit");
    resource.paging.pageSize = 2;
    auto *model = new RestItemModel(m_client, resource, this);
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(model, &PagedListModel::pageLoaded);
    model->reload();
    QVERIFY(loaded.wait(10000));
    QCOMPARE(model->columns(), (QStringList { QStringLiteral("id"), QStringLiteral("name") }));
    model->fetchMore({});
    QVERIFY(loaded.wait(10000));
    // The second page brought "population": a column appended, the rows kept.
    QCOMPARE(model->columns(), (QStringList { QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("population") }));
    QCOMPARE(model->rowCount(), 4);
    QCOMPARE(model->headerData(2, Qt::Horizontal).toString(), QStringLiteral("population"));
    model->setColumnHidden(QStringLiteral("name"), true);
    QCOMPARE(model->columns(), (QStringList { QStringLiteral("id"), QStringLiteral("population") }));
    QCOMPARE(model->availableColumns(), (QStringList { QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("population") }));
    QCOMPARE(model->data(model->index(3, 1)).toString(), QStringLiteral("4000"));
    model->reload();
    QVERIFY(loaded.wait(10000));
    QCOMPARE(model->columns(), (QStringList { QStringLiteral("id"), QStringLiteral("population") })); // hidden across a reload
    model->setColumnHidden(QStringLiteral("name"), false);
    QCOMPARE(model->columns(), (QStringList { QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("population") }));
    QCOMPARE(model->rowCount(), 2);
}

void tst_RestItemModel::columnsFromSchema()
{
    RestResource resource;
    resource.path = QStringLiteral("/all");
    resource.itemSchema = QJsonDocument::fromJson(R"({"type":"object","properties":{
        "name":{"type":"string"},"id":{"type":"integer"},"country":{"type":"string"}}})").object();
    RestItemModel *model = loadAll(resource);
    QCOMPARE(model->rowCount(), 5);
    // The schema's properties, the id first; keys outside the schema ("population") not added.
    QCOMPARE(model->columns(), (QStringList { QStringLiteral("id"), QStringLiteral("country"), QStringLiteral("name") }));
    QCOMPARE(model->data(model->index(0, 1)).toString(), QString()); // absent: empty
}

void tst_RestItemModel::failedPageAskedAgain()
{
    RestResource resource;
    resource.path = QStringLiteral("/paged");
    resource.paging.kind = RestPaging::Kind::PageSize;
    resource.paging.pageSize = 2;
    auto *model = new RestItemModel(m_client, resource, this);
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(model, &PagedListModel::pageLoaded);
    QSignalSpy failed(model, &PagedListModel::pageFailed);
    model->reload();
    QVERIFY(loaded.wait(10000));
    m_failNext = 1;
    model->fetchMore({});
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.first().first().value<ApiError>().httpStatus(), 503);
    QCOMPARE(model->rowCount(), 2); // the rows already loaded stay
    QVERIFY(model->canFetchMore({}));
    model->fetchMore({});
    QVERIFY(loaded.wait(10000));
    QCOMPARE(model->rowCount(), 4);
    QCOMPARE(m_targets.mid(1), (QStringList { QStringLiteral("/paged?page=2&size=2"), QStringLiteral("/paged?page=2&size=2") })); // the same page again
}

QTEST_GUILESS_MAIN(tst_RestItemModel)
#include "tst_restitemmodel.moc"
