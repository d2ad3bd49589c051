#pragma once

#include "kintostore.h"
#include "servicehttp.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

// Kinto's HTTP conventions, shared by every endpoint of the sandbox: error bodies
// (kinto.core.errors), timestamps and preconditions, JSON bodies, ids; and the two values every
// endpoint is handed: who calls (KintoCaller) and what is addressed (KintoResource).
namespace KintoProtocol {

constexpr int MaxFetchSize = 10000; // Kinto's storage_max_fetch_size default

// {code, errno, error, message?, details?}; `title` defaults to the status's reason phrase.
ServiceResponse error(int status, int errnum, const QString &message, const QJsonValue &details = {},
                      const QString &title = {});
// kinto.core.errors.raise_invalid + json_error_handler: a 400 "Invalid parameters" whose message is
// built from the one error ("<name> in <location>: <description>").
ServiceResponse invalid(const QString &location, const QJsonValue &name, const QString &description,
                        int errnum = 107);
ServiceResponse unauthenticated();  // 401 errno 104, WWW-Authenticate: Basic
ServiceResponse forbidden();        // 403 errno 121
ServiceResponse notFound();         // 404 errno 111, "The resource you are looking for could not be found."
ServiceResponse methodNotAllowed(); // 405 errno 115
// 404 with details {id, resource_name} and no message (a missing object, errno 110; a missing
// parent, errno 111).
ServiceResponse missing(const QString &id, const QString &resourceName, int errnum);
// colander's description of a value that should have been an object.
QString notAMapping(const QJsonValue &value);

QByteArray toJson(const QJsonValue &value);
// ETag: "<ts>" and Last-Modified (an HTTP date rounded to the second).
void addTimestampHeaders(ServiceResponse &response, qint64 ts);

// 304 when If-None-Match names `currentTs` (GET of an unchanged resource).
ServiceCheck checkNotModified(const ServiceRequest &request, qint64 currentTs);
// 412 (with details {existing: object} when `object` is not empty) when If-Match/If-None-Match do
// not hold; 400 when they are not numbers.
ServiceCheck checkPreconditions(const ServiceRequest &request, bool exists, const QJsonObject &object, qint64 currentTs);

// The body as JSON (an object or an array); an empty body is an empty object; else 400.
ServiceResult<QJsonValue> parseJsonBody(const ServiceRequest &request);
// The body as an object whose "data", if present, is an object; else 400.
ServiceResult<QJsonObject> bodyObject(const ServiceRequest &request);
// The Content-Type without parameters, lower case.
QByteArray mediaType(const ServiceRequest &request);

QJsonObject aclToJson(const KintoAcl &acl);
QString uuid4();
QString generateName(); // Kinto's NameGenerator: 8 characters, the first alphanumeric
QString isoNow();       // Python's datetime.now().isoformat()

} // namespace KintoProtocol

// Who sends a request, once authenticated.
struct KintoCaller
{
    QString userId;           // "account:alice", "basicauth:<hash>"; empty when anonymous
    QSet<QString> principals; // always holds system.Everyone
    bool admin = false;

    QString currentPrincipal() const { return userId.isEmpty() ? QStringLiteral("system.Everyone") : userId; }
    bool intersects(const QSet<QString> &other) const { return principals.intersects(other); }
};

// One resource endpoint: a plural one when `id` is empty.
struct KintoResource
{
    QString name;      // bucket, group, collection, record, history, account
    QString parentUri; // storage parent
    QString pluralUri; // "/buckets/b/collections"
    QString id;
    QString bucketId;
    QString collectionId;

    QString objectUriFor(const QString &objectId) const { return pluralUri + QLatin1Char('/') + objectId; }
    QString objectUri() const { return objectUriFor(id); }
    QStringList permissionNames() const;
    // 400 "Invalid object id" unless `objectId` has the resource's id format.
    ServiceCheck validateId(const QString &objectId) const;

    static KintoResource make(const QString &name, const QString &bucketId = {}, const QString &collectionId = {},
                              const QString &id = {});
    // The object an URI names ("/buckets/b/collections/c" -> collection c of bucket b), if any.
    static std::optional<KintoResource> fromObjectUri(const QString &uri);
};
