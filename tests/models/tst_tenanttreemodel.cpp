#include "auth/authstrategy.h"
#include "kintoclient.h"
#include "kintofamily.h"
#include "net/httpclient.h"
#include "kintosandbox.h"
#include "kintoservice.h"
#include "net/job.h"
#include "tenants/tenantregistry.h"
#include "tenanttreemodel.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

Q_DECLARE_METATYPE(TenantTreeModel::State)

namespace {

Tenant makeTenant(const QString &name, const QString &family = KintoFamily::Id,
                  const QString &url = QStringLiteral("https://kinto.example.com/v1"))
{
    Tenant t;
    t.displayName = name;
    t.family = family;
    t.baseUrl = QUrl(url);
    return t;
}

QStringList names(const QAbstractItemModel &model, const QModelIndex &parent = {}, int role = Qt::DisplayRole)
{
    QStringList result;
    for (int row = 0; row < model.rowCount(parent); ++row)
        result << model.index(row, 0, parent).data(role).toString();
    return result;
}

QString kindOf(const QModelIndex &index)
{
    return index.data(TenantTreeModel::NodeKindRole).toString();
}

QJsonValue dataOf(const QModelIndex &index, const char *key)
{
    return index.data(TenantTreeModel::NodeDataRole).toJsonObject().value(QLatin1String(key));
}

} // namespace

class TestTenantTreeModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void showsTheRegistrysTenants();
    void addedTenantAppearsAtItsPlace();
    void changedTenantIsUpdated();
    void renameMovesTheRow();
    void removedTenantDisappears();
    void tenantsWithoutSessionHaveNoRows();
    void unknownFamilyIsShownNotDropped();
    void tenantListsItsBuckets();
    void bucketListsCollectionsWithCounts();
    void bucketListsGroupsWithMembers();
    void failedFetchShowsAnErrorRow_data();
    void failedFetchShowsAnErrorRow();
    void refreshKeepsRowsAndFollowsTheServer();
    void clearingTheSessionRemovesTheChildren();
    void setTenantState_data();
    void setTenantState();
    void sameStateTwiceSignalsOnce();
    void unknownTenantStateIsIgnored();
    void stateMarksTheIcon();

private:
    QString add(const Tenant &tenant);
    // A model with one Kinto tenant browsing the demo sandbox as `user`.
    struct Browse;
    std::unique_ptr<Browse> browse(const QString &user = QStringLiteral("admin"));
    static bool fetchAndWait(TenantTreeModel &model, const QModelIndex &index);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TenantRegistry> m_registry;
};

void TestTenantTreeModel::initTestCase()
{
    ServiceFamilies::add(std::make_unique<KintoFamily>());
}

void TestTenantTreeModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_registry = std::make_unique<TenantRegistry>(m_dir->filePath(QStringLiteral("tenants.ini")));
}

void TestTenantTreeModel::cleanup()
{
    m_registry.reset();
    m_dir.reset();
}

QString TestTenantTreeModel::add(const Tenant &tenant)
{
    QString error;
    const QString id = m_registry->add(tenant, &error);
    if (id.isEmpty())
        qWarning("add failed: %s", qPrintable(error));
    return id;
}

void TestTenantTreeModel::showsTheRegistrysTenants()
{
    const QString jamf = add(makeTenant(QStringLiteral("Jamf school"), QStringLiteral("jamf"),
                                        QStringLiteral("https://school.jamfcloud.com")));
    const QString kinto = add(makeTenant(QStringLiteral("Kinto staging")));
    TenantTreeModel model(m_registry.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);

    QCOMPARE(names(model), (QStringList{QStringLiteral("Jamf school"), QStringLiteral("Kinto staging")}));
    const QModelIndex first = model.index(0, 0);
    QCOMPARE(first.data(TenantTreeModel::TenantIdRole).toString(), jamf);
    QCOMPARE(first.data(TenantTreeModel::FamilyRole).toString(), QStringLiteral("jamf"));
    QCOMPARE(first.data(TenantTreeModel::NodeKindRole).toString(), TenantTreeModel::TenantKind);
    QCOMPARE(first.data(TenantTreeModel::BaseUrlRole).toUrl(), QUrl(QStringLiteral("https://school.jamfcloud.com")));
    QCOMPARE(model.index(1, 0).data(TenantTreeModel::StateRole).toInt(), int(TenantTreeModel::State::Unknown));
    QVERIFY(first.data(Qt::ToolTipRole).toString().contains(QStringLiteral("https://school.jamfcloud.com")));
    QVERIFY(model.index(1, 0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("Kinto")));
    QVERIFY(!first.data(Qt::DecorationRole).value<QIcon>().isNull());
    QCOMPARE(model.indexForTenant(kinto), model.index(1, 0));
    QVERIFY(!model.indexForTenant(QStringLiteral("no-such-id")).isValid());
}

