// Kandji on the service-family seam, in the main window, driven like a person: the add-tenant
// wizard (URL and token validated as typed, a test call, the token stored in the secret store),
// the tree (folders, items with badges, blueprints with their assigned items), assigning items to a
// blueprint from the checklist, and a tenant whose URL breaks the rules (refused, nothing sent).

#include "addkandjitenantwizard.h"
#include "appcontext.h"
#include "families.h"
#include "kandjifamily.h"
#include "kandjicopydialog.h"
#include "kandjiblueprintview.h"
#include "kandjilistmodel.h"
#include "kandjinavigator.h"
#include "kandjiscripteditor.h"
#include "kandjitablepage.h"
#include "kandjisandbox.h"
#include "kandjiwindowhelpers.h"
#include "kandjiservice.h"
#include "loopbackhttpserver.h"
#include "mainwindow.h"
#include "net/requestlog.h"
#include "prompt.h"
#include "secrets/memorysecretstore.h"
#include "secrets/secretstore.h"
#include "tenantconnector.h"
#include "tenants/sessionmanager.h"
#include "tenants/tenantregistry.h"
#include "tenanttreemodel.h"
#include "testsupport.h"
#include "windowfixture.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QMimeData>
#include <QProgressBar>
#include <QTableView>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTableWidget>
#include <QTreeView>

#include <memory>

class TestKandjiWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void addTenantWizard();
    void editTenantKeepsTheToken();
    void treeAndAssignment();
    void tenantWithForeignUrlIsRefused();
    void copyToAnotherTenant();
    void folderTablesFilterAndShowBadges();
    void dragLibraryItemsOntoABlueprint();
    void deletingABlueprintNeedsItsNameTyped();

private:
    // Adds a tenant on the sandbox (with the local-test-server setting when `local`); its id.
    QString addTenant(bool local);
    QModelIndex waitForNode(const QString &tenantId, const QStringList &path);
    // Adds a tenant on the sandbox and connects it; its id, or empty when it did not connect.
    QString connectedDemoTenant();
    // The tenant's Blueprints folder, expanded, once its three blueprints are listed (else invalid).
    QModelIndex listedBlueprints(const QString &tenantId);

    QTemporaryDir m_dir;
    std::unique_ptr<KandjiSandbox> m_sandbox;
    WindowFixture m_fx;
};

void TestKandjiWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("settings")));
    Prompt::setAnswerForTests(true);
    registerFamilies();
}

void TestKandjiWindow::init()
{
    m_sandbox = std::make_unique<KandjiSandbox>();
    QVERIFY(m_sandbox->start());
    m_sandbox->seedDemoData();
    QVERIFY(m_fx.open(m_dir));
}

void TestKandjiWindow::cleanup()
{
    m_fx.close();
    m_sandbox.reset();
}

QString TestKandjiWindow::addTenant(bool local)
{
    return KandjiWindowHelpers::addTenant(m_fx, *m_sandbox, QStringLiteral("Demo"), local);
}

QModelIndex TestKandjiWindow::waitForNode(const QString &tenantId, const QStringList &path)
{
    return m_fx.reveal(tenantId, path);
}

QString TestKandjiWindow::connectedDemoTenant()
{
    const QString id = addTenant(true);
    return KandjiWindowHelpers::connectTenant(m_fx, id) ? id : QString();
}

QModelIndex TestKandjiWindow::listedBlueprints(const QString &tenantId)
{
    return KandjiWindowHelpers::listedBlueprints(m_fx, tenantId);
}

