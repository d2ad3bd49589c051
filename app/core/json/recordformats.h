#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

// Records to and from CSV and JSON files (export and import of a collection).
//
// CSV follows RFC 4180: comma separated, CRLF line ends, a header row, fields holding a comma, a
// quote, CR or LF are quoted with quotes doubled. A cell holds a string as it is, a number or boolean
// as its JSON text, an object or array as compact JSON, and a null or missing field as nothing.
// Reading, a cell is parsed as JSON where it is valid JSON, else kept as a string; an empty cell
// leaves the field out; the `id` column is the record's id, always a string.
// JSON files are an array of the records' data objects.
namespace RecordFormats {

enum class Format { Csv, Json };

// The columns of `records`: "id" first, then every other top-level key in order of first appearance.
QStringList columnsOf(const QJsonArray &records);
QString cellText(const QJsonValue &value);
QString quoteCsv(const QString &field);
QByteArray toCsv(const QJsonArray &records, const QStringList &columns);
QByteArray toJson(const QJsonArray &records);

// A cell read from CSV: JSON where valid, else the text.
QJsonValue parseCell(const QString &text);
// Splits CSV text into rows of fields. On a malformed file (a quote left open, text after a closing
// quote) returns false with "line N: reason" in *error.
bool splitCsv(const QString &text, QList<QStringList> *rows, QString *error);

// One record read from a file, before it is sent.
struct ImportRow
{
    int number = 0;      // 1-based position among the file's records (CSV data rows, JSON items)
    QJsonObject data;    // the fields, without "id"
    QString id;          // empty: the server's generator picks one
    QString problem;     // why the row cannot be sent; empty when it can
};

// The largest file an import reads: a JSON document takes several times its size in memory.
constexpr qint64 MaxImportBytes = 64LL << 20;

// Reads a whole file. Rows that cannot become records are kept with their problem set (a CSV row
// with more cells than the header, a JSON item that is not an object, a non-string id, the same id
// twice); a file that cannot be read at all returns false with the reason in *error.
bool readRecords(const QByteArray &bytes, Format format, QList<ImportRow> *rows, QStringList *columns,
                 QString *error);

} // namespace RecordFormats