void TestTenantTreeModel::addedTenantAppearsAtItsPlace()
{
    add(makeTenant(QStringLiteral("Beta")));
    TenantTreeModel model(m_registry.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

    const QString alpha = add(makeTenant(QStringLiteral("Alpha"), QStringLiteral("kandji"),
                                         QStringLiteral("https://acme.api.kandji.io")));
    const QString gamma = add(makeTenant(QStringLiteral("Gamma"), QStringLiteral("rest"),
                                         QStringLiteral("https://api.example.org")));

    QCOMPARE(inserted.count(), 2);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0); // Alpha sorts before Beta
    QCOMPARE(inserted.at(1).at(1).toInt(), 2);
    QCOMPARE(names(model), (QStringList{QStringLiteral("Alpha"), QStringLiteral("Beta"), QStringLiteral("Gamma")}));
    QCOMPARE(model.indexForTenant(alpha).data(TenantTreeModel::FamilyRole).toString(), QStringLiteral("kandji"));
    QCOMPARE(model.indexForTenant(gamma).row(), 2);
}

void TestTenantTreeModel::changedTenantIsUpdated()
{
    const QString id = add(makeTenant(QStringLiteral("Kinto")));
    TenantTreeModel model(m_registry.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    Tenant t = *m_registry->tenant(id);
    t.baseUrl = QUrl(QStringLiteral("https://kinto.other.example/v1"));
    QVERIFY(m_registry->update(t));

    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex(), model.index(0, 0));
    QCOMPARE(model.index(0, 0).data(TenantTreeModel::BaseUrlRole).toUrl(), t.baseUrl);
    QVERIFY(model.index(0, 0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("kinto.other.example")));
}