void TestKandjiWindow::addTenantWizard()
{
    AddKandjiTenantWizard wizard(m_fx.registry.get(), m_fx.secrets.get(), m_fx.nam.get(), std::nullopt);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    auto *url = wizard.findChild<QLineEdit *>(QStringLiteral("url"));
    auto *token = wizard.findChild<QLineEdit *>(QStringLiteral("token"));
    auto *problem = wizard.findChild<QLabel *>(QStringLiteral("problem"));
    auto *test = wizard.findChild<QPushButton *>(QStringLiteral("testButton"));
    QWidget *finish = wizard.button(QWizard::FinishButton);

    QTest::keyClicks(url, m_sandbox->baseUrl().toString());
    QVERIFY2(problem->text().contains(QLatin1String("must not name a port")), qPrintable(problem->text()));
    QTest::mouseClick(wizard.findChild<QCheckBox *>(QStringLiteral("localTestServer")), Qt::LeftButton, {}, QPoint(5, 5));
    QTest::keyClicks(token, QStringLiteral("not-a-token"));
    QVERIFY(problem->text().contains(QLatin1String("shape of a Kandji token")));
    QVERIFY(!test->isEnabled());
    QVERIFY(!finish->isEnabled());
    token->clear();
    QTest::keyClicks(token, m_sandbox->token());
    QVERIFY(problem->text().isEmpty());
    QVERIFY(test->isEnabled());
    QVERIFY(!finish->isEnabled()); // not tested yet
    QSignalSpy tested(&wizard, &AddKandjiTenantWizard::tested);
    QTest::mouseClick(test, Qt::LeftButton);
    QVERIFY(tested.wait());
    QVERIFY2(tested.first().at(0).toBool(), qPrintable(wizard.testMessage()));
    QVERIFY(wizard.testMessage().contains(QLatin1String("custom-apps")));
    QVERIFY(finish->isEnabled());
    QTest::mouseClick(finish, Qt::LeftButton);
    QTRY_VERIFY(!wizard.tenantId().isEmpty());
    QVERIFY(token->text().isEmpty());

    const auto tenant = m_fx.registry->tenant(wizard.tenantId());
    QVERIFY(tenant);
    QCOMPARE(tenant->family, KandjiFamily::Id);
    QCOMPARE(tenant->auth, AuthKind::Bearer);
    QCOMPARE(tenant->options.value(QStringLiteral("localTestServer")).toBool(), true);
    QVERIFY(!QSettings(m_fx.registryFile, QSettings::IniFormat).allKeys().join(QLatin1Char(' ')).contains(m_sandbox->token()));
    const auto stored = TestSupport::await(m_fx.secrets->read(wizard.tenantId(), SecretPurpose::Token));
    QCOMPARE(stored.result.toString(), m_sandbox->token());
}

void TestKandjiWindow::editTenantKeepsTheToken()
{
    const QString id = addTenant(true);
    AddKandjiTenantWizard wizard(m_fx.registry.get(), m_fx.secrets.get(), m_fx.nam.get(), m_fx.registry->tenant(id));
    wizard.show();
    auto *name = wizard.findChild<QLineEdit *>(QStringLiteral("displayName"));
    QCOMPARE(name->text(), QStringLiteral("Demo"));
    name->clear();
    QTest::keyClicks(name, QStringLiteral("Staging tenant"));
    QVERIFY(wizard.button(QWizard::FinishButton)->isEnabled()); // the token field is empty: the stored one stays
    QTest::mouseClick(wizard.button(QWizard::FinishButton), Qt::LeftButton);
    QTRY_COMPARE(wizard.tenantId(), id);
    QCOMPARE(m_fx.registry->tenant(id)->displayName, QStringLiteral("Staging tenant"));
    QCOMPARE(TestSupport::await(m_fx.secrets->read(id, SecretPurpose::Token)).result.toString(), m_sandbox->token());
}

