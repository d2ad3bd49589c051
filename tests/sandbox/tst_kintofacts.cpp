// The Kinto sandbox on what a real Kinto 26.3.1 answered (shared/specs/kinto.md §16), what
// browser clients such as Kinto Admin need (CORS), and listing pages read in last_modified order.
#include "kintosandboxtest.h"

#include <QJsonDocument>
#include <QTest>

#include <algorithm>
#include <memory>

class TestKintoFacts : public KintoSandboxTest
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void batchRefusesASubrequestBodyThatIsNotAnObject_data();
    void batchRefusesASubrequestBodyThatIsNotAnObject();
    void missingBucketIsForbidden_data();
    void missingBucketIsForbidden();
    void basicAuthAcceptsUnknownCredentialsAsAnotherUser();
    void basicAuthOffLeavesWrongPasswordsAnonymous();
    void corsPreflightAndExposedHeaders();
    void pagesInLastModifiedOrderSeeEveryRecordOnce_data();
    void pagesInLastModifiedOrderSeeEveryRecordOnce();

};

void TestKintoFacts::init()
{
    QVERIFY(startSandbox());
    m_sandbox->addAccount(QStringLiteral("admin"), QStringLiteral("admin"));
    m_sandbox->setAdminPrincipals({QStringLiteral("account:admin")});
    put(QStringLiteral("/buckets/b"), {});
    put(QStringLiteral("/buckets/b/collections/c"), {});
}

void TestKintoFacts::cleanup()
{
    stopSandbox();
}

// ---- batch

void TestKintoFacts::batchRefusesASubrequestBodyThatIsNotAnObject_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("shown");
    QTest::newRow("JSON patch list") << QByteArray(R"([{"op": "add", "path": "/data/w", "value": 3}])")
                                     << QStringLiteral("[{'op': 'add', 'path': '/data/w', 'value': 3}]");
    QTest::newRow("string") << QByteArray(R"("text")") << QStringLiteral("'text'");
    QTest::newRow("number") << QByteArray("5") << QStringLiteral("5");
}

void TestKintoFacts::batchRefusesASubrequestBodyThatIsNotAnObject()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, shown);
    const QByteArray batch = R"({"requests": [
        {"method": "PUT", "path": "/buckets/b/collections/c/records/first", "body": {"data": {}}},
        {"method": "PATCH", "path": "/buckets/b/collections/c/records/first", "body": )" + body + "}]}";
    const Exchange ex = call("POST", QStringLiteral("/batch"), QJsonDocument::fromJson(batch).object(),
                             QStringLiteral("alice"));
    QCOMPARE(ex.status, 400);
    QCOMPARE(ex.json.value(QStringLiteral("errno")).toInt(), 107);
    const QString message = ex.json.value(QStringLiteral("message")).toString();
    QVERIFY2(message.startsWith(QLatin1String("requests.1.body")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("\"%1\" is not a mapping type").arg(shown)), qPrintable(message));
    const QJsonObject detail = ex.json.value(QStringLiteral("details")).toArray().first().toObject();
    QCOMPARE(detail.value(QStringLiteral("name")).toString(), QStringLiteral("requests.1.body"));
    // Refused as a whole: the valid first request was not applied either.
    QVERIFY(!m_sandbox->service().object(QStringLiteral("/buckets/b/collections/c/records/first")).has_value());
}

// ---- a bucket that does not exist

void TestKintoFacts::missingBucketIsForbidden_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("errnum");
    QTest::newRow("user who may create buckets reads it") << "alice" << QByteArray("GET") << "/buckets/nope" << 403 << 121;
    QTest::newRow("admin reads it") << "admin" << QByteArray("GET") << "/buckets/nope" << 403 << 121;
    QTest::newRow("admin deletes it") << "admin" << QByteArray("DELETE") << "/buckets/nope" << 403 << 121;
    QTest::newRow("user patches it") << "alice" << QByteArray("PATCH") << "/buckets/nope" << 403 << 121;
    QTest::newRow("anonymous reads it") << "" << QByteArray("GET") << "/buckets/nope" << 401 << 104;
    QTest::newRow("existing bucket of another user") << "bob" << QByteArray("GET") << "/buckets/b" << 403 << 121;
    QTest::newRow("missing collection in a readable bucket") << "alice" << QByteArray("GET") << "/buckets/b/collections/nope" << 404 << 110;
}

