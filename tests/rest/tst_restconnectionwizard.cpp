#include "restservers.h"
#include "rest/restconnectionwizard.h"
#include "restclient.h"
#include "restdemodata.h"
#include "restsandbox.h"
#include "restservice.h"
#include "resttenant.h"
#include "secrets/memorysecretstore.h"
#include "tenants/tenantregistry.h"
#include "testsupport.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QSpinBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using TestSupport::await;

// The REST connection wizard driven like a person (QTest): a hand-named resource against
// json-server, resources imported from the OpenAPI document Prism mocks, a malformed address, and
// a Basic secret that ends in the secret store only. Suites skip, saying why, without the servers.
class tst_RestConnectionWizard : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void malformedAddressStays();
    void handNamedResourceAgainstJsonServer();
    void resourcesFromOpenApiAgainstPrism();
    void basicSecretOnlyInTheStore();
    void editPrefillsAndUpdatesInPlace();

private:
    void type(const char *name, const QString &text);
    void next();
    void chooseAuth(const QString &key);
    void setRow(int row, const QStringList &cells);

    QTemporaryDir m_dir;
    ExternalServer m_jsonServer;
    ExternalServer m_prism;
    QNetworkAccessManager m_nam;
    TenantRegistry *m_registry = nullptr;
    MemorySecretStore *m_store = nullptr;
    RestConnectionWizard *m_wizard = nullptr;
};

void tst_RestConnectionWizard::initTestCase()
{
    RestServers::startJsonServer(&m_jsonServer, m_dir);
    RestServers::startPrism(&m_prism);
}

void tst_RestConnectionWizard::cleanupTestCase()
{
    m_jsonServer.stop();
    m_prism.stop();
}

void tst_RestConnectionWizard::init()
{
    QFile::remove(m_dir.filePath(QStringLiteral("tenants.ini")));
    m_registry = new TenantRegistry(m_dir.filePath(QStringLiteral("tenants.ini")), this);
    m_store = new MemorySecretStore(this);
    m_wizard = new RestConnectionWizard(m_registry, m_store, &m_nam);
    m_wizard->show();
}

void tst_RestConnectionWizard::cleanup()
{
    delete m_wizard;
    delete m_registry;
    delete m_store;
}

void tst_RestConnectionWizard::type(const char *name, const QString &text)
{
    auto *edit = m_wizard->findChild<QLineEdit *>(QLatin1String(name));
    QVERIFY2(edit, name);
    edit->clear();
    QTest::keyClicks(edit, text);
}

void tst_RestConnectionWizard::next()
{
    QTest::mouseClick(m_wizard->button(QWizard::NextButton), Qt::LeftButton);
}

void tst_RestConnectionWizard::chooseAuth(const QString &key)
{
    auto *auth = m_wizard->findChild<QComboBox *>(QStringLiteral("auth"));
    auth->setCurrentIndex(auth->findData(key));
}

void tst_RestConnectionWizard::setRow(int row, const QStringList &cells)
{
    auto *table = m_wizard->findChild<QTableWidget *>(QStringLiteral("resources"));
    for (int column = 0; column < cells.size(); ++column)
        table->item(row, column)->setText(cells.at(column));
}

void tst_RestConnectionWizard::malformedAddressStays()
{
    type("url", QStringLiteral("not a url"));
    next();
    QCOMPARE(m_wizard->currentId(), int(RestConnectionWizard::AddressPage));
    QVERIFY(!m_wizard->findChild<QLabel *>(QStringLiteral("urlError"))->text().isEmpty());
}

