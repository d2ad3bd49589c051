#include "kintoclient.h"
#include "kintosandbox.h"
#include "kintoservice.h"
#include "loopbackhttpserver.h"
#include "recordfilterproxy.h"
#include "recordtablemodel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace {

constexpr int RecordCount = 25;

QString recordIdOf(int i)
{
    return QStringLiteral("r%1").arg(i, 3, 10, QLatin1Char('0'));
}

// A sandbox with the admin account and bucket "b" holding collection "c": RecordCount records
// r000..r024 written in that order (so the server's default order, -last_modified, is r024 first),
// with n = i, a title, a boolean, an array and a nested object.
struct Server
{
    KintoSandbox sandbox;
    QNetworkAccessManager nam;
    std::unique_ptr<KintoClient> client;
    QStringList targets; // request targets received, "/v1/...?query"

    explicit Server(const QJsonObject &collection = {})
    {
        if (!sandbox.start())
            qFatal("the sandbox did not start");
        sandbox.addAccount(QStringLiteral("admin"), QStringLiteral("admin"));
        sandbox.setAdminPrincipals({QStringLiteral("account:admin")});
        KintoService &service = sandbox.service();
        service.writeObject(QStringLiteral("/buckets/b"), {});
        service.writeObject(QStringLiteral("/buckets/b/collections/c"), collection);
        for (int i = 0; i < RecordCount; ++i) {
            service.writeObject(QStringLiteral("/buckets/b/collections/c/records/") + recordIdOf(i),
                                QJsonObject{
                                    {QStringLiteral("title"), QStringLiteral("Record %1").arg(i)},
                                    {QStringLiteral("n"), i},
                                    {QStringLiteral("flag"), i % 2 == 0},
                                    {QStringLiteral("tags"), QJsonArray{QStringLiteral("t%1").arg(i % 3)}},
                                    {QStringLiteral("address"), QJsonObject{{QStringLiteral("city"), QStringLiteral("City %1").arg(i % 4)}}},
                                },
                                {}, {}, false);
        }
        KintoClient::Settings settings;
        settings.serverUrl = sandbox.baseUrl();
        settings.auth = QStringLiteral("admin:admin");
        client = std::make_unique<KintoConnection>(&nam, settings);
        QObject::connect(sandbox.server(), &LoopbackHttpServer::requestReceived, &sandbox,
                         [this](const HttpServerRequest &request) { targets << QString::fromUtf8(request.target); });
    }

    std::unique_ptr<RecordTableModel> model(int pageSize = RecordTableModel::DefaultPageSize)
    {
        auto m = std::make_unique<RecordTableModel>(client.get(), QStringLiteral("b"), QStringLiteral("c"));
        m->setPageSize(pageSize);
        return m;
    }
};

QStringList idsOf(const RecordTableModel &model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids << model.index(row, 0).data(RecordTableModel::RecordIdRole).toString();
    return ids;
}

// The first `count` ids in the server's default order (newest first).
QStringList newestFirst(int count)
{
    QStringList ids;
    for (int i = RecordCount - 1; i >= RecordCount - count; --i)
        ids << recordIdOf(i);
    return ids;
}

bool settled(const RecordTableModel &model)
{
    return !model.isLoading() && model.total() >= 0;
}

} // namespace

// The records table: pages as a view scrolls, the server's count, sort and filters.
// QAbstractItemModelTester runs with setUseFetchMore(true) wherever the test does not count pages
// itself: it then pulls every page, as a view scrolled to the end would, while checking each insert.
class tst_RecordTableModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void totalFromHeadThenPagesOnFetchMore();
    void testerFetchingLoadsEveryRecordOnce();
    void columns_data();
    void columns();
    void setColumnsAddsAndRemoves();
    void cellValues();
    void serverSortOrder_data();
    void serverSortOrder();
    void filtersChangeTotalAndRows_data();
    void filtersChangeTotalAndRows();
    void updateAndRemoveRecords();
    void choicesCarryToANewModel();
    void failedPageKeepsRowsAndRetries();
    void retryResumesFromTheFailedPage();
    void quickFilterOverLoadedRows_data();
    void quickFilterOverLoadedRows();
    void quickFilterFollowsRowsAndEdits();
};

