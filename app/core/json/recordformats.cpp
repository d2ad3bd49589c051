#include "recordformats.h"

#include "net/json.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSet>

namespace RecordFormats {

static QString tr(const char *text)
{
    return QCoreApplication::translate("RecordFormats", text);
}

QStringList columnsOf(const QJsonArray &records)
{
    QStringList columns { QStringLiteral("id") };
    QSet<QString> seen { QStringLiteral("id") };
    for (const QJsonValue &record : records) {
        const QJsonObject object = record.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (!seen.contains(it.key())) {
                seen.insert(it.key());
                columns << it.key();
            }
        }
    }
    return columns;
}

QString cellText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined: return {};
    case QJsonValue::String: return value.toString();
    default: return QString::fromUtf8(Json::toBytes(value));
    }
}

QString quoteCsv(const QString &field)
{
    const bool needsQuotes = field.contains(QLatin1Char(',')) || field.contains(QLatin1Char('"'))
        || field.contains(QLatin1Char('\n')) || field.contains(QLatin1Char('\r'));
    if (!needsQuotes)
        return field;
    QString quoted = field;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QByteArray toCsv(const QJsonArray &records, const QStringList &columns)
{
    static const QString crlf = QStringLiteral("\r\n");
    QString text;
    QStringList cells;
    for (const QString &column : columns)
        cells << quoteCsv(column);
    text += cells.join(QLatin1Char(',')) + crlf;
    for (const QJsonValue &record : records) {
        const QJsonObject object = record.toObject();
        cells.clear();
        for (const QString &column : columns)
            cells << quoteCsv(cellText(object.value(column)));
        text += cells.join(QLatin1Char(',')) + crlf;
    }
    return text.toUtf8();
}

QByteArray toJson(const QJsonArray &records)
{
    return QJsonDocument(records).toJson(QJsonDocument::Indented);
}

QJsonValue parseCell(const QString &text)
{
    QJsonValue value;
    if (Json::parse(text.toUtf8(), &value))
        return value;
    return text;
}

bool splitCsv(const QString &text, QList<QStringList> *rows, QString *error)
{
    QStringList row;
    QString field;
    bool quoted = false;     // inside a quoted field
    bool afterQuote = false; // a quoted field was closed: only a separator may follow
    bool rowHasContent = false;
    int line = 1;
    const auto endRow = [&] {
        row << field;
        if (rowHasContent || row.size() > 1 || !row.first().isEmpty())
            rows->append(row);
        row.clear();
        field.clear();
        rowHasContent = false;
        afterQuote = false;
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    field += c;
                    ++i;
                } else {
                    quoted = false;
                    afterQuote = true;
                }
            } else {
                if (c == QLatin1Char('\n'))
                    ++line;
                field += c;
            }
            continue;
        }
        if (c == QLatin1Char(',')) {
            row << field;
            field.clear();
            afterQuote = false;
            rowHasContent = true;
        } else if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
            if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            endRow();
            ++line;
        } else if (afterQuote) {
            *error = tr("line %1: text after a closing quote").arg(line);
            return false;
        } else if (c == QLatin1Char('"') && field.isEmpty()) {
            quoted = true;
            rowHasContent = true;
        } else {
            field += c;
        }
    }
    if (quoted) {
        *error = tr("line %1: a quoted field is not closed").arg(line);
        return false;
    }
    if (!field.isEmpty() || !row.isEmpty() || rowHasContent)
        endRow();
    return true;
}

static void flagDuplicates(QList<ImportRow> *rows)
{
    QSet<QString> seen;
    for (ImportRow &row : *rows) {
        if (row.id.isEmpty() || !row.problem.isEmpty())
            continue;
        if (seen.contains(row.id))
            row.problem = tr("the id \"%1\" appears more than once").arg(row.id);
        seen.insert(row.id);
    }
}

static void takeId(ImportRow *row)
{
    const QJsonValue id = row->data.take(QStringLiteral("id"));
    if (id.isString())
        row->id = id.toString();
    else if (!id.isUndefined() && !id.isNull())
        row->problem = tr("the id must be a string");
    // The server sets last_modified; an old value would only be refused or ignored.
    row->data.remove(QStringLiteral("last_modified"));
}

bool readRecords(const QByteArray &bytes, Format format, QList<ImportRow> *rows, QStringList *columns,
                 QString *error)
{
    rows->clear();
    columns->clear();
    if (format == Format::Json) {
        QJsonValue value;
        QString why;
        if (!Json::parse(bytes, &value, &why)) {
            *error = why;
            return false;
        }
        if (!value.isArray()) {
            *error = tr("the file must hold a JSON array of records");
            return false;
        }
        const QJsonArray items = value.toArray();
        *columns = columnsOf(items);
        for (qsizetype i = 0; i < items.size(); ++i) {
            ImportRow row;
            row.number = int(i) + 1;
            if (!items.at(i).isObject()) {
                row.problem = tr("not a JSON object");
            } else {
                row.data = items.at(i).toObject();
                takeId(&row);
            }
            rows->append(row);
        }
        flagDuplicates(rows);
        return true;
    }

    QString text = QString::fromUtf8(bytes);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1); // a byte-order mark written by spreadsheets
    QList<QStringList> table;
    if (!splitCsv(text, &table, error))
        return false;
    if (table.isEmpty()) {
        *error = tr("the file is empty");
        return false;
    }
    // Column names are taken exactly as written (RFC 4180: spaces belong to the field), so that any
    // field name a record has survives an export and an import. A column without a name (a
    // spreadsheet's stray separator) is ignored while empty; a value in it flags its row.
    const QStringList header = table.takeFirst();
    for (const QString &name : header) {
        if (!name.isEmpty() && columns->contains(name)) {
            *error = tr("line 1: the column \"%1\" appears twice").arg(name);
            return false;
        }
        columns->append(name);
    }
    int number = 1;
    for (const QStringList &cells : std::as_const(table)) {
        ImportRow row;
        row.number = number++;
        if (cells.size() > header.size()) {
            row.problem = tr("%1 cells for %2 columns").arg(cells.size()).arg(header.size());
        }
        for (qsizetype c = 0; c < cells.size() && c < header.size(); ++c) {
            if (cells.at(c).isEmpty())
                continue;
            if (columns->at(c).isEmpty()) {
                if (row.problem.isEmpty())
                    row.problem = tr("a value in column %1, which has no name").arg(c + 1);
                continue;
            }
            if (columns->at(c) == QLatin1String("id"))
                row.data.insert(QStringLiteral("id"), cells.at(c)); // ids stay strings
            else
                row.data.insert(columns->at(c), parseCell(cells.at(c)));
        }
        takeId(&row);
        rows->append(row);
    }
    flagDuplicates(rows);
    return true;
}

} // namespace RecordFormats