void tst_RestConnectionWizard::handNamedResourceAgainstJsonServer()
{
    if (!m_jsonServer.skipReason().isEmpty())
        QSKIP(qPrintable(m_jsonServer.skipReason()));
    type("name", QStringLiteral("People API"));
    type("url", m_jsonServer.url().toString());
    next();
    chooseAuth(QStringLiteral("none"));
    QSignalSpy checked(m_wizard, &RestConnectionWizard::checkFinished);
    type("probePath", QString()); // (the check starts when its page opens)
    next();
    QVERIFY(checked.wait(10000) || checked.size() == 1);
    QVERIFY2(checked.last().first().toBool(), qPrintable(m_wizard->findChild<QLabel *>(QStringLiteral("checkResult"))->text()));
    next();
    QCOMPARE(m_wizard->currentId(), int(RestConnectionWizard::ResourcesPage));
    QTest::mouseClick(m_wizard->findChild<QPushButton *>(QStringLiteral("addResource")), Qt::LeftButton);
    setRow(0, { QStringLiteral("People"), QStringLiteral("/users"), QStringLiteral("id"), QString(), QStringLiteral("link"),
                  QStringLiteral("_page,_limit"), QStringLiteral("2") });
    QSignalSpy added(m_wizard, &RestConnectionWizard::tenantAdded);
    QTest::mouseClick(m_wizard->button(QWizard::FinishButton), Qt::LeftButton);
    QVERIFY(added.wait(10000));

    // The tenant as stored, used as the app would: its resource lists json-server's users page by page.
    const std::optional<Tenant> tenant = m_registry->tenant(added.first().first().toString());
    QVERIFY(tenant);
    QCOMPARE(tenant->displayName, QStringLiteral("People API"));
    QList<RestResource> resources;
    QString error;
    QVERIFY(RestTenant::resources(*tenant, &resources, &error));
    QCOMPARE(resources.size(), 1);
    RestSettings settings;
    QVERIFY(RestTenant::settings(*tenant, &settings, &error));
    HttpClient http(&m_nam);
    RestClient client(&http, settings);
    const auto page = await(client.listPage(resources.first()));
    QVERIFY2(!page.error, qPrintable(page.error.toString()));
    QCOMPARE(page.result[QLatin1String("items")].toArray().size(), 2);
    QVERIFY(page.result[QLatin1String("next")].toString().contains(QLatin1String("_page=2")));
}

