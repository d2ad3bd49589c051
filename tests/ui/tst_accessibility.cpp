#include "demo.h"
#include "families.h"
#include "family/familyui.h"
#include "mainwindow.h"
#include "prompt.h"
#include "shell/quickswitcher.h"
#include "net/httpclient.h"
#include "tenants/sessionmanager.h"
#include "tenants/tenantregistry.h"
#include "tenanttreemodel.h"
#include "toplevels.h"
#include "windowfixture.h"

#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QMenu>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <QWizard>

#include <algorithm>
#include <functional>

// Keyboard and screen-reader use of the whole window on the demo (a tenant of every family): every
// page of every node kind, every dialog its actions open, the add-tenant chooser and each family's
// wizard page by page, preferences, the request composer and the quick switcher.
//
// Names: every focusable widget (focus policy not NoFocus, visible, enabled, no focus proxy) has a
// non-empty accessible name (its own, a buddy label's, its button text, its group box's title).
// Tab order, in every dialog and wizard page: Tab pressed from the first widget of the focus chain
// reaches every focusable widget exactly once before coming back to it, in reading order: for two
// widgets reached one after the other, the second either shares a row with the first (their
// vertical extents overlap) and does not start left of it, or lies below it (its top is not above
// the first's vertical centre), or, in another pane of a splitter, lies in a later pane. A widget with parts (a date's sections, a table's cells) may keep
// up to 40 presses before the focus moves on; one that never lets it go is a keyboard trap.
class tst_Accessibility : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void everyPageOfEveryNodeKind();
    void dialogsOfTheMenusAndToolbar();
    void wizardsOfEveryFamily();
    void dialogsOfEveryNodeKind();

private:
    void settle();
    void checkNames(QWidget *root, const QString &path);
    void checkTabOrder(QWidget *root, const QString &path);
    void checkWindow(QWidget *window, const QString &path);
    // Runs `check` on `root` as shown, then once for each other tab of its visible tab widgets.
    void forEachTab(QWidget *root, const QString &path, const std::function<void(const QString &)> &check);
    bool visitDialog(const QString &path, const std::function<void()> &open);
    QList<QPersistentModelIndex> nodesOfEveryKind();
    QString pathOf(const QModelIndex &index) const;
    QString report() const;

    QTemporaryDir m_dir;
    WindowFixture m_fx;
    QObject m_servers;
    QStringList m_failures;
    int m_checked = 0;
};

namespace {

// Widgets Tab stops at, as QApplication's focus chain helper picks them.
bool tabStop(QWidget *w, QWidget *root)
{
    return (w->focusPolicy() & Qt::TabFocus) == Qt::TabFocus && w->isVisibleTo(root) && w->isEnabled()
        && !w->focusProxy() && w != root && !w->isWindow();
}

bool focusable(QWidget *w, QWidget *root)
{
    return w->focusPolicy() != Qt::NoFocus && w->isVisibleTo(root) && w->isEnabled() && !w->focusProxy()
        && !w->isWindow();
}

QString describe(QWidget *w)
{
    return QStringLiteral("%1 \"%2\"").arg(QLatin1String(w->metaObject()->className()), w->objectName());
}

// Where `w` lies in `root` as laid out: the content of a scroll area counts as not scrolled.
QRect frameIn(QWidget *w, QWidget *root)
{
    QPoint at;
    for (QWidget *x = w; x && x != root; x = x->parentWidget()) {
        QWidget *viewport = x->parentWidget();
        auto *area = viewport ? qobject_cast<QScrollArea *>(viewport->parentWidget()) : nullptr;
        if (!area || area->widget() != x)
            at += x->pos();
    }
    return QRect(at, w->size());
}

// When `a` and `b` lie in different panes of one splitter: the panes' indices, else (-1, -1).
std::pair<int, int> splitPanes(QWidget *a, QWidget *b)
{
    for (QWidget *pa = a; pa; pa = pa->parentWidget()) {
        auto *splitter = qobject_cast<QSplitter *>(pa->parentWidget());
        if (!splitter || pa->isAncestorOf(b))
            continue;
        for (QWidget *pb = b; pb; pb = pb->parentWidget()) {
            if (pb->parentWidget() == splitter)
                return {splitter->indexOf(pa), splitter->indexOf(pb)};
        }
    }
    return {-1, -1};
}

} // namespace

