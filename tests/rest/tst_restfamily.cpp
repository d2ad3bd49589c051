#include "family/servicefamily.h"
#include "net/requestlog.h"
#include "openapireader.h"
#include "prompt.h"
#include "rest/restitemeditor.h"
#include "rest/restresourcepage.h"
#include "restdemodata.h"
#include "restfamily.h"
#include "restitemmodel.h"
#include "restsandbox.h"
#include "restservers.h"
#include "restservice.h"
#include "resttenant.h"
#include "secrets/memorysecretstore.h"
#include "tenants/sessionmanager.h"
#include "tenants/tenantregistry.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

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
    void pageEditsAndDeletesOnTheSandbox();

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
    // The view asks for pages while its last row is in sight; "Load more" asks too, and asks a
    // failed page again (a loaded machine may time one out).
    QTRY_VERIFY_WITH_TIMEOUT(([&] {
        if (more->isEnabled())
            QTest::mouseClick(more, Qt::LeftButton);
        return itemModel->isComplete();
    }()), 30000);
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

// The resource page driven like a person against the in-process help desk (no npm needed): an
// item opened by double-click and patched, another deleted after the question, and a new item
// with its required fields left blank kept open with the messages under the fields.
void tst_RestFamily::pageEditsAndDeletesOnTheSandbox()
{
    RestSandbox sandbox;
    QVERIFY(sandbox.start());
    sandbox.seedDemoData();
    QStringList served;
    connect(&sandbox, &RestSandbox::requestServed, this, [&served](const QByteArray &method, const QString &path, int status) {
        served << QStringLiteral("%1 %2 %3").arg(QString::fromLatin1(method), path).arg(status);
    });
    OpenApiImport api;
    QString error;
    QVERIFY(OpenApiReader::read(sandbox.service().openApiDocument(), &api, &error));
    RestResource tickets;
    for (const RestResource &resource : api.resources) {
        if (resource.path == QLatin1String("/tickets"))
            tickets = resource;
    }
    Tenant tenant;
    tenant.displayName = QStringLiteral("Help desk");
    tenant.family = RestFamily::Id;
    tenant.baseUrl = sandbox.baseUrl();
    tenant.auth = AuthKind::Bearer;
    tenant.options.insert(QStringLiteral("apiKeyIn"), QStringLiteral("header"));
    tenant.options.insert(QStringLiteral("apiKeyName"), QStringLiteral("X-API-Key"));
    RestTenant::setResources(&tenant, { tickets });
    const QString id = m_registry->add(tenant);
    QVERIFY(!await(m_registry->storeSecret(id, SecretPurpose::Token, RestDemoData::ApiKey, &m_store)).error);
    QVERIFY(!await(m_sessions->open(id)).error);
    auto *session = qobject_cast<RestSession *>(m_sessions->session(id));
    QVERIFY(session);

    RestResourcePage page(session->client(), tickets);
    QSignalSpy loaded(&page, &RestResourcePage::pageLoaded);
    page.resize(900, 600);
    page.show();
    QVERIFY(loaded.wait(10000));
    QVERIFY(loaded.last().first().toBool());
    auto *table = page.findChild<QTableView *>(QStringLiteral("items"));
    QAbstractItemModelTester tester(table->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    const int subject = page.model()->columns().indexOf(QStringLiteral("subject"));
    QVERIFY(subject > 0);

    // Double-click the first ticket, change its subject, save: a PATCH of that ticket.
    const QRect cell = table->visualRect(table->model()->index(0, subject));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    auto *editor = qobject_cast<RestItemEditor *>(page.openEditor());
    QVERIFY(editor);
    auto *line = editor->findChild<QLineEdit *>(QStringLiteral("field_subject"));
    QVERIFY(line);
    line->selectAll();
    QTest::keyClick(line, Qt::Key_Backspace);
    QTest::keyClicks(line, QStringLiteral("Printer on fire"));
    QSignalSpy applied(editor, &EditorBase::applied);
    QTest::mouseClick(editor->findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
    QVERIFY(applied.wait(10000));
    QVERIFY2(applied.last().first().toBool(), qPrintable(applied.last().at(1).toString()));
    QVERIFY2(served.contains(QStringLiteral("PATCH /tickets/1 200")), qPrintable(served.join(QLatin1Char('\n'))));
    QCOMPARE(sandbox.service().items(QStringLiteral("tickets")).first().toObject().value(QLatin1String("subject")).toString(),
             QStringLiteral("Printer on fire"));
    QTRY_COMPARE(page.itemAt(0).value(QLatin1String("subject")).toString(), QStringLiteral("Printer on fire")); // reloaded

    // Select the second ticket and delete it, answering the question.
    QTRY_VERIFY(table->model()->rowCount() > 1);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(table->model()->index(1, subject)).center());
    Prompt::setAnswerForTests(true);
    QSignalSpy deleted(&page, &RestResourcePage::itemDeleted);
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("deleteItem")), Qt::LeftButton);
    QVERIFY(deleted.wait(10000));
    Prompt::setAnswerForTests(std::nullopt);
    QVERIFY(deleted.first().first().toBool());
    QVERIFY(Prompt::lastMessage().contains(QLatin1String("2")));
    QCOMPARE(sandbox.service().items(QStringLiteral("tickets")).size(), 41);
    QVERIFY(served.contains(QStringLiteral("DELETE /tickets/2 200")));

    // New, saved with the required fields blank: the editor stays open, the messages under the fields.
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("newItem")), Qt::LeftButton);
    auto *creator = qobject_cast<RestItemEditor *>(page.openEditor());
    QVERIFY(creator);
    QSignalSpy tried(creator, &EditorBase::applied);
    QTest::mouseClick(creator->findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
    if (tried.isEmpty())
        tried.wait(10000);
    QVERIFY(creator->isVisible());
    auto *subjectError = creator->findChild<QLabel *>(QStringLiteral("error_subject"));
    QVERIFY(subjectError);
    QTRY_VERIFY2(!subjectError->text().isEmpty(), qPrintable(creator->message()));
    QCOMPARE(sandbox.service().items(QStringLiteral("tickets")).size(), 41); // nothing created
    creator->close();
}

QTEST_MAIN(tst_RestFamily)
#include "tst_restfamily.moc"
