#include "net/requestlog.h"
#include "requestlogmodel.h"

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace {

RequestLogEntry makeEntry(const QString &url, int status = 200)
{
    RequestLogEntry e;
    e.started = QDateTime(QDate(2024, 5, 17), QTime(9, 30, 15, 250));
    e.tenant = QStringLiteral("Staging");
    e.method = "GET";
    e.url = url;
    e.status = status;
    e.durationMs = 42;
    e.bytesIn = 2048;
    e.bytesOut = 10;
    return e;
}

QString urlAt(const RequestLogModel &model, int row)
{
    return model.index(row, RequestLogModel::UrlColumn).data().toString();
}

} // namespace

class TestRequestLogModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void showsEntriesAlreadyInTheLog();
    void appendInsertsOneRowAtTheEnd();
    void trimAtCapacityRemovesFromTheFront();
    void lowerCapacityRemovesSeveralRowsAtOnce();
    void clearEmptiesTheModel();
    void destroyedLogEmptiesTheModel();
    void statusDisplay_data();
    void statusDisplay();
    void typedRoles();
    void outOfRangeGivesNothing();
    void headers();
};

void TestRequestLogModel::showsEntriesAlreadyInTheLog()
{
    RequestLog log;
    log.append(makeEntry(QStringLiteral("https://a.example/1")));
    log.append(makeEntry(QStringLiteral("https://a.example/2")));
    RequestLogModel model(&log);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);

    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(RequestLogModel::ColumnCount));
    QCOMPARE(urlAt(model, 0), QStringLiteral("https://a.example/1"));
    QCOMPARE(urlAt(model, 1), QStringLiteral("https://a.example/2"));
}

void TestRequestLogModel::appendInsertsOneRowAtTheEnd()
{
    RequestLog log;
    RequestLogModel model(&log);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

    for (int i = 0; i < 3; ++i)
        log.append(makeEntry(QStringLiteral("https://a.example/%1").arg(i)));

    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(inserted.count(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(inserted.at(i).at(1).toInt(), i);
        QCOMPARE(inserted.at(i).at(2).toInt(), i);
    }
    QCOMPARE(urlAt(model, 2), QStringLiteral("https://a.example/2"));
}

void TestRequestLogModel::trimAtCapacityRemovesFromTheFront()
{
    RequestLog log;
    log.setCapacity(3);
    RequestLogModel model(&log);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

    for (int i = 0; i < 5; ++i)
        log.append(makeEntry(QStringLiteral("https://a.example/%1").arg(i)));

    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(removed.count(), 2);
    QCOMPARE(removed.at(0).at(1).toInt(), 0);
    QCOMPARE(removed.at(0).at(2).toInt(), 0);
    // The oldest two are gone; rows still match the log, oldest first.
    QCOMPARE(urlAt(model, 0), QStringLiteral("https://a.example/2"));
    QCOMPARE(urlAt(model, 2), QStringLiteral("https://a.example/4"));
    for (int row = 0; row < 3; ++row) {
        QCOMPARE(model.index(row, 0).data(RequestLogModel::EntryIdRole).toULongLong(),
                 log.entries().at(row).id);
    }
}

void TestRequestLogModel::lowerCapacityRemovesSeveralRowsAtOnce()
{
    RequestLog log;
    for (int i = 0; i < 5; ++i)
        log.append(makeEntry(QStringLiteral("https://a.example/%1").arg(i)));
    RequestLogModel model(&log);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

    log.setCapacity(2);

    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.at(0).at(1).toInt(), 0);
    QCOMPARE(removed.at(0).at(2).toInt(), 2);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(urlAt(model, 0), QStringLiteral("https://a.example/3"));
}

void TestRequestLogModel::clearEmptiesTheModel()
{
    RequestLog log;
    RequestLogModel model(&log);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    log.append(makeEntry(QStringLiteral("https://a.example/1")));
    log.append(makeEntry(QStringLiteral("https://a.example/2")));
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    log.clear();

    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 0);

    // The model keeps following the log after a clear.
    log.append(makeEntry(QStringLiteral("https://a.example/3")));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(urlAt(model, 0), QStringLiteral("https://a.example/3"));
}

void TestRequestLogModel::destroyedLogEmptiesTheModel()
{
    auto log = std::make_unique<RequestLog>();
    log->append(makeEntry(QStringLiteral("https://a.example/1")));
    RequestLogModel model(log.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QCOMPARE(model.rowCount(), 1);

    log.reset();

    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.requestLog(), nullptr);
}

void TestRequestLogModel::statusDisplay_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("dryRun");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("shown");
    QTest::addColumn<bool>("failed");

    QTest::newRow("200 OK shows the status") << 200 << false << QString() << QStringLiteral("200") << false;
    QTest::newRow("304 is not a failure") << 304 << false << QString() << QStringLiteral("304") << false;
    QTest::newRow("404 with the server's message")
        << 404 << false << QStringLiteral("HTTP 404 Not Found: bucket not found")
        << QStringLiteral("404") << true;
    QTest::newRow("500 without a parsed message") << 500 << false << QString() << QStringLiteral("500") << true;
    QTest::newRow("dry run was never sent") << 0 << true << QString() << QStringLiteral("dry run") << false;
    QTest::newRow("connection refused has no status")
        << 0 << false << QStringLiteral("Network: Connection refused") << QStringLiteral("—") << true;
}

