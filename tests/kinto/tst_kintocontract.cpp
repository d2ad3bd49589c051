// The Kinto client's contract: every operation against a Kinto server, checked by re-reading what
// the server holds. Runs against the in-process KintoSandbox, or, when KINTO_SERVER_URL (and
// KINTO_AUTH "user:password") are set, against that real server unchanged. Each test works in its
// own uniquely named bucket and removes it. Checks that need to see the wire (request counts,
// headers) only run on the sandbox.

#include "kintoclient.h"
#include "kintosandbox.h"
#include "loopbackhttpserver.h"
#include "net/httpjob.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

struct Outcome
{
    bool finished = false;
    QJsonValue result;
    ApiError error;
};

// Runs the job to its end and keeps what it produced (the job is deleted).
Outcome await(Job *job, int timeoutMs = 30000)
{
    Outcome outcome;
    outcome.finished = TestSupport::waitFor(job, timeoutMs);
    outcome.result = job->result();
    outcome.error = job->error();
    delete job;
    return outcome;
}

QJsonObject dataOf(const Outcome &outcome)
{
    return outcome.result.toObject().value(QLatin1String("data")).toObject();
}

QStringList idsOf(const QJsonArray &items)
{
    QStringList ids;
    for (const QJsonValue &item : items)
        ids << item.toObject().value(QLatin1String("id")).toString();
    return ids;
}

QJsonObject obj(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}

QJsonArray arr(const char *json)
{
    return QJsonDocument::fromJson(json).array();
}

QStringList strings(std::initializer_list<const char *> items)
{
    QStringList list;
    for (const char *item : items)
        list << QString::fromUtf8(item);
    return list;
}

KintoFilter filter(const char *field, const char *op, const QJsonValue &value)
{
    return KintoFilter { QString::fromUtf8(field), QString::fromUtf8(op), value };
}

} // namespace

#define AWAIT_OK(var, expr)                                                                                  \
    const Outcome var = await(expr);                                                                         \
    QVERIFY2(var.finished, "the job did not finish in time");                                                \
    QVERIFY2(!var.error, qPrintable(var.error.toString()))

#define AWAIT_FAIL(var, expr)                                                                                \
    const Outcome var = await(expr);                                                                         \
    QVERIFY2(var.finished, "the job did not finish in time");                                                \
    QVERIFY2(var.error, "the job succeeded but should have failed")

class tst_KintoContract : public QObject
{
    Q_OBJECT

private:
    bool onSandbox() const { return m_sandbox != nullptr; }
    int requestCount() const { return m_sandbox ? m_sandbox->server()->requestCount() : 0; }
    KintoClient::Settings settings() const
    {
        KintoClient::Settings s;
        s.serverUrl = m_url;
        s.auth = m_auth;
        s.bucket = m_bucket;
        s.collection = QStringLiteral("items");
        return s;
    }
    std::unique_ptr<KintoClient> makeClient(const std::function<void(KintoClient::Settings &)> &change = {})
    {
        KintoClient::Settings s = settings();
        if (change)
            change(s);
        return std::make_unique<KintoConnection>(&m_nam, s);
    }
    bool hasCapability(const QString &name)
    {
        const Outcome info = await(m_client->serverInfo());
        return info.result.toObject().value(QLatin1String("capabilities")).toObject().contains(name);
    }
    // Creates `count` records r000.. with {n: i} through batches; true on success.
    bool seedRecords(const QString &collection, int count)
    {
        KintoBatch batch = m_client->batch();
        for (int i = 0; i < count; ++i) {
            const QString id = QStringLiteral("r%1").arg(i, 3, 10, QLatin1Char('0'));
            batch.create(KintoRef::ofRecord({}, collection, id), QJsonObject { { QLatin1String("n"), i } });
        }
        const Outcome outcome = await(batch.send(), 60000);
        if (outcome.error)
            qWarning() << "seeding failed:" << outcome.error.toString();
        return outcome.finished && !outcome.error;
    }

    QNetworkAccessManager m_nam;
    std::unique_ptr<KintoSandbox> m_sandbox;
    QUrl m_url;
    QString m_auth;
    QString m_bucket;
    std::unique_ptr<KintoClient> m_client;

private Q_SLOTS:
    void initTestCase()
    {
        const QByteArray url = qgetenv("KINTO_SERVER_URL");
        if (!url.isEmpty()) {
            m_url = QUrl(QString::fromUtf8(url));
            m_auth = QString::fromUtf8(qgetenv("KINTO_AUTH"));
            qInfo() << "running against" << m_url.toDisplayString();
            return;
        }
        m_sandbox = std::make_unique<KintoSandbox>();
        QVERIFY(m_sandbox->start());
        m_sandbox->addAccount(QStringLiteral("alice"), QStringLiteral("alice-secret"));
        m_url = m_sandbox->baseUrl();
        m_auth = QStringLiteral("alice:alice-secret");
    }

    void init()
    {
        m_bucket = QStringLiteral("tst-%1-%2")
                       .arg(QString::fromLatin1(QTest::currentTestFunction()).toLower().left(20))
                       .arg(QRandomGenerator::global()->generate() % 1000000);
        m_client = makeClient();
        AWAIT_OK(bucket, m_client->createBucket(m_bucket));
        AWAIT_OK(collection, m_client->createCollection(m_bucket, QStringLiteral("items")));
    }

    void cleanup()
    {
        KintoWrite ifExists;
        ifExists.ifExists = true;
        if (m_client)
            await(m_client->deleteBucket(m_bucket, ifExists));
        m_client.reset();
        if (m_sandbox)
            m_sandbox->clearFaults();
    }

    // --- Pure: no server needed

    void serverUrlIsNormalised_data()
    {
        QTest::addColumn<QString>("given");
        QTest::addColumn<QString>("expected");
        QTest::newRow("bare host") << "http://kinto.test:8888" << "http://kinto.test:8888/v1";
        QTest::newRow("trailing slash") << "http://kinto.test:8888/" << "http://kinto.test:8888/v1";
        QTest::newRow("with prefix") << "https://kinto.test/v1" << "https://kinto.test/v1";
        QTest::newRow("prefix and slash") << "https://kinto.test/v1/" << "https://kinto.test/v1";
        QTest::newRow("sub path") << "https://host.test/kinto/" << "https://host.test/kinto/v1";
    }
    void serverUrlIsNormalised()
    {
        QFETCH(QString, given);
        QFETCH(QString, expected);
        KintoClient::Settings s;
        s.serverUrl = QUrl(given);
        KintoConnection client(&m_nam, s);
        QCOMPARE(client.serverUrl().toString(), expected);
        QCOMPARE(client.httpClient()->baseUrl().toString(), expected);
    }