void TestKandjiWindow::treeAndAssignment()
{
    const QString id = addTenant(true);
    TenantTreeModel *model = m_fx.window->tenantModel();
    QSignalSpy checked(m_fx.window->connector(), &TenantConnector::checked);
    m_fx.window->connector()->connectTenant(id);
    QVERIFY(checked.wait(10000));
    QCOMPARE(model->tenantState(id), TenantTreeModel::State::Ok);

    const QModelIndex scripts = waitForNode(id, { QStringLiteral("custom-scripts") });
    QVERIFY(scripts.isValid());
    QCOMPARE(model->rowCount(model->indexForTenant(id)), 5);
    m_fx.window->tenantTree()->expand(scripts);
    QTRY_COMPARE(model->rowCount(scripts), 20);
    const QModelIndex first = model->index(0, 0, scripts);
    QCOMPARE(model->node(first).badge, QStringLiteral("once · Self Service"));
    QCOMPARE(model->node(model->index(3, 0, scripts)).badge, QStringLiteral("no enforcement · Self Service"));
    // The library folders are listed for the checklist.
    m_fx.window->tenantTree()->expand(waitForNode(id, { QStringLiteral("custom-profiles") }));
    m_fx.window->tenantTree()->expand(waitForNode(id, { QStringLiteral("custom-apps") }));
    QTRY_COMPARE(model->rowCount(model->findNode(id, { QStringLiteral("custom-apps") })), 12);
    QTRY_COMPARE(model->rowCount(model->findNode(id, { QStringLiteral("custom-profiles") })), 24);

    const QModelIndex blueprints = waitForNode(id, { QStringLiteral("blueprints") });
    m_fx.window->tenantTree()->expand(blueprints);
    QTRY_COMPARE(model->rowCount(blueprints), 3);
    const QModelIndex staging = model->index(0, 0, blueprints);
    QCOMPARE(staging.data(Qt::DisplayRole).toString(), QStringLiteral("Staging (classic)")); // label (badge)
    const QString stagingId = staging.data(TenantTreeModel::NodeIdRole).toString();
    const int before = int(m_sandbox->service().blueprintItems(stagingId).size());

    m_fx.window->tenantTree()->setCurrentIndex(staging);
    auto *navigator = qobject_cast<KandjiNavigator *>(m_fx.window->navigator(KandjiFamily::Id));
    QVERIFY(navigator);
    QVERIFY(m_fx.window->currentPage()->findChild<QWidget *>(QStringLiteral("kandjiPageText")));
    navigator->assignToCurrentBlueprint();
    QListWidget *list = nullptr;
    QTRY_VERIFY((list = m_fx.window->findChild<QListWidget *>(QStringLiteral("libraryChecklist"))));
    QCOMPARE(list->count(), 24 + 20 + 12);
    // The first profile is on Staging already (the demo assigns the first ten); the last one is not.
    list->item(0)->setCheckState(Qt::Checked);
    list->item(23)->setCheckState(Qt::Checked);
    auto *buttons = list->parentWidget()->findChild<QDialogButtonBox *>();
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
    auto *report = list->parentWidget()->findChild<QLabel *>(QStringLiteral("assignReport"));
    QTRY_VERIFY(report->text().startsWith(QLatin1String("1 assigned, 1 already assigned, 0 failed.")));
    QVERIFY2(report->text().contains(QLatin1String("Already on the blueprint: Wi-Fi Office.")), qPrintable(report->text()));
    QCOMPARE(int(m_sandbox->service().blueprintItems(stagingId).size()), before + 1);

    // KANDJI_SCREENSHOT=path.png: the window on a script's page, for the README.
    if (!qEnvironmentVariableIsEmpty("KANDJI_SCREENSHOT")) {
        list->parentWidget()->close();
        m_fx.window->resize(1400, 900);
        m_fx.window->tenantTree()->setCurrentIndex(model->index(4, 0, scripts));
        QTest::qWait(300);
        QVERIFY(m_fx.window->grab().save(qEnvironmentVariable("KANDJI_SCREENSHOT")));
    }
}

void TestKandjiWindow::tenantWithForeignUrlIsRefused()
{
    // A loopback URL without the local-test-server setting: refused before anything is sent.
    const QString id = addTenant(false);
    QSignalSpy checked(m_fx.window->connector(), &TenantConnector::checked);
    m_fx.window->connector()->connectTenant(id);
    QVERIFY(checked.wait(10000));
    QVERIFY(m_fx.window->tenantModel()->tenantState(id) != TenantTreeModel::State::Ok);
    QVERIFY2(m_fx.window->tenantModel()->tenantStateMessage(id).contains(QLatin1String("must not name a port")),
             qPrintable(m_fx.window->tenantModel()->tenantStateMessage(id)));
    QCOMPARE(m_sandbox->server()->requestCount(), 0);
}

