#include "history/diffview.h"
#include "history/historyview.h"
#include "history/timelinechart.h"
#include "historymodel.h"
#include "kintoclient.h"
#include "kintosandbox.h"
#include "kintoservice.h"
#include "loopbackhttpserver.h"
#include "prompt.h"
#include "testsupport.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QUrlQuery>
#include <QUuid>

#include <memory>

namespace {

using TestSupport::Outcome;

using TestSupport::await;

const QString Bucket = QStringLiteral("shop");
const QString Collection = QStringLiteral("items");
const QString RecordB = QStringLiteral("/buckets/shop/collections/items/records/b");

} // namespace

// The history view driven like a person against the Kinto sandbox; assertions are about what the
// server holds or was asked.
class tst_HistoryView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void showsTheHistoryWithAChartOfDays();
    void filtersChangeTheServerQuery();
    void twoVersionsOfAnObjectAreCompared();
    void purgeAsksFirst_data();
    void purgeAsksFirst();
    void revertWritesTheOldVersionBack();
    void revertAfterAConcurrentChangeIsRefused();
    void aDeletedObjectIsRecreated();
    void withoutThePluginAPageSaysSo();

private:
    // bucket shop, collection items, record a {n:1}, record b {n:2} then {n:3} then {n:4}.
    void seedChanges();
    // Opens the view on "shop" and waits for the entries.
    std::unique_ptr<HistoryView> openView();
    // The row of the entry about `uri` whose target.data.n is `n` (-1 if none).
    static int rowOf(const HistoryModel *model, const QString &uri, int n);
    static void clickRow(QTableView *table, int row, Qt::KeyboardModifiers modifiers = {});
    QJsonObject serverRecord(const QString &id, ApiError *error = nullptr);
    int serverHistoryCount();

    QNetworkAccessManager m_nam;
    std::unique_ptr<KintoSandbox> m_sandbox;
    std::unique_ptr<KintoClient> m_client;   // the view's
    std::unique_ptr<KintoClient> m_observer; // reads the server independently
};

void tst_HistoryView::init()
{
    Prompt::setAnswerForTests(true);
    m_sandbox = std::make_unique<KintoSandbox>();
    QVERIFY(m_sandbox->start());
    m_sandbox->addAccount(QStringLiteral("admin"), QStringLiteral("admin"));
    KintoClient::Settings settings;
    settings.serverUrl = m_sandbox->baseUrl();
    settings.auth = QStringLiteral("admin:admin");
    settings.bucket = Bucket;
    m_client = std::make_unique<KintoConnection>(&m_nam, settings);
    m_observer = std::make_unique<KintoConnection>(&m_nam, settings);
}

void tst_HistoryView::cleanup()
{
    Prompt::setAnswerForTests(std::nullopt);
    m_client.reset();
    m_observer.reset();
    m_sandbox.reset();
}

void tst_HistoryView::seedChanges()
{
    const auto ok = [](Job *job) {
        const Outcome o = await(job);
        return o.finished && !o.error;
    };
    const KintoWrite overwrite { {}, false };
    QVERIFY(ok(m_observer->createBucket(Bucket)));
    QVERIFY(ok(m_observer->createCollection(Bucket, Collection)));
    QVERIFY(ok(m_observer->createRecord(Bucket, Collection, QStringLiteral("a"), { { QStringLiteral("n"), 1 } })));
    QVERIFY(ok(m_observer->createRecord(Bucket, Collection, QStringLiteral("b"),
                                        { { QStringLiteral("n"), 2 }, { QStringLiteral("title"), QStringLiteral("first") } })));
    QVERIFY(ok(m_observer->updateRecord(Bucket, Collection, QStringLiteral("b"),
                                        { { QStringLiteral("n"), 3 }, { QStringLiteral("title"), QStringLiteral("first") } }, overwrite)));
    QVERIFY(ok(m_observer->updateRecord(Bucket, Collection, QStringLiteral("b"),
                                        { { QStringLiteral("n"), 4 }, { QStringLiteral("title"), QStringLiteral("second") } }, overwrite)));
}

