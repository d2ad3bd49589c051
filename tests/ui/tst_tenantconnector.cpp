#include "families.h"
#include "kintofamily.h"
#include "kintosandbox.h"
#include "loopbackhttpserver.h"
#include "mainwindow.h"
#include "net/requestlog.h"
#include "secrets/memorysecretstore.h"
#include "tenantconnector.h"
#include "tenants/sessionmanager.h"
#include "tenants/tenantregistry.h"
#include "tenanttreemodel.h"
#include "testsupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

// Picking or expanding a tenant in the tree connects it; the tree and the tenant page show what
// happened, as a user sees it.
class tst_TenantConnector : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void clickShowsConnectionState_data();
    void clickShowsConnectionState();
    void basicauthIdentityIsAWarningNotConnected();
    void expandingBeforeSelectingConnectsAndFills();

private:
    struct Fixture
    {
        RequestLog log;
        MemorySecretStore secrets;
        std::unique_ptr<TenantRegistry> registry;
        QNetworkAccessManager nam;
        std::unique_ptr<SessionManager> sessions;
        std::unique_ptr<MainWindow> window;
        QString tenantId;
    };
    // A window over one Basic tenant "alice" at `url` with `password` in the store.
    std::unique_ptr<Fixture> makeWindow(const QUrl &url, const QString &password);

    QTemporaryDir m_dir;
    int m_count = 0;
};

void tst_TenantConnector::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    registerFamilies();
}

std::unique_ptr<tst_TenantConnector::Fixture> tst_TenantConnector::makeWindow(const QUrl &url, const QString &password)
{
    auto f = std::make_unique<Fixture>();
    f->registry = std::make_unique<TenantRegistry>(m_dir.filePath(QStringLiteral("%1.ini").arg(++m_count)));
    Tenant tenant;
    tenant.displayName = QStringLiteral("Sandbox");
    tenant.family = KintoFamily::Id;
    tenant.baseUrl = url;
    tenant.auth = AuthKind::Basic;
    tenant.userName = QStringLiteral("alice");
    f->tenantId = f->registry->add(tenant);
    std::unique_ptr<Job> stored(
        TestSupport::keep(f->registry->storeSecret(f->tenantId, SecretPurpose::Password, password, &f->secrets)));
    if (!TestSupport::waitFor(stored.get()) || stored->hasError())
        return nullptr;
    f->sessions = std::make_unique<SessionManager>(f->registry.get(), &f->secrets, &f->nam, &f->log);
    f->window = std::make_unique<MainWindow>(AppContext{f->registry.get(), &f->secrets, f->sessions.get(), &f->nam, &f->log});
    f->window->show();
    if (!QTest::qWaitForWindowExposed(f->window.get()))
        return nullptr;
    return f;
}

void tst_TenantConnector::clickShowsConnectionState_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<bool>("serverUp");
    QTest::addColumn<int>("expectedState");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("good credentials") << QStringLiteral("alice") << true << int(TenantTreeModel::State::Ok)
                                      << QStringLiteral("signed in as account:alice");
    QTest::newRow("wrong password") << QStringLiteral("oops") << true << int(TenantTreeModel::State::AuthFailed)
                                    << QStringLiteral("did not accept the credentials");
    QTest::newRow("server gone") << QStringLiteral("alice") << false << int(TenantTreeModel::State::Offline)
                                 << QStringLiteral("refused");
}

void tst_TenantConnector::clickShowsConnectionState()
{
    QFETCH(QString, password);
    QFETCH(bool, serverUp);
    QFETCH(int, expectedState);
    QFETCH(QString, messagePart);

    auto sandbox = std::make_unique<KintoSandbox>();
    QVERIFY(sandbox->start());
    sandbox->addAccount(QStringLiteral("alice"), QStringLiteral("alice"));
    const QUrl url = sandbox->baseUrl();
    if (!serverUp)
        sandbox.reset(); // nothing listens there any more

    auto f = makeWindow(url, password);
    QVERIFY(f);
    auto *tree = f->window->findChild<QTreeView *>(QStringLiteral("tenantTree"));
    QVERIFY(tree);
    const QModelIndex index = f->window->tenantModel()->indexForTenant(f->tenantId);
    QVERIFY(index.isValid());
    QSignalSpy checked(f->window->connector(), &TenantConnector::checked);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(index).center());
    QCOMPARE(f->window->tenantModel()->tenantState(f->tenantId), TenantTreeModel::State::Connecting);
    QVERIFY(checked.wait(10000));
    QCOMPARE(int(f->window->tenantModel()->tenantState(f->tenantId)), expectedState);
    const QString shown = f->window->tenantModel()->data(index, Qt::ToolTipRole).toString();
    QVERIFY2(shown.contains(messagePart, Qt::CaseInsensitive), qPrintable(shown));
    QVERIFY(!shown.contains(password == QLatin1String("alice") ? QStringLiteral("alice:alice") : password));
    QCOMPARE(f->log.count(), 1); // the check shows in the request log
    // The tenant's page says the same.
    auto *state = f->window->currentPage()->findChild<QLabel *>(QStringLiteral("tenantStateLabel"));
    QVERIFY(state);
    QCOMPARE(state->text().startsWith(TenantTreeModel::stateText(TenantTreeModel::State(expectedState))), true);
}

