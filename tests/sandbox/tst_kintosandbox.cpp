// The Kinto sandbox's core HTTP API as a client sees it (the plugins: tst_kintoplugins.cpp).
#include "kintosandboxtest.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <memory>

class TestKintoSandbox : public KintoSandboxTest
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void serverInfoShowsUserOnlyWhenAuthenticated_data();
    void serverInfoShowsUserOnlyWhenAuthenticated();
    void heartbeatsAnswer();
    void createBucketCollectionAndRecords();
    void getWithMatchingIfNoneMatchIs304();
    void paginationFollowsNextPage();
    void sortedPagesFollowWrites();
    void headCountsButGetDoesNot();
    void paginateBySettingCapsPages();
    void filtersAndSorting_data();
    void filtersAndSorting();
    void preconditionsFailWith412_data();
    void preconditionsFailWith412();
    void permissionErrorsDistinguish401403404_data();
    void permissionErrorsDistinguish401403404();
    void pluralListsOnlyReadableObjects();
    void permissionsEndpointListsAccessibleObjects();
    void patchContentTypes_data();
    void patchContentTypes();
    void deleteLeavesTombstonesVisibleWithSince();
    void schemaValidationErrors_data();
    void schemaValidationErrors();
    void validRecordGetsSchemaVersion();
    void batchKeepsGoingAfterFailingSubrequest();
    void batchOverLimitIsRejected();
    void failNextAnswers503WithRetryAfter();
    void backoffHeaderOnSuccess();
    void dropNextClosesConnection();
    void latencyDelaysAnswers();
};

void TestKintoSandbox::init()
{
    QVERIFY(startSandbox());
}

void TestKintoSandbox::cleanup()
{
    stopSandbox();
}

// ---- server info

void TestKintoSandbox::serverInfoShowsUserOnlyWhenAuthenticated_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("expectedUserId");
    QTest::newRow("anonymous") << QString() << QString();
    QTest::newRow("alice") << QStringLiteral("alice") << QStringLiteral("account:alice");
    QTest::newRow("wrong password stays anonymous") << QStringLiteral("alice:nope") << QString();
}

void TestKintoSandbox::serverInfoShowsUserOnlyWhenAuthenticated()
{
    QFETCH(QString, user);
    QFETCH(QString, expectedUserId);
    const Exchange ex = call("GET", QStringLiteral("/"), QJsonValue::Undefined, user);
    QCOMPARE(ex.status, 200);
    QCOMPARE(ex.json.value(QStringLiteral("project_name")).toString(), QStringLiteral("kinto"));
    QCOMPARE(ex.json.value(QStringLiteral("http_api_version")).toString(), QStringLiteral("1.23"));
    const QJsonObject settings = ex.json.value(QStringLiteral("settings")).toObject();
    QCOMPARE(settings.value(QStringLiteral("batch_max_requests")).toInt(), 25);
    QCOMPARE(settings.value(QStringLiteral("readonly")).toBool(true), false);
    const QJsonObject caps = ex.json.value(QStringLiteral("capabilities")).toObject();
    for (const char *name : {"history", "accounts", "attachments", "permissions_endpoint"})
        QVERIFY2(caps.contains(QLatin1String(name)), name);
    const QJsonObject attachments = caps.value(QStringLiteral("attachments")).toObject();
    QVERIFY(!attachments.value(QStringLiteral("version")).toString().isEmpty());
    QCOMPARE(attachments.value(QStringLiteral("base_url")).toString(),
             m_sandbox->baseUrl().toString().chopped(2) + QStringLiteral("attachments/"));
    QCOMPARE(ex.json.contains(QStringLiteral("user")), !expectedUserId.isEmpty());
    if (!expectedUserId.isEmpty()) {
        const QJsonObject u = ex.json.value(QStringLiteral("user")).toObject();
        QCOMPARE(u.value(QStringLiteral("id")).toString(), expectedUserId);
        const QJsonArray principals = u.value(QStringLiteral("principals")).toArray();
        QVERIFY(principals.contains(QStringLiteral("system.Authenticated")));
        QVERIFY(principals.contains(QStringLiteral("system.Everyone")));
    }
}

void TestKintoSandbox::heartbeatsAnswer()
{
    QCOMPARE(call("GET", QStringLiteral("/__heartbeat__")).status, 200);
    QCOMPARE(call("GET", QStringLiteral("/__lbheartbeat__")).status, 200);
    const Exchange unknown = call("GET", QStringLiteral("/nothing/here"), QJsonValue::Undefined, QStringLiteral("alice"));
    QCOMPARE(unknown.status, 404);
    QCOMPARE(unknown.json.value(QStringLiteral("errno")).toInt(), 111);
    QCOMPARE(unknown.json.value(QStringLiteral("error")).toString(), QStringLiteral("Not Found"));
}

// ---- objects

