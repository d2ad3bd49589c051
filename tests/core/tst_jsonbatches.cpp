// Json::forEachBatch: a list body decoded a batch at a time gives exactly the items a whole decode
// gives, for any batch size, and refuses what is not a list body. Json::forEachItemText gives the
// same items as text, and Json::appendCompact checks and compacts one value without decoding it.

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
    void itemTextsAreTheItems();
    void compactKeepsTheValue_data();
    void compactKeepsTheValue();
    void compactRefusesWhatIsNotJson_data();
    void compactRefusesWhatIsNotJson();
    void indentedAsQtWritesIt_data();
    void indentedAsQtWritesIt();
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

void tst_JsonBatches::itemTextsAreTheItems()
{
    const QByteArray body = "{\"data\": [ {\"id\": \"a\", \"n\": [1, 2]},\n  \"x\" , 3.5e-2 ], \"other\": 1}";
    QList<QByteArray> texts;
    QList<qsizetype> offsets;
    QString error;
    QVERIFY(Json::forEachItemText(body, QLatin1String("data"), [&](QByteArrayView item, qsizetype offset) {
        texts << item.toByteArray();
        offsets << offset;
        return true;
    }, &error));
    QCOMPARE(texts, (QList<QByteArray> { "{\"id\": \"a\", \"n\": [1, 2]}", "\"x\"", "3.5e-2" }));
    for (qsizetype i = 0; i < texts.size(); ++i)
        QCOMPARE(body.mid(offsets.at(i), texts.at(i).size()), texts.at(i));
    // The receiver stops the walk with its own error.
    int seen = 0;
    QVERIFY(!Json::forEachItemText(body, QLatin1String("data"), [&](QByteArrayView, qsizetype) {
        error = QStringLiteral("stopped");
        return ++seen < 2;
    }, &error));
    QCOMPARE(seen, 2);
    QCOMPARE(error, QStringLiteral("stopped"));
}

void tst_JsonBatches::compactKeepsTheValue_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("compact");
    QTest::newRow("object with spaces") << QByteArray("{ \"b\" : 1 ,\n\t\"a\" : [ true , false , null ] }")
                                        << QByteArray("{\"b\":1,\"a\":[true,false,null]}"); // members keep their order
    QTest::newRow("spaces inside strings kept") << QByteArray("{\"a b\": \" x , y \"}") << QByteArray("{\"a b\":\" x , y \"}");
    QTest::newRow("escapes") << QByteArray(R"(["\"\\\/\b\f\n\r\t", "\u00e9\uD83D\uDE00"])")
                             << QByteArray(R"(["\"\\\/\b\f\n\r\t","\u00e9\uD83D\uDE00"])");
    QTest::newRow("UTF-8") << QByteArray("\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\"") << QByteArray("\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\"");
    QTest::newRow("numbers") << QByteArray("[0, -0, 12, -3.25, 1e5, 1E+5, 2.5e-3, 10000000000000000000000]")
                             << QByteArray("[0,-0,12,-3.25,1e5,1E+5,2.5e-3,10000000000000000000000]");
    QTest::newRow("scalar") << QByteArray("  42  ") << QByteArray("42");
    QTest::newRow("empty containers") << QByteArray("{ \"a\" : { } , \"b\" : [ ] }") << QByteArray("{\"a\":{},\"b\":[]}");
    QTest::newRow("1,024 levels") << QByteArray(1024, '[') + QByteArray(1024, ']') << QByteArray(1024, '[') + QByteArray(1024, ']');
}

// The compact text is the same value as the original (as QJsonDocument reads both).
void tst_JsonBatches::compactKeepsTheValue()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, compact);
    QByteArray out = "prefix:";
    qsizetype at = -1;
    QVERIFY2(Json::appendCompact(text, &out, &at), qPrintable(QString::number(at)));
    QCOMPARE(out, "prefix:" + compact);
    QJsonValue original;
    QJsonValue compacted;
    QVERIFY(Json::parse(text, &original));
    QVERIFY(Json::parse(compact, &compacted));
    QCOMPARE(compacted, original);
}

