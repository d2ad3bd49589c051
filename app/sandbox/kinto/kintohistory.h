#pragma once

#include "kintoprotocol.h"
#include "kintostate.h"

// What changed: the history plugin's entries (kinto/plugins/history/listener.py), and the
// changeset endpoint of remote-settings' kinto-changes (a collection's metadata and records in
// one answer). Listing and purging history are the generic plural endpoints.
namespace KintoHistory {

// Records `action` (create, update, delete) of `target` (the stored data or tombstone) in its
// bucket's history, readable by whoever may read the bucket, the collection or the object.
// Accounts and history entries themselves have no history.
void record(KintoState &state, const QString &action, const KintoResource &res, const QJsonObject &target,
            const QString &userId);

// GET .../collections/{cid}/changeset?_expected=...[&_since=...].
ServiceResponse changeset(KintoState &state, const ServiceRequest &request, const KintoCaller &caller,
                          const KintoResource &collection);

} // namespace KintoHistory