void TestKintoSandbox::createBucketCollectionAndRecords()
{
    const Exchange created = call("PUT", QStringLiteral("/buckets/b1"), obj(R"({"data": {"title": "B1"}})"),
                                  QStringLiteral("alice"));
    QCOMPARE(created.status, 201);
    QCOMPARE(created.data().value(QStringLiteral("id")).toString(), QStringLiteral("b1"));
    const qint64 ts = created.data().value(QStringLiteral("last_modified")).toInteger();
    QVERIFY(ts > 0);
    QCOMPARE(created.header("ETag"), '"' + QByteArray::number(ts) + '"');
    QVERIFY(created.header("Last-Modified").endsWith(" GMT"));
    QVERIFY(created.json.value(QStringLiteral("permissions")).toObject().value(QStringLiteral("write")).toArray()
                .contains(QStringLiteral("account:alice")));

    const Exchange replaced = call("PUT", QStringLiteral("/buckets/b1"), obj(R"({"data": {"title": "B1 again"}})"),
                                   QStringLiteral("alice"));
    QCOMPARE(replaced.status, 200);
    QVERIFY(replaced.data().value(QStringLiteral("last_modified")).toInteger() > ts);

    const Exchange collection = call("POST", QStringLiteral("/buckets/b1/collections"), obj(R"({"data": {"id": "c1"}})"),
                                     QStringLiteral("alice"));
    QCOMPARE(collection.status, 201);
    const Exchange again = call("POST", QStringLiteral("/buckets/b1/collections"), obj(R"({"data": {"id": "c1"}})"),
                                QStringLiteral("alice"));
    QCOMPARE(again.status, 200); // an existing id is returned, not replaced

    qint64 previous = 0;
    for (int i = 0; i < 3; ++i) {
        const Exchange record = call("POST", QStringLiteral("/buckets/b1/collections/c1/records"),
                                     QJsonObject{{QStringLiteral("data"), QJsonObject{{QStringLiteral("n"), i}}}},
                                     QStringLiteral("alice"));
        QCOMPARE(record.status, 201);
        const QString id = record.data().value(QStringLiteral("id")).toString();
        QVERIFY2(!QUuid::fromString(id).isNull(), qPrintable(id));
        QCOMPARE(QUuid::fromString(id).version(), QUuid::Random);
        const qint64 lm = record.data().value(QStringLiteral("last_modified")).toInteger();
        QVERIFY(lm > previous);
        previous = lm;
    }
    const Exchange list = call("GET", QStringLiteral("/buckets/b1/collections/c1/records"), QJsonValue::Undefined,
                               QStringLiteral("alice"));
    QCOMPARE(list.status, 200);
    QCOMPARE(list.list().size(), 3);
    QCOMPARE(list.list().first().toObject().value(QStringLiteral("n")).toInt(), 2); // -last_modified
    QCOMPARE(list.header("ETag"), '"' + QByteArray::number(previous) + '"');

    const Exchange badId = call("PUT", QStringLiteral("/buckets/b1/collections/c1/records/a%20b"), obj(R"({"data": {}})"),
                                QStringLiteral("alice"));
    QCOMPARE(badId.status, 400);
    QCOMPARE(badId.json.value(QStringLiteral("errno")).toInt(), 107);

    const Exchange mismatch = call("PUT", QStringLiteral("/buckets/b1/collections/c1/records/r1"),
                                   obj(R"({"data": {"id": "other"}})"), QStringLiteral("alice"));
    QCOMPARE(mismatch.status, 400);
    QCOMPARE(mismatch.json.value(QStringLiteral("message")).toString(),
             QStringLiteral("Object id does not match existing object"));
}

void TestKintoSandbox::getWithMatchingIfNoneMatchIs304()
{
    put(QStringLiteral("/buckets/b"), {});
    const Exchange bucket = call("GET", QStringLiteral("/buckets/b"), QJsonValue::Undefined, QStringLiteral("alice"));
    QCOMPARE(bucket.status, 200);
    const Exchange cached = call("GET", QStringLiteral("/buckets/b"), QJsonValue::Undefined, QStringLiteral("alice"),
                                 {{"If-None-Match", bucket.header("ETag")}});
    QCOMPARE(cached.status, 304);
    QVERIFY(cached.body.isEmpty());
    const Exchange stale = call("GET", QStringLiteral("/buckets/b"), QJsonValue::Undefined, QStringLiteral("alice"),
                                {{"If-None-Match", "\"1\""}});
    QCOMPARE(stale.status, 200);
}

// ---- listing

void TestKintoSandbox::paginationFollowsNextPage()
{
    put(QStringLiteral("/buckets/b"), {});
    put(QStringLiteral("/buckets/b/collections/c"), {});
    for (int i = 0; i < 25; ++i)
        put(QStringLiteral("/buckets/b/collections/c/records/r%1").arg(i), QJsonObject{{QStringLiteral("n"), i}});

    QStringList seen;
    QString next = QStringLiteral("/buckets/b/collections/c/records?_limit=10&_sort=n");
    int pages = 0;
    while (!next.isEmpty()) {
        const Exchange page = call("GET", next, QJsonValue::Undefined, QStringLiteral("alice"));
        QCOMPARE(page.status, 200);
        seen += ids(page.list());
        next = QString::fromUtf8(page.header("Next-Page"));
        if (!next.isEmpty()) {
            QVERIFY2(next.startsWith(m_sandbox->baseUrl().toString()), qPrintable(next)); // absolute
            QVERIFY(next.contains(QLatin1String("_token=")));
        }
        QVERIFY(++pages <= 3);
    }
    QCOMPARE(pages, 3);
    QCOMPARE(seen.size(), 25);
    QCOMPARE(seen.first(), QStringLiteral("r0"));
    QCOMPARE(seen.last(), QStringLiteral("r24"));
    QCOMPARE(QSet<QString>(seen.begin(), seen.end()).size(), 25);
}

