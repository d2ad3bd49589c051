#pragma once

#include "kintoprotocol.h"
#include "kintostate.h"
#include "servicehttp.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

// The Kinto HTTP API 1.23 (with the accounts, history, attachments, changes and
// permissions-endpoint features) over an in-memory KintoStore. Synchronous and transport-free:
// KintoSandbox feeds it requests from the loopback server. Behaviour follows Kinto's server code
// and what a real Kinto 26 answered (kinto.md §16); kintosandbox.h lists the simplifications.
// Not thread-safe: use it from one thread.
//
// The protocol layer's shape (see servicehttp.h), one file pair per concern:
//   kintoservice     this class: settings, authentication, the route table, server info
//   kintoprotocol    error bodies, preconditions, JSON bodies, KintoCaller, KintoResource
//   kintoaccess      authentication policies, permissions, the permissions endpoint
//   kintoresources   generic plural/object endpoints (CRUD, PATCH flavours)
//   kintowrites      storing/deleting with ACLs, history and attachment files
//   kintovalidation  what each resource's data must hold (schemas, members, passwords)
//   kintolisting     filters, sorting, pagination (one page read in last_modified order)
//   kintobatch       /batch
//   kintohistory     history entries, the changeset endpoint
//   kintoattachments kinto-attachment upload/delete
//   kintostore, kintoquery, kintopatch, kintojsonschema: storage and pure helpers
class KintoService
{
public:
    KintoService();

    // "http://127.0.0.1:<port>": used for Next-Page, "url" and attachment locations.
    void setOrigin(const QString &origin) { m_state.settings.origin = origin; }
    QString origin() const { return m_state.settings.origin; }

    // Answers one request (its path below "/v1"). Never throws.
    ServiceResponse handle(const ServiceRequest &request);

    // Settings (kinto.paginate_by, kinto.batch_max_requests, admins, bucket_create_principals).
    void setPaginateBy(int limit) { m_state.settings.paginateBy = qMax(0, limit); }
    void setBatchMaxRequests(int max) { m_state.settings.batchMaxRequests = qMax(1, max); }
    void setAdminPrincipals(const QStringList &principals);
    QStringList adminPrincipals() const;
    void setBucketCreatePrincipals(const QStringList &principals);
    // The basicauth policy (off by default): credentials that match no account are accepted as
    // the user "basicauth:<hmac of user:password>", with no permissions of its own; the server
    // info then lists the "basicauth" capability. On in Kinto's default configuration.
    void setBasicAuth(bool on) { m_state.settings.basicAuth = on; }
    bool basicAuth() const { return m_state.settings.basicAuth; }

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

    KintoStore &store() { return m_state.store; }

private:
    ServiceResponse route(const ServiceRequest &request, const KintoCaller &caller);
    ServiceResponse hello(const KintoCaller &caller) const;

    KintoState m_state;
};
