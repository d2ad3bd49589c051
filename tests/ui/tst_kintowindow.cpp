// The Kinto pages in the main window as a Kinto Admin user meets them: every shortcut with one
// meaning, the records page at a common window size, and a collection's page coming back as the
// user left it. Driven with the mouse and keyboard against the Kinto sandbox.

#include "editors/recordactions.h"
#include "editors/recordeditor.h"
#include "families.h"
#include "kintofamily.h"
#include "kintosandbox.h"
#include "mainwindow.h"
#include "prompt.h"
#include "records/collectionview.h"
#include "records/collectionworkspace.h"
#include "records/filterbar.h"
#include "recordtablemodel.h"
#include "tenants/tenantcommands.h"
#include "testsupport.h"
#include "windowfixture.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QShortcut>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>
#include <QWidgetAction>

namespace {

// A key binding that can fire in the window as it is now: who owns it, and where focus must be.
struct Binding
{
    QKeySequence key;
    QString owner;
    QList<QWidget *> scope; // empty: anywhere in the window
    bool widgetOnly = false; // Qt::WidgetShortcut: the scope widgets themselves, not their children
};

bool reachable(QWidget *widget, QWidget *window)
{
    // A menu of the window's menu bar counts (its shortcuts work while it is closed).
    if (auto *menu = qobject_cast<QMenu *>(widget))
        return menu->parentWidget() && menu->parentWidget()->window() == window;
    return widget->window() == window && widget->isVisible();
}

void addBinding(QList<Binding> &out, const QList<QKeySequence> &keys, const QString &owner, Qt::ShortcutContext context,
                const QList<QWidget *> &widgets, QWidget *window)
{
    QList<QWidget *> live;
    for (QWidget *widget : widgets) {
        if (reachable(widget, window))
            live << widget;
    }
    if (live.isEmpty())
        return;
    const bool anywhere = context == Qt::WindowShortcut || context == Qt::ApplicationShortcut;
    for (const QKeySequence &key : keys)
        out.append({key, owner, anywhere ? QList<QWidget *>() : live, context == Qt::WidgetShortcut});
}

// Every QAction and QShortcut of the window that could fire now.
QList<Binding> liveBindings(QWidget *window)
{
    QList<Binding> out;
    for (QAction *action : window->findChildren<QAction *>()) {
        QList<QWidget *> widgets;
        for (QObject *object : action->associatedObjects()) {
            if (auto *widget = qobject_cast<QWidget *>(object))
                widgets << widget;
        }
        const QString owner = action->objectName().isEmpty() ? action->text() : action->objectName();
        addBinding(out, action->shortcuts(), owner, action->shortcutContext(), widgets, window);
    }
    for (QShortcut *shortcut : window->findChildren<QShortcut *>()) {
        addBinding(out, shortcut->keys(), shortcut->objectName(), shortcut->context(),
                   {qobject_cast<QWidget *>(shortcut->parent())}, window);
    }
    return out;
}

bool overlap(const Binding &a, const Binding &b)
{
    if (a.scope.isEmpty() || b.scope.isEmpty())
        return true;
    for (QWidget *x : a.scope) {
        for (QWidget *y : b.scope) {
            if (x == y || (!a.widgetOnly && x->isAncestorOf(y)) || (!b.widgetOnly && y->isAncestorOf(x)))
                return true;
        }
    }
    return false;
}

// "Ctrl+N: newRecordAction and addTenantAction" for each key bound twice where both can fire.
QStringList duplicates(const QList<Binding> &bindings)
{
    QStringList found;
    for (qsizetype i = 0; i < bindings.size(); ++i) {
        for (qsizetype j = i + 1; j < bindings.size(); ++j) {
            const Binding &a = bindings.at(i);
            const Binding &b = bindings.at(j);
            if (a.key == b.key && a.owner != b.owner && overlap(a, b))
                found << QStringLiteral("%1: %2 and %3").arg(a.key.toString(), a.owner, b.owner);
        }
    }
    return found;
}

} // namespace

class tst_KintoWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void everyShortcutHasOneMeaning();
    void ctrlNMakesARecordOnTheRecordsPage();
    void recordsPageFitsA1400PixelWindow();
    void aCollectionComesBackAsTheUserLeftIt();

