#include "checkmode.h"

#include "family/familyui.h"
#include "mainwindow.h"
#include "preferences/theme.h"
#include "tenants/sessionmanager.h"
#include "tenanttreemodel.h"
#include "tones.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QElapsedTimer>
#include <QKeyEvent>
#include <QPainter>
#include <QPointer>
#include <QPushButton>
#include <QSet>
#include <QStyle>
#include <QStyleFactory>
#include <QTimer>
#include <QTreeView>

#include <cstdio>
#include <deque>
#include <functional>

namespace {

constexpr int TotalTimeoutMs = 120'000;
constexpr int QuietMs = 400;          // no request in flight for this long: the page has settled
constexpr int SettleCapMs = 15'000;   // a page still busy after this is shot as it is
constexpr int DepthLimit = 6;         // how far first children are followed to a leaf

QSet<QWidget *> visibleWindows()
{
    QSet<QWidget *> windows;
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (w->isVisible())
            windows.insert(w);
    }
    return windows;
}

// A window shown since `before` (the newest when several), or nullptr.
QWidget *newWindow(const QSet<QWidget *> &before)
{
    QWidget *found = nullptr;
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (w->isVisible() && !before.contains(w))
            found = w;
    }
    return found;
}

// The first visible item view of `page` that has rows.
QAbstractItemView *firstFilledView(QWidget *page)
{
    if (!page)
        return nullptr;
    for (QAbstractItemView *view : page->findChildren<QAbstractItemView *>()) {
        if (view->isVisible() && view->model() && view->model()->rowCount() > 0)
            return view;
    }
    return nullptr;
}

QString slug(QString text)
{
    text = text.toLower();
    for (QChar &c : text) {
        if (!c.isLetterOrNumber())
            c = QLatin1Char('-');
    }
    return text;
}

// One check run: a queue of steps, each of which ends by calling next() or fail(). Owned by the
// window; the run ends by quitting the application.
class CheckRun : public QObject
{
public:
    CheckRun(MainWindow *window, const AppContext &context, const QString &dir)
        : QObject(window), m_window(window), m_context(context), m_dir(dir),
          m_tree(window->tenantTree()), m_model(window->tenantModel())
    {
        m_quiet.start();
        if (m_context.sessions) {
            connect(m_context.sessions, &SessionManager::activityChanged, this, [this](int inFlight, int queued) {
                m_busy = inFlight + queued;
                m_quiet.restart();
            });
        }
        QTimer::singleShot(TotalTimeoutMs, this, [this] {
            fail(QStringLiteral("not done within %1 s (at: %2)").arg(TotalTimeoutMs / 1000).arg(m_at));
        });
    }

    void start()
    {
        if (!QDir().mkpath(m_dir)) {
            fail(QStringLiteral("cannot create the directory %1").arg(m_dir));
            return;
        }
        m_window->resize(1400, 900); // the size the README's screenshots are judged at
        m_steps.push_back([this] { listEveryTenant(); });
        m_steps.push_back([this] { windowShots(); });
        QTimer::singleShot(0, this, [this] { next(); });
    }

private:
    void next()
    {
        if (m_done)
            return;
        if (m_steps.empty()) {
            finish(0, QStringLiteral("%1 screenshot(s) in %2").arg(m_written).arg(m_dir));
            return;
        }
        auto step = std::move(m_steps.front());
        m_steps.pop_front();
        step();
    }

    void fail(const QString &why) { finish(1, why); }

    void finish(int code, const QString &why)
    {
        if (m_done)
            return;
        m_done = true;
        std::fprintf(code == 0 ? stdout : stderr, "tenantdesk: check %s: %s\n", code == 0 ? "passed" : "failed",
                     qPrintable(why));
        std::fflush(stdout);
        QCoreApplication::exit(code);
    }

    // Runs `then` once no request has been in flight for QuietMs (or after SettleCapMs).
    void settle(std::function<void()> then)
    {
        QElapsedTimer waited;
        waited.start();
        auto poll = std::make_shared<std::function<void()>>();
        *poll = [this, then, waited, poll] {
            if (m_done)
                return;
            if ((m_busy == 0 && m_quiet.elapsed() >= QuietMs) || waited.elapsed() >= SettleCapMs) {
                *poll = nullptr; // breaks the cycle
                then();
                return;
            }
            QTimer::singleShot(100, this, *poll);
        };
        QTimer::singleShot(QuietMs, this, *poll);
    }

