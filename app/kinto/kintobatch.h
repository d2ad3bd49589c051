#pragma once

#include "kintotypes.h"
#include "net/apierror.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QPointer>

class KintoBatchJob;
class KintoClient;

// Collects write operations and sends them through POST /batch (kinto-http's batch()).
//
// Operations take the same arguments as KintoClient's; each becomes a sub-request whose path has
// no "/v1" prefix. An invalid operation (e.g. a bad id) is remembered and makes send() fail
// before anything is sent. A JSON-patch (KintoPatch::Type::Json, or a raw sub-request whose body is
// not a JSON object) is refused that way: Kinto answers 400 to a batch holding one (errno 107, "is
// not a mapping type"); send it through KintoClient::patch. In a batch, ifNotExists makes a 412 and ifExists a 404 count as success
// (nothing can be chained inside a batch). send() splits the operations into chunks of the server's
// batch_max_requests (from serverInfo, cached by the client), sends the chunks a few at a time (as
// many as the server is measured to handle well, under the client's concurrency cap), and reports
// the results in the original order (KintoBatchJob).
class KintoBatch
{
public:
    explicit KintoBatch(KintoClient *client);

    KintoBatch &create(const KintoRef &ref, const QJsonObject &data = {}, const KintoWrite &write = {});
    KintoBatch &update(const KintoRef &ref, const QJsonObject &data, const KintoWrite &write = {});
    KintoBatch &patch(const KintoRef &ref, const KintoPatch &patch, const KintoWrite &write = {});
    KintoBatch &remove(const KintoRef &ref, const KintoWrite &write = {});
    KintoBatch &removeAll(const KintoRef &plural, const KintoWrite &write = {});
    // A raw sub-request: {method, path (below /v1), body?, headers?}, as in a batch request body.
    KintoBatch &add(const QJsonObject &request);

    int size() const { return int(m_ops.size()); }
    bool isEmpty() const { return m_ops.isEmpty(); }
    // The first operation refused while building (then send() fails with it).
    ApiError error() const { return m_error; }
    // The sub-requests as they will be sent.
    QJsonArray requests() const;

    // Sends everything. The builder may be reused or dropped afterwards.
    KintoBatchJob *send() const;

private:
    friend class KintoBatchJob;
    struct Operation
    {
        QJsonObject request;
        bool existsIsFine = false;  // ifNotExists: 412 is success
        bool missingIsFine = false; // ifExists: 404 (403 for a bucket) is success
        bool bucket = false;
    };
    void append(const HttpRequest &request, const ApiError &error, Operation op);

    QPointer<KintoClient> m_client;
    QList<Operation> m_ops;
    ApiError m_error;
};
