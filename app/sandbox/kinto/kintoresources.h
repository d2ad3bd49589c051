#pragma once

#include "kintoprotocol.h"
#include "kintostate.h"

// The generic endpoints of every Kinto resource (buckets, groups, collections, records,
// accounts, history): plural GET/HEAD/POST/DELETE and object GET/PUT/PATCH/DELETE, with
// permissions, preconditions, validation, history and Kinto's answers for missing objects.
namespace KintoResources {

// Serves `request` on `res` (a plural endpoint when res.id is empty). The method has been checked
// against the endpoint's allowed methods.
ServiceResponse handle(KintoState &state, const ServiceRequest &request, const KintoCaller &caller,
                       const KintoResource &res);

} // namespace KintoResources
