#include "kintojsonschema.h"

#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace KintoJsonSchema {

namespace {

struct Error
{
    QString message;
    QJsonArray path;          // absolute instance path
    QJsonValue validatorValue;
    QString schemaKeyword;    // last element of the schema path
};

const QStringList &knownTypes()
{
    static const QStringList types{QStringLiteral("array"),  QStringLiteral("boolean"), QStringLiteral("integer"),
                                   QStringLiteral("null"),   QStringLiteral("number"),  QStringLiteral("object"),
                                   QStringLiteral("string")};
    return types;
}

// Schemas come back from Kinto's PostgreSQL storage as JSONB, whose keys are ordered by length
// then bytes; keywords are evaluated in that order, which decides which error is reported first.
QStringList orderedKeys(const QJsonObject &object)
{
    QStringList keys = object.keys();
    std::sort(keys.begin(), keys.end(), [](const QString &a, const QString &b) {
        if (a.size() != b.size())
            return a.size() < b.size();
        return a < b;
    });
    return keys;
}

bool isNumber(const QJsonValue &v)
{
    return v.isDouble();
}

bool isInteger(const QJsonValue &v)
{
    return v.isDouble() && std::isfinite(v.toDouble()) && std::floor(v.toDouble()) == v.toDouble();
}

bool hasType(const QJsonValue &v, const QString &type)
{
    if (type == QLatin1String("string")) return v.isString();
    if (type == QLatin1String("number")) return isNumber(v);
    if (type == QLatin1String("integer")) return isInteger(v);
    if (type == QLatin1String("boolean")) return v.isBool();
    if (type == QLatin1String("object")) return v.isObject();
    if (type == QLatin1String("array")) return v.isArray();
    if (type == QLatin1String("null")) return v.isNull();
    return false;
}

qsizetype codePoints(const QString &s)
{
    return s.toUcs4().size();
}

class Validator
{
public:
    QList<Error> errors;

    void validate(const QJsonValue &instance, const QJsonValue &schemaValue, const QJsonArray &path)
    {
        if (schemaValue.isBool()) {
            if (!schemaValue.toBool())
                add(QStringLiteral("False schema does not allow %1").arg(pythonRepr(instance)), path, false,
                    QStringLiteral("false"));
            return;
        }
        const QJsonObject schema = schemaValue.toObject();
        for (const QString &keyword : orderedKeys(schema))
            apply(keyword, schema.value(keyword), schema, instance, path);
    }

    bool isValid(const QJsonValue &instance, const QJsonValue &schema)
    {
        Validator sub;
        sub.validate(instance, schema, {});
        return sub.errors.isEmpty();
    }

private:
    void add(const QString &message, const QJsonArray &path, const QJsonValue &validatorValue, const QString &keyword)
    {
        errors.append({message, path, validatorValue, keyword});
    }