void TestRequestLogModel::statusDisplay()
{
    QFETCH(int, status);
    QFETCH(bool, dryRun);
    QFETCH(QString, error);
    QFETCH(QString, shown);
    QFETCH(bool, failed);

    RequestLog log;
    RequestLogModel model(&log);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    RequestLogEntry e = makeEntry(QStringLiteral("https://a.example/buckets/x"), status);
    e.dryRun = dryRun;
    e.error = error;
    log.append(e);

    const QModelIndex statusIndex = model.index(0, RequestLogModel::StatusColumn);
    QCOMPARE(statusIndex.data().toString(), shown);
    QCOMPARE(statusIndex.data(RequestLogModel::StatusRole).toInt(), status);
    QCOMPARE(statusIndex.data(RequestLogModel::FailedRole).toBool(), failed);
    QCOMPARE(statusIndex.data(RequestLogModel::DryRunRole).toBool(), dryRun);
    QCOMPARE(statusIndex.data(RequestLogModel::ErrorRole).toString(), error);
    if (!error.isEmpty())
        QVERIFY(statusIndex.data(Qt::ToolTipRole).toString().contains(error));

    // Failed rows are coloured, in every column; successful live rows keep the palette's colour.
    const QVariant foreground = model.index(0, RequestLogModel::UrlColumn).data(Qt::ForegroundRole);
    if (failed) {
        QVERIFY(foreground.canConvert<QBrush>());
        const QColor colour = foreground.value<QBrush>().color();
        QVERIFY2(colour.red() > colour.green() && colour.red() > colour.blue(), "failed rows are red");
    } else if (!dryRun) {
        QVERIFY(!foreground.isValid());
    }
}

void TestRequestLogModel::typedRoles()
{
    RequestLog log;
    RequestLogModel model(&log);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    RequestLogEntry e = makeEntry(QStringLiteral("https://a.example/v1/"), 201);
    e.method = "POST";
    e.durationMs = 1500;
    e.bytesIn = 1536;
    e.bytesOut = 300;
    e.retries = 2;
    log.append(e);

    const QModelIndex idx = model.index(0, 0);
    QCOMPARE(idx.data(RequestLogModel::EntryIdRole).toULongLong(), log.entries().at(0).id);
    QCOMPARE(idx.data(RequestLogModel::StartedRole).toDateTime(), e.started);
    QCOMPARE(idx.data(RequestLogModel::TenantRole).toString(), QStringLiteral("Staging"));
    QCOMPARE(idx.data(RequestLogModel::MethodRole).toString(), QStringLiteral("POST"));
    QCOMPARE(idx.data(RequestLogModel::UrlRole).toString(), QStringLiteral("https://a.example/v1/"));
    QCOMPARE(idx.data(RequestLogModel::DurationRole).toLongLong(), 1500);
    QCOMPARE(idx.data(RequestLogModel::BytesInRole).toLongLong(), 1536);
    QCOMPARE(idx.data(RequestLogModel::BytesOutRole).toLongLong(), 300);
    QCOMPARE(idx.data(RequestLogModel::RetriesRole).toInt(), 2);

    // What a person reads in each column.
    QCOMPARE(model.index(0, RequestLogModel::TimeColumn).data().toString(),
             e.started.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz")));
    QCOMPARE(model.index(0, RequestLogModel::MethodColumn).data().toString(), QStringLiteral("POST"));
    QVERIFY(model.index(0, RequestLogModel::DurationColumn).data().toString().endsWith(QStringLiteral(" s")));
    QCOMPARE(model.index(0, RequestLogModel::SizeColumn).data().toString(),
             QLocale().formattedDataSize(1536) + QStringLiteral(" / 300 B"));
    QCOMPARE(model.index(0, RequestLogModel::RetriesColumn).data().toString(), QStringLiteral("2"));
    QVERIFY(model.roleNames().contains(RequestLogModel::EntryIdRole));
}

void TestRequestLogModel::outOfRangeGivesNothing()
{
    RequestLog log;
    log.append(makeEntry(QStringLiteral("https://a.example/1")));
    RequestLogModel model(&log);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);

    QVERIFY(!model.index(1, 0).isValid());
    QVERIFY(!model.index(0, RequestLogModel::ColumnCount).isValid());
    QVERIFY(!model.index(-1, 0).isValid());
    QCOMPARE(model.entry(-1), nullptr);
    QCOMPARE(model.entry(1), nullptr);
    QVERIFY(model.entry(0) != nullptr);
    QCOMPARE(model.rowCount(model.index(0, 0)), 0);
    QVERIFY(!model.data(QModelIndex()).isValid());

    RequestLogModel empty(nullptr);
    QCOMPARE(empty.rowCount(), 0);
}

void TestRequestLogModel::headers()
{
    RequestLogModel model(nullptr);
    QStringList headers;
    for (int c = 0; c < model.columnCount(); ++c)
        headers << model.headerData(c, Qt::Horizontal).toString();
    QCOMPARE(headers, (QStringList{QStringLiteral("Time"), QStringLiteral("Method"), QStringLiteral("URL"),
                                   QStringLiteral("Status"), QStringLiteral("Duration"),
                                   QStringLiteral("Size (in/out)"), QStringLiteral("Retries"),
                                   QStringLiteral("Tenant")}));
}

QTEST_MAIN(TestRequestLogModel)
#include "tst_requestlogmodel.moc"
