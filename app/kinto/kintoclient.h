#pragma once

#include "kintobatch.h"
#include "kintobatchjob.h"
#include "kintolistjob.h"
#include "kintotypes.h"
#include "net/adaptivelimit.h"
#include "net/httpclient.h"
#include "net/job.h"

#include <QJsonObject>
#include <QLoggingCategory>
#include <QObject>
#include <QUrl>

#include <functional>
#include <memory>

Q_DECLARE_LOGGING_CATEGORY(lcKinto) // "tenantdesk.kinto"

class QNetworkAccessManager;

// The client of one Kinto server (HTTP API 1.x): kinto-http.py's Client, asynchronous.
//
// Every call returns a Job that finishes exactly once, from the event loop (job.h); a call refused
// before anything is sent (an invalid id, a bad setting) fails the same way, with Kind::Invalid.
// Results are the server's JSON:
// - one object: the whole body, {"data": {...}, "permissions": {...}};
// - a listing (KintoListJob): the array of items (every page unless told otherwise);
// - a plural DELETE: the array of tombstones.
// A 412 fails with Kind::Conflict, status 412; existingObject() reads the server's current object.
// Errors of get/create/update/patch/remove name the object (describe()): a 404 says which object
// (or missing parent) was not found; a 412 on a create says it already exists. A bucket answered
// 403 to get or remove fails with Kind::NotFound (status 403 kept), "bucket X does not exist, or
// you may not read it": Kinto answers 403 for a bucket that does not exist (kinto-http's
// BucketNotFound), so both cases read the same everywhere.
//
// Empty bucket/collection arguments mean the Settings' defaults; an empty bucket or collection id
// means that default too (kinto-http's get_endpoint). Bucket, collection and group ids must match
// ^[a-zA-Z0-9][a-zA-Z0-9_-]*$; record ids must be non-empty, without '/', spaces or control
// characters (servers may run another id generator), and are percent-encoded.
class KintoClient : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        QUrl serverUrl;           // with or without the "/v1" prefix and trailing slash
        QString auth;             // "user:password", "Bearer xyz", "Bearer+OIDC xyz", "Basic base64", or empty
        QString bucket = QStringLiteral("default");
        QString collection;
        HeaderList headers;       // sent with every request
        int timeoutMs = 0;        // transfer timeout per attempt; 0 = the HTTP client's default (60 s)
        int retries = 0;          // re-sends on 409, 429 and 5xx (kinto-http's retry)
        int retryAfterMs = -1;    // fixed wait between retries; -1 = the server's Retry-After
        bool dryRun = false;      // send nothing; every request is answered locally, empty
        bool ignoreBatch4xx = false; // batch: 4xx sub-responses do not fail the batch
        int maxConcurrent = 5;    // requests in flight at once (batch chunks included)
        int bulkConcurrency = 0;  // batch chunks in flight at once; 0 = chosen by measuring the server
    };

    // A client over `http`, which it borrows (and which must outlive it): the transport is used as
    // its owner configured it (authentication, concurrency cap, retries, request log); only the
    // base URL is set, to the Settings' server URL normalised to end in "/v1". The Settings' other
    // transport fields are applied by KintoConnection, the client that owns its transport.
    KintoClient(HttpClient *http, const Settings &settings, QObject *parent = nullptr);

    // The Kinto client of a tenant session: over the session's HttpClient (its authentication,
    // concurrency cap, retry policy and request log stay as the session set them), created on first
    // use and owned by that HttpClient, so it goes away with the session. The base URL is
    // normalised to end in "/v1". `bucket` is the default bucket when the client is created.
    static KintoClient *forSession(HttpClient *session, const QString &bucket = QStringLiteral("default"));
    ~KintoClient() override;

    const Settings &settings() const { return m_settings; }
    // The normalised server URL, ending in "/v1".
    QUrl serverUrl() const { return m_settings.serverUrl; }
    // The transport (set its RequestLog here). Shared with clones that keep the same transport.
    // How many batch chunks to keep in flight for bulk work: measured (AdaptiveLimit) unless
    // settings().bulkConcurrency fixes it, never above the HTTP client's cap.
    AdaptiveLimit bulkLimit() const;
    HttpClient *httpClient() const { return m_http; }

    // A copy with some settings changed, over the same network manager. When server, auth, headers,
    // timeout, retries, dry run and concurrency are unchanged it borrows this client's HttpClient
    // (request log, concurrency cap and Backoff included), as kinto-http's clone shares its session,
    // and must not outlive it; otherwise it is a KintoConnection logging into the same request log.
    KintoClient *clone(const std::function<void(Settings &)> &change, QObject *parent = nullptr) const;

    // kinto-http's get_endpoint: the path below "/v1", ids validated and percent-encoded.
    // On an invalid or missing id returns an empty string and, if given, sets *error (Kind::Invalid).
    QString endpoint(KintoEndpoint type, const QString &bucket = {}, const QString &collection = {},
                     const QString &id = {}, ApiError *error = nullptr) const;
    QString endpoint(const KintoRef &ref, ApiError *error = nullptr) const
    {
        return endpoint(ref.type, ref.bucket, ref.collection, ref.id, error);
    }
    // True when `id` is a valid bucket, collection or group id.
    static bool isValidId(const QString &id);
    // The current object a 412 carried (details.existing); empty when there is none.
    static QJsonObject existingObject(const ApiError &error);
    // How messages name an object, defaults filled in: "bucket main", "group editors of main",
    // "collection devices of main", "record r1 of main/devices" (an attachment: its record).
    QString describe(const KintoRef &ref) const;

    // Sends a request through this client (Alert headers are logged). For raw access and helpers.
    HttpJob *send(const HttpRequest &request);

    // --- Server
    // GET / (hello): cached after the first success unless `refresh`.
    Job *serverInfo(bool refresh = false);

    // --- Generic object operations (the typed ones below call these)
    Job *get(const KintoRef &ref, const QueryList &query = {});
    KintoListJob *list(const KintoRef &plural, const KintoListOptions &options = {},
                       KintoListJob::Mode mode = KintoListJob::Mode::Collect);
    // Goes on with a listing from a Next-Page link (KintoListJob::nextPageLink(): absolute, it
    // carries every parameter): at most maxPages pages (0 = every page), collected.
    KintoListJob *listFrom(const QString &nextPage, int maxPages = 1);
    // PUT with If-None-Match: * (safe). A missing id: data.id, then the default bucket/collection,
    // or a new UUID for a record.
    Job *create(const KintoRef &ref, const QJsonObject &data = {}, const KintoWrite &write = {});
    // PUT with If-Match: "<last_modified>" (safe).
    Job *update(const KintoRef &ref, const QJsonObject &data, const KintoWrite &write = {});
    Job *patch(const KintoRef &ref, const KintoPatch &patch, const KintoWrite &write = {});
    Job *remove(const KintoRef &ref, const KintoWrite &write = {});
    // DELETE on a plural endpoint: every object the user may write. Result: the tombstones.
    Job *removeAll(const KintoRef &plural, const KintoWrite &write = {});

    // --- Buckets
    Job *getBucket(const QString &id = {}) { return get(KintoRef::ofBucket(id)); }
    KintoListJob *getBuckets(const KintoListOptions &options = {}) { return list(KintoRef::ofBuckets(), options); }
    Job *createBucket(const QString &id, const QJsonObject &data = {}, const KintoWrite &write = {})
    {
        return create(KintoRef::ofBucket(id), data, write);
    }
    Job *updateBucket(const QString &id, const QJsonObject &data, const KintoWrite &write = {})
    {
        return update(KintoRef::ofBucket(id), data, write);
    }
    Job *patchBucket(const QString &id, const KintoPatch &changes, const KintoWrite &write = {})
    {
        return patch(KintoRef::ofBucket(id), changes, write);
    }
    Job *deleteBucket(const QString &id, const KintoWrite &write = {}) { return remove(KintoRef::ofBucket(id), write); }
    Job *deleteBuckets(const KintoWrite &write = {}) { return removeAll(KintoRef::ofBuckets(), write); }

    // --- Groups
    Job *getGroup(const QString &bucket, const QString &id) { return get(KintoRef::ofGroup(bucket, id)); }
    KintoListJob *getGroups(const QString &bucket, const KintoListOptions &options = {})
    {
        return list(KintoRef::ofGroups(bucket), options);
    }
    Job *createGroup(const QString &bucket, const QString &id, const QJsonObject &data = {}, const KintoWrite &write = {})
    {
        return create(KintoRef::ofGroup(bucket, id), data, write);
    }
    Job *updateGroup(const QString &bucket, const QString &id, const QJsonObject &data, const KintoWrite &write = {})
    {
        return update(KintoRef::ofGroup(bucket, id), data, write);
    }
    Job *patchGroup(const QString &bucket, const QString &id, const KintoPatch &changes, const KintoWrite &write = {})
    {
        return patch(KintoRef::ofGroup(bucket, id), changes, write);
    }
    Job *deleteGroup(const QString &bucket, const QString &id, const KintoWrite &write = {})
    {
        return remove(KintoRef::ofGroup(bucket, id), write);
    }
    Job *deleteGroups(const QString &bucket, const KintoWrite &write = {}) { return removeAll(KintoRef::ofGroups(bucket), write); }

    // --- Collections
    Job *getCollection(const QString &bucket, const QString &id) { return get(KintoRef::ofCollection(bucket, id)); }
    KintoListJob *getCollections(const QString &bucket, const KintoListOptions &options = {})
    {
        return list(KintoRef::ofCollections(bucket), options);
    }
    Job *createCollection(const QString &bucket, const QString &id, const QJsonObject &data = {}, const KintoWrite &write = {})
    {
        return create(KintoRef::ofCollection(bucket, id), data, write);
    }
    Job *updateCollection(const QString &bucket, const QString &id, const QJsonObject &data, const KintoWrite &write = {})
    {
        return update(KintoRef::ofCollection(bucket, id), data, write);
    }
    Job *patchCollection(const QString &bucket, const QString &id, const KintoPatch &changes, const KintoWrite &write = {})
    {
        return patch(KintoRef::ofCollection(bucket, id), changes, write);
    }
    Job *deleteCollection(const QString &bucket, const QString &id, const KintoWrite &write = {})
    {
        return remove(KintoRef::ofCollection(bucket, id), write);
    }
    Job *deleteCollections(const QString &bucket, const KintoWrite &write = {})
    {
        return removeAll(KintoRef::ofCollections(bucket), write);
    }

    // --- Records
    Job *getRecord(const QString &bucket, const QString &collection, const QString &id)
    {
        return get(KintoRef::ofRecord(bucket, collection, id));
    }
    KintoListJob *getRecords(const QString &bucket, const QString &collection, const KintoListOptions &options = {})
    {
        return list(KintoRef::ofRecords(bucket, collection), options);
    }
    // The records page by page (kinto-http's get_paginated_records): Stream follows every page,
    // OnDemand waits for fetchMore() after each one. options.pages defaults to every page here.
    KintoListJob *getPaginatedRecords(const QString &bucket, const QString &collection,
                                      KintoListOptions options = {},
                                      KintoListJob::Mode mode = KintoListJob::Mode::Stream);
    Job *createRecord(const QString &bucket, const QString &collection, const QString &id, const QJsonObject &data,
                      const KintoWrite &write = {})
    {
        return create(KintoRef::ofRecord(bucket, collection, id), data, write);
    }
    Job *updateRecord(const QString &bucket, const QString &collection, const QString &id, const QJsonObject &data,
                      const KintoWrite &write = {})
    {
        return update(KintoRef::ofRecord(bucket, collection, id), data, write);
    }
    Job *patchRecord(const QString &bucket, const QString &collection, const QString &id, const KintoPatch &changes,
                     const KintoWrite &write = {})
    {
        return patch(KintoRef::ofRecord(bucket, collection, id), changes, write);
    }
    Job *deleteRecord(const QString &bucket, const QString &collection, const QString &id, const KintoWrite &write = {})
    {
        return remove(KintoRef::ofRecord(bucket, collection, id), write);
    }
    Job *deleteRecords(const QString &bucket, const QString &collection, const KintoWrite &write = {})
    {
        return removeAll(KintoRef::ofRecords(bucket, collection), write);
    }
    // The collection's records timestamp (HEAD, ETag without quotes) without downloading: a string.
    Job *getRecordsTimestamp(const QString &bucket = {}, const QString &collection = {});
    // How many records match (HEAD, Total-Objects, else Total-Records): a number. Filters, _since
    // and _before of `options` apply.
    Job *countRecords(const QString &bucket = {}, const QString &collection = {}, const KintoListOptions &options = {});

    // --- History (plugin): entries of a bucket, every page unless options say otherwise.
    KintoListJob *getHistory(const QString &bucket = {}, const KintoListOptions &options = {});
    // DELETE on the history with the same filters (a partial purge). Result: the purged entries.
    Job *purgeHistory(const QString &bucket = {}, const KintoListOptions &options = {});

    // --- Permissions: GET /permissions, every page, sorted by id unless options.sort says otherwise;
    // entries whose resource_name is listed are left out (kinto-http's exclude_resource_names).
    KintoListJob *getPermissions(const QStringList &excludeResourceNames = {}, KintoListOptions options = {});

    // --- Attachments (kinto-attachment plugin)
    // POST multipart (file field "attachment", streamed from disk), progress() while sending.
    // Result: the attachment metadata {filename, hash, location, mimetype, size}.
    Job *addAttachment(const QString &bucket, const QString &collection, const QString &id, const QString &filePath,
                       const KintoAttachmentOptions &options = {});
    Job *removeAttachment(const QString &bucket, const QString &collection, const QString &id);
    // Downloads the attachment of `record` (the object or its data) to `destination` (a file, or a
    // directory receiving the attachment's filename) and checks its SHA-256 against
    // attachment.hash: a mismatch fails with Kind::Parse "integrity check failed" and leaves no file.
    // An existing file with the right hash is kept unless `overwrite`. A relative location is
    // resolved against the server's attachments base_url. Result: {path, size, hash, downloaded}.
    Job *downloadAttachment(const QJsonObject &record, const QString &destination, bool overwrite = false);

    // --- Remote Settings
    // GET .../changeset (the kinto-changes plugin): {metadata, timestamp, changes}. Sends `_expected`:
    // 0, or with bustCache a random value defeating caches, unless `query` has its own; other query
    // items (e.g. _since) are sent as given.
    Job *getChangeset(const QString &bucket = {}, const QString &collection = {}, bool bustCache = false,
                      const QueryList &query = {});
    // The signer plugin's review workflow: a PATCH of the collection's status (and comment).
    Job *requestReview(const QString &message, const QString &collection = {}, const QString &bucket = {});
    Job *declineChanges(const QString &message, const QString &collection = {}, const QString &bucket = {});
    Job *approveChanges(const QString &collection = {}, const QString &bucket = {});
    Job *rollbackChanges(const QString &message, const QString &collection = {}, const QString &bucket = {});

    // --- Batch
    // A builder for POST /batch; see kintobatch.h.
    KintoBatch batch();

