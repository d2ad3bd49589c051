#include "families.h"
#include "kintofamily.h"
#include "kintosandbox.h"
#include "mainwindow.h"
#include "net/httpclient.h"
#include "net/job.h"
#include "shell/quickswitcher.h"
#include "shell/statusreporter.h"
#include "tenants/sessionmanager.h"
#include "tenants/tenantregistry.h"
#include "tenanttreemodel.h"
#include "testsupport.h"
#include "windowfixture.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QProgressBar>
#include <QSignalSpy>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>

// The window's menus, keys, toolbar, quick switcher and status bar, driven as a user does.
class tst_WindowShell : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void standardMenusAndToolbar();
    void editMenuListsThePageAndRowActions();
    void oneBindingPerKey();
    void refreshKeyGoesToTheFocusedPage();
    void findFocusesThePageSearchField();
    void switcherScore_data();
    void switcherScore();
    void switcherJumpsToATenant();
    void switcherJumpsToALoadedNode();
    void switcherEscapeKeepsTheSelection();
    void outcomeOfTenantActions();
    void cappedServerWaitIsReported();
    void jobProgressAndCancel();
    void requestsInFlightPerTenant();

private:
    QString addKintoTenant(const QString &name);
    QMenu *menu(const char *name) const;

    QTemporaryDir m_dir;
    std::unique_ptr<KintoSandbox> m_sandbox;
    WindowFixture m_fx;
};

namespace {

// A page with its own actions, as a family page has them.
QWidget *pageWithActions(QAction **reload, QLineEdit **search)
{
    auto *page = new QWidget;
    page->setObjectName(QStringLiteral("testPage"));
    auto *bar = new QToolBar(page);
    *reload = bar->addAction(QStringLiteral("Reload records"));
    (*reload)->setObjectName(QStringLiteral("pageReload"));
    (*reload)->setShortcut(QKeySequence::Refresh);
    (*reload)->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    QAction *create = bar->addAction(QStringLiteral("New record"));
    create->setObjectName(QStringLiteral("pageNew"));
    create->setShortcut(QKeySequence::New);
    create->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    page->addActions({*reload, create});
    *search = new QLineEdit(page);
    (*search)->setClearButtonEnabled(true);
    (*search)->move(0, 40);
    return page;
}

// UTF-8 literals as a QStringList (the build forbids implicit casts from char *).
QStringList strings(std::initializer_list<const char *> list)
{
    QStringList result;
    for (const char *item : list)
        result << QString::fromUtf8(item);
    return result;
}

QStringList texts(const QList<QAction *> &actions)
{
    QStringList list;
    for (const QAction *action : actions) {
        if (!action->isSeparator())
            list << action->text().remove(QLatin1Char('&'));
    }
    return list;
}

} // namespace

void tst_WindowShell::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("settings")));
    registerFamilies();
}

void tst_WindowShell::init()
{
    QSettings().clear();
    m_sandbox = std::make_unique<KintoSandbox>();
    QVERIFY(m_sandbox->start());
    m_sandbox->seedDemoData();
    QVERIFY(m_fx.open(m_dir));
    m_fx.window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_fx.window.get()));
}

void tst_WindowShell::cleanup()
{
    m_fx.close();
    m_sandbox.reset();
}

QString tst_WindowShell::addKintoTenant(const QString &name)
{
    Tenant tenant;
    tenant.displayName = name;
    tenant.family = KintoFamily::Id;
    tenant.baseUrl = m_sandbox->baseUrl();
    tenant.auth = AuthKind::Basic;
    tenant.userName = QStringLiteral("admin");
    return m_fx.addTenant(tenant, SecretPurpose::Password, QStringLiteral("admin"));
}

QMenu *tst_WindowShell::menu(const char *name) const
{
    return m_fx.window->menuBar()->findChild<QMenu *>(QLatin1String(name));
}

