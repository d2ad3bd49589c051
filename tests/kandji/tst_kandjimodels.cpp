// The Kandji tables: KandjiListModel on the shared paged model (NextLinkStrategy, pages fetched as a
// view scrolls, `next` kept on the tenant's origin), its typed roles (type, enforcement, Self Service
// badges), KandjiFilterProxy's type and text filters, and the drag-and-drop payload a blueprint's
// items accept. Every model runs under QAbstractItemModelTester.

#include "kandjiclient.h"
#include "kandjifilterproxy.h"
#include "kandjilistmodel.h"
#include "kandjisandbox.h"
#include "kandjiservice.h"
#include "kandjisettings.h"
#include "loopbackhttpserver.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace {

const QStringList frequencies { QStringLiteral("once"), QStringLiteral("every_15_min"), QStringLiteral("every_day"),
                                QStringLiteral("no_enforcement") };

} // namespace

class TestKandjiModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void libraryTableFollowsNextPageByPage();
    void badgesAndFilters();
    void everyListingIsATable_data();
    void everyListingIsATable();
    void nextOffTheTenantOriginStopsTheTable();
    void libraryRowsDropOnABlueprint();

private:
    KandjiService &service() { return m_sandbox->service(); }
    void completely(KandjiListModel &model);

    std::unique_ptr<KandjiSandbox> m_sandbox;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    HttpClient *m_http = nullptr;
    KandjiClient *m_client = nullptr;
};

void TestKandjiModels::init()
{
    m_sandbox = std::make_unique<KandjiSandbox>();
    QVERIFY(m_sandbox->start());
    m_nam = std::make_unique<QNetworkAccessManager>();
    const auto settings = KandjiSettings::make(m_sandbox->baseUrl().toString(), m_sandbox->token(), true);
    QVERIFY(settings);
    m_http = KandjiClient::makeHttpClient(m_nam.get(), *settings);
    m_client = KandjiClient::forSession(m_http);
}

void TestKandjiModels::cleanup()
{
    delete m_http;
    m_http = nullptr;
    m_client = nullptr;
    m_nam.reset();
    m_sandbox.reset();
}

// Asks for pages as a scrolling view would, until the last one is in.
void TestKandjiModels::completely(KandjiListModel &model)
{
    for (int guard = 0; guard < 100 && !model.isComplete(); ++guard) {
        // The page in flight (the first one is asked from the event loop) is in, or failed.
        QTRY_VERIFY_WITH_TIMEOUT(model.isComplete() || model.canFetchMore({}) || model.lastError().isError(), 10000);
        QVERIFY2(!model.lastError().isError(), qPrintable(model.lastError().toString()));
        if (model.canFetchMore({}))
            model.fetchMore({});
    }
    QVERIFY(model.isComplete());
}

void TestKandjiModels::libraryTableFollowsNextPageByPage()
{
    service().setPageSize(5);
    for (int i = 0; i < 13; ++i)
        service().addScript({ { QStringLiteral("name"), QStringLiteral("Script %1").arg(i, 2, 10, QLatin1Char('0')) },
                              { QStringLiteral("execution_frequency"), frequencies.at(i % 4) } });
    QStringList pages;
    connect(m_sandbox->server(), &LoopbackHttpServer::requestReceived, this, [&pages](const HttpServerRequest &request) {
        pages << QString::fromUtf8(request.target);
    });

    KandjiListModel model(m_client, KandjiListModel::Kind::Scripts);
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 5, 10000);
    QCOMPARE(model.total(), qint64(13));
    QVERIFY(!model.isComplete());
    QTest::qWait(100);
    QCOMPARE(pages.size(), 1); // the next page only when asked
    // The tester asks for more (as a scrolling view would) and checks every insert.
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    completely(model);
    QCOMPARE(model.rowCount(), 13);
    QCOMPARE(pages.size(), 3);
    QVERIFY2(pages.at(1).contains(QLatin1String("page=2")), qPrintable(pages.join(QLatin1Char(' '))));
    QCOMPARE(model.index(12, 0).data().toString(), QStringLiteral("Script 12"));
    QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("Frequency"));
    QCOMPARE(model.index(1, 1).data().toString(), QStringLiteral("every 15 min"));
}

