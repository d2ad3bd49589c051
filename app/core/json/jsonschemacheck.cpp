#include "jsonschemacheck.h"

#include "net/json.h"

#include <QCoreApplication>
#include <QDate>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>
#include <cmath>

namespace {

QString msg(const char *text)
{
    return QCoreApplication::translate("JsonSchemaCheck", text);
}

bool isEmail(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    return re.match(text).hasMatch();
}

bool isUri(const QString &text)
{
    // JSON schema "uri" is an absolute URI: a scheme, then something.
    static const QRegularExpression scheme(QStringLiteral("^[A-Za-z][A-Za-z0-9+.-]*:\\S+$"));
    return scheme.match(text).hasMatch() && QUrl(text, QUrl::StrictMode).isValid();
}

} // namespace

namespace JsonSchemaCheck {

QString childPath(const QString &parent, const QString &key)
{
    return parent.isEmpty() ? key : parent + QLatin1Char('.') + key;
}

QString displayValue(const QJsonValue &value)
{
    return value.isString() ? value.toString() : QString::fromUtf8(Json::toBytes(value));
}

bool isIntegral(const QJsonValue &value)
{
    if (!value.isDouble())
        return false;
    const double d = value.toDouble();
    return std::isfinite(d) && std::floor(d) == d;
}

QDateTime parseDateTime(const QString &text)
{
    return QDateTime::fromString(text, Qt::ISODateWithMs);
}

QString typeProblem(const QString &type, const QJsonValue &value)
{
    if (type == QLatin1String("string") && !value.isString())
        return msg(QT_TRANSLATE_NOOP("JsonSchemaCheck", "Must be text."));
    if (type == QLatin1String("number") && !value.isDouble())
        return msg(QT_TRANSLATE_NOOP("JsonSchemaCheck", "Must be a number."));
    if (type == QLatin1String("integer") && !isIntegral(value))
        return msg(QT_TRANSLATE_NOOP("JsonSchemaCheck", "Must be a whole number."));
    if (type == QLatin1String("boolean") && !value.isBool())
        return msg(QT_TRANSLATE_NOOP("JsonSchemaCheck", "Must be true or false."));
    if (type == QLatin1String("object") && !value.isObject())
        return msg(QT_TRANSLATE_NOOP("JsonSchemaCheck", "Must be an object."));
    if (type == QLatin1String("array") && !value.isArray())
        return msg(QT_TRANSLATE_NOOP("JsonSchemaCheck", "Must be a list."));
    return {};
}

QString checkScalar(const QJsonObject &schema, const QJsonValue &value)
{
    const QString problem = typeProblem(schema.value(QLatin1String("type")).toString(), value);
    if (!problem.isEmpty())
        return problem;

    const QJsonValue enumValues = schema.value(QLatin1String("enum"));
    if (enumValues.isArray() && !enumValues.toArray().contains(value)) {
        QStringList allowed;
        for (const QJsonValue &item : enumValues.toArray())
            allowed << displayValue(item);
        return msg(QT_TRANSLATE_NOOP("JsonSchemaCheck", "Must be one of: %1.")).arg(allowed.join(QStringLiteral(", ")));
    }
    if (schema.contains(QLatin1String("const")) && schema.value(QLatin1String("const")) != value)
        return msg(QT_TRANSLATE_NOOP("JsonSchemaCheck", "Must be %1.")).arg(displayValue(schema.value(QLatin1String("const"))));

    if (value.isString()) {
        const QString text = value.toString();
        const qsizetype length = text.toUcs4().size(); // JSON schema counts characters, not UTF-16 units
        const QJsonValue minLength = schema.value(QLatin1String("minLength"));
        if (minLength.isDouble() && length < minLength.toInteger()) {
            return minLength.toInteger() == 1 ? msg(QT_TRANSLATE_NOOP("JsonSchemaCheck", "Must not be empty."))
                                              : msg(QT_TRANSLATE_NOOP("JsonSchemaCheck", "Must be at least %1 characters long.")).arg(minLength.toInteger());
        }
        const QJsonValue maxLength = schema.value(QLatin1String("maxLength"));
        if (maxLength.isDouble() && length > maxLength.toInteger())
            return msg(QT_TRANSLATE_NOOP("JsonSchemaCheck", "Must be at most %1 characters long.")).arg(maxLength.toInteger());
        const QString pattern = schema.value(QLatin1String("pattern")).toString();
        if (!pattern.isEmpty()) {
            const QRegularExpression re(pattern);
            // JSON schema patterns are unanchored searches (ECMA 262).
            if (re.isValid() && !re.match(text).hasMatch())
                return msg(QT_TRANSLATE_NOOP("JsonSchemaCheck", "Must match the pattern %1.")).arg(pattern);
        }
        const QString format = schema.value(QLatin1String("format")).toString();
        if (format == QLatin1String("date")
            && (text.size() != 10 || !QDate::fromString(text, Qt::ISODate).isValid()))
            return msg(QT_TRANSLATE_NOOP("JsonSchemaCheck", "Not a valid date (YYYY-MM-DD)."));
        if (format == QLatin1String("date-time") && !parseDateTime(text).isValid())
            return msg(QT_TRANSLATE_NOOP("JsonSchemaCheck", "Not a valid date and time (YYYY-MM-DDTHH:MM:SSZ)."));
        if (format == QLatin1String("email") && !isEmail(text))
            return msg(QT_TRANSLATE_NOOP("JsonSchemaCheck", "Not a valid e-mail address."));
        if ((format == QLatin1String("uri") || format == QLatin1String("url")) && !isUri(text))
            return msg(QT_TRANSLATE_NOOP("JsonSchemaCheck", "Not a valid URI (e.g. https://example.org/)."));
    }

    if (value.isDouble()) {
        const double number = value.toDouble();
        const QJsonValue minimum = schema.value(QLatin1String("minimum"));
        const QJsonValue maximum = schema.value(QLatin1String("maximum"));
        const QJsonValue exclusiveMinimum = schema.value(QLatin1String("exclusiveMinimum"));
        const QJsonValue exclusiveMaximum = schema.value(QLatin1String("exclusiveMaximum"));
        // Draft 4 spelled exclusiveness as a boolean next to minimum/maximum.
        const bool minExclusive = exclusiveMinimum.toBool(false);
        const bool maxExclusive = exclusiveMaximum.toBool(false);
        if (minimum.isDouble() && (minExclusive ? number <= minimum.toDouble() : number < minimum.toDouble())) {
            return minExclusive ? msg(QT_TRANSLATE_NOOP("JsonSchemaCheck", "Must be greater than %1.")).arg(displayValue(minimum))
                                : msg(QT_TRANSLATE_NOOP("JsonSchemaCheck", "Must be at least %1.")).arg(displayValue(minimum));
        }
        if (maximum.isDouble() && (maxExclusive ? number >= maximum.toDouble() : number > maximum.toDouble())) {
            return maxExclusive ? msg(QT_TRANSLATE_NOOP("JsonSchemaCheck", "Must be less than %1.")).arg(displayValue(maximum))
                                : msg(QT_TRANSLATE_NOOP("JsonSchemaCheck", "Must be at most %1.")).arg(displayValue(maximum));
        }
        if (exclusiveMinimum.isDouble() && number <= exclusiveMinimum.toDouble())
            return msg(QT_TRANSLATE_NOOP("JsonSchemaCheck", "Must be greater than %1.")).arg(displayValue(exclusiveMinimum));
        if (exclusiveMaximum.isDouble() && number >= exclusiveMaximum.toDouble())
            return msg(QT_TRANSLATE_NOOP("JsonSchemaCheck", "Must be less than %1.")).arg(displayValue(exclusiveMaximum));
        const QJsonValue multipleOf = schema.value(QLatin1String("multipleOf"));
        if (multipleOf.isDouble() && multipleOf.toDouble() > 0) {
            const double quotient = number / multipleOf.toDouble();
            if (std::fabs(quotient - std::round(quotient)) > 1e-9)
                return msg(QT_TRANSLATE_NOOP("JsonSchemaCheck", "Must be a multiple of %1.")).arg(displayValue(multipleOf));
        }
    }
    return {};
}

QStringList checkArray(const QJsonObject &schema, const QJsonArray &items)
{
    QStringList problems;
    const QJsonValue minItems = schema.value(QLatin1String("minItems"));
    const QJsonValue maxItems = schema.value(QLatin1String("maxItems"));
    if (minItems.isDouble() && items.size() < minItems.toInteger())
        problems << msg(QT_TRANSLATE_NOOP("JsonSchemaCheck", "Needs at least %1 items.")).arg(minItems.toInteger());
    else if (maxItems.isDouble() && items.size() > maxItems.toInteger())
        problems << msg(QT_TRANSLATE_NOOP("JsonSchemaCheck", "Takes at most %1 items.")).arg(maxItems.toInteger());
    if (schema.value(QLatin1String("uniqueItems")).toBool()) {
        const auto seenBefore = [&items](qsizetype i) {
            return std::find(items.begin(), items.begin() + i, items.at(i)) != items.begin() + i;
        };
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (seenBefore(i)) {
                problems << msg(QT_TRANSLATE_NOOP("JsonSchemaCheck", "Items must be unique: %1 appears twice.")).arg(displayValue(items.at(i)));
                break;
            }
        }
    }
    return problems;
}