    void shoot(const QString &name, QWidget *over = nullptr)
    {
        QPixmap shot = m_window->grab();
        if (over && over != m_window) {
            // The dialog centred over the window, under a plain title bar with its title.
            const QPixmap top = over->grab();
            const int titleHeight = over->fontMetrics().height() + 10;
            QPainter painter(&shot);
            const QRect area(QPoint((shot.width() - top.width()) / 2, (shot.height() - top.height() + titleHeight) / 2),
                             top.size());
            const QRect title(area.left(), area.top() - titleHeight, area.width(), titleHeight);
            const QPalette palette = over->palette();
            painter.fillRect(title, palette.color(QPalette::Mid));
            painter.setPen(palette.color(QPalette::WindowText));
            QFont bold = over->font();
            bold.setBold(true);
            painter.setFont(bold);
            QString caption = over->windowTitle(); // "[*]" is where a window manager marks changes
            caption.replace(QLatin1String("[*]"), over->isWindowModified() ? QStringLiteral("*") : QString());
            painter.drawText(title, Qt::AlignCenter, caption);
            painter.drawPixmap(area.topLeft(), top);
            painter.setPen(palette.color(QPalette::Shadow));
            painter.drawRect(area.united(title).adjusted(-1, -1, 0, 0));
        }
        const QString file = QDir(m_dir).filePath(name + QStringLiteral(".png"));
        if (!shot.save(file)) {
            fail(QStringLiteral("cannot write the screenshot %1").arg(file));
            return;
        }
        ++m_written;
        std::printf("tenantdesk: wrote %s (tenant %s)\n", qPrintable(file), qPrintable(currentTenantName()));
    }

    QString currentTenantName() const
    {
        const QModelIndex tenant = m_model->indexForTenant(m_window->currentTenantId());
        return tenant.isValid() ? tenant.data().toString() : QStringLiteral("none");
    }

    void select(const QModelIndex &index)
    {
        m_tree->setCurrentIndex(index);
        m_tree->scrollTo(index);
        m_at = index.data().toString();
    }

    // Expands every tenant (which connects it) and goes on once each one's children are listed.
    void listEveryTenant()
    {
        m_at = QStringLiteral("listing the tenants");
        if (m_model->rowCount() == 0) {
            fail(QStringLiteral("no tenant in the tree"));
            return;
        }
        connect(m_model, &TenantTreeModel::fetched, this, [this](const QModelIndex &index, const QString &error) {
            if (!m_listing || index.parent().isValid() || m_listed.contains(index.data().toString()))
                return;
            const QString name = index.data().toString();
            if (!error.isEmpty()) {
                fail(QStringLiteral("listing %1 failed: %2").arg(name, error));
                return;
            }
            m_listed << name;
            std::printf("tenantdesk: listed %s (%d rows)\n", qPrintable(name), m_model->rowCount(index));
            if (m_listed.size() == m_model->rowCount()) {
                m_listing = false;
                next();
            }
        });
        m_listing = true;
        for (int row = 0; row < m_model->rowCount(); ++row)
            m_tree->expand(m_model->index(row, 0));
    }

    // The palette change reaches the widgets through posted events: each shot waits for them.
    void windowShots()
    {
        const QModelIndex current = m_tree->currentIndex();
        select(current.isValid() ? current : m_model->index(0, 0));
        const QPalette original = QApplication::palette();
        const QString originalStyle = QApplication::style()->name();
        auto useFusion = [](const QPalette &palette) {
            QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
            QApplication::setPalette(palette);
        };
        auto restore = [original, originalStyle] {
            QApplication::setStyle(originalStyle);
            QApplication::setPalette(original);
        };
        // The system's palette is one of the two; Fusion with a palette of ours the other.
        const bool systemDark = Tones::isDark(original);
        if (systemDark)
            useFusion(QApplication::style()->standardPalette());
        settle([this, systemDark, restore, useFusion] {
            shoot(QStringLiteral("window"));
            if (systemDark)
                restore();
            else
                useFusion(Theme::palette(Preferences::Theme::Dark));
            settle([this, systemDark, restore] {
                shoot(QStringLiteral("window-dark"));
                if (!systemDark)
                    restore();
                queueFamilies();
                settle([this] { next(); });
            });
        });
    }

    // The first tenant of each family, in the tree's order.
    void queueFamilies()
    {
        QSet<QString> seen;
        for (int row = 0; row < m_model->rowCount(); ++row) {
            const QModelIndex tenant = m_model->index(row, 0);
            const QString family = tenant.data(TenantTreeModel::FamilyRole).toString();
            if (family.isEmpty() || seen.contains(family))
                continue;
            seen.insert(family);
            const QPersistentModelIndex persistent(tenant);
            const QString name = slug(family);
            m_steps.push_back([this, persistent, name] { childShot(persistent, name); });
            m_steps.push_back([this, persistent, name] { descend(persistent, name, 0); });
            m_steps.push_back([this, family, name] { wizardShots(family, name); });
        }
    }

    static QModelIndex firstChild(const QModelIndex &parent)
    {
        const QModelIndex child = parent.model()->index(0, 0, parent);
        if (!child.isValid() || child.data(TenantTreeModel::NodeKindRole).toString() == TenantTreeModel::MessageKind)
            return {};
        return child;
    }