void tst_Accessibility::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("settings")));
    registerFamilies();
    Prompt::setAnswerForTests(false); // every question (delete?, discard?) is answered No
}

void tst_Accessibility::init()
{
    QSettings().clear();
    m_failures.clear();
    m_checked = 0;
    QVERIFY(m_fx.open(m_dir));
    QString error;
    QVERIFY2(startDemo(*m_fx.registry, *m_fx.secrets, &m_servers, &error), qPrintable(error));
    m_fx.window->resize(1400, 900);
    m_fx.window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_fx.window.get()));
}

void tst_Accessibility::cleanup()
{
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (w != m_fx.window.get() && w->isVisible())
            w->close();
    }
    m_fx.close();
    qDeleteAll(m_servers.children());
}

// Waits until no request has been in flight for a moment (at most a few seconds).
void tst_Accessibility::settle()
{
    QTest::qWait(50);
    QElapsedTimer quiet;
    quiet.start();
    QElapsedTimer total;
    total.start();
    while (quiet.elapsed() < 150 && total.elapsed() < 5000) {
        int busy = 0;
        for (const Tenant &tenant : m_fx.registry->tenants()) {
            if (const HttpClient *client = m_fx.sessions->client(tenant.id))
                busy += client->inFlight() + client->queued();
        }
        if (busy)
            quiet.restart();
        QTest::qWait(20);
    }
}

void tst_Accessibility::checkNames(QWidget *root, const QString &path)
{
    ++m_checked;
    for (QWidget *w : root->findChildren<QWidget *>()) {
        if (!focusable(w, root))
            continue;
        // Inner editors of spin and combo boxes are named through their owner.
        if (qobject_cast<QAbstractSpinBox *>(w->parentWidget()) || qobject_cast<QComboBox *>(w->parentWidget()))
            continue;
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
        const QString name = iface ? iface->text(QAccessible::Name).trimmed() : QString();
        if (name.isEmpty())
            m_failures << QStringLiteral("%1: %2 has no accessible name").arg(path, describe(w));
    }
}

void tst_Accessibility::checkTabOrder(QWidget *root, const QString &path)
{
    QList<QWidget *> stops;
    for (QWidget *w = root->nextInFocusChain(); w != root; w = w->nextInFocusChain()) {
        if (root->isAncestorOf(w) && tabStop(w, root))
            stops << w;
    }
    if (stops.size() < 2)
        return;
    // The cycle starts at the widget read first (topmost, then leftmost).
    const auto readFirst = [root](QWidget *a, QWidget *b) {
        const QRect ra = frameIn(a, root), rb = frameIn(b, root);
        return std::pair(ra.top(), ra.left()) < std::pair(rb.top(), rb.left());
    };
    std::rotate(stops.begin(), std::min_element(stops.begin(), stops.end(), readFirst), stops.end());
    root->activateWindow();
    stops.first()->setFocus(Qt::TabFocusReason);
    if (!QTest::qWaitFor([&] { return QApplication::focusWidget() == stops.first(); }, 2000)) {
        m_failures << QStringLiteral("%1: the first widget of the chain, %2, cannot take the focus")
                          .arg(path, describe(stops.first()));
        return;
    }
    QList<QWidget *> reached{stops.first()};
    for (int i = 0; i < stops.size(); ++i) {
        QWidget *at = QApplication::focusWidget();
        if (!at)
            break;
        // A widget with parts (a date's sections, a table's cells) may keep a few Tabs.
        QWidget *next = at;
        for (int press = 0; press < 40 && next == at; ++press) {
            QTest::keyClick(at, Qt::Key_Tab);
            next = QApplication::focusWidget();
            if (next && next->focusProxy())
                next = next->focusProxy();
        }
        if (next == at) {
            m_failures << QStringLiteral("%1: Tab does not leave %2").arg(path, describe(at));
            return;
        }
        if (!next || next == stops.first())
            break;
        reached << next;
    }
    for (QWidget *w : stops) {
        const int times = int(reached.count(w));
        if (times != 1)
            m_failures << QStringLiteral("%1: Tab reaches %2 %3 time(s) per cycle").arg(path, describe(w)).arg(times);
    }
    for (int i = 1; i < reached.size(); ++i) {
        const QRect a = frameIn(reached[i - 1], root);
        const QRect b = frameIn(reached[i], root);
        const bool sameRow = b.top() < a.bottom() && a.top() < b.bottom();
        bool inOrder = sameRow ? b.left() >= a.left() - 2 : b.top() >= a.center().y();
        // Panes of a splitter are read one after the other.
        if (const auto panes = splitPanes(reached[i - 1], reached[i]); panes.first >= 0)
            inOrder = panes.first < panes.second;
        if (!inOrder) {
            m_failures << QStringLiteral("%1: Tab goes from %2 at (%3,%4) back to %5 at (%6,%7)")
                              .arg(path, describe(reached[i - 1])).arg(a.left()).arg(a.top())
                              .arg(describe(reached[i])).arg(b.left()).arg(b.top());
        }
    }
}

