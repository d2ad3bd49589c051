#include "appcontext.h"
#include "family/familyui.h"
#include "family/servicefamily.h"
#include "mainwindow.h"
#include "net/requestlog.h"
#include "secrets/memorysecretstore.h"
#include "tenantconnector.h"
#include "tenants/sessionmanager.h"
#include "tenants/tenantcommands.h"
#include "tenants/tenantregistry.h"
#include "tenanttreemodel.h"
#include "testsupport.h"

#include <QAction>
#include <QDialog>
#include <QJsonArray>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

// A family written entirely in this test: "Orchard", whose tenants hold trees that hold apples.
// Registering it is all it takes for its tenants to connect, show their nodes and pages in the
// window, offer their actions, and appear in About and the Add Tenant choice.
namespace {

class OrchardSession : public FamilySession
{
public:
    using FamilySession::FamilySession;

    Job *probe() override
    {
        ++probes;
        auto *job = new Job(this);
        job->succeedLater(ServiceIdentity{QStringLiteral("farmer"), QStringLiteral("none"), QStringLiteral("Orchard 1.0"),
                                          {QStringLiteral("apples")}, {}}
                              .toJson());
        return job;
    }
    Job *fetchChildren(const TreeNode &parent) override
    {
        QJsonArray nodes;
        if (parent.kind == QLatin1String("tenant")) {
            for (const char *name : {"pear-tree", "apple-tree"}) {
                TreeNode tree;
                tree.kind = QStringLiteral("tree");
                tree.id = QLatin1String(name);
                tree.hasChildren = true;
                tree.data = {{QStringLiteral("species"), QLatin1String(name)}};
                nodes.append(tree.toJson());
            }
        } else if (parent.kind == QLatin1String("tree")) {
            TreeNode apple;
            apple.kind = QStringLiteral("fruit");
            apple.id = QStringLiteral("first");
            apple.badge = QStringLiteral("ripe");
            nodes.append(apple.toJson());
        }
        auto *job = new Job(this);
        job->succeedLater(nodes);
        return job;
    }
    int probes = 0;
};

class OrchardFamily : public ServiceFamily
{
public:
    QString id() const override { return QStringLiteral("orchard"); }
    QString displayName() const override { return QStringLiteral("Orchard"); }
    QString summary() const override { return QStringLiteral("trees and their apples"); }
    QString iconPath() const override { return QStringLiteral(":/tenantdesk/icons/rest.png"); }
    FamilySession *createSession(const Tenant &, HttpClient *, QObject *parent) const override
    {
        return new OrchardSession(parent);
    }
};

class OrchardNavigator : public FamilyNavigator
{
public:
    OrchardNavigator(MainWindow *window)
        : FamilyNavigator(window)
        , m_window(window)
        , m_pick(new QAction(QStringLiteral("Pick"), this))
    {
        m_pick->setObjectName(QStringLiteral("pickAction"));
    }
    void showPageFor(const QModelIndex &index) override
    {
        auto *page = new QLabel(QStringLiteral("Orchard page of %1").arg(index.data(TenantTreeModel::NodeIdRole).toString()));
        page->setObjectName(QStringLiteral("orchardPage"));
        m_window->showPage(page);
    }
    QList<QAction *> actionsFor(const QModelIndex &) override { return {m_pick}; }

private:
    MainWindow *m_window;
    QAction *m_pick;
};

class OrchardUi : public FamilyUi
{
public:
    QString familyId() const override { return QStringLiteral("orchard"); }
    FamilyNavigator *createNavigator(MainWindow *window, const AppContext &) const override
    {
        return new OrchardNavigator(window);
    }
    QWidget *openTenantWizard(QWidget *, const AppContext &, const std::optional<Tenant> &) const override
    {
        ++wizards;
        return nullptr;
    }
    mutable int wizards = 0;
};

} // namespace

class tst_FamilySeam : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void aFamilyFromTestsShowsNodesAndPages();

private:
    QTemporaryDir m_dir;
};

void tst_FamilySeam::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    ServiceFamilies::add(std::make_unique<OrchardFamily>());
    FamilyUis::add(std::make_unique<OrchardUi>());
}

void tst_FamilySeam::cleanupTestCase()
{
    ServiceFamilies::remove(QStringLiteral("orchard"));
    FamilyUis::remove(QStringLiteral("orchard"));
}

void tst_FamilySeam::aFamilyFromTestsShowsNodesAndPages()
{
    RequestLog log;
    MemorySecretStore secrets;
    TenantRegistry registry(m_dir.filePath(QStringLiteral("tenants.ini")));
    Tenant tenant;
    tenant.displayName = QStringLiteral("Home orchard");
    tenant.family = QStringLiteral("orchard");
    tenant.baseUrl = QUrl(QStringLiteral("https://orchard.example"));
    const QString id = registry.add(tenant);
    QVERIFY(!id.isEmpty());
    QNetworkAccessManager nam;
    SessionManager sessions(&registry, &secrets, &nam, &log);
    MainWindow window(AppContext{&registry, &secrets, &sessions, &nam, &log});
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    auto *tree = window.findChild<QTreeView *>(QStringLiteral("tenantTree"));
    TenantTreeModel *model = window.tenantModel();
    const QModelIndex home = model->indexForTenant(id);
    QVERIFY(!home.data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(home.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Orchard")));

    tree->setCurrentIndex(home);
    QTRY_COMPARE(model->tenantState(id), TenantTreeModel::State::Ok);
    QVERIFY(home.data(Qt::ToolTipRole).toString().contains(QStringLiteral("signed in as farmer")));
    QCOMPARE(window.currentPage()->objectName(), QStringLiteral("tenantPage"));
    QTRY_VERIFY(window.currentPage()->findChild<QWidget *>(QStringLiteral("pickActionButton")));
    QCOMPARE(window.currentPage()->findChild<QLabel *>(QStringLiteral("identityServer"))->text(),
             QStringLiteral("Orchard 1.0"));

    tree->expand(home);
    QTRY_COMPARE(model->rowCount(home), 2);
    const QModelIndex apple = model->findNode(id, {QStringLiteral("apple-tree")});
    QVERIFY(apple.isValid());
    QCOMPARE(apple.data(TenantTreeModel::NodeKindRole).toString(), QStringLiteral("tree"));
    QCOMPARE(apple.data(TenantTreeModel::NodeDataRole).toJsonObject().value(QLatin1String("species")).toString(),
             QStringLiteral("apple-tree"));
    tree->expand(apple);
    QTRY_COMPARE(model->rowCount(apple), 1);
    QCOMPARE(model->index(0, 0, apple).data().toString(), QStringLiteral("first (ripe)"));

    tree->setCurrentIndex(apple);
    QCOMPARE(window.currentPage()->objectName(), QStringLiteral("orchardPage"));
    QCOMPARE(qobject_cast<QLabel *>(window.currentPage())->text(), QStringLiteral("Orchard page of apple-tree"));

    // Add Tenant with two families offers the choice; About and the welcome text name the family.
    QVERIFY(ServiceFamilies::namesForPeople().contains(QStringLiteral("Orchard")));
    window.tenantCommands()->addAction()->trigger();
    auto *chooser = window.findChild<QDialog *>(QStringLiteral("chooseFamilyDialog"));
    if (ServiceFamilies::all().size() > 1) {
        QVERIFY(chooser);
        chooser->reject();
    } else {
        QCOMPARE(static_cast<const OrchardUi *>(FamilyUis::find(QStringLiteral("orchard")))->wizards, 1);
    }
}

QTEST_MAIN(tst_FamilySeam)
#include "tst_familyseam.moc"
