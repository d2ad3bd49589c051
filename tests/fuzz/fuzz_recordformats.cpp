// CSV and JSON import files (ui/bulk/recordformats, used read-only): any bytes give rows or an
// error, never a crash; a written CSV reads back. Known and left to ui/bulk's owner: a field name
// that is blank or has leading/trailing white space ("", "\v\v", " a") is exported as is but
// trimmed or refused on import (corpus: empty-field-name, blank-field-name), so the round trip is
// only checked for records without such names.
#include "fuzzsupport.h"
#include "recordformats.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = FuzzSupport::bytes(data, size);
    for (const auto format : { RecordFormats::Format::Csv, RecordFormats::Format::Json }) {
        QList<RecordFormats::ImportRow> rows;
        QStringList columns;
        QString error;
        if (!RecordFormats::readRecords(input, format, &rows, &columns, &error))
            continue;
        QJsonArray records;
        bool oddName = false;
        for (const RecordFormats::ImportRow &row : std::as_const(rows)) {
            QJsonObject object = row.data;
            for (const QString &key : object.keys())
                oddName = oddName || key.trimmed().isEmpty() || key.trimmed() != key;
            if (!row.id.isEmpty())
                object.insert(QStringLiteral("id"), row.id);
            records.append(object);
        }
        if (oddName)
            continue;
        const QByteArray csv = RecordFormats::toCsv(records, RecordFormats::columnsOf(records));
        QList<RecordFormats::ImportRow> again;
        if (!RecordFormats::readRecords(csv, RecordFormats::Format::Csv, &again, &columns, &error))
            std::abort(); // what we write, we can read
    }
    return 0;
}