void tst_TenantConnector::basicauthIdentityIsAWarningNotConnected()
{
    // A Kinto with `multiauth.policies = account basicauth` (its default) takes a wrong password
    // for a known account as an unknown basicauth user (kinto.md §16): 200, with that identity.
    LoopbackHttpServer server;
    QVERIFY(server.listen());
    server.setHandler([](const HttpServerRequest &request, HttpResponder *responder) {
        if (request.path != QLatin1String("/v1/")) {
            responder->respondJson(403, R"({"code":403,"errno":121,"error":"Forbidden","message":"no"})");
            return;
        }
        const QJsonObject hello{
            {QStringLiteral("project_name"), QStringLiteral("kinto")},
            {QStringLiteral("project_version"), QStringLiteral("26.3.1")},
            {QStringLiteral("http_api_version"), QStringLiteral("1.23")},
            {QStringLiteral("capabilities"), QJsonObject{{QStringLiteral("accounts"), QJsonObject()},
                                                         {QStringLiteral("basicauth"), QJsonObject()}}},
            {QStringLiteral("user"), QJsonObject{{QStringLiteral("id"), QStringLiteral("basicauth:5d127220922673e3")}}},
        };
        responder->respondJson(200, QJsonDocument(hello).toJson(QJsonDocument::Compact));
    });
    auto f = makeWindow(QUrl(server.baseUrl().toString() + QStringLiteral("/v1")), QStringLiteral("wrong"));
    QVERIFY(f);
    auto *tree = f->window->findChild<QTreeView *>(QStringLiteral("tenantTree"));
    const QModelIndex index = f->window->tenantModel()->indexForTenant(f->tenantId);
    QSignalSpy checked(f->window->connector(), &TenantConnector::checked);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(index).center());
    QVERIFY(checked.wait(10000));

    QCOMPARE(f->window->tenantModel()->tenantState(f->tenantId), TenantTreeModel::State::Warning);
    const QString tip = index.data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QStringLiteral("unknown basicauth user")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("the password may be wrong")), qPrintable(tip));
    QVERIFY2(!tip.contains(TenantTreeModel::stateText(TenantTreeModel::State::Ok) + QLatin1Char(':')), qPrintable(tip));
    auto *warning = f->window->currentPage()->findChild<QLabel *>(QStringLiteral("identityWarning"));
    QVERIFY(warning);
    QVERIFY(warning->isVisible());
    QVERIFY(warning->text().contains(QStringLiteral("account:alice")));
    auto *user = f->window->currentPage()->findChild<QLabel *>(QStringLiteral("identityUser"));
    QVERIFY(user);
    QCOMPARE(user->text(), QStringLiteral("basicauth:5d127220922673e3"));
}

void tst_TenantConnector::expandingBeforeSelectingConnectsAndFills()
{
    KintoSandbox sandbox;
    QVERIFY(sandbox.start());
    sandbox.seedDemoData();
    auto f = makeWindow(sandbox.baseUrl(), QStringLiteral("alice"));
    QVERIFY(f);
    auto *tree = f->window->findChild<QTreeView *>(QStringLiteral("tenantTree"));
    TenantTreeModel *model = f->window->tenantModel();
    // A second tenant, below the first: the user expands it with its arrow, never selecting it.
    Tenant zulu = *f->registry->tenant(f->tenantId);
    zulu.id.clear();
    zulu.displayName = QStringLiteral("Zulu");
    const QString zuluId = f->registry->add(zulu);
    QVERIFY(!zuluId.isEmpty());
    std::unique_ptr<Job> stored(
        TestSupport::keep(f->registry->storeSecret(zuluId, SecretPurpose::Password, QStringLiteral("alice"), &f->secrets)));
    QVERIFY(TestSupport::waitFor(stored.get()));
    const QModelIndex tenant = model->indexForTenant(zuluId);
    QCOMPARE(model->tenantState(zuluId), TenantTreeModel::State::Unknown);
    QVERIFY(model->hasChildren(tenant));
    QVERIFY(tree->currentIndex() != tenant);

    tree->expand(tenant);
    QVERIFY(tree->isExpanded(tenant));
    QTRY_COMPARE_WITH_TIMEOUT(model->tenantState(zuluId), TenantTreeModel::State::Ok, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount(tenant) > 0, 10000);
    QVERIFY(model->findNode(zuluId, {QStringLiteral("staging")}).isValid()); // alice's bucket
    QVERIFY(tree->isExpanded(tenant));
    QVERIFY(tree->currentIndex() != tenant);
}

QTEST_MAIN(tst_TenantConnector)
#include "tst_tenantconnector.moc"