std::unique_ptr<HistoryView> tst_HistoryView::openView()
{
    auto view = std::make_unique<HistoryView>(m_client.get());
    view->resize(1000, 700);
    view->show();
    if (!QTest::qWaitForWindowExposed(view.get()))
        return nullptr;
    QSignalSpy loaded(view->model(), &HistoryModel::pageLoaded);
    view->setBucket(Bucket);
    if (!loaded.wait(10000))
        return nullptr;
    return view;
}

int tst_HistoryView::rowOf(const HistoryModel *model, const QString &uri, int n)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(HistoryModel::UriRole).toString() == uri
            && index.data(HistoryModel::TargetDataRole).toJsonObject().value(QStringLiteral("n")).toInt(-1) == n) {
            return row;
        }
    }
    return -1;
}

void tst_HistoryView::clickRow(QTableView *table, int row, Qt::KeyboardModifiers modifiers)
{
    const QModelIndex index = table->model()->index(row, HistoryModel::ActionColumn);
    table->scrollTo(index);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, modifiers, table->visualRect(index).center());
}

QJsonObject tst_HistoryView::serverRecord(const QString &id, ApiError *error)
{
    const Outcome o = await(m_observer->getRecord(Bucket, Collection, id));
    if (error)
        *error = o.error;
    return o.result.toObject().value(QStringLiteral("data")).toObject();
}

int tst_HistoryView::serverHistoryCount()
{
    const Outcome o = await(m_observer->getHistory(Bucket));
    return o.error ? -1 : int(o.result.toArray().size());
}

void tst_HistoryView::showsTheHistoryWithAChartOfDays()
{
    // Two older changes, two days ago, as the plugin would have stored them then (first, so
    // that their last_modified is older too).
    KintoStore &store = m_sandbox->service().store();
    const QString bucketUri = QStringLiteral("/buckets/shop");
    const QString twoDaysAgo = QDate::currentDate().addDays(-2).toString(Qt::ISODate);
    for (const char *time : { "T08:00:00.000001", "T17:45:10.500000" }) {
        const QJsonObject entry { { QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces) },
                                  { QStringLiteral("action"), QStringLiteral("update") },
                                  { QStringLiteral("resource_name"), QStringLiteral("bucket") },
                                  { QStringLiteral("uri"), bucketUri },
                                  { QStringLiteral("user_id"), QStringLiteral("account:alice") },
                                  { QStringLiteral("date"), QString(twoDaysAgo + QLatin1String(time)) },
                                  { QStringLiteral("target"), QJsonObject { { QStringLiteral("data"), QJsonObject() } } } };
        const QJsonObject saved = store.save(bucketUri, QStringLiteral("history"), entry);
        store.setAcl(bucketUri + QStringLiteral("/history/") + saved.value(QStringLiteral("id")).toString(),
                     KintoAcl { { QStringLiteral("read"), { QStringLiteral("account:admin") } } });
    }

    seedChanges();

    auto view = openView();
    QVERIFY(view);
    auto *table = view->findChild<QTableView *>(QStringLiteral("historyTable"));
    auto *pages = view->findChild<QStackedWidget *>(QStringLiteral("historyPages"));
    QVERIFY(table && pages);
    QVERIFY(view->isHistoryAvailable());
    QCOMPARE(pages->currentWidget(), table->parentWidget()->parentWidget()); // the history page
    QCOMPARE(table->model()->rowCount(), 8); // 6 changes today + 2 two days ago
    QCOMPARE(table->model()->index(0, HistoryModel::UriColumn).data().toString(), RecordB);
    QVERIFY2(view->statusText().contains(QStringLiteral("8")), qPrintable(view->statusText()));

    auto *chart = view->findChild<TimelineChart *>(QStringLiteral("historyChart"));
    QVERIFY(chart);
    QCOMPARE(chart->dayCount(), 3); // two days ago .. today, yesterday empty
    QCOMPARE(chart->counts().size(), 2);
    QCOMPARE(chart->counts().value(QDate::currentDate()), 6);
    QCOMPARE(chart->counts().value(QDate::currentDate().addDays(-2)), 2);
    QCOMPARE(chart->maxCount(), 6);
    // The bar under the right edge is today's.
    const QRect area = chart->rect();
    QCOMPARE(chart->dayAt(QPoint(area.right() - 8, area.center().y())), QDate::currentDate());
    QVERIFY(!chart->grab().isNull()); // paints without trouble
}

