#include "browse/bucketdialog.h"
#include "browse/collectiondialog.h"
#include "browse/deletedialog.h"
#include "browse/groupdialog.h"
#include "kinto/kintonavigator.h"
#include "families.h"
#include "kintoclient.h"
#include "kintofamily.h"
#include "kintosandbox.h"
#include "mainwindow.h"
#include "net/requestlog.h"
#include "prompt.h"
#include "records/collectionview.h"
#include "secrets/memorysecretstore.h"
#include "tenantconnector.h"
#include "tenants/sessionmanager.h"
#include "tenants/tenantregistry.h"
#include "tenanttreemodel.h"
#include "testsupport.h"

#include <QAction>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <memory>

using Action = KintoNavigator::Action;

namespace {

enum class Kind { Tenant, Bucket, CollectionsFolder, GroupsFolder, Collection, Group };

// The ids from the tenant down to a Kinto node, for TenantTreeModel::findNode.
QStringList pathTo(Kind kind, const QString &bucket, const QString &id = {})
{
    switch (kind) {
    case Kind::Tenant: return {};
    case Kind::Bucket: return {bucket};
    case Kind::CollectionsFolder: return {bucket, QStringLiteral("collections")};
    case Kind::GroupsFolder: return {bucket, QStringLiteral("groups")};
    case Kind::Collection: return {bucket, QStringLiteral("collections"), id};
    case Kind::Group: return {bucket, QStringLiteral("groups"), id};
    }
    return {};
}

} // namespace

// Browsing a Kinto tenant in the main window and editing its buckets, collections and groups
// through the dialogs, as a user would; the server is then asked what it holds.
class tst_Browse : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void connectedTenantListsItsBuckets();
    void createBucketThroughTheDialog();
    void createCollectionWithSchemaAndDisplayFields();
    void invalidIdIsRefusedBeforeSending_data();
    void invalidIdIsRefusedBeforeSending();
    void invalidSchemaIsRefusedWithLineAndColumn();
    void editGroupMembers();
    void editConflictKeepsTheInput();
    void deleteCollectionByTypingItsId();
    void selectingNodesShowsTheirPages();
    void contextMenuOffersTheActions();

private:
    // Clicks a row of the tenants tree (scrolling it into view first).
    void click(const QModelIndex &index);
    // Expands tenant → bucket → folder as needed and waits until `kind`/`bucket`/`id` is listed.
    QModelIndex reveal(Kind kind, const QString &bucket = {}, const QString &id = {});
    QJsonObject serverData(Job *job);
    KintoNavigator *navigator() const { return static_cast<KintoNavigator *>(m_window->navigator(KintoFamily::Id)); }
    template <typename D>
    D *openDialog(Action action);
    int requestsDuring(const std::function<void()> &what);
    // Waits until the sandbox has been quiet for 200 ms.
    void settle();

    QTemporaryDir m_dir;
    std::unique_ptr<KintoSandbox> m_sandbox;
    std::unique_ptr<RequestLog> m_log;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<TenantRegistry> m_registry;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<SessionManager> m_sessions;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<KintoClient> m_check; // a separate client that re-reads the server
    QString m_tenantId;
    TenantTreeModel *m_model = nullptr;
    QTreeView *m_tree = nullptr;
    int m_registryCount = 0;
};

void tst_Browse::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("settings")));
    Prompt::setAnswerForTests(true);
    registerFamilies();
}