void TestKintoFacts::missingBucketIsForbidden()
{
    QFETCH(QString, user);
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(int, status);
    QFETCH(int, errnum);
    const QJsonValue body = method == "PATCH" ? QJsonValue(obj(R"({"data": {"x": 1}})")) : QJsonValue(QJsonValue::Undefined);
    const Exchange ex = call(method, path, body, user);
    QCOMPARE(ex.status, status);
    QCOMPARE(ex.json.value(QStringLiteral("errno")).toInt(), errnum);
    if (status == 403)
        QCOMPARE(ex.json.value(QStringLiteral("message")).toString(), QStringLiteral("This user cannot access this resource."));
    if (status == 404) {
        const QJsonObject details = ex.json.value(QStringLiteral("details")).toObject();
        QCOMPARE(details.value(QStringLiteral("id")).toString(), QStringLiteral("nope"));
        QCOMPARE(details.value(QStringLiteral("resource_name")).toString(), QStringLiteral("collection"));
    }
    QVERIFY(!m_sandbox->service().object(QStringLiteral("/buckets/nope")).has_value());
}

// ---- the basicauth policy

void TestKintoFacts::basicAuthAcceptsUnknownCredentialsAsAnotherUser()
{
    m_sandbox->setBasicAuth(true);
    const auto userOf = [this](const QString &credentials) {
        const Exchange hello = call("GET", QStringLiteral("/"), QJsonValue::Undefined, credentials);
        return hello.json.value(QStringLiteral("user")).toObject();
    };
    const Exchange hello = call("GET", QStringLiteral("/"));
    QVERIFY(hello.json.value(QStringLiteral("capabilities")).toObject().contains(QStringLiteral("basicauth")));

    QCOMPARE(userOf(QStringLiteral("alice")).value(QStringLiteral("id")).toString(), QStringLiteral("account:alice"));
    const QJsonObject wrong = userOf(QStringLiteral("alice:wrong"));
    const QString wrongId = wrong.value(QStringLiteral("id")).toString();
    QVERIFY2(wrongId.startsWith(QLatin1String("basicauth:")) && wrongId.size() == 10 + 64, qPrintable(wrongId));
    const QJsonArray principals = wrong.value(QStringLiteral("principals")).toArray();
    QCOMPARE(principals.first().toString(), wrongId);
    QVERIFY(principals.contains(QStringLiteral("system.Authenticated")));
    QVERIFY(principals.contains(QStringLiteral("system.Everyone")));
    QCOMPARE(userOf(QStringLiteral("alice:wrong")).value(QStringLiteral("id")).toString(), wrongId); // stable
    QVERIFY(userOf(QStringLiteral("alice:other")).value(QStringLiteral("id")).toString() != wrongId);
    QVERIFY(userOf(QStringLiteral("stranger:pw")).value(QStringLiteral("id")).toString().startsWith(QLatin1String("basicauth:")));

    // No permissions of its own: alice's bucket is forbidden (not 401), its own bucket is fine.
    QCOMPARE(call("GET", QStringLiteral("/buckets/b"), QJsonValue::Undefined, QStringLiteral("alice:wrong")).status, 403);
    const Exchange created = call("PUT", QStringLiteral("/buckets/mine"), obj("{}"), QStringLiteral("alice:wrong"));
    QCOMPARE(created.status, 201);
    QVERIFY(created.json.value(QStringLiteral("permissions")).toObject().value(QStringLiteral("write")).toArray().contains(wrongId));
}