    void apply(const QString &keyword, const QJsonValue &value, const QJsonObject &schema, const QJsonValue &instance,
               const QJsonArray &path)
    {
        const QString repr = pythonRepr(instance);
        if (keyword == QLatin1String("type")) {
            const QJsonArray types = value.isArray() ? value.toArray() : QJsonArray{value};
            const bool ok = std::any_of(types.begin(), types.end(),
                                        [&](const QJsonValue &t) { return hasType(instance, t.toString()); });
            if (!ok) {
                QStringList names;
                for (const QJsonValue &t : types)
                    names << pythonRepr(t);
                add(QStringLiteral("%1 is not of type %2").arg(repr, names.join(QStringLiteral(", "))), path, value,
                    keyword);
            }
        } else if (keyword == QLatin1String("enum")) {
            const QJsonArray options = value.toArray();
            if (!options.contains(instance))
                add(QStringLiteral("%1 is not one of %2").arg(repr, pythonRepr(value)), path, value, keyword);
        } else if (keyword == QLatin1String("const")) {
            if (instance != value)
                add(QStringLiteral("%1 was expected").arg(pythonRepr(value)), path, value, keyword);
        } else if (isNumber(instance) && keyword == QLatin1String("minimum")) {
            if (instance.toDouble() < value.toDouble())
                add(QStringLiteral("%1 is less than the minimum of %2").arg(repr, pythonRepr(value)), path, value,
                    keyword);
        } else if (isNumber(instance) && keyword == QLatin1String("maximum")) {
            if (instance.toDouble() > value.toDouble())
                add(QStringLiteral("%1 is greater than the maximum of %2").arg(repr, pythonRepr(value)), path, value,
                    keyword);
        } else if (isNumber(instance) && keyword == QLatin1String("exclusiveMinimum") && value.isDouble()) {
            if (instance.toDouble() <= value.toDouble())
                add(QStringLiteral("%1 is less than or equal to the minimum of %2").arg(repr, pythonRepr(value)),
                    path, value, keyword);
        } else if (isNumber(instance) && keyword == QLatin1String("exclusiveMaximum") && value.isDouble()) {
            if (instance.toDouble() >= value.toDouble())
                add(QStringLiteral("%1 is greater than or equal to the maximum of %2").arg(repr, pythonRepr(value)),
                    path, value, keyword);
        } else if (isNumber(instance) && keyword == QLatin1String("multipleOf") && value.toDouble() != 0) {
            const double q = instance.toDouble() / value.toDouble();
            if (std::floor(q) != q)
                add(QStringLiteral("%1 is not a multiple of %2").arg(repr, pythonRepr(value)), path, value, keyword);
        } else if (instance.isString() && keyword == QLatin1String("minLength")) {
            if (codePoints(instance.toString()) < value.toInteger())
                add(QStringLiteral("%1 is too short").arg(repr), path, value, keyword);
        } else if (instance.isString() && keyword == QLatin1String("maxLength")) {
            if (codePoints(instance.toString()) > value.toInteger())
                add(QStringLiteral("%1 is too long").arg(repr), path, value, keyword);
        } else if (instance.isString() && keyword == QLatin1String("pattern")) {
            const QRegularExpression re(value.toString());
            if (re.isValid() && !re.match(instance.toString()).hasMatch())
                add(QStringLiteral("%1 does not match %2").arg(repr, pythonRepr(value)), path, value, keyword);
        } else if (instance.isObject() && keyword == QLatin1String("required")) {
            const QJsonObject object = instance.toObject();
            for (const QJsonValue &name : value.toArray()) {
                if (!object.contains(name.toString()))
                    add(QStringLiteral("%1 is a required property").arg(pythonRepr(name)), path, value, keyword);
            }
        } else if (instance.isObject() && keyword == QLatin1String("properties")) {
            const QJsonObject object = instance.toObject();
            const QJsonObject properties = value.toObject();
            for (const QString &name : orderedKeys(properties)) {
                if (object.contains(name))
                    validate(object.value(name), properties.value(name), withStep(path, name));
            }
        } else if (instance.isObject() && keyword == QLatin1String("patternProperties")) {
            const QJsonObject object = instance.toObject();
            const QJsonObject patterns = value.toObject();
            for (const QString &pattern : orderedKeys(patterns)) {
                const QRegularExpression re(pattern);
                for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
                    if (re.match(it.key()).hasMatch())
                        validate(it.value(), patterns.value(pattern), withStep(path, it.key()));
                }
            }
        } else if (instance.isObject() && keyword == QLatin1String("additionalProperties")) {
            const QJsonObject object = instance.toObject();
            const QJsonObject properties = schema.value(QStringLiteral("properties")).toObject();
            const QJsonObject patterns = schema.value(QStringLiteral("patternProperties")).toObject();
            QStringList extras;
            for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
                if (properties.contains(it.key()))
                    continue;
                const QStringList patternKeys = patterns.keys();
                const bool byPattern = std::any_of(patternKeys.begin(), patternKeys.end(), [&](const QString &p) {
                    return QRegularExpression(p).match(it.key()).hasMatch();
                });
                if (!byPattern)
                    extras << it.key();
            }
            if (value.isObject()) {
                for (const QString &extra : extras)
                    validate(object.value(extra), value, withStep(path, extra));
            } else if (value.isBool() && !value.toBool() && !extras.isEmpty()) {
                QStringList reprs;
                for (const QString &extra : extras)
                    reprs << pythonRepr(extra);
                add(QStringLiteral("Additional properties are not allowed (%1 %2 unexpected)")
                        .arg(reprs.join(QStringLiteral(", ")),
                             extras.size() == 1 ? QStringLiteral("was") : QStringLiteral("were")),
                    path, value, keyword);
            }
        } else if (instance.isObject() && keyword == QLatin1String("minProperties")) {
            if (instance.toObject().size() < value.toInteger())
                add(QStringLiteral("%1 does not have enough properties").arg(repr), path, value, keyword);
        } else if (instance.isObject() && keyword == QLatin1String("maxProperties")) {
            if (instance.toObject().size() > value.toInteger())
                add(QStringLiteral("%1 has too many properties").arg(repr), path, value, keyword);
        } else if (instance.isArray() && keyword == QLatin1String("items")) {
            const QJsonArray items = instance.toArray();
            if (value.isArray()) {
                const QJsonArray tuple = value.toArray();
                for (qsizetype i = 0; i < qMin(items.size(), tuple.size()); ++i)
                    validate(items.at(i), tuple.at(i), withStep(path, int(i)));
            } else {
                for (qsizetype i = 0; i < items.size(); ++i)
                    validate(items.at(i), value, withStep(path, int(i)));
            }
        } else if (instance.isArray() && keyword == QLatin1String("minItems")) {
            if (instance.toArray().size() < value.toInteger())
                add(QStringLiteral("%1 is too short").arg(repr), path, value, keyword);
        } else if (instance.isArray() && keyword == QLatin1String("maxItems")) {
            if (instance.toArray().size() > value.toInteger())
                add(QStringLiteral("%1 is too long").arg(repr), path, value, keyword);
        } else if (instance.isArray() && keyword == QLatin1String("uniqueItems") && value.toBool()) {
            const QJsonArray items = instance.toArray();
            for (qsizetype i = 0; i < items.size(); ++i) {
                for (qsizetype j = i + 1; j < items.size(); ++j) {
                    if (items.at(i) == items.at(j)) {
                        add(QStringLiteral("%1 has non-unique elements").arg(repr), path, value, keyword);
                        return;
                    }
                }
            }
        } else if (keyword == QLatin1String("allOf")) {
            for (const QJsonValue &sub : value.toArray())
                validate(instance, sub, path);
        } else if (keyword == QLatin1String("anyOf")) {
            const QJsonArray subs = value.toArray();
            if (std::none_of(subs.begin(), subs.end(), [&](const QJsonValue &s) { return isValid(instance, s); }))
                add(QStringLiteral("%1 is not valid under any of the given schemas").arg(repr), path, value, keyword);
        } else if (keyword == QLatin1String("oneOf")) {
            const QJsonArray subs = value.toArray();
            QStringList valid;
            for (const QJsonValue &s : subs) {
                if (isValid(instance, s))
                    valid << pythonRepr(s);
            }
            if (valid.isEmpty())
                add(QStringLiteral("%1 is not valid under any of the given schemas").arg(repr), path, value, keyword);
            else if (valid.size() > 1)
                add(QStringLiteral("%1 is valid under each of %2").arg(repr, valid.join(QStringLiteral(", "))), path,
                    value, keyword);
        } else if (keyword == QLatin1String("not")) {
            if (isValid(instance, value))
                add(QStringLiteral("%1 should not be valid under %2").arg(repr, pythonRepr(value)), path, value,
                    keyword);
        }
    }

    static QJsonArray withStep(QJsonArray path, const QJsonValue &step)
    {
        path.append(step);
        return path;
    }
};

