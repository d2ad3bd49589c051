#pragma once

#include <QJsonObject>

// A JSON schema for items of a resource that publishes none, inferred from one item: each property
// typed as its value is (string, integer, number, boolean, object with its own properties, array
// with the first element's type), with "format": "date-time"/"date"/"email"/"uri" for strings
// that look so. The id field is marked readOnly. Values that are null give no type (any value).
// Good enough for a form; the raw JSON tab edits anything the form cannot show.
QJsonObject inferItemSchema(const QJsonObject &item, const QString &idField = QStringLiteral("id"));