// A listing in another order than last_modified keeps a sorted copy between pages: writes made
// while paging must show in the pages after them, in their new place.
void TestKintoSandbox::sortedPagesFollowWrites()
{
    put(QStringLiteral("/buckets/b"), {});
    put(QStringLiteral("/buckets/b/collections/c"), {});
    for (int i = 0; i < 10; ++i)
        put(QStringLiteral("/buckets/b/collections/c/records/r%1").arg(i), QJsonObject{{QStringLiteral("n"), i}});
    const Exchange first = call("GET", QStringLiteral("/buckets/b/collections/c/records?_limit=4&_sort=n"),
                                QJsonValue::Undefined, QStringLiteral("alice"));
    QCOMPARE(ids(first.list()).join(QLatin1Char(' ')), QStringLiteral("r0 r1 r2 r3"));

    put(QStringLiteral("/buckets/b/collections/c/records/r1"), QJsonObject{{QStringLiteral("n"), 100}}); // moves to the end
    put(QStringLiteral("/buckets/b/collections/c/records/r10"), QJsonObject{{QStringLiteral("n"), -1}}); // before the page: not shown
    put(QStringLiteral("/buckets/b/collections/c/records/r11"), QJsonObject{{QStringLiteral("n"), 5.5}});
    QStringList seen;
    QString next = QString::fromUtf8(first.header("Next-Page"));
    while (!next.isEmpty()) {
        const Exchange page = call("GET", next, QJsonValue::Undefined, QStringLiteral("alice"));
        QCOMPARE(page.status, 200);
        seen += ids(page.list());
        next = QString::fromUtf8(page.header("Next-Page"));
        QVERIFY(seen.size() <= 12);
    }
    QCOMPARE(seen.join(QLatin1Char(' ')), QStringLiteral("r4 r5 r11 r6 r7 r8 r9 r1"));
}

void TestKintoSandbox::headCountsButGetDoesNot()
{
    put(QStringLiteral("/buckets/b"), {});
    put(QStringLiteral("/buckets/b/collections/c"), {});
    for (int i = 0; i < 7; ++i)
        put(QStringLiteral("/buckets/b/collections/c/records/r%1").arg(i), QJsonObject{{QStringLiteral("odd"), i % 2 == 1}});
    const Exchange head = call("HEAD", QStringLiteral("/buckets/b/collections/c/records"), QJsonValue::Undefined,
                               QStringLiteral("alice"));
    QCOMPARE(head.status, 200);
    QCOMPARE(head.header("Total-Objects"), QByteArray("7"));
    QCOMPARE(head.header("Total-Records"), QByteArray("7"));
    QVERIFY(!head.header("ETag").isEmpty());
    const Exchange filtered = call("HEAD", QStringLiteral("/buckets/b/collections/c/records?odd=true"),
                                   QJsonValue::Undefined, QStringLiteral("alice"));
    QCOMPARE(filtered.header("Total-Objects"), QByteArray("3"));
    QCOMPARE(filtered.header("ETag"), head.header("ETag")); // filters don't change the list timestamp
    const Exchange get = call("GET", QStringLiteral("/buckets/b/collections/c/records"), QJsonValue::Undefined,
                              QStringLiteral("alice"));
    QVERIFY(!get.headers.contains("total-objects"));
    QVERIFY(!get.headers.contains("total-records"));
}

void TestKintoSandbox::paginateBySettingCapsPages()
{
    m_sandbox->setPaginateBy(4);
    put(QStringLiteral("/buckets/b"), {});
    put(QStringLiteral("/buckets/b/collections/c"), {});
    for (int i = 0; i < 6; ++i)
        put(QStringLiteral("/buckets/b/collections/c/records/r%1").arg(i), {});
    const Exchange page = call("GET", QStringLiteral("/buckets/b/collections/c/records?_limit=100"),
                               QJsonValue::Undefined, QStringLiteral("alice"));
    QCOMPARE(page.list().size(), 4);
    QVERIFY(page.header("Next-Page").contains("_limit=4"));
}

void TestKintoSandbox::filtersAndSorting_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("expected");
    const auto l = [](std::initializer_list<const char *> items) {
        QStringList out;
        for (const char *i : items)
            out << QString::fromLatin1(i);
        return out;
    };
    QTest::newRow("equality on a number") << QStringLiteral("n=2") << l({"b"});
    QTest::newRow("equality on a string") << QStringLiteral("name=delta") << l({"d"});
    QTest::newRow("min and max") << QStringLiteral("min_n=2&max_n=3&_sort=n") << l({"b", "c"});
    QTest::newRow("lt and gt") << QStringLiteral("gt_n=1&lt_n=4&_sort=-n") << l({"c", "b"});
    QTest::newRow("not") << QStringLiteral("not_name=alpha&_sort=name") << l({"b", "d", "c"});
    QTest::newRow("in") << QStringLiteral("in_n=1,4&_sort=n") << l({"a", "d"});
    QTest::newRow("exclude") << QStringLiteral("exclude_name=alpha,beta&_sort=n") << l({"c", "d"});
    QTest::newRow("like with wildcard") << QStringLiteral("like_name=*TA&_sort=n") << l({"b", "d"});
    QTest::newRow("like without wildcard contains") << QStringLiteral("like_name=lph") << l({"a"});
    QTest::newRow("has true") << QStringLiteral("has_extra=true") << l({"c"});
    QTest::newRow("has false") << QStringLiteral("has_extra=false&_sort=n") << l({"a", "b", "d"});
    QTest::newRow("contains all") << QStringLiteral("contains_tags=x,y") << QStringList();
    QTest::newRow("contains json list") << QStringLiteral("contains_tags=[\"x\",\"y\"]") << l({"a"});
    QTest::newRow("contains_any") << QStringLiteral("contains_any_tags=[\"y\",\"z\"]&_sort=n") << l({"a", "b"});
    QTest::newRow("dotted field") << QStringLiteral("owner.age=30") << l({"b"});
    // Like PostgreSQL, a missing field sorts after every value (so first when descending).
    QTest::newRow("sort by dotted field desc") << QStringLiteral("_sort=-owner.age") << l({"d", "c", "b", "a"});
    QTest::newRow("multi-field sort") << QStringLiteral("_sort=group,-n") << l({"b", "a", "d", "c"});
    QTest::newRow("fields projection keeps ids") << QStringLiteral("_fields=name&n=1") << l({"a"});
    QTest::newRow("default sort newest first") << QString() << l({"d", "c", "b", "a"});
}

