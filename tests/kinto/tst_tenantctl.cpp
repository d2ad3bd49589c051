// `tenantctl kinto ...` run as a separate process against a KintoSandbox in this test process:
// stdout JSON, exit codes, stderr messages, and what the server holds afterwards.

#include "kintoclient.h"
#include "kintosandbox.h"
#include "kintoservice.h"
#include "loopbackhttpserver.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    QJsonValue json() const
    {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(out, &error);
        if (error.error != QJsonParseError::NoError)
            qWarning() << "stdout is not one JSON document:" << out.left(300);
        return doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
    }
    QList<QJsonObject> lines() const
    {
        QList<QJsonObject> objects;
        for (const QByteArray &line : out.split('\n')) {
            if (!line.isEmpty())
                objects << QJsonDocument::fromJson(line).object();
        }
        return objects;
    }
};

QStringList strings(std::initializer_list<const char *> items)
{
    QStringList list;
    for (const char *item : items)
        list << QString::fromUtf8(item);
    return list;
}

QJsonObject obj(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}

} // namespace

// The whole output of a failed run, for the failure message.
#define DESCRIBE(run) qPrintable(QStringLiteral("exit %1\nstdout: %2\nstderr: %3").arg(run.exitCode).arg(QString::fromUtf8(run.out.left(2000)), QString::fromUtf8(run.err.left(2000))))

