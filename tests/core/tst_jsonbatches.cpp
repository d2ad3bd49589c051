// Json::forEachBatch: a list body decoded a batch at a time gives exactly the items a whole decode
// gives, for any batch size, and refuses what is not a list body.

#include "net/json.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

class tst_JsonBatches : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sameItemsAsAWholeDecode_data();
    void sameItemsAsAWholeDecode();
    void emptyArrayGivesOneEmptyBatch();
    void notAListBodyIsRefused_data();
    void notAListBodyIsRefused();
};

void tst_JsonBatches::sameItemsAsAWholeDecode_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("batchSize");
    // Items with brackets, braces, commas and escaped quotes inside strings, nested containers,
    // scalars of every kind, members before and after "data", and a member named like it.
    const QByteArray tricky = R"( { "meta": {"data": [1, 2], "s": "]}{["}, "x\"data": [9],
        "data" : [ {"id": "a]\"b", "n": [1, {"deep": [[], {}]}]} , "plain \\ \" ,] string", 12.5e3,
                   -1, true, false, null, [ ], { }, {"u": "\u00e9\ud83d\ude00"}, "last" ] ,
        "after": {"data": "not this"} } )";
    for (int size : { 1, 2, 3, 5, 1000 })
        QTest::newRow(qPrintable(QStringLiteral("tricky, batches of %1").arg(size))) << tricky << size;
    QByteArray records = "{\"data\":[";
    for (int i = 0; i < 2500; ++i)
        records += (i ? "," : "") + QStringLiteral("{\"id\":\"r%1\",\"last_modified\":%2,\"title\":\"t,%1]\"}").arg(i).arg(1000 + i).toUtf8();
    records += "]}";
    QTest::newRow("2,500 records, batches of 1,000") << records << 1000;
    QTest::newRow("2,500 records, batches of 7") << records << 7;
}

void tst_JsonBatches::sameItemsAsAWholeDecode()
{
    QFETCH(QByteArray, body);
    QFETCH(int, batchSize);
    const QJsonArray whole = QJsonDocument::fromJson(body).object().value(QLatin1String("data")).toArray();
    QVERIFY(!whole.isEmpty());
    QJsonArray joined;
    QList<qsizetype> sizes;
    QString error;
    QVERIFY2(Json::forEachBatch(body, QLatin1String("data"), batchSize, [&](const QJsonArray &items) {
        sizes << items.size();
        for (const QJsonValue &item : items)
            joined.append(item);
    }, &error), qPrintable(error));
    QCOMPARE(joined, whole);
    for (qsizetype i = 0; i < sizes.size(); ++i)
        QVERIFY(sizes.at(i) == batchSize || (i == sizes.size() - 1 && sizes.at(i) > 0 && sizes.at(i) <= batchSize));
}

void tst_JsonBatches::emptyArrayGivesOneEmptyBatch()
{
    int calls = 0;
    QString error;
    QVERIFY(Json::forEachBatch(" {\"data\": [ ] }", QLatin1String("data"), 10, [&](const QJsonArray &items) {
        QVERIFY(items.isEmpty());
        ++calls;
    }, &error));
    QCOMPARE(calls, 1);
}

void tst_JsonBatches::notAListBodyIsRefused_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("reason");
    QTest::newRow("an array") << QByteArray("[1, 2]") << "not a JSON object";
    QTest::newRow("empty") << QByteArray("") << "not a JSON object";
    QTest::newRow("no data member") << QByteArray("{\"items\": [1]}") << "no \"data\" member";
    QTest::newRow("data not an array") << QByteArray("{\"data\": {\"a\": 1}}") << "is not an array";
    QTest::newRow("trailing comma") << QByteArray("{\"data\": [1, 2, ]}") << "an array item was expected";
    QTest::newRow("truncated item") << QByteArray("{\"data\": [{\"id\": \"a") << "an array item was expected";
    QTest::newRow("truncated array") << QByteArray("{\"data\": [1, 2") << "the array does not end";
    QTest::newRow("items without a comma") << QByteArray("{\"data\": [1 2]}") << "";
    QTest::newRow("invalid item") << QByteArray("{\"data\": [{\"id\": nope}]}") << "";
    QTest::newRow("unquoted member name") << QByteArray("{data: [1]}") << "member name";
}

void tst_JsonBatches::notAListBodyIsRefused()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, reason);
    QString error;
    QJsonArray given;
    QVERIFY(!Json::forEachBatch(body, QLatin1String("data"), 100, [&](const QJsonArray &items) { given = items; }, &error));
    QVERIFY2(error.contains(reason) && error.startsWith(QLatin1String("line ")), qPrintable(error));
    QVERIFY(given.isEmpty());
}

QTEST_GUILESS_MAIN(tst_JsonBatches)
#include "tst_jsonbatches.moc"
