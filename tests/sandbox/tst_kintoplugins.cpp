// The Kinto sandbox's plugins as a client sees them: history, attachments, accounts; and the demo
// data.
#include "kintosandboxtest.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QHttpMultiPart>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

class TestKintoPlugins : public KintoSandboxTest
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(startSandbox()); }
    void cleanup() { stopSandbox(); }

    void historyRecordsChanges();
    void attachmentUploadDownloadDelete();
    void attachmentErrors_data();
    void attachmentErrors();
    void accountsSignUpAndLogin();
    void seedDemoDataIsFastAndUsable();
};

// ---- history

void TestKintoPlugins::historyRecordsChanges()
{
    QCOMPARE(call("PUT", QStringLiteral("/buckets/h"), obj("{}"), QStringLiteral("alice")).status, 201);
    QCOMPARE(call("PUT", QStringLiteral("/buckets/h/collections/c"), obj("{}"), QStringLiteral("alice")).status, 201);
    QCOMPARE(call("PUT", QStringLiteral("/buckets/h/collections/c/records/r"), obj(R"({"data": {"v": 1}})"),
                  QStringLiteral("alice")).status, 201);
    QCOMPARE(call("PATCH", QStringLiteral("/buckets/h/collections/c/records/r"), obj(R"({"data": {"v": 2}})"),
                  QStringLiteral("alice")).status, 200);
    QCOMPARE(call("DELETE", QStringLiteral("/buckets/h/collections/c/records/r"), QJsonValue::Undefined,
                  QStringLiteral("alice")).status, 200);

    const Exchange all = call("GET", QStringLiteral("/buckets/h/history"), QJsonValue::Undefined, QStringLiteral("alice"));
    QCOMPARE(all.status, 200);
    QCOMPARE(all.list().size(), 5);
    const QJsonObject newest = all.list().first().toObject();
    QCOMPARE(newest.value(QStringLiteral("action")).toString(), QStringLiteral("delete"));
    QCOMPARE(newest.value(QStringLiteral("resource_name")).toString(), QStringLiteral("record"));
    QCOMPARE(newest.value(QStringLiteral("uri")).toString(), QStringLiteral("/buckets/h/collections/c/records/r"));
    QCOMPARE(newest.value(QStringLiteral("record_id")).toString(), QStringLiteral("r"));
    QCOMPARE(newest.value(QStringLiteral("collection_id")).toString(), QStringLiteral("c"));
    QCOMPARE(newest.value(QStringLiteral("user_id")).toString(), QStringLiteral("account:alice"));
    QVERIFY(!newest.value(QStringLiteral("date")).toString().isEmpty());
    QVERIFY(!newest.contains(QStringLiteral("bucket_id")));

    const Exchange records = call("GET", QStringLiteral("/buckets/h/history?resource_name=record&_sort=last_modified"),
                                  QJsonValue::Undefined, QStringLiteral("alice"));
    QStringList actions;
    for (const QJsonValue &v : records.list())
        actions << v.toObject().value(QStringLiteral("action")).toString();
    QCOMPARE(actions, (QStringList{QStringLiteral("create"), QStringLiteral("update"), QStringLiteral("delete")}));
    const QJsonObject update = records.list().at(1).toObject();
    QCOMPARE(update.value(QStringLiteral("target")).toObject().value(QStringLiteral("data")).toObject()
                 .value(QStringLiteral("v")).toInt(), 2);
    QVERIFY(update.value(QStringLiteral("target")).toObject().value(QStringLiteral("permissions")).toObject()
                .value(QStringLiteral("write")).toArray().contains(QStringLiteral("account:alice")));

    QCOMPARE(call("GET", QStringLiteral("/buckets/h/history"), QJsonValue::Undefined, QStringLiteral("bob")).status, 403);
    QCOMPARE(call("DELETE", QStringLiteral("/buckets/h/history?resource_name=record"), QJsonValue::Undefined,
                  QStringLiteral("alice")).status, 200);
    QCOMPARE(call("GET", QStringLiteral("/buckets/h/history"), QJsonValue::Undefined, QStringLiteral("alice")).list().size(), 2);
}

// ---- attachments

