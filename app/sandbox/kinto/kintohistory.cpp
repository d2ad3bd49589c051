#include "kintohistory.h"

#include "kintoaccess.h"
#include "kintowrites.h"

#include <QJsonArray>

#include <algorithm>

using namespace KintoProtocol;

namespace KintoHistory {

void record(KintoState &state, const QString &action, const KintoResource &res, const QJsonObject &target,
            const QString &userId)
{
    if (res.name == QLatin1String("history") || res.name == QLatin1String("account"))
        return;
    const QString objectId = target.value(QStringLiteral("id")).toString();
    const QString bucketId = res.name == QLatin1String("bucket") ? objectId : res.bucketId;
    const QString bucketUri = QStringLiteral("/buckets/") + bucketId;
    const QString uri = res.objectUriFor(objectId);
    const KintoAcl objectAcl = state.store.acl(uri);

    QJsonObject entry{
        {QStringLiteral("id"), uuid4()},
        {QStringLiteral("action"), action},
        {QStringLiteral("resource_name"), res.name},
        {QStringLiteral("uri"), uri},
        {QStringLiteral("user_id"), userId.isEmpty() ? QJsonValue() : QJsonValue(userId)},
        {QStringLiteral("date"), isoNow()},
        {QStringLiteral("target"), QJsonObject{{QStringLiteral("data"), target},
                                               {QStringLiteral("permissions"), aclToJson(objectAcl)}}},
    };
    entry.insert(res.name + QStringLiteral("_id"), objectId);
    if (res.name == QLatin1String("record"))
        entry.insert(QStringLiteral("collection_id"), res.collectionId);

    QSet<QString> readers;
    const auto addReaders = [&](const KintoAcl &acl) {
        readers.unite(acl.value(QStringLiteral("read")));
        readers.unite(acl.value(QStringLiteral("write")));
    };
    addReaders(state.store.acl(bucketUri));
    if (res.name == QLatin1String("record"))
        addReaders(state.store.acl(res.parentUri));
    addReaders(objectAcl);

    const QJsonObject stored = state.store.save(bucketUri, QStringLiteral("history"), entry);
    state.store.setAcl(bucketUri + QStringLiteral("/history/") + stored.value(QStringLiteral("id")).toString(),
                       KintoAcl{{QStringLiteral("read"), readers}});
}

ServiceResponse changeset(KintoState &state, const ServiceRequest &request, const KintoCaller &caller,
                          const KintoResource &collection)
{
    const auto allowed = KintoAccess::authorize(state, request, caller, collection, false, {});
    if (!allowed)
        return allowed.failure();
    if (const ServiceCheck missingParent = KintoWrites::ensureParents(state.store, collection))
        return *missingParent;
    const std::optional<QJsonObject> metadata = state.store.get(collection.parentUri, collection.name, collection.id);
    if (!metadata)
        return notFound();
    if (!request.query.hasQueryItem(QStringLiteral("_expected")))
        return invalid(QStringLiteral("querystring"), QStringLiteral("_expected"), QStringLiteral("_expected is missing"));

    const QString recordsParent = collection.objectUri();
    const qint64 timestamp = state.store.timestamp(recordsParent, QStringLiteral("record"));
    const QString sinceText = request.query.queryItemValue(QStringLiteral("_since"), QUrl::FullyDecoded).remove(QLatin1Char('"'));
    bool hasSince = false;
    const qint64 since = sinceText.toLongLong(&hasSince);
    QJsonArray list;
    // Newest first; with _since, the changes after it, tombstones included.
    state.store.scan(recordsParent, QStringLiteral("record"), hasSince, true, std::nullopt, [&](const QJsonObject &o) {
        if (hasSince && o.value(QStringLiteral("last_modified")).toInteger() <= since)
            return false;
        list.append(o);
        return true;
    });
    ServiceResponse response = ServiceResponse::json(200, QJsonObject{{QStringLiteral("metadata"), *metadata},
                                                                      {QStringLiteral("timestamp"), timestamp},
                                                                      {QStringLiteral("changes"), list}});
    addTimestampHeaders(response, timestamp);
    return response;
}

} // namespace KintoHistory