void tst_RecordTableModel::totalFromHeadThenPagesOnFetchMore()
{
    Server server;
    auto model = server.model(10);
    // Not the tester's fetchMore here: this test counts the pages itself.
    QAbstractItemModelTester tester(model.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    tester.setUseFetchMore(false);
    QSignalSpy totals(model.get(), &RecordTableModel::totalChanged);
    QSignalSpy inserted(model.get(), &QAbstractItemModel::rowsInserted);

    QTRY_VERIFY(settled(*model));
    QCOMPARE(model->total(), qint64(RecordCount)); // from the HEAD: only one page is here
    QCOMPARE(model->rowCount(), 10);
    QVERIFY(!model->isComplete());
    QCOMPARE(totals.constLast().at(0).toLongLong(), qint64(RecordCount));
    QCOMPARE(inserted.count(), 1); // one page, one insert range
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(inserted.at(0).at(2).toInt(), 9);
    QVERIFY(server.targets.contains(QStringLiteral("/v1/buckets/b/collections/c/records?_limit=10")));

    QVERIFY(model->canFetchMore({}));
    model->fetchMore({});
    QVERIFY(!model->canFetchMore({})); // one page in flight at a time
    model->fetchMore({});              // ignored
    QTRY_COMPARE(model->rowCount(), 20);
    QCOMPARE(inserted.count(), 2);
    model->fetchMore({});
    QTRY_COMPARE(model->rowCount(), RecordCount);
    QVERIFY(model->isComplete());
    QVERIFY(!model->canFetchMore({}));
    QCOMPARE(idsOf(*model), newestFirst(RecordCount));
    QCOMPARE(model->total(), qint64(RecordCount));
}

void tst_RecordTableModel::testerFetchingLoadsEveryRecordOnce()
{
    Server server;
    auto model = server.model(7);
    QAbstractItemModelTester tester(model.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    tester.setUseFetchMore(true);
    QTRY_VERIFY(model->isComplete());
    QCOMPARE(model->rowCount(), RecordCount);
    const QStringList ids = idsOf(*model);
    QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), RecordCount);
    QCOMPARE(model->loadedCount(), RecordCount);
}

void tst_RecordTableModel::columns_data()
{
    QTest::addColumn<QJsonObject>("collection");
    QTest::addColumn<QStringList>("expected");
    const QJsonObject schema{
        {QStringLiteral("type"), QStringLiteral("object")},
        {QStringLiteral("properties"), QJsonObject{
            {QStringLiteral("title"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}},
            {QStringLiteral("n"), QJsonObject{{QStringLiteral("type"), QStringLiteral("integer")}}},
            {QStringLiteral("flag"), QJsonObject{{QStringLiteral("type"), QStringLiteral("boolean")}}},
        }},
    };
    QTest::newRow("displayFields win over the schema")
        << QJsonObject{{QStringLiteral("displayFields"), QJsonArray{QStringLiteral("title"), QStringLiteral("address.city")}},
                       {QStringLiteral("schema"), schema}}
        << QStringList{QStringLiteral("title"), QStringLiteral("address.city"), QStringLiteral("last_modified")};
    QTest::newRow("schema properties, ui:order first")
        << QJsonObject{{QStringLiteral("schema"), schema},
                       {QStringLiteral("uiSchema"), QJsonObject{{QStringLiteral("ui:order"), QJsonArray{QStringLiteral("n"), QStringLiteral("*")}}}}}
        << QStringList{QStringLiteral("n"), QStringLiteral("flag"), QStringLiteral("title"), QStringLiteral("last_modified")};
    QTest::newRow("neither: id and last_modified")
        << QJsonObject{} << QStringList{QStringLiteral("id"), QStringLiteral("last_modified")};
}