    void endpoint_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<QString>("bucket");
        QTest::addColumn<QString>("collection");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("expected"); // empty: refused
        using E = KintoEndpoint;
        QTest::newRow("root") << int(E::Root) << "" << "" << "" << "/";
        QTest::newRow("batch") << int(E::Batch) << "" << "" << "" << "/batch";
        QTest::newRow("default bucket") << int(E::Bucket) << "" << "" << "" << "/buckets/payments";
        QTest::newRow("bucket") << int(E::Bucket) << "b1" << "" << "" << "/buckets/b1";
        QTest::newRow("history") << int(E::History) << "b1" << "" << "" << "/buckets/b1/history";
        QTest::newRow("group") << int(E::Group) << "b1" << "" << "editors" << "/buckets/b1/groups/editors";
        QTest::newRow("default collection") << int(E::Collection) << "" << "" << "" << "/buckets/payments/collections/receipts";
        QTest::newRow("record (kinto-http README)") << int(E::Record) << "" << "" << "c6894b2c-1856-11e6-9415-3c970ede22b0"
                                                    << "/buckets/payments/collections/receipts/records/c6894b2c-1856-11e6-9415-3c970ede22b0";
        QTest::newRow("record id percent-encoded") << int(E::Record) << "b" << "c" << "a.b:c" << "/buckets/b/collections/c/records/a.b%3Ac";
        QTest::newRow("attachment") << int(E::Attachment) << "b" << "c" << "r1" << "/buckets/b/collections/c/records/r1/attachment";
        QTest::newRow("changeset") << int(E::Changeset) << "b" << "c" << "" << "/buckets/b/collections/c/changeset";
        QTest::newRow("bucket with space") << int(E::Bucket) << "my bucket" << "" << "" << "";
        QTest::newRow("bucket starting with dash") << int(E::Bucket) << "-b" << "" << "" << "";
        QTest::newRow("collection with dot") << int(E::Collection) << "b" << "c.1" << "" << "";
        QTest::newRow("group id missing") << int(E::Group) << "b" << "" << "" << "";
        QTest::newRow("record with slash") << int(E::Record) << "b" << "c" << "a/b" << "";
        QTest::newRow("record with newline") << int(E::Record) << "b" << "c" << "a\nb" << "";
        QTest::newRow("record id missing") << int(E::Record) << "b" << "c" << "" << "";
    }
    void endpoint()
    {
        QFETCH(int, type);
        QFETCH(QString, bucket);
        QFETCH(QString, collection);
        QFETCH(QString, id);
        QFETCH(QString, expected);
        KintoClient::Settings s;
        s.serverUrl = QUrl(QStringLiteral("http://localhost:8888/v1"));
        s.bucket = QStringLiteral("payments");
        s.collection = QStringLiteral("receipts");
        KintoConnection client(&m_nam, s);
        ApiError error;
        QCOMPARE(client.endpoint(KintoEndpoint(type), bucket, collection, id, &error), expected);
        QCOMPARE(error.kind(), expected.isEmpty() ? ApiError::Kind::Invalid : ApiError::Kind::None);
    }

    void filterSerialisation_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("op");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("encoded");
        QTest::newRow("equals string") << "title" << "" << QJsonValue(QStringLiteral("a b")) << "title" << "a b";
        QTest::newRow("min number") << "age" << "min" << QJsonValue(3) << "min_age" << "3";
        QTest::newRow("has bool") << "email" << "has" << QJsonValue(true) << "has_email" << "true";
        QTest::newRow("in list comma-joined") << "id" << "in" << QJsonValue(arr(R"(["a", "b", 3])")) << "in_id" << "a,b,3";
        QTest::newRow("exclude list") << "resource_name" << "exclude" << QJsonValue(arr(R"(["record", "group"])"))
                                      << "exclude_resource_name" << "record,group";
        QTest::newRow("contains list as JSON") << "tags" << "contains" << QJsonValue(arr(R"(["x"])")) << "contains_tags" << "[\"x\"]";
        QTest::newRow("dotted field") << "address.city" << "like" << QJsonValue(QStringLiteral("Par*")) << "like_address.city" << "Par*";
    }
    void filterSerialisation()
    {
        QFETCH(QString, field);
        QFETCH(QString, op);
        QFETCH(QJsonValue, value);
        QFETCH(QString, key);
        QFETCH(QString, encoded);
        const KintoFilter filter { field, op, value };
        QCOMPARE(filter.key(), key);
        QCOMPARE(filter.encodedValue(), encoded);
    }

    // --- Server

    void serverInfo()
    {
        const int before = requestCount();
        AWAIT_OK(info, m_client->serverInfo(true));
        const QJsonObject hello = info.result.toObject();
        QVERIFY(hello.value(QLatin1String("settings")).toObject().value(QLatin1String("batch_max_requests")).toInt() > 0);
        QVERIFY(!hello.value(QLatin1String("http_api_version")).toString().isEmpty());
        QVERIFY2(hello.value(QLatin1String("user")).toObject().value(QLatin1String("id")).toString().startsWith(QLatin1String("account:"))
                     || !onSandbox(),
                 "the authenticated user is reported");
        // Cached: a second call sends nothing.
        const int afterFirst = requestCount();
        AWAIT_OK(again, m_client->serverInfo());
        QCOMPARE(again.result, info.result);
        QCOMPARE(requestCount(), afterFirst);
        QVERIFY(!onSandbox() || afterFirst == before + 1);
    }

    // --- CRUD on every object type

    void objectLifecycle_data()
    {
        QTest::addColumn<int>("type");
        QTest::newRow("bucket") << int(KintoEndpoint::Bucket);
        QTest::newRow("group") << int(KintoEndpoint::Group);
        QTest::newRow("collection") << int(KintoEndpoint::Collection);
        QTest::newRow("record") << int(KintoEndpoint::Record);
    }
    void objectLifecycle()
    {
        QFETCH(int, type);
        const KintoEndpoint kind = KintoEndpoint(type);
        // A bucket of its own for the bucket row (the test bucket stays for cleanup).
        const QString objectId = kind == KintoEndpoint::Bucket ? m_bucket + QStringLiteral("-x") : QStringLiteral("obj1");
        KintoRef ref;
        KintoRef plural;
        switch (kind) {
        case KintoEndpoint::Bucket: ref = KintoRef::ofBucket(objectId); plural = KintoRef::ofBuckets(); break;
        case KintoEndpoint::Group: ref = KintoRef::ofGroup(m_bucket, objectId); plural = KintoRef::ofGroups(m_bucket); break;
        case KintoEndpoint::Collection: ref = KintoRef::ofCollection(m_bucket, objectId); plural = KintoRef::ofCollections(m_bucket); break;
        default: ref = KintoRef::ofRecord(m_bucket, QStringLiteral("items"), objectId); plural = KintoRef::ofRecords(m_bucket, QStringLiteral("items")); break;
        }
        KintoWrite withPermissions;
        withPermissions.permissions = obj(R"({"read": ["system.Authenticated"]})");

        QJsonObject data { { QLatin1String("title"), QStringLiteral("first") } };
        if (kind == KintoEndpoint::Group)
            data.insert(QLatin1String("members"), QJsonArray { QStringLiteral("account:bob") });
        AWAIT_OK(created, m_client->create(ref, data, withPermissions));
        QCOMPARE(dataOf(created).value(QLatin1String("id")).toString(), objectId);
        QVERIFY(dataOf(created).value(QLatin1String("last_modified")).toDouble() > 0);

        AWAIT_OK(read, m_client->get(ref));
        QCOMPARE(dataOf(read).value(QLatin1String("title")).toString(), QStringLiteral("first"));
        QCOMPARE(read.result[QLatin1String("permissions")][QLatin1String("read")].toArray(),
                 QJsonArray { QStringLiteral("system.Authenticated") });
        if (kind == KintoEndpoint::Group)
            QCOMPARE(dataOf(read).value(QLatin1String("members")).toArray(), QJsonArray { QStringLiteral("account:bob") });

        // update (PUT) with If-Match taken from the object read
        QJsonObject replaced = dataOf(read);
        replaced.insert(QLatin1String("title"), QStringLiteral("second"));
        replaced.insert(QLatin1String("extra"), 42);
        AWAIT_OK(updated, m_client->update(ref, replaced));
        AWAIT_OK(reread, m_client->get(ref));
        QCOMPARE(dataOf(reread).value(QLatin1String("title")).toString(), QStringLiteral("second"));
        QCOMPARE(dataOf(reread).value(QLatin1String("extra")).toInt(), 42);

        AWAIT_OK(patched, m_client->patch(ref, KintoPatch::basic(obj(R"({"title": "third"})"))));
        AWAIT_OK(afterPatch, m_client->get(ref));
        QCOMPARE(dataOf(afterPatch).value(QLatin1String("title")).toString(), QStringLiteral("third"));
        QCOMPARE(dataOf(afterPatch).value(QLatin1String("extra")).toInt(), 42);

        AWAIT_OK(listed, m_client->list(plural));
        QVERIFY2(idsOf(listed.result.toArray()).contains(objectId), "the list shows the object");

        AWAIT_OK(deleted, m_client->remove(ref));
        QCOMPARE(dataOf(deleted).value(QLatin1String("deleted")).toBool(), true);
        AWAIT_FAIL(gone, m_client->get(ref));
        QVERIFY2(gone.error.httpStatus() == 404 || gone.error.httpStatus() == 403, qPrintable(gone.error.toString()));
    }

    void createWithoutIdUsesDataIdOrUuid()
    {
        AWAIT_OK(fromData, m_client->createRecord(m_bucket, QStringLiteral("items"), {}, obj(R"({"id": "from-data", "x": 1})")));
        QCOMPARE(dataOf(fromData).value(QLatin1String("id")).toString(), QStringLiteral("from-data"));
        AWAIT_OK(generated, m_client->createRecord(m_bucket, QStringLiteral("items"), {}, obj(R"({"x": 2})")));
        const QString id = dataOf(generated).value(QLatin1String("id")).toString();
        QCOMPARE(id.size(), 36); // a UUID, as kinto-http makes
        AWAIT_OK(reread, m_client->getRecord(m_bucket, QStringLiteral("items"), id));
        QCOMPARE(dataOf(reread).value(QLatin1String("x")).toInt(), 2);
    }

    void deleteAll_data()
    {
        QTest::addColumn<int>("type");
        QTest::newRow("records") << int(KintoEndpoint::Records);
        QTest::newRow("collections") << int(KintoEndpoint::Collections);
        QTest::newRow("groups") << int(KintoEndpoint::Groups);
    }
    void deleteAll()
    {
        QFETCH(int, type);
        const KintoRef plural { KintoEndpoint(type), m_bucket, QStringLiteral("items"), {} };
        for (const QString &id : { QStringLiteral("a1"), QStringLiteral("a2"), QStringLiteral("a3") }) {
            KintoRef one = plural;
            one.type = plural.type == KintoEndpoint::Records ? KintoEndpoint::Record
                : plural.type == KintoEndpoint::Groups       ? KintoEndpoint::Group
                                                             : KintoEndpoint::Collection;
            if (one.type == KintoEndpoint::Collection)
                one.collection = id;
            else
                one.id = id;
            AWAIT_OK(made, m_client->create(one, {}));
        }
        AWAIT_OK(tombstones, m_client->removeAll(plural));
        QVERIFY(tombstones.result.toArray().size() >= 3);
        AWAIT_OK(left, m_client->list(plural));
        QCOMPARE(left.result.toArray().size(), 0);
    }

    // --- Concurrency control

    void ifNotExistsReturnsTheExistingObject_data()
    {
        QTest::addColumn<int>("type");
        QTest::newRow("bucket") << int(KintoEndpoint::Bucket);
        QTest::newRow("group") << int(KintoEndpoint::Group);
        QTest::newRow("collection") << int(KintoEndpoint::Collection);
        QTest::newRow("record") << int(KintoEndpoint::Record);
    }
    void ifNotExistsReturnsTheExistingObject()
    {
        QFETCH(int, type);
        KintoRef ref { KintoEndpoint(type), m_bucket, QStringLiteral("c2"), QStringLiteral("o1") };
        if (ref.type == KintoEndpoint::Bucket)
            ref.bucket = m_bucket; // exists already (made by init)
        if (ref.type == KintoEndpoint::Record)
            ref.collection = QStringLiteral("items");
        if (ref.type != KintoEndpoint::Bucket) {
            AWAIT_OK(first, m_client->create(ref, obj(R"({"v": "original"})")));
        } else {
            AWAIT_OK(first, m_client->patch(ref, KintoPatch::basic(obj(R"({"v": "original"})"))));
        }

        // Plain safe create: 412 with the server's object.
        AWAIT_FAIL(conflict, m_client->create(ref, obj(R"({"v": "new"})")));
        QCOMPARE(conflict.error.kind(), ApiError::Kind::Conflict);
        QCOMPARE(conflict.error.httpStatus(), 412);
        QCOMPARE(KintoClient::existingObject(conflict.error).value(QLatin1String("v")).toString(), QStringLiteral("original"));

        KintoWrite ifNotExists;
        ifNotExists.ifNotExists = true;
        AWAIT_OK(existing, m_client->create(ref, obj(R"({"v": "new"})"), ifNotExists));
        QCOMPARE(dataOf(existing).value(QLatin1String("v")).toString(), QStringLiteral("original"));
        QVERIFY2(existing.result.toObject().contains(QLatin1String("permissions")), "the whole object, permissions included");
        AWAIT_OK(reread, m_client->get(ref));
        QCOMPARE(dataOf(reread).value(QLatin1String("v")).toString(), QStringLiteral("original"));
    }

    void ifExistsIgnoresMissing_data()
    {
        QTest::addColumn<int>("type");
        QTest::newRow("bucket") << int(KintoEndpoint::Bucket);
        QTest::newRow("group") << int(KintoEndpoint::Group);
        QTest::newRow("collection") << int(KintoEndpoint::Collection);
        QTest::newRow("record") << int(KintoEndpoint::Record);
    }
    void ifExistsIgnoresMissing()
    {
        QFETCH(int, type);
        KintoRef ref { KintoEndpoint(type), m_bucket, QStringLiteral("nope"), QStringLiteral("nope") };
        if (ref.type == KintoEndpoint::Bucket)
            ref.bucket = m_bucket + QStringLiteral("-nope");
        if (ref.type == KintoEndpoint::Record)
            ref.collection = QStringLiteral("items");
        AWAIT_FAIL(missing, m_client->remove(ref));
        QVERIFY2(missing.error.httpStatus() == 404 || missing.error.httpStatus() == 403, qPrintable(missing.error.toString()));

        KintoWrite ifExists;
        ifExists.ifExists = true;
        AWAIT_OK(ignored, m_client->remove(ref, ifExists));
        QVERIFY(ignored.result.isNull());
    }

    void staleWritesConflict_data()
    {
        QTest::addColumn<QString>("operation");
        QTest::newRow("update") << "update";
        QTest::newRow("patch") << "patch";
        QTest::newRow("delete") << "delete";
    }
    void staleWritesConflict()
    {
        QFETCH(QString, operation);
        const QString c = QStringLiteral("items");
        AWAIT_OK(created, m_client->createRecord(m_bucket, c, QStringLiteral("r1"), obj(R"({"title": "v1"})")));
        const QJsonObject stale = dataOf(created);
        // Someone else changes it meanwhile.
        AWAIT_OK(other, m_client->patchRecord(m_bucket, c, QStringLiteral("r1"), KintoPatch::basic(obj(R"({"title": "v2"})"))));
        const qint64 current = qint64(dataOf(other).value(QLatin1String("last_modified")).toDouble());

        KintoWrite ifMatch;
        ifMatch.ifMatch = qint64(stale.value(QLatin1String("last_modified")).toDouble());
        Job *job = nullptr;
        if (operation == QLatin1String("update")) {
            QJsonObject mine = stale;
            mine.insert(QLatin1String("title"), QStringLiteral("mine"));
            job = m_client->updateRecord(m_bucket, c, QStringLiteral("r1"), mine); // If-Match from data.last_modified
        } else if (operation == QLatin1String("patch")) {
            job = m_client->patchRecord(m_bucket, c, QStringLiteral("r1"), KintoPatch::basic(obj(R"({"title": "mine"})")), ifMatch);
        } else {
            job = m_client->deleteRecord(m_bucket, c, QStringLiteral("r1"), ifMatch);
        }
        AWAIT_FAIL(conflict, job);
        QCOMPARE(conflict.error.kind(), ApiError::Kind::Conflict);
        QCOMPARE(conflict.error.httpStatus(), 412);
        QVERIFY(conflict.error.isPreconditionFailed());
        const QJsonObject existing = KintoClient::existingObject(conflict.error);
        QCOMPARE(existing.value(QLatin1String("title")).toString(), QStringLiteral("v2"));
        QCOMPARE(qint64(existing.value(QLatin1String("last_modified")).toDouble()), current);

        AWAIT_OK(unchanged, m_client->getRecord(m_bucket, c, QStringLiteral("r1")));
        QCOMPARE(dataOf(unchanged).value(QLatin1String("title")).toString(), QStringLiteral("v2"));

        // Told not to be safe, the same write goes through.
        KintoWrite unsafe;
        unsafe.safe = false;
        unsafe.ifMatch = ifMatch.ifMatch;
        QJsonObject mine = stale;
        mine.insert(QLatin1String("title"), QStringLiteral("mine"));
        AWAIT_OK(forced, m_client->updateRecord(m_bucket, c, QStringLiteral("r1"), mine, unsafe));
        AWAIT_OK(after, m_client->getRecord(m_bucket, c, QStringLiteral("r1")));
        QCOMPARE(dataOf(after).value(QLatin1String("title")).toString(), QStringLiteral("mine"));
    }

    // --- PATCH flavours

    void patchTypes_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<QJsonValue>("changes");
        QTest::addColumn<QJsonObject>("expected"); // fields of data compared
        const QJsonObject meta = obj(R"({"a": 1, "b": 2})");
        QTest::newRow("json: shallow merge replaces sub-objects")
            << int(KintoPatch::Type::Basic) << QJsonValue(obj(R"({"meta": {"c": 3}, "title": null})"))
            << obj(R"({"meta": {"c": 3}, "title": null, "tags": ["x"]})");
        QTest::newRow("merge-patch: null removes, sub-objects merge")
            << int(KintoPatch::Type::Merge) << QJsonValue(obj(R"({"meta": {"a": null, "c": 3}, "title": null})"))
            << obj(R"({"meta": {"b": 2, "c": 3}, "tags": ["x"]})");
        QTest::newRow("json-patch: operations")
            << int(KintoPatch::Type::Json)
            << QJsonValue(QJsonDocument::fromJson(R"([{"op": "add", "path": "/data/tags/-", "value": "y"},
                                                       {"op": "replace", "path": "/data/title", "value": "t2"},
                                                       {"op": "remove", "path": "/data/meta/a"}])").array())
            << obj(R"({"meta": {"b": 2}, "title": "t2", "tags": ["x", "y"]})");
    }
    void patchTypes()
    {
        QFETCH(int, type);
        QFETCH(QJsonValue, changes);
        QFETCH(QJsonObject, expected);
        const QString c = QStringLiteral("items");
        AWAIT_OK(created, m_client->createRecord(m_bucket, c, QStringLiteral("p1"),
                                                 obj(R"({"title": "t", "meta": {"a": 1, "b": 2}, "tags": ["x"]})")));
        KintoPatch patch;
        switch (KintoPatch::Type(type)) {
        case KintoPatch::Type::Basic: patch = KintoPatch::basic(changes.toObject()); break;
        case KintoPatch::Type::Merge: patch = KintoPatch::merge(changes.toObject()); break;
        case KintoPatch::Type::Json: patch = KintoPatch::json(changes.toArray()); break;
        }
        AWAIT_OK(patched, m_client->patchRecord(m_bucket, c, QStringLiteral("p1"), patch));
        AWAIT_OK(reread, m_client->getRecord(m_bucket, c, QStringLiteral("p1")));
        const QJsonObject data = dataOf(reread);
        for (auto it = expected.begin(); it != expected.end(); ++it)
            QCOMPARE(data.value(it.key()), it.value());
        if (!expected.contains(QLatin1String("title")))
            QVERIFY2(!data.contains(QLatin1String("title")), "merge-patch null removed the field");
    }

    void patchPermissionsWithJsonPatch()
    {
        const QString c = QStringLiteral("items");
        AWAIT_OK(created, m_client->createRecord(m_bucket, c, QStringLiteral("p2"), obj(R"({"v": 1})")));
        const KintoPatch patch = KintoPatch::json(QJsonDocument::fromJson(
            R"([{"op": "add", "path": "/permissions/read/account:bob"}])").array());
        AWAIT_OK(patched, m_client->patchRecord(m_bucket, c, QStringLiteral("p2"), patch));
        AWAIT_OK(reread, m_client->getRecord(m_bucket, c, QStringLiteral("p2")));
        QCOMPARE(reread.result[QLatin1String("permissions")][QLatin1String("read")].toArray(),
                 QJsonArray { QStringLiteral("account:bob") });
    }

    // --- Listing

    void paginationFollowsNextPage_data()
    {
        QTest::addColumn<int>("limit");
        QTest::addColumn<int>("pages");
        QTest::addColumn<int>("expectedItems");
        QTest::addColumn<int>("expectedPages");
        QTest::newRow("limit 100, every page") << 100 << int(KintoListOptions::AllPages) << 250 << 3;
        QTest::newRow("limit 100 alone: one page (kinto-http)") << 100 << 0 << 100 << 1;
        QTest::newRow("limit 100, two pages") << 100 << 2 << 200 << 2;
        QTest::newRow("limit 249, every page") << 249 << int(KintoListOptions::AllPages) << 250 << 2;
        QTest::newRow("no limit") << 0 << 0 << 250 << -1;
    }
    void paginationFollowsNextPage()
    {
        QFETCH(int, limit);
        QFETCH(int, pages);
        QFETCH(int, expectedItems);
        QFETCH(int, expectedPages);
        QVERIFY(seedRecords(QStringLiteral("items"), 250));

        KintoListOptions options;
        options.limit = limit;
        options.pages = pages;
        KintoListJob *job = m_client->getRecords(m_bucket, QStringLiteral("items"), options);
        QSignalSpy pageSpy(job, &KintoListJob::page);
        QVERIFY(TestSupport::waitFor(job, 60000));
        std::unique_ptr<KintoListJob> owned(job);
        QVERIFY2(!job->hasError(), qPrintable(job->error().toString()));
        const QJsonArray items = job->result().toArray();
        QCOMPARE(items.size(), expectedItems);
        const QStringList ids = idsOf(items);
        QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), expectedItems);
        if (expectedPages > 0) {
            QCOMPARE(job->pagesFetched(), expectedPages);
            QCOMPARE(pageSpy.size(), expectedPages);
        }
        QVERIFY(pageSpy.last().at(1).toBool());
        QVERIFY(!job->timestamp().isEmpty());
    }

    void pagedStream()
    {
        QVERIFY(seedRecords(QStringLiteral("items"), 250));
        KintoListOptions options;
        options.limit = 100;
        KintoListJob *job = m_client->getPaginatedRecords(m_bucket, QStringLiteral("items"), options);
        QSignalSpy pageSpy(job, &KintoListJob::page);
        QVERIFY(TestSupport::waitFor(job, 60000));
        std::unique_ptr<KintoListJob> owned(job);
        QVERIFY2(!job->hasError(), qPrintable(job->error().toString()));
        QCOMPARE(pageSpy.size(), 3);
        QList<int> sizes;
        QList<bool> lasts;
        for (const QList<QVariant> &args : pageSpy) {
            sizes << args.at(0).toJsonArray().size();
            lasts << args.at(1).toBool();
        }
        QCOMPARE(sizes, (QList<int> { 100, 100, 50 }));
        QCOMPARE(lasts, (QList<bool> { false, false, true }));
        QVERIFY2(job->result().toArray().isEmpty(), "stream mode keeps no pages");
        QCOMPARE(job->itemsFetched(), 250);
    }

    void onDemandPagesWaitAndCancel()
    {
        QVERIFY(seedRecords(QStringLiteral("items"), 250));
        KintoListOptions options;
        options.limit = 100;
        KintoListJob *job = m_client->getPaginatedRecords(m_bucket, QStringLiteral("items"), options,
                                                          KintoListJob::Mode::OnDemand);
        job->setAutoDelete(false);
        std::unique_ptr<KintoListJob> owned(job);
        QSignalSpy pageSpy(job, &KintoListJob::page);
        QSignalSpy finishedSpy(job, &Job::finished);
        QVERIFY(pageSpy.wait(15000));
        QVERIFY(!job->isFinished());
        QVERIFY(job->canFetchMore());
        const int served = requestCount();
        QTest::qWait(100);
        QCOMPARE(requestCount(), served); // nothing fetched until asked
        job->fetchMore();
        QVERIFY(pageSpy.wait(15000));
        QCOMPARE(pageSpy.size(), 2);
        QVERIFY(job->canFetchMore());
        job->cancel();
        QCOMPARE(finishedSpy.size(), 1);
        QCOMPARE(job->error().kind(), ApiError::Kind::Cancelled);
        QCOMPARE(pageSpy.size(), 2);
    }

    void listingParameters_data()
    {
        QTest::addColumn<QString>("sort");
        QTest::addColumn<QStringList>("fields");
        QTest::addColumn<QList<KintoFilter>>("filters");
        QTest::addColumn<QStringList>("expectedIds");
        QTest::newRow("sort descending") << "-n" << QStringList() << QList<KintoFilter>()
                                         << strings({ "r009", "r008", "r007", "r006", "r005", "r004", "r003", "r002", "r001", "r000" });
        QTest::newRow("min filter") << "n" << QStringList() << QList<KintoFilter> { filter("n", "min", 7) }
                                    << strings({ "r007", "r008", "r009" });
        QTest::newRow("in filter") << "n" << QStringList() << QList<KintoFilter> { filter("id", "in", arr(R"(["r001", "r004"])")) }
                                   << strings({ "r001", "r004" });
        QTest::newRow("exclude filter") << "n" << QStringList()
                                        << QList<KintoFilter> { filter("n", "exclude", arr("[0, 1, 2, 3, 4, 5, 6]")) }
                                        << strings({ "r007", "r008", "r009" });
        QTest::newRow("equals and lt") << "n" << strings({ "n" })
                                       << QList<KintoFilter> { filter("n", "lt", 2) } << strings({ "r000", "r001" });
    }
    void listingParameters()
    {
        QFETCH(QString, sort);
        QFETCH(QStringList, fields);
        QFETCH(QList<KintoFilter>, filters);
        QFETCH(QStringList, expectedIds);
        QVERIFY(seedRecords(QStringLiteral("items"), 10));
        KintoListOptions options;
        options.sort = sort;
        options.fields = fields;
        options.filters = filters;
        AWAIT_OK(listed, m_client->getRecords(m_bucket, QStringLiteral("items"), options));
        QCOMPARE(idsOf(listed.result.toArray()), expectedIds);
        if (!fields.isEmpty()) {
            const QJsonObject first = listed.result.toArray().first().toObject();
            QCOMPARE(first.keys(), (strings({ "id", "last_modified", "n" })));
        }
    }

    void sinceGivesChangesAndTombstones()
    {
        QVERIFY(seedRecords(QStringLiteral("items"), 5));
        AWAIT_OK(ts, m_client->getRecordsTimestamp(m_bucket, QStringLiteral("items")));
        const QString since = ts.result.toString();
        AWAIT_OK(changed, m_client->patchRecord(m_bucket, QStringLiteral("items"), QStringLiteral("r001"),
                                                KintoPatch::basic(obj(R"({"n": 100})"))));
        AWAIT_OK(deleted, m_client->deleteRecord(m_bucket, QStringLiteral("items"), QStringLiteral("r002")));
        KintoListOptions options;
        options.since = since;
        AWAIT_OK(listed, m_client->getRecords(m_bucket, QStringLiteral("items"), options));
        const QJsonArray items = listed.result.toArray();
        QCOMPARE(items.size(), 2);
        QJsonObject tombstone;
        for (const QJsonValue &item : items) {
            if (item[QLatin1String("id")].toString() == QLatin1String("r002"))
                tombstone = item.toObject();
        }
        QCOMPARE(tombstone.value(QLatin1String("deleted")).toBool(), true);
    }

    void countAndTimestamp()
    {
        QVERIFY(seedRecords(QStringLiteral("items"), 12));
        AWAIT_OK(count, m_client->countRecords(m_bucket, QStringLiteral("items")));
        QCOMPARE(count.result.toInt(), 12);
        KintoListOptions filtered;
        filtered.filters = { { QStringLiteral("n"), QStringLiteral("min"), 10 } };
        AWAIT_OK(some, m_client->countRecords(m_bucket, QStringLiteral("items"), filtered));
        QCOMPARE(some.result.toInt(), 2);

        KintoListJob *list = m_client->getRecords(m_bucket, QStringLiteral("items"));
        QVERIFY(TestSupport::waitFor(list));
        std::unique_ptr<KintoListJob> owned(list);
        qint64 newest = 0;
        for (const QJsonValue &item : list->result().toArray())
            newest = qMax(newest, qint64(item[QLatin1String("last_modified")].toDouble()));
        const int before = requestCount();
        AWAIT_OK(ts, m_client->getRecordsTimestamp(m_bucket, QStringLiteral("items")));
        QCOMPARE(ts.result.toString(), list->timestamp());
        QCOMPARE(ts.result.toString().toLongLong(), newest);
        QVERIFY(!onSandbox() || requestCount() == before + 1);

        // If-None-Match with the current timestamp: 304, nothing sent back.
        KintoListOptions cached;
        cached.ifNoneMatch = newest;
        KintoListJob *again = m_client->getRecords(m_bucket, QStringLiteral("items"), cached);
        QVERIFY(TestSupport::waitFor(again));
        std::unique_ptr<KintoListJob> ownedAgain(again);
        QVERIFY2(!again->hasError(), qPrintable(again->error().toString()));
        QVERIFY(again->notModified());
        QVERIFY(again->result().toArray().isEmpty());
    }

    // --- Invalid ids never reach the server

    void invalidIdRefusedBeforeSending_data()
    {
        QTest::addColumn<QString>("operation");
        QTest::addColumn<QString>("bucket");
        QTest::addColumn<QString>("collection");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("mention");
        QTest::newRow("create bucket with a space") << "createBucket" << "my bucket" << "" << "" << "my bucket";
        QTest::newRow("get bucket starting with _") << "getBucket" << "_private" << "" << "" << "_private";
        QTest::newRow("create collection with a dot") << "createCollection" << "" << "a.b" << "" << "a.b";
        QTest::newRow("delete group with a slash") << "deleteGroup" << "" << "" << "g/1" << "g/1";
        QTest::newRow("update record with a slash") << "updateRecord" << "" << "items" << "a/b" << "a/b";
        QTest::newRow("list records of a bad bucket") << "getRecords" << "b!" << "items" << "" << "b!";
        QTest::newRow("attachment of a record with a space") << "removeAttachment" << "" << "items" << "a b" << "a b";
        QTest::newRow("batch with one bad id") << "batch" << "" << "items" << "bad id" << "bad id";
        QTest::newRow("group without id") << "createGroup" << "" << "" << "" << "group id is missing";
    }
    void invalidIdRefusedBeforeSending()
    {
        QFETCH(QString, operation);
        QFETCH(QString, bucket);
        QFETCH(QString, collection);
        QFETCH(QString, id);
        QFETCH(QString, mention);
        const QString b = bucket.isEmpty() ? m_bucket : bucket;
        const int before = requestCount();
        Job *job = nullptr;
        if (operation == QLatin1String("createBucket"))
            job = m_client->createBucket(b);
        else if (operation == QLatin1String("getBucket"))
            job = m_client->getBucket(b);
        else if (operation == QLatin1String("createCollection"))
            job = m_client->createCollection(b, collection);
        else if (operation == QLatin1String("deleteGroup"))
            job = m_client->deleteGroup(b, id);
        else if (operation == QLatin1String("createGroup"))
            job = m_client->createGroup(b, id);
        else if (operation == QLatin1String("updateRecord"))
            job = m_client->updateRecord(b, collection, id, obj(R"({"x": 1})"));
        else if (operation == QLatin1String("getRecords"))
            job = m_client->getRecords(b, collection);
        else if (operation == QLatin1String("removeAttachment"))
            job = m_client->removeAttachment(b, collection, id);
        else if (operation == QLatin1String("batch")) {
            KintoBatch batch = m_client->batch();
            batch.create(KintoRef::ofRecord(b, collection, QStringLiteral("fine")), obj(R"({"x": 1})"));
            batch.create(KintoRef::ofRecord(b, collection, id), obj(R"({"x": 2})"));
            QCOMPARE(batch.size(), 1);
            QCOMPARE(batch.error().kind(), ApiError::Kind::Invalid);
            job = batch.send();
        }
        QVERIFY(job);
        QSignalSpy finished(job, &Job::finished);
        QCOMPARE(finished.size(), 0); // never synchronously
        AWAIT_FAIL(refused, job);
        QCOMPARE(refused.error.kind(), ApiError::Kind::Invalid);
        QVERIFY2(refused.error.message().contains(mention), qPrintable(refused.error.message()));
        QCOMPARE(requestCount(), before);
        if (operation == QLatin1String("batch")) {
            AWAIT_FAIL(notCreated, m_client->getRecord(b, collection, QStringLiteral("fine")));
            QCOMPARE(notCreated.error.httpStatus(), 404);
        }
    }

    // --- Batch

    void batchSplitsIntoChunks_data()
    {
        QTest::addColumn<int>("operations");
        QTest::newRow("60 operations") << 60;
        QTest::newRow("exactly one chunk") << 25;
        QTest::newRow("one more than a chunk") << 26;
    }
    void batchSplitsIntoChunks()
    {
        QFETCH(int, operations);
        AWAIT_OK(info, m_client->serverInfo());
        const int max = info.result[QLatin1String("settings")][QLatin1String("batch_max_requests")].toInt();
        QVERIFY(max > 0);
        const int expectedChunks = (operations + max - 1) / max;

        KintoBatch batch = m_client->batch();
        for (int i = 0; i < operations; ++i) {
            const QString id = QStringLiteral("b%1").arg(i, 3, 10, QLatin1Char('0'));
            batch.create(KintoRef::ofRecord({}, {}, id), QJsonObject { { QLatin1String("i"), i } });
        }
        QCOMPARE(batch.size(), operations);
        QCOMPARE(batch.requests().first()[QLatin1String("path")].toString(),
                 QStringLiteral("/buckets/%1/collections/items/records/b000").arg(m_bucket));

        int batchPosts = 0;
        if (m_sandbox) {
            connect(m_sandbox.get(), &KintoSandbox::requestServed, this, [&batchPosts](const QByteArray &method, const QString &path) {
                if (method == "POST" && path.endsWith(QLatin1String("/batch")))
                    ++batchPosts;
            });
        }
        KintoBatchJob *job = batch.send();
        QSignalSpy progress(job, &Job::progress);
        QVERIFY(TestSupport::waitFor(job, 60000));
        std::unique_ptr<KintoBatchJob> owned(job);
        if (m_sandbox)
            m_sandbox->disconnect(this);
        QVERIFY2(!job->hasError(), qPrintable(job->error().toString()));
        QCOMPARE(job->chunkCount(), expectedChunks);
        QVERIFY(!onSandbox() || batchPosts == expectedChunks);
        QCOMPARE(progress.size(), expectedChunks);
        QCOMPARE(progress.last().at(0).toLongLong(), qint64(operations));
        QCOMPARE(progress.last().at(1).toLongLong(), qint64(operations));

        const QJsonArray results = job->result().toArray();
        QCOMPARE(results.size(), operations);
        for (int i = 0; i < operations; ++i) {
            const QJsonObject r = results.at(i).toObject();
            QCOMPARE(r.value(QLatin1String("status")).toInt(), 201);
            QCOMPARE(r[QLatin1String("body")][QLatin1String("data")][QLatin1String("i")].toInt(), i);
        }
        AWAIT_OK(count, m_client->countRecords(m_bucket, QStringLiteral("items")));
        QCOMPARE(count.result.toInt(), operations);
    }

    void batchReportsFailingItems_data()
    {
        QTest::addColumn<bool>("ignore4xx");
        QTest::newRow("4xx fail the batch") << false;
        QTest::newRow("4xx ignored") << true;
    }
    void batchReportsFailingItems()
    {
        QFETCH(bool, ignore4xx);
        const QString c = QStringLiteral("items");
        AWAIT_OK(existing, m_client->createRecord(m_bucket, c, QStringLiteral("taken"), obj(R"({"v": "old"})")));
        std::unique_ptr<KintoClient> client(m_client->clone([ignore4xx](KintoClient::Settings &s) { s.ignoreBatch4xx = ignore4xx; }));
        QCOMPARE(client->httpClient(), m_client->httpClient()); // same transport, shared

        KintoWrite ifNotExists;
        ifNotExists.ifNotExists = true;
        KintoWrite ifExists;
        ifExists.ifExists = true;
        KintoBatch batch = client->batch();
        batch.create(KintoRef::ofRecord({}, c, QStringLiteral("new1")), obj(R"({"v": 1})"))      // 0 ok
            .create(KintoRef::ofRecord({}, c, QStringLiteral("taken")), obj(R"({"v": 2})"))     // 1 412
            .create(KintoRef::ofRecord({}, c, QStringLiteral("new2")), obj(R"({"v": 3})"))      // 2 ok
            .remove(KintoRef::ofRecord({}, c, QStringLiteral("missing")))                     // 3 404
            .create(KintoRef::ofRecord({}, c, QStringLiteral("taken")), obj(R"({"v": 4})"), ifNotExists) // 4 excused
            .remove(KintoRef::ofRecord({}, c, QStringLiteral("missing2")), ifExists);         // 5 excused
        KintoBatchJob *job = batch.send();
        QVERIFY(TestSupport::waitFor(job));
        std::unique_ptr<KintoBatchJob> owned(job);

        QCOMPARE(job->failedIndexes(), (QList<int> { 1, 3 }));
        const QJsonArray responses = job->responses();
        QCOMPARE(responses.size(), 6);
        QList<int> statuses;
        for (const QJsonValue &r : responses)
            statuses << r[QLatin1String("status")].toInt();
        QCOMPARE(statuses, (QList<int> { 201, 412, 201, 404, 412, 404 }));
        if (ignore4xx) {
            QVERIFY2(!job->hasError(), qPrintable(job->error().toString()));
            QCOMPARE(job->result().toArray(), responses);
        } else {
            QVERIFY(job->hasError());
            QCOMPARE(job->error().httpStatus(), 412);
            QCOMPARE(job->error().kind(), ApiError::Kind::Conflict);
            QVERIFY2(job->error().message().contains(QLatin1String("2 of 6")), qPrintable(job->error().message()));
            const QJsonArray details = job->error().details().toArray();
            QCOMPARE(details.size(), 2);
            QCOMPARE(details.at(0)[QLatin1String("index")].toInt(), 1);
            QCOMPARE(details.at(0)[QLatin1String("status")].toInt(), 412);
            QCOMPARE(details.at(1)[QLatin1String("index")].toInt(), 3);
            QCOMPARE(details.at(1)[QLatin1String("method")].toString(), QStringLiteral("DELETE"));
        }
        // 4xx sub-requests do not roll the batch back: the others are on the server.
        KintoListOptions byId;
        byId.sort = QStringLiteral("id");
        AWAIT_OK(listed, m_client->getRecords(m_bucket, c, byId));
        QCOMPARE(idsOf(listed.result.toArray()), (strings({ "new1", "new2", "taken" })));
        AWAIT_OK(taken, m_client->getRecord(m_bucket, c, QStringLiteral("taken")));
        QCOMPARE(dataOf(taken).value(QLatin1String("v")).toString(), QStringLiteral("old"));
    }

    void batchOfEveryWriteKind()
    {
        const QString c = QStringLiteral("items");
        AWAIT_OK(seeded, m_client->createRecord(m_bucket, c, QStringLiteral("u1"), obj(R"({"v": 1, "m": {"a": 1}})")));
        KintoBatch batch = m_client->batch();
        batch.create(KintoRef::ofGroup(m_bucket, QStringLiteral("g1")), obj(R"({"members": ["account:bob"]})"))
            .create(KintoRef::ofCollection(m_bucket, QStringLiteral("c2")))
            .update(KintoRef::ofRecord({}, c, QStringLiteral("u1")), obj(R"({"v": 2, "m": {"a": 1}})"))
            .patch(KintoRef::ofRecord({}, c, QStringLiteral("u1")), KintoPatch::merge(obj(R"({"m": {"b": 2}})")))
            .add(QJsonObject { { QLatin1String("method"), QStringLiteral("put") },
                               { QLatin1String("path"), QStringLiteral("/buckets/%1/collections/items/records/raw").arg(m_bucket) },
                               { QLatin1String("body"), obj(R"({"data": {"raw": true}})") } });
        AWAIT_OK(sent, batch.send());
        // A JSON patch goes on its own: Kinto refuses a sub-request body that is not an object.
        AWAIT_OK(patched, m_client->patchRecord(m_bucket, c, QStringLiteral("u1"),
                                                KintoPatch::json(QJsonDocument::fromJson(R"([{"op": "add", "path": "/data/w", "value": 3}])").array())));
        AWAIT_OK(u1, m_client->getRecord(m_bucket, c, QStringLiteral("u1")));
        QCOMPARE(dataOf(u1).value(QLatin1String("v")).toInt(), 2);
        QCOMPARE(dataOf(u1).value(QLatin1String("m")).toObject(), obj(R"({"a": 1, "b": 2})"));
        QCOMPARE(dataOf(u1).value(QLatin1String("w")).toInt(), 3);
        AWAIT_OK(g1, m_client->getGroup(m_bucket, QStringLiteral("g1")));
        QCOMPARE(dataOf(g1).value(QLatin1String("members")).toArray(), QJsonArray { QStringLiteral("account:bob") });
        AWAIT_OK(c2, m_client->getCollection(m_bucket, QStringLiteral("c2")));
        AWAIT_OK(raw, m_client->getRecord(m_bucket, c, QStringLiteral("raw")));
        QCOMPARE(dataOf(raw).value(QLatin1String("raw")).toBool(), true);
    }

    void batchChunksRunInParallelUpToTheCap()
    {
        if (!onSandbox())
            QSKIP("needs the server's in-flight count");
        auto client = makeClient([](KintoClient::Settings &s) { s.maxConcurrent = 2; });
        AWAIT_OK(info, client->serverInfo()); // cached before counting
        KintoBatch batch = client->batch();
        for (int i = 0; i < 100; ++i)
            batch.create(KintoRef::ofRecord({}, {}, QStringLiteral("p%1").arg(i)), obj(R"({"v": 1})"));
        m_sandbox->setLatency(100);
        m_sandbox->server()->resetCounters();
        KintoBatchJob *job = batch.send();
        QVERIFY(TestSupport::waitFor(job, 30000));
        std::unique_ptr<KintoBatchJob> owned(job);
        QVERIFY2(!job->hasError(), qPrintable(job->error().toString()));
        QCOMPARE(job->chunkCount(), 4);
        QCOMPARE(m_sandbox->server()->requestCount(), 4);
        QCOMPARE(m_sandbox->server()->maxInFlight(), 2);
    }

    void batchServerErrorFailsAndStopsTheRest()
    {
        if (!onSandbox())
            QSKIP("needs injected faults");
        AWAIT_OK(info, m_client->serverInfo());
        auto client = makeClient([](KintoClient::Settings &s) { s.maxConcurrent = 1; });
        AWAIT_OK(cached, client->serverInfo());
        KintoBatch batch = client->batch();
        for (int i = 0; i < 75; ++i)
            batch.create(KintoRef::ofRecord({}, {}, QStringLiteral("e%1").arg(i)), obj(R"({"v": 1})"));
        m_sandbox->failNext(1, 503, 0);
        m_sandbox->server()->resetCounters();
        KintoBatchJob *job = batch.send();
        QVERIFY(TestSupport::waitFor(job, 30000));
        std::unique_ptr<KintoBatchJob> owned(job);
        QVERIFY(job->hasError());
        QCOMPARE(job->error().httpStatus(), 503);
        QTest::qWait(100);
        QCOMPARE(m_sandbox->server()->requestCount(), 1); // the queued chunks were never sent
        QVERIFY(job->responses().at(0).toObject().isEmpty());
        AWAIT_OK(count, m_client->countRecords(m_bucket, QStringLiteral("items")));
        QCOMPARE(count.result.toInt(), 0);
    }

    // --- History

    void historyListAndPurge()
    {
        if (!hasCapability(QStringLiteral("history")))
            QSKIP("the server has no history plugin");
        const QString c = QStringLiteral("items");
        AWAIT_OK(created, m_client->createRecord(m_bucket, c, QStringLiteral("h1"), obj(R"({"v": 1})")));
        AWAIT_OK(patched, m_client->patchRecord(m_bucket, c, QStringLiteral("h1"), KintoPatch::basic(obj(R"({"v": 2})"))));
        AWAIT_OK(deleted, m_client->deleteRecord(m_bucket, c, QStringLiteral("h1")));

        KintoListOptions records;
        records.filters = { { QStringLiteral("resource_name"), {}, QStringLiteral("record") } };
        records.sort = QStringLiteral("-last_modified");
        AWAIT_OK(history, m_client->getHistory(m_bucket, records));
        const QJsonArray entries = history.result.toArray();
        QStringList actions;
        for (const QJsonValue &entry : entries)
            actions << entry[QLatin1String("action")].toString();
        QCOMPARE(actions, (strings({ "delete", "update", "create" })));
        QCOMPARE(entries.at(1)[QLatin1String("target")][QLatin1String("data")][QLatin1String("v")].toInt(), 2);
        QCOMPARE(entries.at(0)[QLatin1String("record_id")].toString(), QStringLiteral("h1"));

        // Every page, even with a small page size.
        KintoListOptions paged = records;
        paged.limit = 1;
        KintoListJob *pagedJob = m_client->getHistory(m_bucket, paged);
        QVERIFY(TestSupport::waitFor(pagedJob));
        std::unique_ptr<KintoListJob> owned(pagedJob);
        QCOMPARE(pagedJob->result().toArray().size(), 3);
        QCOMPARE(pagedJob->pagesFetched(), 3);

        // A partial purge with the same filters.
        AWAIT_OK(purged, m_client->purgeHistory(m_bucket, records));
        QCOMPARE(purged.result.toArray().size(), 3);
        AWAIT_OK(after, m_client->getHistory(m_bucket, records));
        QCOMPARE(after.result.toArray().size(), 0);
        AWAIT_OK(rest, m_client->getHistory(m_bucket));
        QVERIFY2(!rest.result.toArray().isEmpty(), "bucket and collection entries stay");
    }

    // --- Permissions

    void permissionsListing()
    {
        if (!hasCapability(QStringLiteral("permissions_endpoint")))
            QSKIP("the server has no permissions endpoint (kinto.experimental_permissions_endpoint)");
        const QString c = QStringLiteral("items");
        KintoWrite readable;
        readable.permissions = obj(R"({"read": ["system.Everyone"]})");
        AWAIT_OK(record, m_client->createRecord(m_bucket, c, QStringLiteral("pr1"), obj(R"({"v": 1})"), readable));

        KintoListOptions mine;
        mine.filters = { { QStringLiteral("bucket_id"), {}, m_bucket } };
        AWAIT_OK(all, m_client->getPermissions({}, mine));
        QHash<QString, QJsonObject> byUri;
        for (const QJsonValue &entry : all.result.toArray())
            byUri.insert(entry[QLatin1String("uri")].toString(), entry.toObject());
        const QString bucketUri = QStringLiteral("/buckets/%1").arg(m_bucket);
        const QString recordUri = bucketUri + QStringLiteral("/collections/items/records/pr1");
        QVERIFY2(byUri.contains(bucketUri), qPrintable(QStringList(byUri.keys()).join(QLatin1Char(' '))));
        QVERIFY(byUri.contains(bucketUri + QStringLiteral("/collections/items")));
        QVERIFY(byUri.contains(recordUri));
        QCOMPARE(byUri.value(recordUri).value(QLatin1String("resource_name")).toString(), QStringLiteral("record"));
        QVERIFY(byUri.value(bucketUri).value(QLatin1String("permissions")).toArray().contains(QStringLiteral("write")));

        AWAIT_OK(noRecords, m_client->getPermissions({ QStringLiteral("record") }, mine));
        for (const QJsonValue &entry : noRecords.result.toArray())
            QVERIFY(entry[QLatin1String("resource_name")].toString() != QLatin1String("record"));
        QCOMPARE(noRecords.result.toArray().size(), all.result.toArray().size() - 1);

        // Every page.
        KintoListOptions paged = mine;
        paged.limit = 1;
        AWAIT_OK(pagedAll, m_client->getPermissions({}, paged));
        QCOMPARE(pagedAll.result.toArray().size(), all.result.toArray().size());
    }

    // --- Attachments

    void attachmentUploadDownloadRemove()
    {
        if (!hasCapability(QStringLiteral("attachments")))
            QSKIP("the server has no attachments plugin");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString source = dir.filePath(QStringLiteral("report.txt"));
        QByteArray content;
        for (int i = 0; i < 20000; ++i)
            content += "line " + QByteArray::number(i) + '\n';
        {
            QFile file(source);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(content);
        }
        const QString sha = QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());

        KintoAttachmentOptions options;
        options.data = obj(R"({"title": "with file"})");
        Job *upload = m_client->addAttachment(m_bucket, QStringLiteral("items"), QStringLiteral("att1"), source, options);
        QSignalSpy progress(upload, &Job::progress);
        AWAIT_OK(uploaded, upload);
        QVERIFY(!progress.isEmpty());
        QCOMPARE(uploaded.result[QLatin1String("hash")].toString(), sha);
        QCOMPARE(uploaded.result[QLatin1String("size")].toInt(), content.size());
        QCOMPARE(uploaded.result[QLatin1String("filename")].toString(), QStringLiteral("report.txt"));

        AWAIT_OK(record, m_client->getRecord(m_bucket, QStringLiteral("items"), QStringLiteral("att1")));
        QCOMPARE(dataOf(record).value(QLatin1String("title")).toString(), QStringLiteral("with file"));
        QCOMPARE(dataOf(record)[QLatin1String("attachment")][QLatin1String("hash")].toString(), sha);

        // Download into a directory: the attachment's filename.
        const QString into = dir.filePath(QStringLiteral("out"));
        QVERIFY(QDir().mkpath(into));
        AWAIT_OK(downloaded, m_client->downloadAttachment(record.result.toObject(), into));
        const QString path = downloaded.result[QLatin1String("path")].toString();
        QCOMPARE(path, QDir(into).filePath(QStringLiteral("report.txt")));
        QCOMPARE(downloaded.result[QLatin1String("downloaded")].toBool(), true);
        QFile saved(path);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(saved.readAll(), content);
        saved.close();

        // Already there with the right hash: not fetched again.
        const int before = requestCount();
        AWAIT_OK(again, m_client->downloadAttachment(record.result.toObject(), path));
        QCOMPARE(again.result[QLatin1String("downloaded")].toBool(), false);
        QCOMPARE(requestCount(), before);

        // A hash that does not match the bytes: refused, nothing written.
        QJsonObject tampered = dataOf(record);
        QJsonObject attachment = tampered.value(QLatin1String("attachment")).toObject();
        attachment.insert(QLatin1String("hash"), QString(64, QLatin1Char('0')));
        tampered.insert(QLatin1String("attachment"), attachment);
        const QString badPath = dir.filePath(QStringLiteral("bad.txt"));
        AWAIT_FAIL(mismatch, m_client->downloadAttachment(tampered, badPath));
        QCOMPARE(mismatch.error.kind(), ApiError::Kind::Parse);
        QVERIFY2(mismatch.error.message().contains(QLatin1String("integrity check failed")), qPrintable(mismatch.error.message()));
        QVERIFY(!QFile::exists(badPath));

        // A relative location is joined to the attachments base_url (kinto-http's download_attachment).
        AWAIT_OK(info, m_client->serverInfo());
        const QString baseUrl = info.result[QLatin1String("capabilities")][QLatin1String("attachments")][QLatin1String("base_url")].toString();
        QJsonObject relative = dataOf(record);
        attachment = relative.value(QLatin1String("attachment")).toObject();
        QString location = attachment.value(QLatin1String("location")).toString();
        if (location.startsWith(baseUrl))
            location = location.mid(baseUrl.size());
        attachment.insert(QLatin1String("location"), location);
        relative.insert(QLatin1String("attachment"), attachment);
        const QString relativePath = dir.filePath(QStringLiteral("relative.txt"));
        AWAIT_OK(viaBase, m_client->downloadAttachment(relative, relativePath));
        QFile relativeCopy(relativePath);
        QVERIFY(relativeCopy.open(QIODevice::ReadOnly));
        QCOMPARE(relativeCopy.readAll(), content);

        AWAIT_OK(removed, m_client->removeAttachment(m_bucket, QStringLiteral("items"), QStringLiteral("att1")));
        AWAIT_OK(after, m_client->getRecord(m_bucket, QStringLiteral("items"), QStringLiteral("att1")));
        QVERIFY(dataOf(after).value(QLatin1String("attachment")).isNull());
    }

    void attachmentOnAnotherOriginGetsNoCredentials()
    {
        // A CDN serving the files: the download goes there without the Kinto credentials.
        const QByteArray bytes = "attachment bytes";
        LoopbackHttpServer cdn;
        QVERIFY(cdn.listen());
        QByteArray authorization = "unset";
        cdn.setHandler([&](const HttpServerRequest &request, HttpResponder *responder) {
            authorization = request.header("Authorization");
            responder->respond(200, { { "Content-Type", "application/octet-stream" } }, bytes);
        });
        QJsonObject attachment {
            { QLatin1String("location"), QString(cdn.baseUrl().toString() + QStringLiteral("/files/a.bin")) },
            { QLatin1String("filename"), QStringLiteral("a.bin") },
            { QLatin1String("hash"), QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()) },
        };
        QTemporaryDir dir;
        AWAIT_OK(downloaded, m_client->downloadAttachment(QJsonObject { { QLatin1String("attachment"), attachment } }, dir.path()));
        QCOMPARE(downloaded.result[QLatin1String("path")].toString(), dir.filePath(QStringLiteral("a.bin")));
        QCOMPARE(authorization, QByteArray());
        QCOMPARE(cdn.requestCount(), 1);
    }

    void attachmentOfMissingFileRefused()
    {
        const int before = requestCount();
        AWAIT_FAIL(refused, m_client->addAttachment(m_bucket, QStringLiteral("items"), QStringLiteral("x"),
                                                    QStringLiteral("/nonexistent/file.bin")));
        QCOMPARE(refused.error.kind(), ApiError::Kind::Invalid);
        QCOMPARE(requestCount(), before);
    }

    // --- Dry mode

    void dryRunSendsNothing_data()
    {
        QTest::addColumn<QString>("operation");
        QTest::newRow("create bucket") << "createBucket";
        QTest::newRow("update record") << "updateRecord";
        QTest::newRow("delete collection") << "deleteCollection";
        QTest::newRow("list records") << "getRecords";
        QTest::newRow("batch") << "batch";
        QTest::newRow("purge history") << "purgeHistory";
    }
    void dryRunSendsNothing()
    {
        QFETCH(QString, operation);
        std::unique_ptr<KintoClient> dry(m_client->clone([](KintoClient::Settings &s) { s.dryRun = true; }));
        QVERIFY(dry->httpClient() != m_client->httpClient());
        const int before = requestCount();
        const QString other = m_bucket + QStringLiteral("-dry");
        Job *job = nullptr;
        if (operation == QLatin1String("createBucket"))
            job = dry->createBucket(other);
        else if (operation == QLatin1String("updateRecord"))
            job = dry->updateRecord({}, QStringLiteral("items"), QStringLiteral("d1"), obj(R"({"v": 1})"));
        else if (operation == QLatin1String("deleteCollection"))
            job = dry->deleteCollection({}, QStringLiteral("items"));
        else if (operation == QLatin1String("getRecords"))
            job = dry->getRecords({}, QStringLiteral("items"));
        else if (operation == QLatin1String("purgeHistory"))
            job = dry->purgeHistory();
        else {
            KintoBatch batch = dry->batch();
            for (int i = 0; i < 30; ++i)
                batch.create(KintoRef::ofRecord({}, {}, QStringLiteral("d%1").arg(i)), obj(R"({"v": 1})"));
            job = batch.send();
        }
        AWAIT_OK(done, job);
        if (operation == QLatin1String("batch"))
            QCOMPARE(done.result.toArray().size(), 30);
        QCOMPARE(requestCount(), before);

        // The server holds what it held.
        AWAIT_FAIL(noBucket, m_client->getBucket(other));
        AWAIT_OK(collection, m_client->getCollection(m_bucket, QStringLiteral("items")));
        AWAIT_OK(records, m_client->getRecords(m_bucket, QStringLiteral("items")));
        QCOMPARE(records.result.toArray().size(), 0);
    }

    // --- Transport behaviour (sandbox only: needs faults or the wire)

    void authorizationHeader_data()
    {
        QTest::addColumn<QString>("auth");
        QTest::addColumn<QByteArray>("header");
        QTest::newRow("user:password") << "alice:alice-secret" << QByteArray("Basic " + QByteArray("alice:alice-secret").toBase64());
        QTest::newRow("password with a colon") << "bob:a:b" << QByteArray("Basic " + QByteArray("bob:a:b").toBase64());
        QTest::newRow("bearer") << "Bearer abc123" << QByteArray("Bearer abc123");
        QTest::newRow("bearer+oidc") << "Bearer+OIDC abc123" << QByteArray("Bearer+OIDC abc123");
        QTest::newRow("basic token") << "Basic Zm9vOmJhcg==" << QByteArray("Basic Zm9vOmJhcg==");
        QTest::newRow("none") << "" << QByteArray();
    }
    void authorizationHeader()
    {
        if (!onSandbox())
            QSKIP("needs to see the request headers");
        QFETCH(QString, auth);
        QFETCH(QByteArray, header);
        QByteArray seen = "unset";
        connect(m_sandbox->server(), &LoopbackHttpServer::requestReceived, this,
                [&seen](const HttpServerRequest &request) { seen = request.header("Authorization"); });
        auto client = makeClient([auth](KintoClient::Settings &s) { s.auth = auth; });
        await(client->serverInfo());
        m_sandbox->server()->disconnect(this);
        QCOMPARE(seen, header);
    }

    void unsupportedAuthRefused()
    {
        const int before = requestCount();
        auto client = makeClient([](KintoClient::Settings &s) { s.auth = QStringLiteral("justatoken"); });
        AWAIT_FAIL(refused, client->getBucket());
        QCOMPARE(refused.error.kind(), ApiError::Kind::Invalid);
        QCOMPARE(requestCount(), before);
    }

    void wrongPasswordIsAnAuthError_data()
    {
        QTest::addColumn<int>("basicAuth"); // on the sandbox: -1 as it is, 0 off, 1 on
        QTest::newRow("as the server is") << -1;
        QTest::newRow("sandbox, accounts only") << 0;
        QTest::newRow("sandbox, basicauth on (Kinto's default)") << 1;
    }
    void wrongPasswordIsAnAuthError()
    {
        QFETCH(int, basicAuth);
        if (basicAuth >= 0 && !onSandbox())
            QSKIP("sets the sandbox's policies");
        if (basicAuth >= 0)
            m_sandbox->setBasicAuth(basicAuth == 1);
        const auto restore = qScopeGuard([this] {
            if (m_sandbox)
                m_sandbox->setBasicAuth(false);
        });
        const QString user = m_auth.section(QLatin1Char(':'), 0, 0);
        auto client = makeClient([user](KintoClient::Settings &s) { s.auth = user + QStringLiteral(":wrong"); });
        const Outcome hello = await(m_client->serverInfo(true));
        if (hello.result.toObject().value(QLatin1String("capabilities")).toObject().contains(QLatin1String("basicauth"))) {
            // Kinto's default basicauth policy does not refuse a wrong password: it signs in
            // another user, "basicauth:<hash>", who may not read our bucket.
            const auto userIdOf = [](const Outcome &info) {
                return info.result.toObject().value(QLatin1String("user")).toObject().value(QLatin1String("id")).toString();
            };
            AWAIT_OK(self, m_client->serverInfo());
            AWAIT_OK(other, client->serverInfo());
            QVERIFY2(userIdOf(other).startsWith(QLatin1String("basicauth:")), qPrintable(userIdOf(other)));
            QVERIFY(userIdOf(other) != userIdOf(self));
            AWAIT_FAIL(hidden, client->getBucket(m_bucket));
            QCOMPARE(hidden.error.httpStatus(), 403);
            QVERIFY2(basicAuth != 0, "the sandbox lists basicauth while it is off");
            return;
        }
        QVERIFY2(basicAuth != 1, "the sandbox does not list basicauth while it is on");
        AWAIT_FAIL(denied, client->createBucket(m_bucket + QStringLiteral("-denied")));
        QVERIFY2(denied.error.httpStatus() == 401 || denied.error.httpStatus() == 403, qPrintable(denied.error.toString()));
    }

    // Kinto answers 400 to a whole batch holding a JSON-patch body (§16): the client refuses it
    // before sending anything, and says where it can go instead.
    void jsonPatchNeverGoesInABatch()
    {
        const int before = requestCount();
        KintoBatch batch = m_client->batch();
        batch.create(KintoRef::ofRecord({}, {}, QStringLiteral("j1")), obj(R"({"v": 1})"))
            .patch(KintoRef::ofRecord({}, {}, QStringLiteral("j1")), KintoPatch::json(arr(R"([{"op": "add", "path": "/data/w", "value": 3}])")));
        QCOMPARE(batch.error().kind(), ApiError::Kind::Invalid);
        QVERIFY2(batch.error().message().contains(QLatin1String("JSON-patch")), qPrintable(batch.error().message()));
        AWAIT_FAIL(refused, batch.send());
        QCOMPARE(refused.error.kind(), ApiError::Kind::Invalid);

        KintoBatch raw = m_client->batch();
        raw.add(QJsonObject { { QLatin1String("method"), QStringLiteral("PATCH") },
                              { QLatin1String("path"), QStringLiteral("/buckets/%1/collections/items/records/j1").arg(m_bucket) },
                              { QLatin1String("body"), arr(R"([{"op": "add", "path": "/data/w", "value": 3}])") } });
        AWAIT_FAIL(rawRefused, raw.send());
        QCOMPARE(rawRefused.error.kind(), ApiError::Kind::Invalid);
        QCOMPARE(requestCount(), before);
        AWAIT_FAIL(absent, m_client->getRecord({}, {}, QStringLiteral("j1")));
        QVERIFY(absent.error.isNotFound());
    }

    // Kinto answers 403 (errno 121) for a bucket that does not exist (§16): the client tells it
    // as "not found", naming the bucket, for a read and a delete alike; --if-exists is fine.
    void missingBucketIsNotFound()
    {
        const QString missing = m_bucket + QStringLiteral("-never");
        AWAIT_FAIL(got, m_client->getBucket(missing));
        QVERIFY2(got.error.isNotFound(), qPrintable(got.error.toString()));
        QVERIFY2(got.error.message().contains(QStringLiteral("bucket %1 does not exist, or you may not read it").arg(missing)),
                 qPrintable(got.error.toString()));
        AWAIT_FAIL(deleted, m_client->deleteBucket(missing));
        QVERIFY2(deleted.error.isNotFound(), qPrintable(deleted.error.toString()));
        KintoWrite ifExists;
        ifExists.ifExists = true;
        AWAIT_OK(ignored, m_client->deleteBucket(missing, ifExists));
        // Inside a readable bucket, a missing object is a 404 that names it.
        AWAIT_FAIL(record, m_client->getRecord({}, {}, QStringLiteral("nope")));
        QVERIFY2(record.error.message().contains(QStringLiteral("record nope of %1/items not found").arg(m_bucket)),
                 qPrintable(record.error.toString()));
        AWAIT_FAIL(collection, m_client->getRecord({}, QStringLiteral("nothere"), QStringLiteral("r1")));
        QVERIFY2(collection.error.isNotFound(), qPrintable(collection.error.toString()));
        QVERIFY2(collection.error.message().contains(QStringLiteral("of %1").arg(m_bucket)), qPrintable(collection.error.toString()));
    }

    void retriesOnServerErrors_data()
    {
        QTest::addColumn<int>("retries");
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("succeeds");
        QTest::newRow("503 retried") << 2 << 503 << true;
        QTest::newRow("409 retried") << 2 << 409 << true;
        QTest::newRow("no retries") << 0 << 503 << false;
    }
    void retriesOnServerErrors()
    {
        if (!onSandbox())
            QSKIP("needs injected faults");
        QFETCH(int, retries);
        QFETCH(int, status);
        QFETCH(bool, succeeds);
        auto client = makeClient([retries](KintoClient::Settings &s) {
            s.retries = retries;
            s.retryAfterMs = 10;
        });
        m_sandbox->failNext(1, status, 0);
        const Outcome outcome = await(client->getBucket(m_bucket));
        QVERIFY(outcome.finished);
        QCOMPARE(!outcome.error, succeeds);
        if (!succeeds)
            QCOMPARE(outcome.error.httpStatus(), status);
    }

    void alertHeaderIsReported()
    {
        // A server announcing its end of life (Kinto deprecation.rst); any server can send it.
        LoopbackHttpServer server;
        QVERIFY(server.listen());
        server.setHandler([](const HttpServerRequest &, HttpResponder *responder) {
            responder->respondJson(200, R"({"data": []})",
                                   { { "Alert", "{\"code\": \"soft-eol\", \"message\": \"Update your client\", \"url\": \"https:\\/\\/example.test\\/eol\"}" } });
        });
        KintoClient::Settings s;
        s.serverUrl = server.baseUrl();
        s.bucket = QStringLiteral("b");
        KintoConnection client(&m_nam, s);
        QSignalSpy alerts(&client, &KintoClient::alert);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("server alert.*soft-eol.*Update your client")));
        AWAIT_OK(listed, client.getCollections(QStringLiteral("b")));
        QCOMPARE(alerts.size(), 1);
        QCOMPARE(alerts.first().first().toJsonObject().value(QLatin1String("code")).toString(), QStringLiteral("soft-eol"));
    }

    void cloneChangesDefaults()
    {
        std::unique_ptr<KintoClient> other(m_client->clone([](KintoClient::Settings &s) { s.collection = QStringLiteral("c9"); }));
        QCOMPARE(other->httpClient(), m_client->httpClient());
        QCOMPARE(other->settings().bucket, m_bucket);
        AWAIT_OK(made, other->createCollection({}, {}));
        QCOMPARE(dataOf(made).value(QLatin1String("id")).toString(), QStringLiteral("c9"));
        AWAIT_OK(record, other->createRecord({}, {}, QStringLiteral("r"), obj(R"({"v": 1})")));
        AWAIT_OK(reread, m_client->getRecord(m_bucket, QStringLiteral("c9"), QStringLiteral("r")));

        std::unique_ptr<KintoClient> elsewhere(m_client->clone([](KintoClient::Settings &s) { s.retries = 3; }));
        QVERIFY(elsewhere->httpClient() != m_client->httpClient());
        QCOMPARE(elsewhere->httpClient()->retryPolicy().maxRetries, 3);
    }
};

QTEST_GUILESS_MAIN(tst_KintoContract)
#include "tst_kintocontract.moc"
