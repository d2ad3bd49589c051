#include "family/servicefamily.h"
#include "net/requestlog.h"
#include "rest/restresourcepage.h"
#include "restitemmodel.h"
#include "restfamily.h"
#include "restservers.h"
#include "resttenant.h"
#include "secrets/memorysecretstore.h"
#include "tenants/sessionmanager.h"
#include "tenants/tenantregistry.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QAbstractItemModelTester>
#include <QHeaderView>
#include <QMenu>
#include <QTableView>
#include <QToolButton>
#include <QTemporaryDir>
#include <QTest>

using TestSupport::await;

// The REST family on the seam: a tenant opened by the SessionManager gets a RestSession whose
// probe and tree come from the tenant's description, and a resource's page lists json-server's
// items a page at a time (skipped, saying why, without json-server).
class tst_RestFamily : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void sessionProbeAndTree();
    void resourcePageLoadsPages();
    void badResourcesFailTheSession();

private:
    QString addTenant(const QList<RestResource> &resources, const QVariantMap &extra = {});

    QTemporaryDir m_dir;
    ExternalServer m_jsonServer;
    QNetworkAccessManager m_nam;
    RequestLog m_log;
    MemorySecretStore m_store;
    TenantRegistry *m_registry = nullptr;
    SessionManager *m_sessions = nullptr;
    RestResource m_users;
};

void tst_RestFamily::initTestCase()
{
    ServiceFamilies::add(std::make_unique<RestFamily>());
    if (!RestServers::startJsonServer(&m_jsonServer, m_dir))
        qInfo("%s", qPrintable(m_jsonServer.skipReason()));
    m_registry = new TenantRegistry(m_dir.filePath(QStringLiteral("tenants.ini")), this);
    m_sessions = new SessionManager(m_registry, &m_store, &m_nam, &m_log, this);
    m_users.name = QStringLiteral("Users");
    m_users.path = QStringLiteral("/users");
    m_users.paging.kind = RestPaging::Kind::LinkHeader;
    m_users.paging.pageParam = QStringLiteral("_page");
    m_users.paging.sizeParam = QStringLiteral("_limit");
    m_users.paging.pageSize = 2;
}

void tst_RestFamily::cleanupTestCase()
{
    delete m_sessions;
    m_jsonServer.stop();
    ServiceFamilies::remove(RestFamily::Id);
}

QString tst_RestFamily::addTenant(const QList<RestResource> &resources, const QVariantMap &extra)
{
    Tenant tenant;
    tenant.displayName = QStringLiteral("People");
    tenant.family = RestFamily::Id;
    tenant.baseUrl = m_jsonServer.skipReason().isEmpty() ? m_jsonServer.url() : QUrl(QStringLiteral("http://127.0.0.1:9"));
    RestSettings settings;
    settings.retries = 0;
    tenant.options = settings.toOptions();
    RestTenant::setResources(&tenant, resources);
    tenant.options.insert(extra);
    return m_registry->add(tenant);
}