void TestKintoSandbox::filtersAndSorting()
{
    QFETCH(QString, query);
    QFETCH(QStringList, expected);
    put(QStringLiteral("/buckets/b"), {});
    put(QStringLiteral("/buckets/b/collections/c"), {});
    put(QStringLiteral("/buckets/b/collections/c/records/a"),
        obj(R"({"n": 1, "name": "alpha", "group": 1, "tags": ["x", "y"], "owner": {"age": 20}})"));
    put(QStringLiteral("/buckets/b/collections/c/records/b"),
        obj(R"({"n": 2, "name": "beta", "group": 1, "tags": ["z"], "owner": {"age": 30}})"));
    put(QStringLiteral("/buckets/b/collections/c/records/c"),
        obj(R"({"n": 3, "name": "gamma", "group": 2, "extra": null, "owner": {"age": 40}})"));
    put(QStringLiteral("/buckets/b/collections/c/records/d"), obj(R"({"n": 4, "name": "delta", "group": 2})"));
    const Exchange ex = call("GET", QStringLiteral("/buckets/b/collections/c/records?") + query, QJsonValue::Undefined,
                             QStringLiteral("alice"));
    QCOMPARE(ex.status, 200);
    QCOMPARE(ids(ex.list()), expected);
    if (query.startsWith(QLatin1String("_fields"))) {
        const QJsonObject first = ex.list().first().toObject();
        QCOMPARE(first.keys(), (QStringList{QStringLiteral("id"), QStringLiteral("last_modified"), QStringLiteral("name")}));
    }
}

// ---- concurrency control

void TestKintoSandbox::preconditionsFailWith412_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("value"); // "CURRENT" = the record's ETag
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("withExisting");
    const QString r = QStringLiteral("/buckets/b/collections/c/records/r");
    QTest::newRow("stale If-Match on PUT") << QByteArray("PUT") << r << QByteArray("If-Match") << QByteArray("\"1\"") << 412 << true;
    QTest::newRow("stale If-Match on DELETE") << QByteArray("DELETE") << r << QByteArray("If-Match") << QByteArray("\"1\"") << 412 << true;
    QTest::newRow("current If-Match on PATCH") << QByteArray("PATCH") << r << QByteArray("If-Match") << QByteArray("CURRENT") << 200 << false;
    QTest::newRow("If-None-Match * on existing") << QByteArray("PUT") << r << QByteArray("If-None-Match") << QByteArray("*") << 412 << true;
    QTest::newRow("If-None-Match * on new id creates") << QByteArray("PUT") << QStringLiteral("/buckets/b/collections/c/records/new")
                                                     << QByteArray("If-None-Match") << QByteArray("*") << 201 << false;
    QTest::newRow("If-Match * on unknown id") << QByteArray("PUT") << QStringLiteral("/buckets/b/collections/c/records/nope")
                                            << QByteArray("If-Match") << QByteArray("*") << 412 << false;
    QTest::newRow("stale If-Match on the list") << QByteArray("GET") << QStringLiteral("/buckets/b/collections/c/records")
                                              << QByteArray("If-Match") << QByteArray("\"1\"") << 412 << false;
}

void TestKintoSandbox::preconditionsFailWith412()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, value);
    QFETCH(int, status);
    QFETCH(bool, withExisting);
    put(QStringLiteral("/buckets/b"), {});
    put(QStringLiteral("/buckets/b/collections/c"), {});
    const QJsonObject record = m_sandbox->service().writeObject(QStringLiteral("/buckets/b/collections/c/records/r"),
                                                                obj(R"({"title": "v1"})"),
                                                                KintoAcl{{QStringLiteral("write"), {QStringLiteral("account:alice")}}});
    if (value == "CURRENT")
        value = '"' + QByteArray::number(record.value(QStringLiteral("last_modified")).toInteger()) + '"';
    const QJsonValue body = method == "GET" || method == "DELETE" ? QJsonValue(QJsonValue::Undefined)
                                                                   : QJsonValue(obj(R"({"data": {"title": "v2"}})"));
    const Exchange ex = call(method, path, body, QStringLiteral("alice"), {{header, value}});
    QCOMPARE(ex.status, status);
    if (status == 412) {
        QCOMPARE(ex.json.value(QStringLiteral("errno")).toInt(), 114);
        QCOMPARE(ex.json.value(QStringLiteral("error")).toString(), QStringLiteral("Precondition Failed"));
        QCOMPARE(ex.json.value(QStringLiteral("message")).toString(), QStringLiteral("Resource was modified meanwhile"));
        const QJsonObject existing = ex.json.value(QStringLiteral("details")).toObject().value(QStringLiteral("existing")).toObject();
        QCOMPARE(existing.value(QStringLiteral("title")).toString(), withExisting ? QStringLiteral("v1") : QString());
        // Nothing was written.
        QCOMPARE(m_sandbox->service().object(QStringLiteral("/buckets/b/collections/c/records/r"))->value(QStringLiteral("title")).toString(),
                 QStringLiteral("v1"));
    }
}

// ---- permissions