    // Shows only this tenant's rows expanded, and its first child expanded and listed.
    void childShot(const QPersistentModelIndex &tenant, const QString &name)
    {
        m_tree->collapseAll();
        m_tree->expand(tenant);
        const QPersistentModelIndex child(firstChild(tenant));
        if (!child.isValid()) {
            select(tenant);
            settle([this, name] { shoot(name); next(); });
            return;
        }
        whenListed(child, [this, child, name] {
            select(child);
            settle([this, name] {
                shoot(name);
                next();
            });
        });
    }

    // Expands `node` and runs `then` once its children are listed (at once when they are).
    void whenListed(const QPersistentModelIndex &node, std::function<void()> then)
    {
        m_tree->expand(node);
        if (!m_model->hasChildren(node)
            || (!m_model->canFetchMore(node) && !node.data(TenantTreeModel::LoadingRole).toBool())) {
            then();
            return;
        }
        auto connection = std::make_shared<QMetaObject::Connection>();
        *connection = connect(m_model, &TenantTreeModel::fetched, this,
                              [this, node, then, connection](const QModelIndex &index, const QString &error) {
            if (index != node)
                return;
            disconnect(*connection);
            if (!error.isEmpty())
                fail(QStringLiteral("listing %1 failed: %2").arg(index.data().toString(), error));
            else
                then();
        });
        if (m_model->canFetchMore(node))
            m_model->fetchMore(node);
    }

    // Follows first children down to a leaf, then opens the first row of the leaf's page.
    void descend(const QPersistentModelIndex &node, const QString &name, int depth)
    {
        if (!node.isValid()) {
            fail(QStringLiteral("a node of %1 went away").arg(name));
            return;
        }
        if (depth < DepthLimit && m_model->hasChildren(node)) {
            whenListed(node, [this, node, name, depth] {
                const QModelIndex child = firstChild(node);
                if (child.isValid())
                    descend(QPersistentModelIndex(child), name, depth + 1);
                else
                    openItem(node, name);
            });
            return;
        }
        openItem(node, name);
    }

    void openItem(const QPersistentModelIndex &leaf, const QString &name)
    {
        select(leaf);
        settle([this, name] {
            QAbstractItemView *view = firstFilledView(m_window->currentPage());
            if (!view) {
                shoot(name + QStringLiteral("-item"));
                next();
                return;
            }
            const QSet<QWidget *> before = visibleWindows();
            view->setFocus();
            view->setCurrentIndex(view->model()->index(0, 0));
            QKeyEvent press(QEvent::KeyPress, Qt::Key_Return, Qt::NoModifier);
            QCoreApplication::sendEvent(view, &press);
            settle([this, name, before] {
                QPointer<QWidget> opened = newWindow(before);
                shoot(name + QStringLiteral("-item"), opened);
                if (opened)
                    opened->close();
                next();
            });
        });
    }

    void wizardShots(const QString &family, const QString &name)
    {
        const FamilyUi *ui = FamilyUis::find(family);
        if (!ui) {
            next();
            return;
        }
        m_at = name + QStringLiteral(" wizard");
        QPointer<QWidget> wizard = ui->openTenantWizard(m_window, m_context, std::nullopt);
        settle([this, wizard, name] {
            if (!wizard) {
                fail(QStringLiteral("the %1 wizard did not open").arg(name));
                return;
            }
            shoot(name + QStringLiteral("-wizard"), wizard);
            QPushButton *other = nullptr;
            if (auto *box = wizard->findChild<QDialogButtonBox *>()) {
                for (QAbstractButton *button : box->buttons()) {
                    if (box->buttonRole(button) == QDialogButtonBox::ActionRole && !other)
                        other = qobject_cast<QPushButton *>(button);
                }
            }
            if (!other) {
                wizard->close();
                next();
                return;
            }
            const QSet<QWidget *> before = visibleWindows();
            other->click();
            settle([this, wizard, name, before] {
                QPointer<QWidget> second = newWindow(before);
                if (second)
                    shoot(name + QStringLiteral("-wizard-2"), second);
                if (second)
                    second->close();
                if (wizard)
                    wizard->close();
                next();
            });
        });
    }

    MainWindow *m_window;
    AppContext m_context;
    QString m_dir;
    QTreeView *m_tree;
    TenantTreeModel *m_model;
    std::deque<std::function<void()>> m_steps;
    QStringList m_listed;
    QElapsedTimer m_quiet;
    QString m_at = QStringLiteral("starting");
    int m_busy = 0;
    int m_written = 0;
    bool m_listing = false;
    bool m_done = false;
};

} // namespace

void startCheck(MainWindow *window, const AppContext &context, const QString &dir)
{
    (new CheckRun(window, context, dir))->start();
}