void tst_Browse::init()
{
    m_sandbox = std::make_unique<KintoSandbox>();
    QVERIFY(m_sandbox->start());
    m_sandbox->seedDemoData();

    m_log = std::make_unique<RequestLog>();
    m_secrets = std::make_unique<MemorySecretStore>();
    m_registry = std::make_unique<TenantRegistry>(m_dir.filePath(QStringLiteral("tenants-%1.ini").arg(++m_registryCount)));
    Tenant tenant;
    tenant.displayName = QStringLiteral("Sandbox");
    tenant.baseUrl = m_sandbox->baseUrl();
    tenant.family = KintoFamily::Id;
    tenant.auth = AuthKind::Basic;
    tenant.userName = QStringLiteral("admin");
    tenant.options.insert(QStringLiteral("bucket"), QStringLiteral("main"));
    m_tenantId = m_registry->add(tenant);
    QVERIFY(!m_tenantId.isEmpty());
    std::unique_ptr<Job> stored(TestSupport::keep(
        m_registry->storeSecret(m_tenantId, SecretPurpose::Password, QStringLiteral("admin"), m_secrets.get())));
    QVERIFY(TestSupport::waitFor(stored.get()));

    m_nam = std::make_unique<QNetworkAccessManager>();
    m_sessions = std::make_unique<SessionManager>(m_registry.get(), m_secrets.get(), m_nam.get(), m_log.get());
    m_window = std::make_unique<MainWindow>(AppContext{m_registry.get(), m_secrets.get(), m_sessions.get(), m_nam.get(), m_log.get()});
    m_model = m_window->tenantModel();
    m_tree = m_window->findChild<QTreeView *>(QStringLiteral("tenantTree"));
    QVERIFY(m_tree);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));

    KintoClient::Settings settings;
    settings.serverUrl = m_sandbox->baseUrl();
    settings.auth = QStringLiteral("admin:admin");
    m_check = std::make_unique<KintoConnection>(m_nam.get(), settings);

    // Picking the tenant connects it; the tree gets its Kinto client.
    QSignalSpy checked(m_window->connector(), &TenantConnector::checked);
    click(m_model->indexForTenant(m_tenantId));
    QVERIFY(checked.wait(10000));
    QCOMPARE(m_model->tenantState(m_tenantId), TenantTreeModel::State::Ok);
    auto *session = qobject_cast<KintoSession *>(m_model->session(m_tenantId));
    QVERIFY(session && session->client());
    QCOMPARE(session->client()->settings().bucket, QStringLiteral("main"));
}

void tst_Browse::cleanup()
{
    // Let the records page finish loading before the window goes: RecordTableModel's destructor
    // still signals a CollectionView being destroyed when a page request is in flight (reported).
    settle();
    m_check.reset();
    m_window.reset();
    m_sessions.reset();
    m_nam.reset();
    m_registry.reset();
    m_secrets.reset();
    m_log.reset();
    m_sandbox.reset();
}

void tst_Browse::click(const QModelIndex &index)
{
    QVERIFY(index.isValid());
    m_tree->scrollTo(index);
    QTest::mouseClick(m_tree->viewport(), Qt::LeftButton, {}, m_tree->visualRect(index).center());
    QCOMPARE(m_tree->currentIndex(), index);
}

QModelIndex tst_Browse::reveal(Kind kind, const QString &bucket, const QString &id)
{
    const QModelIndex tenant = m_model->indexForTenant(m_tenantId);
    m_tree->expand(tenant);
    if (kind == Kind::Tenant)
        return tenant;
    if (!QTest::qWaitFor([&] { return m_model->findNode(m_tenantId, pathTo(Kind::Bucket, bucket)).isValid(); }, 10000))
        return {};
    if (kind == Kind::Bucket)
        return m_model->findNode(m_tenantId, pathTo(Kind::Bucket, bucket));
    m_tree->expand(m_model->findNode(m_tenantId, pathTo(Kind::Bucket, bucket)));
    const Kind folderKind = kind == Kind::Group ? Kind::GroupsFolder : Kind::CollectionsFolder;
    m_tree->expand(m_model->findNode(m_tenantId, pathTo(folderKind, bucket)));
    if (!QTest::qWaitFor([&] { return m_model->findNode(m_tenantId, pathTo(kind, bucket, id)).isValid(); }, 10000))
        return {};
    return m_model->findNode(m_tenantId, pathTo(kind, bucket, id));
}

QJsonObject tst_Browse::serverData(Job *job)
{
    std::unique_ptr<Job> owner(TestSupport::keep(job));
    if (!TestSupport::waitFor(job) || job->hasError())
        return {};
    return job->result().toObject().value(QLatin1String("data")).toObject();
}

template <typename D>
D *tst_Browse::openDialog(Action action)
{
    QAction *a = navigator()->action(action);
    if (!a || !a->isEnabled())
        return nullptr;
    a->trigger();
    D *dialog = m_window->findChild<D *>();
    if (dialog && !QTest::qWaitForWindowExposed(dialog))
        return nullptr;
    return dialog;
}

void tst_Browse::settle()
{
    if (!m_sandbox)
        return;
    for (int i = 0; i < 25; ++i) {
        QSignalSpy quiet(m_sandbox.get(), &KintoSandbox::requestServed);
        QTest::qWait(200);
        if (quiet.isEmpty())
            break;
    }
}

