#include "kintoresources.h"

#include "kintoaccess.h"
#include "kintolisting.h"
#include "kintopatch.h"
#include "kintojsonschema.h"
#include "kintovalidation.h"
#include "kintowrites.h"

#include <QJsonArray>

#include <limits>

using namespace KintoProtocol;
using KintoAccess::SharedIds;

namespace {

QJsonObject withPermissions(const KintoState &state, const QJsonObject &data, const QString &uri, const KintoCaller &caller)
{
    return QJsonObject{{QStringLiteral("data"), data},
                       {QStringLiteral("permissions"), KintoAccess::visiblePermissions(state, uri, caller)}};
}

// An object answer with its ETag/Last-Modified.
ServiceResponse objectAnswer(int status, const KintoState &state, const QJsonObject &stored, const QString &uri,
                             const KintoCaller &caller)
{
    ServiceResponse r = ServiceResponse::json(status, withPermissions(state, stored, uri, caller));
    addTimestampHeaders(r, stored.value(QStringLiteral("last_modified")).toInteger());
    return r;
}

std::function<bool(const QJsonObject &)> keepFor(const SharedIds &shared, const KintoListing &listing)
{
    return [&shared, &listing](const QJsonObject &o) {
        return (!shared || shared->contains(o.value(QStringLiteral("id")).toString()))
            && KintoQuery::matchesAll(o, listing.filters);
    };
}

ServiceResponse pluralGet(KintoState &state, const ServiceRequest &request, const KintoResource &res,
                          const SharedIds &shared)
{
    const bool head = request.method == "HEAD";
    const qint64 ts = state.store.timestamp(res.parentUri, res.name);
    ServiceResponse response;
    addTimestampHeaders(response, ts);
    response.setHeader("Cache-Control", "no-cache, no-store");
    if (const ServiceCheck stop = checkNotModified(request, ts))
        return *stop;
    if (const ServiceCheck stop = checkPreconditions(request, true, {}, ts))
        return *stop;
    ServiceResult<KintoListing> listing = KintoListing::parse(state.settings, request, QStringLiteral("last_modified"));
    if (!listing)
        return listing.failure();
    if (head) {
        listing->includeDeleted = false;
        listing->sorting = {{QStringLiteral("last_modified"), -1}}; // a count needs no order
        listing->limit = std::numeric_limits<int>::max();
        listing->lastObject.reset();
        const KintoPage all = listing->pageOf(state.store, res.parentUri, res.name, keepFor(shared, *listing));
        response.setHeader("Total-Objects", QByteArray::number(all.objects.size()));
        response.setHeader("Total-Records", QByteArray::number(all.objects.size()));
        response.setHeader("Content-Type", "application/json");
        return response;
    }
    const KintoPage page = listing->pageOf(state.store, res.parentUri, res.name, keepFor(shared, *listing));
    return listing->respond(state.settings, request, page, response);
}

ServiceResponse pluralPost(KintoState &state, const ServiceRequest &request, const KintoCaller &caller,
                           const KintoResource &res, const std::optional<QJsonObject> &existing)
{
    const ServiceResult<QJsonObject> body = bodyObject(request);
    if (!body)
        return body.failure();
    const qint64 currentTs = existing ? existing->value(QStringLiteral("last_modified")).toInteger()
                                      : state.store.timestamp(res.parentUri, res.name);
    if (const ServiceCheck stop = checkPreconditions(request, existing.has_value(), existing.value_or(QJsonObject()), currentTs))
        return *stop;
    KintoResource target = res;
    if (existing) {
        target.id = existing->value(QStringLiteral("id")).toString();
        return objectAnswer(200, state, *existing, target.objectUri(), caller);
    }
    QJsonObject data = body->value(QStringLiteral("data")).toObject();
    if (!data.contains(QStringLiteral("id"))) {
        if (res.name == QLatin1String("account"))
            return invalid(QStringLiteral("body"), QStringLiteral("data.id"), QStringLiteral("Required"));
        data.insert(QStringLiteral("id"), res.name == QLatin1String("record") ? uuid4() : generateName());
    }
    target.id = data.value(QStringLiteral("id")).toString();
    const QJsonValue forced = data.value(QStringLiteral("last_modified"));
    data.remove(QStringLiteral("last_modified"));
    if (const ServiceCheck stop = KintoValidation::checkData(state, target, data, std::nullopt))
        return *stop;
    const ServiceResult<KintoAcl> acl = KintoWrites::newAcl(state, target, std::nullopt, body->value(QStringLiteral("permissions")),
                                                            "POST", mediaType(request), caller, std::nullopt);
    if (!acl)
        return acl.failure();
    const QJsonObject stored = KintoWrites::save(state, target, data, *acl, true, caller.userId,
                                                 forced.isDouble() ? forced.toInteger() : 0);
    return objectAnswer(201, state, stored, target.objectUri(), caller);
}

ServiceResponse pluralDelete(KintoState &state, const ServiceRequest &request, const KintoCaller &caller,
                             const KintoResource &res, const SharedIds &shared)
{
    if (const ServiceCheck stop = checkPreconditions(request, true, {}, state.store.timestamp(res.parentUri, res.name)))
        return *stop;
    ServiceResult<KintoListing> listing = KintoListing::parse(state.settings, request, QStringLiteral("last_modified"));
    if (!listing)
        return listing.failure();
    listing->includeDeleted = false;
    const KintoPage page = listing->pageOf(state.store, res.parentUri, res.name, keepFor(shared, *listing));
    QJsonArray tombstones;
    qint64 newest = 0;
    for (const QJsonObject &o : page.objects) {
        const QJsonObject tomb = KintoWrites::remove(state, res, o.value(QStringLiteral("id")).toString(), caller.userId, 0);
        newest = qMax(newest, tomb.value(QStringLiteral("last_modified")).toInteger());
        tombstones.append(tomb);
    }
    ServiceResponse r = ServiceResponse::json(200, QJsonObject{{QStringLiteral("data"), tombstones}});
    listing->addNextPage(r, state.settings, request, page);
    addTimestampHeaders(r, newest > 0 ? newest : state.store.timestamp(res.parentUri, res.name));
    return r;
}

ServiceResponse objectGet(KintoState &state, const ServiceRequest &request, const KintoCaller &caller,
                          const KintoResource &res)
{
    const auto stored = state.store.get(res.parentUri, res.name, res.id);
    if (!stored)
        return missing(res.id, res.name, 110);
    const qint64 ts = stored->value(QStringLiteral("last_modified")).toInteger();
    if (const ServiceCheck stop = checkNotModified(request, ts))
        return *stop;
    if (const ServiceCheck stop = checkPreconditions(request, true, *stored, ts))
        return *stop;
    const ServiceResult<KintoListing> listing = KintoListing::parse(state.settings, request, QStringLiteral("last_modified"));
    if (!listing)
        return listing.failure();
    QJsonObject object = *stored;
    if (!listing->fields.isEmpty())
        object = KintoQuery::subset(object, listing->fields + QStringList{QStringLiteral("id"), QStringLiteral("last_modified")});
    ServiceResponse r = ServiceResponse::json(200, withPermissions(state, object, res.objectUri(), caller));
    addTimestampHeaders(r, ts);
    r.setHeader("Cache-Control", "no-cache, no-store");
    return r;
}

ServiceResponse objectPut(KintoState &state, const ServiceRequest &request, const KintoCaller &caller,
                          const KintoResource &res)
{
    const auto existing = state.store.get(res.parentUri, res.name, res.id);
    const qint64 currentTs = existing ? existing->value(QStringLiteral("last_modified")).toInteger()
                                      : state.store.timestamp(res.parentUri, res.name);
    if (const ServiceCheck stop = checkPreconditions(request, existing.has_value(), existing.value_or(QJsonObject()), currentTs))
        return *stop;
    const ServiceResult<QJsonObject> body = bodyObject(request);
    if (!body)
        return body.failure();
    QJsonObject data = body->contains(QStringLiteral("data")) ? body->value(QStringLiteral("data")).toObject()
                                                               : existing.value_or(QJsonObject());
    if (!data.contains(QStringLiteral("id")))
        data.insert(QStringLiteral("id"), res.id);
    if (data.value(QStringLiteral("id")) != QJsonValue(res.id))
        return invalid(QStringLiteral("body"), QStringLiteral("id"), QStringLiteral("Object id does not match existing object"));
    qint64 forced = data.value(QStringLiteral("last_modified")).toInteger();
    if (existing && forced <= existing->value(QStringLiteral("last_modified")).toInteger())
        forced = 0;
    data.remove(QStringLiteral("last_modified"));
    if (const ServiceCheck stop = KintoValidation::checkData(state, res, data, existing))
        return *stop;
    const ServiceResult<KintoAcl> acl = KintoWrites::newAcl(state, res, existing, body->value(QStringLiteral("permissions")),
                                                            "PUT", mediaType(request), caller, std::nullopt);
    if (!acl)
        return acl.failure();
    const QJsonObject stored = KintoWrites::save(state, res, data, *acl, !existing, caller.userId, forced);
    return objectAnswer(existing ? 200 : 201, state, stored, res.objectUri(), caller);
}

ServiceResponse objectDelete(KintoState &state, const ServiceRequest &request, const KintoCaller &caller,
                             const KintoResource &res)
{
    const auto existing = state.store.get(res.parentUri, res.name, res.id);
    if (!existing)
        return missing(res.id, res.name, 110);
    const qint64 ts = existing->value(QStringLiteral("last_modified")).toInteger();
    if (const ServiceCheck stop = checkPreconditions(request, true, *existing, ts))
        return *stop;
    qint64 forced = request.query.queryItemValue(QStringLiteral("last_modified")).toLongLong();
    if (forced <= ts)
        forced = 0;
    const QJsonObject tombstone = KintoWrites::remove(state, res, res.id, caller.userId, forced);
    ServiceResponse r = ServiceResponse::json(200, QJsonObject{{QStringLiteral("data"), tombstone}});
    addTimestampHeaders(r, tombstone.value(QStringLiteral("last_modified")).toInteger());
    return r;
}

// For a plural POST, the stored object whose id the body names, if any.
ServiceResult<std::optional<QJsonObject>> postedObject(const KintoState &state, const ServiceRequest &request,
                                                       const KintoResource &res)
{
    const ServiceResult<QJsonObject> body = bodyObject(request);
    if (!body)
        return body.failure();
    const QJsonValue id = body->value(QStringLiteral("data")).toObject().value(QStringLiteral("id"));
    if (id.isUndefined())
        return std::optional<QJsonObject>();
    if (!id.isString())
        return invalid(QStringLiteral("path"), QJsonValue(), QStringLiteral("Invalid object id"));
    if (const ServiceCheck badId = res.validateId(id.toString()))
        return *badId;
    return state.store.get(res.parentUri, res.name, id.toString());
}

// The new version a JSON patch (RFC 6902 on {data, permissions}) makes, and its ACL.
struct Patched
{
    QJsonObject data;
    KintoAcl acl;
};

ServiceResult<Patched> applyJsonPatch(const KintoState &state, const ServiceRequest &request, const KintoResource &res,
                                      const QJsonObject &existing)
{
    const ServiceResult<QJsonValue> ops = parseJsonBody(request);
    if (!ops)
        return ops.failure();
    if (!ops->isArray())
        return invalid(QStringLiteral("body"), QJsonValue(), QStringLiteral("Invalid JSON Patch: a list of operations is expected"));
    QJsonArray operations;
    for (const QJsonValue &opValue : ops->toArray()) {
        QJsonObject op = opValue.toObject();
        const QString path = op.value(QStringLiteral("path")).toString();
        if (!path.startsWith(QLatin1String("/data")) && !path.startsWith(QLatin1String("/permissions")))
            return invalid(QStringLiteral("body"), QStringLiteral("path"),
                           QStringLiteral("%1 does not start with /data or /permissions").arg(KintoJsonSchema::pythonRepr(path)));
        // The principal is the key and the value of permission maps: "value" may be omitted.
        if (path.startsWith(QLatin1String("/permissions/read/")) || path.startsWith(QLatin1String("/permissions/write/")))
            op.insert(QStringLiteral("value"), path.section(QLatin1Char('/'), -1)
                                                   .replace(QStringLiteral("~1"), QStringLiteral("/"))
                                                   .replace(QStringLiteral("~0"), QStringLiteral("~")));
        operations.append(op);
    }
    QJsonObject permissionMaps{{QStringLiteral("read"), QJsonObject()}, {QStringLiteral("write"), QJsonObject()}};
    const KintoAcl oldAcl = state.store.acl(res.objectUri());
    for (auto it = oldAcl.cbegin(); it != oldAcl.cend(); ++it) {
        QJsonObject map;
        for (const QString &p : it.value())
            map.insert(p, p);
        permissionMaps.insert(it.key(), map);
    }
    QJsonObject document{{QStringLiteral("data"), existing}, {QStringLiteral("permissions"), permissionMaps}};
    QString patchError;
    if (!KintoPatch::jsonPatch(document, operations, &patchError))
        return invalid(QStringLiteral("body"), QJsonValue(), QStringLiteral("JSON Patch operation failed: ") + patchError);
    Patched patched;
    patched.data = document.value(QStringLiteral("data")).toObject();
    const QJsonObject perms = document.value(QStringLiteral("permissions")).toObject();
    for (auto it = perms.constBegin(); it != perms.constEnd(); ++it) {
        if (!res.permissionNames().contains(it.key()))
            return invalid(QStringLiteral("body"), QStringLiteral("permissions"),
                           QStringLiteral("Unrecognized keys in mapping: %1").arg(KintoJsonSchema::pythonRepr(it.key())));
        const QStringList keys = it.value().toObject().keys();
        patched.acl.insert(it.key(), QSet<QString>(keys.begin(), keys.end()));
    }
    return patched;
}

// What Response-Behavior asks to see of a PATCH: everything ("full"), the changed fields ("light"),
// or those that differ from what was sent ("diff").
QJsonObject patchAnswerData(const ServiceRequest &request, const QJsonObject &stored, const QJsonObject &existing,
                            const QJsonObject &changes)
{
    const QByteArray behavior = request.header("Response-Behavior").trimmed().toLower();
    if (behavior != "light" && behavior != "diff")
        return stored;
    QJsonObject data;
    for (auto it = changes.constBegin(); it != changes.constEnd(); ++it) {
        const QString &field = it.key();
        if (existing.value(field) == stored.value(field))
            continue; // asked for, but unchanged
        if (behavior == "light" || it.value() != stored.value(field))
            data.insert(field, stored.value(field));
    }
    return data;
}

ServiceResponse objectPatch(KintoState &state, const ServiceRequest &request, const KintoCaller &caller,
                            const KintoResource &res, const QJsonObject &existing)
{
    if (const ServiceCheck stop = checkPreconditions(request, true, existing, existing.value(QStringLiteral("last_modified")).toInteger()))
        return *stop;
    const QByteArray contentType = mediaType(request);
    QJsonObject updated;
    QJsonObject changes; // what the client asked to change, for Response-Behavior
    QJsonValue permissionsPayload;
    std::optional<KintoAcl> patchedAcl;
    if (contentType == "application/json-patch+json") {
        const ServiceResult<Patched> patched = applyJsonPatch(state, request, res, existing);
        if (!patched)
            return patched.failure();
        updated = patched->data;
        changes = updated;
        patchedAcl = patched->acl;
    } else {
        const ServiceResult<QJsonObject> body = bodyObject(request);
        if (!body)
            return body.failure();
        if (!body->contains(QStringLiteral("data")) && !body->contains(QStringLiteral("permissions")))
            return invalid(QStringLiteral("body"), QStringLiteral("data"), QStringLiteral("Provide at least one of data or permissions"));
        changes = body->value(QStringLiteral("data")).toObject();
        permissionsPayload = body->value(QStringLiteral("permissions"));
        updated = existing;
        if (contentType == "application/merge-patch+json") {
            KintoPatch::mergePatch(updated, changes);
        } else {
            for (auto it = changes.constBegin(); it != changes.constEnd(); ++it)
                updated.insert(it.key(), it.value());
        }
    }
    if (!updated.contains(QStringLiteral("id")))
        updated.insert(QStringLiteral("id"), res.id);
    if (updated.value(QStringLiteral("id")) != QJsonValue(res.id))
        return invalid(QStringLiteral("body"), QStringLiteral("id"), QStringLiteral("Object id does not match existing object"));
    qint64 forced = changes.value(QStringLiteral("last_modified")).toInteger();
    if (forced <= existing.value(QStringLiteral("last_modified")).toInteger())
        forced = 0;
    updated.remove(QStringLiteral("last_modified"));
    if (const ServiceCheck stop = KintoValidation::checkData(state, res, updated, existing))
        return *stop;
    const ServiceResult<KintoAcl> acl =
        KintoWrites::newAcl(state, res, existing, permissionsPayload, "PATCH", contentType, caller, patchedAcl);
    if (!acl)
        return acl.failure();
    const QJsonObject stored = KintoWrites::save(state, res, updated, *acl, false, caller.userId, forced);
    ServiceResponse r = ServiceResponse::json(
        200, withPermissions(state, patchAnswerData(request, stored, existing, changes), res.objectUri(), caller));
    addTimestampHeaders(r, stored.value(QStringLiteral("last_modified")).toInteger());
    return r;
}

} // namespace

