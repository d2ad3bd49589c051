#include "kintovalidation.h"

#include "kintoaccess.h"
#include "kintojsonschema.h"

#include <QJsonArray>

#include <algorithm>

using namespace KintoProtocol;

namespace {

ServiceCheck checkGroup(QJsonObject &data)
{
    const QJsonValue members = data.value(QStringLiteral("members"));
    if (members.isUndefined()) {
        data.insert(QStringLiteral("members"), QJsonArray());
        return std::nullopt;
    }
    const QJsonArray list = members.toArray();
    if (!members.isArray() || std::any_of(list.begin(), list.end(), [](const QJsonValue &v) { return !v.isString(); }))
        return invalid(QStringLiteral("body"), QStringLiteral("data.members"),
                       QStringLiteral("%1 is not iterable").arg(KintoJsonSchema::pythonRepr(members)));
    return std::nullopt;
}

ServiceCheck checkCollection(const QJsonObject &data)
{
    if (data.contains(QStringLiteral("schema"))) {
        const QJsonValue schema = data.value(QStringLiteral("schema"));
        if (!schema.isObject())
            return invalid(QStringLiteral("body"), QStringLiteral("data.schema"),
                           QStringLiteral("\"%1\" is not a mapping type").arg(KintoJsonSchema::pythonRepr(schema)));
        const QString problem = KintoJsonSchema::checkSchema(schema.toObject());
        if (!problem.isEmpty())
            return invalid(QStringLiteral("body"), QStringLiteral("data.schema"), problem);
    }
    const QJsonValue cacheExpires = data.value(QStringLiteral("cache_expires"));
    if (!cacheExpires.isUndefined() && !cacheExpires.isDouble())
        return invalid(QStringLiteral("body"), QStringLiteral("data.cache_expires"),
                       QStringLiteral("\"%1\" is not a number").arg(cacheExpires.toVariant().toString()));
    return std::nullopt;
}

ServiceCheck checkRecord(const KintoStore &store, const KintoResource &res, QJsonObject &data)
{
    const QString bucketUri = QStringLiteral("/buckets/") + res.bucketId;
    const auto collection = store.get(bucketUri, QStringLiteral("collection"), res.collectionId);
    if (collection && collection->contains(QStringLiteral("schema"))) {
        const auto failure = KintoJsonSchema::validateRecord(data, collection->value(QStringLiteral("schema")).toObject());
        if (failure)
            return invalid(QStringLiteral("body"), failure->field, failure->message);
        data.insert(QStringLiteral("schema"), collection->value(QStringLiteral("last_modified")));
    }
    const auto bucket = store.get(QString(), QStringLiteral("bucket"), res.bucketId);
    if (bucket && bucket->value(QStringLiteral("record:schema")).isObject()) {
        const auto failure = KintoJsonSchema::validateRecord(data, bucket->value(QStringLiteral("record:schema")).toObject());
        if (failure)
            return invalid(QStringLiteral("body"), failure->field, failure->message);
    }
    return std::nullopt;
}

ServiceCheck checkAccount(QJsonObject &data, const std::optional<QJsonObject> &old)
{
    const QJsonValue password = data.value(QStringLiteral("password"));
    if (!password.isString() || password.toString().isEmpty())
        return invalid(QStringLiteral("body"), QStringLiteral("data.password"), QStringLiteral("Required"));
    if (!old || old->value(QStringLiteral("password")) != password)
        data.insert(QStringLiteral("password"), KintoAccess::hashPassword(password.toString()));
    return std::nullopt;
}

} // namespace

namespace KintoValidation {

ServiceCheck checkData(const KintoState &state, const KintoResource &res, QJsonObject &data,
                       const std::optional<QJsonObject> &old)
{
    if (res.name == QLatin1String("group"))
        return checkGroup(data);
    if (res.name == QLatin1String("collection"))
        return checkCollection(data);
    if (res.name == QLatin1String("record"))
        return checkRecord(state.store, res, data);
    if (res.name == QLatin1String("account"))
        return checkAccount(data, old);
    return std::nullopt;
}

} // namespace KintoValidation
