#include "jamfdemodata.h"
#include "jamflistmodel.h"
#include "jamfsandbox.h"
#include "jamfservice.h"
#include "jamftestenv.h"
#include "loopbackhttpserver.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QTest>

// The roles and clients tables of a Jamf tenant, page by page against the sandbox, under
// QAbstractItemModelTester (which pulls every page, as a scrolling view would).
class tst_JamfListModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tablesHoldEveryRowPageByPage_data();
    void tablesHoldEveryRowPageByPage();
    void rolesShowTheirPrivilegeCount();
};

void tst_JamfListModel::tablesHoldEveryRowPageByPage_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("path");
    QTest::newRow("roles") << int(JamfListModel::Kind::Roles) << QStringLiteral("/api/v1/api-roles");
    QTest::newRow("clients") << int(JamfListModel::Kind::Clients) << QStringLiteral("/api/v1/api-integrations");
}

void tst_JamfListModel::tablesHoldEveryRowPageByPage()
{
    QFETCH(int, kind);
    QFETCH(QString, path);
    JamfSandbox sandbox;
    QVERIFY(sandbox.start());
    sandbox.seedDemoData();
    const int expected = kind == int(JamfListModel::Kind::Roles) ? sandbox.service().roleCount() : sandbox.service().clientCount();
    QVERIFY(expected > 10);
    QStringList pagesAsked;
    connect(sandbox.server(), &LoopbackHttpServer::requestReceived, this, [&pagesAsked, path](const HttpServerRequest &request) {
        if (request.path == path)
            pagesAsked << request.query.queryItemValue(QStringLiteral("page"));
    });

    JamfTestSession session(sandbox.baseUrl(), JamfSettings::Mode::ApiClient, JamfDemoData::DemoClientId,
                            JamfDemoData::DemoClientSecret);
    JamfListModel model(session.client, JamfListModel::Kind(kind));
    model.setPageSize(10);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QTRY_VERIFY_WITH_TIMEOUT(model.isComplete(), 15000);

    QCOMPARE(model.rowCount(), expected);
    QCOMPARE(model.total(), qint64(expected));
    QCOMPARE(pagesAsked.size(), (expected + 9) / 10); // one request per page, none twice
    QCOMPARE(pagesAsked.first(), QStringLiteral("0"));
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("Name"));
    // Sorted by display name, as asked.
    for (int row = 1; row < model.rowCount(); ++row)
        QVERIFY(model.index(row - 1, 0).data().toString().compare(model.index(row, 0).data().toString(), Qt::CaseInsensitive) <= 0);
}

void tst_JamfListModel::rolesShowTheirPrivilegeCount()
{
    JamfSandbox sandbox;
    QVERIFY(sandbox.start());
    sandbox.seedDemoData();
    JamfTestSession session(sandbox.baseUrl(), JamfSettings::Mode::ApiClient, JamfDemoData::DemoClientId,
                            JamfDemoData::DemoClientSecret);
    JamfListModel model(session.client, JamfListModel::Kind::Roles);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QTRY_VERIFY_WITH_TIMEOUT(model.isComplete(), 15000);
    QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("Privileges"));
    for (int row = 0; row < model.rowCount(); ++row) {
        const int privileges = int(model.rowObject(row).value(QLatin1String("privileges")).toArray().size());
        QCOMPARE(model.index(row, 1).data().toString(), QString::number(privileges));
    }
}

QTEST_MAIN(tst_JamfListModel)
#include "tst_jamflistmodel.moc"