void TestKintoSandbox::permissionErrorsDistinguish401403404_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("errnum");
    QTest::newRow("anonymous reads a private bucket") << QString() << QByteArray("GET") << QStringLiteral("/buckets/private") << 401 << 104;
    QTest::newRow("bad password reads a private bucket") << QStringLiteral("alice:wrong") << QByteArray("GET") << QStringLiteral("/buckets/private") << 401 << 104;
    QTest::newRow("stranger reads a private bucket") << QStringLiteral("bob") << QByteArray("GET") << QStringLiteral("/buckets/private") << 403 << 121;
    QTest::newRow("stranger writes a private record") << QStringLiteral("bob") << QByteArray("DELETE") << QStringLiteral("/buckets/private/collections/c/records/r") << 403 << 121;
    QTest::newRow("owner reads a missing record") << QStringLiteral("alice") << QByteArray("GET") << QStringLiteral("/buckets/private/collections/c/records/missing") << 404 << 110;
    QTest::newRow("owner deletes a missing record") << QStringLiteral("alice") << QByteArray("DELETE") << QStringLiteral("/buckets/private/collections/c/records/missing") << 404 << 110;
    QTest::newRow("stranger reads a missing record") << QStringLiteral("bob") << QByteArray("GET") << QStringLiteral("/buckets/private/collections/c/records/missing") << 403 << 121;
    QTest::newRow("owner writes under a missing bucket") << QStringLiteral("alice") << QByteArray("PUT") << QStringLiteral("/buckets/missing/collections/x") << 404 << 111;
    QTest::newRow("anonymous lists buckets") << QString() << QByteArray("GET") << QStringLiteral("/buckets") << 401 << 104;
    QTest::newRow("authenticated lists buckets") << QStringLiteral("bob") << QByteArray("GET") << QStringLiteral("/buckets") << 200 << 0;
    QTest::newRow("authenticated creates a bucket") << QStringLiteral("bob") << QByteArray("PUT") << QStringLiteral("/buckets/bobs") << 201 << 0;
    QTest::newRow("anonymous creates a bucket") << QString() << QByteArray("PUT") << QStringLiteral("/buckets/anon") << 401 << 104;
    QTest::newRow("group member writes") << QStringLiteral("bob") << QByteArray("PUT") << QStringLiteral("/buckets/private/collections/shared/records/x") << 201 << 0;
    QTest::newRow("wrong method") << QStringLiteral("alice") << QByteArray("POST") << QStringLiteral("/buckets/private") << 405 << 115;
}

void TestKintoSandbox::permissionErrorsDistinguish401403404()
{
    QFETCH(QString, user);
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(int, status);
    QFETCH(int, errnum);
    put(QStringLiteral("/buckets/private"), {});
    put(QStringLiteral("/buckets/private/collections/c"), {});
    put(QStringLiteral("/buckets/private/collections/c/records/r"), {});
    // Bob may write "shared" through a group.
    put(QStringLiteral("/buckets/private/groups/helpers"), obj(R"({"members": ["account:bob"]})"));
    m_sandbox->service().writeObject(QStringLiteral("/buckets/private/collections/shared"), {},
                                     KintoAcl{{QStringLiteral("write"), {QStringLiteral("/buckets/private/groups/helpers")}}});
    const QJsonValue body = method == "PUT" ? QJsonValue(obj(R"({"data": {}})")) : QJsonValue(QJsonValue::Undefined);
    const Exchange ex = call(method, path, body, user);
    QCOMPARE(ex.status, status);
    if (errnum) {
        QCOMPARE(ex.json.value(QStringLiteral("code")).toInt(), status);
        QCOMPARE(ex.json.value(QStringLiteral("errno")).toInt(), errnum);
        static const QHash<int, QString> titles{{401, QStringLiteral("Unauthorized")}, {403, QStringLiteral("Forbidden")},
                                                {404, QStringLiteral("Not Found")}, {405, QStringLiteral("Method Not Allowed")}};
        QCOMPARE(ex.json.value(QStringLiteral("error")).toString(), titles.value(status));
    }
}

void TestKintoSandbox::pluralListsOnlyReadableObjects()
{
    QCOMPARE(call("PUT", QStringLiteral("/buckets/alices"), obj("{}"), QStringLiteral("alice")).status, 201);
    QCOMPARE(call("PUT", QStringLiteral("/buckets/bobs"), obj("{}"), QStringLiteral("bob")).status, 201);
    QCOMPARE(call("PUT", QStringLiteral("/buckets/open"), obj(R"({"permissions": {"read": ["system.Everyone"]}})"),
                  QStringLiteral("alice")).status, 201);
    QCOMPARE(ids(call("GET", QStringLiteral("/buckets?_sort=id"), QJsonValue::Undefined, QStringLiteral("bob")).list()),
             (QStringList{QStringLiteral("bobs"), QStringLiteral("open")}));
    QCOMPARE(ids(call("GET", QStringLiteral("/buckets?_sort=id"), QJsonValue::Undefined, QStringLiteral("alice")).list()),
             (QStringList{QStringLiteral("alices"), QStringLiteral("open")}));
    QCOMPARE(ids(call("GET", QStringLiteral("/buckets")).list()), QStringList{QStringLiteral("open")});
    // A reader of "open" who is not a writer does not see its permissions.
    const Exchange asBob = call("GET", QStringLiteral("/buckets/open"), QJsonValue::Undefined, QStringLiteral("bob"));
    QCOMPARE(asBob.status, 200);
    QVERIFY(asBob.json.value(QStringLiteral("permissions")).toObject().isEmpty());
}

