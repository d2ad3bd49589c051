// A Jamf Pro tenant in the main window, as a user sees it: picking it connects it (identity on the
// seam), expanding shows "API Roles" and "API Clients" with the sandbox's roles and clients, a
// client's page disables it and rotates its secret (confirmed), the new secret is shown once and
// stored in the keychain for the tenant; roles and clients are deleted (confirmed) from the tables
// and the tree, a role in use is explained; the add-tenant dialog writes the registry and the store.

#include "families.h"
#include "jamf/jamflistpage.h"
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
#include <QContextMenuEvent>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QMenu>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
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
    void deleteFromTheTables();
    void deleteFromTheTree();

private:
    // The folder's table page, shown by clicking the folder, with every row loaded.
    JamfListPage *openFolder(const QString &folder, int rows);
    // The table row whose name is `name`, selected by a click.
    void selectRow(JamfListPage *page, const QString &name);
    void clickAction(JamfListPage *page, const char *action);
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
    QVERIFY(m_fx.window->currentPage()->findChild<QAction *>(QStringLiteral("jamfNewAction")));
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
    // More than Jamf's recommended 5 requests at once is allowed, with a warning; below 1 cannot be typed.
    auto *concurrency = dialog.findChild<QSpinBox *>(QStringLiteral("concurrency"));
    QCOMPARE(concurrency->value(), 5);
    concurrency->setFocus();
    QTest::keyClick(concurrency, Qt::Key_Up);
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("message"))->text().contains(QLatin1String("more than the 5 Jamf recommends")));
    QTest::keyClick(concurrency, Qt::Key_Down);
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("message"))->text().isEmpty());
    QCOMPARE(concurrency->minimum(), 1);
    auto *ok = dialog.findChild<QPushButton *>(QStringLiteral("okButton"));
    QTest::mouseClick(ok, Qt::LeftButton);
    QVERIFY(dialog.isVisible());
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("message"))->text().contains(QLatin1String("must start with http")));
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

JamfListPage *tst_JamfWindow::openFolder(const QString &folder, int rows)
{
    click(reveal({ folder }));
    JamfListPage *page = nullptr;
    if (!QTest::qWaitFor([&] { return (page = qobject_cast<JamfListPage *>(m_fx.window->currentPage())) != nullptr; }, 5000))
        return nullptr;
    if (!QTest::qWaitFor([&] { return page->table()->model()->rowCount() == rows; }, 10000))
        return nullptr;
    return page;
}

void tst_JamfWindow::selectRow(JamfListPage *page, const QString &name)
{
    QTableView *table = page->table();
    const QModelIndexList found = table->model()->match(table->model()->index(0, 0), Qt::DisplayRole, name, 1, Qt::MatchExactly);
    QVERIFY2(found.size() == 1, qPrintable(name));
    table->scrollTo(found.first());
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(found.first()).center());
    QCOMPARE(page->selectedObject().value(QLatin1String("displayName")).toString(), name);
}

void tst_JamfWindow::clickAction(JamfListPage *page, const char *action)
{
    auto *toolBar = page->findChild<QToolBar *>(QStringLiteral("jamfListToolBar"));
    QVERIFY(toolBar);
    QAction *found = page->findChild<QAction *>(QLatin1String(action));
    QVERIFY2(found, action);
    QVERIFY2(found->isEnabled(), action);
    QTest::mouseClick(toolBar->widgetForAction(found), Qt::LeftButton);
}

