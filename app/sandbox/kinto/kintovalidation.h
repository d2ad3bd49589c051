#pragma once

#include "kintoprotocol.h"
#include "kintostate.h"

#include <optional>

// What each resource's data must hold before it is stored (Kinto's resource schemas): a group's
// members, a collection's JSON schema and cache_expires, a record valid against its collection's
// and bucket's schemas (kinto/schema_validation.py), an account's password (stored hashed).
namespace KintoValidation {

// Checks and completes `data` for `res` (`old`: the stored version, if any): default members,
// the record's "schema" timestamp, the hashed password. Answers 400 errno 107 when invalid.
ServiceCheck checkData(const KintoState &state, const KintoResource &res, QJsonObject &data,
                       const std::optional<QJsonObject> &old);

} // namespace KintoValidation
