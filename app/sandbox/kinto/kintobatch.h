#pragma once

#include "kintoprotocol.h"
#include "kintostate.h"

#include <functional>

// POST /batch (docs/api/1.x/batch.rst): {defaults, requests} validated as a whole (400 errno 107
// for any malformed sub-request, including a body that is not a JSON object), then each
// sub-request served in order with the batch's Authorization. One transaction: a 5xx in a
// sub-request restores the state as it was and answers that 5xx; 4xx answers do not roll back.
namespace KintoBatch {

// `serve` answers one sub-request (a path below /v1) as the service would.
ServiceResponse handle(KintoState &state, const ServiceRequest &request,
                       const std::function<ServiceResponse(const ServiceRequest &)> &serve);

} // namespace KintoBatch