void tst_WindowShell::standardMenusAndToolbar()
{
    QStringList titles;
    for (QAction *action : m_fx.window->menuBar()->actions())
        titles << action->text().remove(QLatin1Char('&'));
    QCOMPARE(titles, strings({"File", "Edit", "View", "Tenant", "Tools", "Help"}));

    QVERIFY(texts(menu("fileMenu")->actions()).contains(QStringLiteral("Preferences…")));
    QCOMPARE(texts(menu("toolsMenu")->actions()), strings({"New Request…", "Copy as curl"}));
    auto *toolBar = m_fx.window->findChild<QToolBar *>(QStringLiteral("mainToolBar"));
    QVERIFY(toolBar && toolBar->isVisible());
    QCOMPARE(texts(toolBar->actions()),
             strings({"Add Tenant…", "Go to…", "Refresh", "New Request…", "Preferences…"}));

    // The View menu hides the toolbar.
    QAction *toggle = m_fx.window->findChild<QAction *>(QStringLiteral("toggleToolBarAction"));
    QVERIFY(menu("viewMenu")->actions().contains(toggle));
    toggle->trigger();
    QVERIFY(!toolBar->isVisible());
}

void tst_WindowShell::editMenuListsThePageAndRowActions()
{
    const QString id = addKintoTenant(QStringLiteral("Sandbox"));
    const QModelIndex bucket = m_fx.reveal(id, {QStringLiteral("main")});
    QVERIFY(bucket.isValid());
    m_fx.click(bucket);
    QAction *reload = nullptr;
    QLineEdit *search = nullptr;
    m_fx.window->showPage(pageWithActions(&reload, &search));

    QMenu *edit = menu("editMenu");
    Q_EMIT edit->aboutToShow();
    const QStringList shown = texts(edit->actions());
    // The page's actions, then the family's for the row (a bucket: new collection, delete…), then Find.
    QCOMPARE(shown.mid(0, 2), strings({"Reload records", "New record"}));
    QVERIFY(shown.contains(QStringLiteral("New collection…")));
    QVERIFY2(shown.contains(QStringLiteral("Delete bucket…")), qPrintable(shown.join(QLatin1String(", "))));
    QCOMPARE(shown.mid(shown.size() - 2), strings({"Find", "Go to…"}));

    // Another page, other actions: the menu follows.
    m_fx.window->showPage(new QWidget);
    Q_EMIT edit->aboutToShow();
    QVERIFY(!texts(edit->actions()).contains(QStringLiteral("Reload records")));
}

void tst_WindowShell::oneBindingPerKey()
{
    QAction *reload = nullptr;
    QLineEdit *search = nullptr;
    m_fx.window->showPage(pageWithActions(&reload, &search));

    // Every key bound in the window (its actions, the navigators', the page's) is bound once.
    QHash<QKeySequence, QStringList> bound;
    for (QAction *action : m_fx.window->findChildren<QAction *>()) {
        for (const QKeySequence &key : action->shortcuts())
            bound[key] << action->objectName();
    }
    for (auto it = bound.cbegin(); it != bound.cend(); ++it)
        QVERIFY2(it.value().size() == 1, qPrintable(it.key().toString() + QStringLiteral(": ") + it.value().join(u',')));
    QVERIFY(bound.contains(QKeySequence(QKeySequence::Refresh)));
    QVERIFY(bound.contains(QKeySequence(QKeySequence::Find)));
    QVERIFY(bound.contains(QKeySequence(Qt::CTRL | Qt::Key_K)));
    QCOMPARE(bound.value(QKeySequence(QKeySequence::New)), strings({"pageNew"}));
    QCOMPARE(bound.value(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N)), strings({"addTenantAction"}));

    // The page gets its key back when it goes.
    m_fx.window->showPage(nullptr);
    QCOMPARE(reload->shortcut(), QKeySequence(QKeySequence::Refresh));
}

