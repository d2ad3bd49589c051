#pragma once

#include "net/httprequest.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <optional>

// The value types KintoClient's calls take. Plain data: fill the fields you need, leave the rest.

// kinto-http's endpoint names (endpoints.py). Paths are relative to the server's "/v1" prefix.
enum class KintoEndpoint {
    Root,        // /
    Batch,       // /batch
    Permissions, // /permissions
    Buckets,     // /buckets
    Bucket,      // /buckets/{bucket}
    History,     // /buckets/{bucket}/history
    Groups,      // /buckets/{bucket}/groups
    Group,       // /buckets/{bucket}/groups/{id}
    Collections, // /buckets/{bucket}/collections
    Collection,  // /buckets/{bucket}/collections/{collection}
    Records,     // /buckets/{bucket}/collections/{collection}/records
    Record,      // /buckets/{bucket}/collections/{collection}/records/{id}
    Attachment,  // /buckets/{bucket}/collections/{collection}/records/{id}/attachment
    Changeset,   // /buckets/{bucket}/collections/{collection}/changeset
};

// One object or one list on the server, addressed as kinto-http's get_endpoint does: a bucket is
// named by `bucket`, a collection by `collection`, a group, record or attachment by `id`. An empty
// bucket or collection means the client's default (KintoClient::Settings).
struct KintoRef
{
    KintoEndpoint type = KintoEndpoint::Root;
    QString bucket;
    QString collection;
    QString id; // Group, Record, Attachment

    static KintoRef ofBucket(const QString &id) { return { KintoEndpoint::Bucket, id, {}, {} }; }
    static KintoRef ofGroup(const QString &bucket, const QString &id) { return { KintoEndpoint::Group, bucket, {}, id }; }
    static KintoRef ofCollection(const QString &bucket, const QString &id) { return { KintoEndpoint::Collection, bucket, id, {} }; }
    static KintoRef ofRecord(const QString &bucket, const QString &collection, const QString &id)
    {
        return { KintoEndpoint::Record, bucket, collection, id };
    }
    static KintoRef ofBuckets() { return { KintoEndpoint::Buckets, {}, {}, {} }; }
    static KintoRef ofGroups(const QString &bucket) { return { KintoEndpoint::Groups, bucket, {}, {} }; }
    static KintoRef ofCollections(const QString &bucket) { return { KintoEndpoint::Collections, bucket, {}, {} }; }
    static KintoRef ofRecords(const QString &bucket, const QString &collection)
    {
        return { KintoEndpoint::Records, bucket, collection, {} };
    }
};

// A listing filter, sent as `[op_]field=value` (Kinto filtering.rst).
struct KintoFilter
{
    QString field;    // dotted sub-fields allowed: "address.city"
    QString op;       // "" (equals), min, max, lt, gt, not, in, exclude, like, has, contains, contains_any
    QJsonValue value; // a string is sent as is; in/exclude arrays are comma-joined; anything else as JSON

    QString key() const { return op.isEmpty() ? field : op + QLatin1Char('_') + field; }
    QString encodedValue() const;

    // "[op_]field=value" as typed on a command line; the value stays a string. False without '='.
    static bool parse(const QString &text, KintoFilter *filter);
};

// Listing parameters shared by buckets, groups, collections, records, history and permissions.
struct KintoListOptions
{
    static constexpr int AllPages = -1;

    int limit = 0;              // _limit (items per page); 0 = the server's default
    int pages = 0;              // 0 = kinto-http's rule: 1 page when limit is set, else every page;
                                // AllPages; or at most n pages
    QString sort;               // _sort, e.g. "title,-last_modified"
    QStringList fields;         // _fields
    QString since;              // _since: only objects changed after this timestamp (tombstones included)
    QString before;             // _before
    QList<KintoFilter> filters;
    QueryList extra;            // any other query parameter, sent as given
    qint64 ifNoneMatch = 0;     // > 0: If-None-Match: "<ts>" (a 304 gives an empty, notModified() list)

    // The query of the first page (without _limit when limit is 0).
    QueryList query() const;
    // How many pages to follow: 0 = every page.
    int maxPages() const;
};

// How a write behaves. Defaults follow kinto-http (safe=True).
struct KintoWrite
{
    std::optional<QJsonObject> permissions; // sent with create/update/patch when set
    bool safe = true;         // create: If-None-Match: *; update/patch: If-Match from last_modified
    qint64 ifMatch = 0;       // the If-Match timestamp; 0 = data.last_modified (update, patch), none (delete)
    bool ifNotExists = false; // create: when the object exists (412), GET and return it
    bool ifExists = false;    // delete: a 404 (and a 403 for a bucket, as kinto-http) is success
};

// The three PATCH flavours (kinto-http patch_type.py, Kinto _details-patch-object.rst).
struct KintoPatch
{
    enum class Type {
        Basic, // application/json: shallow merge of data and permissions
        Merge, // application/merge-patch+json (RFC 7396): null removes, sub-objects merge
        Json,  // application/json-patch+json (RFC 6902): operations on /data/... and /permissions/...
    };

    Type type = Type::Basic;
    QJsonObject data;                       // Basic, Merge
    std::optional<QJsonObject> permissions; // Basic, Merge
    QJsonArray operations;                  // Json

    static KintoPatch basic(const QJsonObject &data, const std::optional<QJsonObject> &permissions = {});
    static KintoPatch merge(const QJsonObject &data, const std::optional<QJsonObject> &permissions = {});
    static KintoPatch json(const QJsonArray &operations);

    QByteArray contentType() const;
    QJsonValue body() const;
};

// Upload options of KintoClient::addAttachment (kinto-attachment form fields).
struct KintoAttachmentOptions
{
    std::optional<QJsonObject> data;        // the record's data, sent as the "data" form field
    std::optional<QJsonObject> permissions; // sent as the "permissions" form field
    QString fileName;                       // default: the file's own name
    QByteArray mimeType;                    // default: guessed from the file name
};