// Python truthiness of a validator value, for Kinto's choice of the error's field name.
bool truthy(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Bool: return v.toBool();
    case QJsonValue::Double: return v.toDouble() != 0;
    case QJsonValue::String: return !v.toString().isEmpty();
    case QJsonValue::Array: return !v.toArray().isEmpty();
    case QJsonValue::Object: return !v.toObject().isEmpty();
    default: return false;
    }
}

QString checkSubschema(const QJsonValue &value);

QString checkSchemaObject(const QJsonObject &schema)
{
    if (schema.contains(QStringLiteral("type"))) {
        const QJsonValue type = schema.value(QStringLiteral("type"));
        const QJsonArray types = type.isArray() ? type.toArray() : QJsonArray{type};
        for (const QJsonValue &t : types) {
            if (!t.isString() || !knownTypes().contains(t.toString()))
                return QStringLiteral("type") + pythonRepr(type) + QStringLiteral(" is not valid under any of the given schemas");
        }
    }
    if (schema.contains(QStringLiteral("required"))) {
        const QJsonValue required = schema.value(QStringLiteral("required"));
        if (!required.isArray())
            return QStringLiteral("required") + pythonRepr(required) + QStringLiteral(" is not of type 'array'");
        for (const QJsonValue &r : required.toArray()) {
            if (!r.isString())
                return QStringLiteral("required") + pythonRepr(r) + QStringLiteral(" is not of type 'string'");
        }
    }
    for (const QString &key : {QStringLiteral("properties"), QStringLiteral("patternProperties")}) {
        if (!schema.contains(key))
            continue;
        const QJsonValue properties = schema.value(key);
        if (!properties.isObject())
            return key + pythonRepr(properties) + QStringLiteral(" is not of type 'object'");
        const QJsonObject props = properties.toObject();
        for (auto it = props.constBegin(); it != props.constEnd(); ++it) {
            const QString error = checkSubschema(it.value());
            if (!error.isEmpty())
                return error;
        }
    }
    for (const QString &key : {QStringLiteral("items"), QStringLiteral("additionalProperties"), QStringLiteral("not")}) {
        if (!schema.contains(key))
            continue;
        const QJsonValue sub = schema.value(key);
        if (sub.isArray() && key == QLatin1String("items")) {
            for (const QJsonValue &item : sub.toArray()) {
                const QString error = checkSubschema(item);
                if (!error.isEmpty())
                    return error;
            }
            continue;
        }
        const QString error = checkSubschema(sub);
        if (!error.isEmpty())
            return error;
    }
    for (const QString &key : {QStringLiteral("minLength"), QStringLiteral("maxLength"), QStringLiteral("minItems"),
                               QStringLiteral("maxItems"), QStringLiteral("minimum"), QStringLiteral("maximum")}) {
        if (schema.contains(key) && !schema.value(key).isDouble())
            return key + pythonRepr(schema.value(key)) + QStringLiteral(" is not of type 'number'");
    }
    if (schema.contains(QStringLiteral("pattern"))
        && !QRegularExpression(schema.value(QStringLiteral("pattern")).toString()).isValid())
        return QStringLiteral("pattern") + pythonRepr(schema.value(QStringLiteral("pattern")))
            + QStringLiteral(" is not a 'regex'");
    return {};
}

