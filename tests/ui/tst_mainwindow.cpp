#include "mainwindow.h"
#include "net/requestlog.h"
#include "tenants/tenantregistry.h"

#include <QAbstractItemModel>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <memory>

namespace {

RequestLogEntry entry(const QString &url, int status = 200)
{
    RequestLogEntry e;
    e.started = QDateTime::currentDateTime();
    e.method = "GET";
    e.url = url;
    e.status = status;
    e.durationMs = 12;
    return e;
}

QAction *menuAction(QMainWindow &window, const QString &menuName, const QString &text)
{
    const auto *menu = window.menuBar()->findChild<QMenu *>(menuName);
    if (!menu)
        return nullptr;
    for (QAction *action : menu->actions()) {
        if (action->text().remove(QLatin1Char('&')) == text)
            return action;
    }
    return nullptr;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void showsBothDocksAtTheDefaultSize();
    void appendedRequestShowsAsARow();
    void filterAndClear();
    void newestRequestIsScrolledIntoView();
    void viewMenuHidesAndShowsADock();
    void geometryAndDocksPersist();
    void activityInTheStatusBar();
    void welcomePageFollowsTheTenants();
    void showPageReplacesThePreviousPage();

private:
    std::unique_ptr<MainWindow> newWindow();

    QTemporaryDir m_settingsDir;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TenantRegistry> m_registry;
    std::unique_ptr<RequestLog> m_log;
};

void TestMainWindow::initTestCase()
{
    // Keep the user's real settings out of reach: MainWindow uses the default QSettings().
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_settingsDir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("TenantDeskTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
}

void TestMainWindow::init()
{
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_registry = std::make_unique<TenantRegistry>(m_dir->filePath(QStringLiteral("tenants.ini")));
    m_log = std::make_unique<RequestLog>();
}

void TestMainWindow::cleanup()
{
    m_registry.reset();
    m_log.reset();
    m_dir.reset();
}

std::unique_ptr<MainWindow> TestMainWindow::newWindow()
{
    auto window = std::make_unique<MainWindow>(AppContext{m_registry.get(), nullptr, nullptr, nullptr, m_log.get()});
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        qWarning("window not exposed");
    return window;
}

void TestMainWindow::showsBothDocksAtTheDefaultSize()
{
    auto window = newWindow();

    auto *tenantsDock = window->findChild<QDockWidget *>(QStringLiteral("tenantsDock"));
    auto *logDock = window->findChild<QDockWidget *>(QStringLiteral("requestLogDock"));
    QVERIFY(tenantsDock && logDock);
    QVERIFY(tenantsDock->isVisible());
    QVERIFY(logDock->isVisible());
    QCOMPARE(window->dockWidgetArea(tenantsDock), Qt::LeftDockWidgetArea);
    QCOMPARE(window->dockWidgetArea(logDock), Qt::BottomDockWidgetArea);
    QVERIFY(window->findChild<QTreeView *>(QStringLiteral("tenantTree"))->isVisible());
    QVERIFY(window->findChild<QTableView *>(QStringLiteral("requestLogView"))->isVisible());
    QCOMPARE(window->size(), QSize(1200, 760));
}

void TestMainWindow::appendedRequestShowsAsARow()
{
    auto window = newWindow();
    auto *view = window->findChild<QTableView *>(QStringLiteral("requestLogView"));
    QVERIFY(view);
    QCOMPARE(view->model()->rowCount(), 0);

    m_log->append(entry(QStringLiteral("https://kinto.example.com/v1/buckets"), 404));

    QCOMPARE(view->model()->rowCount(), 1);
    QCOMPARE(view->model()->index(0, 2).data().toString(), QStringLiteral("https://kinto.example.com/v1/buckets"));
    QCOMPARE(view->model()->index(0, 3).data().toString(), QStringLiteral("404"));
}

void TestMainWindow::filterAndClear()
{
    auto window = newWindow();
    auto *view = window->findChild<QTableView *>(QStringLiteral("requestLogView"));
    auto *filter = window->findChild<QLineEdit *>(QStringLiteral("requestLogFilter"));
    auto *clear = window->findChild<QPushButton *>(QStringLiteral("requestLogClear"));
    QVERIFY(view && filter && clear);
    m_log->append(entry(QStringLiteral("https://kinto.example.com/v1/buckets")));
    m_log->append(entry(QStringLiteral("https://school.jamfcloud.com/api/v1/auth/token")));
    m_log->append(entry(QStringLiteral("https://kinto.example.com/v1/buckets/main/collections")));

    QTest::keyClicks(filter, QStringLiteral("JAMF"));
    QCOMPARE(view->model()->rowCount(), 1);
    QVERIFY(view->model()->index(0, 2).data().toString().contains(QStringLiteral("jamfcloud")));

    filter->clear();
    QCOMPARE(view->model()->rowCount(), 3);

    QTest::mouseClick(clear, Qt::LeftButton);
    QCOMPARE(m_log->count(), 0);
    QCOMPARE(view->model()->rowCount(), 0);
}

void TestMainWindow::newestRequestIsScrolledIntoView()
{
    auto window = newWindow();
    auto *view = window->findChild<QTableView *>(QStringLiteral("requestLogView"));
    QVERIFY(view);

    for (int i = 0; i < 300; ++i)
        m_log->append(entry(QStringLiteral("https://kinto.example.com/v1/records/%1").arg(i)));

    const auto lastRowVisible = [view] {
        const QModelIndex last = view->model()->index(view->model()->rowCount() - 1, 0);
        return view->viewport()->rect().contains(view->visualRect(last));
    };
    QTRY_VERIFY(lastRowVisible());

    // Scrolled up to read an older request: a new one does not pull the view away.
    view->scrollToTop();
    m_log->append(entry(QStringLiteral("https://kinto.example.com/v1/records/new")));
    QTest::qWait(50);
    QVERIFY(!lastRowVisible());
    QVERIFY(view->viewport()->rect().contains(view->visualRect(view->model()->index(0, 0))));
}

void TestMainWindow::viewMenuHidesAndShowsADock()
{
    auto window = newWindow();
    auto *logDock = window->findChild<QDockWidget *>(QStringLiteral("requestLogDock"));
    QAction *toggle = menuAction(*window, QStringLiteral("viewMenu"), QStringLiteral("Request log"));
    QVERIFY(logDock && toggle);
    QVERIFY(toggle->isChecked());

    toggle->trigger();
    QVERIFY(!logDock->isVisible());
    QVERIFY(!toggle->isChecked());

    toggle->trigger();
    QVERIFY(logDock->isVisible());
}

void TestMainWindow::geometryAndDocksPersist()
{
    {
        auto window = newWindow();
        window->resize(900, 600);
        QTRY_COMPARE(window->size(), QSize(900, 600));
        window->findChild<QDockWidget *>(QStringLiteral("tenantsDock"))->toggleViewAction()->trigger();
        QVERIFY(window->close());
    }

    auto window = newWindow();
    QCOMPARE(window->size(), QSize(900, 600));
    QVERIFY(!window->findChild<QDockWidget *>(QStringLiteral("tenantsDock"))->isVisible());
    QVERIFY(window->findChild<QDockWidget *>(QStringLiteral("requestLogDock"))->isVisible());
}

void TestMainWindow::activityInTheStatusBar()
{
    auto window = newWindow();
    auto *label = window->findChild<QLabel *>(QStringLiteral("activityLabel"));
    auto *bar = window->findChild<QProgressBar *>(QStringLiteral("activityBar"));
    QVERIFY(label && bar);
    QVERIFY(!label->isVisible());
    QVERIFY(!bar->isVisible());

    window->setActivity(3, 2);
    QVERIFY(label->isVisible());
    QVERIFY(bar->isVisible());
    QCOMPARE(label->text(), QStringLiteral("3 requests in flight, 2 queued"));

    window->setActivity(1, 0);
    QCOMPARE(label->text(), QStringLiteral("1 request in flight, 0 queued"));

    window->setActivity(0, 0);
    QVERIFY(!label->isVisible());
    QVERIFY(!bar->isVisible());
}

void TestMainWindow::welcomePageFollowsTheTenants()
{
    auto window = newWindow();
    auto *text = window->findChild<QLabel *>(QStringLiteral("welcomeText"));
    auto *tree = window->findChild<QTreeView *>(QStringLiteral("tenantTree"));
    QVERIFY(text && tree);
    QVERIFY(text->text().contains(QStringLiteral("Add a tenant")));

    Tenant t;
    t.displayName = QStringLiteral("Kinto staging");
    t.family = QStringLiteral("kinto");
    t.baseUrl = QUrl(QStringLiteral("https://kinto.example.com/v1"));
    QVERIFY(!m_registry->add(t).isEmpty());

    QCOMPARE(tree->model()->rowCount(), 1);
    QCOMPARE(tree->model()->index(0, 0).data().toString(), QStringLiteral("Kinto staging"));
    QVERIFY(text->text().contains(QStringLiteral("Choose a tenant")));
}

void TestMainWindow::showPageReplacesThePreviousPage()
{
    auto window = newWindow();
    QWidget *welcome = window->currentPage();
    QCOMPARE(welcome->objectName(), QStringLiteral("welcomePage"));

    QPointer<QWidget> first = new QLabel(QStringLiteral("first"));
    window->showPage(first);
    QCOMPARE(window->currentPage(), first.data());
    QVERIFY(first->isVisible());
    window->showPage(first); // showing it again keeps it
    QCOMPARE(window->currentPage(), first.data());

    auto *second = new QLabel(QStringLiteral("second"));
    window->showPage(second);
    QCOMPARE(window->currentPage(), second);
    QTRY_VERIFY2(first.isNull(), "the page shown before is deleted");

    window->showPage(nullptr);
    QCOMPARE(window->currentPage(), welcome);
    QVERIFY(window->findChild<QLabel *>(QStringLiteral("welcomeText"))->isVisible());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