int tst_Browse::requestsDuring(const std::function<void()> &what)
{
    settle(); // the tree's own listings and counts first, so only `what` is counted
    QSignalSpy served(m_sandbox.get(), &KintoSandbox::requestServed);
    what();
    QTest::qWait(200); // anything sent would have been answered by now
    return int(served.count());
}

void tst_Browse::connectedTenantListsItsBuckets()
{
    const QModelIndex tenant = reveal(Kind::Tenant);
    QTRY_COMPARE(m_model->rowCount(tenant), 3);
    QVERIFY(m_tree->isExpanded(tenant));
    QStringList buckets;
    for (int row = 0; row < 3; ++row)
        buckets << m_model->index(row, 0, tenant).data(TenantTreeModel::NodeIdRole).toString();
    QCOMPARE(buckets, (QStringList{QStringLiteral("main"), QStringLiteral("public"), QStringLiteral("staging")}));

    // Expanding a bucket opens its collections.
    const QModelIndex main = m_model->index(0, 0, tenant);
    m_tree->expand(main);
    const QModelIndex collections = m_model->findNode(m_tenantId, pathTo(Kind::CollectionsFolder, QStringLiteral("main")));
    QTRY_VERIFY(m_tree->isExpanded(collections));
    QTRY_COMPARE(m_model->rowCount(collections), 3);
}

void tst_Browse::createBucketThroughTheDialog()
{
    click(reveal(Kind::Tenant));
    auto *dialog = openDialog<BucketDialog>(Action::NewBucket);
    QVERIFY(dialog);
    const QPointer<QDialog> guard(dialog);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("idEdit")), QStringLiteral("archive"));
    auto *attributes = dialog->findChild<QPlainTextEdit *>(QStringLiteral("attributesEdit"));
    attributes->selectAll();
    QTest::keyClicks(attributes, QStringLiteral("{\"title\": \"Old things\"}"));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);

    QTRY_VERIFY(!guard); // closed, and deleted on close
    const QJsonObject stored = serverData(m_check->getBucket(QStringLiteral("archive")));
    QCOMPARE(stored.value(QLatin1String("title")).toString(), QStringLiteral("Old things"));
    // The tree lists it and selects it; its page shows.
    QTRY_VERIFY(m_model->findNode(m_tenantId, pathTo(Kind::Bucket, QStringLiteral("archive"))).isValid());
    QTRY_COMPARE(m_tree->currentIndex(), m_model->findNode(m_tenantId, pathTo(Kind::Bucket, QStringLiteral("archive"))));
    QCOMPARE(m_window->currentPage()->objectName(), QStringLiteral("bucketPage"));
    QVERIFY(m_window->currentPage()->findChild<QPlainTextEdit *>(QStringLiteral("attributesView"))
                ->toPlainText().contains(QStringLiteral("Old things")));
}

void tst_Browse::createCollectionWithSchemaAndDisplayFields()
{
    click(reveal(Kind::Bucket, QStringLiteral("main")));
    auto *dialog = openDialog<CollectionDialog>(Action::NewCollection);
    QVERIFY(dialog);
    const QPointer<QDialog> guard(dialog);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("idEdit")), QStringLiteral("assets"));
    QTest::keyClicks(dialog->findChild<QPlainTextEdit *>(QStringLiteral("schemaEdit")),
                     QStringLiteral("{\"type\": \"object\", \"required\": [\"name\"], "
                                    "\"properties\": {\"name\": {\"type\": \"string\"}, \"serial\": {\"type\": \"string\"}}}"));
    auto *fieldInput = dialog->findChild<QLineEdit *>(QStringLiteral("displayFieldsInput"));
    QTest::keyClicks(fieldInput, QStringLiteral("name"));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("displayFieldsAdd")), Qt::LeftButton);
    QTest::keyClicks(fieldInput, QStringLiteral("serial"));
    QTest::keyClick(fieldInput, Qt::Key_Return); // adds the field, does not save yet
    QVERIFY(dialog->isVisible());
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("sortEdit")), QStringLiteral("name"));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);

    QTRY_VERIFY(!guard); // closed, and deleted on close
    const QJsonObject stored = serverData(m_check->getCollection(QStringLiteral("main"), QStringLiteral("assets")));
    QCOMPARE(stored.value(QLatin1String("displayFields")).toArray(),
             (QJsonArray{QStringLiteral("name"), QStringLiteral("serial")}));
    QCOMPARE(stored.value(QLatin1String("schema")).toObject().value(QLatin1String("required")).toArray(),
             QJsonArray{QStringLiteral("name")});
    QCOMPARE(stored.value(QLatin1String("sort")).toString(), QStringLiteral("name"));
    QVERIFY(!stored.contains(QLatin1String("cache_expires")));
    QTRY_COMPARE(m_tree->currentIndex(),
                 m_model->findNode(m_tenantId, pathTo(Kind::Collection, QStringLiteral("main"), QStringLiteral("assets"))));
}

