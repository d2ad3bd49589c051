// A Jamf Pro tenant in the main window, as a user sees it: picking it connects it (identity on the
// seam), expanding shows "API Roles" and "API Clients" with the sandbox's roles and clients, a
// client's page disables it and rotates its secret (confirmed), the new secret is shown once and
// stored in the keychain for the tenant; the add-tenant dialog writes the registry and the store.

#include "families.h"
#include "jamf/jamfnavigator.h"
#include "jamf/jamfclienteditor.h"
#include "jamf/jamfsecretdialog.h"
#include "jamf/jamfsetupwizard.h"
#include "jamf/jamftenantdialog.h"
#include "jamfdemodata.h"
#include "jamffamily.h"
#include "jamfsandbox.h"
#include "jamfservice.h"
#include "jamftestenv.h"
#include "windowfixture.h"
#include "mainwindow.h"
#include "net/requestlog.h"
#include "prompt.h"
#include "secrets/memorysecretstore.h"
#include "tenantconnector.h"
#include "tenants/sessionmanager.h"
#include "tenants/tenantregistry.h"
#include "tenanttreemodel.h"
#include "testsupport.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QListWidget>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTableView>
#include <QTest>
#include <QTreeView>

class tst_JamfWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void treeShowsRolesAndClients();
    void foldersShowTables();
    void disableAndRotateFromTheClientPage();
    void addTenantDialog();
    void clientEditor();

private:
    void click(const QModelIndex &index) { m_fx.click(index); }
    QModelIndex reveal(const QStringList &path) { return m_fx.reveal(m_tenantId, path); }

    QTemporaryDir m_dir;
    std::unique_ptr<JamfSandbox> m_sandbox;
    WindowFixture m_fx;
    QString m_tenantId;
};

void tst_JamfWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("settings")));
    Prompt::setAnswerForTests(true);
    registerFamilies();
}

void tst_JamfWindow::init()
{
    m_sandbox = std::make_unique<JamfSandbox>();
    QVERIFY(m_sandbox->start());
    m_sandbox->seedDemoData();
    QVERIFY(m_fx.open(m_dir));
    Tenant tenant;
    tenant.displayName = QStringLiteral("Jamf sandbox");
    tenant.family = JamfFamily::Id;
    tenant.baseUrl = m_sandbox->baseUrl();
    tenant.auth = AuthKind::OAuth2ClientCredentials;
    tenant.userName = JamfDemoData::DemoClientId;
    m_tenantId = m_fx.addTenant(tenant, SecretPurpose::ClientSecret, JamfDemoData::DemoClientSecret);
    QVERIFY(!m_tenantId.isEmpty());
    QSignalSpy checked(m_fx.window->connector(), &TenantConnector::checked);
    click(m_fx.model->indexForTenant(m_tenantId));
    QVERIFY(checked.wait(10000));
    QCOMPARE(m_fx.model->tenantState(m_tenantId), TenantTreeModel::State::Ok);
}

void tst_JamfWindow::cleanup()
{
    m_fx.close();
    m_sandbox.reset();
}

void tst_JamfWindow::treeShowsRolesAndClients()
{
    const QModelIndex roles = reveal({ QStringLiteral("roles") });
    QVERIFY(roles.isValid());
    QCOMPARE(roles.data().toString().startsWith(QLatin1String("API Roles")), true);
    QTRY_COMPARE(m_fx.model->rowCount(roles), m_sandbox->service().roleCount());
    const QModelIndex clients = reveal({ QStringLiteral("clients") });
    QTRY_COMPARE(m_fx.model->rowCount(clients), m_sandbox->service().clientCount());
    const QModelIndex patcher = m_fx.model->findNode(m_tenantId, { QStringLiteral("roles"), QStringLiteral("2") });
    QVERIFY(patcher.isValid());
    click(patcher);
    QTRY_VERIFY(m_fx.window->findChild<QWidget *>(QStringLiteral("jamfRolePage")));
}