void tst_RestFamily::sessionProbeAndTree()
{
    if (!m_jsonServer.skipReason().isEmpty())
        QSKIP(qPrintable(m_jsonServer.skipReason()));
    RestResource devices;
    devices.name = QStringLiteral("Devices");
    devices.path = QStringLiteral("/devices");
    const QString id = addTenant({ m_users, devices }, { { QStringLiteral("probePath"), QStringLiteral("/users/1") } });
    QVERIFY(!id.isEmpty());
    const auto opened = await(m_sessions->open(id));
    QVERIFY2(!opened.error, qPrintable(opened.error.toString()));
    auto *session = qobject_cast<RestSession *>(m_sessions->session(id));
    QVERIFY(session);
    QCOMPARE(session->client()->httpClient()->transferTimeout(), 300'000); // the tenant's settings applied
    const auto identity = await(session->probe());
    QVERIFY2(!identity.error, qPrintable(identity.error.toString()));
    QCOMPARE(ServiceIdentity::fromJson(identity.result.toObject()).authMethod, QStringLiteral("none"));
    QCOMPARE(m_log.entries().last().url, m_jsonServer.url().toString() + QStringLiteral("/users/1"));
    TreeNode tenantNode;
    tenantNode.kind = QStringLiteral("tenant");
    const auto children = await(session->fetchChildren(tenantNode));
    const QJsonArray nodes = children.result.toArray();
    QCOMPARE(nodes.size(), 2);
    const TreeNode users = TreeNode::fromJson(nodes.at(0).toObject());
    QCOMPARE(users.kind, QStringLiteral("resource"));
    QCOMPARE(users.label, QStringLiteral("Users"));
    RestResource back;
    QVERIFY(RestSession::resourceOf(users, &back));
    QCOMPARE(back.toJson(), m_users.toJson());
}

void tst_RestFamily::resourcePageLoadsPages()
{
    if (!m_jsonServer.skipReason().isEmpty())
        QSKIP(qPrintable(m_jsonServer.skipReason()));
    const QString id = addTenant({ m_users });
    QVERIFY(!await(m_sessions->open(id)).error);
    auto *session = qobject_cast<RestSession *>(m_sessions->session(id));
    RestResourcePage page(session->client(), m_users);
    QSignalSpy loaded(&page, &RestResourcePage::pageLoaded);
    page.show();
    QVERIFY(loaded.wait(10000));
    auto *table = page.findChild<QTableView *>(QStringLiteral("items"));
    QVERIFY(table);
    QAbstractItemModel *model = table->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model->headerData(0, Qt::Horizontal).toString(), QStringLiteral("id")); // the id column first
    auto *more = page.findChild<QPushButton *>(QStringLiteral("loadMore"));
    auto *itemModel = page.model();
    // The view asks for pages while its last row is in sight ("Load more" asks too).
    for (int i = 0; i < 3 && !itemModel->isComplete(); ++i) {
        if (more->isEnabled())
            QTest::mouseClick(more, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!itemModel->isFetching(), 10000);
    }
    QTRY_VERIFY_WITH_TIMEOUT(itemModel->isComplete(), 10000);
    QCOMPARE(model->rowCount(), 5);
    QVERIFY(!more->isEnabled()); // the last page: no next link
    QCOMPARE(page.findChild<QLabel *>(QStringLiteral("status"))->text(), QStringLiteral("5 item(s)"));
    // json-server was asked with _page/_limit, then its Link header was followed, a page at a time.
    const auto entries = m_log.entries();
    const QString first = entries.at(entries.size() - 3).url;
    QVERIFY2(first.contains(QLatin1String("_page=1")) && first.contains(QLatin1String("_limit=2")), qPrintable(first));
    QVERIFY2(entries.at(entries.size() - 2).url.contains(QLatin1String("_page=2")), qPrintable(entries.at(entries.size() - 2).url));
    QVERIFY2(entries.last().url.contains(QLatin1String("_page=3")), qPrintable(entries.last().url));
    QCOMPARE(page.itemAt(4).value(QLatin1String("name")).toString(), QStringLiteral("Barbara Liskov"));

    // Columns from the items' keys, shown and hidden from the Columns menu.
    auto *columns = page.findChild<QToolButton *>(QStringLiteral("columns"));
    QAction *email = columns->menu()->findChild<QAction *>(QStringLiteral("column:email"));
    QVERIFY(email);
    QVERIFY(email->isChecked());
    const int before = model->columnCount();
    email->trigger(); // unchecks it
    QTRY_COMPARE(model->columnCount(), before - 1);
    for (int c = 0; c < model->columnCount(); ++c)
        QVERIFY(model->headerData(c, Qt::Horizontal).toString() != QLatin1String("email"));
    QCOMPARE(model->rowCount(), 5); // the rows stay
    page.reload();
    QVERIFY(loaded.wait(10000));
    QCOMPARE(model->columnCount(), before - 1); // still hidden after a reload
    email = columns->menu()->findChild<QAction *>(QStringLiteral("column:email"));
    QVERIFY(!email->isChecked());
    email->trigger();
    QTRY_COMPARE(model->columnCount(), before);
}

void tst_RestFamily::badResourcesFailTheSession()
{
    const QString id = addTenant({}, { { QStringLiteral("resources"), QStringLiteral("[{\"name\":\"no path\"}]") } });
    QVERIFY(!await(m_sessions->open(id)).error);
    auto *session = m_sessions->session(id);
    QVERIFY(session);
    const auto identity = await(session->probe());
    QCOMPARE(identity.error.kind(), ApiError::Kind::Invalid);
    QVERIFY(identity.error.message().contains(QLatin1String("path")));
}

QTEST_MAIN(tst_RestFamily)
#include "tst_restfamily.moc"