void tst_Accessibility::forEachTab(QWidget *root, const QString &path, const std::function<void(const QString &)> &check)
{
    check(path);
    for (QTabWidget *tabs : root->findChildren<QTabWidget *>()) {
        if (!tabs->isVisibleTo(root))
            continue;
        const int shown = tabs->currentIndex();
        for (int i = 0; i < tabs->count(); ++i) {
            if (i == shown || !tabs->isTabEnabled(i))
                continue;
            tabs->setCurrentIndex(i);
            settle();
            check(QStringLiteral("%1 / tab %2").arg(path, tabs->tabText(i).remove(QLatin1Char('&'))));
        }
        tabs->setCurrentIndex(shown);
    }
}

void tst_Accessibility::checkWindow(QWidget *window, const QString &path)
{
    if (qobject_cast<QFileDialog *>(window))
        return; // Qt's own
    auto *wizard = qobject_cast<QWizard *>(window);
    if (!wizard) {
        forEachTab(window, path, [this, window](const QString &where) {
            checkNames(window, where);
            checkTabOrder(window, where);
        });
        return;
    }
    // Each page shown as the first, so no page needs the ones before it filled in.
    const QList<int> ids = wizard->pageIds();
    for (int id : ids) {
        wizard->setStartId(id);
        wizard->restart();
        settle();
        const QString page = QStringLiteral("%1 / page %2 \"%3\"").arg(path).arg(id).arg(wizard->currentPage()->title());
        checkNames(wizard, page);
        checkTabOrder(wizard, page);
    }
}

// Runs `open`, then checks each window it opened (modal or not) and closes it. True when one opened.
bool tst_Accessibility::visitDialog(const QString &path, const std::function<void()> &open)
{
    const QSet<QWidget *> before = TopLevels::visible();
    bool seen = false;
    QTimer poll;
    poll.setInterval(50);
    connect(&poll, &QTimer::timeout, this, [&] {
        const QList<QWidget *> opened = TopLevels::shownSince(before, false);
        if (opened.isEmpty())
            return;
        poll.stop();
        seen = true;
        settle();
        for (QWidget *w : opened) {
            QPointer<QWidget> guard(w);
            const QString title = w->windowTitle().remove(QLatin1String("[*]"));
            checkWindow(w, QStringLiteral("%1 → %2 %3").arg(path, QLatin1String(w->metaObject()->className()), title));
            if (guard) {
                if (auto *dialog = qobject_cast<QDialog *>(w))
                    dialog->reject();
                else
                    w->close();
            }
        }
    });
    poll.start();
    open();
    (void)QTest::qWaitFor([&] { return seen; }, 1500); // an action may open nothing
    poll.stop();
    settle();
    // A dialog asking to discard changes on close is answered by Prompt (No): close again.
    for (QWidget *w : TopLevels::shownSince(before, false))
        w->hide();
    return seen;
}