void TestKandjiModels::badgesAndFilters()
{
    const QString category = service().addCategory(QStringLiteral("Utilities")).value(QLatin1String("id")).toString();
    for (int i = 0; i < 8; ++i) {
        const bool selfService = i % 4 == 3 || i == 0; // no_enforcement needs Self Service
        service().addScript({ { QStringLiteral("name"), i < 4 ? QStringLiteral("Install %1").arg(i) : QStringLiteral("Clean %1").arg(i) },
                              { QStringLiteral("execution_frequency"), frequencies.at(i % 4) },
                              { QStringLiteral("show_in_self_service"), selfService },
                              { QStringLiteral("self_service_category_id"), selfService ? category : QString() } });
    }
    KandjiListModel model(m_client, KandjiListModel::Kind::Scripts);
    KandjiFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    completely(model);
    QCOMPARE(proxy.rowCount(), 8);

    // Badges: the enforcement, then Self Service when shown there; only on the name column.
    QCOMPARE(model.index(0, 0).data(KandjiListModel::BadgesRole).toStringList(), (QStringList { QStringLiteral("once"), QStringLiteral("Self Service") }));
    QCOMPARE(model.index(1, 0).data(KandjiListModel::BadgesRole).toStringList(), QStringList { QStringLiteral("every 15 min") });
    QCOMPARE(model.index(3, 0).data(KandjiListModel::EnforcementRole).toString(), QStringLiteral("no_enforcement"));
    QCOMPARE(model.index(3, 0).data(KandjiListModel::SelfServiceRole).toBool(), true);
    QCOMPARE(model.index(1, 0).data(KandjiListModel::SelfServiceRole).toBool(), false);
    QVERIFY(model.index(0, 1).data(KandjiListModel::BadgesRole).isNull());

    // By type: the frequency.
    const auto choices = model.typeChoices();
    QCOMPARE(choices.size(), 4);
    proxy.setTypeFilter(QStringLiteral("no_enforcement"));
    QCOMPARE(proxy.rowCount(), 2);
    QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("Install 3"));
    // And by text, together.
    proxy.setTextFilter(QStringLiteral("  clean "));
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("Clean 7"));
    proxy.setTypeFilter({});
    QCOMPARE(proxy.rowCount(), 4);
    // By id too.
    const QString id = model.index(5, 0).data(KandjiListModel::IdRole).toString();
    proxy.setTextFilter(id.left(13).toUpper());
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, 0).data(KandjiListModel::IdRole).toString(), id);
    proxy.setTextFilter(QStringLiteral("nothing like this"));
    QCOMPARE(proxy.rowCount(), 0);
}

void TestKandjiModels::everyListingIsATable_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("type");  // a type filter value, empty when the kind has none
    QTest::addColumn<int>("ofType");   // rows of that type in the demo data
    QTest::newRow("profiles by platform") << int(KandjiListModel::Kind::Profiles) << QStringLiteral("tvOS") << 1;
    QTest::newRow("apps by install type") << int(KandjiListModel::Kind::Apps) << QStringLiteral("package") << -1;
    QTest::newRow("blueprints by type") << int(KandjiListModel::Kind::Blueprints) << QStringLiteral("map") << 1;
    QTest::newRow("categories (a bare array)") << int(KandjiListModel::Kind::Categories) << QString() << 0;
}

void TestKandjiModels::everyListingIsATable()
{
    QFETCH(int, kind);
    QFETCH(QString, type);
    QFETCH(int, ofType);
    service().setPageSize(7);
    m_sandbox->seedDemoData();
    const QHash<int, int> expected { { int(KandjiListModel::Kind::Profiles), 24 }, { int(KandjiListModel::Kind::Apps), 12 },
                                     { int(KandjiListModel::Kind::Blueprints), 3 }, { int(KandjiListModel::Kind::Categories), 6 } };
    KandjiListModel model(m_client, KandjiListModel::Kind(kind));
    KandjiFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    completely(model);
    QCOMPARE(model.rowCount(), expected.value(kind));
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("Name"));
    QVERIFY(!model.index(0, 0).data().toString().isEmpty());
    QVERIFY(KandjiClient::isValidId(model.index(0, 0).data(KandjiListModel::IdRole).toString()));
    if (type.isEmpty()) {
        QVERIFY(model.typeChoices().isEmpty());
        return;
    }
    const auto choices = model.typeChoices();
    QVERIFY(std::any_of(choices.cbegin(), choices.cend(), [&type](const auto &c) { return c.first == type; }));
    proxy.setTypeFilter(type);
    if (ofType >= 0)
        QCOMPARE(proxy.rowCount(), ofType);
    QVERIFY(proxy.rowCount() > 0 && proxy.rowCount() < model.rowCount());
    for (int row = 0; row < proxy.rowCount(); ++row)
        QVERIFY(proxy.index(row, 0).data(KandjiListModel::TypeRole).toStringList().contains(type));
}

