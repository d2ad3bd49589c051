#include "demo.h"
#include "family/servicefamily.h"
#include "families.h"
#include "net/httpclient.h"
#include "restfamily.h"
#include "restfielderrors.h"
#include "restitemmodel.h"
#include "secrets/memorysecretstore.h"
#include "tenants/sessionmanager.h"
#include "tenants/tenantregistry.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using TestSupport::await;

// The demo (--demo) has a tenant of every family; its REST tenant, opened as the app opens it,
// reaches the in-process help desk with the key from the keychain, shows the resources its OpenAPI
// document describes, pages the tickets by json-server's Link header, and names refused fields.
class tst_RestDemo : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void everyFamilyHasATenant();
    void restTenantBrowsesTheHelpDesk();

private:
    QTemporaryDir m_dir;
    QObject m_owner;
    MemorySecretStore m_secrets;
    QNetworkAccessManager m_nam;
    TenantRegistry *m_registry = nullptr;
    SessionManager *m_sessions = nullptr;
    QString m_restId;
};

void tst_RestDemo::initTestCase()
{
    registerFamilies();
    m_registry = new TenantRegistry(m_dir.filePath(QStringLiteral("demo.ini")), this);
    QString error;
    QVERIFY2(startDemo(*m_registry, m_secrets, &m_owner, &error), qPrintable(error));
    m_sessions = new SessionManager(m_registry, &m_secrets, &m_nam, nullptr, this);
    for (const Tenant &tenant : m_registry->tenants()) {
        if (tenant.family == RestFamily::Id)
            m_restId = tenant.id;
    }
}

void tst_RestDemo::everyFamilyHasATenant()
{
    QSet<QString> families;
    for (const Tenant &tenant : m_registry->tenants())
        families.insert(tenant.family);
    QCOMPARE(families, (QSet<QString> { QStringLiteral("kinto"), QStringLiteral("jamf"), QStringLiteral("kandji"), QStringLiteral("rest") }));
}

void tst_RestDemo::restTenantBrowsesTheHelpDesk()
{
    QVERIFY(!m_restId.isEmpty());
    const auto opened = await(m_sessions->open(m_restId));
    QVERIFY2(!opened.error, qPrintable(opened.error.toString()));
    auto *session = qobject_cast<RestSession *>(m_sessions->session(m_restId));
    QVERIFY(session);
    const auto identity = await(session->probe());
    QVERIFY2(!identity.error, qPrintable(identity.error.toString()));

    QStringList paths;
    RestResource tickets;
    for (const RestResource &resource : session->resources()) {
        paths << resource.path;
        if (resource.path == QLatin1String("/tickets"))
            tickets = resource;
    }
    QCOMPARE(paths, (QStringList { QStringLiteral("/agents"), QStringLiteral("/customers"), QStringLiteral("/tickets") }));
    QCOMPARE(tickets.paging.kind, RestPaging::Kind::LinkHeader);
    QCOMPARE(tickets.paging.pageParam, QStringLiteral("_page"));
    QVERIFY(tickets.itemSchema.value(QLatin1String("properties")).toObject().contains(QLatin1String("subject")));

    RestItemModel model(session->client(), tickets);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &PagedListModel::pageLoaded);
    model.reload();
    int pages = 0;
    while (loaded.wait(10000)) {
        ++pages;
        if (model.isComplete())
            break;
        model.fetchMore({});
    }
    QCOMPARE(model.rowCount(), 42);
    QCOMPARE(model.total(), qint64(42));
    QCOMPARE(pages, 5); // 10 a page, the OpenAPI default of _limit
    QCOMPARE(model.columns().first(), QStringLiteral("id"));
    QVERIFY(model.columns().contains(QStringLiteral("subject")));

    std::unique_ptr<RestJob> refused(session->client()->create(tickets.path,
        RestBody::fromJson(QJsonObject { { QStringLiteral("priority"), QStringLiteral("whenever") } })));
    QVERIFY(TestSupport::waitFor(refused.get()));
    QCOMPARE(refused->error().httpStatus(), 422);
    auto *job = refused.get();
    QStringList fields;
    for (const RestFieldError &e : restFieldErrors(job->response()))
        fields << e.path;
    fields.sort();
    QCOMPARE(fields, (QStringList { QStringLiteral("customerId"), QStringLiteral("priority"), QStringLiteral("status"), QStringLiteral("subject") }));
}

QTEST_MAIN(tst_RestDemo)
#include "tst_restdemo.moc"
