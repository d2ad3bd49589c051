#pragma once

#include "kintoprotocol.h"
#include "kintostate.h"

#include <optional>

// Storing and deleting objects as Kinto does: the new ACL of a version, history entries,
// children and attachment files that go with a deleted object.
namespace KintoWrites {

// 404 errno 111 (details {id, resource_name}) when the bucket, or for a record the collection,
// that `res` lives in does not exist.
ServiceCheck ensureParents(const KintoStore &store, const KintoResource &res);

// The ACL of the new version of `res`: the stored one (when `old`), changed by the request's
// `permissions` (replaced by PUT, merged otherwise, null removes with merge-patch; `jsonPatched`
// when a JSON patch computed it), plus the author in "write". 400 errno 107 when malformed.
ServiceResult<KintoAcl> newAcl(const KintoState &state, const KintoResource &res, const std::optional<QJsonObject> &old,
                               const QJsonValue &permissionsPayload, const QByteArray &method,
                               const QByteArray &contentType, const KintoCaller &caller,
                               const std::optional<KintoAcl> &jsonPatched);

// Stores `data` (which holds its id) with `acl`, records history; returns the stored data.
// `forcedLastModified` as KintoStore::save.
QJsonObject save(KintoState &state, const KintoResource &res, const QJsonObject &data, const KintoAcl &acl,
                 bool created, const QString &userId, qint64 forcedLastModified);

// Deletes object `id` of `res`'s endpoint, with its ACL, children (bucket, collection) and
// attachment files, records history; returns the tombstone.
QJsonObject remove(KintoState &state, const KintoResource &res, const QString &id, const QString &userId,
                   qint64 forcedLastModified);

} // namespace KintoWrites
