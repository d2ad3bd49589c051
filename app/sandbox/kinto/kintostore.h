#pragma once

#include "kintoquery.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

#include <functional>
#include <optional>

// The permissions of one object: permission name ("read", "write", "record:create") -> principals.
using KintoAcl = QHash<QString, QSet<QString>>;

// The objects behind one plural endpoint: the records of one collection, the collections of one
// bucket, the buckets of the server, ...
struct KintoContainer
{
    QHash<QString, QJsonObject> objects;    // id -> data, always holding "id" and "last_modified"
    QHash<QString, QJsonObject> tombstones; // id -> {id, last_modified, deleted: true}
    qint64 timestamp = 0;                   // highest last_modified handed out; 0 = never written
    // Every version written, in last_modified order (the order of Kinto's default sort), so a page
    // of a listing is read without looking at the rest. Each write takes a new, higher timestamp,
    // so versions are appended; an entry whose id has been written again since is stale and
    // skipped, and the list is compacted when most of it is stale.
    struct Version
    {
        qint64 lastModified;
        QString id;
    };
    QList<Version> order;
    qsizetype staleVersions = 0;
};

// The sandbox's whole state as plain values. Copying it is cheap (implicit sharing), which is how a
// batch takes a snapshot it can roll back to.
//
// A container is addressed by its parent URI and resource name, as Kinto's storage does:
// ("", "bucket"), ("/buckets/b", "collection"), ("/buckets/b/collections/c", "record"),
// ("/buckets/b", "group"), ("/buckets/b", "history"), ("", "account").
// Permissions are keyed by object URI without the version prefix ("/buckets/b/groups/g").
class KintoStore
{
public:
    std::optional<QJsonObject> get(const QString &parentUri, const QString &resource, const QString &id) const;
    std::optional<QJsonObject> tombstone(const QString &parentUri, const QString &resource, const QString &id) const;
    // Live objects (and, when asked, tombstones) of one container, in no particular order.
    QList<QJsonObject> list(const QString &parentUri, const QString &resource, bool withTombstones) const;

    // Visits the live objects (and, when asked, the tombstones) of one container in last_modified
    // order, newest first when `descending`, starting after the one modified at `after` (from the
    // start when absent), until `visit` returns false. Costs the objects visited, not the
    // container's size.
    void scan(const QString &parentUri, const QString &resource, bool withTombstones, bool descending,
              std::optional<qint64> after, const std::function<bool(const QJsonObject &)> &visit) const;

    // The live objects (and, when asked, the tombstones) of one container in the order of
    // `sorting`. Sorted once and kept until the container is written, so paging through a listing
    // in another order than last_modified costs a page per request, not a sort of the container.
    QList<QJsonObject> sorted(const QString &parentUri, const QString &resource, bool withTombstones,
                              const QList<KintoQuery::Sort> &sorting) const;

    // The container's timestamp. Like Kinto, an untouched container gets "now" on first read, so
    // that an empty list still has an ETag that later writes exceed.
    qint64 timestamp(const QString &parentUri, const QString &resource);

    // Stores a new version of an object (create or replace) and returns it with its new
    // last_modified. `forcedLastModified` is kept when it exceeds the container's timestamp
    // (replication), otherwise the timestamp is bumped.
    QJsonObject save(const QString &parentUri, const QString &resource, QJsonObject data,
                     qint64 forcedLastModified = 0);
    // Deletes an object, leaving a tombstone, and returns the tombstone. Its ACL is removed too.
    QJsonObject remove(const QString &parentUri, const QString &resource, const QString &id,
                       qint64 forcedLastModified = 0);
    // Forgets everything stored under `uriPrefix` (children containers, tombstones, ACLs), as Kinto
    // does when a bucket or collection is deleted.
    void purgeChildren(const QString &uriPrefix);

    KintoAcl acl(const QString &uri) const { return m_acls.value(uri); }
    void setAcl(const QString &uri, const KintoAcl &acl);
    void removeAcl(const QString &uri) { m_acls.remove(uri); }
    const QHash<QString, KintoAcl> &acls() const { return m_acls; }

    int count(const QString &parentUri, const QString &resource) const;

private:
    static QString key(const QString &parentUri, const QString &resource);
    qint64 bump(KintoContainer &container, qint64 forced);
    // Appends the version just written of `id`; the one it replaces (if any) becomes stale.
    static void appendVersion(KintoContainer &container, const QString &id, bool replaces);
    // The object or tombstone (then `tombstone` is set) of `version` if it is still the current one
    // of its id; null when stale.
    static const QJsonObject *current(const KintoContainer &container, const KintoContainer::Version &version,
                                      bool *tombstone);

    QHash<QString, KintoContainer> m_containers;
    QHash<QString, KintoAcl> m_acls;
    // sorted()'s orders, by container, sort and tombstones; valid while the container's timestamp
    // and sizes are those it was sorted at.
    struct SortedView
    {
        qint64 timestamp = 0;
        qsizetype objects = 0;
        qsizetype tombstones = 0;
        QList<QJsonObject> order;
    };
    mutable QHash<QString, SortedView> m_sortedViews;
};