void TestKintoSandbox::permissionsEndpointListsAccessibleObjects()
{
    QCOMPARE(call("PUT", QStringLiteral("/buckets/alices"), obj("{}"), QStringLiteral("alice")).status, 201);
    QCOMPARE(call("PUT", QStringLiteral("/buckets/alices/collections/c"), obj("{}"), QStringLiteral("alice")).status, 201);
    QCOMPARE(call("PUT", QStringLiteral("/buckets/bobs"), obj("{}"), QStringLiteral("bob")).status, 201);
    const Exchange ex = call("GET", QStringLiteral("/permissions?resource_name=bucket"), QJsonValue::Undefined,
                             QStringLiteral("alice"));
    QCOMPARE(ex.status, 200);
    QCOMPARE(ex.list().size(), 1);
    const QJsonObject entry = ex.list().first().toObject();
    QCOMPARE(entry.value(QStringLiteral("uri")).toString(), QStringLiteral("/buckets/alices"));
    QCOMPARE(entry.value(QStringLiteral("bucket_id")).toString(), QStringLiteral("alices"));
    const QJsonArray perms = entry.value(QStringLiteral("permissions")).toArray();
    for (const char *p : {"read", "write", "collection:create", "group:create"})
        QVERIFY2(perms.contains(QLatin1String(p)), p);
    const Exchange all = call("GET", QStringLiteral("/permissions"), QJsonValue::Undefined, QStringLiteral("alice"));
    QCOMPARE(all.list().size(), 3); // her account, her bucket, her collection
}

// ---- PATCH

void TestKintoSandbox::patchContentTypes_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("expectedData"); // compared field by field, id/last_modified aside
    QTest::addColumn<QStringList>("expectedReaders");
    QTest::newRow("json: shallow merge, null kept")
        << QByteArray("application/json") << QByteArray(R"({"data": {"a": null, "nested": {"y": 2}}})")
        << QByteArray(R"({"a": null, "b": 2, "nested": {"y": 2}})") << QStringList();
    QTest::newRow("merge-patch: null removes, objects merge")
        << QByteArray("application/merge-patch+json")
        << QByteArray(R"({"data": {"a": null, "nested": {"y": 2}}, "permissions": {"read": ["system.Everyone"]}})")
        << QByteArray(R"({"b": 2, "nested": {"x": 1, "y": 2}})") << QStringList{QStringLiteral("system.Everyone")};
    QTest::newRow("json-patch: data and permission ops")
        << QByteArray("application/json-patch+json")
        << QByteArray(R"([{"op": "add", "path": "/data/c", "value": 3}, {"op": "remove", "path": "/data/a"},
                          {"op": "replace", "path": "/data/nested/x", "value": 9},
                          {"op": "add", "path": "/permissions/read/account:bob"}])")
        << QByteArray(R"({"b": 2, "c": 3, "nested": {"x": 9}})") << QStringList{QStringLiteral("account:bob")};
}

void TestKintoSandbox::patchContentTypes()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, expectedData);
    QFETCH(QStringList, expectedReaders);
    put(QStringLiteral("/buckets/b"), {});
    put(QStringLiteral("/buckets/b/collections/c"), {});
    put(QStringLiteral("/buckets/b/collections/c/records/r"), obj(R"({"a": 1, "b": 2, "nested": {"x": 1}})"));
    QNetworkRequest req = request(QStringLiteral("/buckets/b/collections/c/records/r"), QStringLiteral("alice"));
    req.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    const Exchange ex = finish(m_client->nam().sendCustomRequest(req, "PATCH", body));
    QCOMPARE(ex.status, 200);
    QJsonObject data = ex.data();
    QCOMPARE(data.value(QStringLiteral("id")).toString(), QStringLiteral("r"));
    data.remove(QStringLiteral("id"));
    data.remove(QStringLiteral("last_modified"));
    QCOMPARE(data, obj(expectedData.constData()));
    const QJsonObject perms = ex.json.value(QStringLiteral("permissions")).toObject();
    QVERIFY(perms.value(QStringLiteral("write")).toArray().contains(QStringLiteral("account:alice")));
    QStringList readers;
    for (const QJsonValue &v : perms.value(QStringLiteral("read")).toArray())
        readers << v.toString();
    QCOMPARE(readers, expectedReaders);
}

// ---- deletion

void TestKintoSandbox::deleteLeavesTombstonesVisibleWithSince()
{
    put(QStringLiteral("/buckets/b"), {});
    put(QStringLiteral("/buckets/b/collections/c"), {});
    for (const char *id : {"r1", "r2", "r3"})
        put(QStringLiteral("/buckets/b/collections/c/records/") + QLatin1String(id), {});
    const Exchange before = call("GET", QStringLiteral("/buckets/b/collections/c/records"), QJsonValue::Undefined,
                                 QStringLiteral("alice"));
    const QByteArray etag = before.header("ETag");

    const Exchange deleted = call("DELETE", QStringLiteral("/buckets/b/collections/c/records/r1"), QJsonValue::Undefined,
                                  QStringLiteral("alice"));
    QCOMPARE(deleted.status, 200);
    QCOMPARE(deleted.data().value(QStringLiteral("id")).toString(), QStringLiteral("r1"));
    QCOMPARE(deleted.data().value(QStringLiteral("deleted")).toBool(), true);
    QVERIFY(deleted.data().value(QStringLiteral("last_modified")).toInteger() > 0);
    QCOMPARE(call("GET", QStringLiteral("/buckets/b/collections/c/records/r1"), QJsonValue::Undefined,
                  QStringLiteral("alice")).status, 404);

    const Exchange plural = call("DELETE", QStringLiteral("/buckets/b/collections/c/records?id=r2"),
                                 QJsonValue::Undefined, QStringLiteral("alice"));
    QCOMPARE(plural.status, 200);
    QCOMPARE(ids(plural.list()), QStringList{QStringLiteral("r2")});

    const Exchange live = call("GET", QStringLiteral("/buckets/b/collections/c/records"), QJsonValue::Undefined,
                               QStringLiteral("alice"));
    QCOMPARE(ids(live.list()), QStringList{QStringLiteral("r3")});
    const Exchange changes = call("GET", QStringLiteral("/buckets/b/collections/c/records?_since=") + QString::fromLatin1(etag),
                                  QJsonValue::Undefined, QStringLiteral("alice"));
    QCOMPARE(ids(changes.list()), (QStringList{QStringLiteral("r2"), QStringLiteral("r1")}));
    for (const QJsonValue &v : changes.list())
        QCOMPARE(v.toObject().value(QStringLiteral("deleted")).toBool(), true);
}