private:
    // Clicks the tree row at `path` below the tenant and waits for its page.
    QWidget *open(const QStringList &path, const QString &pageName);
    CollectionWorkspace *openCollection(const QString &collection);
    QJsonObject serverRecord(const QString &collection, const QString &id);
    // Makes the window active and gives `widget` the keyboard focus, as a click would.
    bool focusOn(QWidget *widget);

    QTemporaryDir m_dir;
    KintoSandbox m_sandbox;
    WindowFixture m_fx;
    QString m_id;
};

void tst_KintoWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("settings")));
    registerFamilies();
    QVERIFY(m_sandbox.start());
    m_sandbox.seedDemoData();
}

void tst_KintoWindow::init()
{
    // Qt's word for a key bound twice where both fire: neither does.
    QTest::failOnWarning(QRegularExpression(QStringLiteral("[Aa]mbiguous")));
    Prompt::setAnswerForTests(true);
    QVERIFY(m_fx.open(m_dir));
    Tenant tenant;
    tenant.displayName = QStringLiteral("Sandbox");
    tenant.family = KintoFamily::Id;
    tenant.baseUrl = m_sandbox.baseUrl();
    tenant.auth = AuthKind::Basic;
    tenant.userName = QStringLiteral("admin");
    m_id = m_fx.addTenant(tenant, SecretPurpose::Password, QStringLiteral("admin"));
    QVERIFY(!m_id.isEmpty());
    m_fx.click(m_fx.model->indexForTenant(m_id));
    QTRY_COMPARE_WITH_TIMEOUT(m_fx.model->tenantState(m_id), TenantTreeModel::State::Ok, 10000);
}

void tst_KintoWindow::cleanup()
{
    for (QWidget *top : QApplication::topLevelWidgets()) {
        if (top != m_fx.window.get() && top->isVisible())
            top->close();
    }
    m_fx.close();
    Prompt::setAnswerForTests(std::nullopt);
}

QWidget *tst_KintoWindow::open(const QStringList &path, const QString &pageName)
{
    const QModelIndex row = m_fx.reveal(m_id, path);
    if (!row.isValid())
        return nullptr;
    m_fx.click(row);
    if (!QTest::qWaitFor([&] { return m_fx.window->currentPage()->objectName() == pageName; }, 5000))
        return nullptr;
    return m_fx.window->currentPage();
}

CollectionWorkspace *tst_KintoWindow::openCollection(const QString &collection)
{
    QWidget *page = open({QStringLiteral("main"), QStringLiteral("collections"), collection}, QStringLiteral("collectionPage"));
    auto *workspace = page ? page->findChild<CollectionWorkspace *>() : nullptr;
    if (!workspace || !QTest::qWaitFor([&] { return workspace->view()->model()->rowCount() > 0; }, 10000))
        return nullptr;
    return workspace;
}

QJsonObject tst_KintoWindow::serverRecord(const QString &collection, const QString &id)
{
    KintoClient::Settings settings;
    settings.serverUrl = m_sandbox.baseUrl();
    settings.auth = QStringLiteral("admin:admin");
    KintoConnection checker(m_fx.nam.get(), settings);
    std::unique_ptr<Job> job(TestSupport::keep(checker.getRecord(QStringLiteral("main"), collection, id)));
    if (!TestSupport::waitFor(job.get()) || job->hasError())
        return {};
    return job->result().toObject().value(QLatin1String("data")).toObject();
}

bool tst_KintoWindow::focusOn(QWidget *widget)
{
    widget->window()->activateWindow();
    if (!QTest::qWaitForWindowActive(widget->window()))
        return false;
    widget->setFocus(Qt::MouseFocusReason);
    return QTest::qWaitFor([widget] { return widget->hasFocus(); }, 1000);
}