void TestKintoPlugins::attachmentUploadDownloadDelete()
{
    put(QStringLiteral("/buckets/b"), {});
    put(QStringLiteral("/buckets/b/collections/c"), {});
    const QByteArray content = "%PDF-1.4 pretend this is a report\n";

    auto *multi = new QHttpMultiPart(QHttpMultiPart::FormDataType);
    QHttpPart file;
    file.setHeader(QNetworkRequest::ContentDispositionHeader,
                   QByteArray("form-data; name=\"attachment\"; filename=\"report.pdf\""));
    file.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/pdf"));
    file.setBody(content);
    QHttpPart data;
    data.setHeader(QNetworkRequest::ContentDispositionHeader, QByteArray("form-data; name=\"data\""));
    data.setBody(R"({"title": "Quarterly report"})");
    multi->append(file);
    multi->append(data);
    QNetworkReply *reply = m_client->nam().post(request(QStringLiteral("/buckets/b/collections/c/records/doc/attachment"),
                                               QStringLiteral("alice")), multi);
    multi->setParent(reply);
    const Exchange uploaded = finish(reply);
    QCOMPARE(uploaded.status, 201);
    QCOMPARE(uploaded.json.value(QStringLiteral("filename")).toString(), QStringLiteral("report.pdf"));
    QCOMPARE(uploaded.json.value(QStringLiteral("mimetype")).toString(), QStringLiteral("application/pdf"));
    QCOMPARE(uploaded.json.value(QStringLiteral("size")).toInt(), content.size());
    QCOMPARE(uploaded.json.value(QStringLiteral("hash")).toString(),
             QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex()));
    const QString location = uploaded.json.value(QStringLiteral("location")).toString();
    QVERIFY(location.endsWith(QLatin1String(".pdf")));

    const Exchange record = call("GET", QStringLiteral("/buckets/b/collections/c/records/doc"), QJsonValue::Undefined,
                                 QStringLiteral("alice"));
    QCOMPARE(record.status, 200);
    QCOMPARE(record.data().value(QStringLiteral("title")).toString(), QStringLiteral("Quarterly report"));
    QCOMPARE(record.data().value(QStringLiteral("attachment")).toObject().value(QStringLiteral("location")).toString(), location);

    const Exchange download = call("GET", location);
    QCOMPARE(download.status, 200);
    QCOMPARE(download.body, content);
    QCOMPARE(download.header("Content-Type"), QByteArray("application/pdf"));

    const Exchange removed = call("DELETE", QStringLiteral("/buckets/b/collections/c/records/doc/attachment"),
                                  QJsonValue::Undefined, QStringLiteral("alice"));
    QCOMPARE(removed.status, 204);
    const Exchange after = call("GET", QStringLiteral("/buckets/b/collections/c/records/doc"), QJsonValue::Undefined,
                                QStringLiteral("alice"));
    QVERIFY(after.data().contains(QStringLiteral("attachment")));
    QVERIFY(after.data().value(QStringLiteral("attachment")).isNull());
    QCOMPARE(call("GET", location).status, 404);
}

void TestKintoPlugins::attachmentErrors_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("errnum");
    QTest::addColumn<QString>("message");
    const QByteArray boundary = "XyZ";
    QTest::newRow("not multipart") << QByteArray("application/json") << QByteArray("{}") << 107
                                   << QStringLiteral("body: Content-Type should be multipart/form-data");
    QTest::newRow("no file") << QByteArray("multipart/form-data; boundary=" + boundary)
                             << QByteArray("--XyZ\r\nContent-Disposition: form-data; name=\"data\"\r\n\r\n{}\r\n--XyZ--\r\n")
                             << 109 << QStringLiteral("file in body: Attachment missing.");
    QTest::newRow("unknown field") << QByteArray("multipart/form-data; boundary=" + boundary)
                                   << QByteArray("--XyZ\r\nContent-Disposition: form-data; name=\"color\"\r\n\r\nred\r\n--XyZ--\r\n")
                                   << 109 << QStringLiteral("body: 'color' not in ('data', 'permissions')");
}

void TestKintoPlugins::attachmentErrors()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(int, errnum);
    QFETCH(QString, message);
    put(QStringLiteral("/buckets/b"), {});
    put(QStringLiteral("/buckets/b/collections/c"), {});
    QNetworkRequest req = request(QStringLiteral("/buckets/b/collections/c/records/doc/attachment"), QStringLiteral("alice"));
    req.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    const Exchange ex = finish(m_client->nam().post(req, body));
    QCOMPARE(ex.status, 400);
    QCOMPARE(ex.json.value(QStringLiteral("errno")).toInt(), errnum);
    QCOMPARE(ex.json.value(QStringLiteral("message")).toString(), message);
}