void tst_RestConnectionWizard::resourcesFromOpenApiAgainstPrism()
{
    if (!m_prism.skipReason().isEmpty())
        QSKIP(qPrintable(m_prism.skipReason()));
    type("url", m_prism.url().toString());
    next();
    QSignalSpy checked(m_wizard, &RestConnectionWizard::checkFinished);
    next();
    type("probePath", QStringLiteral("/status"));
    QTest::mouseClick(m_wizard->findChild<QPushButton *>(QStringLiteral("recheck")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!checked.isEmpty() && checked.last().first().toBool(), 10000);
    QVERIFY(m_wizard->findChild<QLabel *>(QStringLiteral("checkResult"))->text().contains(QLatin1String("1.4.0"))); // /status's version
    next();
    type("openApiSource", QStringLiteral(TENANTDESK_REST_DATA "/library-openapi.json"));
    QSignalSpy imported(m_wizard, &RestConnectionWizard::importFinished);
    QTest::mouseClick(m_wizard->findChild<QPushButton *>(QStringLiteral("importButton")), Qt::LeftButton);
    QVERIFY(imported.wait(10000));
    QVERIFY(imported.first().first().toBool());
    auto *table = m_wizard->findChild<QTableWidget *>(QStringLiteral("resources"));
    QCOMPARE(table->rowCount(), 4);
    QVERIFY(m_wizard->findChild<QLabel *>(QStringLiteral("importStatus"))->text().contains(QLatin1String("/status")));
    // Adjusted by hand: Authors get another page size.
    int authors = -1;
    for (int row = 0; row < table->rowCount(); ++row) {
        if (table->item(row, RestConnectionWizard::PathColumn)->text() == QLatin1String("/authors"))
            authors = row;
    }
    QVERIFY(authors >= 0);
    table->item(authors, RestConnectionWizard::PageSizeColumn)->setText(QStringLiteral("5"));
    QSignalSpy added(m_wizard, &RestConnectionWizard::tenantAdded);
    QTest::mouseClick(m_wizard->button(QWizard::FinishButton), Qt::LeftButton);
    QVERIFY(added.wait(10000));
    const std::optional<Tenant> tenant = m_registry->tenant(added.first().first().toString());
    QList<RestResource> resources;
    QString error;
    QVERIFY(RestTenant::resources(*tenant, &resources, &error));
    QCOMPARE(resources.size(), 4);
    for (const RestResource &resource : resources) {
        if (resource.path == QLatin1String("/authors")) {
            QCOMPARE(resource.paging.pageSize, 5);
            QCOMPARE(resource.itemsKey, QStringLiteral("data"));
            QVERIFY(resource.itemSchema.value(QLatin1String("properties")).toObject().contains(QLatin1String("authorId"))); // kept for the form
        }
    }
}

void tst_RestConnectionWizard::basicSecretOnlyInTheStore()
{
    if (!m_jsonServer.skipReason().isEmpty())
        QSKIP(qPrintable(m_jsonServer.skipReason()));
    type("url", m_jsonServer.url().toString());
    next();
    chooseAuth(QStringLiteral("basic"));
    QVERIFY(m_wizard->findChild<QLineEdit *>(QStringLiteral("user"))->isVisible());
    QVERIFY(!m_wizard->findChild<QLineEdit *>(QStringLiteral("tokenUrl"))->isVisible());
    type("user", QStringLiteral("ada"));
    type("secret", QStringLiteral("w1zard-s3cret"));
    QSignalSpy checked(m_wizard, &RestConnectionWizard::checkFinished);
    next();
    QVERIFY(checked.wait(10000));
    next();
    QSignalSpy added(m_wizard, &RestConnectionWizard::tenantAdded);
    QTest::mouseClick(m_wizard->button(QWizard::FinishButton), Qt::LeftButton);
    QVERIFY(added.wait(10000));
    const QString id = added.first().first().toString();
    QVERIFY(m_wizard->findChild<QLineEdit *>(QStringLiteral("secret"))->text().isEmpty()); // cleared once handed over
    QCOMPARE(await(m_store->read(id, SecretPurpose::Password)).result.toString(), QStringLiteral("w1zard-s3cret"));
    QFile ini(m_dir.filePath(QStringLiteral("tenants.ini")));
    QVERIFY(ini.open(QIODevice::ReadOnly));
    QVERIFY(!ini.readAll().contains("w1zard"));
    QCOMPARE(m_registry->tenant(id)->userName, QStringLiteral("ada"));
}

// Editing a tenant: every page shows its settings, the stored key serves the check, and Finish
// updates the same tenant, keeping what no page shows and the secret not typed again.
void tst_RestConnectionWizard::editPrefillsAndUpdatesInPlace()
{
    RestSandbox sandbox;
    QVERIFY(sandbox.start());
    sandbox.seedDemoData();
    QList<QByteArray> keysSeen;
    connect(&sandbox, &RestSandbox::requestServed, this, [&](const QByteArray &, const QString &path, int status) {
        keysSeen << QStringLiteral("%1 %2").arg(path).arg(status).toUtf8();
    });
    OpenApiImport api;
    QString error;
    QVERIFY(OpenApiReader::read(sandbox.service().openApiDocument(), &api, &error));
    Tenant tenant;
    tenant.displayName = QStringLiteral("Help desk");
    tenant.family = QStringLiteral("rest");
    tenant.baseUrl = sandbox.baseUrl();
    tenant.auth = AuthKind::Bearer;
    RestSettings settings;
    settings.retries = 1;
    settings.ignoredStatuses = { 404 };
    tenant.options = settings.toOptions();
    tenant.options.insert(QStringLiteral("apiKeyIn"), QStringLiteral("header"));
    tenant.options.insert(QStringLiteral("apiKeyName"), QStringLiteral("X-API-Key"));
    tenant.options.insert(QStringLiteral("probePath"), QStringLiteral("/agents"));
    RestTenant::setResources(&tenant, api.resources);
    const QString id = m_registry->add(tenant);
    QVERIFY(!id.isEmpty());
    QVERIFY(!await(m_registry->storeSecret(id, SecretPurpose::Token, RestDemoData::ApiKey, m_store)).error);

    m_wizard->editTenant(*m_registry->tenant(id));
    QCOMPARE(m_wizard->findChild<QLineEdit *>(QStringLiteral("name"))->text(), QStringLiteral("Help desk"));
    QCOMPARE(m_wizard->findChild<QLineEdit *>(QStringLiteral("url"))->text(), sandbox.baseUrl().toString());
    QCOMPARE(m_wizard->findChild<QComboBox *>(QStringLiteral("auth"))->currentData().toString(), QStringLiteral("api-key-header"));
    QCOMPARE(m_wizard->findChild<QLineEdit *>(QStringLiteral("apiKeyName"))->text(), QStringLiteral("X-API-Key"));
    QCOMPARE(m_wizard->findChild<QLineEdit *>(QStringLiteral("secret"))->text(), QString()); // never shown
    QCOMPARE(m_wizard->findChild<QLineEdit *>(QStringLiteral("probePath"))->text(), QStringLiteral("/agents"));
    auto *table = m_wizard->findChild<QTableWidget *>(QStringLiteral("resources"));
    QCOMPARE(table->rowCount(), 3);
    QStringList paths;
    for (int row = 0; row < table->rowCount(); ++row)
        paths << table->item(row, RestConnectionWizard::PathColumn)->text();
    QCOMPARE(paths, (QStringList { QStringLiteral("/agents"), QStringLiteral("/customers"), QStringLiteral("/tickets") }));
    QCOMPARE(table->item(2, RestConnectionWizard::PagingColumn)->text(), QStringLiteral("link"));

    QCOMPARE(m_wizard->findChild<QSpinBox *>(QStringLiteral("retries"))->value(), 1);
    QCOMPARE(m_wizard->findChild<QLineEdit *>(QStringLiteral("ignoredStatuses"))->text(), QStringLiteral("404"));
    QVERIFY(m_wizard->findChild<QCheckBox *>(QStringLiteral("serialize"))->isChecked());

    // The person renames it, mistypes a pin (refused with a message), and goes through: the check
    // uses the key from the store.
    type("name", QStringLiteral("Help desk (EU)"));
    type("ignoredStatuses", QStringLiteral("404, 410"));
    type("pinnedCertificate", QStringLiteral("not-a-fingerprint"));
    next();
    QCOMPARE(m_wizard->currentId(), int(RestConnectionWizard::AddressPage));
    QVERIFY(m_wizard->findChild<QLabel *>(QStringLiteral("urlError"))->text().contains(QLatin1String("pin")));
    type("pinnedCertificate", QString());
    next();
    QCOMPARE(m_wizard->currentId(), int(RestConnectionWizard::AuthPage));
    QSignalSpy checked(m_wizard, &RestConnectionWizard::checkFinished);
    next();
    QVERIFY(checked.wait(10000));
    QVERIFY2(checked.last().first().toBool(), qPrintable(m_wizard->findChild<QLabel *>(QStringLiteral("checkResult"))->text()));
    QVERIFY2(keysSeen.contains("/agents 200"), keysSeen.join(' ').constData());
    next();
    QCOMPARE(m_wizard->currentId(), int(RestConnectionWizard::ResourcesPage));
    table->setCurrentCell(0, 0);
    QTest::mouseClick(m_wizard->findChild<QPushButton *>(QStringLiteral("removeResource")), Qt::LeftButton); // drops /agents
    QSignalSpy saved(m_wizard, &RestConnectionWizard::tenantAdded);
    QTest::mouseClick(m_wizard->button(QWizard::FinishButton), Qt::LeftButton);
    QVERIFY(saved.wait(10000));
    QCOMPARE(saved.first().first().toString(), id);

    QCOMPARE(m_registry->tenants().size(), 1); // updated, not added
    const Tenant stored = *m_registry->tenant(id);
    QCOMPARE(stored.displayName, QStringLiteral("Help desk (EU)"));
    RestSettings kept;
    QVERIFY(RestTenant::settings(stored, &kept, &error));
    QCOMPARE(kept.retries, 1);
    QCOMPARE(kept.ignoredStatuses, (QSet<int> { 404, 410 }));
    QVERIFY(kept.pinnedCertificate.isEmpty());
    QCOMPARE(stored.options.value(QStringLiteral("apiKeyName")).toString(), QStringLiteral("X-API-Key"));
    QCOMPARE(stored.options.value(QStringLiteral("probePath")).toString(), QStringLiteral("/agents"));
    QList<RestResource> resources;
    QVERIFY(RestTenant::resources(stored, &resources, &error));
    QCOMPARE(resources.size(), 2);
    QCOMPARE(resources.last().paging.kind, RestPaging::Kind::LinkHeader);
    QVERIFY(resources.last().itemSchema.contains(QLatin1String("properties"))); // the schema rode along
    QCOMPARE(await(m_store->read(id, SecretPurpose::Token)).result.toString(), RestDemoData::ApiKey);
}

QTEST_MAIN(tst_RestConnectionWizard)
#include "tst_restconnectionwizard.moc"
