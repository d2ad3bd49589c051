#include "historymodel.h"
#include "kintoclient.h"
#include "kintosandbox.h"
#include "kintoservice.h"
#include "loopbackhttpserver.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>
#include <QUuid>

#include <memory>

namespace {

using TestSupport::Outcome;

using TestSupport::await;

QJsonObject historyEntry(const QString &uri, const QString &resource, const QString &action, const QString &date)
{
    return QJsonObject { { QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces) },
                         { QStringLiteral("action"), action },
                         { QStringLiteral("resource_name"), resource },
                         { QStringLiteral("uri"), uri },
                         { QStringLiteral("user_id"), QStringLiteral("account:admin") },
                         { QStringLiteral("date"), date },
                         { QStringLiteral("target"), QJsonObject { { QStringLiteral("data"), QJsonObject() } } } };
}

} // namespace

// The history of a bucket as a table, against the Kinto sandbox: what the server holds, narrowed
// by filters the server applies, page by page.
class tst_HistoryModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void listsTheBucketsChangesNewestFirst();
    void filtersAreSentToTheServer_data();
    void filtersAreSentToTheServer();
    void morePagesComeThroughFetchMore();
    void changesPerDayCountsLocalDays();
    void newestEntryForAnObject();
    void refForUri_data();
    void refForUri();
    void entryDate_data();
    void entryDate();
    void unreachableServerReportsTheError();

private:
    // Seeds bucket "shop": collection "items", records a and b (b updated twice), group "staff".
    void seedChanges();
    // Under QAbstractItemModelTester; useFetchMore false where the test steps through pages itself.
    std::unique_ptr<HistoryModel> makeModel(bool useFetchMore = true);

    QNetworkAccessManager m_nam;
    std::unique_ptr<KintoSandbox> m_sandbox;
    std::unique_ptr<KintoClient> m_client;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void tst_HistoryModel::init()
{
    m_sandbox = std::make_unique<KintoSandbox>();
    QVERIFY(m_sandbox->start());
    m_sandbox->addAccount(QStringLiteral("admin"), QStringLiteral("admin"));
    KintoClient::Settings settings;
    settings.serverUrl = m_sandbox->baseUrl();
    settings.auth = QStringLiteral("admin:admin");
    settings.bucket = QStringLiteral("shop");
    m_client = std::make_unique<KintoConnection>(&m_nam, settings);
}

void tst_HistoryModel::cleanup()
{
    m_tester.reset();
    m_client.reset();
    m_sandbox.reset();
}

void tst_HistoryModel::seedChanges()
{
    const QString b = QStringLiteral("shop");
    const QString c = QStringLiteral("items");
    const auto ok = [](Job *job) {
        const Outcome o = await(job);
        return o.finished && !o.error;
    };
    QVERIFY(ok(m_client->createBucket(b)));
    QVERIFY(ok(m_client->createCollection(b, c)));
    QVERIFY(ok(m_client->createRecord(b, c, QStringLiteral("a"), { { QStringLiteral("n"), 1 } })));
    QVERIFY(ok(m_client->createRecord(b, c, QStringLiteral("b"), { { QStringLiteral("n"), 2 } })));
    QVERIFY(ok(m_client->updateRecord(b, c, QStringLiteral("b"), { { QStringLiteral("n"), 3 } }, KintoWrite { {}, false })));
    QVERIFY(ok(m_client->updateRecord(b, c, QStringLiteral("b"), { { QStringLiteral("n"), 4 } }, KintoWrite { {}, false })));
    QVERIFY(ok(m_client->createGroup(b, QStringLiteral("staff"), { { QStringLiteral("members"), QJsonArray() } })));
}