QList<FieldError> checkRequired(const QJsonObject &schema, const QJsonObject &object, const QString &path)
{
    QList<FieldError> problems;
    const QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
    for (const QJsonValue &key : schema.value(QLatin1String("required")).toArray()) {
        const QString name = key.toString();
        if (object.contains(name))
            continue;
        if (properties.contains(name))
            problems << FieldError { childPath(path, name), msg(QT_TRANSLATE_NOOP("JsonSchemaCheck", "Required.")) };
        else
            problems << FieldError { path, msg(QT_TRANSLATE_NOOP("JsonSchemaCheck", "\"%1\" is required.")).arg(name) };
    }
    return problems;
}

QList<FieldError> validate(const QJsonValue &value, const QJsonObject &schema, const QString &path)
{
    if (value.isUndefined())
        return {};
    const QString type = schema.value(QLatin1String("type")).toString();
    QList<FieldError> problems;
    if (type == QLatin1String("object")) {
        if (!value.isObject())
            return { FieldError { path, typeProblem(type, value) } };
        const QJsonObject object = value.toObject();
        problems << checkRequired(schema, object, path);
        const QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
        for (auto it = properties.begin(); it != properties.end(); ++it)
            problems << validate(object.value(it.key()), it.value().toObject(), childPath(path, it.key()));
        return problems;
    }
    if (type == QLatin1String("array")) {
        if (!value.isArray())
            return { FieldError { path, typeProblem(type, value) } };
        const QJsonArray items = value.toArray();
        for (const QString &problem : checkArray(schema, items))
            problems << FieldError { path, problem };
        const QJsonValue itemSchema = schema.value(QLatin1String("items"));
        if (itemSchema.isObject()) {
            for (qsizetype i = 0; i < items.size(); ++i)
                problems << validate(items.at(i), itemSchema.toObject(), childPath(path, QString::number(i)));
        }
        return problems;
    }
    const QString problem = checkScalar(schema, value);
    if (!problem.isEmpty())
        problems << FieldError { path, problem };
    return problems;
}

} // namespace JsonSchemaCheck
