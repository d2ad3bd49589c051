#include "kintosandbox.h"
#include "mainwindow.h"
#include "net/requestlog.h"
#include "secrets/memorysecretstore.h"
#include "tenantconnector.h"
#include "tenants/sessionmanager.h"
#include "tenants/tenantregistry.h"
#include "tenanttreemodel.h"
#include "testsupport.h"

#include <QNetworkAccessManager>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

// Picking a tenant in the tree connects it; the tree shows what happened, as a user sees it.
class tst_TenantConnector : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void clickShowsConnectionState_data();
    void clickShowsConnectionState();

private:
    QTemporaryDir m_dir;
};

void tst_TenantConnector::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
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

    RequestLog log;
    MemorySecretStore secrets;
    TenantRegistry registry(m_dir.filePath(QStringLiteral("%1.ini").arg(QLatin1String(QTest::currentDataTag()))));
    Tenant tenant;
    tenant.displayName = QStringLiteral("Sandbox");
    tenant.baseUrl = url;
    tenant.auth = AuthKind::Basic;
    tenant.userName = QStringLiteral("alice");
    const QString id = registry.add(tenant);
    QVERIFY(!id.isEmpty());
    std::unique_ptr<Job> stored(TestSupport::keep(registry.storeSecret(id, SecretPurpose::Password, password, &secrets)));
    QVERIFY(TestSupport::waitFor(stored.get()));
    QTest::qWait(0);

    QNetworkAccessManager nam;
    SessionManager sessions(&registry, &secrets, &nam, &log);
    MainWindow window(&registry, &log);
    TenantConnector connector(&registry, &sessions, window.tenantModel());
    connect(&window, &MainWindow::currentTenantChanged, &connector, &TenantConnector::connectTenant);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    auto *tree = window.findChild<QTreeView *>(QStringLiteral("tenantTree"));
    QVERIFY(tree);
    const QModelIndex index = window.tenantModel()->indexForTenant(id);
    QVERIFY(index.isValid());
    QSignalSpy checked(&connector, &TenantConnector::checked);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(index).center());
    QCOMPARE(window.tenantModel()->tenantState(id), TenantTreeModel::State::Connecting);
    QVERIFY(checked.wait(10000));
    QCOMPARE(int(window.tenantModel()->tenantState(id)), expectedState);
    const QString shown = window.tenantModel()->data(index, Qt::ToolTipRole).toString();
    QVERIFY2(shown.contains(messagePart, Qt::CaseInsensitive), qPrintable(shown));
    QVERIFY(!shown.contains(password == QLatin1String("alice") ? QStringLiteral("alice:alice") : password));
    QCOMPARE(log.count(), 1); // the check shows in the request log
}

QTEST_MAIN(tst_TenantConnector)
#include "tst_tenantconnector.moc"