namespace KintoResources {

ServiceResponse handle(KintoState &state, const ServiceRequest &request, const KintoCaller &caller,
                       const KintoResource &res)
{
    const bool plural = res.id.isEmpty();
    const QByteArray &m = request.method;
    // As in Kinto, parents are looked up before authorization for writes on an object and for
    // creations, after it for reads and plural deletions.
    const bool writeFlow = plural ? m == "POST" : (m == "PUT" || m == "PATCH" || m == "DELETE");
    if (writeFlow) {
        if (const ServiceCheck stop = KintoWrites::ensureParents(state.store, res))
            return *stop;
    }
    std::optional<QJsonObject> current;
    if (!plural && writeFlow) {
        current = state.store.get(res.parentUri, res.name, res.id);
    } else if (plural && m == "POST") {
        const auto posted = postedObject(state, request, res);
        if (!posted)
            return posted.failure();
        current = *posted;
    }
    const ServiceResult<SharedIds> shared = KintoAccess::authorize(state, request, caller, res, plural, current);
    if (!shared)
        return shared.failure();
    if (!writeFlow) {
        if (const ServiceCheck stop = KintoWrites::ensureParents(state.store, res))
            return *stop;
    }

    if (plural) {
        if (m == "GET" || m == "HEAD")
            return pluralGet(state, request, res, *shared);
        if (m == "POST")
            return pluralPost(state, request, caller, res, current);
        return pluralDelete(state, request, caller, res, *shared);
    }
    if (const ServiceCheck badId = res.validateId(res.id))
        return *badId;
    // Kinto 26 answers a missing bucket with 403 to every caller, even one allowed to create
    // buckets: its existence is not disclosed (kinto.md §16).
    if (res.name == QLatin1String("bucket") && m != "PUT" && !state.store.get(QString(), res.name, res.id))
        return KintoAccess::refuse(caller);
    if (m == "GET")
        return objectGet(state, request, caller, res);
    if (m == "PUT")
        return objectPut(state, request, caller, res);
    if (m == "DELETE")
        return objectDelete(state, request, caller, res);
    if (!current)
        return missing(res.id, res.name, 110);
    return objectPatch(state, request, caller, res, *current);
}

} // namespace KintoResources
