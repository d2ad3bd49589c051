// A list body decoded in batches (Json::forEachBatch, how a streamed Kinto page is read): never
// crashes, and whenever the whole body is valid JSON with a "data" array, the batches give exactly
// that array's items, for a batch size taken from the input. The same body read as item texts
// (Json::forEachItemText + Json::appendCompactOrReencoded, how tenantctl --jsonl prints): an item
// is printed exactly when QJsonDocument reads it, on one line, the same value, and laid out
// indented (Json::appendIndented) still the same value; what appendCompact accepts as RFC 8259
// JSON Qt reads too.
#include "fuzzsupport.h"
#include "net/json.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const qsizetype batchSize = 1 + data[0] % 8;
    const QByteArray body = FuzzSupport::bytes(data + 1, size - 1);
    QJsonArray joined;
    QString error;
    const bool ok = Json::forEachBatch(body, QLatin1String("data"), batchSize, [&](const QJsonArray &items) {
        if (items.size() > batchSize)
            std::abort();
        for (const QJsonValue &item : items)
            joined.append(item);
    }, &error);
    if (!ok && error.isEmpty())
        std::abort(); // a refusal always says why
    QJsonParseError parseError;
    const QJsonDocument whole = QJsonDocument::fromJson(body, &parseError);
    // Compared when "data" can only be one member (a duplicate name is read first here, and may be
    // read last by QJsonDocument).
    if (parseError.error == QJsonParseError::NoError && whole.isObject() && body.count("data") == 1 && !body.contains("\\u")) {
        const QJsonValue items = whole.object().value(QLatin1String("data"));
        // A valid body with a "data" array must be read, and read the same.
        if (items.isArray() && (!ok || joined != items.toArray()))
            std::abort();
    }
    Json::forEachItemText(body, QLatin1String("data"), [](QByteArrayView item, qsizetype) {
        QJsonValue original;
        const bool valid = Json::parse(item.toByteArray(), &original);
        QByteArray strict;
        QByteArray line;
        const bool compacted = Json::appendCompact(item, &strict);
        const bool printed = Json::appendCompactOrReencoded(item, &line);
        QJsonValue reread;
        if (compacted && (!valid || strict != line))
            std::abort(); // RFC 8259 JSON is read by Qt too, and printed as compacted
        if (printed != valid || (printed && (line.contains('\n') || !Json::parse(line, &reread) || reread != original)))
            std::abort(); // a line for exactly what Qt reads, on one line, the same value
        QByteArray indented;
        if (printed)
            Json::appendIndented(line, &indented, 1);
        if (printed && (!Json::parse(indented, &reread) || reread != original))
            std::abort(); // laid out for reading, still the same value
        return true;
    }, &error);
    return 0;
}