class tst_Tenantctl : public QObject
{
    Q_OBJECT

private:
    // Runs the binary with exactly these arguments (the event loop runs meanwhile: the sandbox is here).
    Run raw(const QStringList &arguments, const QByteArray &input = {})
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("KINTO_SERVER_URL"));
        env.remove(QStringLiteral("KINTO_AUTH"));
        process.setProcessEnvironment(env);
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(QStringLiteral(TENANTCTL_PATH), arguments);
        if (!process.waitForStarted(10000))
            return {};
        if (!input.isEmpty())
            process.write(input);
        process.closeWriteChannel();
        if (!finished.wait(60000)) {
            process.kill();
            process.waitForFinished();
            return {};
        }
        Run run { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2, process.readAllStandardOutput(),
                  process.readAllStandardError() };
        if (run.err.contains("QCommandLineParser"))
            m_parserWarnings << QString::fromUtf8(run.err); // an option read that the command does not define
        return run;
    }
    // `tenantctl kinto -s URL -a AUTH -b BUCKET -c items ARGS...`
    Run kinto(const QStringList &arguments, const QByteArray &input = {})
    {
        return raw(QStringList { QStringLiteral("kinto"), QStringLiteral("-s"), m_sandbox.baseUrl().toString(),
                                 QStringLiteral("-a"), QStringLiteral("alice:alice-secret"), QStringLiteral("-b"), m_bucket,
                                 QStringLiteral("-c"), QStringLiteral("items") }
                       + arguments,
                   input);
    }
    std::optional<QJsonObject> held(const QString &relativeUri)
    {
        return m_sandbox.service().object(QStringLiteral("/buckets/") + m_bucket + relativeUri);
    }
    int requests() const { return m_sandbox.server()->requestCount(); }

    KintoSandbox m_sandbox;
    QNetworkAccessManager m_nam;
    std::unique_ptr<KintoClient> m_client;
    QString m_bucket;
    QTemporaryDir m_dir;
    QStringList m_parserWarnings;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(QFile::exists(QStringLiteral(TENANTCTL_PATH)));
        QVERIFY(m_sandbox.start());
        m_sandbox.addAccount(QStringLiteral("alice"), QStringLiteral("alice-secret"));
        QVERIFY(m_dir.isValid());
    }

    void init()
    {
        m_bucket = QStringLiteral("cli-%1").arg(QRandomGenerator::global()->generate() % 1000000);
        KintoClient::Settings s;
        s.serverUrl = m_sandbox.baseUrl();
        s.auth = QStringLiteral("alice:alice-secret");
        s.bucket = m_bucket;
        s.collection = QStringLiteral("items");
        m_client = std::make_unique<KintoConnection>(&m_nam, s);
        std::unique_ptr<Job> bucket(m_client->createBucket(m_bucket));
        QVERIFY(TestSupport::waitFor(bucket.get()) && !bucket->hasError());
        std::unique_ptr<Job> collection(m_client->createCollection({}, {}));
        QVERIFY(TestSupport::waitFor(collection.get()) && !collection->hasError());
    }

    void cleanup()
    {
        m_client.reset();
        const QStringList warnings = m_parserWarnings;
        m_parserWarnings.clear();
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(QLatin1Char('\n'))));
    }

    void help_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("tenantctl --help") << strings({ "--help" }) << "kinto";
        QTest::newRow("kinto --help") << strings({ "kinto", "--help" }) << "delete-all";
        QTest::newRow("list --help") << strings({ "kinto", "list", "--help" }) << "--filter";
        QTest::newRow("patch --help") << strings({ "kinto", "patch", "--help" }) << "--json-patch";
        QTest::newRow("attachment --help") << strings({ "kinto", "attachment", "--help" }) << "--overwrite";
        QTest::newRow("help after global options") << strings({ "kinto", "-s", "http://x.test", "batch", "-h" }) << "batch_max_requests";
    }
    void help()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, mentions);
        const Run run = raw(arguments);
        QVERIFY2(run.exitCode == 0, DESCRIBE(run));
        QVERIFY2(run.out.contains("Usage: tenantctl"), DESCRIBE(run));
        QVERIFY2(run.out.contains(mentions.toUtf8()), DESCRIBE(run));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments"); // after the common -s/-a/-b/-c, unless raw
        QTest::addColumn<bool>("rawArguments");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("no service") << QStringList() << true << "no service";
        QTest::newRow("unknown service") << strings({ "zendesk" }) << true << "unknown service";
        QTest::newRow("no command") << QStringList() << false << "no command";
        QTest::newRow("unknown command") << strings({ "frobnicate" }) << false << "unknown command";
        QTest::newRow("no server") << strings({ "kinto", "info" }) << true << "no server";
        QTest::newRow("unknown option") << strings({ "list", "records", "--colour" }) << false << "colour";
        QTest::newRow("bad JSON data") << strings({ "create", "record", "r1", "--data", "{oops" }) << false << "invalid JSON";
        QTest::newRow("data not an object") << strings({ "create", "record", "r1", "--data", "[1]" }) << false << "object";
        QTest::newRow("unknown type") << strings({ "list", "widgets" }) << false << "TYPE";
        QTest::newRow("delete-all without --yes") << strings({ "delete-all", "records" }) << false << "--yes";
        QTest::newRow("invalid bucket id") << strings({ "get", "bucket", "a b" }) << false << "Invalid bucket id";
        QTest::newRow("bad filter") << strings({ "list", "records", "--filter", "novalue" }) << false << "KEY=VALUE";
        QTest::newRow("bad pages") << strings({ "list", "records", "--pages", "many" }) << false << "--pages";
        QTest::newRow("two patch kinds") << strings({ "patch", "record", "r1", "--data", "{}", "--merge", "{}" }) << false << "one of";
        QTest::newRow("missing batch file") << strings({ "batch", "/nonexistent.json" }) << false << "cannot read";
        QTest::newRow("unclosed IPv6 bracket") << strings({ "kinto", "-s", "http://[::1", "-a", "u:p", "info" }) << true << "not a valid URL";
        QTest::newRow("scheme without colon") << strings({ "kinto", "-s", "http//example.com", "info" }) << true << "server address";
        QTest::newRow("ftp server") << strings({ "kinto", "-s", "ftp://example.com", "info" }) << true << "http://";
        QTest::newRow("--timeout nan") << strings({ "--timeout", "nan", "info" }) << false << "--timeout";
        QTest::newRow("--timeout 1e300") << strings({ "--timeout", "1e300", "info" }) << false << "--timeout";
        QTest::newRow("--timeout -inf") << strings({ "--timeout", "-inf", "info" }) << false << "--timeout";
        QTest::newRow("--retry-after inf") << strings({ "--retry-after", "inf", "info" }) << false << "--retry-after";
        QTest::newRow("--data @/dev/zero") << strings({ "create", "record", "r1", "--data", "@/dev/zero" }) << false << "larger than";
    }
    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(bool, rawArguments);
        QFETCH(QString, mentions);
        const int before = requests();
        const Run run = rawArguments ? raw(arguments) : kinto(arguments);
        QVERIFY2(run.exitCode == 2, DESCRIBE(run));
        QVERIFY2(run.err.contains(mentions.toUtf8()), DESCRIBE(run));
        QVERIFY(run.out.isEmpty());
        QCOMPARE(requests(), before);
    }

    void info()
    {
        const Run run = kinto(strings({ "info" }));
        QVERIFY2(run.exitCode == 0, DESCRIBE(run));
        const QJsonObject hello = run.json().toObject();
        QCOMPARE(hello[QLatin1String("settings")][QLatin1String("batch_max_requests")].toInt(), 25);
        QCOMPARE(hello[QLatin1String("user")][QLatin1String("id")].toString(), QStringLiteral("account:alice"));
    }

    void recordLifecycle()
    {
        Run run = kinto(strings({ "create", "record", "r1", "--data", R"({"title": "a", "meta": {"x": 1, "y": 2}})",
                                  "--permissions", R"({"read": ["system.Everyone"]})" }));
        QVERIFY2(run.exitCode == 0, DESCRIBE(run));
        QCOMPARE(run.json()[QLatin1String("data")][QLatin1String("id")].toString(), QStringLiteral("r1"));
        QCOMPARE(held(QStringLiteral("/collections/items/records/r1"))->value(QLatin1String("title")).toString(), QStringLiteral("a"));
        const qint64 created = qint64(run.json()[QLatin1String("data")][QLatin1String("last_modified")].toDouble());

        run = kinto(strings({ "create", "record", "r1", "--data", R"({"title": "b"})" }));
        QVERIFY2(run.exitCode == 4, DESCRIBE(run));
        QVERIFY2(run.err.contains("412") && run.err.contains("current object on the server"), DESCRIBE(run));
        QVERIFY2(run.err.contains(QStringLiteral("record r1 of %1/items already exists").arg(m_bucket).toUtf8()), DESCRIBE(run));
        QVERIFY2(!run.err.contains("modified meanwhile"), DESCRIBE(run));

        run = kinto(strings({ "create", "record", "r1", "--data", R"({"title": "b"})", "--if-not-exists" }));
        QVERIFY2(run.exitCode == 0, DESCRIBE(run));
        QCOMPARE(run.json()[QLatin1String("data")][QLatin1String("title")].toString(), QStringLiteral("a"));
        QCOMPARE(run.json()[QLatin1String("permissions")][QLatin1String("read")].toArray(), QJsonArray { QStringLiteral("system.Everyone") });

        run = kinto(strings({ "patch", "record", "r1", "--merge", R"({"meta": {"x": null, "z": 3}})" }));
        QVERIFY2(run.exitCode == 0, DESCRIBE(run));
        QCOMPARE(held(QStringLiteral("/collections/items/records/r1"))->value(QLatin1String("meta")).toObject(), obj(R"({"y": 2, "z": 3})"));

        run = kinto(strings({ "patch", "record", "r1", "--json-patch", R"([{"op": "replace", "path": "/data/title", "value": "c"}])" }));
        QVERIFY2(run.exitCode == 0, DESCRIBE(run));
        QCOMPARE(held(QStringLiteral("/collections/items/records/r1"))->value(QLatin1String("title")).toString(), QStringLiteral("c"));

        // A stale --if-match: refused, and the server keeps its version.
        run = kinto(QStringList { QStringLiteral("update"), QStringLiteral("record"), QStringLiteral("r1"), QStringLiteral("--data"),
                                  QStringLiteral(R"({"title": "stale"})"), QStringLiteral("--if-match"), QString::number(created) });
        QVERIFY2(run.exitCode == 4, DESCRIBE(run));
        QCOMPARE(held(QStringLiteral("/collections/items/records/r1"))->value(QLatin1String("title")).toString(), QStringLiteral("c"));

        run = kinto(strings({ "update", "record", "r1", "--data", R"({"title": "d"})" }));
        QVERIFY2(run.exitCode == 0, DESCRIBE(run));
        QCOMPARE(held(QStringLiteral("/collections/items/records/r1"))->value(QLatin1String("title")).toString(), QStringLiteral("d"));
        QVERIFY(!held(QStringLiteral("/collections/items/records/r1"))->contains(QLatin1String("meta")));

        run = kinto(strings({ "get", "record", "r1" }));
        QVERIFY2(run.exitCode == 0, DESCRIBE(run));
        QCOMPARE(run.json()[QLatin1String("data")][QLatin1String("title")].toString(), QStringLiteral("d"));

        run = kinto(strings({ "delete", "record", "r1" }));
        QVERIFY2(run.exitCode == 0, DESCRIBE(run));
        QVERIFY(!held(QStringLiteral("/collections/items/records/r1")));
        run = kinto(strings({ "get", "record", "r1" }));
        QVERIFY2(run.exitCode == 3, DESCRIBE(run));
        QVERIFY2(run.err.contains(QStringLiteral("record r1 of %1/items not found").arg(m_bucket).toUtf8()), DESCRIBE(run));
        run = kinto(strings({ "delete", "record", "r1" }));
        QVERIFY2(run.exitCode == 3, DESCRIBE(run));
        run = kinto(strings({ "delete", "record", "r1", "--if-exists" }));
        QVERIFY2(run.exitCode == 0, DESCRIBE(run));
    }

    void dataFromFileAndStdin()
    {
        const QString file = m_dir.filePath(QStringLiteral("data.json"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"from": "file"})");
        f.close();
        Run run = kinto(QStringList { QStringLiteral("create"), QStringLiteral("record"), QStringLiteral("f1"), QStringLiteral("--data"),
                                      QLatin1Char('@') + file });
        QVERIFY2(run.exitCode == 0, DESCRIBE(run));
        QCOMPARE(held(QStringLiteral("/collections/items/records/f1"))->value(QLatin1String("from")).toString(), QStringLiteral("file"));
        run = kinto(strings({ "create", "record", "s1", "--data", "@-" }), R"({"from": "stdin"})");
        QVERIFY2(run.exitCode == 0, DESCRIBE(run));
        QCOMPARE(held(QStringLiteral("/collections/items/records/s1"))->value(QLatin1String("from")).toString(), QStringLiteral("stdin"));
    }

    void bucketsGroupsCollections()
    {
        Run run = kinto(strings({ "create", "group", "editors", "--data", R"({"members": ["account:bob"]})" }));
        QVERIFY2(run.exitCode == 0, DESCRIBE(run));
        QCOMPARE(held(QStringLiteral("/groups/editors"))->value(QLatin1String("members")).toArray(), QJsonArray { QStringLiteral("account:bob") });
        run = kinto(strings({ "create", "collection", "c2", "--data", R"({"displayFields": ["title"]})" }));
        QVERIFY2(run.exitCode == 0, DESCRIBE(run));
        QVERIFY(held(QStringLiteral("/collections/c2")));
        run = kinto(strings({ "list", "collections", "--sort", "id" }));
        QVERIFY2(run.exitCode == 0, DESCRIBE(run));
        QCOMPARE(run.json().toArray().size(), 2);
        QCOMPARE(run.json()[0][QLatin1String("id")].toString(), QStringLiteral("c2"));
        run = kinto(strings({ "get", "bucket" })); // -b is the default id
        QVERIFY2(run.exitCode == 0, DESCRIBE(run));
        QCOMPARE(run.json()[QLatin1String("data")][QLatin1String("id")].toString(), m_bucket);
        run = kinto(strings({ "delete-all", "groups", "--yes" }));
        QVERIFY2(run.exitCode == 0, DESCRIBE(run));
        QCOMPARE(run.json().toArray().size(), 1);
        QVERIFY(!held(QStringLiteral("/groups/editors")));
    }

    void exitCodes_data()
    {
        QTest::addColumn<QString>("server"); // "sandbox" or "closed"
        QTest::addColumn<QString>("auth");
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("not found") << "sandbox" << "alice:alice-secret" << strings({ "get", "record", "nope" }) << 3;
        QTest::newRow("wrong password") << "sandbox" << "alice:wrong" << strings({ "create", "bucket", "zz-denied" }) << 5;
        QTest::newRow("connection refused") << "closed" << "alice:alice-secret" << strings({ "info" }) << 6;
        QTest::newRow("unsupported auth") << "sandbox" << "justatoken" << strings({ "info" }) << 2;
    }
    void exitCodes()
    {
        QFETCH(QString, server);
        QFETCH(QString, auth);
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QString url = m_sandbox.baseUrl().toString();
        if (server == QLatin1String("closed")) {
            QTcpServer probe; // a port nobody listens on once the probe is gone
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            url = QStringLiteral("http://127.0.0.1:%1").arg(probe.serverPort());
        }
        const Run run = raw(QStringList { QStringLiteral("kinto"), QStringLiteral("-s"), url, QStringLiteral("-a"), auth,
                                          QStringLiteral("-b"), m_bucket, QStringLiteral("-c"), QStringLiteral("items") }
                            + arguments);
        QVERIFY2(run.exitCode == exitCode, DESCRIBE(run));
        QVERIFY2(run.err.startsWith("tenantctl kinto: "), DESCRIBE(run));
        QVERIFY(run.out.isEmpty());
    }

    void listingAndPaging_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<bool>("jsonl");
        QTest::addColumn<QStringList>("expectedIds"); // empty: just count
        QTest::addColumn<int>("expectedCount");
        QTest::newRow("every page as lines") << strings({ "--limit", "10", "--pages", "all" }) << true << QStringList() << 25;
        QTest::newRow("one page by default with --limit") << strings({ "--limit", "10" }) << false << QStringList() << 10;
        QTest::newRow("two pages") << strings({ "--limit", "10", "--pages", "2" }) << true << QStringList() << 20;
        QTest::newRow("filter and sort") << strings({ "--filter", "min_n=22", "--sort", "-n" }) << false
                                         << strings({ "r24", "r23", "r22" }) << 3;
        QTest::newRow("two filters") << strings({ "--filter", "in_id=r01,r05,r07", "--filter", "gt_n=4", "--sort", "n" }) << true
                                     << strings({ "r05", "r07" }) << 2;
        QTest::newRow("fields") << strings({ "--fields", "n", "--filter", "n=3" }) << false << strings({ "r03" }) << 1;
    }
    void listingAndPaging()
    {
        QFETCH(QStringList, arguments);
        QFETCH(bool, jsonl);
        QFETCH(QStringList, expectedIds);
        QFETCH(int, expectedCount);
        KintoBatch batch = m_client->batch();
        for (int i = 0; i < 25; ++i)
            batch.create(KintoRef::ofRecord({}, {}, QStringLiteral("r%1").arg(i, 2, 10, QLatin1Char('0'))),
                         QJsonObject { { QLatin1String("n"), i }, { QLatin1String("other"), true } });
        std::unique_ptr<Job> seeded(batch.send());
        QVERIFY(TestSupport::waitFor(seeded.get()) && !seeded->hasError());

        const Run run = jsonl ? raw(QStringList { QStringLiteral("kinto"), QStringLiteral("--jsonl"), QStringLiteral("-s"),
                                                  m_sandbox.baseUrl().toString(), QStringLiteral("-a"), QStringLiteral("alice:alice-secret"),
                                                  QStringLiteral("-b"), m_bucket, QStringLiteral("-c"), QStringLiteral("items"),
                                                  QStringLiteral("list"), QStringLiteral("records") }
                                    + arguments)
                              : kinto(strings({ "list", "records" }) + arguments);
        QVERIFY2(run.exitCode == 0, DESCRIBE(run));
        QList<QJsonObject> items;
        if (jsonl) {
            items = run.lines();
        } else {
            for (const QJsonValue &item : run.json().toArray())
                items << item.toObject();
        }
        QCOMPARE(items.size(), expectedCount);
        QStringList ids;
        for (const QJsonObject &item : items)
            ids << item.value(QLatin1String("id")).toString();
        QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), expectedCount);
        if (!expectedIds.isEmpty())
            QCOMPARE(ids, expectedIds);
        if (arguments.contains(QStringLiteral("--fields")))
            QVERIFY(!items.first().contains(QLatin1String("other")));

        const Run count = kinto(strings({ "count" }));
        QVERIFY2(count.exitCode == 0, DESCRIBE(count));
        QCOMPARE(count.out.trimmed(), QByteArray("25"));
        const Run timestamp = kinto(strings({ "timestamp" }));
        QVERIFY2(timestamp.exitCode == 0, DESCRIBE(timestamp));
        bool isNumber = false;
        QVERIFY2(timestamp.out.trimmed().toLongLong(&isNumber) > 0 && isNumber, DESCRIBE(timestamp)); // a number, not a string
    }

    void batchFromFile()
    {
        std::unique_ptr<Job> existing(m_client->createRecord({}, {}, QStringLiteral("taken"), obj(R"({"v": 0})")));
        QVERIFY(TestSupport::waitFor(existing.get()) && !existing->hasError());
        const QString path = QStringLiteral("/buckets/%1/collections/items/records/").arg(m_bucket);
        QJsonArray requests;
        for (const QString &id : strings({ "b1", "b2", "taken", "b3" }))
            requests.append(QJsonObject { { QLatin1String("path"), QString(path + id) },
                                          { QLatin1String("body"), QJsonObject { { QLatin1String("data"), QJsonObject { { QLatin1String("v"), id } } } } },
                                          { QLatin1String("headers"), QJsonObject { { QLatin1String("If-None-Match"), QStringLiteral("*") } } } });
        const QJsonObject content { { QLatin1String("defaults"), QJsonObject { { QLatin1String("method"), QStringLiteral("PUT") } } },
                                    { QLatin1String("requests"), requests } };
        const QString file = m_dir.filePath(QStringLiteral("batch.json"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(content).toJson());
        f.close();

        Run run = kinto(QStringList { QStringLiteral("batch"), file });
        QVERIFY2(run.exitCode == 4, DESCRIBE(run)); // the 412 on "taken"
        QVERIFY2(run.err.contains("1 of 4 batch operations failed"), DESCRIBE(run));
        const QJsonArray responses = run.json().toArray();
        QCOMPARE(responses.size(), 4);
        QList<int> statuses;
        for (const QJsonValue &r : responses)
            statuses << r[QLatin1String("status")].toInt();
        QCOMPARE(statuses, (QList<int> { 201, 201, 412, 201 }));
        QVERIFY(held(QStringLiteral("/collections/items/records/b3")));
        QCOMPARE(held(QStringLiteral("/collections/items/records/taken"))->value(QLatin1String("v")).toInt(), 0);

        // From stdin, a bare array.
        run = kinto(strings({ "batch", "-" }),
                    QJsonDocument(QJsonArray { QJsonObject { { QLatin1String("method"), QStringLiteral("DELETE") },
                                                             { QLatin1String("path"), QString(path + QStringLiteral("b1")) } } })
                        .toJson());
        QVERIFY2(run.exitCode == 0, DESCRIBE(run));
        QVERIFY(!held(QStringLiteral("/collections/items/records/b1")));
    }

    void attachments()
    {
        const QString source = m_dir.filePath(QStringLiteral("photo.bin"));
        QByteArray bytes;
        for (int i = 0; i < 5000; ++i)
            bytes += char(i % 251);
        QFile f(source);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
        f.close();
        Run run = kinto(QStringList { QStringLiteral("attachment"), QStringLiteral("upload"), QStringLiteral("a1"), source,
                                      QStringLiteral("--data"), QStringLiteral(R"({"title": "photo"})") });
        QVERIFY2(run.exitCode == 0, DESCRIBE(run));
        const QString sha = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
        QCOMPARE(run.json()[QLatin1String("hash")].toString(), sha);
        QCOMPARE(held(QStringLiteral("/collections/items/records/a1"))->value(QLatin1String("title")).toString(), QStringLiteral("photo"));

        const QString target = m_dir.filePath(QStringLiteral("download/copy.bin"));
        run = kinto(QStringList { QStringLiteral("attachment"), QStringLiteral("download"), QStringLiteral("a1"), target });
        QVERIFY2(run.exitCode == 0, DESCRIBE(run));
        QCOMPARE(run.json()[QLatin1String("path")].toString(), target);
        QFile copy(target);
        QVERIFY(copy.open(QIODevice::ReadOnly));
        QCOMPARE(copy.readAll(), bytes);

        run = kinto(strings({ "attachment", "remove", "a1" }));
        QVERIFY2(run.exitCode == 0, DESCRIBE(run));
        QCOMPARE(run.json()[QLatin1String("data")][QLatin1String("id")].toString(), QStringLiteral("a1")); // the record as it is now
        QCOMPARE(run.json()[QLatin1String("data")][QLatin1String("title")].toString(), QStringLiteral("photo"));
        QVERIFY(run.json()[QLatin1String("data")][QLatin1String("attachment")].isNull());
        QVERIFY(held(QStringLiteral("/collections/items/records/a1"))->value(QLatin1String("attachment")).isNull());
        run = kinto(strings({ "attachment", "download", "a1", "/tmp/never" }));
        QVERIFY2(run.exitCode == 2, DESCRIBE(run)); // no attachment to download: refused
    }

    void historyAndPermissions()
    {
        Run run = kinto(strings({ "create", "record", "h1", "--data", R"({"v": 1})" }));
        QVERIFY2(run.exitCode == 0, DESCRIBE(run));
        run = kinto(strings({ "patch", "record", "h1", "--data", R"({"v": 2})" }));
        QVERIFY2(run.exitCode == 0, DESCRIBE(run));

        run = kinto(strings({ "history", "--filter", "resource_name=record", "--sort", "last_modified" }));
        QVERIFY2(run.exitCode == 0, DESCRIBE(run));
        QStringList actions;
        for (const QJsonValue &entry : run.json().toArray())
            actions << entry[QLatin1String("action")].toString();
        QCOMPARE(actions, strings({ "create", "update" }));

        run = kinto(strings({ "purge-history", "--filter", "resource_name=record" }));
        QVERIFY2(run.exitCode == 0, DESCRIBE(run));
        run = kinto(strings({ "history", "--filter", "resource_name=record" }));
        QCOMPARE(run.json().toArray().size(), 0);

        run = raw(QStringList { QStringLiteral("kinto"), QStringLiteral("--jsonl"), QStringLiteral("-s"), m_sandbox.baseUrl().toString(),
                                QStringLiteral("-a"), QStringLiteral("alice:alice-secret"), QStringLiteral("permissions"),
                                QStringLiteral("--filter"), QStringLiteral("bucket_id=") + m_bucket, QStringLiteral("--exclude"),
                                QStringLiteral("record") });
        QVERIFY2(run.exitCode == 0, DESCRIBE(run));
        QStringList names;
        for (const QJsonObject &entry : run.lines())
            names << entry.value(QLatin1String("resource_name")).toString();
        names.sort();
        QCOMPARE(names, strings({ "bucket", "collection" }));
    }

    // A batch file of the tool's own operations, as kinto-http's client.batch() takes them.
    void batchOfOwnOperations()
    {
        std::unique_ptr<Job> seeded(m_client->createRecord({}, {}, QStringLiteral("gone"), obj(R"({"v": 0})")));
        QVERIFY(TestSupport::waitFor(seeded.get()) && !seeded->hasError());
        const QByteArray operations = R"([
            {"action": "create", "type": "group", "id": "editors", "data": {"members": ["account:bob"]}},
            {"action": "create", "type": "collection", "id": "c2", "data": {"displayFields": ["title"]},
             "permissions": {"read": ["system.Everyone"]}},
            {"action": "create", "type": "record", "id": "o1", "data": {"title": "one", "m": {"a": 1}}},
            {"action": "patch", "type": "record", "id": "o1", "merge": {"m": {"b": 2}}},
            {"action": "create", "type": "record", "collection": "c2", "id": "o2", "data": {"title": "two"}},
            {"action": "update", "type": "record", "id": "o3", "data": {"title": "three"}},
            {"action": "delete", "type": "record", "id": "gone"}
        ])";
        const Run run = kinto(strings({ "batch", "-" }), operations);
        QVERIFY2(run.exitCode == 0, DESCRIBE(run));
        QCOMPARE(run.json().toArray().size(), 7);
        QCOMPARE(held(QStringLiteral("/groups/editors"))->value(QLatin1String("members")).toArray(), QJsonArray { QStringLiteral("account:bob") });
        QVERIFY(held(QStringLiteral("/collections/c2")));
        QCOMPARE(held(QStringLiteral("/collections/items/records/o1"))->value(QLatin1String("m")).toObject(), obj(R"({"a": 1, "b": 2})"));
        QCOMPARE(held(QStringLiteral("/collections/c2/records/o2"))->value(QLatin1String("title")).toString(), QStringLiteral("two"));
        QCOMPARE(held(QStringLiteral("/collections/items/records/o3"))->value(QLatin1String("title")).toString(), QStringLiteral("three"));
        QVERIFY(!held(QStringLiteral("/collections/items/records/gone")));

        const Run bad = kinto(strings({ "batch", "-" }), R"([{"action": "frobnicate", "type": "record", "id": "x"}])");
        QVERIFY2(bad.exitCode == 2 && bad.err.contains("batch operation #1"), DESCRIBE(bad));
    }

    // Kinto refuses a whole batch holding a JSON-patch (400 errno 107): nothing is sent, and the
    // message says to send it on its own.
    void jsonPatchIsRefusedInABatch_data()
    {
        QTest::addColumn<QByteArray>("operations");
        QTest::newRow("own operation") << QByteArray(R"([{"action": "create", "type": "record", "id": "j1", "data": {}},
            {"action": "patch", "type": "record", "id": "j1", "json-patch": [{"op": "add", "path": "/data/w", "value": 3}]}])");
        QTest::newRow("raw request") << QByteArray(R"([{"method": "PATCH", "path": "/buckets/b/collections/items/records/j1",
            "body": [{"op": "add", "path": "/data/w", "value": 3}]}])");
    }
    void jsonPatchIsRefusedInABatch()
    {
        QFETCH(QByteArray, operations);
        const int before = requests();
        const Run run = kinto(strings({ "batch", "-" }), operations);
        QVERIFY2(run.exitCode == 2, DESCRIBE(run));
        QVERIFY2(run.err.contains("JSON-patch") && run.err.contains("a request of its own"), DESCRIBE(run));
        QCOMPARE(requests(), before);
        QVERIFY(!held(QStringLiteral("/collections/items/records/j1")));
    }

    // A chunk the server fails (503, rolled back) after another one landed: the output says, per
    // operation, what was applied and what was not, and agrees with what the server holds.
    void batchWithAFailedChunkReportsEachOperation()
    {
        m_sandbox.setBatchMaxRequests(2);
        const auto restore = qScopeGuard([this] { m_sandbox.setBatchMaxRequests(25); });
        bool armed = false;
        QMetaObject::Connection once = connect(&m_sandbox, &KintoSandbox::requestServed, this,
            [this, &armed](const QByteArray &, const QString &path, int status) {
                if (!armed && path.endsWith(QLatin1String("/batch")) && status == 200) {
                    armed = true;
                    m_sandbox.failNext(1, 503, 0); // the next chunk to arrive
                }
            });
        QJsonArray operations;
        for (int i = 1; i <= 6; ++i)
            operations.append(QJsonObject { { QLatin1String("action"), QStringLiteral("create") }, { QLatin1String("type"), QStringLiteral("record") },
                                            { QLatin1String("id"), QStringLiteral("k%1").arg(i) },
                                            { QLatin1String("data"), QJsonObject { { QLatin1String("n"), i } } } });
        const Run run = kinto(strings({ "batch", "-" }), QJsonDocument(operations).toJson());
        disconnect(once);
        QVERIFY2(run.exitCode != 0, DESCRIBE(run));
        QVERIFY2(run.err.contains("503"), DESCRIBE(run));
        const QJsonArray report = run.json().toArray();
        QCOMPARE(report.size(), 6);
        int applied = 0;
        int refused = 0;
        for (const QJsonValue &entry : report) {
            const QString id = entry[QLatin1String("path")].toString().section(QLatin1Char('/'), -1);
            const QJsonValue state = entry[QLatin1String("applied")];
            QVERIFY2(state.isBool() || state.isNull(), DESCRIBE(run));
            if (state.isBool()) {
                // What the report says is what the server holds.
                QCOMPARE(bool(held(QStringLiteral("/collections/items/records/") + id)), state.toBool());
                (state.toBool() ? applied : refused) += 1;
            }
        }
        QVERIFY2(applied >= 2 && refused >= 2, DESCRIBE(run)); // the chunk before the failure, and the failed one
    }

    // `replicate`: a collection with its schema, permissions and records to another server, in
    // batches; run again, the existing target is kept and the records replaced.
    void replicateToAnotherServer()
    {
        KintoSandbox target;
        QVERIFY(target.start());
        target.addAccount(QStringLiteral("carol"), QStringLiteral("carol-secret"));
        target.setBatchMaxRequests(10);
        const QJsonObject schema = obj(R"({"type": "object", "properties": {"n": {"type": "integer"}}})");
        std::unique_ptr<Job> attrs(m_client->patchCollection({}, {}, KintoPatch::basic(QJsonObject { { QLatin1String("schema"), schema },
                                                                                                  { QLatin1String("displayFields"), QJsonArray { QStringLiteral("n") } } },
                                                                                      QJsonObject { { QLatin1String("read"), QJsonArray { QStringLiteral("system.Everyone") } } })));
        QVERIFY(TestSupport::waitFor(attrs.get()) && !attrs->hasError());
        KintoBatch batch = m_client->batch();
        for (int i = 0; i < 35; ++i)
            batch.create(KintoRef::ofRecord({}, {}, QStringLiteral("r%1").arg(i)), QJsonObject { { QLatin1String("n"), i } });
        std::unique_ptr<Job> seeded(batch.send());
        QVERIFY(TestSupport::waitFor(seeded.get()) && !seeded->hasError());

        const QStringList to { QStringLiteral("--to-server"), target.baseUrl().toString(), QStringLiteral("--to-auth"),
                               QStringLiteral("carol:carol-secret"), QStringLiteral("--to-bucket"), QStringLiteral("copy") };
        Run run = kinto(QStringList { QStringLiteral("replicate") } + to);
        QVERIFY2(run.exitCode == 0, DESCRIBE(run));
        QJsonObject summary = run.json().toObject();
        QCOMPARE(summary[QLatin1String("bucket")].toString(), QStringLiteral("created"));
        QCOMPARE(summary[QLatin1String("collection")].toString(), QStringLiteral("created"));
        QCOMPARE(summary[QLatin1String("records")].toInt(), 35);
        QCOMPARE(summary[QLatin1String("written")].toInt(), 35);
        QCOMPARE(summary[QLatin1String("failed")].toInt(), 0);
        QCOMPARE(summary[QLatin1String("batches")].toInt(), 4);
        QVERIFY2(!run.out.contains("secret"), DESCRIBE(run));
        const std::optional<QJsonObject> collection = target.service().object(QStringLiteral("/buckets/copy/collections/items"));
        QVERIFY(collection);
        QCOMPARE(collection->value(QLatin1String("schema")).toObject(), schema);
        QCOMPARE(target.service().object(QStringLiteral("/buckets/copy/collections/items/records/r34"))->value(QLatin1String("n")).toInt(), 34);

        // Again, after a change at the source: the target is kept, the records replaced.
        std::unique_ptr<Job> changed(m_client->patchRecord({}, {}, QStringLiteral("r3"), KintoPatch::basic(obj(R"({"n": 303})"))));
        QVERIFY(TestSupport::waitFor(changed.get()) && !changed->hasError());
        run = kinto(QStringList { QStringLiteral("replicate") } + to);
        QVERIFY2(run.exitCode == 0, DESCRIBE(run));
        summary = run.json().toObject();
        QCOMPARE(summary[QLatin1String("collection")].toString(), QStringLiteral("existing"));
        QCOMPARE(summary[QLatin1String("written")].toInt(), 35);
        QCOMPARE(target.service().object(QStringLiteral("/buckets/copy/collections/items/records/r3"))->value(QLatin1String("n")).toInt(), 303);

        const Run itself = kinto(strings({ "replicate" }));
        QVERIFY2(itself.exitCode == 2 && itself.err.contains("the source itself"), DESCRIBE(itself));
    }

    // Global options anywhere on the line, as kinto-http's command line takes them.
    void globalOptionsAnywhere()
    {
        std::unique_ptr<Job> seeded(m_client->createRecord({}, {}, QStringLiteral("g1"), obj(R"({"v": 1})")));
        QVERIFY(TestSupport::waitFor(seeded.get()) && !seeded->hasError());
        const Run run = raw(QStringList { QStringLiteral("kinto"), QStringLiteral("list"), QStringLiteral("records"), QStringLiteral("-b"),
                                          m_bucket, QStringLiteral("--jsonl"), QStringLiteral("-c"), QStringLiteral("items"),
                                          QStringLiteral("--limit"), QStringLiteral("5"), QStringLiteral("-s"), m_sandbox.baseUrl().toString(),
                                          QStringLiteral("--auth"), QStringLiteral("alice:alice-secret") });
        QVERIFY2(run.exitCode == 0, DESCRIBE(run));
        QCOMPARE(run.lines().size(), 1);
        QCOMPARE(run.lines().first().value(QLatin1String("id")).toString(), QStringLiteral("g1"));
    }

    // A bucket that does not exist is answered 403 errno 121 by Kinto: one meaning everywhere.
    void missingBucketIsNotFound()
    {
        const QString missing = m_bucket + QStringLiteral("-never");
        const QByteArray message = QStringLiteral("bucket %1 does not exist, or you may not read it").arg(missing).toUtf8();
        Run run = kinto(QStringList { QStringLiteral("get"), QStringLiteral("bucket"), missing });
        QVERIFY2(run.exitCode == 3 && run.err.contains(message), DESCRIBE(run));
        run = kinto(QStringList { QStringLiteral("delete"), QStringLiteral("bucket"), missing });
        QVERIFY2(run.exitCode == 3 && run.err.contains("does not exist"), DESCRIBE(run));
        run = kinto(QStringList { QStringLiteral("delete"), QStringLiteral("bucket"), missing, QStringLiteral("--if-exists") });
        QVERIFY2(run.exitCode == 0, DESCRIBE(run));
    }

    // Every record is read in the server's pages, printed as they arrive: what came before a
    // failing page is on stdout, still one JSON document.
    void fetchAllStreamsPages()
    {
        m_sandbox.setPaginateBy(1000); // a server's paginate_by
        const auto restore = qScopeGuard([this] { m_sandbox.setPaginateBy(0); });
        KintoBatch batch = m_client->batch();
        for (int i = 0; i < 2500; ++i)
            batch.create(KintoRef::ofRecord({}, {}, QStringLiteral("p%1").arg(i, 4, 10, QLatin1Char('0'))), QJsonObject { { QLatin1String("n"), i } });
        std::unique_ptr<Job> seeded(batch.send());
        QVERIFY(TestSupport::waitFor(seeded.get(), 60000) && !seeded->hasError());

        int pages = 0;
        QMetaObject::Connection counting = connect(&m_sandbox, &KintoSandbox::requestServed, this,
            [&pages](const QByteArray &method, const QString &path, int) { pages += method == "GET" && path.endsWith(QLatin1String("/records")); });
        Run run = kinto(strings({ "list", "records" }));
        QVERIFY2(run.exitCode == 0, DESCRIBE(run));
        QCOMPARE(run.json().toArray().size(), 2500);
        QCOMPARE(pages, 3); // the server's pages of 1,000
        disconnect(counting);

        bool armed = false;
        QMetaObject::Connection failing = connect(&m_sandbox, &KintoSandbox::requestServed, this,
            [this, &armed](const QByteArray &method, const QString &path, int) {
                if (!armed && method == "GET" && path.endsWith(QLatin1String("/records"))) {
                    armed = true;
                    m_sandbox.failNext(1, 503, 0); // the second page
                }
            });
        run = kinto(strings({ "list", "records" }));
        disconnect(failing);
        QVERIFY2(run.exitCode == 1, DESCRIBE(run));
        QCOMPARE(run.json().toArray().size(), 1000);
    }

    void dryRunPrintsRequests()
    {
        const int before = requests();
        Run run = kinto(strings({ "--dry-run", "create", "record", "dry1", "--data", R"({"v": 1, "password": "hunter2"})" }));
        QVERIFY2(run.exitCode == 0, DESCRIBE(run));
        const QByteArray url = m_sandbox.baseUrl().toString().toUtf8() + "/buckets/" + m_bucket.toUtf8() + "/collections/items/records/dry1";
        QVERIFY2(run.out.startsWith(QByteArray("PUT " + url + '\n')), DESCRIBE(run));
        QVERIFY2(run.out.contains("\nIf-None-Match: *\n"), DESCRIBE(run));
        QVERIFY2(run.out.contains("\nAuthorization: Basic (redacted)\n"), DESCRIBE(run));
        QVERIFY2(run.out.contains("\nContent-Type: application/json\n"), DESCRIBE(run));
        QVERIFY2(run.out.contains("\"v\": 1"), DESCRIBE(run));
        QVERIFY2(!run.out.contains("hunter2") && !run.out.contains("alice-secret")
                     && !run.out.contains(QByteArray("alice:alice-secret").toBase64()), DESCRIBE(run));

        run = kinto(strings({ "--dry-run", "batch", "-" }), R"([{"action": "delete", "type": "record", "id": "x1"}])");
        QVERIFY2(run.exitCode == 0, DESCRIBE(run));
        QVERIFY2(run.out.startsWith(QByteArray("POST " + m_sandbox.baseUrl().toString().toUtf8() + "/batch\n")), DESCRIBE(run));
        QVERIFY2(run.out.contains(QStringLiteral("\"path\": \"/buckets/%1/collections/items/records/x1\"").arg(m_bucket).toUtf8()), DESCRIBE(run));
        QCOMPARE(requests(), before);
    }

    void dryRunSendsNothing()
    {
        const int before = requests();
        const Run run = kinto(strings({ "--dry-run", "create", "record", "dry1", "--data", R"({"v": 1})" }));
        QVERIFY2(run.exitCode == 0, DESCRIBE(run));
        QCOMPARE(requests(), before);
        QVERIFY(!held(QStringLiteral("/collections/items/records/dry1")));
    }
};

QTEST_GUILESS_MAIN(tst_Tenantctl)
#include "tst_tenantctl.moc"