void TestTenantTreeModel::renameMovesTheRow()
{
    const QString alpha = add(makeTenant(QStringLiteral("Alpha")));
    add(makeTenant(QStringLiteral("Beta")));
    add(makeTenant(QStringLiteral("Gamma")));
    TenantTreeModel model(m_registry.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
    model.setTenantState(alpha, TenantTreeModel::State::Ok);

    Tenant t = *m_registry->tenant(alpha);
    t.displayName = QStringLiteral("Zulu");
    QVERIFY(m_registry->update(t));

    QCOMPARE(moved.count(), 1);
    QCOMPARE(names(model), (QStringList{QStringLiteral("Beta"), QStringLiteral("Gamma"), QStringLiteral("Zulu")}));
    QCOMPARE(model.indexForTenant(alpha).row(), 2);
    QCOMPARE(model.tenantState(alpha), TenantTreeModel::State::Ok); // the state moves with the row

    t.displayName = QStringLiteral("Aardvark");
    QVERIFY(m_registry->update(t));
    QCOMPARE(names(model), (QStringList{QStringLiteral("Aardvark"), QStringLiteral("Beta"), QStringLiteral("Gamma")}));
}

void TestTenantTreeModel::removedTenantDisappears()
{
    add(makeTenant(QStringLiteral("Alpha")));
    const QString beta = add(makeTenant(QStringLiteral("Beta")));
    TenantTreeModel model(m_registry.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

    Job *job = m_registry->remove(beta, nullptr);
    QVERIFY(TestSupport::waitFor(job));
    std::unique_ptr<Job> owner(job);
    QVERIFY2(!job->hasError(), qPrintable(job->error().toString()));

    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.at(0).at(1).toInt(), 1);
    QCOMPARE(names(model), QStringList{QStringLiteral("Alpha")});
    QVERIFY(!model.setTenantState(beta, TenantTreeModel::State::Ok));
}

struct TestTenantTreeModel::Browse
{
    std::unique_ptr<KintoSandbox> sandbox = std::make_unique<KintoSandbox>();
    QNetworkAccessManager nam;
    std::unique_ptr<HttpClient> http;
    std::unique_ptr<KintoSession> session;
    KintoClient *client = nullptr;
    std::unique_ptr<TenantTreeModel> model;
    std::unique_ptr<QAbstractItemModelTester> tester;
    QString tenantId;
    QModelIndex tenant() const { return model->indexForTenant(tenantId); }
};

std::unique_ptr<TestTenantTreeModel::Browse> TestTenantTreeModel::browse(const QString &user)
{
    auto b = std::make_unique<Browse>();
    if (!b->sandbox->start())
        return {};
    b->sandbox->seedDemoData();
    Tenant tenant = makeTenant(QStringLiteral("Sandbox"), KintoFamily::Id, b->sandbox->baseUrl().toString());
    b->tenantId = add(tenant);
    b->http = std::make_unique<HttpClient>(&b->nam);
    b->http->setBaseUrl(b->sandbox->baseUrl());
    b->http->setAuth(new BasicAuth(user, user));
    RetryPolicy once;
    once.maxRetries = 0; // a failure shows at once
    b->http->setRetryPolicy(once);
    b->session = std::make_unique<KintoSession>(tenant, b->http.get(), nullptr);
    b->client = b->session->client();
    b->model = std::make_unique<TenantTreeModel>(m_registry.get());
    // The tester fetches as a view would: it walks every node it can fetch.
    b->tester = std::make_unique<QAbstractItemModelTester>(b->model.get(),
                                                           QAbstractItemModelTester::FailureReportingMode::Fatal);
    b->tester->setUseFetchMore(true);
    if (!b->model->setSession(b->tenantId, b->session.get()))
        return {};
    return b;
}

bool TestTenantTreeModel::fetchAndWait(TenantTreeModel &model, const QModelIndex &index)
{
    QSignalSpy fetched(&model, &TenantTreeModel::fetched);
    const QPersistentModelIndex target(index);
    model.fetchMore(index);
    for (int i = 0; i < 100; ++i) {
        for (const QList<QVariant> &args : std::as_const(fetched)) {
            if (args.at(0).toModelIndex() == target)
                return true;
        }
        fetched.wait(100);
    }
    return false;
}

void TestTenantTreeModel::tenantsWithoutSessionHaveNoRows()
{
    const QString alpha = add(makeTenant(QStringLiteral("Alpha")));
    TenantTreeModel model(m_registry.get());
    QSignalSpy connectRequested(&model, &TenantTreeModel::connectRequested);

    const QModelIndex kinto = model.index(0, 0);
    QVERIFY2(model.hasChildren(kinto), "a tenant can be expanded before it is connected");
    QCOMPARE(model.rowCount(kinto), 0);
    QVERIFY(!model.index(0, 0, kinto).isValid());
    QVERIFY(!model.parent(kinto).isValid());
    QCOMPARE(model.columnCount(), 1);
    QVERIFY(!model.index(1, 0).isValid());
    QVERIFY(!model.index(0, 1).isValid());

    // Expanding it asks whoever connects to connect it, once; the rows come with the session.
    QVERIFY(model.canFetchMore(kinto));
    model.fetchMore(kinto);
    QCOMPARE(connectRequested.count(), 1);
    QCOMPARE(connectRequested.at(0).at(0).toString(), alpha);
    QVERIFY(!model.canFetchMore(kinto));
    model.fetchMore(kinto);
    QCOMPARE(connectRequested.count(), 1);
    QCOMPARE(model.rowCount(kinto), 0);
    QVERIFY(model.hasChildren(kinto));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QCOMPARE(connectRequested.count(), 1);

    QVERIFY(!model.setSession(QStringLiteral("no-such-id"), nullptr));
    TenantTreeModel empty(nullptr);
    QCOMPARE(empty.rowCount(), 0);
}

void TestTenantTreeModel::unknownFamilyIsShownNotDropped()
{
    add(makeTenant(QStringLiteral("Future"), QStringLiteral("quantum-crm"), QStringLiteral("https://crm.example.com")));
    TenantTreeModel model(m_registry.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy connectRequested(&model, &TenantTreeModel::connectRequested);

    const QModelIndex future = model.index(0, 0);
    QCOMPARE(future.data().toString(), QStringLiteral("Future"));
    QCOMPARE(future.data(TenantTreeModel::StateRole).toInt(), int(TenantTreeModel::State::Unsupported));
    QVERIFY2(future.data(Qt::ToolTipRole).toString().contains(QStringLiteral("does not support \"quantum-crm\"")),
             qPrintable(future.data(Qt::ToolTipRole).toString()));
    QVERIFY(!future.data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(!model.hasChildren(future));
    QVERIFY(!model.canFetchMore(future));
    QCOMPARE(connectRequested.count(), 0);
}

void TestTenantTreeModel::tenantListsItsBuckets()
{
    const auto b = browse();
    QVERIFY(b);
    TenantTreeModel &model = *b->model;
    int bucketListings = 0;
    connect(b->sandbox.get(), &KintoSandbox::requestServed, this,
            [&bucketListings](const QByteArray &method, const QString &path) {
                if (method == "GET" && path.endsWith(QLatin1String("/buckets")))
                    ++bucketListings;
            });

    // The tester, like a view, asked for the tenant's children as soon as it had a client.
    const QModelIndex tenant = b->tenant();
    QVERIFY(model.hasChildren(tenant));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QVERIFY2(!model.canFetchMore(tenant), "one request in flight at a time");
    QVERIFY(tenant.data(TenantTreeModel::LoadingRole).toBool());
    model.fetchMore(tenant); // ignored while in flight
    QTRY_COMPARE(model.rowCount(tenant), 3);

    QList<QList<QVariant>> underTenant;
    for (const QList<QVariant> &args : std::as_const(inserted)) {
        if (args.at(0).toModelIndex() == tenant)
            underTenant << args;
    }
    QCOMPARE(underTenant.count(), 1); // one range for the whole list
    QCOMPARE(underTenant.at(0).at(1).toInt(), 0);
    QCOMPARE(underTenant.at(0).at(2).toInt(), 2);
    QCOMPARE(bucketListings, 1);
    QCOMPARE(names(model, tenant), (QStringList{QStringLiteral("main"), QStringLiteral("public"), QStringLiteral("staging")}));
    const QModelIndex main = model.index(0, 0, tenant);
    QCOMPARE(kindOf(main), QStringLiteral("bucket"));
    QCOMPARE(dataOf(main, "bucket").toString(), QStringLiteral("main"));
    QCOMPARE(main.data(TenantTreeModel::TenantIdRole).toString(), b->tenantId);
    QCOMPARE(dataOf(main, "object").toObject().value(QLatin1String("title")).toString(), QStringLiteral("Main inventory"));
    QVERIFY(main.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Main inventory")));
    QCOMPARE(model.parent(main), tenant);
    QVERIFY(!model.canFetchMore(tenant));
    QVERIFY(!tenant.data(TenantTreeModel::LoadingRole).toBool());
    QCOMPARE(model.findNode(b->tenantId, {QStringLiteral("staging")}), model.index(2, 0, tenant));

    // A bucket holds its two lists, each fetched on its own.
    QCOMPARE(model.rowCount(main), 2);
    QCOMPARE(kindOf(model.index(0, 0, main)), QStringLiteral("collections"));
    QCOMPARE(kindOf(model.index(1, 0, main)), QStringLiteral("groups"));
    QVERIFY(model.hasChildren(model.index(0, 0, main)));
    QTRY_COMPARE(model.rowCount(model.index(0, 0, main)), 3); // fetched by the tester, as a view would
}

void TestTenantTreeModel::bucketListsCollectionsWithCounts()
{
    const auto b = browse();
    QVERIFY(b);
    TenantTreeModel &model = *b->model;
    QVERIFY(fetchAndWait(model, b->tenant()));
    const QModelIndex folder = model.findNode(b->tenantId, {QStringLiteral("main"), QStringLiteral("collections")});
    QVERIFY(folder.isValid());
    QVERIFY(fetchAndWait(model, folder));

    QCOMPARE(names(model, folder, TenantTreeModel::NodeIdRole),
             (QStringList{QStringLiteral("devices"), QStringLiteral("notes"), QStringLiteral("tickets")}));
    QCOMPARE(folder.data().toString(), QStringLiteral("Collections (3)"));
    const QModelIndex devices = model.index(0, 0, folder);
    QCOMPARE(kindOf(devices), QStringLiteral("collection"));
    QCOMPARE(dataOf(devices, "bucket").toString(), QStringLiteral("main"));
    QVERIFY(dataOf(devices, "object").toObject().contains(QLatin1String("schema")));
    QVERIFY(!model.hasChildren(devices));
    QVERIFY(!model.canFetchMore(devices));

    // The counts follow the list, one HEAD per collection.
    QTRY_COMPARE(dataOf(devices, "count").toInteger(), qint64(10000));
    QCOMPARE(devices.data().toString(), QStringLiteral("devices (%1)").arg(QLocale().toString(10000)));
    QTRY_VERIFY(dataOf(model.index(2, 0, folder), "count").toInteger() > 0);
    QVERIFY(devices.data(Qt::ToolTipRole).toString().contains(QStringLiteral("JSON schema")));
}

void TestTenantTreeModel::bucketListsGroupsWithMembers()
{
    const auto b = browse();
    QVERIFY(b);
    TenantTreeModel &model = *b->model;
    QVERIFY(fetchAndWait(model, b->tenant()));
    const QModelIndex folder = model.findNode(b->tenantId, {QStringLiteral("main"), QStringLiteral("groups")});
    QVERIFY(fetchAndWait(model, folder));

    QCOMPARE(names(model, folder, TenantTreeModel::NodeIdRole),
             (QStringList{QStringLiteral("auditors"), QStringLiteral("editors")}));
    const QModelIndex editors
        = model.findNode(b->tenantId, {QStringLiteral("main"), QStringLiteral("groups"), QStringLiteral("editors")});
    QCOMPARE(editors, model.index(1, 0, folder));
    QCOMPARE(kindOf(editors), QStringLiteral("group"));
    QCOMPARE(editors.data().toString(), QStringLiteral("editors (1)"));
    QCOMPARE(dataOf(editors, "object").toObject().value(QLatin1String("members")).toArray(),
             QJsonArray{QStringLiteral("account:alice")});
    QVERIFY(editors.data(Qt::ToolTipRole).toString().contains(QStringLiteral("account:alice")));
}

void TestTenantTreeModel::failedFetchShowsAnErrorRow_data()
{
    QTest::addColumn<bool>("serverGone");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("server gone") << true << QStringLiteral("refused");
    QTest::newRow("server error") << false << QStringLiteral("503");
}

void TestTenantTreeModel::failedFetchShowsAnErrorRow()
{
    QFETCH(bool, serverGone);
    QFETCH(QString, messagePart);
    const auto b = browse();
    QVERIFY(b);
    TenantTreeModel &model = *b->model;
    if (serverGone)
        b->sandbox.reset(); // nothing listens there any more
    else
        b->sandbox->failNext(1, 503);

    const QModelIndex tenant = b->tenant();
    QVERIFY(fetchAndWait(model, tenant));
    QCOMPARE(model.rowCount(tenant), 1);
    const QModelIndex error = model.index(0, 0, tenant);
    QCOMPARE(kindOf(error), TenantTreeModel::MessageKind);
    QVERIFY2(error.data(TenantTreeModel::ErrorRole).toString().contains(messagePart, Qt::CaseInsensitive),
             qPrintable(error.data(TenantTreeModel::ErrorRole).toString()));
    QVERIFY(error.data().toString().startsWith(QStringLiteral("Could not load")));
    QVERIFY(error.data(Qt::ToolTipRole).toString().contains(messagePart, Qt::CaseInsensitive));
    QVERIFY(!model.hasChildren(error));
    QVERIFY2(!model.canFetchMore(tenant), "a failure is not retried behind the user's back");
    QVERIFY(!tenant.data(TenantTreeModel::ErrorRole).toString().isEmpty());

    if (!serverGone) {
        // Refresh tries again and the buckets replace the error row.
        model.refresh(error);
        QTRY_COMPARE(model.rowCount(tenant), 3);
        QCOMPARE(kindOf(model.index(0, 0, tenant)), QStringLiteral("bucket"));
        QVERIFY(tenant.data(TenantTreeModel::ErrorRole).toString().isEmpty());
    }
}

void TestTenantTreeModel::refreshKeepsRowsAndFollowsTheServer()
{
    const auto b = browse();
    QVERIFY(b);
    TenantTreeModel &model = *b->model;
    QVERIFY(fetchAndWait(model, b->tenant()));
    const QPersistentModelIndex main = model.findNode(b->tenantId, {QStringLiteral("main")});
    const QPersistentModelIndex folder = model.findNode(b->tenantId, {QStringLiteral("main"), QStringLiteral("collections")});
    QVERIFY(fetchAndWait(model, folder));

    // Behind the model's back: a new bucket, a bucket gone, a collection retitled.
    b->sandbox->service().writeObject(QStringLiteral("/buckets/archive"), QJsonObject{{QStringLiteral("title"), QStringLiteral("Archive")}});
    b->sandbox->service().writeObject(QStringLiteral("/buckets/main/collections/notes"),
                                     QJsonObject{{QStringLiteral("title"), QStringLiteral("Memos")}});
    KintoWrite write;
    Job *removal = b->client->deleteBucket(QStringLiteral("staging"), write);
    QVERIFY(TestSupport::waitFor(removal));
    std::unique_ptr<Job> removalOwner(removal);
    QVERIFY2(!removal->hasError(), qPrintable(removal->error().toString()));

    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    model.refresh(b->tenant());
    QTRY_COMPARE(names(model, b->tenant()),
                 (QStringList{QStringLiteral("archive"), QStringLiteral("main"), QStringLiteral("public")}));
    QCOMPARE(removed.count(), 1);
    QVERIFY2(main.isValid() && folder.isValid(), "rows that still exist keep their index and children");
    QCOMPARE(dataOf(main, "bucket").toString(), QStringLiteral("main"));
    QCOMPARE(model.rowCount(folder), 3);

    const QModelIndex notes
        = model.findNode(b->tenantId, {QStringLiteral("main"), QStringLiteral("collections"), QStringLiteral("notes")});
    QVERIFY(notes.isValid());
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.refresh(notes);
    QTRY_COMPARE(dataOf(notes, "object").toObject().value(QLatin1String("title")).toString(), QStringLiteral("Memos"));
}

void TestTenantTreeModel::clearingTheSessionRemovesTheChildren()
{
    const auto b = browse();
    QVERIFY(b);
    TenantTreeModel &model = *b->model;
    QVERIFY(fetchAndWait(model, b->tenant()));
    QCOMPARE(model.rowCount(b->tenant()), 3);

    // The same session again keeps what was loaded.
    QVERIFY(model.setSession(b->tenantId, b->session.get()));
    QCOMPARE(model.rowCount(b->tenant()), 3);
    QCOMPARE(model.session(b->tenantId), b->session.get());

    QVERIFY(model.setSession(b->tenantId, nullptr));
    QCOMPARE(model.rowCount(b->tenant()), 0);
    QCOMPARE(model.session(b->tenantId), nullptr);

    // A session that goes away (closed with its client) takes the rows with it.
    QVERIFY(model.setSession(b->tenantId, b->session.get()));
    QVERIFY(fetchAndWait(model, b->tenant()));
    QCOMPARE(model.rowCount(b->tenant()), 3);
    b->session.reset();
    QCOMPARE(model.rowCount(b->tenant()), 0);
    QCOMPARE(model.session(b->tenantId), nullptr);
}

void TestTenantTreeModel::setTenantState_data()
{
    QTest::addColumn<TenantTreeModel::State>("state");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("tooltipPart");

    QTest::newRow("connecting") << TenantTreeModel::State::Connecting << QString() << QStringLiteral("Connecting");
    QTest::newRow("connected") << TenantTreeModel::State::Ok << QStringLiteral("Kinto 17.1") << QStringLiteral("Connected: Kinto 17.1");
    QTest::newRow("wrong password")
        << TenantTreeModel::State::AuthFailed << QStringLiteral("HTTP 401 Unauthorized")
        << QStringLiteral("Authentication failed: HTTP 401 Unauthorized");
    QTest::newRow("server unreachable")
        << TenantTreeModel::State::Offline << QStringLiteral("Connection refused")
        << QStringLiteral("Offline: Connection refused");
}

void TestTenantTreeModel::setTenantState()
{
    QFETCH(TenantTreeModel::State, state);
    QFETCH(QString, message);
    QFETCH(QString, tooltipPart);

    const QString id = add(makeTenant(QStringLiteral("Alpha")));
    TenantTreeModel model(m_registry.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    QVERIFY(model.setTenantState(id, state, message));

    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex(), model.index(0, 0));
    QCOMPARE(model.tenantState(id), state);
    QCOMPARE(model.tenantStateMessage(id), message);
    const QModelIndex idx = model.index(0, 0);
    QCOMPARE(idx.data(TenantTreeModel::StateRole).toInt(), int(state));
    QCOMPARE(idx.data(TenantTreeModel::StateMessageRole).toString(), message);
    QVERIFY2(idx.data(Qt::ToolTipRole).toString().contains(tooltipPart),
             qPrintable(idx.data(Qt::ToolTipRole).toString()));
}

void TestTenantTreeModel::sameStateTwiceSignalsOnce()
{
    const QString id = add(makeTenant(QStringLiteral("Alpha")));
    TenantTreeModel model(m_registry.get());
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    QVERIFY(model.setTenantState(id, TenantTreeModel::State::Ok, QStringLiteral("fine")));
    QVERIFY(model.setTenantState(id, TenantTreeModel::State::Ok, QStringLiteral("fine")));
    QCOMPARE(changed.count(), 1);
    QVERIFY(model.setTenantState(id, TenantTreeModel::State::Ok, QStringLiteral("still fine")));
    QCOMPARE(changed.count(), 2);
}

void TestTenantTreeModel::unknownTenantStateIsIgnored()
{
    add(makeTenant(QStringLiteral("Alpha")));
    TenantTreeModel model(m_registry.get());
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    QVERIFY(!model.setTenantState(QStringLiteral("no-such-id"), TenantTreeModel::State::Ok));
    QCOMPARE(changed.count(), 0);
    QCOMPARE(model.tenantState(QStringLiteral("no-such-id")), TenantTreeModel::State::Unknown);
}

void TestTenantTreeModel::stateMarksTheIcon()
{
    const QString id = add(makeTenant(QStringLiteral("Alpha")));
    TenantTreeModel model(m_registry.get());
    const auto markColour = [&model] {
        const QIcon icon = model.index(0, 0).data(Qt::DecorationRole).value<QIcon>();
        return icon.pixmap(64, 64).toImage().pixelColor(47, 47); // the mark's centre
    };

    const QColor unknown = markColour();
    model.setTenantState(id, TenantTreeModel::State::Ok);
    const QColor ok = markColour();
    model.setTenantState(id, TenantTreeModel::State::AuthFailed);
    const QColor failed = markColour();

    QVERIFY2(ok != unknown, "a connected tenant is marked");
    QVERIFY2(ok.green() > ok.red(), "connected is green");
    QVERIFY2(failed.red() > failed.green(), "failed authentication is red");
}

QTEST_MAIN(TestTenantTreeModel)
#include "tst_tenanttreemodel.moc"
