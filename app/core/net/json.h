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

// The same walk as forEachBatch, giving each item of the array as it is written (its text, not
// decoded, not yet checked) with its offset in `text`. `item` returns false to stop the walk with
// the error it set; false too, with *error set, when `text` is not such an object.
bool forEachItemText(const QByteArray &text, QLatin1String key,
                     const std::function<bool(QByteArrayView item, qsizetype offset)> &item, QString *error);

// Checks that `text` is exactly one JSON value as RFC 8259 defines it (UTF-8, strings with valid
// escapes and no control characters, numbers a double holds, literals, at most 1,024 levels deep;
// what QJsonDocument refuses is refused too) and appends it
// to *out without the whitespace between its tokens: the compact text of the same value, members
// in their order. Nothing is decoded. On failure returns false, *out keeps what was appended, and
// *errorAt (if given) is the offset in `text` where it went wrong.
bool appendCompact(QByteArrayView text, QByteArray *out, qsizetype *errorAt = nullptr);

// What a JSON Lines output prints for a value read from a server: appendCompact's text when it is
// RFC 8259 JSON; otherwise, when QJsonDocument still reads it (it lets "1.", control characters
// in strings and unknown escapes pass), the compact text Qt writes for it, which is valid JSON.
// So it accepts exactly what parse() accepts. False when neither reads it: *out is left as it
// was and *errorAt is where appendCompact stopped.
bool appendCompactOrReencoded(QByteArrayView text, QByteArray *out, qsizetype *errorAt = nullptr);

// Appends the compact JSON `compact` (as appendCompact writes it) laid out as QJsonDocument's
// Indented format lays it out (four spaces a level, "key": value), starting `depth` levels in,
// members in their order; the first line is not indented and no newline ends it.
void appendIndented(QByteArrayView compact, QByteArray *out, int depth = 0);

} // namespace Json
