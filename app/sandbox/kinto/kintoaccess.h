#pragma once

#include "kintoprotocol.h"
#include "kintostate.h"

#include <optional>

// Who calls and what they may do: Kinto's authentication policies (accounts, then basicauth when
// the setting is on) and its authorization (kinto/authorization.py: permissions inherited from
// the bucket and collection, principals granted by settings, the permissions endpoint).
namespace KintoAccess {

// The caller behind the request's Basic credentials: "account:<user>" when they match an account;
// else "basicauth:<hmac>" when the basicauth policy is on; else anonymous. Group principals of
// the user are added.
KintoCaller authenticate(const KintoState &state, const ServiceRequest &request);

// The ids a caller may see in a list it may not read whole; nullopt when it may see every object.
using SharedIds = std::optional<QSet<QString>>;

// Checks the permission the request needs on `res` (plural: the list endpoint; `current`: the
// object as stored, if any). Answers 401 errno 104 to an anonymous caller and 403 errno 121 to
// others when refused.
ServiceResult<SharedIds> authorize(const KintoState &state, const ServiceRequest &request, const KintoCaller &caller,
                                   const KintoResource &res, bool plural, const std::optional<QJsonObject> &current);

// 401 to an anonymous caller, else 403: the answer for what the caller may not know exists.
ServiceResponse refuse(const KintoCaller &caller);

// An object's permissions as shown to the caller: all of them to its writers, none to others.
QJsonObject visiblePermissions(const KintoState &state, const QString &uri, const KintoCaller &caller);

// GET/HEAD /permissions: every object the caller has a permission on.
ServiceResponse permissionsEndpoint(const KintoState &state, const ServiceRequest &request, const KintoCaller &caller);

// "$sha256$<salt>$<hex digest>" of a password (a fresh salt each time).
QString hashPassword(const QString &password);

} // namespace KintoAccess
