#pragma once

#include <QByteArray>
#include <QJsonParseError>
#include <QJsonValue>
#include <QString>

#include <functional>

class QJsonArray;

// JSON helpers shared by the clients, the tools and the editors.
namespace Json {

// Compact serialisation of any JSON value, scalars included.
QByteArray toBytes(const QJsonValue &value);

// Parses any JSON value, scalars included. On failure returns false and, if given, sets *error to
// "line L, column C: <reason>".
bool parse(const QByteArray &text, QJsonValue *value, QString *error = nullptr);

// Decodes the array under `key` of the JSON object `text` (e.g. a list's {"data": [...]}) a batch
// of at most `batchSize` items at a time, calling `batch` with each (and once with an empty array
// when the array is empty): decoding costs memory in proportion to a batch, not to the whole text.
// The object's other members are skipped, not decoded. False, with *error set, when `text` is not
// such an object or an item is not valid JSON; batches already given stay given.
bool forEachBatch(const QByteArray &text, QLatin1String key, qsizetype batchSize,
                  const std::function<void(const QJsonArray &)> &batch, QString *error);

} // namespace Json
