// CSV and JSON import files (app/core/json/recordformats): any bytes give rows or an error, never
// a crash; a written CSV reads back, whatever the field names (blank ones, spaces around them: the
// corpus's empty-field-name and blank-field-name).
#include "fuzzsupport.h"
#include "json/recordformats.h"

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
        for (const RecordFormats::ImportRow &row : std::as_const(rows)) {
            QJsonObject object = row.data;
            if (!row.id.isEmpty())
                object.insert(QStringLiteral("id"), row.id);
            records.append(object);
        }
        const QByteArray csv = RecordFormats::toCsv(records, RecordFormats::columnsOf(records));
        QList<RecordFormats::ImportRow> again;
        if (!RecordFormats::readRecords(csv, RecordFormats::Format::Csv, &again, &columns, &error))
            std::abort(); // what we write, we can read
    }
    return 0;
}