// ---- schema validation

void TestKintoSandbox::schemaValidationErrors_data()
{
    QTest::addColumn<QByteArray>("record");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("message");
    QTest::newRow("missing required")
        << QByteArray(R"({"price": 3})") << QStringLiteral("title") << QStringLiteral("'title' is a required property");
    QTest::newRow("wrong type")
        << QByteArray(R"({"title": 5})") << QStringLiteral("title") << QStringLiteral("title in body: 5 is not of type 'string'");
    QTest::newRow("enum")
        << QByteArray(R"({"title": "ok", "status": "gone"})") << QStringLiteral("status")
        << QStringLiteral("status in body: 'gone' is not one of ['open', 'closed']");
    QTest::newRow("minimum")
        << QByteArray(R"({"title": "ok", "price": -1})") << QStringLiteral("price")
        << QStringLiteral("price in body: -1 is less than the minimum of 0");
    QTest::newRow("maxLength")
        << QByteArray(R"({"title": "much too long"})") << QStringLiteral("title")
        << QStringLiteral("title in body: 'much too long' is too long");
    QTest::newRow("nested required")
        << QByteArray(R"({"title": "ok", "owner": {}})") << QStringLiteral("owner")
        << QStringLiteral("owner in body: 'email' is a required property");
    QTest::newRow("additional properties")
        << QByteArray(R"({"title": "ok", "color": "red"})") << QStringLiteral("additionalProperties")
        << QStringLiteral("additionalProperties in body: Additional properties are not allowed ('color' was unexpected)");
    QTest::newRow("format not enforced, pattern is")
        << QByteArray(R"({"title": "ok", "owner": {"email": "not-an-email"}, "code": "x1"})") << QStringLiteral("code")
        << QStringLiteral("code in body: 'x1' does not match '^[A-Z]+$'");
}

void TestKintoSandbox::schemaValidationErrors()
{
    QFETCH(QByteArray, record);
    QFETCH(QString, name);
    QFETCH(QString, message);
    put(QStringLiteral("/buckets/b"), {});
    put(QStringLiteral("/buckets/b/collections/c"), obj(R"({"schema": {
        "type": "object", "required": ["title"], "additionalProperties": false,
        "properties": {
            "title": {"type": "string", "maxLength": 10},
            "status": {"type": "string", "enum": ["open", "closed"]},
            "price": {"type": "number", "minimum": 0},
            "code": {"type": "string", "pattern": "^[A-Z]+$"},
            "owner": {"type": "object", "required": ["email"], "properties": {"email": {"type": "string", "format": "email"}}}
        }}})"));
    const QJsonObject data = QJsonDocument::fromJson(record).object();
    const Exchange ex = call("POST", QStringLiteral("/buckets/b/collections/c/records"),
                             QJsonObject{{QStringLiteral("data"), data}}, QStringLiteral("alice"));
    QCOMPARE(ex.status, 400);
    QCOMPARE(ex.json.value(QStringLiteral("code")).toInt(), 400);
    QCOMPARE(ex.json.value(QStringLiteral("errno")).toInt(), 107);
    QCOMPARE(ex.json.value(QStringLiteral("error")).toString(), QStringLiteral("Invalid parameters"));
    QCOMPARE(ex.json.value(QStringLiteral("message")).toString(), message);
    const QJsonObject detail = ex.json.value(QStringLiteral("details")).toArray().first().toObject();
    QCOMPARE(detail.value(QStringLiteral("location")).toString(), QStringLiteral("body"));
    QCOMPARE(detail.value(QStringLiteral("name")).toString(), name);
    QVERIFY(message.endsWith(detail.value(QStringLiteral("description")).toString()));
}

void TestKintoSandbox::validRecordGetsSchemaVersion()
{
    put(QStringLiteral("/buckets/b"), {});
    const QJsonObject collection = m_sandbox->service().writeObject(
        QStringLiteral("/buckets/b/collections/c"), obj(R"({"schema": {"type": "object", "required": ["title"]}})"),
        KintoAcl{{QStringLiteral("write"), {QStringLiteral("account:alice")}}});
    const Exchange ex = call("PUT", QStringLiteral("/buckets/b/collections/c/records/r"),
                             obj(R"({"data": {"title": "fine"}})"), QStringLiteral("alice"));
    QCOMPARE(ex.status, 201);
    QCOMPARE(ex.data().value(QStringLiteral("schema")).toInteger(),
             collection.value(QStringLiteral("last_modified")).toInteger());
    const Exchange badSchema = call("PUT", QStringLiteral("/buckets/b/collections/broken"),
                                    obj(R"({"data": {"schema": {"type": "nonsense"}}})"), QStringLiteral("alice"));
    QCOMPARE(badSchema.status, 400);
    QCOMPARE(badSchema.json.value(QStringLiteral("details")).toArray().first().toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("data.schema"));
}