// ---- accounts and demo data

void TestKintoPlugins::accountsSignUpAndLogin()
{
    const Exchange signup = call("PUT", QStringLiteral("/accounts/carol"), obj(R"({"data": {"password": "s3cret"}})"));
    QCOMPARE(signup.status, 201);
    QCOMPARE(signup.data().value(QStringLiteral("id")).toString(), QStringLiteral("carol"));
    QVERIFY(signup.data().value(QStringLiteral("password")).toString() != QLatin1String("s3cret"));
    const Exchange hello = call("GET", QStringLiteral("/"), QJsonValue::Undefined, QStringLiteral("carol:s3cret"));
    QCOMPARE(hello.json.value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toString(),
             QStringLiteral("account:carol"));
    QCOMPARE(call("GET", QStringLiteral("/accounts/carol"), QJsonValue::Undefined, QStringLiteral("bob")).status, 403);
    QCOMPARE(call("PUT", QStringLiteral("/accounts/carol"), obj(R"({"data": {"password": "other"}})")).status, 401);
    const Exchange posted = call("POST", QStringLiteral("/accounts"), obj(R"({"data": {"id": "dave", "password": "pw"}})"));
    QCOMPARE(posted.status, 201);
    QCOMPARE(call("DELETE", QStringLiteral("/accounts/dave"), QJsonValue::Undefined, QStringLiteral("dave:pw")).status, 200);
    QVERIFY(!call("GET", QStringLiteral("/"), QJsonValue::Undefined, QStringLiteral("dave:pw")).json.contains(QStringLiteral("user")));
}

void TestKintoPlugins::seedDemoDataIsFastAndUsable()
{
    QElapsedTimer timer;
    timer.start();
    m_sandbox->seedDemoData();
    const qint64 elapsed = timer.elapsed();
    qInfo("seeding took %lld ms", elapsed);
#ifdef NDEBUG
    const qint64 budget = 1000;
#else
    const qint64 budget = 2500; // unoptimised build
#endif
    QVERIFY2(elapsed < budget, qPrintable(QString::number(elapsed)));
    const Exchange count = call("HEAD", QStringLiteral("/buckets/main/collections/devices/records"), QJsonValue::Undefined,
                                QStringLiteral("admin"));
    QCOMPARE(count.status, 200);
    QCOMPARE(count.header("Total-Objects"), QByteArray("10000"));
    const Exchange collection = call("GET", QStringLiteral("/buckets/main/collections/devices"), QJsonValue::Undefined,
                                     QStringLiteral("bob"));
    QCOMPARE(collection.status, 200);
    QVERIFY(collection.data().value(QStringLiteral("schema")).toObject().contains(QStringLiteral("properties")));
    QVERIFY(!collection.data().value(QStringLiteral("displayFields")).toArray().isEmpty());
    const Exchange page = call("GET", QStringLiteral("/buckets/main/collections/devices/records?_limit=50&platform=macOS"),
                               QJsonValue::Undefined, QStringLiteral("alice"));
    QCOMPARE(page.list().size(), 50);
    QVERIFY(!page.header("Next-Page").isEmpty());
    // Alice edits devices through the "editors" group; the record still validates.
    const QString first = page.list().first().toObject().value(QStringLiteral("id")).toString();
    QCOMPARE(call("PATCH", QStringLiteral("/buckets/main/collections/devices/records/") + first,
                  obj(R"({"data": {"status": "retired"}})"), QStringLiteral("alice")).status, 200);
    QCOMPARE(call("PATCH", QStringLiteral("/buckets/main/collections/devices/records/") + first,
                  obj(R"({"data": {"status": "melted"}})"), QStringLiteral("alice")).status, 400);
    QCOMPARE(call("PATCH", QStringLiteral("/buckets/main/collections/devices/records/") + first,
                  obj(R"({"data": {"status": "active"}})"), QStringLiteral("bob")).status, 403);
    QVERIFY(call("GET", QStringLiteral("/buckets/main/history"), QJsonValue::Undefined, QStringLiteral("admin")).list().size() > 20);
    QCOMPARE(call("GET", QStringLiteral("/buckets/public/collections/announcements/records")).list().size(), 3);
}

QTEST_GUILESS_MAIN(TestKintoPlugins)
#include "tst_kintoplugins.moc"