Q_SIGNALS:
    // The server sent an Alert header (e.g. {"code":"soft-eol","message":..., "url":...}).
    void alert(const QJsonObject &alert);
    // Emitted by send() for every request this client starts (in dry mode too), before it is queued.
    void sending(const HttpRequest &request);

private:
    friend class KintoBatch;
    friend class KintoBatchJob;
    struct Prepared
    {
        HttpRequest request;
        ApiError error;
    };

    ApiError checkReady() const;
    Job *failed(const ApiError &error);
    // Starts `request` for `job` (as its child) and calls `done` with the finished HttpJob.
    void chain(Job *job, const HttpRequest &request, std::function<void(HttpJob *)> done);
    enum class Operation { Read, Create, Write, Delete };
    // Finishes `job` with the HttpJob's outcome, an error told in terms of `ref` (explain()).
    void relayNamed(Job *job, const HttpRequest &request, const KintoRef &ref, Operation operation);
    // The error of `operation` on `ref` as the class comment describes (kintoerrors.cpp).
    ApiError explain(const KintoRef &ref, Operation operation, const ApiError &error) const;

    QString bucketOr(const QString &bucket) const { return bucket.isEmpty() ? m_settings.bucket : bucket; }
    QString collectionOr(const QString &c) const { return c.isEmpty() ? m_settings.collection : c; }
    // The ref with the object's id filled in from `data` or the defaults (create/update).
    KintoRef resolveId(KintoRef ref, const QJsonObject &data, bool generateRecordId) const;
    Prepared prepareCreate(const KintoRef &ref, const QJsonObject &data, const KintoWrite &write) const;
    Prepared prepareUpdate(const KintoRef &ref, const QJsonObject &data, const KintoWrite &write) const;
    Prepared preparePatch(const KintoRef &ref, const KintoPatch &patch, const KintoWrite &write) const;
    Prepared prepareRemove(const KintoRef &ref, const KintoWrite &write) const;
    void noteAlert(const HttpResponse &response);

    Settings m_settings;
    HttpClient *m_http;       // borrowed
    QJsonObject m_serverInfo; // cached hello
    ApiError m_configError;   // a setting that makes every call fail (e.g. an unreadable auth string)

protected:
    // Applies the Settings' transport fields (auth, headers, timeout, retries, dry run, concurrency)
    // to the HttpClient; a setting it cannot use makes every call fail with Kind::Invalid.
    void applyTransportSettings();
};

namespace KintoDetail {
struct OwnedTransport
{
    std::unique_ptr<HttpClient> http;
};
} // namespace KintoDetail

// A KintoClient over a transport of its own, configured from every field of the Settings: for
// tenantctl, tests and tools that have no tenant session (in the window, a tenant's client is
// KintoClient::forSession). The transport is destroyed after the client.
class KintoConnection : private KintoDetail::OwnedTransport, public KintoClient
{
public:
    KintoConnection(QNetworkAccessManager *nam, const Settings &settings, QObject *parent = nullptr);
};
