// A Kandji tenant's blueprints in the main window, driven like a person: assigning to and removing
// from a map blueprint (its assignment node typed, checked before anything is sent, remembered for
// the blueprint; by drag and drop, the checklist, the Remove button and the tree), and copying a
// blueprint with its assignments from a staging tenant to a production one (preview, copy, report).

#include "families.h"
#include "kandjiblueprintview.h"
#include "kandjicopydialog.h"
#include "kandjinavigator.h"
#include "kandjiservice.h"
#include "kandjiwindowhelpers.h"
#include "loopbackhttpserver.h"
#include "prompt.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>

#include <memory>

using namespace KandjiWindowHelpers;

class TestKandjiBlueprintWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void mapAssignmentByDragNeedsTheNode();
    void mapChecklistAndRemovalUseTheRememberedNode();
    void copyClassicBlueprintToProduction();
    void copyMapBlueprintSaysAssignmentsStayBehind();

private:
    // The demo tenant connected, its blueprints listed, `row` (0 Staging, 1 Production, 2 Kiosks
    // (map)) clicked: its view, or nullptr.
    KandjiBlueprintView *openBlueprint(int row);
    // Drops the profiles at `rows` of the view's library onto its assigned items, as a drag does.
    void dropProfiles(KandjiBlueprintView *view, const QList<int> &rows);
    KandjiNavigator *navigator() const;
    // Opens the copy dialog on blueprint `row` through its "Copy to Another Tenant…" action.
    KandjiCopyDialog *copyBlueprint(int row);
    // The names of the library items assigned to a blueprint of `service`, sorted.
    static QStringList assignedNames(const KandjiService &service, const QString &blueprintId);
    QString kioskId() const;

    QTemporaryDir m_dir;
    std::unique_ptr<KandjiSandbox> m_sandbox;
    WindowFixture m_fx;
    QString m_tenant;
    QModelIndex m_blueprints;
    QList<QJsonObject> m_assignBodies; // bodies of assign-library-item / remove-library-item, path in "_path"
};

void TestKandjiBlueprintWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("settings")));
    Prompt::setAnswerForTests(true);
    registerFamilies();
}

void TestKandjiBlueprintWindow::init()
{
    m_sandbox = std::make_unique<KandjiSandbox>();
    QVERIFY(m_sandbox->start());
    m_sandbox->seedDemoData();
    m_assignBodies.clear();
    connect(m_sandbox->server(), &LoopbackHttpServer::requestReceived, this, [this](const HttpServerRequest &request) {
        if (request.path.endsWith(QLatin1String("-library-item"))) {
            QJsonObject body = QJsonDocument::fromJson(request.body).object();
            body.insert(QStringLiteral("_path"), request.path);
            m_assignBodies << body;
        }
    });
    QVERIFY(m_fx.open(m_dir));
    m_fx.window->resize(1400, 900);
    m_tenant = addTenant(m_fx, *m_sandbox, QStringLiteral("Staging"));
    QVERIFY(connectTenant(m_fx, m_tenant));
    m_blueprints = listedBlueprints(m_fx, m_tenant);
    QVERIFY(m_blueprints.isValid());
}

void TestKandjiBlueprintWindow::cleanup()
{
    m_fx.close();
    m_sandbox.reset();
}

KandjiBlueprintView *TestKandjiBlueprintWindow::openBlueprint(int row)
{
    m_fx.click(m_fx.model->index(row, 0, m_blueprints));
    KandjiBlueprintView *view = nullptr;
    const bool shown = QTest::qWaitFor([&] { return (view = qobject_cast<KandjiBlueprintView *>(m_fx.window->currentPage())) != nullptr; }, 5000);
    return shown ? view : nullptr;
}

