#include "demo.h"
#include "families.h"
#include "mainwindow.h"
#include "serviceicons.h"
#include "windowfixture.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QLabel>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>

// At 200 % (QT_SCALE_FACTOR=2, set before the application starts) every picture the window shows
// comes from a source of at least its size in device pixels, so none is scaled up (blurred): the
// window's and the welcome page's application icon, the family icons of the tree (with and
// without a connection-state dot) and of the add-tenant chooser, and the icon of every button of
// ours (the style's own title-bar buttons of the docks are Qt's bitmaps, left as Qt draws them).
class tst_HiDpi : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void applicationIcon();
    void windowPicturesOnTheDemo();
    void addTenantChooser();

private:
    // Failures of `icon` shown at `logical` size: empty when it has a source of the device size.
    QString blurred(const QIcon &icon, QSize logical) const;
    // Every label picture, button icon and item-view icon visible in `root`; the count checked.
    int checkPictures(QWidget *root, const QString &where);

    QTemporaryDir m_dir;
    WindowFixture m_fx;
    QObject m_servers;
    QStringList m_failures;
};

QString tst_HiDpi::blurred(const QIcon &icon, QSize logical) const
{
    const qreal ratio = qApp->devicePixelRatio();
    const QPixmap pixmap = icon.pixmap(logical, ratio);
    const QSize needed = (QSizeF(logical) * ratio).toSize();
    if (pixmap.width() >= needed.width() || pixmap.height() >= needed.height())
        return {};
    return QStringLiteral("%1×%2 px drawn at %3×%4 logical (%5 device px)")
        .arg(pixmap.width()).arg(pixmap.height()).arg(logical.width()).arg(logical.height()).arg(needed.width());
}

int tst_HiDpi::checkPictures(QWidget *root, const QString &where)
{
    int checked = 0;
    const auto fail = [&](QWidget *w, const QString &what, const QString &why) {
        m_failures << QStringLiteral("%1: %2 \"%3\" %4: %5")
                          .arg(where, QLatin1String(w->metaObject()->className()), w->objectName(), what, why);
    };
    for (QLabel *label : root->findChildren<QLabel *>()) {
        const QPixmap pixmap = label->pixmap();
        if (!label->isVisibleTo(root) || pixmap.isNull())
            continue;
        ++checked;
        if (pixmap.devicePixelRatio() < label->devicePixelRatio())
            fail(label, QStringLiteral("picture"),
                 QStringLiteral("device pixel ratio %1 on a %2 screen").arg(pixmap.devicePixelRatio()).arg(label->devicePixelRatio()));
    }
    for (QAbstractButton *button : root->findChildren<QAbstractButton *>()) {
        // Qt's own buttons (a dock's float and close, "qt_*") carry the style's small bitmaps.
        if (!button->isVisibleTo(root) || button->icon().isNull() || button->objectName().startsWith(QLatin1String("qt_")))
            continue;
        ++checked;
        if (const QString why = blurred(button->icon(), button->iconSize()); !why.isEmpty())
            fail(button, button->text(), why);
    }
    for (QAbstractItemView *view : root->findChildren<QAbstractItemView *>()) {
        if (!view->isVisibleTo(root) || !view->model())
            continue;
        QSize size = view->iconSize();
        if (!size.isValid())
            size = QSize(16, 16);
        std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
            for (int row = 0; row < view->model()->rowCount(parent); ++row) {
                const QModelIndex index = view->model()->index(row, 0, parent);
                const QIcon icon = index.data(Qt::DecorationRole).value<QIcon>();
                if (!icon.isNull()) {
                    ++checked;
                    if (const QString why = blurred(icon, size); !why.isEmpty())
                        fail(view, index.data().toString(), why);
                }
                walk(index);
            }
        };
        walk(view->rootIndex());
    }
    return checked;
}

void tst_HiDpi::initTestCase()
{
    QCOMPARE(qApp->devicePixelRatio(), 2.0);
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("settings")));
    registerFamilies();
}

void tst_HiDpi::cleanup()
{
    m_fx.close();
    qDeleteAll(m_servers.children());
    m_failures.clear();
}

// The icon a desktop shows in a task bar or an About box, up to 128 logical pixels.
void tst_HiDpi::applicationIcon()
{
    for (int size : {16, 24, 32, 48, 64, 96, 128}) {
        const QString why = blurred(ServiceIcons::application(), QSize(size, size));
        QVERIFY2(why.isEmpty(), qPrintable(why));
    }
}

// The window on the demo, every tenant connected and its first level listed: the welcome page's
// picture, the tree's family icons (with their state dots), the toolbar's and pages' buttons.
void tst_HiDpi::windowPicturesOnTheDemo()
{
    QVERIFY(m_fx.open(m_dir));
    QString error;
    QVERIFY2(startDemo(*m_fx.registry, *m_fx.secrets, &m_servers, &error), qPrintable(error));
    m_fx.window->resize(1400, 900);
    QVERIFY(QTest::qWaitForWindowExposed(m_fx.window.get()));
    QCOMPARE(m_fx.window->devicePixelRatio(), 2.0);
    const int tenants = m_fx.model->rowCount();
    QVERIFY(tenants >= 4);
    for (int row = 0; row < tenants; ++row)
        m_fx.tree->expand(m_fx.model->index(row, 0));
    QVERIFY(QTest::qWaitFor([&] {
        for (int row = 0; row < tenants; ++row) {
            if (m_fx.model->rowCount(m_fx.model->index(row, 0)) == 0)
                return false;
        }
        return true;
    }, 15000));
    const int checked = checkPictures(m_fx.window.get(), QStringLiteral("main window"));
    QVERIFY2(checked > tenants, qPrintable(QString::number(checked)));
    QVERIFY2(m_failures.isEmpty(), qPrintable(m_failures.join(QLatin1Char('\n'))));
}

// The chooser lists each family with its icon at 32 logical pixels.
void tst_HiDpi::addTenantChooser()
{
    QVERIFY(m_fx.open(m_dir));
    int checked = 0;
    bool seen = false;
    QTimer poll;
    poll.setInterval(50);
    connect(&poll, &QTimer::timeout, this, [&] {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            auto *dialog = qobject_cast<QDialog *>(w);
            if (!dialog || !dialog->isVisible())
                continue;
            poll.stop();
            seen = true;
            checked = checkPictures(dialog, QStringLiteral("add-tenant chooser"));
            dialog->reject();
            return;
        }
    });
    poll.start();
    m_fx.window->addTenantAction()->trigger();
    QVERIFY(QTest::qWaitFor([&] { return seen; }, 5000));
    QVERIFY2(checked >= 4, qPrintable(QString::number(checked)));
    QVERIFY2(m_failures.isEmpty(), qPrintable(m_failures.join(QLatin1Char('\n'))));
}

int main(int argc, char **argv)
{
    qputenv("QT_SCALE_FACTOR", "2");
    QApplication app(argc, argv);
    tst_HiDpi test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_hidpi.moc"