void tst_HistoryView::filtersChangeTheServerQuery()
{
    seedChanges();
    auto view = openView();
    QVERIFY(view);
    auto *table = view->findChild<QTableView *>(QStringLiteral("historyTable"));
    auto *resource = view->findChild<QComboBox *>(QStringLiteral("historyResourceFilter"));
    auto *user = view->findChild<QLineEdit *>(QStringLiteral("historyUserFilter"));
    QVERIFY(table && resource && user);
    QCOMPARE(table->model()->rowCount(), 6);

    QList<QUrlQuery> queries;
    connect(m_sandbox->server(), &LoopbackHttpServer::requestReceived, this, [&queries](const HttpServerRequest &r) {
        if (r.path.endsWith(QLatin1String("/history")))
            queries.append(r.query);
    });
    QSignalSpy loaded(view->model(), &HistoryModel::pageLoaded);

    // Pick "record" in the resource combo with the keyboard.
    resource->setFocus();
    const int recordIndex = resource->findData(QStringLiteral("record"));
    QVERIFY(recordIndex > 0);
    for (int i = resource->currentIndex(); i < recordIndex; ++i)
        QTest::keyClick(resource, Qt::Key_Down);
    QCOMPARE(resource->currentData().toString(), QStringLiteral("record"));
    QVERIFY(loaded.wait());
    QVERIFY(!queries.isEmpty());
    QCOMPARE(queries.last().queryItemValue(QStringLiteral("resource_name")), QStringLiteral("record"));
    QCOMPARE(table->model()->rowCount(), 4);
    for (int row = 0; row < 4; ++row)
        QCOMPARE(table->model()->index(row, HistoryModel::ResourceColumn).data().toString(), QStringLiteral("record"));

    // A user who changed nothing: an empty table, asked of the server.
    QTest::keyClicks(user, QStringLiteral("account:bob"));
    QTest::keyClick(user, Qt::Key_Return);
    QVERIFY(loaded.wait());
    QCOMPARE(queries.last().queryItemValue(QStringLiteral("user_id"), QUrl::FullyDecoded), QStringLiteral("account:bob"));
    QCOMPARE(queries.last().queryItemValue(QStringLiteral("resource_name")), QStringLiteral("record"));
    QCOMPARE(table->model()->rowCount(), 0);

    // Back to everyone's changes to records.
    user->clear();
    QTest::keyClick(user, Qt::Key_Return);
    QVERIFY(loaded.wait());
    QVERIFY(!queries.last().hasQueryItem(QStringLiteral("user_id")));
    QCOMPARE(table->model()->rowCount(), 4);
}