void TestKandjiWindow::copyToAnotherTenant()
{
    KandjiSandbox production;
    QVERIFY(production.start());
    production.service().addCategory(QStringLiteral("Utilities"));
    const QString source = addTenant(true);
    KandjiWindowHelpers::addTenant(m_fx, production, QStringLiteral("Demo")); // the same sandbox token
    TenantTreeModel *model = m_fx.window->tenantModel();
    QSignalSpy checked(m_fx.window->connector(), &TenantConnector::checked);
    m_fx.window->connector()->connectTenant(source);
    QVERIFY(checked.wait(10000));
    const QModelIndex scripts = waitForNode(source, { QStringLiteral("custom-scripts") });
    m_fx.window->tenantTree()->expand(scripts);
    QTRY_COMPARE(model->rowCount(scripts), 20);
    m_fx.window->tenantTree()->setCurrentIndex(model->index(1, 0, scripts)); // "Script 02", every 15 min, no Self Service
    qobject_cast<KandjiNavigator *>(m_fx.window->navigator(KandjiFamily::Id))->copyCurrent();
    KandjiCopyDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_fx.window->findChild<KandjiCopyDialog *>()));
    auto *copy = dialog->findChild<QPushButton *>(QStringLiteral("copyButton"));
    QVERIFY(!copy->isEnabled()); // preview first
    QSignalSpy runs(dialog, &KandjiCopyDialog::finishedRun);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("previewButton")), Qt::LeftButton);
    QVERIFY(runs.wait(10000));
    auto *table = dialog->findChild<QTableWidget *>(QStringLiteral("copyReport"));
    QCOMPARE(table->rowCount(), 1);
    QCOMPARE(table->item(0, 2)->text(), QStringLiteral("create"));
    QCOMPARE(production.service().itemCount(QStringLiteral("custom-scripts")), 0);
    QVERIFY(copy->isEnabled());
    QTest::mouseClick(copy, Qt::LeftButton);
    QVERIFY(runs.wait(10000));
    QCOMPARE(runs.last().at(0).toBool(), true);
    QCOMPARE(table->item(0, 3)->text(), QStringLiteral("created"));
    QCOMPARE(production.service().itemCount(QStringLiteral("custom-scripts")), 1);
}

