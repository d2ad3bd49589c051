#include "demo.h"
#include "families.h"
#include "jamfsandbox.h"
#include "kintosandbox.h"
#include "loopbackhttpserver.h"
#include "mainwindow.h"
#include "restsandbox.h"
#include "tenants/preferences.h"
#include "tenants/tenantregistry.h"
#include "tenanttreemodel.h"
#include "windowfixture.h"

#include <QAbstractItemView>
#include <QAction>
#include <QKeySequence>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// The page size of the preferences reaches the servers: each list page of the window asks for
// that many rows in its first request, and a changed preference is used from the next refresh on.
class tst_PageSize : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void listPagesAskThePreferredPageSize_data();
    void listPagesAskThePreferredPageSize();

private:
    void setPageSize(int rows);

    QTemporaryDir m_dir;
    WindowFixture m_fx;
    QObject m_servers;
};

void tst_PageSize::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("settings")));
    registerFamilies();
}

void tst_PageSize::init()
{
    QSettings().clear();
    QVERIFY(m_fx.open(m_dir));
    QString error;
    QVERIFY2(startDemo(*m_fx.registry, *m_fx.secrets, &m_servers, &error), qPrintable(error));
    m_fx.window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_fx.window.get()));
}

void tst_PageSize::cleanup()
{
    m_fx.close();
    qDeleteAll(m_servers.children());
}

void tst_PageSize::setPageSize(int rows)
{
    Preferences preferences = m_fx.window->preferences();
    preferences.pageSize = rows;
    m_fx.window->setPreferences(preferences);
}

void tst_PageSize::listPagesAskThePreferredPageSize_data()
{
    QTest::addColumn<QString>("tenant");
    QTest::addColumn<QStringList>("path");
    QTest::addColumn<QString>("listPath"); // the end of the listing's path
    QTest::addColumn<QString>("parameter");
    QTest::addColumn<QString>("view"); // the page's table
    QTest::addColumn<QKeySequence>("reload"); // the page's reload key

    QTest::newRow("Kinto records") << QStringLiteral("Kinto demo (admin)")
                                   << QStringList{QStringLiteral("main"), QStringLiteral("collections"), QStringLiteral("devices")}
                                   << QStringLiteral("/records") << QStringLiteral("_limit") << QStringLiteral("recordsView") << QKeySequence(Qt::CTRL | Qt::Key_R);
    QTest::newRow("Jamf API roles") << QStringLiteral("Jamf Pro demo") << QStringList{QStringLiteral("roles")}
                                    << QStringLiteral("/api-roles") << QStringLiteral("page-size") << QStringLiteral("jamfTable") << QKeySequence(QKeySequence::Refresh);
    // Pages without a reload key: opened again.
    QTest::newRow("Kandji profiles") << QStringLiteral("Kandji demo") << QStringList{QStringLiteral("custom-profiles")}
                                     << QStringLiteral("/custom-profiles") << QStringLiteral("limit")
                                     << QStringLiteral("kandjiTable") << QKeySequence();
    QTest::newRow("REST items") << QStringLiteral("REST demo (help desk)") << QStringList{QStringLiteral("/agents")}
                                << QStringLiteral("/agents") << QStringLiteral("_limit") << QStringLiteral("items") << QKeySequence();
}

void tst_PageSize::listPagesAskThePreferredPageSize()
{
    QFETCH(QString, tenant);
    QFETCH(QStringList, path);
    QFETCH(QString, listPath);
    QFETCH(QString, parameter);
    QFETCH(QString, view);
    QFETCH(QKeySequence, reload);

    QStringList asked; // the parameter's values in the listing's requests, as the servers got them
    for (LoopbackHttpServer *server : m_servers.findChildren<LoopbackHttpServer *>()) {
        connect(server, &LoopbackHttpServer::requestReceived, this, [&](const HttpServerRequest &request) {
            if (request.method == "GET" && request.path.endsWith(listPath))
                asked << request.query.queryItemValue(parameter);
        });
    }
    QString id;
    for (const Tenant &t : m_fx.registry->tenants()) {
        if (t.displayName == tenant)
            id = t.id;
    }
    QVERIFY(!id.isEmpty());

    setPageSize(25);
    const QPersistentModelIndex node = m_fx.reveal(id, path);
    QVERIFY(node.isValid());
    m_fx.click(node);
    // (The tree may count the rows with a request of its own, of one row.)
    QTRY_VERIFY2_WITH_TIMEOUT(asked.contains(QStringLiteral("25")), qPrintable(asked.join(QLatin1Char(' '))), 10000);

    // Changed while the page is open: the next refresh asks the new size.
    setPageSize(40);
    asked.clear();
    auto *table = m_fx.window->currentPage()->findChild<QAbstractItemView *>(view);
    QVERIFY(table);
    if (reload.isEmpty()) {
        m_fx.click(m_fx.model->indexForTenant(id));
        QTRY_VERIFY(!m_fx.window->currentPage()->isAncestorOf(table));
        m_fx.click(node);
    } else {
        table->setFocus();
        QTRY_VERIFY(table->hasFocus());
        QTest::keySequence(table, reload);
    }
    QTRY_VERIFY2_WITH_TIMEOUT(asked.contains(QStringLiteral("40")), qPrintable(asked.join(QLatin1Char(' '))), 10000);
    QVERIFY(!asked.contains(QStringLiteral("25")));
}

QTEST_MAIN(tst_PageSize)
#include "tst_pagesize.moc"