QString checkSubschema(const QJsonValue &value)
{
    if (value.isBool())
        return {};
    if (!value.isObject())
        return pythonRepr(value) + QStringLiteral(" is not of type 'object', 'boolean'");
    return checkSchemaObject(value.toObject());
}

QString pythonString(const QString &s)
{
    const bool useDouble = s.contains(QLatin1Char('\'')) && !s.contains(QLatin1Char('"'));
    const QChar quote = useDouble ? QLatin1Char('"') : QLatin1Char('\'');
    QString out(quote);
    for (const QChar c : s) {
        if (c == QLatin1Char('\\'))
            out += QStringLiteral("\\\\");
        else if (c == quote)
            out += QLatin1Char('\\') + QString(c);
        else if (c == QLatin1Char('\n'))
            out += QStringLiteral("\\n");
        else if (c == QLatin1Char('\r'))
            out += QStringLiteral("\\r");
        else if (c == QLatin1Char('\t'))
            out += QStringLiteral("\\t");
        else if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
        else
            out += c;
    }
    out += quote;
    return out;
}

} // namespace

QString pythonRepr(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null: return QStringLiteral("None");
    case QJsonValue::Bool: return value.toBool() ? QStringLiteral("True") : QStringLiteral("False");
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (std::isfinite(d) && std::floor(d) == d && std::fabs(d) < 1e16)
            return QString::number(qint64(d));
        return QString::number(d, 'g', QLocale::FloatingPointShortest);
    }
    case QJsonValue::String: return pythonString(value.toString());
    case QJsonValue::Array: {
        QStringList items;
        for (const QJsonValue &v : value.toArray())
            items << pythonRepr(v);
        return QLatin1Char('[') + items.join(QStringLiteral(", ")) + QLatin1Char(']');
    }
    case QJsonValue::Object: {
        const QJsonObject o = value.toObject();
        QStringList items;
        for (auto it = o.constBegin(); it != o.constEnd(); ++it)
            items << pythonString(it.key()) + QStringLiteral(": ") + pythonRepr(it.value());
        return QLatin1Char('{') + items.join(QStringLiteral(", ")) + QLatin1Char('}');
    }
    default: return QStringLiteral("None");
    }
}

QString checkSchema(const QJsonObject &schema)
{
    return checkSchemaObject(schema);
}

std::optional<Failure> validateRecord(const QJsonObject &record, const QJsonObject &schema)
{
    QSet<QString> ignored{QStringLiteral("last_modified"), QStringLiteral("schema")};
    if (!schema.value(QStringLiteral("properties")).toObject().contains(QStringLiteral("id")))
        ignored.insert(QStringLiteral("id"));

    QJsonObject effective = schema;
    QJsonArray required;
    for (const QJsonValue &r : schema.value(QStringLiteral("required")).toArray()) {
        if (!ignored.contains(r.toString()))
            required.append(r);
    }
    if (required.isEmpty())
        effective.remove(QStringLiteral("required"));
    else
        effective.insert(QStringLiteral("required"), required);

    QJsonObject data = record;
    for (const QString &field : ignored)
        data.remove(field);

    Validator validator;
    validator.validate(data, effective, {});
    if (validator.errors.isEmpty())
        return std::nullopt;

    // jsonschema's best_match: the shallowest error wins, the first one on ties.
    const Error *best = &validator.errors.first();
    for (const Error &e : validator.errors) {
        if (e.path.size() < best->path.size())
            best = &e;
    }

    // Kinto's choice of the field name (schema_validation.validate_schema).
    QJsonValue field;
    if (!best->path.isEmpty()) {
        field = best->path.last();
    } else if (truthy(best->validatorValue) && best->validatorValue.isArray()) {
        field = best->validatorValue.toArray().last();
    } else if (truthy(best->validatorValue) && best->validatorValue.isString()) {
        field = best->validatorValue.toString().right(1);
    } else {
        field = best->schemaKeyword;
    }
    return Failure{best->message, field};
}

} // namespace KintoJsonSchema