void tst_JamfWindow::deleteFromTheTables()
{
    JamfService &service = m_sandbox->service();
    const QString unused = service.addRole(QStringLiteral("Unused role"), { QStringLiteral("Read Computers") });
    const int clients = service.clientCount();

    // A client, with the Delete key on the table: confirmed, gone from the server, the table and the tree.
    JamfListPage *page = openFolder(QStringLiteral("clients"), clients);
    QVERIFY(page);
    QVERIFY(!page->findChild<QAction *>(QStringLiteral("jamfDeleteAction"))->isEnabled()); // nothing selected
    selectRow(page, QStringLiteral("Compliance Dashboard"));
    QTest::keyClick(page->table(), Qt::Key_Delete);
    QTRY_VERIFY(service.client(3).isEmpty());
    QVERIFY(Prompt::lastMessage().contains(QLatin1String("Delete the API client \"Compliance Dashboard\"")));
    QVERIFY(!Prompt::lastMessage().contains(QLatin1String("TenantDesk signs in"))); // not the tenant's own client
    QTRY_COMPARE(page->table()->model()->rowCount(), clients - 1);
    QCOMPARE(page->table()->model()->match(page->table()->model()->index(0, 0), Qt::DisplayRole,
                 QStringLiteral("Compliance Dashboard"), 1, Qt::MatchExactly).size(), 0);
    QTRY_COMPARE(m_fx.model->rowCount(m_fx.model->findNode(m_tenantId, { QStringLiteral("clients") })), clients - 1);

    // The table's context menu offers the row's actions.
    selectRow(page, QStringLiteral("Patcher-Client"));
    const QRect cell = page->table()->visualRect(page->table()->currentIndex());
    QContextMenuEvent rightClick(QContextMenuEvent::Mouse, cell.center(), page->table()->viewport()->mapToGlobal(cell.center()));
    QApplication::sendEvent(page->table()->viewport(), &rightClick); // what a right click delivers
    QMenu *menu = nullptr;
    QTRY_VERIFY((menu = page->table()->findChild<QMenu *>(QStringLiteral("jamfTableMenu"))));
    QStringList entries;
    for (QAction *action : menu->actions())
        entries << action->objectName();
    QCOMPARE(entries, (QStringList { QStringLiteral("jamfEditAction"), QStringLiteral("jamfToggleAction"), QStringLiteral("jamfRotateAction"),
                          QString(), QStringLiteral("jamfDeleteAction") }));
    menu->close();

    // A role in use: refused by the server, the user told which client uses it; nothing changes.
    const int roles = service.roleCount();
    page = openFolder(QStringLiteral("roles"), roles);
    QVERIFY(page);
    selectRow(page, QStringLiteral("Patcher-Role"));
    clickAction(page, "jamfDeleteAction");
    QTRY_VERIFY(Prompt::lastMessage().startsWith(QLatin1String("\"Patcher-Role\" was not deleted")));
    QVERIFY2(Prompt::lastMessage().contains(QLatin1String("used by the API client \"Patcher-Client\"")), qPrintable(Prompt::lastMessage()));
    QCOMPARE(service.roleCount(), roles);
    QCOMPARE(page->table()->model()->rowCount(), roles);

    // Declined: nothing is sent.
    Prompt::setAnswerForTests(false);
    selectRow(page, QStringLiteral("Unused role"));
    clickAction(page, "jamfDeleteAction");
    QVERIFY(Prompt::lastMessage().contains(QLatin1String("Delete the API role \"Unused role\" (1 privilege)")));
    QTest::qWait(200);
    QVERIFY(!service.role(unused).isEmpty());
    Prompt::setAnswerForTests(true);

    // Accepted: deleted on the server and out of the table.
    clickAction(page, "jamfDeleteAction");
    QTRY_VERIFY(service.role(unused).isEmpty());
    QTRY_COMPARE(page->table()->model()->rowCount(), roles - 1);
    QCOMPARE(service.roleCount(), roles - 1);
}

void tst_JamfWindow::deleteFromTheTree()
{
    JamfService &service = m_sandbox->service();
    const QString unused = service.addRole(QStringLiteral("Unused role"), { QStringLiteral("Read Computers") });
    const QModelIndex role = reveal({ QStringLiteral("roles"), unused });
    QVERIFY(role.isValid());
    click(role);
    QTRY_VERIFY(m_fx.window->findChild<QWidget *>(QStringLiteral("jamfRolePage")));
    QTest::mouseClick(m_fx.window->currentPage()->findChild<QPushButton *>(QStringLiteral("deleteJamfRoleActionButton")), Qt::LeftButton);
    QTRY_VERIFY(service.role(unused).isEmpty());
    // The deleted role's row is left for its folder, which shows the roles without it.
    QTRY_VERIFY(qobject_cast<JamfListPage *>(m_fx.window->currentPage()));
    auto *page = qobject_cast<JamfListPage *>(m_fx.window->currentPage());
    QTRY_COMPARE(page->table()->model()->rowCount(), service.roleCount());
    QTRY_VERIFY(!m_fx.model->findNode(m_tenantId, { QStringLiteral("roles"), unused }).isValid());

    // The tenant's own client: the confirmation says the tenant would lose its sign-in; declined.
    Prompt::setAnswerForTests(false);
    const QModelIndex own = reveal({ QStringLiteral("clients"), QStringLiteral("1") });
    click(own);
    QTRY_VERIFY(m_fx.window->findChild<QPushButton *>(QStringLiteral("deleteJamfClientActionButton")));
    QTest::mouseClick(m_fx.window->findChild<QPushButton *>(QStringLiteral("deleteJamfClientActionButton")), Qt::LeftButton);
    Prompt::setAnswerForTests(true);
    QVERIFY2(Prompt::lastMessage().contains(QLatin1String("TenantDesk signs in to \"Jamf sandbox\" as this client")),
        qPrintable(Prompt::lastMessage()));
    QTest::qWait(200);
    QVERIFY(!service.client(1).isEmpty());
}

QTEST_MAIN(tst_JamfWindow)
#include "tst_jamfwindow.moc"
