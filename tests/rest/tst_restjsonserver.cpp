#include "restservers.h"
#include "restclient.h"
#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>

using TestSupport::await;

// The CRUD contract suite against a real REST server: json-server 0.17.4 (tests/servers), started on
// a free port with a copy of tests/rest/data/db.json, or the server REST_SERVER_URL names (which
// must hold the same data). Skips, saying why, when json-server is not installed.
class tst_RestJsonServer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();

    void readCollectionAndItem();
    void createThenReadBack();
    void patchMergesPutReplaces();
    void deleteThenNotFound();
    void notFound_data();
    void notFound();
    void pagesFollowLinkHeader();
    void pageSizeParametersToo();
    void filtersAreQueryParameters();
    void probeAnswers();

private:
    ExternalServer m_server;
    QTemporaryDir m_dir;
    QUrl m_url;
    QNetworkAccessManager *m_nam = nullptr;
    HttpClient *m_http = nullptr;
    RestClient *m_client = nullptr;
};

void tst_RestJsonServer::initTestCase()
{
    m_url = QUrl(qEnvironmentVariable("REST_SERVER_URL"));
    if (m_url.isEmpty()) {
        if (!RestServers::startJsonServer(&m_server, m_dir))
            QSKIP(qPrintable(m_server.skipReason()));
        m_url = m_server.url();
    }
    m_nam = new QNetworkAccessManager(this);
}

void tst_RestJsonServer::cleanupTestCase()
{
    m_server.stop();
}

void tst_RestJsonServer::init()
{
    delete m_http;
    m_http = new HttpClient(m_nam, this);
    RestSettings settings;
    settings.baseUrl = m_url;
    settings.retries = 1;
    m_client = new RestClient(m_http, settings, m_http);
}

void tst_RestJsonServer::readCollectionAndItem()
{
    auto outcome = await(m_client->read(QStringLiteral("users")));
    QVERIFY2(!outcome.error, qPrintable(outcome.error.toString()));
    QVERIFY(outcome.result.toArray().size() >= 5);
    outcome = await(m_client->read(QStringLiteral("/users/2")));
    QVERIFY(!outcome.error);
    QCOMPARE(outcome.result[QLatin1String("name")].toString(), QStringLiteral("Alan Turing"));
    outcome = await(m_client->read(QStringLiteral("devices/d-1")));
    QCOMPARE(outcome.result[QLatin1String("serial")].toString(), QStringLiteral("C02X1"));
}

void tst_RestJsonServer::createThenReadBack()
{
    RestJob *job = TestSupport::keep(m_client->create(QStringLiteral("users"),
        RestBody::fromJson(QJsonObject { { QStringLiteral("name"), QStringLiteral("Katherine Johnson") },
            { QStringLiteral("role"), QStringLiteral("staff") } })));
    QVERIFY(TestSupport::waitFor(job));
    QVERIFY2(!job->hasError(), qPrintable(job->error().toString()));
    QCOMPARE(job->status(), 201);
    const QJsonValue id = job->result()[QLatin1String("id")];
    QVERIFY(!id.isUndefined());
    delete job;
    const auto outcome = await(m_client->read(QStringLiteral("users/%1").arg(id.toVariant().toString())));
    QVERIFY(!outcome.error);
    QCOMPARE(outcome.result[QLatin1String("name")].toString(), QStringLiteral("Katherine Johnson"));
}

void tst_RestJsonServer::patchMergesPutReplaces()
{
    auto outcome = await(m_client->update(QStringLiteral("users/4"),
        RestBody::fromJson(QJsonObject { { QStringLiteral("role"), QStringLiteral("admin") } })));
    QVERIFY2(!outcome.error, qPrintable(outcome.error.toString()));
    outcome = await(m_client->read(QStringLiteral("users/4")));
    QCOMPARE(outcome.result[QLatin1String("role")].toString(), QStringLiteral("admin"));
    QCOMPARE(outcome.result[QLatin1String("email")].toString(), QStringLiteral("edsger@example.org")); // kept: a merge

    outcome = await(m_client->update(QStringLiteral("users/4"),
        RestBody::fromJson(QJsonObject { { QStringLiteral("name"), QStringLiteral("E. W. Dijkstra") } }), {}, true));
    QVERIFY(!outcome.error);
    outcome = await(m_client->read(QStringLiteral("users/4")));
    QCOMPARE(outcome.result[QLatin1String("name")].toString(), QStringLiteral("E. W. Dijkstra"));
    QVERIFY(outcome.result[QLatin1String("email")].isUndefined()); // gone: a replacement
}