void tst_HistoryView::twoVersionsOfAnObjectAreCompared()
{
    seedChanges();
    auto view = openView();
    QVERIFY(view);
    auto *table = view->findChild<QTableView *>(QStringLiteral("historyTable"));
    auto *diffTable = view->findChild<QTableWidget *>(QStringLiteral("diffTable"));
    QVERIFY(table && diffTable);
    const int newest = rowOf(view->model(), RecordB, 4);
    const int oldest = rowOf(view->model(), RecordB, 2);
    const int other = rowOf(view->model(), QStringLiteral("/buckets/shop/collections/items/records/a"), 1);
    QVERIFY(newest >= 0 && oldest >= 0 && other >= 0);

    clickRow(table, newest);
    clickRow(table, oldest, Qt::ControlModifier);
    QCOMPARE(table->selectionModel()->selectedRows().size(), 2);
    const QStringList differing = view->diffView()->differingFields();
    QCOMPARE(differing, QStringList({ QStringLiteral("last_modified"), QStringLiteral("n"), QStringLiteral("title") }));

    // The rows: field, older (left), newer (right); differing rows highlighted, equal ones not.
    QHash<QString, int> rows;
    for (int row = 0; row < diffTable->rowCount(); ++row)
        rows.insert(diffTable->item(row, DiffView::FieldColumn)->text(), row);
    QVERIFY(rows.contains(QStringLiteral("n")) && rows.contains(QStringLiteral("id")));
    const int n = rows.value(QStringLiteral("n"));
    QCOMPARE(diffTable->item(n, DiffView::LeftColumn)->text(), QStringLiteral("2"));
    QCOMPARE(diffTable->item(n, DiffView::RightColumn)->text(), QStringLiteral("4"));
    QCOMPARE(diffTable->item(rows.value(QStringLiteral("title")), DiffView::RightColumn)->text(), QStringLiteral("second"));
    // A timestamp reads as a date (the records table's format), its number in the tooltip.
    const QTableWidgetItem *stamp = diffTable->item(rows.value(QStringLiteral("last_modified")), DiffView::RightColumn);
    const qint64 newestStamp = view->model()->entry(newest).value(QLatin1String("target")).toObject()
                                   .value(QLatin1String("data")).toObject().value(QLatin1String("last_modified")).toInteger();
    QVERIFY(newestStamp > 0);
    QCOMPARE(stamp->text(), QDateTime::fromMSecsSinceEpoch(newestStamp).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    QCOMPARE(stamp->toolTip(), QString::number(newestStamp));
    const QBrush plain = diffTable->item(rows.value(QStringLiteral("id")), DiffView::LeftColumn)->background();
    QCOMPARE(plain.style(), Qt::NoBrush);
    QVERIFY(diffTable->item(n, DiffView::LeftColumn)->background().style() != Qt::NoBrush);
    QVERIFY(diffTable->item(n, DiffView::RightColumn)->background().style() != Qt::NoBrush);

    // Only the differences, when asked.
    view->diffView()->setOnlyDifferences(true);
    QCOMPARE(view->diffView()->shownFields(), differing);

    // Two different objects: nothing to compare.
    clickRow(table, other, Qt::ControlModifier);
    clickRow(table, oldest, Qt::ControlModifier); // deselect: newest + a remain
    QCOMPARE(table->selectionModel()->selectedRows().size(), 2);
    QVERIFY(view->diffView()->differingFields().isEmpty());
    QCOMPARE(diffTable->rowCount(), 0);
}

void tst_HistoryView::purgeAsksFirst_data()
{
    QTest::addColumn<bool>("answer");
    QTest::addColumn<QString>("resource");
    QTest::addColumn<int>("remaining");
    QTest::newRow("yes, everything") << true << "" << 0;
    QTest::newRow("yes, records only") << true << "record" << 2;
    QTest::newRow("no") << false << "" << 6;
}

void tst_HistoryView::purgeAsksFirst()
{
    QFETCH(bool, answer);
    QFETCH(QString, resource);
    QFETCH(int, remaining);
    seedChanges();
    QCOMPARE(serverHistoryCount(), 6);
    auto view = openView();
    QVERIFY(view);
    QSignalSpy loaded(view->model(), &HistoryModel::pageLoaded);
    if (!resource.isEmpty()) {
        auto *combo = view->findChild<QComboBox *>(QStringLiteral("historyResourceFilter"));
        combo->setCurrentIndex(combo->findData(resource));
        QVERIFY(loaded.wait());
    }
    Prompt::setAnswerForTests(answer);
    QSignalSpy purged(view.get(), &HistoryView::purged);
    auto *purge = view->findChild<QPushButton *>(QStringLiteral("historyPurge"));
    QVERIFY(purge);
    QTest::mouseClick(purge, Qt::LeftButton);
    QVERIFY2(Prompt::lastMessage().contains(QStringLiteral("cannot be undone")), qPrintable(Prompt::lastMessage()));
    if (answer) {
        QVERIFY(purged.wait());
        QCOMPARE(purged.first().first().toInt(), 6 - remaining);
        QTRY_COMPARE(view->model()->rowCount(), 0); // what is left does not match the filter (or nothing is left)
    } else {
        QTest::qWait(100);
        QCOMPARE(purged.size(), 0);
    }
    QCOMPARE(serverHistoryCount(), remaining);
}

void tst_HistoryView::revertWritesTheOldVersionBack()
{
    seedChanges();
    const QJsonObject before = serverRecord(QStringLiteral("b"));
    QCOMPARE(before.value(QStringLiteral("n")).toInt(), 4);
    auto view = openView();
    QVERIFY(view);
    auto *table = view->findChild<QTableView *>(QStringLiteral("historyTable"));
    auto *revert = view->findChild<QPushButton *>(QStringLiteral("historyRevert"));
    QVERIFY(table && revert);
    QVERIFY(!revert->isEnabled());
    const int first = rowOf(view->model(), RecordB, 2);
    QVERIFY(first >= 0);

    QList<QByteArray> ifMatch;
    connect(m_sandbox->server(), &LoopbackHttpServer::requestReceived, this, [&ifMatch](const HttpServerRequest &r) {
        if (r.method == "PUT")
            ifMatch.append(r.header("If-Match"));
    });
    QSignalSpy reverted(view.get(), &HistoryView::reverted);
    clickRow(table, first);
    QVERIFY(revert->isEnabled());
    QTest::mouseClick(revert, Qt::LeftButton);
    QVERIFY(reverted.wait());
    QCOMPARE(reverted.first().first().toString(), RecordB);
    // The safe write carried the timestamp of the newest version shown.
    QCOMPARE(ifMatch, QList<QByteArray>({ '"' + QByteArray::number(before.value(QStringLiteral("last_modified")).toInteger()) + '"' }));

    const QJsonObject after = serverRecord(QStringLiteral("b"));
    QCOMPARE(after.value(QStringLiteral("n")).toInt(), 2);
    QCOMPARE(after.value(QStringLiteral("title")).toString(), QStringLiteral("first"));
    QVERIFY(after.value(QStringLiteral("last_modified")).toInteger() > before.value(QStringLiteral("last_modified")).toInteger());
    // The revert is history too: the view reloads and shows it first.
    QTRY_COMPARE(view->model()->rowCount(), 7);
    QCOMPARE(view->model()->index(0, 0).data(HistoryModel::TargetDataRole).toJsonObject().value(QStringLiteral("n")).toInt(), 2);
}

void tst_HistoryView::revertAfterAConcurrentChangeIsRefused()
{
    seedChanges();
    auto view = openView();
    QVERIFY(view);
    // Someone else changes b after the user loaded the history.
    const Outcome concurrent = await(m_observer->updateRecord(Bucket, Collection, QStringLiteral("b"),
                                                             { { QStringLiteral("n"), 99 } }, KintoWrite { {}, false }));
    QVERIFY(!concurrent.error);
    const QJsonObject changed = serverRecord(QStringLiteral("b"));

    auto *table = view->findChild<QTableView *>(QStringLiteral("historyTable"));
    auto *revert = view->findChild<QPushButton *>(QStringLiteral("historyRevert"));
    QSignalSpy failed(view.get(), &HistoryView::revertFailed);
    clickRow(table, rowOf(view->model(), RecordB, 2));
    QTest::mouseClick(revert, Qt::LeftButton);
    QVERIFY(failed.wait());
    QCOMPARE(failed.first().first().value<ApiError>().httpStatus(), 412);
    QVERIFY2(Prompt::lastMessage().contains(QStringLiteral("changed by someone else")), qPrintable(Prompt::lastMessage()));
    QVERIFY(view->statusText().contains(QStringLiteral("412")));
    QCOMPARE(serverRecord(QStringLiteral("b")), changed); // untouched
}

void tst_HistoryView::aDeletedObjectIsRecreated()
{
    seedChanges();
    QVERIFY(!await(m_observer->deleteRecord(Bucket, Collection, QStringLiteral("a"))).error);
    ApiError missing;
    serverRecord(QStringLiteral("a"), &missing);
    QCOMPARE(missing.httpStatus(), 404);

    auto view = openView();
    QVERIFY(view);
    auto *table = view->findChild<QTableView *>(QStringLiteral("historyTable"));
    auto *revert = view->findChild<QPushButton *>(QStringLiteral("historyRevert"));
    const QString uriA = QStringLiteral("/buckets/shop/collections/items/records/a");
    // The deletion itself cannot be "restored".
    QCOMPARE(view->model()->index(0, 0).data(HistoryModel::ActionRole).toString(), QStringLiteral("delete"));
    clickRow(table, 0);
    QVERIFY(!revert->isEnabled());

    QSignalSpy reverted(view.get(), &HistoryView::reverted);
    clickRow(table, rowOf(view->model(), uriA, 1));
    QVERIFY(revert->isEnabled());
    QTest::mouseClick(revert, Qt::LeftButton);
    QVERIFY2(Prompt::lastMessage().contains(QStringLiteral("was deleted")), qPrintable(Prompt::lastMessage()));
    QVERIFY(reverted.wait());
    ApiError error;
    const QJsonObject again = serverRecord(QStringLiteral("a"), &error);
    QVERIFY2(!error, qPrintable(error.toString()));
    QCOMPARE(again.value(QStringLiteral("n")).toInt(), 1);
}

void tst_HistoryView::withoutThePluginAPageSaysSo()
{
    // A Kinto without the history plugin: its hello lists no "history" capability.
    LoopbackHttpServer server;
    QVERIFY(server.listen());
    QStringList paths;
    server.setHandler([&paths](const HttpServerRequest &request, HttpResponder *responder) {
        paths.append(request.path);
        if (request.path == QLatin1String("/v1/"))
            responder->respondJson(200, R"({"project_name":"kinto","http_api_version":"1.23","capabilities":{"accounts":{}}})");
        else
            responder->respondJson(404, R"({"code":404,"errno":111,"error":"Not Found"})");
    });
    KintoClient::Settings settings;
    settings.serverUrl = server.baseUrl();
    settings.auth = QStringLiteral("admin:admin");
    KintoConnection client(&m_nam, settings);

    HistoryView view(&client);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy known(&view, &HistoryView::historyAvailabilityKnown);
    view.setBucket(Bucket);
    QVERIFY(known.wait());
    QCOMPARE(known.first().first().toBool(), false);
    auto *pages = view.findChild<QStackedWidget *>(QStringLiteral("historyPages"));
    auto *message = view.findChild<QLabel *>(QStringLiteral("historyUnavailable"));
    QVERIFY(pages && message);
    QCOMPARE(pages->currentWidget(), message);
    QVERIFY2(message->text().contains(QStringLiteral("history plugin is not enabled")), qPrintable(message->text()));
    QTest::qWait(50);
    QCOMPARE(paths, QStringList({ QStringLiteral("/v1/") })); // nothing but the server info
}

QTEST_MAIN(tst_HistoryView)
#include "tst_historyview.moc"