QString tst_Accessibility::pathOf(const QModelIndex &index) const
{
    QStringList parts;
    for (QModelIndex i = index; i.isValid(); i = i.parent())
        parts.prepend(i.data().toString());
    return parts.join(QLatin1String(" / "));
}

// The first node of each kind of every tenant's tree (nodes listed as the tree lists them, the
// first two children of each node followed down to five levels).
QList<QPersistentModelIndex> tst_Accessibility::nodesOfEveryKind()
{
    QList<QPersistentModelIndex> nodes;
    QSet<QString> kinds;
    std::function<void(const QModelIndex &, int)> walk = [&](const QModelIndex &node, int depth) {
        const QString kind = node.data(TenantTreeModel::FamilyRole).toString() + QLatin1Char('/')
                           + node.data(TenantTreeModel::NodeKindRole).toString();
        if (!kinds.contains(kind)) {
            kinds.insert(kind);
            nodes << QPersistentModelIndex(node);
        }
        if (depth >= 5)
            return;
        m_fx.tree->expand(node);
        if (m_fx.model->canFetchMore(node))
            m_fx.model->fetchMore(node);
        // A tenant connects first; a node still loading after that is walked as it is.
        (void)QTest::qWaitFor([&] {
            return !m_fx.model->hasChildren(node) || m_fx.model->rowCount(node) > 0
                || !node.data(TenantTreeModel::ErrorRole).toString().isEmpty();
        }, 10000);
        (void)QTest::qWaitFor([&] { return !node.data(TenantTreeModel::LoadingRole).toBool(); }, 10000);
        const int rows = m_fx.model->rowCount(node);
        QList<QPersistentModelIndex> children;
        for (int row = 0; row < rows && children.size() < 2; ++row)
            children << QPersistentModelIndex(m_fx.model->index(row, 0, node));
        for (const QPersistentModelIndex &child : children) {
            if (child.isValid())
                walk(child, depth + 1);
        }
    };
    for (int row = 0; row < m_fx.model->rowCount(); ++row)
        walk(m_fx.model->index(row, 0), 0);
    return nodes;
}

QString tst_Accessibility::report() const
{
    QStringList unique = m_failures;
    unique.removeDuplicates();
    for (const QString &failure : unique)
        qWarning("%s", qPrintable(failure));
    return QStringLiteral("%1 problem(s) in %2 view(s), each logged above").arg(unique.size()).arg(m_checked);
}

void tst_Accessibility::everyPageOfEveryNodeKind()
{
    const QList<QPersistentModelIndex> nodes = nodesOfEveryKind();
    QVERIFY2(nodes.size() >= 12, qPrintable(QString::number(nodes.size())));
    for (const QPersistentModelIndex &node : nodes) {
        m_fx.window->selectRow(node);
        settle();
        forEachTab(m_fx.window.get(), QStringLiteral("window on %1").arg(pathOf(node)),
                   [this](const QString &where) { checkNames(m_fx.window.get(), where); });
    }
    QVERIFY2(m_failures.isEmpty(), qPrintable(report()));
}

void tst_Accessibility::dialogsOfTheMenusAndToolbar()
{
    m_fx.window->selectRow(m_fx.model->index(0, 0));
    settle();
    QVERIFY(visitDialog(QStringLiteral("Preferences"), [this] { m_fx.window->openPreferences(); }));
    QVERIFY(visitDialog(QStringLiteral("New Request"), [this] { m_fx.window->openComposer(); }));
    QVERIFY(visitDialog(QStringLiteral("About"), [this] {
        m_fx.window->findChild<QAction *>(QStringLiteral("aboutAction"))->trigger();
    }));
    QVERIFY(visitDialog(QStringLiteral("Add Tenant"), [this] { m_fx.window->addTenantAction()->trigger(); }));

    // The quick switcher is a popup of the window.
    m_fx.window->findChild<QAction *>(QStringLiteral("quickSwitchAction"))->trigger();
    QuickSwitcher *switcher = m_fx.window->quickSwitcher();
    QTRY_VERIFY(switcher->isVisible());
    checkNames(switcher, QStringLiteral("Quick switcher"));
    switcher->hide();
    QVERIFY2(m_failures.isEmpty(), qPrintable(report()));
}

