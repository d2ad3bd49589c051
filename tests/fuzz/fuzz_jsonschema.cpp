// A JSON schema (a collection's, or one read from an OpenAPI document) and a value, both from the
// input → JsonSchemaCheck::validate, as forms, imports and tenantctl use it: no crash, and every
// problem has a message. Input: "<schema JSON>\n<value JSON>".
#include "fuzzsupport.h"
#include "json/jsonschemacheck.h"

#include <QJsonDocument>

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = FuzzSupport::bytes(data, size);
    const qsizetype split = input.indexOf('\n');
    const QJsonObject schema = QJsonDocument::fromJson(input.left(split < 0 ? input.size() : split)).object();
    const QJsonValue value = split < 0 ? QJsonValue() : QJsonDocument::fromJson("[" + input.mid(split + 1) + "]").array().at(0);
    for (const FieldError &problem : JsonSchemaCheck::validate(value, schema)) {
        if (problem.message.isEmpty())
            std::abort();
    }
    return 0;
}
