#include "kintoclient.h"
#include "kintosandbox.h"
#include "kintoservice.h"
#include "loopbackhttpserver.h"
#include "recordfilterproxy.h"
#include "records/collectionview.h"
#include "records/columnchooser.h"
#include "records/filterbar.h"
#include "recordtablemodel.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QToolBar>

#include <memory>

namespace {

constexpr int RecordCount = 60;
constexpr int PageSize = 20;

// A sandbox (admin account) with bucket "b", collection "c" (displayFields title and n) holding
// RecordCount records r000.. with n = i, and a CollectionView on it loading PageSize rows a page.
struct Fixture
{
    KintoSandbox sandbox;
    QNetworkAccessManager nam;
    std::unique_ptr<KintoClient> client;
    std::unique_ptr<CollectionView> view;
    QStringList targets; // request targets the sandbox received

    Fixture()
    {
        if (!sandbox.start())
            qFatal("the sandbox did not start");
        sandbox.addAccount(QStringLiteral("admin"), QStringLiteral("admin"));
        sandbox.setAdminPrincipals({QStringLiteral("account:admin")});
        KintoService &service = sandbox.service();
        service.writeObject(QStringLiteral("/buckets/b"), {});
        service.writeObject(QStringLiteral("/buckets/b/collections/c"),
                            QJsonObject{{QStringLiteral("displayFields"), QJsonArray{QStringLiteral("title"), QStringLiteral("n")}}});
        for (int i = 0; i < RecordCount; ++i) {
            service.writeObject(QStringLiteral("/buckets/b/collections/c/records/r%1").arg(i, 3, 10, QLatin1Char('0')),
                                QJsonObject{{QStringLiteral("title"), QStringLiteral("Record %1").arg(i)},
                                            {QStringLiteral("n"), i},
                                            {QStringLiteral("flag"), i % 2 == 0},
                                            {QStringLiteral("address"), QJsonObject{{QStringLiteral("city"), QStringLiteral("City %1").arg(i % 4)}}}},
                                {}, {}, false);
        }
        QObject::connect(sandbox.server(), &LoopbackHttpServer::requestReceived, &sandbox,
                         [this](const HttpServerRequest &request) { targets << QString::fromUtf8(request.target); });
        KintoClient::Settings settings;
        settings.serverUrl = sandbox.baseUrl();
        settings.auth = QStringLiteral("admin:admin");
        client = std::make_unique<KintoConnection>(&nam, settings);
        view = std::make_unique<CollectionView>(client.get(), QStringLiteral("b"), QStringLiteral("c"));
        view->model()->setPageSize(PageSize);
        view->resize(800, 360); // fewer rows fit than a page holds: scrolling is what loads more
        view->show();
    }

    QTableView *table() const { return view->findChild<QTableView *>(QStringLiteral("recordsView")); }
    RecordTableModel *model() const { return view->model(); }
    int pageRequests() const
    {
        return int(std::count_if(targets.cbegin(), targets.cend(), [](const QString &t) {
            return t.startsWith(QLatin1String("/v1/buckets/b/collections/c/records?")) && t.contains(QLatin1String("_limit="));
        }));
    }
    bool firstPageShown() const { return model()->loadedCount() > 0 && model()->total() >= 0 && !model()->isLoading(); }
};

QPoint headerPoint(QHeaderView *header, int section)
{
    return QPoint(header->sectionViewportPosition(section) + header->sectionSize(section) / 2, header->height() / 2);
}

} // namespace

// The records table as a user drives it, against the Kinto sandbox.
class tst_CollectionView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void statusShowsLoadedAndTotal();
    void quickFilterFiltersLoadedRows_data();
    void quickFilterFiltersLoadedRows();
    void filterBarAsksTheServer();
    void headerClickSortsOnTheServer();
    void doubleClickAndEnterRequestEdit();
    void deleteKeyRequestsSelectedIds();
    void scrollingToTheBottomLoadsMorePages();
    void columnChooserAddsAndRemovesColumns();
};