void tst_JamfWindow::foldersShowTables()
{
    // Clicking a folder shows its objects as a table, read a page at a time.
    click(reveal({ QStringLiteral("clients") }));
    QTRY_VERIFY(m_fx.window->findChild<QWidget *>(QStringLiteral("jamfClientsPage")));
    auto *table = m_fx.window->currentPage()->findChild<QTableView *>(QStringLiteral("jamfTable"));
    QVERIFY(table);
    QTRY_COMPARE(table->model()->rowCount(), m_sandbox->service().clientCount());
    QCOMPARE(table->model()->headerData(4, Qt::Horizontal).toString(), QStringLiteral("Client id"));
    QVERIFY(!table->model()->index(0, 4).data().toString().isEmpty());
    auto *status = m_fx.window->currentPage()->findChild<QLabel *>(QStringLiteral("jamfTableStatus"));
    QVERIFY(status);
    QTRY_COMPARE(status->text(), QStringLiteral("%1 of %1 shown").arg(m_sandbox->service().clientCount()));

    click(reveal({ QStringLiteral("roles") }));
    QTRY_VERIFY(m_fx.window->findChild<QWidget *>(QStringLiteral("jamfRolesPage")));
    table = m_fx.window->currentPage()->findChild<QTableView *>(QStringLiteral("jamfTable"));
    QVERIFY(table);
    QTRY_COMPARE(table->model()->rowCount(), m_sandbox->service().roleCount());
    QVERIFY(m_fx.window->currentPage()->findChild<QPushButton *>(QStringLiteral("newJamfRoleActionButton")));
}

void tst_JamfWindow::disableAndRotateFromTheClientPage()
{
    const QModelIndex client = reveal({ QStringLiteral("clients"), QStringLiteral("2") }); // Patcher-Client
    QVERIFY(client.isValid());
    click(client);
    QTRY_VERIFY(m_fx.window->findChild<QWidget *>(QStringLiteral("jamfClientPage")));
    auto *disable = m_fx.window->findChild<QPushButton *>(QStringLiteral("toggleJamfClientActionButton"));
    QVERIFY(disable);
    QTest::mouseClick(disable, Qt::LeftButton);
    QTRY_COMPARE(m_sandbox->service().client(2).value(QLatin1String("enabled")).toBool(), false);

    // Rotating the tenant's own client: shown once, stored for the tenant on request.
    const QModelIndex own = m_fx.model->findNode(m_tenantId, { QStringLiteral("clients"), QStringLiteral("1") });
    click(own);
    QTRY_VERIFY(m_fx.window->findChild<QPushButton *>(QStringLiteral("rotateJamfSecretActionButton")));
    const QString before = m_sandbox->service().clientSecret(1);
    QTest::mouseClick(m_fx.window->findChild<QPushButton *>(QStringLiteral("rotateJamfSecretActionButton")), Qt::LeftButton);
    JamfSecretDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_fx.window->findChild<JamfSecretDialog *>()));
    const QString secret = dialog->findChild<QLineEdit *>(QStringLiteral("secret"))->text();
    QVERIFY(secret != before);
    QCOMPARE(secret, m_sandbox->service().clientSecret(1));
    JamfSecretDialog::clipboardSeconds = 1;
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("copyButton")), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), secret);
    QTRY_VERIFY_WITH_TIMEOUT(QGuiApplication::clipboard()->text().isEmpty(), 3000);
    auto *store = dialog->findChild<QPushButton *>(QStringLiteral("storeButton"));
    QVERIFY(store->isEnabled());
    QTest::mouseClick(store, Qt::LeftButton);
    QTRY_VERIFY(dialog->findChild<QLabel *>(QStringLiteral("status"))->text().startsWith(QLatin1String("Stored")));
    AWAIT_OK(read, m_fx.secrets->read(m_tenantId, SecretPurpose::ClientSecret));
    QCOMPARE(read.result.toString(), secret);
    QFile ini(m_fx.registryFile);
    QVERIFY(ini.open(QIODevice::ReadOnly));
    QVERIFY(!ini.readAll().contains(secret.toUtf8()));
}