void TestKandjiModels::nextOffTheTenantOriginStopsTheTable()
{
    LoopbackHttpServer tenant;
    LoopbackHttpServer elsewhere;
    QVERIFY(tenant.listen() && elsewhere.listen());
    const QByteArray next = elsewhere.baseUrl().toString().toUtf8() + "/api/v1/library/custom-apps?page=2";
    tenant.setHandler([next](const HttpServerRequest &, HttpResponder *responder) {
        responder->respondJson(200, "{\"count\":2,\"next\":\"" + next + "\",\"previous\":null,"
                                    "\"results\":[{\"id\":\"0e2b5f4c-1d7a-4c38-9e0b-3f1c2a4b5d6e\",\"name\":\"One\"}]}");
    });
    const auto settings = KandjiSettings::make(tenant.baseUrl().toString(), m_sandbox->token(), true);
    QVERIFY(settings);
    std::unique_ptr<HttpClient> http(KandjiClient::makeHttpClient(m_nam.get(), *settings));
    KandjiListModel model(KandjiClient::forSession(http.get()), KandjiListModel::Kind::Apps);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy failed(&model, &PagedListModel::pageFailed);
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, 10000);
    QVERIFY(model.canFetchMore({}));
    model.fetchMore({});
    QVERIFY(failed.wait());
    QCOMPARE(model.lastError().kind(), ApiError::Kind::Parse);
    QVERIFY2(model.lastError().message().contains(QLatin1String("leaves the tenant")), qPrintable(model.lastError().message()));
    QCOMPARE(elsewhere.requestCount(), 0);
    QCOMPARE(model.rowCount(), 1); // the rows already in stay
}

void TestKandjiModels::libraryRowsDropOnABlueprint()
{
    m_sandbox->seedDemoData();
    KandjiListModel apps(m_client, KandjiListModel::Kind::Apps);
    KandjiListModel categories(m_client, KandjiListModel::Kind::Categories);
    completely(apps);
    completely(categories);
    const QString blueprint = service().addBlueprint(QStringLiteral("Empty"), QStringLiteral("classic")).value(QLatin1String("id")).toString();
    KandjiListModel assigned(m_client, KandjiListModel::Kind::BlueprintItems, blueprint);
    QAbstractItemModelTester tester(&assigned, QAbstractItemModelTester::FailureReportingMode::Fatal);
    completely(assigned);
    QCOMPARE(assigned.rowCount(), 0);

    // Library rows drag (copy); other tables do not.
    QVERIFY(apps.flags(apps.index(0, 0)) & Qt::ItemIsDragEnabled);
    QVERIFY(!(categories.flags(categories.index(0, 0)) & Qt::ItemIsDragEnabled));
    QVERIFY(assigned.flags({}) & Qt::ItemIsDropEnabled);
    QVERIFY(!(apps.flags({}) & Qt::ItemIsDropEnabled));
    std::unique_ptr<QMimeData> payload(apps.mimeData({ apps.index(2, 0), apps.index(2, 1), apps.index(5, 0) }));
    QVERIFY(payload);
    QCOMPARE(KandjiListModel::itemsOf(payload.get()).size(), 2); // one entry per row
    QVERIFY(!categories.mimeData({ categories.index(0, 0) }));

    QSignalSpy dropped(&assigned, &KandjiListModel::itemsDropped);
    QVERIFY(!assigned.canDropMimeData(payload.get(), Qt::MoveAction, -1, -1, {}));
    QVERIFY(!apps.canDropMimeData(payload.get(), Qt::CopyAction, -1, -1, {}));
    QMimeData text;
    text.setText(QStringLiteral("not library items"));
    QVERIFY(!assigned.dropMimeData(&text, Qt::CopyAction, -1, -1, {}));
    QVERIFY(assigned.dropMimeData(payload.get(), Qt::CopyAction, -1, -1, {}));
    QCOMPARE(dropped.size(), 1);
    QCOMPARE(dropped.first().at(0).toStringList(),
             (QStringList { apps.index(2, 0).data(KandjiListModel::IdRole).toString().toLower(),
                            apps.index(5, 0).data(KandjiListModel::IdRole).toString().toLower() }));
    QCOMPARE(assigned.rowCount(), 0); // the view assigns; the model changes nothing itself
}

QTEST_MAIN(TestKandjiModels)
#include "tst_kandjimodels.moc"
