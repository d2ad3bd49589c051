#include "json/schemaorder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace {

QString u8s(const char *text)
{
    return QString::fromUtf8(text);
}

} // namespace

// The order a JSON text gives its keys (which QJsonObject forgets), and the form order built on it.
class tst_SchemaOrder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void keysInTheTextsOrder_data();
    void keysInTheTextsOrder();
    void formOrder_data();
    void formOrder();
};

void tst_SchemaOrder::keysInTheTextsOrder_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QStringList>("path");
    QTest::addColumn<QStringList>("keys");
    QTest::newRow("top level") << QByteArray(R"({"z": 1, "a": [1, {"q": 2}], "m": null})") << QStringList()
                               << QStringList{u8s("z"), u8s("a"), u8s("m")};
    QTest::newRow("nested") << QByteArray(R"({"data": {"schema": {"properties": {"b": {}, "a": {"properties": {"y": 1, "x": 2}}}}}})")
                            << QStringList{u8s("data"), u8s("schema"), u8s("properties"), u8s("a"), u8s("properties")} << QStringList{u8s("y"), u8s("x")};
    QTest::newRow("in an array") << QByteArray(R"([{"b": 1}, {"a": 2, "b": 3}])") << QStringList{u8s("[]")}
                                 << QStringList{u8s("b"), u8s("a")};
    QTest::newRow("escaped keys and strings") << QByteArray(R"({"c\"}": "{\"x\": 1}", "\u00e9t\u00e9": true, "b": "]"})")
                                              << QStringList() << QStringList{u8s("c\"}"), u8s("été"), u8s("b")};
    QTest::newRow("no such path") << QByteArray(R"({"a": {"b": 1}})") << QStringList{u8s("a"), u8s("c")} << QStringList();
    QTest::newRow("broken text keeps what came first") << QByteArray(R"({"b": 1, "a": )") << QStringList()
                                                       << QStringList{u8s("b"), u8s("a")};
    QTest::newRow("deeper than anyone writes") << QByteArray(1000, '[') << QStringList{u8s("[]")} << QStringList();
}

void tst_SchemaOrder::keysInTheTextsOrder()
{
    QFETCH(QByteArray, text);
    QFETCH(QStringList, path);
    QFETCH(QStringList, keys);
    QCOMPARE(JsonKeyOrder(text).keys(path), keys);
}

void tst_SchemaOrder::formOrder_data()
{
    QTest::addColumn<QByteArray>("uiSchema");
    QTest::addColumn<QStringList>("top");
    QTest::addColumn<QStringList>("owner");
    QTest::newRow("the text's order") << QByteArray("{}") << QStringList{u8s("serial"), u8s("name"), u8s("owner"), u8s("active")}
                                      << QStringList{u8s("zip"), u8s("city")};
    QTest::newRow("ui:order with *") << QByteArray(R"({"ui:order": ["active", "*", "serial"], "owner": {"ui:order": ["city"]}})")
                                     << QStringList{u8s("active"), u8s("name"), u8s("owner"), u8s("serial")} << QStringList{u8s("city"), u8s("zip")};
    QTest::newRow("ui:order naming unknown fields") << QByteArray(R"({"ui:order": ["ghost", "owner"]})")
                                                    << QStringList{u8s("owner"), u8s("serial"), u8s("name"), u8s("active")}
                                                    << QStringList{u8s("zip"), u8s("city")};
}

void tst_SchemaOrder::formOrder()
{
    QFETCH(QByteArray, uiSchema);
    QFETCH(QStringList, top);
    QFETCH(QStringList, owner);
    const QByteArray text = R"({"data": {"schema": {"type": "object", "properties": {
        "serial": {"type": "string"}, "name": {"type": "string"},
        "owner": {"type": "object", "properties": {"zip": {"type": "string"}, "city": {"type": "string"}}},
        "active": {"type": "boolean"}}}}})";
    const QJsonObject schema = QJsonDocument::fromJson(text).object().value(QLatin1String("data")).toObject().value(QLatin1String("schema")).toObject();
    const QJsonObject ui = SchemaOrder::withTextOrder(QJsonDocument::fromJson(uiSchema).object(), schema,
                                                      JsonKeyOrder(text), {u8s("data"), u8s("schema")});
    const QJsonObject ordered = SchemaOrder::withUiOrder(schema, ui);
    QCOMPARE(SchemaOrder::properties(ordered), top);
    QCOMPARE(SchemaOrder::properties(ordered.value(QLatin1String("properties")).toObject().value(QLatin1String("owner")).toObject()), owner);
}

QTEST_GUILESS_MAIN(tst_SchemaOrder)
#include "tst_schemaorder.moc"