void TestKandjiWindow::folderTablesFilterAndShowBadges()
{
    const QString id = connectedDemoTenant();
    QVERIFY(!id.isEmpty());
    m_fx.click(waitForNode(id, { QStringLiteral("custom-scripts") }));
    KandjiTablePage *page = nullptr;
    QTRY_VERIFY((page = qobject_cast<KandjiTablePage *>(m_fx.window->currentPage())));
    auto *table = page->findChild<QTableView *>(QStringLiteral("kandjiTable"));
    QTRY_COMPARE(table->model()->rowCount(), 20);
    // Badges: enforcement and Self Service, from the model's typed role (the delegate draws them).
    QCOMPARE(table->model()->index(0, 0).data(KandjiListModel::BadgesRole).toStringList(),
             (QStringList { QStringLiteral("once"), QStringLiteral("Self Service") }));
    QVERIFY(table->itemDelegateForColumn(0));

    auto *type = page->findChild<QComboBox *>(QStringLiteral("typeFilter"));
    QVERIFY(type->isVisible());
    type->setFocus();
    type->setCurrentIndex(type->findData(QStringLiteral("no_enforcement")));
    QCOMPARE(table->model()->rowCount(), 5); // the demo's every fourth script
    for (int row = 0; row < table->model()->rowCount(); ++row)
        QCOMPARE(table->model()->index(row, 1).data().toString(), QStringLiteral("no enforcement"));
    auto *text = page->findChild<QLineEdit *>(QStringLiteral("textFilter"));
    QTest::keyClicks(text, table->model()->index(2, 0).data().toString());
    QCOMPARE(table->model()->rowCount(), 1);
    QVERIFY(page->findChild<QLabel *>(QStringLiteral("kandjiTableStatus"))->text().startsWith(QLatin1String("1 shown, 20 of 20")));
    type->setCurrentIndex(0);
    text->clear();
    QCOMPARE(table->model()->rowCount(), 20);

    // A double-clicked row opens its form; after a save the server has the change and so does the table.
    const QModelIndex second = table->model()->index(1, 0);
    const QString secondId = second.data(KandjiListModel::IdRole).toString();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(second).center());
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(second).center());
    KandjiScriptEditor *editor = nullptr;
    QTRY_VERIFY((editor = m_fx.window->findChild<KandjiScriptEditor *>()));
    auto *name = editor->findChild<QLineEdit *>(QStringLiteral("name"));
    QCOMPARE(name->text(), second.data().toString());
    name->selectAll();
    QTest::keyClicks(name, QStringLiteral("Renamed from the table"));
    QTest::mouseClick(editor->findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
    QTRY_COMPARE(m_sandbox->service().item(QStringLiteral("custom-scripts"), secondId)->value(QLatin1String("name")).toString(),
                 QStringLiteral("Renamed from the table"));
    QTRY_COMPARE(table->model()->index(1, 0).data().toString(), QStringLiteral("Renamed from the table"));

    // The other folders are tables too: blueprints by type, categories without a type filter.
    m_fx.click(waitForNode(id, { QStringLiteral("blueprints") }));
    QTRY_VERIFY((page = qobject_cast<KandjiTablePage *>(m_fx.window->currentPage())));
    QTRY_COMPARE(page->view()->model()->rowCount(), 3);
    m_fx.click(waitForNode(id, { QStringLiteral("self-service-categories") }));
    QTRY_VERIFY((page = qobject_cast<KandjiTablePage *>(m_fx.window->currentPage())) && page->model()->kind() == KandjiListModel::Kind::Categories);
    QTRY_COMPARE(page->view()->model()->rowCount(), 6);
    QVERIFY(!page->findChild<QComboBox *>(QStringLiteral("typeFilter"))->isVisible());
}