void tst_WindowShell::refreshKeyGoesToTheFocusedPage()
{
    const QString id = addKintoTenant(QStringLiteral("Sandbox"));
    m_fx.click(m_fx.model->indexForTenant(id));
    QTRY_COMPARE_WITH_TIMEOUT(m_fx.model->tenantState(id), TenantTreeModel::State::Ok, 10000);
    QAction *reload = nullptr;
    QLineEdit *search = nullptr;
    m_fx.window->showPage(pageWithActions(&reload, &search));
    QSignalSpy pageReloads(reload, &QAction::triggered);
    QSignalSpy treeFetches(m_fx.model, &TenantTreeModel::fetched);

    search->setFocus();
    QTRY_VERIFY(search->hasFocus());
    QTest::keyClick(search, Qt::Key_F5);
    QCOMPARE(pageReloads.count(), 1);
    QTest::qWait(100);
    QCOMPARE(treeFetches.count(), 0);

    // In the tree, F5 reads the current row (the tenant) again.
    m_fx.tree->setFocus();
    QTRY_VERIFY(m_fx.tree->hasFocus());
    QTest::keyClick(m_fx.tree, Qt::Key_F5);
    QTRY_VERIFY(treeFetches.count() >= 1);
    QCOMPARE(pageReloads.count(), 1);
}

void tst_WindowShell::findFocusesThePageSearchField()
{
    QAction *reload = nullptr;
    QLineEdit *search = nullptr;
    m_fx.tree->setFocus();
    QTest::keySequence(m_fx.window.get(), QKeySequence::Find);
    auto *logFilter = m_fx.window->findChild<QLineEdit *>(QStringLiteral("requestLogFilter"));
    QTRY_VERIFY(logFilter->hasFocus()); // no page: the request log's filter

    m_fx.window->showPage(pageWithActions(&reload, &search));
    m_fx.tree->setFocus();
    QTest::keySequence(m_fx.window.get(), QKeySequence::Find);
    QTRY_VERIFY(search->hasFocus());
}

void tst_WindowShell::switcherScore_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("better");
    QTest::addColumn<QString>("worse");
    QTest::newRow("prefix beats substring") << "dev" << "devices" << "my-devices";
    QTest::newRow("substring beats letters in order") << "tick" << "old-tickets" << "t-i-c-k";
    QTest::newRow("fewer gaps win") << "mn" << "main" << "m-x-n";
    QTest::newRow("a match beats none") << "stg" << "staging" << "production";
}

void tst_WindowShell::switcherScore()
{
    QFETCH(QString, pattern);
    QFETCH(QString, better);
    QFETCH(QString, worse);
    QVERIFY(QuickSwitcher::score(pattern, better) >= 0);
    QVERIFY(QuickSwitcher::score(pattern, better) > QuickSwitcher::score(pattern, worse));
    QCOMPARE(QuickSwitcher::score(QStringLiteral("STG"), QStringLiteral("staging")),
             QuickSwitcher::score(QStringLiteral("stg"), QStringLiteral("staging")));
    QCOMPARE(QuickSwitcher::score(QStringLiteral("xyz"), QStringLiteral("staging")), -1);
}

void tst_WindowShell::switcherJumpsToATenant()
{
    for (const char *name : {"Production", "Staging", "Demo"}) {
        Tenant tenant;
        tenant.displayName = QLatin1String(name);
        tenant.family = KintoFamily::Id;
        tenant.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9/v1")); // never reached
        QVERIFY(!m_fx.registry->add(tenant).isEmpty());
    }
    m_fx.tree->setFocus();
    QTest::keyClick(m_fx.tree, Qt::Key_K, Qt::ControlModifier);
    QuickSwitcher *switcher = m_fx.window->quickSwitcher();
    QTRY_VERIFY(switcher->isVisible());
    QCOMPARE(switcher->results()->count(), 3);

    QTest::keyClicks(switcher->searchField(), QStringLiteral("stg"));
    QCOMPARE(switcher->results()->count(), 1);
    QTest::keyClick(switcher->searchField(), Qt::Key_Return);

    QVERIFY(!switcher->isVisible());
    QCOMPARE(m_fx.tree->currentIndex().data().toString(), QStringLiteral("Staging"));
    QCOMPARE(m_fx.window->currentTenantId(), m_fx.tree->currentIndex().data(TenantTreeModel::TenantIdRole).toString());
}