void tst_Accessibility::wizardsOfEveryFamily()
{
    const AppContext context = m_fx.context();
    for (const FamilyUi *ui : FamilyUis::all()) {
        const QString family = ui->familyId();
        QVERIFY(visitDialog(QStringLiteral("new %1 tenant").arg(family), [&] {
            ui->openTenantWizard(m_fx.window.get(), context, std::nullopt);
        }));
        // Another way in the dialog offers (Jamf's "Set up…" wizard): an action button of its box.
        const QSet<QWidget *> before = TopLevels::visible();
        QPointer<QWidget> wizard = ui->openTenantWizard(m_fx.window.get(), context, std::nullopt);
        QTRY_VERIFY(!TopLevels::shownSince(before, false).isEmpty());
        if (auto *box = wizard ? wizard->findChild<QDialogButtonBox *>() : nullptr) {
            for (QAbstractButton *button : box->buttons()) {
                if (box->buttonRole(button) == QDialogButtonBox::ActionRole)
                    visitDialog(QStringLiteral("new %1 tenant / %2").arg(family, button->text()), [button] { button->click(); });
            }
        }
        if (wizard)
            wizard->close();
        for (const Tenant &tenant : m_fx.registry->tenants()) {
            if (tenant.family == family) {
                QVERIFY(visitDialog(QStringLiteral("edit %1").arg(tenant.displayName), [&] {
                    ui->openTenantWizard(m_fx.window.get(), context, tenant);
                }));
                break;
            }
        }
    }
    QVERIFY2(m_failures.isEmpty(), qPrintable(report()));
}

void tst_Accessibility::dialogsOfEveryNodeKind()
{
    const QList<QPersistentModelIndex> nodes = nodesOfEveryKind();
    int dialogs = 0;
    for (const QPersistentModelIndex &node : nodes) {
        if (!node.isValid())
            continue;
        m_fx.window->selectRow(node);
        settle();
        const QString path = pathOf(node);
        // The node's actions that open a form (an ellipsis in their text says so).
        const QString family = node.data(TenantTreeModel::FamilyRole).toString();
        FamilyNavigator *navigator = m_fx.window->navigator(family);
        QList<QPointer<QAction>> actions;
        if (navigator && node.parent().isValid()) {
            for (QAction *action : navigator->actionsFor(node))
                actions << action;
        }
        if (QWidget *page = m_fx.window->currentPage()) {
            QList<QWidget *> widgets = page->findChildren<QWidget *>();
            widgets.prepend(page);
            for (QWidget *w : widgets) {
                for (QAction *action : w->actions())
                    actions << action;
            }
        }
        QSet<QAction *> tried;
        for (const QPointer<QAction> &action : actions) {
            if (!action || tried.contains(action))
                continue;
            tried.insert(action);
            if (!action->isEnabled() || !action->text().contains(QChar(0x2026)))
                continue;
            if (visitDialog(QStringLiteral("%1 → %2").arg(path, action->text().remove(QLatin1Char('&'))),
                            [action] { if (action) action->trigger(); }))
                ++dialogs;
            if (!node.isValid())
                break;
        }
        // The first row of the page's table, opened with Enter (an editor).
        QWidget *page = m_fx.window->currentPage();
        for (QAbstractItemView *view : page ? page->findChildren<QAbstractItemView *>() : QList<QAbstractItemView *>()) {
            if (!view->isVisible() || !view->model() || view->model()->rowCount() == 0)
                continue;
            view->setFocus();
            view->setCurrentIndex(view->model()->index(0, 0));
            if (visitDialog(QStringLiteral("%1 → first row").arg(path), [view] { QTest::keyClick(view, Qt::Key_Return); }))
                ++dialogs;
            break;
        }
    }
    qInfo("%d dialogs opened, %d views checked", dialogs, m_checked);
    QVERIFY2(dialogs >= 10, qPrintable(QString::number(dialogs)));
    QVERIFY2(m_failures.isEmpty(), qPrintable(report()));
}

QTEST_MAIN(tst_Accessibility)
#include "tst_accessibility.moc"