std::unique_ptr<HistoryModel> tst_HistoryModel::makeModel(bool useFetchMore)
{
    auto model = std::make_unique<HistoryModel>(m_client.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(model.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    m_tester->setUseFetchMore(useFetchMore);
    return model;
}

void tst_HistoryModel::listsTheBucketsChangesNewestFirst()
{
    seedChanges();
    auto model = makeModel();
    QSignalSpy loaded(model.get(), &HistoryModel::pageLoaded);
    model->setBucket(QStringLiteral("shop"));
    QVERIFY(model->isLoading());
    QVERIFY(loaded.wait());
    QVERIFY(!model->isLoading());
    QVERIFY(model->isComplete());

    // bucket, collection, a, b, b, b, group: seven changes, newest (the group) first.
    QCOMPARE(model->rowCount(), 7);
    QCOMPARE(model->index(0, HistoryModel::UriColumn).data().toString(), QStringLiteral("/buckets/shop/groups/staff"));
    QCOMPARE(model->index(0, HistoryModel::ActionColumn).data().toString(), QStringLiteral("create"));
    QCOMPARE(model->index(0, HistoryModel::ResourceColumn).data().toString(), QStringLiteral("group"));
    QCOMPARE(model->index(0, HistoryModel::UserColumn).data().toString(), QStringLiteral("account:admin"));
    QCOMPARE(model->index(6, HistoryModel::ResourceColumn).data().toString(), QStringLiteral("bucket"));
    QCOMPARE(model->index(1, 0).data(HistoryModel::TargetDataRole).toJsonObject().value(QStringLiteral("n")).toInt(), 4);
    QCOMPARE(model->index(1, 0).data(HistoryModel::ActionRole).toString(), QStringLiteral("update"));
    for (int row = 1; row < model->rowCount(); ++row) {
        QVERIFY(model->index(row - 1, 0).data(HistoryModel::LastModifiedRole).toLongLong()
                >= model->index(row, 0).data(HistoryModel::LastModifiedRole).toLongLong());
    }
    QVERIFY(model->index(0, HistoryModel::DateColumn).data(HistoryModel::DateRole).toDateTime().isValid());
    QCOMPARE(model->headerData(HistoryModel::UriColumn, Qt::Horizontal).toString(), QStringLiteral("URI"));
}

void tst_HistoryModel::filtersAreSentToTheServer_data()
{
    QTest::addColumn<QString>("resource");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("uri");
    QTest::addColumn<QString>("queryKey");
    QTest::addColumn<QString>("queryValue");
    QTest::addColumn<int>("rows");
    QTest::newRow("records only") << "record" << "" << "" << "resource_name" << "record" << 4;
    QTest::newRow("collections only") << "collection" << "" << "" << "resource_name" << "collection" << 1;
    QTest::newRow("one object by exact uri") << "" << "" << "/buckets/shop/collections/items/records/b"
                                             << "uri" << "/buckets/shop/collections/items/records/b" << 3;
    QTest::newRow("objects by uri wildcard") << "" << "" << "/buckets/shop/collections/items/*"
                                             << "like_uri" << "/buckets/shop/collections/items/*" << 4;
    QTest::newRow("a user who changed everything") << "" << "account:admin" << "" << "user_id" << "account:admin" << 7;
    QTest::newRow("a user who changed nothing") << "" << "account:bob" << "" << "user_id" << "account:bob" << 0;
}

void tst_HistoryModel::filtersAreSentToTheServer()
{
    QFETCH(QString, resource);
    QFETCH(QString, user);
    QFETCH(QString, uri);
    QFETCH(QString, queryKey);
    QFETCH(QString, queryValue);
    QFETCH(int, rows);

    seedChanges();
    auto model = makeModel();
    QSignalSpy loaded(model.get(), &HistoryModel::pageLoaded);
    model->setBucket(QStringLiteral("shop"));
    QVERIFY(loaded.wait());
    QCOMPARE(model->rowCount(), 7);

    QList<QUrlQuery> queries;
    connect(m_sandbox->server(), &LoopbackHttpServer::requestReceived, this, [&queries](const HttpServerRequest &r) {
        if (r.path.endsWith(QLatin1String("/history")))
            queries.append(r.query);
    });
    HistoryFilter filter;
    filter.resourceName = resource;
    filter.user = user;
    filter.uri = uri;
    model->setFilter(filter);
    QVERIFY(loaded.wait());
    QCOMPARE(queries.size(), 1);
    QCOMPARE(queries.first().queryItemValue(queryKey, QUrl::FullyDecoded), queryValue);
    QCOMPARE(queries.first().queryItemValue(QStringLiteral("_sort")), QStringLiteral("-last_modified"));
    QCOMPARE(model->rowCount(), rows);
    for (int row = 0; row < rows; ++row) {
        if (!resource.isEmpty())
            QCOMPARE(model->index(row, 0).data(HistoryModel::ResourceNameRole).toString(), resource);
    }
    // The same filter again is no new request.
    model->setFilter(filter);
    QTest::qWait(50);
    QCOMPARE(queries.size(), 1);
}

void tst_HistoryModel::morePagesComeThroughFetchMore()
{
    seedChanges();
    auto model = makeModel(false);
    model->setPageSize(3);
    QSignalSpy loaded(model.get(), &HistoryModel::pageLoaded);
    model->setBucket(QStringLiteral("shop"));
    QVERIFY(loaded.wait());
    QCOMPARE(model->rowCount(), 3);
    QVERIFY(!model->isComplete());
    QVERIFY(model->canFetchMore({}));

    QSignalSpy inserted(model.get(), &QAbstractItemModel::rowsInserted);
    model->fetchMore({});
    QVERIFY(!model->canFetchMore({})); // one page in flight at a time
    QVERIFY(loaded.wait());
    QCOMPARE(model->rowCount(), 6);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 3);
    QCOMPARE(inserted.first().at(2).toInt(), 5);
    model->fetchMore({});
    QVERIFY(loaded.wait());
    QCOMPARE(model->rowCount(), 7);
    QVERIFY(model->isComplete());
    QVERIFY(!model->canFetchMore({}));
    // Every entry once, newest first.
    QSet<QString> ids;
    for (int row = 0; row < model->rowCount(); ++row)
        ids.insert(model->entry(row).value(QStringLiteral("id")).toString());
    QCOMPARE(ids.size(), 7);
}

void tst_HistoryModel::changesPerDayCountsLocalDays()
{
    QVERIFY(!await(m_client->createBucket(QStringLiteral("shop"))).error);
    // Entries dated on three days: written straight to storage, as the plugin would have.
    const QDate today = QDate::currentDate();
    KintoStore &store = m_sandbox->service().store();
    const QString bucketUri = QStringLiteral("/buckets/shop");
    const auto day = [&](int offset, const char *time) -> QString {
        return today.addDays(offset).toString(Qt::ISODate) + QLatin1Char('T') + QLatin1String(time);
    };
    for (const QString &date : { day(-3, "09:00:00.123456"), day(-3, "18:30:00.000001"), day(-1, "12:00:00.5"),
                                 day(0, "00:00:01") }) {
        const QJsonObject saved = store.save(bucketUri, QStringLiteral("history"),
                                             historyEntry(bucketUri, QStringLiteral("bucket"), QStringLiteral("update"), date));
        store.setAcl(bucketUri + QStringLiteral("/history/") + saved.value(QStringLiteral("id")).toString(),
                     KintoAcl { { QStringLiteral("read"), { QStringLiteral("account:admin") } } });
    }
    auto model = makeModel();
    QSignalSpy loaded(model.get(), &HistoryModel::pageLoaded);
    model->setBucket(QStringLiteral("shop"));
    QVERIFY(loaded.wait());
    QCOMPARE(model->rowCount(), 5); // the bucket's creation too, today

    const QMap<QDate, int> counts = model->changesPerDay();
    QCOMPARE(counts.size(), 3);
    QCOMPARE(counts.value(today.addDays(-3)), 2);
    QCOMPARE(counts.value(today.addDays(-1)), 1);
    QCOMPARE(counts.value(today), 2);
}

void tst_HistoryModel::newestEntryForAnObject()
{
    seedChanges();
    auto model = makeModel();
    QSignalSpy loaded(model.get(), &HistoryModel::pageLoaded);
    model->setBucket(QStringLiteral("shop"));
    QVERIFY(loaded.wait());
    const QString uri = QStringLiteral("/buckets/shop/collections/items/records/b");
    const auto newest = model->newestEntryFor(uri);
    QVERIFY(newest.has_value());
    const Outcome current = await(m_client->getRecord(QStringLiteral("shop"), QStringLiteral("items"), QStringLiteral("b")));
    QVERIFY(!current.error);
    const QJsonObject data = current.result.toObject().value(QStringLiteral("data")).toObject();
    const QJsonObject seen = newest->value(QStringLiteral("target")).toObject().value(QStringLiteral("data")).toObject();
    QCOMPARE(seen.value(QStringLiteral("last_modified")), data.value(QStringLiteral("last_modified")));
    QCOMPARE(seen.value(QStringLiteral("n")).toInt(), 4);
    QVERIFY(!model->newestEntryFor(QStringLiteral("/buckets/shop/collections/items/records/zzz")).has_value());
}

void tst_HistoryModel::refForUri_data()
{
    QTest::addColumn<QString>("uri");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("bucket");
    QTest::addColumn<QString>("collection");
    QTest::addColumn<QString>("id");
    QTest::newRow("bucket") << "/buckets/b" << true << int(KintoEndpoint::Bucket) << "b" << "" << "";
    QTest::newRow("group") << "/buckets/b/groups/g" << true << int(KintoEndpoint::Group) << "b" << "" << "g";
    QTest::newRow("collection") << "/buckets/b/collections/c" << true << int(KintoEndpoint::Collection) << "b" << "c" << "";
    QTest::newRow("record") << "/buckets/b/collections/c/records/r-1" << true << int(KintoEndpoint::Record) << "b" << "c"
                            << "r-1";
    QTest::newRow("records list") << "/buckets/b/collections/c/records" << false << 0 << "" << "" << "";
    QTest::newRow("relative") << "buckets/b" << false << 0 << "" << "" << "";
    QTest::newRow("account") << "/accounts/alice" << false << 0 << "" << "" << "";
    QTest::newRow("empty") << "" << false << 0 << "" << "" << "";
    QTest::newRow("trailing slash") << "/buckets/b/" << false << 0 << "" << "" << "";
}

void tst_HistoryModel::refForUri()
{
    QFETCH(QString, uri);
    QFETCH(bool, valid);
    QFETCH(int, type);
    QFETCH(QString, bucket);
    QFETCH(QString, collection);
    QFETCH(QString, id);
    const auto ref = HistoryModel::refForUri(uri);
    QCOMPARE(ref.has_value(), valid);
    if (!valid)
        return;
    QCOMPARE(int(ref->type), type);
    QCOMPARE(ref->bucket, bucket);
    QCOMPARE(ref->collection, collection);
    QCOMPARE(ref->id, id);
}

void tst_HistoryModel::entryDate_data()
{
    QTest::addColumn<QJsonObject>("entry");
    QTest::addColumn<QDateTime>("expected");
    const QDateTime local(QDate(2024, 3, 5), QTime(14, 7, 9, 123));
    QTest::newRow("python isoformat, microseconds, local")
        << QJsonObject { { QStringLiteral("date"), QStringLiteral("2024-03-05T14:07:09.123456") } } << local;
    QTest::newRow("with UTC offset")
        << QJsonObject { { QStringLiteral("date"), QStringLiteral("2024-03-05T14:07:09.123456+00:00") } }
        << QDateTime(QDate(2024, 3, 5), QTime(14, 7, 9, 123), Qt::UTC).toLocalTime();
    QTest::newRow("no date: last_modified")
        << QJsonObject { { QStringLiteral("last_modified"), double(local.toMSecsSinceEpoch()) } } << local;
    QTest::newRow("unreadable date: last_modified")
        << QJsonObject { { QStringLiteral("date"), QStringLiteral("yesterday") },
                         { QStringLiteral("last_modified"), double(local.toMSecsSinceEpoch()) } }
        << local;
    QTest::newRow("nothing") << QJsonObject() << QDateTime();
}

void tst_HistoryModel::entryDate()
{
    QFETCH(QJsonObject, entry);
    QFETCH(QDateTime, expected);
    const QDateTime actual = HistoryModel::entryDate(entry);
    QCOMPARE(actual.isValid(), expected.isValid());
    if (expected.isValid())
        QCOMPARE(actual.toMSecsSinceEpoch(), expected.toMSecsSinceEpoch());
}

void tst_HistoryModel::unreachableServerReportsTheError()
{
    seedChanges();
    auto model = makeModel();
    QSignalSpy loaded(model.get(), &HistoryModel::pageLoaded);
    QSignalSpy failed(model.get(), &HistoryModel::loadFailed);
    model->setBucket(QStringLiteral("shop"));
    QVERIFY(loaded.wait());
    QCOMPARE(model->rowCount(), 7);

    m_sandbox->failNext(1, 503);
    model->reload();
    QCOMPARE(model->rowCount(), 0); // a reload starts from nothing
    QVERIFY(failed.wait());
    QCOMPARE(model->lastError().httpStatus(), 503);
    QVERIFY(!model->isLoading());
    QCOMPARE(model->rowCount(), 0);
}

QTEST_MAIN(tst_HistoryModel)
#include "tst_historymodel.moc"