void tst_CollectionView::statusShowsLoadedAndTotal()
{
    Fixture f;
    QVERIFY(QTest::qWaitForWindowExposed(f.view.get()));
    QTRY_VERIFY(f.firstPageShown());
    auto *status = f.view->findChild<QLabel *>(QStringLiteral("statusLabel"));
    QVERIFY(status);
    const QLocale locale;
    QCOMPARE(status->text(), QStringLiteral("Showing %1 of %2 records")
                                 .arg(locale.toString(f.model()->loadedCount()), locale.toString(RecordCount)));
    QVERIFY(f.model()->loadedCount() < RecordCount);
    QCOMPARE(f.model()->columns(), (QStringList{QStringLiteral("title"), QStringLiteral("n"), QStringLiteral("last_modified")}));
}

void tst_CollectionView::quickFilterFiltersLoadedRows_data()
{
    QTest::addColumn<QString>("typed");
    QTest::newRow("title words, lower case") << QStringLiteral("record 5");
    QTest::newRow("record id, upper case") << QStringLiteral("R04");
    QTest::newRow("nothing") << QStringLiteral("no such text");
}

void tst_CollectionView::quickFilterFiltersLoadedRows()
{
    QFETCH(QString, typed);
    Fixture f;
    QVERIFY(QTest::qWaitForWindowExposed(f.view.get()));
    QTRY_VERIFY(f.firstPageShown());
    const int loaded = f.model()->loadedCount();
    int expected = 0;
    for (int row = 0; row < loaded; ++row) {
        const QJsonObject record = f.model()->record(row);
        if (record.value(QStringLiteral("title")).toString().contains(typed, Qt::CaseInsensitive) ||
            QString::number(record.value(QStringLiteral("n")).toInt()).contains(typed) ||
            record.value(QStringLiteral("id")).toString().contains(typed, Qt::CaseInsensitive))
            ++expected;
    }

    auto *quick = f.view->findChild<QLineEdit *>(QStringLiteral("quickFilter"));
    QVERIFY(quick);
    // The proxy the table shows is checked as a model while the user filters.
    QAbstractItemModelTester tester(f.table()->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QTest::keyClicks(quick, typed);
    QCOMPARE(f.table()->model()->rowCount(), expected);
    QVERIFY(expected < loaded);
    for (int row = 0; row < f.table()->model()->rowCount(); ++row) {
        const QModelIndex index = f.table()->model()->index(row, 0);
        const QJsonObject record = index.data(RecordTableModel::RecordRole).toJsonObject();
        QVERIFY(record.value(QStringLiteral("title")).toString().contains(typed, Qt::CaseInsensitive) ||
                QString::number(record.value(QStringLiteral("n")).toInt()).contains(typed) ||
                record.value(QStringLiteral("id")).toString().contains(typed, Qt::CaseInsensitive));
    }
    QVERIFY(f.view->statusText().contains(QStringLiteral("loaded rows searched")));
    QCOMPARE(f.model()->total(), qint64(RecordCount));        // the quick filter is local
    QCOMPARE(f.model()->filters().size(), 0);

    quick->clear();
    QCOMPARE(f.table()->model()->rowCount(), f.model()->loadedCount());
}

void tst_CollectionView::filterBarAsksTheServer()
{
    Fixture f;
    QVERIFY(QTest::qWaitForWindowExposed(f.view.get()));
    QTRY_VERIFY(f.firstPageShown());
    auto *filterBar = f.view->findChild<FilterBar *>(QStringLiteral("filterBar"));
    QVERIFY(filterBar);
    QVERIFY(!filterBar->isVisible());
    auto *toolBar = f.view->findChild<QToolBar *>(QStringLiteral("recordsToolBar"));
    QAction *filtersAction = f.view->findChild<QAction *>(QStringLiteral("filtersAction"));
    QVERIFY(toolBar && filtersAction);
    QTest::mouseClick(toolBar->widgetForAction(filtersAction), Qt::LeftButton);
    QVERIFY(filterBar->isVisible());

    auto *field = filterBar->findChild<QComboBox *>(QStringLiteral("filterField"));
    auto *op = filterBar->findChild<QComboBox *>(QStringLiteral("filterOperator"));
    auto *value = filterBar->findChild<QLineEdit *>(QStringLiteral("filterValue"));
    QVERIFY(field && op && value);
    QVERIFY(field->findText(QStringLiteral("n")) >= 0); // the known fields are offered
    field->lineEdit()->clear();
    QTest::keyClicks(field->lineEdit(), QStringLiteral("n"));
    op->setFocus();
    QTest::keyClicks(op, QStringLiteral("mi")); // keyboard search: "min_"
    QCOMPARE(op->currentData().toString(), QStringLiteral("min"));
    QTest::keyClicks(value, QStringLiteral("50"));
    f.targets.clear();
    QTest::mouseClick(filterBar->findChild<QPushButton *>(QStringLiteral("applyFilters")), Qt::LeftButton);

    QTRY_VERIFY(f.model()->isComplete());
    QCOMPARE(f.model()->total(), qint64(10));
    QCOMPARE(f.table()->model()->rowCount(), 10);
    for (int row = 0; row < 10; ++row)
        QVERIFY(f.model()->record(row).value(QStringLiteral("n")).toInt() >= 50);
    QVERIFY2(std::any_of(f.targets.cbegin(), f.targets.cend(), [](const QString &t) {
                 return t.startsWith(QLatin1String("/v1/buckets/b/collections/c/records?")) && t.contains(QLatin1String("min_n=50"));
             }),
             qPrintable(f.targets.join(QLatin1Char(' '))));
    QCOMPARE(f.view->statusText(), QStringLiteral("Showing 10 of 10 records"));
}

void tst_CollectionView::headerClickSortsOnTheServer()
{
    Fixture f;
    QVERIFY(QTest::qWaitForWindowExposed(f.view.get()));
    QTRY_VERIFY(f.firstPageShown());
    QHeaderView *header = f.table()->horizontalHeader();
    const int nColumn = int(f.model()->columns().indexOf(QStringLiteral("n")));
    QVERIFY(nColumn >= 0);

    f.targets.clear();
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, headerPoint(header, nColumn));
    const bool descending = header->sortIndicatorOrder() == Qt::DescendingOrder;
    const QString expected = descending ? QStringLiteral("-n") : QStringLiteral("n");
    QCOMPARE(f.model()->sortParameter(), expected);
    QTRY_VERIFY(f.firstPageShown());
    QCOMPARE(f.model()->record(0).value(QStringLiteral("n")).toInt(), descending ? RecordCount - 1 : 0);
    QVERIFY(std::any_of(f.targets.cbegin(), f.targets.cend(),
                        [&](const QString &t) { return t.contains(QStringLiteral("_sort=") + expected); }));

    // A second click reverses the order, again on the server.
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, headerPoint(header, nColumn));
    QCOMPARE(f.model()->sortParameter(), descending ? QStringLiteral("n") : QStringLiteral("-n"));
    QTRY_VERIFY(f.firstPageShown());
    QCOMPARE(f.model()->record(0).value(QStringLiteral("n")).toInt(), descending ? 0 : RecordCount - 1);
    QCOMPARE(header->sortIndicatorSection(), nColumn);
}

