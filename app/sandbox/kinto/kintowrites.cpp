#include "kintowrites.h"

#include "kintoattachments.h"
#include "kintohistory.h"
#include "kintojsonschema.h"

#include <QJsonArray>

#include <algorithm>

using namespace KintoProtocol;

namespace KintoWrites {

ServiceCheck ensureParents(const KintoStore &store, const KintoResource &res)
{
    if (res.name == QLatin1String("bucket") || res.name == QLatin1String("account"))
        return std::nullopt;
    if (!store.get(QString(), QStringLiteral("bucket"), res.bucketId))
        return missing(res.bucketId, QStringLiteral("bucket"), 111);
    if (res.name == QLatin1String("record")
        && !store.get(QStringLiteral("/buckets/") + res.bucketId, QStringLiteral("collection"), res.collectionId))
        return missing(res.collectionId, QStringLiteral("collection"), 111);
    return std::nullopt;
}

ServiceResult<KintoAcl> newAcl(const KintoState &state, const KintoResource &res, const std::optional<QJsonObject> &old,
                               const QJsonValue &permissionsPayload, const QByteArray &method,
                               const QByteArray &contentType, const KintoCaller &caller,
                               const std::optional<KintoAcl> &jsonPatched)
{
    KintoAcl acl = old ? state.store.acl(res.objectUri()) : KintoAcl();
    const QStringList names = res.permissionNames();

    if (!permissionsPayload.isUndefined() && !permissionsPayload.isNull() && !permissionsPayload.isObject())
        return invalid(QStringLiteral("body"), QStringLiteral("permissions"), QStringLiteral("Should be a mapping"));
    const QJsonObject payload = permissionsPayload.toObject();
    for (auto it = payload.constBegin(); it != payload.constEnd(); ++it) {
        if (!names.contains(it.key()))
            return invalid(QStringLiteral("body"), QStringLiteral("permissions"),
                           QStringLiteral("Unrecognized keys in mapping: \"{%1: %2}\"")
                               .arg(KintoJsonSchema::pythonRepr(it.key()), KintoJsonSchema::pythonRepr(it.value())));
        if (it.value().isNull())
            continue;
        const QJsonArray principals = it.value().toArray();
        if (!it.value().isArray()
            || std::any_of(principals.begin(), principals.end(), [](const QJsonValue &v) { return !v.isString(); }))
            return invalid(QStringLiteral("body"), QString(QStringLiteral("permissions.") + it.key()),
                           QStringLiteral("%1 is not iterable").arg(KintoJsonSchema::pythonRepr(it.value())));
    }
    const auto principalsOf = [](const QJsonValue &v) {
        QSet<QString> set;
        for (const QJsonValue &p : v.toArray())
            set.insert(p.toString());
        return set;
    };

    if (jsonPatched) {
        acl = *jsonPatched;
    } else if (contentType == "application/merge-patch+json") {
        for (auto it = payload.constBegin(); it != payload.constEnd(); ++it) {
            if (it.value().isNull())
                acl.remove(it.key());
            else
                acl.insert(it.key(), principalsOf(it.value()));
        }
    } else if (!payload.isEmpty()) {
        KintoAcl given;
        for (auto it = payload.constBegin(); it != payload.constEnd(); ++it) {
            if (!it.value().isNull())
                given.insert(it.key(), principalsOf(it.value()));
        }
        if (method == "PUT") {
            acl = given; // a PUT replaces every permission: unnamed ones become empty
        } else {
            for (auto it = given.cbegin(); it != given.cend(); ++it)
                acl.insert(it.key(), it.value());
        }
    }
    // The author always keeps write access (accounts belong to themselves).
    const QString owner = res.name == QLatin1String("account") ? QStringLiteral("account:") + res.id
                                                                : caller.currentPrincipal();
    acl[QStringLiteral("write")].insert(owner);
    return acl;
}

QJsonObject save(KintoState &state, const KintoResource &res, const QJsonObject &data, const KintoAcl &acl,
                 bool created, const QString &userId, qint64 forcedLastModified)
{
    const QJsonObject stored = state.store.save(res.parentUri, res.name, data, forcedLastModified);
    state.store.setAcl(res.objectUri(), acl);
    KintoHistory::record(state, created ? QStringLiteral("create") : QStringLiteral("update"), res, stored, userId);
    return stored;
}

QJsonObject remove(KintoState &state, const KintoResource &res, const QString &id, const QString &userId,
                   qint64 forcedLastModified)
{
    const auto old = state.store.get(res.parentUri, res.name, id);
    const QJsonObject tombstone = state.store.remove(res.parentUri, res.name, id, forcedLastModified);
    const QString uri = res.objectUriFor(id);
    state.store.removeAcl(uri);
    if (res.name == QLatin1String("bucket") || res.name == QLatin1String("collection")) {
        KintoAttachments::forgetFilesUnder(state, uri);
        state.store.purgeChildren(uri);
    } else if (res.name == QLatin1String("record") && old) {
        KintoAttachments::forgetFileOf(state, *old);
    }
    KintoResource target = res;
    target.id = id;
    KintoHistory::record(state, QStringLiteral("delete"), target, tombstone, userId);
    return tombstone;
}

} // namespace KintoWrites