void tst_RecordTableModel::columns()
{
    QFETCH(QJsonObject, collection);
    QFETCH(QStringList, expected);
    Server server(collection);
    auto model = server.model();
    QAbstractItemModelTester tester(model.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    tester.setUseFetchMore(true);
    QTRY_VERIFY(settled(*model));

    QCOMPARE(model->columns(), expected);
    QCOMPARE(model->columnCount(), int(expected.size()));
    for (int i = 0; i < expected.size(); ++i)
        QCOMPARE(model->headerData(i, Qt::Horizontal).toString(), expected.at(i));
    // Fields of the records are offered for columns and filters.
    const QStringList known = model->knownFields();
    for (const QString &field : {QStringLiteral("id"), QStringLiteral("title"), QStringLiteral("tags"), QStringLiteral("address")})
        QVERIFY2(known.contains(field), qPrintable(known.join(QLatin1Char(','))));
}

void tst_RecordTableModel::setColumnsAddsAndRemoves()
{
    Server server(QJsonObject{{QStringLiteral("displayFields"), QJsonArray{QStringLiteral("title")}}});
    auto model = server.model();
    QAbstractItemModelTester tester(model.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    tester.setUseFetchMore(true);
    QTRY_VERIFY(model->isComplete());
    QSignalSpy resets(model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy inserted(model.get(), &QAbstractItemModel::columnsInserted);
    QSignalSpy removed(model.get(), &QAbstractItemModel::columnsRemoved);

    model->setColumns({QStringLiteral("title"), QStringLiteral("last_modified"), QStringLiteral("address.city")});
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model->index(0, 2).data().toString(), QStringLiteral("City 0")); // r024: 24 % 4
    model->setColumns({QStringLiteral("title"), QStringLiteral("address.city")});
    QCOMPARE(removed.count(), 1);
    QCOMPARE(resets.count(), 0); // rows stay loaded
    QCOMPARE(model->rowCount(), RecordCount);
    model->reload();
    QTRY_VERIFY(model->isComplete());
    QCOMPARE(model->columns(), (QStringList{QStringLiteral("title"), QStringLiteral("address.city")}));
}

void tst_RecordTableModel::cellValues()
{
    Server server;
    auto model = server.model();
    QAbstractItemModelTester tester(model.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    tester.setUseFetchMore(true);
    QTRY_VERIFY(model->isComplete());
    model->setColumns({QStringLiteral("title"), QStringLiteral("n"), QStringLiteral("flag"), QStringLiteral("tags"),
                       QStringLiteral("address"), QStringLiteral("last_modified"), QStringLiteral("missing")});
    const int row = model->rowOfId(QStringLiteral("r004"));
    QVERIFY(row >= 0);
    QCOMPARE(model->index(row, 0).data().toString(), QStringLiteral("Record 4"));
    QCOMPARE(model->index(row, 1).data().toString(), QStringLiteral("4"));
    QCOMPARE(model->index(row, 2).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QCOMPARE(model->index(row, 3).data().toString(), QStringLiteral("[\"t1\"]"));
    QCOMPARE(model->index(row, 4).data().toString(), QStringLiteral("{\"city\":\"City 0\"}"));
    const qint64 lastModified = model->index(row, 0).data(RecordTableModel::LastModifiedRole).toLongLong();
    QVERIFY(lastModified > 0);
    QCOMPARE(model->index(row, 5).data(RecordTableModel::RawValueRole).value<QJsonValue>().toInteger(), lastModified);
    QCOMPARE(model->index(row, 5).data().toString(),
             QDateTime::fromMSecsSinceEpoch(lastModified).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    QVERIFY(model->index(row, 6).data().toString().isEmpty());
    QCOMPARE(model->index(row, 0).data(RecordTableModel::RecordIdRole).toString(), QStringLiteral("r004"));
    QCOMPARE(model->record(row).value(QStringLiteral("n")).toInt(), 4);
    QCOMPARE(model->recordId(row), QStringLiteral("r004"));
}

void tst_RecordTableModel::serverSortOrder_data()
{
    QTest::addColumn<Qt::SortOrder>("order");
    QTest::addColumn<QString>("sortParameter");
    QTest::addColumn<QString>("firstId");
    QTest::addColumn<QString>("lastId");
    QTest::newRow("n ascending") << Qt::AscendingOrder << QStringLiteral("n") << recordIdOf(0) << recordIdOf(24);
    QTest::newRow("n descending") << Qt::DescendingOrder << QStringLiteral("-n") << recordIdOf(24) << recordIdOf(0);
}

void tst_RecordTableModel::serverSortOrder()
{
    QFETCH(Qt::SortOrder, order);
    QFETCH(QString, sortParameter);
    QFETCH(QString, firstId);
    QFETCH(QString, lastId);
    Server server(QJsonObject{{QStringLiteral("displayFields"), QJsonArray{QStringLiteral("title"), QStringLiteral("n")}}});
    auto model = server.model(10);
    QAbstractItemModelTester tester(model.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    tester.setUseFetchMore(true);
    QTRY_VERIFY(model->isComplete());
    server.targets.clear();

    model->sort(1, order);
    QCOMPARE(model->sortParameter(), sortParameter);
    QTRY_VERIFY(model->isComplete());
    QCOMPARE(model->rowCount(), RecordCount);
    QCOMPARE(model->recordId(0), firstId);
    QCOMPARE(model->recordId(RecordCount - 1), lastId);
    const QString expectedQuery = QStringLiteral("_sort=") + sortParameter;
    QVERIFY2(std::any_of(server.targets.cbegin(), server.targets.cend(),
                         [&](const QString &t) { return t.contains(expectedQuery); }),
             qPrintable(server.targets.join(QLatin1Char(' '))));
}

void tst_RecordTableModel::filtersChangeTotalAndRows_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("op");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QStringList>("expectedIds"); // in the default order, newest first
    QTest::newRow("min_n=20") << QStringLiteral("n") << QStringLiteral("min") << QStringLiteral("20")
                              << QStringList{recordIdOf(24), recordIdOf(23), recordIdOf(22), recordIdOf(21), recordIdOf(20)};
    QTest::newRow("in_n=1,2,3") << QStringLiteral("n") << QStringLiteral("in") << QStringLiteral("1,2,3")
                                << QStringList{recordIdOf(3), recordIdOf(2), recordIdOf(1)};
    QTest::newRow("title equals") << QStringLiteral("title") << QString() << QStringLiteral("Record 7")
                                  << QStringList{recordIdOf(7)};
    QTest::newRow("address.city dotted") << QStringLiteral("address.city") << QString() << QStringLiteral("City 3")
                                               << QStringList{recordIdOf(23), recordIdOf(19), recordIdOf(15), recordIdOf(11),
                                                              recordIdOf(7), recordIdOf(3)};
    QTest::newRow("nothing matches") << QStringLiteral("n") << QStringLiteral("gt") << QStringLiteral("100") << QStringList{};
}

void tst_RecordTableModel::filtersChangeTotalAndRows()
{
    QFETCH(QString, field);
    QFETCH(QString, op);
    QFETCH(QString, value);
    QFETCH(QStringList, expectedIds);
    Server server;
    auto model = server.model(2);
    QAbstractItemModelTester tester(model.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    tester.setUseFetchMore(true);
    QTRY_VERIFY(model->isComplete());
    QSignalSpy totals(model.get(), &RecordTableModel::totalChanged);
    server.targets.clear();

    model->setFilters({KintoFilter{field, op, QJsonValue(value)}});
    QTRY_VERIFY(model->isComplete());
    QCOMPARE(model->total(), qint64(expectedIds.size()));
    QCOMPARE(idsOf(*model), expectedIds);
    QVERIFY(!totals.isEmpty());
    // The count asked the server with the same filter.
    const QString key = op.isEmpty() ? field : op + QLatin1Char('_') + field;
    QVERIFY2(std::any_of(server.targets.cbegin(), server.targets.cend(),
                         [&](const QString &t) { return t.contains(QLatin1String("records?") + key + QLatin1Char('=')) && t.startsWith(QLatin1String("/v1")); }),
             qPrintable(server.targets.join(QLatin1Char(' '))));

    model->setFilters({});
    QTRY_VERIFY(model->isComplete());
    QCOMPARE(model->total(), qint64(RecordCount));
}

void tst_RecordTableModel::updateAndRemoveRecords()
{
    Server server;
    auto model = server.model();
    QAbstractItemModelTester tester(model.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    tester.setUseFetchMore(true);
    QTRY_VERIFY(model->isComplete());
    model->setColumns({QStringLiteral("title")});
    QSignalSpy changed(model.get(), &QAbstractItemModel::dataChanged);
    QSignalSpy totals(model.get(), &RecordTableModel::totalChanged);

    QJsonObject edited = model->record(model->rowOfId(QStringLiteral("r010")));
    edited.insert(QStringLiteral("title"), QStringLiteral("Renamed"));
    model->updateRecord(edited);
    const int row = model->rowOfId(QStringLiteral("r010"));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), row);
    QCOMPARE(model->index(row, 0).data().toString(), QStringLiteral("Renamed"));
    QCOMPARE(model->rowCount(), RecordCount);
    QCOMPARE(totals.count(), 0);

    model->updateRecord(QJsonObject{{QStringLiteral("id"), QStringLiteral("new")}, {QStringLiteral("title"), QStringLiteral("Fresh")}});
    QCOMPARE(model->recordId(0), QStringLiteral("new"));
    QCOMPARE(model->total(), qint64(RecordCount + 1));

    model->removeRecordIds({QStringLiteral("r010"), QStringLiteral("r011"), QStringLiteral("r000"), QStringLiteral("unknown")});
    QCOMPARE(model->rowCount(), RecordCount - 2);
    QCOMPARE(model->total(), qint64(RecordCount - 2));
    QCOMPARE(model->rowOfId(QStringLiteral("r011")), -1);
    QCOMPARE(model->rowOfId(QStringLiteral("r000")), -1);
    QVERIFY(model->rowOfId(QStringLiteral("r012")) >= 0);
}

void tst_RecordTableModel::failedPageKeepsRowsAndRetries()
{
    Server server;
    auto model = server.model(10);
    // The test steps through pages itself.
    QAbstractItemModelTester tester(model.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    tester.setUseFetchMore(false);
    QTRY_VERIFY(settled(*model));
    QCOMPARE(model->rowCount(), 10);
    QSignalSpy errors(model.get(), &RecordTableModel::error);

    server.sandbox.failNext(1, 503, 0);
    model->fetchMore({});
    QVERIFY(errors.wait(10000));
    QCOMPARE(errors.constLast().at(0).value<ApiError>().httpStatus(), 503);
    QCOMPARE(model->lastError().httpStatus(), 503);
    QCOMPARE(model->rowCount(), 10); // what was loaded stays
    QTRY_VERIFY(!model->isLoading());
    QVERIFY(model->canFetchMore({}));

    model->fetchMore({}); // the retry resumes after the rows already held
    QTRY_COMPARE(model->rowCount(), 20);
    model->fetchMore({});
    QTRY_VERIFY(model->isComplete());
    QCOMPARE(idsOf(*model), newestFirst(RecordCount));
    QVERIFY(model->lastError().kind() == ApiError::Kind::None);
}

// The retry after a failed page asks for that page (its Next-Page link), not the first page again
// skipping as many records as are loaded: a record written meanwhile must not shift the rows
// (before, the newest record pushed r015 into the skipped count and it was shown twice).
void tst_RecordTableModel::retryResumesFromTheFailedPage()
{
    Server server;
    auto model = server.model(10);
    QAbstractItemModelTester tester(model.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    tester.setUseFetchMore(false);
    QTRY_VERIFY(settled(*model));
    QCOMPARE(idsOf(*model), newestFirst(10));
    QSignalSpy errors(model.get(), &RecordTableModel::error);

    server.sandbox.failNext(1, 503, 0);
    model->fetchMore({});
    QVERIFY(errors.wait(10000));
    server.sandbox.service().writeObject(QStringLiteral("/buckets/b/collections/c/records/fresh"),
                                         QJsonObject{{QStringLiteral("title"), QStringLiteral("Written meanwhile")}},
                                         {}, {}, false);
    server.targets.clear();

    model->fetchMore({});
    QTRY_COMPARE(model->rowCount(), 20);
    QCOMPARE(server.targets.size(), 1);
    QVERIFY2(server.targets.constFirst().contains(QLatin1String("_token=")), qPrintable(server.targets.constFirst()));
    model->fetchMore({});
    QTRY_VERIFY(model->isComplete());
    QCOMPARE(idsOf(*model), newestFirst(RecordCount));
}

void tst_RecordTableModel::quickFilterOverLoadedRows_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("rows");
    QTest::newRow("empty shows all") << QString() << RecordCount;
    QTest::newRow("title, any case") << QStringLiteral("record 1") << 11; // 1, 10..19
    QTest::newRow("nested JSON") << QStringLiteral("city 3") << 6;
    QTest::newRow("boolean column") << QStringLiteral("TRUE") << 13; // flag is true for even n
    QTest::newRow("record id") << QStringLiteral("r02") << 5;
    QTest::newRow("no match") << QStringLiteral("zzz") << 0;
}

void tst_RecordTableModel::quickFilterOverLoadedRows()
{
    QFETCH(QString, text);
    QFETCH(int, rows);
    Server server;
    auto model = server.model();
    RecordFilterProxy proxy;
    proxy.setSourceModel(model.get());
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    tester.setUseFetchMore(true);
    QTRY_VERIFY(model->isComplete());
    model->setColumns({QStringLiteral("title"), QStringLiteral("address"), QStringLiteral("flag")});

    proxy.setQuickFilter(text);
    QCOMPARE(proxy.rowCount(), rows);
    // Sorting through the proxy asks the server; the proxy keeps the server's order.
    proxy.sort(0, Qt::DescendingOrder);
    QCOMPARE(model->sortParameter(), QStringLiteral("-title"));
}

void tst_RecordTableModel::choicesCarryToANewModel()
{
    Server server(QJsonObject{{QStringLiteral("displayFields"), QJsonArray{QStringLiteral("title"), QStringLiteral("n")}},
                              {QStringLiteral("sort"), QStringLiteral("-n")}});
    RecordTableModel::Choices choices;
    {
        auto first = server.model();
        QTRY_VERIFY(settled(*first));
        QCOMPARE(first->choices().sort, QString()); // the collection's order is no choice
        QVERIFY(first->choices().columns.isEmpty());
        first->setColumns({QStringLiteral("n"), QStringLiteral("address.city")});
        first->sort(0, Qt::AscendingOrder); // by n
        first->setFilters({KintoFilter{QStringLiteral("n"), QStringLiteral("max"), QJsonValue(QStringLiteral("4"))}});
        QTRY_VERIFY(settled(*first));
        choices = first->choices();
    }
    QCOMPARE(choices.sort, QStringLiteral("n"));

    // The same collection shown again: one load, with the choices, and the tester content with it.
    auto again = server.model();
    QAbstractItemModelTester tester(again.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    server.targets.clear();
    again->applyChoices(choices);
    QTRY_VERIFY(settled(*again));
    QCOMPARE(again->columns(), (QStringList{QStringLiteral("n"), QStringLiteral("address.city")}));
    QCOMPARE(again->sortParameter(), QStringLiteral("n"));
    QCOMPARE(again->total(), qint64(5));
    QCOMPARE(idsOf(*again), (QStringList{recordIdOf(0), recordIdOf(1), recordIdOf(2), recordIdOf(3), recordIdOf(4)}));
    // Every listing asked with them: no load with the collection's defaults first.
    QStringList listings;
    for (const QString &target : std::as_const(server.targets)) {
        if (target.contains(QLatin1String("/records")))
            listings << target;
    }
    QVERIFY(!listings.isEmpty());
    for (const QString &target : std::as_const(listings))
        QVERIFY2(target.contains(QLatin1String("max_n=4")) && !target.contains(QLatin1String("_sort=-n")), qPrintable(target));
}

// The filter's search texts follow what the model holds: pages arriving while it is set, edits,
// inserts and removals; letters match in any case, accented ones included.
void tst_RecordTableModel::quickFilterFollowsRowsAndEdits()
{
    Server server;
    auto model = server.model(10);
    RecordFilterProxy proxy;
    proxy.setSourceModel(model.get());
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    tester.setUseFetchMore(false);
    QTRY_VERIFY(settled(*model));
    model->setColumns({QStringLiteral("title")});
    proxy.setQuickFilter(QStringLiteral("record 2"));
    QCOMPARE(proxy.rowCount(), 5); // the first page holds records 24..15 (newest first): 20..24
    while (!model->isComplete()) {
        const int before = model->rowCount();
        model->fetchMore({});
        QTRY_VERIFY(model->rowCount() > before || model->isComplete());
    }
    QCOMPARE(proxy.rowCount(), 6); // and 2

    QJsonObject record = model->record(model->rowOfId(recordIdOf(3)));
    record.insert(QStringLiteral("title"), QStringLiteral("Élan RECORD 2 bis"));
    model->updateRecord(record);
    QCOMPARE(proxy.rowCount(), 7);
    proxy.setQuickFilter(QStringLiteral("éLAN"));
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, 0).data(RecordTableModel::RecordIdRole).toString(), recordIdOf(3));

    model->updateRecord(QJsonObject{{QStringLiteral("id"), QStringLiteral("new-one")}, {QStringLiteral("title"), QStringLiteral("élan vital")}});
    QCOMPARE(proxy.rowCount(), 2);
    model->removeRecordIds({recordIdOf(3)});
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, 0).data(RecordTableModel::RecordIdRole).toString(), QStringLiteral("new-one"));
    proxy.setQuickFilter(QString());
    QCOMPARE(proxy.rowCount(), model->rowCount());
}

QTEST_MAIN(tst_RecordTableModel)
#include "tst_recordtablemodel.moc"