// ---- batch

void TestKintoSandbox::batchKeepsGoingAfterFailingSubrequest()
{
    const QJsonObject body = obj(R"({
        "defaults": {"method": "PUT", "body": {"data": {"from": "defaults"}}},
        "requests": [
            {"path": "/buckets/bulk"},
            {"method": "GET", "path": "/buckets/bulk/collections/nope"},
            {"path": "/buckets/bulk/collections/c", "body": {"data": {"title": "C"}}},
            {"path": "/buckets/bulk/collections/c", "headers": {"If-Match": "\"1\""}}
        ]})");
    const Exchange ex = call("POST", QStringLiteral("/batch"), body, QStringLiteral("alice"));
    QCOMPARE(ex.status, 200);
    const QJsonArray responses = ex.json.value(QStringLiteral("responses")).toArray();
    QCOMPARE(responses.size(), 4);
    QList<int> statuses;
    for (const QJsonValue &r : responses)
        statuses << r.toObject().value(QStringLiteral("status")).toInt();
    QCOMPARE(statuses, (QList<int>{201, 404, 201, 412}));
    const QJsonObject third = responses.at(2).toObject();
    QCOMPARE(third.value(QStringLiteral("path")).toString(), QStringLiteral("/v1/buckets/bulk/collections/c"));
    QCOMPARE(third.value(QStringLiteral("body")).toObject().value(QStringLiteral("data")).toObject()
                 .value(QStringLiteral("title")).toString(), QStringLiteral("C"));
    QVERIFY(third.value(QStringLiteral("headers")).toObject().contains(QStringLiteral("ETag")));
    QCOMPARE(responses.at(1).toObject().value(QStringLiteral("body")).toObject().value(QStringLiteral("errno")).toInt(), 110);
    // 4xx sub-responses do not roll back the others.
    const auto bucket = m_sandbox->service().object(QStringLiteral("/buckets/bulk"));
    QVERIFY(bucket.has_value());
    QCOMPARE(bucket->value(QStringLiteral("from")).toString(), QStringLiteral("defaults"));
    QVERIFY(m_sandbox->service().object(QStringLiteral("/buckets/bulk/collections/c")).has_value());
}

void TestKintoSandbox::batchOverLimitIsRejected()
{
    QJsonArray requests;
    for (int i = 0; i < 26; ++i)
        requests.append(QJsonObject{{QStringLiteral("path"), QStringLiteral("/buckets/b%1").arg(i)},
                                    {QStringLiteral("method"), QStringLiteral("PUT")}});
    const Exchange ex = call("POST", QStringLiteral("/batch"), QJsonObject{{QStringLiteral("requests"), requests}},
                             QStringLiteral("alice"));
    QCOMPARE(ex.status, 400);
    QCOMPARE(ex.json.value(QStringLiteral("errno")).toInt(), 107);
    QCOMPARE(ex.json.value(QStringLiteral("message")).toString(),
             QStringLiteral("Number of requests is limited to 25")); // the name is in the description
    QVERIFY(!m_sandbox->service().object(QStringLiteral("/buckets/b0")).has_value());
}

// ---- faults

void TestKintoSandbox::failNextAnswers503WithRetryAfter()
{
    m_sandbox->failNext(2, 503, 7);
    for (int i = 0; i < 2; ++i) {
        const Exchange ex = call("GET", QStringLiteral("/"));
        QCOMPARE(ex.status, 503);
        QCOMPARE(ex.header("Retry-After"), QByteArray("7"));
        QCOMPARE(ex.json.value(QStringLiteral("errno")).toInt(), 201);
        QCOMPARE(ex.json.value(QStringLiteral("error")).toString(), QStringLiteral("Service Unavailable"));
    }
    QCOMPARE(call("GET", QStringLiteral("/")).status, 200);
}

void TestKintoSandbox::backoffHeaderOnSuccess()
{
    m_sandbox->setBackoff(30);
    QCOMPARE(call("GET", QStringLiteral("/")).header("Backoff"), QByteArray("30"));
    QVERIFY(call("GET", QStringLiteral("/buckets/nope")).header("Backoff").isEmpty()); // a 401
    m_sandbox->setBackoff(0);
    QVERIFY(call("GET", QStringLiteral("/")).header("Backoff").isEmpty());
}

void TestKintoSandbox::dropNextClosesConnection()
{
    // A raw socket: QNetworkAccessManager would silently resend the request on a new connection.
    m_sandbox->dropNext(1);
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_sandbox->port());
    QVERIFY(socket.waitForConnected(5000));
    socket.write("GET /v1/ HTTP/1.1\r\nHost: localhost\r\n\r\n");
    QSignalSpy closed(&socket, &QTcpSocket::disconnected);
    QVERIFY(closed.wait(5000));
    QVERIFY(socket.readAll().isEmpty());
    QCOMPARE(call("GET", QStringLiteral("/")).status, 200);
}

void TestKintoSandbox::latencyDelaysAnswers()
{
    m_sandbox->setLatency(300);
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(call("GET", QStringLiteral("/__lbheartbeat__")).status, 200);
    QVERIFY2(timer.elapsed() >= 290, qPrintable(QString::number(timer.elapsed())));
}

QTEST_GUILESS_MAIN(TestKintoSandbox)
#include "tst_kintosandbox.moc"