void tst_JamfWindow::addTenantDialog()
{
    JamfTenantDialog dialog(m_fx.context(), std::nullopt);
    dialog.show();
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("name")), QStringLiteral("Prod"));
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("server")), QStringLiteral("ftp://nope"));
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("user")), QStringLiteral("client-9"));
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("secret")), QStringLiteral("s3cret"));
    auto *ok = dialog.findChild<QPushButton *>(QStringLiteral("okButton"));
    QTest::mouseClick(ok, Qt::LeftButton);
    QVERIFY(dialog.isVisible());
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("message"))->text().contains(QLatin1String("web address")));
    auto *server = dialog.findChild<QLineEdit *>(QStringLiteral("server"));
    server->clear();
    QTest::keyClicks(server, QStringLiteral("prod.jamfcloud.com/"));
    QTest::mouseClick(ok, Qt::LeftButton);
    QTRY_VERIFY(!dialog.isVisible());
    const std::optional<Tenant> tenant = m_fx.registry->tenant(dialog.tenantId());
    QVERIFY(tenant);
    QCOMPARE(tenant->baseUrl.toString(), QStringLiteral("https://prod.jamfcloud.com"));
    QCOMPARE(tenant->family, JamfFamily::Id);
    QCOMPARE(tenant->auth, AuthKind::OAuth2ClientCredentials);
    AWAIT_OK(secret, m_fx.secrets->read(tenant->id, SecretPurpose::ClientSecret));
    QCOMPARE(secret.result.toString(), QStringLiteral("s3cret"));
    QVERIFY(dialog.findChild<QLineEdit *>(QStringLiteral("secret"))->text().isEmpty());

    // No credentials yet: the dialog hands over to the setup wizard.
    auto *parent = new QWidget;
    auto *second = new JamfTenantDialog(m_fx.context(),
        std::nullopt, parent);
    second->show();
    QTest::mouseClick(second->findChild<QPushButton *>(QStringLiteral("setUpButton")), Qt::LeftButton);
    QTRY_VERIFY(parent->findChild<JamfSetupWizard *>());
    QVERIFY(!second->isVisible());
    delete parent;
}

void tst_JamfWindow::clientEditor()
{
    // Editing from the client's page: lifetime preset, one more role, disabled.
    const QModelIndex client = reveal({ QStringLiteral("clients"), QStringLiteral("3") }); // Compliance Dashboard
    click(client);
    QTRY_VERIFY(m_fx.window->findChild<QPushButton *>(QStringLiteral("editJamfClientActionButton")));
    QTest::mouseClick(m_fx.window->findChild<QPushButton *>(QStringLiteral("editJamfClientActionButton")), Qt::LeftButton);
    JamfClientEditor *editor = nullptr;
    QTRY_VERIFY((editor = m_fx.window->findChild<JamfClientEditor *>()));
    auto *roles = editor->findChild<QListWidget *>(QStringLiteral("roles"));
    QTRY_COMPARE(roles->count(), m_sandbox->service().roleCount());
    const QList<QListWidgetItem *> patcher = roles->findItems(QStringLiteral("Patcher-Role"), Qt::MatchExactly);
    QCOMPARE(patcher.size(), 1);
    patcher.first()->setCheckState(Qt::Checked);
    auto *lifetime = editor->findChild<QComboBox *>(QStringLiteral("lifetime"));
    QCOMPARE(lifetime->currentData().toInt(), 3600);
    lifetime->setFocus();
    QTest::keyClick(lifetime, Qt::Key_Down); // 4 hours
    auto *enabled = editor->findChild<QCheckBox *>(QStringLiteral("enabled"));
    enabled->setFocus();
    QTest::keyClick(enabled, Qt::Key_Space);
    QVERIFY(!enabled->isChecked());
    QSignalSpy saved(editor, &JamfClientEditor::saved);
    QTest::mouseClick(editor->findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
    QVERIFY(saved.wait(10000));
    const QJsonObject stored = m_sandbox->service().client(3);
    QCOMPARE(stored.value(QLatin1String("accessTokenLifetimeSeconds")).toInt(), 14400);
    QCOMPARE(stored.value(QLatin1String("enabled")).toBool(), false);
    QCOMPARE(stored.value(QLatin1String("authorizationScopes")).toArray().size(), 3);

    // A new client needs a role; then it is created.
    auto *session = qobject_cast<JamfSession *>(m_fx.model->session(m_tenantId));
    JamfClientEditor create(session->client(), JamfApiClient());
    create.show();
    QTest::keyClicks(create.findChild<QLineEdit *>(QStringLiteral("displayName")), QStringLiteral("Made in the editor"));
    auto *list = create.findChild<QListWidget *>(QStringLiteral("roles"));
    QTRY_VERIFY(list->count() > 0);
    QSignalSpy applied(&create, &EditorBase::applied);
    QTest::mouseClick(create.findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
    QVERIFY(create.message().contains(QLatin1String("at least one role")));
    list->item(0)->setCheckState(Qt::Checked);
    QTest::mouseClick(create.findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
    QVERIFY(applied.wait(10000));
    QCOMPARE(applied.last().at(0).toBool(), true);
    QCOMPARE(create.apiClient().displayName, QStringLiteral("Made in the editor"));
    QCOMPARE(m_sandbox->service().client(create.apiClient().id).value(QLatin1String("accessTokenLifetimeSeconds")).toInt(), 1800);
}

QTEST_MAIN(tst_JamfWindow)
#include "tst_jamfwindow.moc"
