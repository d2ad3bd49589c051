#include "json/jsonschemacheck.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace {

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(text).object();
}

// A record schema with the keywords a Kinto collection uses.
const char *const RecordSchema = R"({
  "type": "object",
  "required": ["title", "ghost"],
  "properties": {
    "title": {"type": "string", "minLength": 1, "maxLength": 10},
    "price": {"type": "number", "minimum": 0, "exclusiveMaximum": 100, "multipleOf": 0.5},
    "count": {"type": "integer"},
    "email": {"type": "string", "format": "email"},
    "site": {"type": "string", "format": "uri"},
    "day": {"type": "string", "format": "date"},
    "kind": {"enum": ["a", "b"]},
    "code": {"type": "string", "pattern": "^[A-Z]{3}$"},
    "tags": {"type": "array", "minItems": 1, "uniqueItems": true, "items": {"type": "string"}},
    "owner": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}}
  }
})";

} // namespace

Q_DECLARE_METATYPE(QList<FieldError>)

// The JSON schema checks shared by the record form and headless callers, without widgets.
class tst_JsonSchemaCheck : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void validate_data();
    void validate();
    void typeProblem_data();
    void typeProblem();
};

void tst_JsonSchemaCheck::validate_data()
{
    QTest::addColumn<QByteArray>("record");
    QTest::addColumn<QList<FieldError>>("expected");
    // "ghost" is required but not described: reported on the record itself.
    const FieldError ghost{QString(), QStringLiteral("\"ghost\" is required.")};
    QTest::newRow("valid") << QByteArray(R"({"title": "Hat", "ghost": 1, "price": 9.5, "tags": ["x"]})")
                           << QList<FieldError>{};
    QTest::newRow("missing required: described at its path, undescribed at the record")
        << QByteArray(R"({})")
        << QList<FieldError>{{QStringLiteral("title"), QStringLiteral("Required.")}, ghost};
    QTest::newRow("string keywords") << QByteArray(R"({"title": "", "ghost": 1, "code": "abc"})")
        << QList<FieldError>{{QStringLiteral("code"), QStringLiteral("Must match the pattern ^[A-Z]{3}$.")},
                             {QStringLiteral("title"), QStringLiteral("Must not be empty.")}};
    QTest::newRow("number keywords") << QByteArray(R"({"title": "t", "ghost": 1, "price": 100, "count": 1.5})")
        << QList<FieldError>{{QStringLiteral("count"), QStringLiteral("Must be a whole number.")},
                             {QStringLiteral("price"), QStringLiteral("Must be less than 100.")}};
    QTest::newRow("formats") << QByteArray(R"({"title": "t", "ghost": 1, "email": "no", "site": "x", "day": "2024-02-30"})")
        << QList<FieldError>{{QStringLiteral("day"), QStringLiteral("Not a valid date (YYYY-MM-DD).")},
                             {QStringLiteral("email"), QStringLiteral("Not a valid e-mail address.")},
                             {QStringLiteral("site"), QStringLiteral("Not a valid URI (e.g. https://example.org/).")}};
    QTest::newRow("enum") << QByteArray(R"({"title": "t", "ghost": 1, "kind": "c"})")
        << QList<FieldError>{{QStringLiteral("kind"), QStringLiteral("Must be one of: a, b.")}};
    QTest::newRow("arrays: unique, and items by index") << QByteArray(R"({"title": "t", "ghost": 1, "tags": ["x", 2, "x"]})")
        << QList<FieldError>{{QStringLiteral("tags"), QStringLiteral("Items must be unique: x appears twice.")},
                             {QStringLiteral("tags.1"), QStringLiteral("Must be text.")}};
    QTest::newRow("arrays: too few") << QByteArray(R"({"title": "t", "ghost": 1, "tags": []})")
        << QList<FieldError>{{QStringLiteral("tags"), QStringLiteral("Needs at least 1 items.")}};
    QTest::newRow("nested object") << QByteArray(R"({"title": "t", "ghost": 1, "owner": {}})")
        << QList<FieldError>{{QStringLiteral("owner.name"), QStringLiteral("Required.")}};
    QTest::newRow("wrong container types") << QByteArray(R"({"title": "t", "ghost": 1, "owner": [], "tags": "x"})")
        << QList<FieldError>{{QStringLiteral("owner"), QStringLiteral("Must be an object.")},
                             {QStringLiteral("tags"), QStringLiteral("Must be a list.")}};
}

void tst_JsonSchemaCheck::validate()
{
    QFETCH(QByteArray, record);
    QFETCH(QList<FieldError>, expected);
    const QList<FieldError> actual = JsonSchemaCheck::validate(QJsonDocument::fromJson(record).object(), json(RecordSchema));
    QStringList seen;
    for (const FieldError &e : actual)
        seen << e.path + QLatin1String(": ") + e.message;
    QVERIFY2(actual == expected, qPrintable(seen.join(QLatin1String(" | "))));
}

void tst_JsonSchemaCheck::typeProblem_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<bool>("problem");
    QTest::newRow("integer 3") << "integer" << QJsonValue(3) << false;
    QTest::newRow("integer 3.5") << "integer" << QJsonValue(3.5) << true;
    QTest::newRow("number from text") << "number" << QJsonValue(QStringLiteral("3")) << true;
    QTest::newRow("boolean") << "boolean" << QJsonValue(false) << false;
    QTest::newRow("object") << "object" << QJsonValue(QJsonObject()) << false;
    QTest::newRow("array, given null") << "array" << QJsonValue(QJsonValue::Null) << true;
    QTest::newRow("no type") << "" << QJsonValue(1) << false;
    QTest::newRow("an unknown type is not checked") << "null" << QJsonValue(1) << false;
}

void tst_JsonSchemaCheck::typeProblem()
{
    QFETCH(QString, type);
    QFETCH(QJsonValue, value);
    QFETCH(bool, problem);
    QCOMPARE(!JsonSchemaCheck::typeProblem(type, value).isEmpty(), problem);
}

QTEST_GUILESS_MAIN(tst_JsonSchemaCheck)
#include "tst_jsonschemacheck.moc"