void tst_Browse::invalidIdIsRefusedBeforeSending_data()
{
    QTest::addColumn<int>("action");
    QTest::addColumn<QString>("id");
    QTest::newRow("bucket id with a space") << int(Action::NewBucket) << QStringLiteral("my bucket");
    QTest::newRow("collection id starting with a dash") << int(Action::NewCollection) << QStringLiteral("-devices");
    QTest::newRow("collection id with a slash") << int(Action::NewCollection) << QStringLiteral("a/b");
    QTest::newRow("group id with a dot") << int(Action::NewGroup) << QStringLiteral("team.a");
    QTest::newRow("empty collection id") << int(Action::NewCollection) << QString();
}

void tst_Browse::invalidIdIsRefusedBeforeSending()
{
    QFETCH(int, action);
    QFETCH(QString, id);
    click(reveal(Kind::Bucket, QStringLiteral("main")));
    KintoObjectDialog *dialog = nullptr;
    if (Action(action) == Action::NewBucket)
        dialog = openDialog<BucketDialog>(Action::NewBucket);
    else if (Action(action) == Action::NewCollection)
        dialog = openDialog<CollectionDialog>(Action::NewCollection);
    else
        dialog = openDialog<GroupDialog>(Action::NewGroup);
    QVERIFY(dialog);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("idEdit")), id);

    const int sent = requestsDuring(
        [&] { QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton); });
    QCOMPARE(sent, 0);
    QVERIFY(dialog->isVisible());
    const QString message = dialog->message();
    QVERIFY2(message.contains(id.isEmpty() ? QStringLiteral("Give the") : QStringLiteral("not valid")), qPrintable(message));
    QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("idEdit"))->text(), id); // the input stays
}

void tst_Browse::invalidSchemaIsRefusedWithLineAndColumn()
{
    click(reveal(Kind::Bucket, QStringLiteral("main")));
    auto *dialog = openDialog<CollectionDialog>(Action::NewCollection);
    QVERIFY(dialog);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("idEdit")), QStringLiteral("assets"));
    auto *schema = dialog->findChild<QPlainTextEdit *>(QStringLiteral("schemaEdit"));
    QTest::keyClicks(schema, QStringLiteral("{\"type\": \"object\","));
    QTest::keyClick(schema, Qt::Key_Return);
    QTest::keyClicks(schema, QStringLiteral(" \"properties\": }"));

    const int sent = requestsDuring(
        [&] { QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton); });
    QCOMPARE(sent, 0);
    QVERIFY(dialog->isVisible());
    QVERIFY2(dialog->message().contains(QStringLiteral("Schema: line 2, column")), qPrintable(dialog->message()));
    QVERIFY(!serverData(m_check->getCollection(QStringLiteral("main"), QStringLiteral("assets"))).contains(QLatin1String("id")));
}

void tst_Browse::editGroupMembers()
{
    click(reveal(Kind::Group, QStringLiteral("main"), QStringLiteral("editors")));
    QCOMPARE(m_window->currentPage()->objectName(), QStringLiteral("groupPage"));
    auto *dialog = openDialog<GroupDialog>(Action::Edit);
    QVERIFY(dialog);
    const QPointer<QDialog> guard(dialog);
    QVERIFY(dialog->findChild<QLineEdit *>(QStringLiteral("idEdit"))->isReadOnly());
    auto *list = dialog->findChild<QListWidget *>(QStringLiteral("membersList"));
    QCOMPARE(list->count(), 1);
    list->setCurrentRow(0); // account:alice
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("membersRemove")), Qt::LeftButton);
    auto *input = dialog->findChild<QLineEdit *>(QStringLiteral("membersInput"));
    QTest::keyClicks(input, QStringLiteral("account:bob"));
    QTest::keyClick(input, Qt::Key_Return);
    QTest::keyClicks(input, QStringLiteral("system.Authenticated"));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("membersAdd")), Qt::LeftButton);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);

    QTRY_VERIFY(!guard); // closed, and deleted on close
    const QJsonObject stored = serverData(m_check->getGroup(QStringLiteral("main"), QStringLiteral("editors")));
    QCOMPARE(stored.value(QLatin1String("members")).toArray(),
             (QJsonArray{QStringLiteral("account:bob"), QStringLiteral("system.Authenticated")}));
    QCOMPARE(stored.value(QLatin1String("title")).toString(), QStringLiteral("Editors")); // other attributes kept
    // The tree row and the page follow.
    const QModelIndex editors = m_model->findNode(m_tenantId, pathTo(Kind::Group, QStringLiteral("main"), QStringLiteral("editors")));
    QTRY_COMPARE(editors.data().toString(), QStringLiteral("editors (2)"));
    QTRY_COMPARE(m_window->currentPage()->findChild<QListWidget *>(QStringLiteral("membersView"))->count(), 2);
}