void tst_JsonBatches::compactRefusesWhatIsNotJson_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("errorAt");
    QTest::addColumn<QByteArray>("qtReads"); // what QJsonDocument makes of it, compact; empty: refused
    QTest::newRow("empty") << QByteArray("  ") << 2 << QByteArray();
    QTest::newRow("trailing comma") << QByteArray("{\"a\": 1,}") << 8 << QByteArray();
    QTest::newRow("two values") << QByteArray("[1] [2]") << 4 << QByteArray();
    QTest::newRow("leading zero") << QByteArray("01") << 1 << QByteArray();
    QTest::newRow("bare minus") << QByteArray("-") << 1 << QByteArray();
    QTest::newRow("no fraction digits") << QByteArray("1.") << 2 << QByteArray("1");
    QTest::newRow("no exponent digits") << QByteArray("1e+") << 3 << QByteArray();
    QTest::newRow("beyond a double") << QByteArray("[1, 2e400]") << 4 << QByteArray();
    QTest::newRow("below a double") << QByteArray("1e-400") << 0 << QByteArray();
    QTest::newRow("plus sign") << QByteArray("+1") << 0 << QByteArray();
    QTest::newRow("unknown escape") << QByteArray("\"a\\x\"") << 3 << QByteArray("\"ax\"");
    QTest::newRow("short \\u") << QByteArray("\"\\u12\"") << 5 << QByteArray();
    QTest::newRow("control character") << QByteArray("\"a\tb\"") << 2 << QByteArray("\"a\\tb\"");
    QTest::newRow("unterminated string") << QByteArray("\"abc") << 4 << QByteArray();
    QTest::newRow("invalid UTF-8") << QByteArray("\"\xc3\x28\"") << 1 << QByteArray();
    QTest::newRow("overlong UTF-8") << QByteArray("\"\xc0\xaf\"") << 1 << QByteArray();
    QTest::newRow("UTF-8 surrogate") << QByteArray("\"\xed\xa0\x80\"") << 1 << QByteArray();
    QTest::newRow("beyond U+10FFFF") << QByteArray("\"\xf4\x90\x80\x80\"") << 1 << QByteArray();
    QTest::newRow("truncated literal") << QByteArray("[tru]") << 1 << QByteArray();
    QTest::newRow("literal with letters after") << QByteArray("nulls") << 4 << QByteArray();
    QTest::newRow("member without colon") << QByteArray("{\"a\" 1}") << 5 << QByteArray();
    QTest::newRow("member name not a string") << QByteArray("{a: 1}") << 1 << QByteArray();
    QTest::newRow("unclosed array") << QByteArray("[1, 2") << 5 << QByteArray();
    QTest::newRow("mismatched close") << QByteArray("[1}") << 2 << QByteArray();
    QTest::newRow("1,025 levels") << QByteArray(1025, '[') + QByteArray(1025, ']') << 1024 << QByteArray();
}

void tst_JsonBatches::compactRefusesWhatIsNotJson()
{
    QFETCH(QByteArray, text);
    QFETCH(int, errorAt);
    QFETCH(QByteArray, qtReads);
    QByteArray out;
    qsizetype at = -1;
    QVERIFY(!Json::appendCompact(text, &out, &at));
    QCOMPARE(at, qsizetype(errorAt));
    // A JSON Lines output takes what Qt reads (it lets a few of these pass), written as valid JSON.
    QByteArray line = "kept";
    QCOMPARE(Json::appendCompactOrReencoded(text, &line), !qtReads.isEmpty());
    QCOMPARE(line, "kept" + qtReads);
}

void tst_JsonBatches::indentedAsQtWritesIt_data()
{
    QTest::addColumn<QByteArray>("text"); // members in Qt's (sorted) order, numbers as Qt writes them
    QTest::newRow("record") << QByteArray(R"({"a": "x, \"y\"", "b": [1, 2.5, true, null], "c": {"d": {"e": []}, "f": {}}, "id": "r1"})");
    QTest::newRow("array of objects") << QByteArray(R"([{"a": 1}, {}, [], [[]], "s:{}"])");
    QTest::newRow("empty object") << QByteArray("{}");
}

// The indented layout is QJsonDocument's, byte for byte, at any depth.
void tst_JsonBatches::indentedAsQtWritesIt()
{
    QFETCH(QByteArray, text);
    QByteArray compact;
    QVERIFY(Json::appendCompact(text, &compact));
    const QJsonDocument doc = QJsonDocument::fromJson(text);
    QByteArray indented;
    Json::appendIndented(compact, &indented);
    QCOMPARE(indented, doc.toJson(QJsonDocument::Indented).trimmed());
    // One level in (an item of a printed array): every line but the first gains four spaces.
    QByteArray nested;
    Json::appendIndented(compact, &nested, 1);
    QCOMPARE(nested, QByteArray(indented).replace('\n', "\n    "));
}

QTEST_GUILESS_MAIN(tst_JsonBatches)
#include "tst_jsonbatches.moc"