void TestKintoFacts::basicAuthOffLeavesWrongPasswordsAnonymous()
{
    const Exchange hello = call("GET", QStringLiteral("/"), QJsonValue::Undefined, QStringLiteral("alice:wrong"));
    QVERIFY(!hello.json.value(QStringLiteral("capabilities")).toObject().contains(QStringLiteral("basicauth")));
    QVERIFY(!hello.json.contains(QStringLiteral("user")));
    QCOMPARE(call("PUT", QStringLiteral("/buckets/mine"), obj("{}"), QStringLiteral("alice:wrong")).status, 401);
}

// ---- CORS, as Kinto Admin in a browser needs it

void TestKintoFacts::corsPreflightAndExposedHeaders()
{
    const QByteArray origin = "http://admin.example:3000";
    const Exchange preflight = call("OPTIONS", QStringLiteral("/buckets/b/collections/c/records"), QJsonValue::Undefined, {},
                                    {{"Origin", origin},
                                     {"Access-Control-Request-Method", "PATCH"},
                                     {"Access-Control-Request-Headers", "authorization,content-type,if-match"}});
    QCOMPARE(preflight.status, 200);
    QCOMPARE(preflight.header("Access-Control-Allow-Origin"), origin);
    const QByteArray methods = preflight.header("Access-Control-Allow-Methods");
    for (const char *m : {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"})
        QVERIFY2(methods.contains(m), methods.constData());
    QCOMPARE(preflight.header("Access-Control-Allow-Headers"), QByteArray("authorization,content-type,if-match"));

    for (int i = 0; i < 3; ++i)
        put(QStringLiteral("/buckets/b/collections/c/records/r%1").arg(i), {});
    const Exchange page = call("GET", QStringLiteral("/buckets/b/collections/c/records?_limit=1"), QJsonValue::Undefined,
                               QStringLiteral("alice"), {{"Origin", origin}});
    QCOMPARE(page.status, 200);
    QCOMPARE(page.header("Access-Control-Allow-Origin"), origin);
    const QList<QByteArray> exposed = page.header("Access-Control-Expose-Headers").split(',');
    QStringList names;
    for (const QByteArray &name : exposed)
        names << QString::fromLatin1(name.trimmed());
    for (const char *h : {"ETag", "Next-Page", "Total-Records", "Total-Objects", "Backoff", "Retry-After", "Alert", "Last-Modified"})
        QVERIFY2(names.contains(QLatin1String(h)), h);
    QVERIFY(!page.header("Next-Page").isEmpty());

    // An error answer carries them too (a browser must read the error body).
    const Exchange denied = call("GET", QStringLiteral("/buckets/b"), QJsonValue::Undefined, {}, {{"Origin", origin}});
    QCOMPARE(denied.status, 401);
    QCOMPARE(denied.header("Access-Control-Allow-Origin"), origin);
    // Without Origin, no CORS headers.
    QVERIFY(call("GET", QStringLiteral("/")).header("Access-Control-Allow-Origin").isEmpty());
}

// ---- listing pages read in last_modified order

void TestKintoFacts::pagesInLastModifiedOrderSeeEveryRecordOnce_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("user");
    QTest::addColumn<int>("rewrites"); // times every record is written again before paging
    QTest::newRow("default sort") << QString() << "alice" << 0;
    QTest::newRow("ascending") << QStringLiteral("&_sort=last_modified") << "alice" << 0;
    QTest::newRow("filtered") << QStringLiteral("&odd=true") << "alice" << 0;
    QTest::newRow("with tombstones since 0") << QStringLiteral("&_since=0") << "alice" << 0;
    QTest::newRow("only shared records") << QString() << "bob" << 0;
    QTest::newRow("after many rewrites") << QString() << "alice" << 5;
    QTest::newRow("after many rewrites, ascending") << QStringLiteral("&_sort=last_modified") << "alice" << 5;
}

void TestKintoFacts::pagesInLastModifiedOrderSeeEveryRecordOnce()
{
    QFETCH(QString, query);
    QFETCH(QString, user);
    QFETCH(int, rewrites);
    for (int round = 0; round <= rewrites; ++round) {
        for (int i = round % 2; i < 30; i += 1 + round % 2) { // rewrites touch every other record, in turn
            const KintoAcl acl{{QStringLiteral("write"), {QStringLiteral("account:alice")}},
                               {QStringLiteral("read"), {i % 3 == 0 ? QStringLiteral("account:bob") : QStringLiteral("account:alice")}}};
            m_sandbox->service().writeObject(QStringLiteral("/buckets/b/collections/c/records/r%1").arg(i, 2, 10, QLatin1Char('0')),
                                             QJsonObject{{QStringLiteral("odd"), i % 2 == 1}, {QStringLiteral("round"), round}}, acl);
        }
    }
    // Updates move records to the front; deletions leave tombstones.
    QCOMPARE(call("PATCH", QStringLiteral("/buckets/b/collections/c/records/r03"), obj(R"({"data": {"touched": 1}})"),
                  QStringLiteral("alice")).status, 200);
    QCOMPARE(call("DELETE", QStringLiteral("/buckets/b/collections/c/records/r07"), QJsonValue::Undefined,
                  QStringLiteral("alice")).status, 200);

    // The expected order, from one unpaged listing sorted here.
    const Exchange all = call("GET", QStringLiteral("/buckets/b/collections/c/records?_limit=10000") + query,
                              QJsonValue::Undefined, user);
    QCOMPARE(all.status, 200);
    QList<QJsonObject> expected;
    for (const QJsonValue &v : all.list())
        expected << v.toObject();
    const bool ascending = query.contains(QLatin1String("_sort=last_modified"));
    std::sort(expected.begin(), expected.end(), [ascending](const QJsonObject &a, const QJsonObject &b) {
        const qint64 x = a.value(QStringLiteral("last_modified")).toInteger();
        const qint64 y = b.value(QStringLiteral("last_modified")).toInteger();
        return ascending ? x < y : x > y;
    });
    QStringList expectedIds;
    for (const QJsonObject &o : std::as_const(expected))
        expectedIds << o.value(QStringLiteral("id")).toString();
    QCOMPARE(ids(all.list()), expectedIds);
    QVERIFY(expected.size() >= 9);
    if (user == QLatin1String("alice") && !query.contains(QLatin1String("odd"))) {
        // Every record the storage holds is listed (and the tombstone, when asked for).
        const int stored = m_sandbox->service().store().count(QStringLiteral("/buckets/b/collections/c"), QStringLiteral("record"));
        QCOMPARE(stored, 29);
        QCOMPARE(expected.size(), stored + (query.contains(QLatin1String("_since")) ? 1 : 0));
    }

    QStringList seen;
    QString next = QStringLiteral("/buckets/b/collections/c/records?_limit=4") + query;
    int pages = 0;
    while (!next.isEmpty() && pages < 20) {
        const Exchange page = call("GET", next, QJsonValue::Undefined, user);
        QCOMPARE(page.status, 200);
        QVERIFY(page.list().size() <= 4);
        seen += ids(page.list());
        next = QString::fromUtf8(page.header("Next-Page"));
        ++pages;
    }
    QCOMPARE(seen, ids(all.list()));
    QCOMPARE(pages, int((expected.size() + 3) / 4));
    if (query.contains(QLatin1String("_since")))
        QVERIFY(seen.contains(QStringLiteral("r07")));
    if (user == QLatin1String("bob"))
        QCOMPARE(seen.size(), 10);
}

QTEST_GUILESS_MAIN(TestKintoFacts)
#include "tst_kintofacts.moc"