void tst_Browse::editConflictKeepsTheInput()
{
    click(reveal(Kind::Bucket, QStringLiteral("main")));
    auto *dialog = openDialog<BucketDialog>(Action::Edit);
    QVERIFY(dialog);
    const QPointer<QDialog> guard(dialog);
    // Someone else changes the bucket meanwhile.
    QJsonObject theirs = serverData(m_check->getBucket(QStringLiteral("main")));
    theirs.insert(QStringLiteral("title"), QStringLiteral("Theirs"));
    QVERIFY(!serverData(m_check->updateBucket(QStringLiteral("main"), theirs)).isEmpty());

    auto *attributes = dialog->findChild<QPlainTextEdit *>(QStringLiteral("attributesEdit"));
    attributes->selectAll();
    QTest::keyClicks(attributes, QStringLiteral("{\"title\": \"Mine\"}"));
    auto *save = dialog->findChild<QPushButton *>(QStringLiteral("saveButton"));
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_VERIFY(dialog->message().contains(QStringLiteral("412")));
    QVERIFY(dialog->message().contains(QStringLiteral("changed on the server")));
    QVERIFY(dialog->isVisible());
    QCOMPARE(attributes->toPlainText(), QStringLiteral("{\"title\": \"Mine\"}"));
    QCOMPARE(serverData(m_check->getBucket(QStringLiteral("main"))).value(QLatin1String("title")).toString(),
             QStringLiteral("Theirs"));

    // Saving again, knowingly, overwrites.
    QCOMPARE(save->text(), QStringLiteral("Overwrite"));
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_VERIFY(!guard); // closed, and deleted on close
    QCOMPARE(serverData(m_check->getBucket(QStringLiteral("main"))).value(QLatin1String("title")).toString(),
             QStringLiteral("Mine"));
}

void tst_Browse::deleteCollectionByTypingItsId()
{
    click(reveal(Kind::Collection, QStringLiteral("main"), QStringLiteral("notes")));
    auto *dialog = openDialog<DeleteDialog>(Action::Delete);
    QVERIFY(dialog);
    const QPointer<QDialog> guard(dialog);
    auto *confirm = dialog->findChild<QLineEdit *>(QStringLiteral("confirmIdEdit"));
    auto *deleteButton = dialog->findChild<QPushButton *>(QStringLiteral("deleteButton"));
    QVERIFY(!deleteButton->isEnabled());
    QTest::keyClicks(confirm, QStringLiteral("note"));
    QVERIFY(!deleteButton->isEnabled());
    const int sent = requestsDuring([&] { QTest::keyClick(confirm, Qt::Key_Return); });
    QCOMPARE(sent, 0); // Return never deletes
    QVERIFY(dialog->isVisible());
    QTest::keyClicks(confirm, QStringLiteral("s"));
    QVERIFY(deleteButton->isEnabled());
    QTest::mouseClick(deleteButton, Qt::LeftButton);

    QTRY_VERIFY(!guard); // closed, and deleted on close
    std::unique_ptr<Job> gone(TestSupport::keep(m_check->getCollection(QStringLiteral("main"), QStringLiteral("notes"))));
    QVERIFY(TestSupport::waitFor(gone.get()));
    QCOMPARE(gone->error().httpStatus(), 404);
    QTRY_VERIFY(!m_model->findNode(m_tenantId, pathTo(Kind::Collection, QStringLiteral("main"), QStringLiteral("notes"))).isValid());
    QVERIFY(m_model->findNode(m_tenantId, pathTo(Kind::Collection, QStringLiteral("main"), QStringLiteral("devices"))).isValid());
}

