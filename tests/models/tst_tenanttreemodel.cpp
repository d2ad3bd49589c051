#include "net/job.h"
#include "tenants/tenantregistry.h"
#include "tenanttreemodel.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

Q_DECLARE_METATYPE(TenantTreeModel::State)

namespace {

Tenant makeTenant(const QString &name, ServiceKind service = ServiceKind::Kinto,
                  const QString &url = QStringLiteral("https://kinto.example.com/v1"))
{
    Tenant t;
    t.displayName = name;
    t.service = service;
    t.baseUrl = QUrl(url);
    return t;
}

QStringList names(const QAbstractItemModel &model)
{
    QStringList result;
    for (int row = 0; row < model.rowCount(); ++row)
        result << model.index(row, 0).data().toString();
    return result;
}

} // namespace

class TestTenantTreeModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void showsTheRegistrysTenants();
    void addedTenantAppearsAtItsPlace();
    void changedTenantIsUpdated();
    void renameMovesTheRow();
    void removedTenantDisappears();
    void tenantsHaveNoChildrenYet();
    void setTenantState_data();
    void setTenantState();
    void sameStateTwiceSignalsOnce();
    void unknownTenantStateIsIgnored();
    void stateMarksTheIcon();

private:
    QString add(const Tenant &tenant);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TenantRegistry> m_registry;
};

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
    const QString jamf = add(makeTenant(QStringLiteral("Jamf school"), ServiceKind::JamfPro,
                                        QStringLiteral("https://school.jamfcloud.com")));
    const QString kinto = add(makeTenant(QStringLiteral("Kinto staging")));
    TenantTreeModel model(m_registry.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);

    QCOMPARE(names(model), (QStringList{QStringLiteral("Jamf school"), QStringLiteral("Kinto staging")}));
    const QModelIndex first = model.index(0, 0);
    QCOMPARE(first.data(TenantTreeModel::TenantIdRole).toString(), jamf);
    QCOMPARE(first.data(TenantTreeModel::ServiceKindRole).toInt(), int(ServiceKind::JamfPro));
    QCOMPARE(first.data(TenantTreeModel::NodeKindRole).toInt(), int(TenantTreeModel::NodeKind::Tenant));
    QCOMPARE(first.data(TenantTreeModel::BaseUrlRole).toUrl(), QUrl(QStringLiteral("https://school.jamfcloud.com")));
    QCOMPARE(first.data(TenantTreeModel::StateRole).toInt(), int(TenantTreeModel::State::Unknown));
    QVERIFY(first.data(Qt::ToolTipRole).toString().contains(QStringLiteral("https://school.jamfcloud.com")));
    QVERIFY(first.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Jamf Pro")));
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

    const QString alpha = add(makeTenant(QStringLiteral("Alpha"), ServiceKind::Kandji,
                                         QStringLiteral("https://acme.api.kandji.io")));
    const QString gamma = add(makeTenant(QStringLiteral("Gamma"), ServiceKind::Rest,
                                         QStringLiteral("https://api.example.org")));

    QCOMPARE(inserted.count(), 2);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0); // Alpha sorts before Beta
    QCOMPARE(inserted.at(1).at(1).toInt(), 2);
    QCOMPARE(names(model), (QStringList{QStringLiteral("Alpha"), QStringLiteral("Beta"), QStringLiteral("Gamma")}));
    QCOMPARE(model.indexForTenant(alpha).data(TenantTreeModel::ServiceKindRole).toInt(),
             int(ServiceKind::Kandji));
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

void TestTenantTreeModel::tenantsHaveNoChildrenYet()
{
    add(makeTenant(QStringLiteral("Alpha")));
    TenantTreeModel model(m_registry.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);

    const QModelIndex tenant = model.index(0, 0);
    QVERIFY(model.hasChildren());
    QVERIFY(!model.hasChildren(tenant));
    QVERIFY(!model.canFetchMore(tenant));
    QCOMPARE(model.rowCount(tenant), 0);
    QVERIFY(!model.index(0, 0, tenant).isValid());
    QVERIFY(!model.parent(tenant).isValid());
    QCOMPARE(model.columnCount(), 1);
    QVERIFY(!model.index(1, 0).isValid());
    QVERIFY(!model.index(0, 1).isValid());

    TenantTreeModel empty(nullptr);
    QCOMPARE(empty.rowCount(), 0);
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