void tst_CollectionView::doubleClickAndEnterRequestEdit()
{
    Fixture f;
    QVERIFY(QTest::qWaitForWindowExposed(f.view.get()));
    QTRY_VERIFY(f.firstPageShown());
    QSignalSpy edits(f.view.get(), &CollectionView::editRequested);
    QTableView *table = f.table();

    const QModelIndex third = table->model()->index(2, 0);
    // A double click is a click followed by a second press that the system marks as double.
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(third).center());
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(third).center());
    QCOMPARE(edits.count(), 1);
    QCOMPARE(edits.at(0).at(0).toString(), f.model()->recordId(2));

    const QModelIndex fifth = table->model()->index(4, 1);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(fifth).center());
    QCOMPARE(f.view->selectedIds(), QStringList{f.model()->recordId(4)});
    QTest::keyClick(table, Qt::Key_Return);
    QCOMPARE(edits.count(), 2);
    QCOMPARE(edits.at(1).at(0).toString(), f.model()->recordId(4));
}

void tst_CollectionView::deleteKeyRequestsSelectedIds()
{
    Fixture f;
    QVERIFY(QTest::qWaitForWindowExposed(f.view.get()));
    QTRY_VERIFY(f.firstPageShown());
    QSignalSpy deletes(f.view.get(), &CollectionView::deleteRequested);
    QSignalSpy selections(f.view.get(), &CollectionView::selectionChanged);
    QTableView *table = f.table();

    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(table->model()->index(1, 0)).center());
    QTest::mouseClick(table->viewport(), Qt::LeftButton, Qt::ShiftModifier,
                      table->visualRect(table->model()->index(3, 0)).center());
    const QStringList expected{f.model()->recordId(1), f.model()->recordId(2), f.model()->recordId(3)};
    QCOMPARE(f.view->selectedIds(), expected);
    QCOMPARE(selections.constLast().at(0).toStringList(), expected);
    QCOMPARE(f.view->selectedRecords().size(), 3);
    QCOMPARE(f.view->selectedRecords().at(0).value(QStringLiteral("id")).toString(), expected.at(0));

    QTest::keyClick(table, Qt::Key_Delete);
    QCOMPARE(deletes.count(), 1);
    QCOMPARE(deletes.at(0).at(0).toStringList(), expected);
}

