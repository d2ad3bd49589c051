#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>

// The JSON schema validation Kinto applies to records (kinto/schema_validation.py on top of the
// Python jsonschema library, Draft 7). Supported keywords: type, enum, const, required, properties,
// additionalProperties, patternProperties, minProperties/maxProperties, items (schema or tuple),
// minItems/maxItems, uniqueItems, minimum/maximum, exclusiveMinimum/exclusiveMaximum, multipleOf,
// minLength/maxLength, pattern, allOf/anyOf/oneOf/not. "format" is not enforced (jsonschema's
// default). Messages use jsonschema's wording with Python reprs ("'title' is a required property").
namespace KintoJsonSchema {

struct Failure
{
    QString message;    // jsonschema's message of the most relevant error
    QJsonValue field;   // what Kinto reports as the error "name" (a string, or an array index)
};

// Checks that a collection's "schema" is a usable JSON schema. Returns an empty string when it is,
// else Kinto's description of the problem.
QString checkSchema(const QJsonObject &schema);

// Validates a record as Kinto does: id (unless the schema declares it), last_modified and schema are
// ignored, then the most relevant error (jsonschema's best_match) is returned.
std::optional<Failure> validateRecord(const QJsonObject &record, const QJsonObject &schema);

// Python's repr() of a JSON value, as it appears in jsonschema messages: 'text', 5, 1.5, True, None,
// ['a', 1], {'k': 'v'}.
QString pythonRepr(const QJsonValue &value);

} // namespace KintoJsonSchema
