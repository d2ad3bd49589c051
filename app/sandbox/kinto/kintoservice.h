#pragma once

#include "kintostore.h"
#include "servicehttp.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

#include <optional>

// The Kinto layer speaks the sandboxes' shared request/response types (below "/v1").
using KintoRequest = ServiceRequest;
using KintoResponse = ServiceResponse;

// A file stored by the attachments plugin, served at its "location".
struct KintoAttachmentFile
{
    QByteArray mimetype;
    QByteArray bytes;
};

// The Kinto HTTP API 1.23 (with the accounts, history, attachments and permissions-endpoint
// features) over an in-memory KintoStore. Synchronous and transport-free: KintoSandbox feeds it
// requests from the loopback server. Behaviour follows Kinto's server code; kintosandbox.h lists
// the few simplifications. Not thread-safe: use it from one thread.
class KintoService
{
public:
    KintoService();

    // "http://127.0.0.1:<port>": used for Next-Page, "url" and attachment locations.
    void setOrigin(const QString &origin) { m_origin = origin; }
    QString origin() const { return m_origin; }

    KintoResponse handle(const KintoRequest &request);

    // Settings (kinto.paginate_by, kinto.batch_max_requests, admins, bucket_create_principals).
    void setPaginateBy(int limit) { m_paginateBy = qMax(0, limit); }
    void setBatchMaxRequests(int max) { m_batchMaxRequests = qMax(1, max); }
    void setAdminPrincipals(const QStringList &principals) { m_adminPrincipals = QSet<QString>(principals.begin(), principals.end()); }
    QStringList adminPrincipals() const { return QStringList(m_adminPrincipals.begin(), m_adminPrincipals.end()); }
    void setBucketCreatePrincipals(const QStringList &principals) { m_bucketCreatePrincipals = QSet<QString>(principals.begin(), principals.end()); }

    // Creates or replaces an account (principal "account:<user>").
    void addAccount(const QString &user, const QString &password);

    // Writes an object straight into storage, without permission checks: `uri` is an object URI
    // such as "/buckets/b/collections/c/records/r". The ACL is stored as given. A history entry
    // attributed to `userId` is recorded when `withHistory`. `forcedLastModified` (if > 0) is kept
    // when it exceeds the container's timestamp. Returns the stored data, or an empty object when
    // the URI names no object.
    QJsonObject writeObject(const QString &uri, QJsonObject data, const KintoAcl &acl = {},
                            const QString &userId = {}, bool withHistory = true, qint64 forcedLastModified = 0);
    // The stored data of an object URI, if any.
    std::optional<QJsonObject> object(const QString &uri) const;

    std::optional<KintoAttachmentFile> attachmentFile(const QString &relativePath) const;

    KintoStore &store() { return m_store; }

private:
    struct Caller;
    struct Resource;
    struct Listing;

    KintoResponse dispatch(const KintoRequest &request, const Caller &caller);
    Caller authenticate(const KintoRequest &request) const;

    // Endpoints
    KintoResponse hello(const Caller &caller) const;
    KintoResponse batch(const KintoRequest &request);
    KintoResponse permissionsList(const KintoRequest &request, const Caller &caller);
    KintoResponse attachmentPost(const KintoRequest &request, const Caller &caller, const Resource &record);
    KintoResponse attachmentDelete(const KintoRequest &request, const Caller &caller, const Resource &record);
    KintoResponse resourceRequest(const KintoRequest &request, const Caller &caller, const Resource &res);
    KintoResponse pluralGet(const KintoRequest &request, const Caller &caller, const Resource &res,
                            const std::optional<QSet<QString>> &shared, bool head);
    KintoResponse pluralPost(const KintoRequest &request, const Caller &caller, const Resource &res,
                             const std::optional<QJsonObject> &existing);
    KintoResponse pluralDelete(const KintoRequest &request, const Caller &caller, const Resource &res,
                               const std::optional<QSet<QString>> &shared);
    KintoResponse objectGet(const KintoRequest &request, const Caller &caller, const Resource &res);
    KintoResponse objectPut(const KintoRequest &request, const Caller &caller, const Resource &res);
    KintoResponse objectPatch(const KintoRequest &request, const Caller &caller, const Resource &res);
    KintoResponse objectDelete(const KintoRequest &request, const Caller &caller, const Resource &res);

    // Permissions
    KintoResponse changeset(const KintoRequest &request, const Caller &caller, const Resource &collection);
    std::optional<QSet<QString>> authorize(const KintoRequest &request, const Caller &caller, const Resource &res,
                                           bool plural, const std::optional<QJsonObject> &current) const;
    bool hasAny(const QList<QPair<QString, QString>> &bound, const Caller &caller, const QString &resourceName,
                const QString &requiredPermission) const;
    QJsonObject visiblePermissions(const QString &uri, const Caller &caller) const;

    // Storage helpers
    void ensureParents(const Resource &res) const;
    QJsonObject getOr404(const Resource &res, const QString &id) const;
    QJsonObject saveObject(const Resource &res, QJsonObject data, const KintoAcl &acl, bool created,
                           const Caller &caller, qint64 forcedLastModified);
    QJsonObject deleteObject(const Resource &res, const QString &id, const Caller &caller, qint64 forcedLastModified);
    void processData(const Resource &res, QJsonObject &data, const std::optional<QJsonObject> &old) const;
    KintoAcl newAcl(const Resource &res, const std::optional<QJsonObject> &old, const QJsonValue &permissionsPayload,
                    const QByteArray &method, const QByteArray &contentType, const Caller &caller,
                    const std::optional<KintoAcl> &jsonPatched) const;
    void recordHistory(const QString &action, const Resource &res, const QJsonObject &target, const QString &userId);
    void forgetAttachmentsUnder(const QString &uriPrefix);

    // Listing
    Listing parseListing(const KintoRequest &request, const QString &defaultTiebreak) const;
    KintoResponse listResponse(const KintoRequest &request, QList<QJsonObject> objects, const Listing &listing,
                               KintoResponse response) const;

    QJsonObject groupsOf(const QString &principal) const;

    KintoStore m_store;
    QHash<QString, KintoAttachmentFile> m_files; // relative path below /attachments/ -> file
    QString m_origin = QStringLiteral("http://127.0.0.1");
    int m_paginateBy = 0;
    int m_batchMaxRequests = 25;
    QSet<QString> m_adminPrincipals;
    QSet<QString> m_bucketCreatePrincipals{QStringLiteral("system.Authenticated")};
};