void tst_RestJsonServer::deleteThenNotFound()
{
    auto outcome = await(m_client->remove(QStringLiteral("users/5")));
    QVERIFY2(!outcome.error, qPrintable(outcome.error.toString()));
    outcome = await(m_client->read(QStringLiteral("users/5")));
    QVERIFY(outcome.error.isNotFound());
}

void tst_RestJsonServer::notFound_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("uri");
    QTest::newRow("GET a missing item") << QByteArray("GET") << "users/999";
    QTest::newRow("PATCH a missing item") << QByteArray("PATCH") << "users/999";
    QTest::newRow("DELETE a missing item") << QByteArray("DELETE") << "users/999";
    QTest::newRow("GET a missing collection") << QByteArray("GET") << "nothing-here";
}

void tst_RestJsonServer::notFound()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, uri);
    const RestBody body = method == "PATCH" ? RestBody::fromJson(QJsonObject { { QStringLiteral("a"), 1 } }) : RestBody();
    const auto outcome = await(m_client->send(method, uri, body, {}, {}));
    QCOMPARE(outcome.error.httpStatus(), 404);
    QVERIFY(outcome.error.isNotFound());
}

void tst_RestJsonServer::pagesFollowLinkHeader()
{
    RestResource users;
    users.path = QStringLiteral("/users");
    users.paging.kind = RestPaging::Kind::LinkHeader;
    users.paging.pageParam = QStringLiteral("_page");
    users.paging.sizeParam = QStringLiteral("_limit");
    users.paging.pageSize = 2;
    QString cursor;
    QStringList names;
    int pages = 0;
    qint64 total = -1;
    do {
        const auto outcome = await(m_client->listPage(users, cursor));
        QVERIFY2(!outcome.error, qPrintable(outcome.error.toString()));
        for (const QJsonValue &item : outcome.result[QLatin1String("items")].toArray())
            names << item[QLatin1String("name")].toString();
        if (pages == 0) {
            total = outcome.result[QLatin1String("total")].toInteger(-1);
            QVERIFY2(cursor.isEmpty() && outcome.result[QLatin1String("next")].toString().contains(QLatin1String("_page=2")),
                qPrintable(outcome.result[QLatin1String("next")].toString()));
        }
        cursor = outcome.result[QLatin1String("next")].toString();
        QVERIFY(++pages < 10);
    } while (!cursor.isEmpty());
    QCOMPARE(names.size(), total); // every user once, across pages of two
    QCOMPARE(pages, int((total + 1) / 2));
    QCOMPARE(names.first(), QStringLiteral("Ada Lovelace"));
}

void tst_RestJsonServer::pageSizeParametersToo()
{
    RestResource users;
    users.path = QStringLiteral("/users");
    users.paging.kind = RestPaging::Kind::PageSize;
    users.paging.pageParam = QStringLiteral("_page");
    users.paging.sizeParam = QStringLiteral("_limit");
    users.paging.pageSize = 2;
    const auto outcome = await(m_client->listPage(users, QStringLiteral("2")));
    QVERIFY(!outcome.error);
    const QJsonArray items = outcome.result[QLatin1String("items")].toArray();
    QCOMPARE(items.size(), 2);
    QCOMPARE(items.first()[QLatin1String("id")].toInt(), 3);
    QCOMPARE(outcome.result[QLatin1String("next")].toString(), QStringLiteral("3"));
}

void tst_RestJsonServer::filtersAreQueryParameters()
{
    RestResource users;
    users.path = QStringLiteral("/users");
    const auto outcome = await(m_client->listPage(users, {}, { { QStringLiteral("role"), QStringLiteral("admin") } }));
    QVERIFY(!outcome.error);
    const QJsonArray items = outcome.result[QLatin1String("items")].toArray();
    QVERIFY(items.size() >= 2);
    for (const QJsonValue &item : items)
        QCOMPARE(item[QLatin1String("role")].toString(), QStringLiteral("admin"));
    const auto byName = await(m_client->read(QStringLiteral("users"), { { QStringLiteral("name_like"), QStringLiteral("^Grace") } }));
    QCOMPARE(byName.result.toArray().size(), 1);
}

void tst_RestJsonServer::probeAnswers()
{
    const auto outcome = await(m_client->probe(QStringLiteral("users")));
    QVERIFY2(!outcome.error, qPrintable(outcome.error.toString()));
    QCOMPARE(outcome.result[QLatin1String("authMethod")].toString(), QStringLiteral("none"));
    QVERIFY(outcome.result[QLatin1String("capabilities")].toArray().contains(QStringLiteral("json")));
}

QTEST_GUILESS_MAIN(tst_RestJsonServer)
#include "tst_restjsonserver.moc"