void TestKandjiWindow::dragLibraryItemsOntoABlueprint()
{
    const QString id = connectedDemoTenant();
    QVERIFY(!id.isEmpty());
    const QModelIndex blueprints = listedBlueprints(id);
    QVERIFY(blueprints.isValid());
    const QModelIndex staging = m_fx.model->index(0, 0, blueprints);
    const QString stagingId = staging.data(TenantTreeModel::NodeIdRole).toString();
    const int before = int(m_sandbox->service().blueprintItems(stagingId).size());
    m_fx.click(staging);
    KandjiBlueprintView *view = nullptr;
    QTRY_VERIFY((view = qobject_cast<KandjiBlueprintView *>(m_fx.window->currentPage())));
    auto *assigned = view->findChild<QTableView *>(QStringLiteral("assignedTable"));
    QTRY_COMPARE(assigned->model()->rowCount(), before);
    auto *library = view->findChild<QTableView *>(QStringLiteral("libraryTable-profiles"));
    QTRY_COMPARE(library->model()->rowCount(), 24);

    // Select the first profile (on Staging already: the demo assigns the first ten) and the last two.
    library->selectionModel()->select(library->model()->index(0, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    library->selectionModel()->select(library->model()->index(22, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    library->selectionModel()->select(library->model()->index(23, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    const QString lastName = library->model()->index(23, 0).data().toString();
    // The drag's payload, as the library view builds it, dropped on the assigned items like a mouse would.
    std::unique_ptr<QMimeData> payload(library->model()->mimeData(library->selectionModel()->selectedRows()));
    QVERIFY(payload);
    m_sandbox->setLatency(30); // slow enough to see the progress
    QSignalSpy finished(view, &KandjiBlueprintView::assignFinished);
    QWidget *target = assigned->viewport();
    const QPoint at(target->width() / 2, target->height() - 5);
    QDragEnterEvent enter(at, Qt::CopyAction, payload.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    QVERIFY(enter.isAccepted());
    QDragMoveEvent move(at, Qt::CopyAction, payload.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &move);
    QVERIFY(move.isAccepted());
    QDropEvent drop(at, Qt::CopyAction, payload.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
    auto *progress = view->findChild<QProgressBar *>(QStringLiteral("assignProgress"));
    QVERIFY(view->isRunning());
    QVERIFY(progress->isVisible());
    QCOMPARE(progress->maximum(), 3);
    QVERIFY(finished.wait(10000));
    QVERIFY(!progress->isVisible());

    // What the server received: two new items; the one already there is reported, not failed.
    QCOMPARE(int(m_sandbox->service().blueprintItems(stagingId).size()), before + 2);
    const QString report = view->findChild<QLabel *>(QStringLiteral("dropReport"))->text();
    QVERIFY2(report.startsWith(QLatin1String("2 assigned, 1 already assigned, 0 failed.")), qPrintable(report));
    QVERIFY2(report.contains(QLatin1String("Already on the blueprint: Wi-Fi Office.")), qPrintable(report));
    QTRY_COMPARE(assigned->model()->rowCount(), before + 2);
    bool listed = false;
    for (int row = 0; row < assigned->model()->rowCount(); ++row)
        listed = listed || assigned->model()->index(row, 0).data().toString() == lastName;
    QVERIFY(listed);

    // A drop of something that is not library items is refused before anything is sent.
    const int requests = m_sandbox->server()->requestCount();
    QMimeData text;
    text.setText(QStringLiteral("Wi-Fi Office"));
    QDragEnterEvent refused(at, Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &refused);
    QVERIFY(!refused.isAccepted());
    QTest::qWait(100);
    QCOMPARE(m_sandbox->server()->requestCount(), requests);
}

void TestKandjiWindow::deletingABlueprintNeedsItsNameTyped()
{
    const QString id = connectedDemoTenant();
    QVERIFY(!id.isEmpty());
    const QModelIndex blueprints = listedBlueprints(id);
    QVERIFY(blueprints.isValid());
    const QModelIndex production = m_fx.model->index(1, 0, blueprints);
    const QString productionId = production.data(TenantTreeModel::NodeIdRole).toString();
    m_fx.window->tenantTree()->setCurrentIndex(production);
    QList<QByteArray> deletes;
    connect(m_sandbox.get(), &KandjiSandbox::requestServed, this, [&deletes](const QByteArray &method, const QString &path, int) {
        if (method == "DELETE")
            deletes << path.toUtf8();
    });
    auto *navigator = qobject_cast<KandjiNavigator *>(m_fx.window->navigator(KandjiFamily::Id));

    // Cancelled: nothing sent.
    navigator->deleteCurrent();
    QDialog *confirm = nullptr;
    QTRY_VERIFY((confirm = m_fx.window->findChild<QDialog *>(QStringLiteral("deleteBlueprintConfirm"))));
    QVERIFY(confirm->findChild<QLabel *>(QStringLiteral("consequence"))->text().contains(QLatin1String("unmanages EVERY device")));
    QTest::keyClick(confirm, Qt::Key_Escape);
    QTRY_VERIFY(!m_fx.window->findChild<QDialog *>(QStringLiteral("deleteBlueprintConfirm")));
    QTest::qWait(100);
    QVERIFY(deletes.isEmpty());

    navigator->deleteCurrent();
    QTRY_VERIFY((confirm = m_fx.window->findChild<QDialog *>(QStringLiteral("deleteBlueprintConfirm"))));
    auto *name = confirm->findChild<QLineEdit *>(QStringLiteral("confirmName"));
    auto *button = confirm->findChild<QPushButton *>(QStringLiteral("confirmButton"));
    QVERIFY(!button->isEnabled());
    QTest::keyClicks(name, QStringLiteral("production")); // the case counts
    QVERIFY(!button->isEnabled());
    name->clear();
    QTest::keyClicks(name, QStringLiteral("Production"));
    QVERIFY(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_COMPARE(deletes.size(), 1);
    QVERIFY(deletes.first().endsWith(productionId.toUtf8()));
    QTRY_COMPARE(m_fx.model->rowCount(blueprints), 2);
}

QTEST_MAIN(TestKandjiWindow)
#include "tst_kandjiwindow.moc"