void TestKandjiBlueprintWindow::dropProfiles(KandjiBlueprintView *view, const QList<int> &rows)
{
    auto *library = view->findChild<QTableView *>(QStringLiteral("libraryTable-profiles"));
    QVERIFY(QTest::qWaitFor([&] { return library->model()->rowCount() == 24; }, 10000));
    library->clearSelection();
    for (int row : rows)
        library->selectionModel()->select(library->model()->index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    std::unique_ptr<QMimeData> payload(library->model()->mimeData(library->selectionModel()->selectedRows()));
    QVERIFY(payload);
    QWidget *target = view->findChild<QTableView *>(QStringLiteral("assignedTable"))->viewport();
    const QPoint at(target->width() / 2, target->height() - 5);
    QDragEnterEvent enter(at, Qt::CopyAction, payload.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(at, Qt::CopyAction, payload.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
}

KandjiNavigator *TestKandjiBlueprintWindow::navigator() const
{
    return qobject_cast<KandjiNavigator *>(m_fx.window->navigator(KandjiFamily::Id));
}

QString TestKandjiBlueprintWindow::kioskId() const
{
    return m_fx.model->index(2, 0, m_blueprints).data(TenantTreeModel::NodeIdRole).toString();
}

void TestKandjiBlueprintWindow::mapAssignmentByDragNeedsTheNode()
{
    // A classic blueprint has no node to ask for.
    KandjiBlueprintView *view = openBlueprint(0);
    QVERIFY(view);
    QVERIFY(!view->findChild<QLineEdit *>(QStringLiteral("assignmentNode"))->isVisible());

    view = openBlueprint(2);
    QVERIFY(view && view->isMap());
    auto *node = view->findChild<QLineEdit *>(QStringLiteral("assignmentNode"));
    auto *problem = view->findChild<QLabel *>(QStringLiteral("nodeProblem"));
    auto *report = view->findChild<QLabel *>(QStringLiteral("dropReport"));
    QVERIFY(node->isVisible());
    QVERIFY(node->text().isEmpty());
    const QString kiosks = kioskId();
    const QString mapNode = m_sandbox->service().assignmentNodes(kiosks).value(0);
    QVERIFY(!mapNode.isEmpty());
    const int before = int(m_sandbox->service().blueprintItems(kiosks).size());

    // No node: the drop is refused with the reason, nothing is sent.
    dropProfiles(view, { 0, 19 });
    QVERIFY(!view->isRunning());
    QVERIFY2(report->text().startsWith(QLatin1String("Not assigned: Enter the assignment node")), qPrintable(report->text()));
    QVERIFY(problem->isVisible());

    // A node id of the wrong shape is named as it is typed, and refused on the drop.
    QTest::keyClicks(node, QStringLiteral("node-7"));
    QVERIFY2(problem->text().contains(QLatin1String("\"node-7\" is not an assignment node id: a node id is a UUID")), qPrintable(problem->text()));
    dropProfiles(view, { 0, 19 });
    QVERIFY(!view->isRunning());
    QVERIFY(report->text().startsWith(QLatin1String("Not assigned: \"node-7\" is not an assignment node id")));
    QTest::qWait(100);
    QVERIFY(m_assignBodies.isEmpty());

    // The map's node, pasted in upper case: both items go to it (the one already there is reported).
    node->clear();
    QTest::keyClicks(node, mapNode.toUpper());
    QVERIFY(!problem->isVisible());
    QSignalSpy finished(view, &KandjiBlueprintView::assignFinished);
    dropProfiles(view, { 0, 19 });
    QVERIFY(finished.wait(10000));
    QCOMPARE(m_assignBodies.size(), 2);
    for (const QJsonObject &body : std::as_const(m_assignBodies)) {
        QVERIFY(body.value(QLatin1String("_path")).toString().endsWith(QLatin1String("/assign-library-item")));
        QCOMPARE(body.value(QLatin1String("assignment_node_id")).toString(), mapNode);
    }
    QVERIFY2(report->text().startsWith(QLatin1String("1 assigned, 1 already assigned, 0 failed.")), qPrintable(report->text()));
    QCOMPARE(int(m_sandbox->service().blueprintItems(kiosks).size()), before + 1);

    // Remembered for the blueprint: back on its page after another one, the node is there.
    QVERIFY(openBlueprint(1));
    view = openBlueprint(2);
    QVERIFY(view);
    QCOMPARE(view->findChild<QLineEdit *>(QStringLiteral("assignmentNode"))->text(), mapNode);

    // KANDJI_NODE_SCREENSHOT=path.png: the map blueprint's page with its node field.
    if (!qEnvironmentVariableIsEmpty("KANDJI_NODE_SCREENSHOT")) {
        QTest::qWait(300);
        QVERIFY(m_fx.window->grab().save(qEnvironmentVariable("KANDJI_NODE_SCREENSHOT")));
    }
}

void TestKandjiBlueprintWindow::mapChecklistAndRemovalUseTheRememberedNode()
{
    const QString kiosks = kioskId();
    const QString mapNode = m_sandbox->service().assignmentNodes(kiosks).value(0);
    // The library folders listed, as the checklist offers what the tree has listed.
    m_fx.window->tenantTree()->expand(m_fx.reveal(m_tenant, { QStringLiteral("custom-profiles") }));
    QTRY_COMPARE(m_fx.model->rowCount(m_fx.model->findNode(m_tenant, { QStringLiteral("custom-profiles") })), 24);

    // Removing from the tree before a node was entered: refused, saying where to enter it.
    const QModelIndex kioskRow = m_fx.model->index(2, 0, m_blueprints);
    m_fx.window->tenantTree()->expand(kioskRow);
    QTRY_COMPARE(m_fx.model->rowCount(kioskRow), 2);
    m_fx.window->tenantTree()->setCurrentIndex(m_fx.model->index(0, 0, kioskRow));
    navigator()->deleteCurrent();
    QVERIFY2(Prompt::lastMessage().contains(QLatin1String("is on a map blueprint: open the blueprint, enter the assignment node")),
             qPrintable(Prompt::lastMessage()));
    QTest::qWait(100);
    QVERIFY(m_assignBodies.isEmpty());

    // The checklist asks for the node too: refused without it, sent with it.
    m_fx.window->tenantTree()->setCurrentIndex(kioskRow);
    navigator()->assignToCurrentBlueprint();
    QListWidget *list = nullptr;
    QTRY_VERIFY((list = m_fx.window->findChild<QListWidget *>(QStringLiteral("libraryChecklist"))));
    QWidget *dialog = list->parentWidget();
    auto *node = dialog->findChild<QLineEdit *>(QStringLiteral("assignmentNode"));
    QVERIFY(node->isVisible());
    auto *report = dialog->findChild<QLabel *>(QStringLiteral("assignReport"));
    QPushButton *assign = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    list->item(2)->setCheckState(Qt::Checked);
    list->item(3)->setCheckState(Qt::Checked);
    QTest::mouseClick(assign, Qt::LeftButton);
    QVERIFY2(report->text().startsWith(QLatin1String("Not assigned: Enter the assignment node")), qPrintable(report->text()));
    QTest::qWait(100);
    QVERIFY(m_assignBodies.isEmpty());
    QTest::keyClicks(node, mapNode);
    QTest::mouseClick(assign, Qt::LeftButton);
    QTRY_VERIFY2(report->text().startsWith(QLatin1String("2 assigned, 0 already assigned, 0 failed.")), qPrintable(report->text()));
    if (!qEnvironmentVariableIsEmpty("KANDJI_CHECKLIST_SCREENSHOT"))
        QVERIFY(dialog->grab().save(qEnvironmentVariable("KANDJI_CHECKLIST_SCREENSHOT")));
    QCOMPARE(m_assignBodies.size(), 2);
    QCOMPARE(m_assignBodies.at(0).value(QLatin1String("assignment_node_id")).toString(), mapNode);
    QCOMPARE(m_assignBodies.at(1).value(QLatin1String("library_item_id")).toString(), list->item(3)->data(Qt::UserRole).toString().toLower());
    dialog->close();

    // The node typed in the checklist is the blueprint view's too; its Remove button removes from it.
    KandjiBlueprintView *view = openBlueprint(2);
    QVERIFY(view);
    QCOMPARE(view->findChild<QLineEdit *>(QStringLiteral("assignmentNode"))->text(), mapNode);
    auto *assigned = view->findChild<QTableView *>(QStringLiteral("assignedTable"));
    QTRY_COMPARE(assigned->model()->rowCount(), 4);
    auto *remove = view->findChild<QPushButton *>(QStringLiteral("removeButton"));
    QVERIFY(!remove->isEnabled());
    const QModelIndex first = assigned->model()->index(0, 0);
    const QString removedName = first.data().toString();
    QTest::mouseClick(assigned->viewport(), Qt::LeftButton, {}, assigned->visualRect(first).center());
    QVERIFY(remove->isEnabled());
    m_assignBodies.clear();
    QSignalSpy finished(view, &KandjiBlueprintView::assignFinished);
    QTest::mouseClick(remove, Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    QCOMPARE(m_assignBodies.size(), 1);
    QVERIFY(m_assignBodies.at(0).value(QLatin1String("_path")).toString().endsWith(QLatin1String("/remove-library-item")));
    QCOMPARE(m_assignBodies.at(0).value(QLatin1String("assignment_node_id")).toString(), mapNode);
    const QString report2 = view->findChild<QLabel *>(QStringLiteral("dropReport"))->text();
    QVERIFY2(report2.startsWith(QLatin1String("1 removed, 0 failed.")), qPrintable(report2));
    QCOMPARE(int(m_sandbox->service().blueprintItems(kiosks).size()), 3);
    QTRY_COMPARE(assigned->model()->rowCount(), 3);
    for (int row = 0; row < assigned->model()->rowCount(); ++row)
        QVERIFY(assigned->model()->index(row, 0).data().toString() != removedName);

    // Removing from the tree now uses the remembered node.
    m_fx.window->tenantTree()->expand(kioskRow);
    QTRY_COMPARE(m_fx.model->rowCount(kioskRow), 3);
    m_fx.window->tenantTree()->setCurrentIndex(m_fx.model->index(0, 0, kioskRow));
    m_assignBodies.clear();
    navigator()->deleteCurrent();
    QTRY_COMPARE(int(m_sandbox->service().blueprintItems(kiosks).size()), 2);
    QCOMPARE(m_assignBodies.at(0).value(QLatin1String("assignment_node_id")).toString(), mapNode);
}

KandjiCopyDialog *TestKandjiBlueprintWindow::copyBlueprint(int row)
{
    const QModelIndex blueprint = m_fx.model->index(row, 0, m_blueprints);
    m_fx.click(blueprint);
    navigator()->actionsFor(blueprint); // as the context menu does
    auto *action = navigator()->findChild<QAction *>(QStringLiteral("kandjiCopy"));
    if (!action || !action->isEnabled())
        return nullptr;
    action->trigger();
    KandjiCopyDialog *dialog = nullptr;
    const bool shown = QTest::qWaitFor([&] { return (dialog = m_fx.window->findChild<KandjiCopyDialog *>()) != nullptr; }, 5000);
    return shown ? dialog : nullptr;
}

QStringList TestKandjiBlueprintWindow::assignedNames(const KandjiService &service, const QString &blueprintId)
{
    QStringList names;
    for (const QString &id : service.blueprintItems(blueprintId)) {
        for (const QString &area : { QStringLiteral("custom-profiles"), QStringLiteral("custom-scripts"), QStringLiteral("custom-apps") })
            if (const auto item = service.item(area, id))
                names << item->value(QLatin1String("name")).toString();
    }
    names.sort();
    return names;
}

// The report table's rows whose Kind column starts with `kind`: {name, action, result} each.
static QList<QStringList> rowsOf(const QTableWidget *table, const QString &kind)
{
    QList<QStringList> rows;
    for (int r = 0; r < table->rowCount(); ++r)
        if (table->item(r, 1)->text().startsWith(kind))
            rows << QStringList { table->item(r, 0)->text(), table->item(r, 2)->text(), table->item(r, 3)->text() };
    return rows;
}

void TestKandjiBlueprintWindow::copyClassicBlueprintToProduction()
{
    KandjiSandbox production;
    QVERIFY(production.start());
    production.service().setProcessingAnswers(0);
    for (const char *name : { "Apps", "Productivity", "Utilities", "Security", "Developer Tools", "Printers" })
        production.service().addCategory(QString::fromLatin1(name));
    addTenant(m_fx, production, QStringLiteral("Production"));
    const QString stagingId = m_fx.model->index(0, 0, m_blueprints).data(TenantTreeModel::NodeIdRole).toString();
    const QStringList sourceNames = assignedNames(m_sandbox->service(), stagingId);
    QCOMPARE(sourceNames.size(), 22); // the demo's Staging: 10 profiles, 6 scripts, 6 apps

    KandjiCopyDialog *dialog = copyBlueprint(0);
    QVERIFY(dialog);
    QCOMPARE(dialog->findChild<QComboBox *>(QStringLiteral("targetTenant"))->currentText(), QStringLiteral("Production"));
    auto *table = dialog->findChild<QTableWidget *>(QStringLiteral("copyReport"));
    auto *status = dialog->findChild<QLabel *>(QStringLiteral("copyStatus"));
    auto *copy = dialog->findChild<QPushButton *>(QStringLiteral("copyButton"));
    QSignalSpy runs(dialog, &KandjiCopyDialog::finishedRun);

    // The preview: every assigned item to create, the blueprint to create with its 22 assignments.
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("previewButton")), Qt::LeftButton);
    QVERIFY(runs.wait(20000));
    QVERIFY(!dialog->findChild<QLabel *>(QStringLiteral("copyNote"))->isVisible());
    QStringList itemNames;
    for (const QString &kind : { QStringLiteral("custom-profiles"), QStringLiteral("custom-scripts"), QStringLiteral("custom-apps") }) {
        for (const QStringList &row : rowsOf(table, kind)) {
            QCOMPARE(row.at(1), QStringLiteral("create"));
            QCOMPARE(row.at(2), QStringLiteral("planned"));
            itemNames << row.at(0);
        }
    }
    itemNames.sort();
    QCOMPARE(itemNames, sourceNames);
    QCOMPARE(rowsOf(table, QStringLiteral("blueprint")),
             (QList<QStringList> { { QStringLiteral("Staging"), QStringLiteral("create"), QStringLiteral("planned") } }));
    QCOMPARE(table->item(22, 1)->text(), QStringLiteral("blueprint (classic)"));
    const QList<QStringList> planned = rowsOf(table, QStringLiteral("assignment"));
    QCOMPARE(planned.size(), 22);
    for (const QStringList &row : planned)
        QCOMPARE(row.at(2), QStringLiteral("planned"));
    QVERIFY2(status->text().contains(QLatin1String("22 item(s) to create, 0 to update.")), qPrintable(status->text()));
    QVERIFY2(status->text().contains(QLatin1String("The blueprint \"Staging\" will be created with 22 assignment(s).")), qPrintable(status->text()));
    QCOMPARE(production.service().itemCount(QStringLiteral("blueprints")), 0);
    QCOMPARE(production.service().itemCount(QStringLiteral("custom-profiles")), 0);

    // Copy: the per-item report, and production has the blueprint with the same items by name.
    QVERIFY(copy->isEnabled());
    QTest::mouseClick(copy, Qt::LeftButton);
    QVERIFY(runs.wait(60000));
    QCOMPARE(runs.last().at(0).toBool(), true);
    for (const QString &kind : { QStringLiteral("custom-"), QStringLiteral("blueprint") })
        for (const QStringList &row : rowsOf(table, kind))
            QVERIFY2(row.at(2) == QLatin1String("created"), qPrintable(row.join(QLatin1String(" | "))));
    for (const QStringList &row : rowsOf(table, QStringLiteral("assignment")))
        QVERIFY2(row.at(2) == QLatin1String("assigned"), qPrintable(row.join(QLatin1String(" | "))));
    QVERIFY2(status->text().startsWith(QLatin1String("Copied: 45 row(s), none failed.")), qPrintable(status->text()));
    const QJsonObject blueprint = dialog->report().value(QLatin1String("blueprint")).toObject();
    const auto created = production.service().item(QStringLiteral("blueprints"), blueprint.value(QLatin1String("targetId")).toString());
    QVERIFY(created);
    QCOMPARE(created->value(QLatin1String("name")).toString(), QStringLiteral("Staging"));
    QCOMPARE(created->value(QLatin1String("type")).toString(), QStringLiteral("classic"));
    QCOMPARE(assignedNames(production.service(), blueprint.value(QLatin1String("targetId")).toString()), sourceNames);
    dialog->close();
}

void TestKandjiBlueprintWindow::copyMapBlueprintSaysAssignmentsStayBehind()
{
    KandjiSandbox production;
    QVERIFY(production.start());
    addTenant(m_fx, production, QStringLiteral("Production"));
    KandjiCopyDialog *dialog = copyBlueprint(2);
    QVERIFY(dialog);
    auto *table = dialog->findChild<QTableWidget *>(QStringLiteral("copyReport"));
    auto *note = dialog->findChild<QLabel *>(QStringLiteral("copyNote"));
    auto *status = dialog->findChild<QLabel *>(QStringLiteral("copyStatus"));
    QSignalSpy runs(dialog, &KandjiCopyDialog::finishedRun);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("previewButton")), Qt::LeftButton);
    QVERIFY(runs.wait(20000));

    // The preview says plainly that the map's assignments will not be copied, and why.
    QVERIFY(note->isVisible());
    QVERIFY2(note->text().startsWith(QLatin1String("\"Kiosks\" is a map blueprint: its assignments are not copied")), qPrintable(note->text()));
    QVERIFY(note->text().contains(QLatin1String("does not tell which node")));
    QVERIFY2(status->text().contains(QLatin1String("The blueprint \"Kiosks\" will be created without its assignments.")), qPrintable(status->text()));
    QCOMPARE(rowsOf(table, QStringLiteral("custom-profiles")).size(), 2); // its items are copied
    const QList<QStringList> assignments = rowsOf(table, QStringLiteral("assignment"));
    QCOMPARE(assignments.size(), 2);
    for (const QStringList &row : assignments)
        QCOMPARE(row.at(2), QStringLiteral("not copied: map node unknown"));
    for (const QStringList &row : assignments)
        QCOMPARE(row.at(1), QStringLiteral("skip"));
    if (!qEnvironmentVariableIsEmpty("KANDJI_COPY_SCREENSHOT")) {
        QTest::qWait(100); // the wrapped status line laid out
        QVERIFY(dialog->grab().save(qEnvironmentVariable("KANDJI_COPY_SCREENSHOT")));
    }

    // Copied: the items and an empty map blueprint; nothing is assigned to a guessed node.
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("copyButton")), Qt::LeftButton);
    QVERIFY(runs.wait(30000));
    for (const QStringList &row : rowsOf(table, QStringLiteral("custom-profiles")))
        QCOMPARE(row.at(2), QStringLiteral("created"));
    QCOMPARE(production.service().itemCount(QStringLiteral("custom-profiles")), 2);
    const QString targetId = dialog->report().value(QLatin1String("blueprint")).toObject().value(QLatin1String("targetId")).toString();
    QCOMPARE(production.service().item(QStringLiteral("blueprints"), targetId)->value(QLatin1String("type")).toString(), QStringLiteral("map"));
    QVERIFY(production.service().blueprintItems(targetId).isEmpty());
    for (const QStringList &row : rowsOf(table, QStringLiteral("assignment")))
        QCOMPARE(row.at(2), QStringLiteral("not copied: map node unknown"));
    QVERIFY(note->isVisible());
    dialog->close();
}

QTEST_MAIN(TestKandjiBlueprintWindow)
#include "tst_kandjiblueprintwindow.moc"