void tst_WindowShell::switcherJumpsToALoadedNode()
{
    const QString id = addKintoTenant(QStringLiteral("Sandbox"));
    const QModelIndex collections = m_fx.reveal(id, {QStringLiteral("main"), QStringLiteral("collections")});
    QVERIFY(collections.isValid());
    QTRY_VERIFY(m_fx.model->findNode(id, strings({"main", "collections", "tickets"})).isValid());
    m_fx.tree->collapseAll();

    m_fx.window->findChild<QAction *>(QStringLiteral("quickSwitchAction"))->trigger();
    QuickSwitcher *switcher = m_fx.window->quickSwitcher();
    QTRY_VERIFY(switcher->isVisible());
    QTest::keyClicks(switcher->searchField(), QStringLiteral("tckts"));
    QVERIFY(switcher->results()->count() >= 1);
    QVERIFY(switcher->results()->item(0)->text().startsWith(QStringLiteral("tickets")));
    QVERIFY(switcher->results()->item(0)->text().contains(QStringLiteral("Sandbox")));
    QTest::keyClick(switcher->searchField(), Qt::Key_Return);

    const QModelIndex current = m_fx.tree->currentIndex();
    QCOMPARE(current, m_fx.model->findNode(id, strings({"main", "collections", "tickets"})));
    QVERIFY(m_fx.tree->isExpanded(current.parent()));
}

void tst_WindowShell::switcherEscapeKeepsTheSelection()
{
    for (const char *name : {"Alpha", "Only"}) {
        Tenant tenant;
        tenant.displayName = QLatin1String(name);
        tenant.family = KintoFamily::Id;
        tenant.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9/v1"));
        QVERIFY(!m_fx.registry->add(tenant).isEmpty());
    }
    const QModelIndex alpha = m_fx.model->index(0, 0);
    QCOMPARE(alpha.data().toString(), QStringLiteral("Alpha"));
    m_fx.tree->setCurrentIndex(alpha);

    QuickSwitcher *switcher = m_fx.window->quickSwitcher();
    switcher->popup();
    QTest::keyClicks(switcher->searchField(), QStringLiteral("on"));
    QCOMPARE(switcher->results()->count(), 1);
    QTest::keyClick(switcher->searchField(), Qt::Key_Escape);
    QVERIFY(!switcher->isVisible());
    QCOMPARE(m_fx.tree->currentIndex(), alpha);

    // No match: Enter does nothing.
    switcher->popup();
    QTest::keyClicks(switcher->searchField(), QStringLiteral("zzz"));
    QCOMPARE(switcher->results()->count(), 0);
    QTest::keyClick(switcher->searchField(), Qt::Key_Return);
    QCOMPARE(m_fx.tree->currentIndex(), alpha);
}

void tst_WindowShell::cappedServerWaitIsReported()
{
    // A server asking to back off for 68 years (read as one year at most) is held to the client's
    // maximum, and the user is told.
    const QString id = addKintoTenant(QStringLiteral("Sandbox"));
    QSignalSpy outcomes(m_fx.window->status(), &StatusReporter::outcomeReported);
    m_sandbox->setBackoff(2147483647);
    m_fx.click(m_fx.model->indexForTenant(id));
    const auto told = [&outcomes] {
        for (const QList<QVariant> &outcome : std::as_const(outcomes)) {
            if (outcome.at(0).toString().contains(QLatin1String("asked to wait 31536000 s (Backoff)")))
                return outcome.at(0).toString();
        }
        return QString();
    };
    QTRY_VERIFY_WITH_TIMEOUT(!told().isEmpty(), 10000);
    QVERIFY2(told().startsWith(QLatin1String("Sandbox: ")), qPrintable(told()));
    QVERIFY2(told().contains(QStringLiteral("waiting %1 s at most").arg(HttpClient::DefaultMaxServerWaitMs / 1000)), qPrintable(told()));
    m_sandbox->setBackoff(0);
}