void tst_Browse::selectingNodesShowsTheirPages()
{
    QCOMPARE(m_window->currentPage()->objectName(), QStringLiteral("tenantPage"));
    QSignalSpy tenantChanged(m_window.get(), &MainWindow::currentTenantChanged);
    click(reveal(Kind::Collection, QStringLiteral("main"), QStringLiteral("devices")));
    QCOMPARE(tenantChanged.count(), 0); // moving inside a tenant does not reconnect it
    QWidget *page = m_window->currentPage();
    QCOMPARE(page->objectName(), QStringLiteral("collectionPage"));
    QCOMPARE(page->findChild<QLabel *>(QStringLiteral("breadcrumb"))->text(),
             QStringLiteral("Sandbox \u203a main \u203a devices"));
    auto *records = page->findChild<CollectionView *>(QStringLiteral("collectionView"));
    QVERIFY(records);
    QCOMPARE(records->bucket(), QStringLiteral("main"));
    QCOMPARE(records->collection(), QStringLiteral("devices"));
    QTRY_VERIFY(records->tableView()->model()->rowCount() > 0); // the records arrive

    click(m_model->findNode(m_tenantId, pathTo(Kind::Bucket, QStringLiteral("main"))));
    page = m_window->currentPage();
    QCOMPARE(page->objectName(), QStringLiteral("bucketPage"));
    QCOMPARE(page->findChild<QLabel *>(QStringLiteral("breadcrumb"))->text(), QStringLiteral("Sandbox \u203a main"));
    QVERIFY(page->findChild<QPlainTextEdit *>(QStringLiteral("attributesView"))->toPlainText().contains(QStringLiteral("Main inventory")));
    QVERIFY(page->findChild<QPlainTextEdit *>(QStringLiteral("attributesView"))->isReadOnly());
    QVERIFY(page->findChild<QWidget *>(QStringLiteral("newCollectionActionButton"))->isEnabled());

    // The bucket page's button opens the dialog too.
    QTest::mouseClick(page->findChild<QWidget *>(QStringLiteral("newGroupActionButton")), Qt::LeftButton);
    auto *dialog = m_window->findChild<GroupDialog *>();
    QVERIFY(dialog);
    dialog->reject();
}

void tst_Browse::contextMenuOffersTheActions()
{
    const QModelIndex main = reveal(Kind::Bucket, QStringLiteral("main"));
    m_tree->scrollTo(main);
    Q_EMIT m_tree->customContextMenuRequested(m_tree->visualRect(main).center());
    auto *menu = m_tree->findChild<QMenu *>(QStringLiteral("tenantTreeMenu"));
    QVERIFY(menu);
    QTRY_VERIFY(menu->isVisible());
    QCOMPARE(m_tree->currentIndex(), main);
    QStringList enabled;
    for (QAction *action : menu->actions()) {
        if (!action->isSeparator() && action->isEnabled())
            enabled << action->objectName();
    }
    QCOMPARE(enabled, (QStringList{QStringLiteral("newBucketAction"), QStringLiteral("newCollectionAction"),
                                   QStringLiteral("newGroupAction"), QStringLiteral("editAction"),
                                   QStringLiteral("deleteAction"), QStringLiteral("permissionsAction"),
                                   QStringLiteral("refreshTreeAction")}));
    menu->close();

    // On the tenant, only what applies to it: New bucket and the tenant's own actions.
    const QModelIndex tenant = m_model->indexForTenant(m_tenantId);
    Q_EMIT m_tree->customContextMenuRequested(m_tree->visualRect(tenant).center());
    const auto shownMenu = [this]() -> QMenu * {
        for (QMenu *m : m_tree->findChildren<QMenu *>(QStringLiteral("tenantTreeMenu"))) {
            if (m->isVisible())
                return m;
        }
        return nullptr;
    };
    QTRY_VERIFY(shownMenu());
    menu = shownMenu();
    enabled.clear();
    for (QAction *action : menu->actions()) {
        if (!action->isSeparator() && action->isEnabled())
            enabled << action->objectName();
    }
    QCOMPARE(enabled, (QStringList{QStringLiteral("newBucketAction"), QStringLiteral("reconnectTenantAction"),
                                   QStringLiteral("editTenantAction"), QStringLiteral("removeTenantAction"),
                                   QStringLiteral("refreshTreeAction")}));
    menu->close();
    QVERIFY(!navigator()->action(Action::NewCollection)->isEnabled());
    QVERIFY(!navigator()->action(Action::Delete)->isEnabled());
}

QTEST_MAIN(tst_Browse)
#include "tst_browse.moc"
