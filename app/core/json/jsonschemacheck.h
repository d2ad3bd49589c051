#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

// One validation problem of a value. `path` is the dotted path of the field ("owner.email",
// "tags.2"); empty for the value as a whole.
struct FieldError
{
    QString path;
    QString message;

    bool operator==(const FieldError &) const = default;
};

// JSON schema checks without widgets, for forms (SchemaForm checks each field with them), imports,
// tenantctl and schemas read from OpenAPI documents. The subset Kinto collections use, as Kinto
// Admin's react-jsonschema-form checks it: type, enum, const, minLength/maxLength, pattern (an
// unanchored search), formats date, date-time, email and uri, minimum/maximum (Draft 4 boolean and
// Draft 6 numeric exclusives), multipleOf, required, properties, items (one schema),
// minItems/maxItems, uniqueItems. Anything else (anyOf, tuple items, additionalProperties) is not
// checked. Messages are short sentences for a form ("Must be a number.").
namespace JsonSchemaCheck {

// "Must be ..." when `value` is not of the JSON schema `type` (string, number, integer, boolean,
// object, array); empty when it is, or for another or no type.
QString typeProblem(const QString &type, const QJsonValue &value);
// The first problem of a scalar `value` (type, enum, const, string and number keywords, formats);
// empty when it is valid. Objects and arrays are checked by their own keywords below.
QString checkScalar(const QJsonObject &schema, const QJsonValue &value);
// The problems of an array's own keywords (minItems or maxItems, then uniqueItems), not its items'.
QStringList checkArray(const QJsonObject &schema, const QJsonArray &items);
// The required properties missing from `object` (at `path`): a property the schema describes is
// reported at its own path ("Required."), any other at the object's.
QList<FieldError> checkRequired(const QJsonObject &schema, const QJsonObject &object, const QString &path);
// Every problem of `value` against `schema`, down through properties and items. An undefined value
// (absent) has none: absence is the parent's `required`.
QList<FieldError> validate(const QJsonValue &value, const QJsonObject &schema, const QString &path = {});

// "parent.key", or "key" at the top.
QString childPath(const QString &parent, const QString &key);
// How a JSON value reads in a message: strings as they are, anything else as compact JSON.
QString displayValue(const QJsonValue &value);
// A finite number without fraction.
bool isIntegral(const QJsonValue &value);
// An ISO 8601 date-time (milliseconds allowed); invalid when it is not one.
QDateTime parseDateTime(const QString &text);

} // namespace JsonSchemaCheck