void tst_WindowShell::outcomeOfTenantActions()
{
    auto *outcome = m_fx.window->findChild<QLabel *>(QStringLiteral("outcomeLabel"));
    QVERIFY(outcome);
    const QString id = addKintoTenant(QStringLiteral("Sandbox"));
    QCOMPARE(outcome->text(), QStringLiteral("Added tenant Sandbox"));

    m_fx.click(m_fx.model->indexForTenant(id));
    QTRY_COMPARE_WITH_TIMEOUT(outcome->text().startsWith(QStringLiteral("Sandbox: ")), true, 10000);
    QCOMPARE(m_fx.window->status()->lastOutcome(), outcome->text());

    // A page reports through the window's reporter.
    m_fx.window->status()->reportOutcome(QStringLiteral("Saved record r1"));
    QCOMPARE(outcome->text(), QStringLiteral("Saved record r1"));
}

void tst_WindowShell::jobProgressAndCancel()
{
    auto *label = m_fx.window->findChild<QLabel *>(QStringLiteral("jobLabel"));
    auto *bar = m_fx.window->findChild<QProgressBar *>(QStringLiteral("jobProgress"));
    auto *cancel = m_fx.window->findChild<QToolButton *>(QStringLiteral("jobCancel"));
    QVERIFY(label && bar && cancel);
    QVERIFY(!bar->isVisible());

    auto *job = new Job;
    m_fx.window->status()->track(job, QStringLiteral("Importing 40 records"));
    QVERIFY(bar->isVisible());
    QCOMPARE(label->text(), QStringLiteral("Importing 40 records"));
    QCOMPARE(bar->maximum(), 0); // busy until the job reports progress
    job->setProgress(10, 40);
    QCOMPARE(bar->maximum(), 40);
    QCOMPARE(bar->value(), 10);

    QSignalSpy finished(job, &Job::finished);
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_COMPARE(finished.count(), 1);
    QVERIFY(!bar->isVisible());
    QCOMPARE(m_fx.window->status()->lastOutcome(), QStringLiteral("Importing 40 records: cancelled"));

    auto *failing = new Job;
    m_fx.window->status()->track(failing, QStringLiteral("Export"));
    failing->fail(ApiError(ApiError::Kind::Network, QStringLiteral("Connection refused")));
    QVERIFY(m_fx.window->status()->lastOutcome().startsWith(QStringLiteral("Export failed: ")));
    QVERIFY(!bar->isVisible());
}

void tst_WindowShell::requestsInFlightPerTenant()
{
    const QString id = addKintoTenant(QStringLiteral("Sandbox"));
    m_fx.click(m_fx.model->indexForTenant(id));
    QTRY_COMPARE_WITH_TIMEOUT(m_fx.model->tenantState(id), TenantTreeModel::State::Ok, 10000);
    auto *label = m_fx.window->findChild<QLabel *>(QStringLiteral("activityLabel"));
    QVERIFY(label);
    QTRY_VERIFY(!label->isVisible());

    m_sandbox->setLatency(500);
    std::unique_ptr<HttpJob> job(TestSupport::keep(m_fx.sessions->client(id)->send(HttpRequest("GET", QStringLiteral("/buckets")))));
    QTRY_VERIFY(label->isVisible());
    QTRY_COMPARE(label->text(), QStringLiteral("Sandbox: 1 running"));
    QVERIFY(TestSupport::waitFor(job.get()));
    QTRY_VERIFY(!label->isVisible());
}

QTEST_MAIN(tst_WindowShell)
#include "tst_windowshell.moc"