void tst_CollectionView::scrollingToTheBottomLoadsMorePages()
{
    Fixture f;
    QVERIFY(QTest::qWaitForWindowExposed(f.view.get()));
    QTRY_VERIFY(f.firstPageShown());
    QCOMPARE(f.model()->loadedCount(), PageSize); // one page fills the window
    QCOMPARE(f.pageRequests(), 1);
    QTableView *table = f.table();
    table->setFocus();

    // Ctrl+End as a user would, until the table stops growing.
    QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                 QTest::keyClick(table, Qt::Key_End, Qt::ControlModifier);
                                 return f.model()->isComplete();
                             }()),
                             10000);
    QCOMPARE(f.model()->loadedCount(), RecordCount);
    QCOMPARE(table->model()->rowCount(), RecordCount);
    QCOMPARE(f.targets.filter(QStringLiteral("_token=")).size(), RecordCount / PageSize - 1);
    QCOMPARE(f.view->statusText(), QStringLiteral("Showing %1 of %1 records").arg(QLocale().toString(RecordCount)));
}

void tst_CollectionView::columnChooserAddsAndRemovesColumns()
{
    Fixture f;
    QVERIFY(QTest::qWaitForWindowExposed(f.view.get()));
    QTRY_VERIFY(f.firstPageShown());
    auto *chooser = f.view->findChild<ColumnChooser *>(QStringLiteral("columnsButton"));
    QVERIFY(chooser);
    QMenu *menu = chooser->columnsMenu();

    menu->popup(chooser->mapToGlobal(QPoint(0, chooser->height()))); // rebuilt on aboutToShow
    QVERIFY(QTest::qWaitForWindowExposed(menu));
    QAction *flag = nullptr;
    for (QAction *action : menu->actions()) {
        if (action->text() == QLatin1String("flag"))
            flag = action;
    }
    QVERIFY(flag);
    QVERIFY(!flag->isChecked());
    QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(flag).center());
    QCOMPARE(f.model()->columns().constLast(), QStringLiteral("flag"));
    QCOMPARE(f.table()->horizontalHeader()->count(), 4);

    menu->popup(chooser->mapToGlobal(QPoint(0, chooser->height())));
    QVERIFY(QTest::qWaitForWindowExposed(menu));
    auto *add = menu->findChild<QLineEdit *>(QStringLiteral("addFieldEdit"));
    QVERIFY(add);
    QTest::keyClicks(add, QStringLiteral("address.city"));
    QTest::keyClick(add, Qt::Key_Return);
    QCOMPARE(f.model()->columns().constLast(), QStringLiteral("address.city"));
    const int cityColumn = int(f.model()->columns().size()) - 1;
    QCOMPARE(f.table()->model()->headerData(cityColumn, Qt::Horizontal).toString(), QStringLiteral("address.city"));
    QVERIFY(f.table()->model()->index(0, cityColumn).data().toString().startsWith(QLatin1String("City ")));

    menu->popup(chooser->mapToGlobal(QPoint(0, chooser->height())));
    QVERIFY(QTest::qWaitForWindowExposed(menu));
    QAction *title = nullptr;
    for (QAction *action : menu->actions()) {
        if (action->text() == QLatin1String("title"))
            title = action;
    }
    QVERIFY(title && title->isChecked());
    QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(title).center());
    QVERIFY(!f.model()->columns().contains(QStringLiteral("title")));
    QCOMPARE(f.model()->loadedCount(), PageSize); // columns change without reloading
}

QTEST_MAIN(tst_CollectionView)
#include "tst_collectionview.moc"