void tst_KintoWindow::everyShortcutHasOneMeaning()
{
    QWidget *window = m_fx.window.get();
    QStringList problems;
    const auto check = [&](const QString &where) {
        const QList<Binding> bindings = liveBindings(window);
        for (const QString &twice : duplicates(bindings))
            problems << where + QStringLiteral(" — ") + twice;
        return bindings.size();
    };
    check(QStringLiteral("tenant page"));
    QVERIFY(open({QStringLiteral("main")}, QStringLiteral("bucketPage")));
    check(QStringLiteral("bucket page"));
    QVERIFY(open({QStringLiteral("main"), QStringLiteral("groups"), QStringLiteral("editors")}, QStringLiteral("groupPage")));
    check(QStringLiteral("group page"));
    CollectionWorkspace *workspace = openCollection(QStringLiteral("tickets"));
    QVERIFY(workspace);
    const qsizetype onRecords = check(QStringLiteral("records page"));
    QVERIFY(onRecords >= 8); // the window's and the records' own: the walk sees them
    workspace->showHistory();
    check(QStringLiteral("history tab"));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void tst_KintoWindow::ctrlNMakesARecordOnTheRecordsPage()
{
    CollectionWorkspace *workspace = openCollection(QStringLiteral("tickets"));
    QVERIFY(workspace);
    auto *table = workspace->view()->tableView();
    QSignalSpy editors(workspace->recordActions(), &RecordActions::editorOpened);
    QSignalSpy addTenant(m_fx.window->addTenantAction(), &QAction::triggered);
    QSignalSpy refresh(m_fx.window->refreshAction(), &QAction::triggered);
    QSignalSpy reloading(workspace->view()->model(), &RecordTableModel::loadingChanged);

    // Ctrl+N in the table: a new record, nothing else.
    QVERIFY(focusOn(table));
    QTest::keyClick(table, Qt::Key_N, Qt::ControlModifier);
    QTRY_COMPARE(editors.size(), 1);
    auto *editor = editors.first().first().value<RecordEditor *>();
    QCOMPARE(editor->mode(), RecordEditor::Mode::Create);
    QTRY_VERIFY(editor->isVisible());
    QCOMPARE(addTenant.size(), 0);
    editor->close();

    // Ctrl+Shift+N: Add Tenant; F5: the window's Refresh; Ctrl+R: the records again.
    QTRY_VERIFY(!editor->isVisible());
    QVERIFY(focusOn(table));
    QTest::keyClick(table, Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(addTenant.size(), 1);
    QCOMPARE(editors.size(), 1);
    auto *chooser = m_fx.window->findChild<QWidget *>(QStringLiteral("chooseFamilyDialog"));
    QVERIFY(chooser);
    chooser->close();
    QVERIFY(focusOn(table));
    QTest::keyClick(table, Qt::Key_F5);
    QCOMPARE(refresh.size(), 1);
    QTest::keyClick(table, Qt::Key_R, Qt::ControlModifier);
    QTRY_VERIFY(!reloading.isEmpty());
    QCOMPARE(refresh.size(), 1);
}

void tst_KintoWindow::recordsPageFitsA1400PixelWindow()
{
    m_fx.window->resize(1400, 900);
    CollectionWorkspace *workspace = openCollection(QStringLiteral("devices"));
    QVERIFY(workspace);
    CollectionView *view = workspace->view();
    auto *toolBar = view->findChild<QToolBar *>(QStringLiteral("recordsToolBar"));
    QVERIFY(toolBar);
    QTRY_COMPARE(m_fx.window->width(), 1400);
    QTest::qWait(50); // the toolbar lays out
    // For people to look at: TENANTDESK_SCREENSHOT_DIR=<folder> saves the window as the test sees it.
    const QString shots = qEnvironmentVariable("TENANTDESK_SCREENSHOT_DIR");
    if (!shots.isEmpty())
        QVERIFY(m_fx.window->grab().save(shots + QStringLiteral("/records-1400x900.png")));

    // No toolbar action hidden behind the "»" extension.
    QStringList hidden;
    for (QAction *action : toolBar->actions()) {
        QWidget *button = toolBar->widgetForAction(action);
        if (!action->isSeparator() && !(button && button->isVisible()))
            hidden << (action->objectName().isEmpty() ? action->text() : action->objectName());
    }
    auto *extension = toolBar->findChild<QWidget *>(QStringLiteral("qt_toolbar_ext_button"));
    QVERIFY2(hidden.isEmpty() && !(extension && extension->isVisible()), qPrintable(hidden.join(QLatin1String(", "))));

    // A record without attachment: the table has the page's width.
    view->tableView()->selectRow(0);
    QTest::qWait(50);
    QVERIFY(!workspace->attachmentPane()->isVisible());
    QVERIFY2(view->width() > workspace->width() * 9 / 10, qPrintable(QString::number(view->width())));

    // The collection's own tools sit with its other buttons, named for what they act on.
    for (const QString &name : {QStringLiteral("exportActionButton"), QStringLiteral("importActionButton"),
                                QStringLiteral("copyActionButton"), QStringLiteral("editActionButton")}) {
        auto *button = m_fx.window->currentPage()->findChild<QToolButton *>(name);
        QVERIFY2(button && button->isVisible(), qPrintable(name));
    }
    QCOMPARE(m_fx.window->currentPage()->findChild<QToolButton *>(QStringLiteral("editActionButton"))->text(),
             QStringLiteral("Edit collection…"));

    // Every action of the page's records is in the table's context menu.
    QWidget *viewport = view->tableView()->viewport();
    QContextMenuEvent rightClick(QContextMenuEvent::Mouse, QPoint(20, 10), viewport->mapToGlobal(QPoint(20, 10)));
    QApplication::sendEvent(viewport, &rightClick);
    auto *menu = view->findChild<QMenu *>(QStringLiteral("recordsContextMenu"));
    QVERIFY(menu);
    QTRY_VERIFY(menu->isVisible());
    QList<QAction *> expected = toolBar->actions();
    for (int which = 0; which <= int(CollectionWorkspace::Action::Attachment); ++which)
        expected << workspace->action(CollectionWorkspace::Action(which));
    for (QAction *action : std::as_const(expected)) {
        if (!action->isSeparator() && !qobject_cast<QWidgetAction *>(action))
            QVERIFY2(menu->actions().contains(action), qPrintable(action->objectName()));
    }
    menu->close();

    if (!shots.isEmpty()) {
        // The pane opened for the selected record, and its editor.
        workspace->action(CollectionWorkspace::Action::Attachment)->trigger();
        QTRY_VERIFY(workspace->attachmentPane()->isVisible());
        QTest::qWait(300);
        qInfo() << "with the attachment pane: records" << view->width() << "px, pane" << workspace->attachmentPane()->width() << "px";
        QVERIFY(m_fx.window->grab().save(shots + QStringLiteral("/records-attachment-pane.png")));
        QSignalSpy opened(workspace->recordActions(), &RecordActions::editorOpened);
        QTest::keyClick(view->tableView(), Qt::Key_Return);
        QTRY_COMPARE(opened.size(), 1);
        auto *editor = opened.first().first().value<RecordEditor *>();
        QTRY_VERIFY(editor->isLoaded());
        QTest::qWait(100);
        QVERIFY(editor->grab().save(shots + QStringLiteral("/record-editor.png")));
    }

}

void tst_KintoWindow::aCollectionComesBackAsTheUserLeftIt()
{
    QPointer<CollectionWorkspace> workspace = openCollection(QStringLiteral("tickets"));
    QVERIFY(workspace);
    CollectionView *view = workspace->view();
    RecordTableModel *model = view->model();

    // Sort by title: a click on its header.
    QHeaderView *header = view->tableView()->horizontalHeader();
    const int titleColumn = int(model->columns().indexOf(QStringLiteral("title")));
    QVERIFY(titleColumn >= 0);
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                      QPoint(header->sectionViewportPosition(titleColumn) + 5, header->height() / 2));
    QTRY_VERIFY(model->sortParameter().endsWith(QLatin1String("title"))); // the style picks the first direction
    const QString sort = model->sortParameter();
    // Filter status = open, in the filter bar.
    QTest::mouseClick(view->findChild<QToolBar *>()->widgetForAction(view->findChild<QAction *>(QStringLiteral("filtersAction"))),
                      Qt::LeftButton);
    auto *field = view->filterBar()->findChild<QComboBox *>(QStringLiteral("filterField"));
    auto *value = view->filterBar()->findChild<QLineEdit *>(QStringLiteral("filterValue"));
    QVERIFY(field && value && field->isVisible());
    field->setFocus();
    QTest::keyClicks(field->lineEdit(), QStringLiteral("status"));
    QTest::mouseClick(value, Qt::LeftButton);
    QTest::keyClicks(value, QStringLiteral("open"));
    QTest::keyClick(value, Qt::Key_Return);
    QTRY_COMPARE(model->filters().size(), 1);
    QTRY_VERIFY(model->rowCount() > 0);
    // One more column, from the column chooser.
    QMenu *columns = view->findChild<QMenu *>(QStringLiteral("columnsMenu"));
    QVERIFY(columns);
    Q_EMIT columns->aboutToShow();
    QAction *idColumn = nullptr;
    for (QAction *action : columns->actions()) {
        if (action->text() == QLatin1String("id"))
            idColumn = action;
    }
    QVERIFY(idColumn && !idColumn->isChecked());
    idColumn->trigger();
    QTRY_VERIFY(model->columns().contains(QStringLiteral("id")));
    // Edit a record: one step to undo.
    const QString id = model->recordId(0);
    const QString title = model->record(0).value(QLatin1String("title")).toString();
    QSignalSpy opened(workspace->recordActions(), &RecordActions::editorOpened);
    view->tableView()->selectRow(0);
    QVERIFY(focusOn(view->tableView()));
    QTest::keyClick(view->tableView(), Qt::Key_Return);
    QTRY_COMPARE(opened.size(), 1);
    auto *editor = opened.first().first().value<RecordEditor *>();
    QLineEdit *titleEdit = nullptr;
    QTRY_VERIFY((titleEdit = editor->findChild<QLineEdit *>(QStringLiteral("field_title"))) && titleEdit->isEnabled());
    titleEdit->selectAll();
    QTest::keyClicks(titleEdit, QStringLiteral("Renamed ticket"));
    QTest::mouseClick(editor->findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
    QTRY_COMPARE(serverRecord(QStringLiteral("tickets"), id).value(QLatin1String("title")).toString(), QStringLiteral("Renamed ticket"));
    QTRY_VERIFY(workspace->action(CollectionWorkspace::Action::Undo)->isEnabled());
    auto *quick = view->findChild<QLineEdit *>(QStringLiteral("quickFilter"));
    QTest::keyClicks(quick, QStringLiteral("e"));

    // Away to the bucket, and back.
    QVERIFY(open({QStringLiteral("main")}, QStringLiteral("bucketPage")));
    QTRY_VERIFY(workspace.isNull() || !workspace->isVisible()); // gone, or about to be
    CollectionWorkspace *again = openCollection(QStringLiteral("tickets"));
    QVERIFY(again);
    QVERIFY(again != workspace); // a new page
    RecordTableModel *back = again->view()->model();
    QCOMPARE(back->sortParameter(), sort);
    QCOMPARE(back->filters().size(), 1);
    QCOMPARE(back->filters().first().field, QStringLiteral("status"));
    QVERIFY(back->columns().contains(QStringLiteral("id")));
    QCOMPARE(again->view()->findChild<QLineEdit *>(QStringLiteral("quickFilter"))->text(), QStringLiteral("e"));
    QVERIFY(again->view()->filterBar()->isVisible());
    QCOMPARE(again->view()->filterBar()->filters().size(), 1);
    QCOMPARE(again->view()->tableView()->horizontalHeader()->sortIndicatorSection(), int(back->columns().indexOf(QStringLiteral("title"))));

    // And the edit can still be undone: the server gets the old title back.
    QAction *undo = again->action(CollectionWorkspace::Action::Undo);
    QVERIFY(undo->isEnabled());
    QVERIFY2(undo->text().contains(id), qPrintable(undo->text()));
    undo->trigger();
    QTRY_COMPARE(serverRecord(QStringLiteral("tickets"), id).value(QLatin1String("title")).toString(), title);
}

QTEST_MAIN(tst_KintoWindow)
#include "tst_kintowindow.moc"
