#include "kintoaccess.h"

#include "kintolisting.h"
#include "kintoquery.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QMessageAuthenticationCode>
#include <QUuid>

#include <algorithm>

using namespace KintoProtocol;

namespace {

using BoundPermissions = QList<QPair<QString, QString>>;

QString passwordHash(const QString &password, const QByteArray &salt)
{
    const QByteArray digest = QCryptographicHash::hash(QByteArray(salt + password.toUtf8()), QCryptographicHash::Sha256).toHex();
    return QStringLiteral("$sha256$") + QString::fromLatin1(salt) + QLatin1Char('$') + QString::fromLatin1(digest);
}

bool passwordMatches(const QString &stored, const QString &password)
{
    const QStringList parts = stored.split(QLatin1Char('$'));
    if (parts.size() != 4 || parts.at(1) != QLatin1String("sha256"))
        return false;
    return passwordHash(password, parts.at(2).toLatin1()) == stored;
}

// kinto/authorization.py PERMISSIONS_INHERITANCE_TREE: which (resource, permissions) grant
// `permission` on a resource.
QList<QPair<QString, QStringList>> inheritanceTree(const QString &resource, const QString &permission)
{
    const auto P = [](const char *r, std::initializer_list<const char *> perms) {
        QStringList list;
        for (const char *p : perms)
            list << QString::fromLatin1(p);
        return qMakePair(QString::fromLatin1(r), list);
    };
    if (resource == QLatin1String("bucket")) {
        if (permission == QLatin1String("write")) return {P("bucket", {"write"})};
        if (permission == QLatin1String("read")) return {P("bucket", {"write", "read"})};
        if (permission == QLatin1String("read:attributes"))
            return {P("bucket", {"write", "read", "collection:create", "group:create"})};
        if (permission == QLatin1String("group:create")) return {P("bucket", {"write", "group:create"})};
        if (permission == QLatin1String("collection:create")) return {P("bucket", {"write", "collection:create"})};
        if (permission == QLatin1String("history:create")) return {};
    } else if (resource == QLatin1String("group")) {
        if (permission == QLatin1String("write")) return {P("bucket", {"write"}), P("group", {"write"})};
        if (permission == QLatin1String("read")) return {P("bucket", {"write", "read"}), P("group", {"write", "read"})};
    } else if (resource == QLatin1String("history")) {
        if (permission == QLatin1String("read"))
            return {P("bucket", {"write", "read"}), P("history", {"write", "read"})};
    } else if (resource == QLatin1String("collection")) {
        if (permission == QLatin1String("write")) return {P("bucket", {"write"}), P("collection", {"write"})};
        if (permission == QLatin1String("read"))
            return {P("bucket", {"write", "read"}), P("collection", {"write", "read"})};
        if (permission == QLatin1String("read:attributes"))
            return {P("bucket", {"write", "read"}), P("collection", {"write", "read", "record:create"})};
        if (permission == QLatin1String("record:create"))
            return {P("bucket", {"write"}), P("collection", {"write", "record:create"})};
    } else if (resource == QLatin1String("record")) {
        if (permission == QLatin1String("write"))
            return {P("bucket", {"write"}), P("collection", {"write"}), P("record", {"write"})};
        if (permission == QLatin1String("read"))
            return {P("bucket", {"write", "read"}), P("collection", {"write", "read"}), P("record", {"write", "read"})};
    }
    return {};
}

// kinto/authorization.py _inherited_permissions(object_uri, permission).
BoundPermissions boundPermissions(const QString &uri, const QString &permission)
{
    const QStringList parts = uri.split(QLatin1Char('/'));
    const qsizetype segments = parts.size() - 1;
    if (parts.value(1) == QLatin1String("accounts")) {
        if (segments != 2)
            return {};
        BoundPermissions bound{{uri, QStringLiteral("write")}};
        if (permission == QLatin1String("read"))
            bound.append({uri, QStringLiteral("read")});
        return bound;
    }
    if (parts.value(1) != QLatin1String("buckets"))
        return {};
    QString resource;
    bool plural = false;
    switch (segments) {
    case 2: resource = QStringLiteral("bucket"); break;
    case 3: resource = QStringLiteral("bucket"); plural = true; break;
    case 4:
        if (parts.at(3) == QLatin1String("collections")) resource = QStringLiteral("collection");
        else if (parts.at(3) == QLatin1String("groups")) resource = QStringLiteral("group");
        else if (parts.at(3) == QLatin1String("history")) resource = QStringLiteral("history");
        break;
    case 5: resource = QStringLiteral("collection"); plural = true; break;
    case 6: resource = QStringLiteral("record"); break;
    default: return {}; // the root "/buckets": granted by settings only
    }
    auto tree = inheritanceTree(resource, plural ? permission : permission + QStringLiteral(":attributes"));
    if (tree.isEmpty())
        tree = inheritanceTree(resource, permission);
    BoundPermissions bound;
    for (const auto &[related, perms] : tree) {
        const int length = related == QLatin1String("bucket") ? 3 : (related == QLatin1String("record") ? 7 : 5);
        const QString relatedUri = parts.mid(0, length).join(QLatin1Char('/'));
        for (const QString &p : perms)
            bound.append({relatedUri, p});
    }
    return bound;
}

bool hasAny(const KintoState &state, const BoundPermissions &bound, const KintoCaller &caller,
            const QString &resourceName, const QString &requiredPermission)
{
    BoundPermissions perms = bound;
    if (perms.isEmpty())
        perms.append({resourceName, requiredPermission});
    for (const auto &[uri, perm] : perms) {
        // Principals granted by settings (kinto.bucket_create_principals, account_create_principals).
        const QString setting = perm.startsWith(resourceName) ? perm : resourceName + QLatin1Char(':') + perm;
        if (setting == QLatin1String("bucket:create") && caller.intersects(state.settings.bucketCreatePrincipals))
            return true;
        if (setting == QLatin1String("account:create"))
            return true; // account_create_principals = system.Everyone
        if (caller.intersects(state.store.acl(uri).value(perm)))
            return true;
    }
    return false;
}

// The groups (of every bucket) that list the user, or every authenticated user, as a member.
void addGroupPrincipals(const KintoStore &store, KintoCaller &caller)
{
    for (const QJsonObject &bucket : store.list(QString(), QStringLiteral("bucket"), false)) {
        const QString bucketUri = QStringLiteral("/buckets/") + bucket.value(QStringLiteral("id")).toString();
        for (const QJsonObject &group : store.list(bucketUri, QStringLiteral("group"), false)) {
            const QJsonArray members = group.value(QStringLiteral("members")).toArray();
            if (members.contains(caller.userId) || members.contains(QStringLiteral("system.Authenticated")))
                caller.principals.insert(bucketUri + QStringLiteral("/groups/") + group.value(QStringLiteral("id")).toString());
        }
    }
}

} // namespace

namespace KintoAccess {

KintoCaller authenticate(const KintoState &state, const ServiceRequest &request)
{
    KintoCaller caller;
    caller.principals.insert(QStringLiteral("system.Everyone"));
    const QByteArray auth = request.header("Authorization").trimmed();
    if (auth.toLower().startsWith("basic ")) {
        const QString decoded = QString::fromUtf8(QByteArray::fromBase64(auth.mid(6).trimmed()));
        const qsizetype colon = decoded.indexOf(QLatin1Char(':'));
        if (colon > 0) {
            const QString user = decoded.left(colon);
            const auto account = state.store.get(QString(), QStringLiteral("account"), user);
            if (account && passwordMatches(account->value(QStringLiteral("password")).toString(), decoded.mid(colon + 1))) {
                caller.userId = QStringLiteral("account:") + user;
            } else if (state.settings.basicAuth) {
                // kinto.core BasicAuthAuthenticationPolicy: any credentials are a user of their own.
                const QByteArray hmac = QMessageAuthenticationCode::hash(decoded.toUtf8(), state.settings.userIdHmacSecret,
                                                                         QCryptographicHash::Sha256).toHex();
                caller.userId = QStringLiteral("basicauth:") + QString::fromLatin1(hmac);
            }
        }
    }
    // Invalid credentials leave the caller anonymous, as Kinto's authentication policies do;
    // anything that needs permissions then answers 401.
    if (!caller.userId.isEmpty()) {
        caller.principals.insert(caller.userId);
        caller.principals.insert(QStringLiteral("system.Authenticated"));
        addGroupPrincipals(state.store, caller);
    }
    caller.admin = caller.intersects(state.settings.adminPrincipals);
    return caller;
}

ServiceResponse refuse(const KintoCaller &caller)
{
    return caller.userId.isEmpty() ? unauthenticated() : forbidden();
}

ServiceResult<SharedIds> authorize(const KintoState &state, const ServiceRequest &request, const KintoCaller &caller,
                                   const KintoResource &res, bool plural, const std::optional<QJsonObject> &current)
{
    if (caller.admin)
        return SharedIds();
    const QByteArray &m = request.method;
    QString objectId;
    QString required;
    if (plural) {
        if (m == "GET" || m == "HEAD") {
            objectId = res.pluralUri;
            required = QStringLiteral("read");
        } else if (m == "DELETE") {
            objectId = res.pluralUri;
            required = QStringLiteral("write");
        } else if (current) {
            // POST of an existing id returns it: reading it is enough.
            objectId = res.objectUriFor(current->value(QStringLiteral("id")).toString());
            required = QStringLiteral("read");
        } else {
            objectId = res.pluralUri;
            required = QStringLiteral("create");
        }
    } else {
        objectId = res.objectUri();
        if (m == "GET") {
            required = QStringLiteral("read");
        } else if (m == "PUT") {
            if (!current || request.header("If-None-Match").trimmed() == "*") {
                objectId = res.pluralUri;
                required = QStringLiteral("create");
            } else {
                required = QStringLiteral("write");
            }
        } else {
            required = QStringLiteral("write");
        }
    }
    const QString permission = required == QLatin1String("create") ? res.name + QStringLiteral(":create") : required;
    const BoundPermissions bound = boundPermissions(objectId, permission);
    bool allowed = hasAny(state, bound, caller, res.name, required);

    // Writing a missing object is allowed (and answers 404) when the parent can be read.
    if (required == QLatin1String("write") && !plural && !current) {
        const QString parentUri = objectId.section(QLatin1Char('/'), 0, -2);
        allowed = hasAny(state, boundPermissions(parentUri, QStringLiteral("read")), caller, res.name, required);
    }

    SharedIds shared;
    const bool isList = plural && !permission.endsWith(QLatin1String("create")) && !current;
    if (!allowed && isList) {
        // Not allowed on the whole list: the objects shared with the caller are listed.
        QSet<QString> ids;
        for (const QJsonObject &o : state.store.list(res.parentUri, res.name, false)) {
            const QString id = o.value(QStringLiteral("id")).toString();
            const KintoAcl acl = state.store.acl(res.objectUriFor(id));
            if (caller.intersects(acl.value(QStringLiteral("write")))
                || (permission == QLatin1String("read") && caller.intersects(acl.value(QStringLiteral("read")))))
                ids.insert(id);
        }
        if (!ids.isEmpty()) {
            allowed = true;
        } else {
            // Allowed to create such objects: allowed to get the (empty) list.
            const QString parentUri = objectId.section(QLatin1Char('/'), 0, -2);
            const BoundPermissions createBound = bound.isEmpty()
                ? BoundPermissions{{QString(), QStringLiteral("create")}}
                : BoundPermissions{{parentUri, res.name + QStringLiteral(":create")}};
            allowed = hasAny(state, createBound, caller, res.name, QStringLiteral("create"));
        }
        shared = ids;
    }
    if (!allowed)
        return refuse(caller);
    return shared;
}

QJsonObject visiblePermissions(const KintoState &state, const QString &uri, const KintoCaller &caller)
{
    const KintoAcl acl = state.store.acl(uri);
    if (!caller.admin && !caller.intersects(acl.value(QStringLiteral("write"))))
        return {};
    return aclToJson(acl);
}

ServiceResponse permissionsEndpoint(const KintoState &state, const ServiceRequest &request, const KintoCaller &caller)
{
    // Which permissions a directly granted permission implies on the same object.
    const auto implied = [](const QString &resource, const QString &perm) -> QStringList {
        if (perm != QLatin1String("write"))
            return {perm};
        if (resource == QLatin1String("bucket"))
            return {QStringLiteral("write"), QStringLiteral("read"), QStringLiteral("collection:create"),
                    QStringLiteral("group:create")};
        if (resource == QLatin1String("collection"))
            return {QStringLiteral("write"), QStringLiteral("read"), QStringLiteral("record:create")};
        return {QStringLiteral("write"), QStringLiteral("read")};
    };
    const ServiceResult<KintoListing> listing = KintoListing::parse(state.settings, request, QStringLiteral("uri"));
    if (!listing)
        return listing.failure();
    QList<QJsonObject> entries;
    const QHash<QString, KintoAcl> &acls = state.store.acls();
    for (auto it = acls.cbegin(); it != acls.cend(); ++it) {
        const QStringList parts = it.key().split(QLatin1Char('/'), Qt::SkipEmptyParts);
        QJsonObject entry;
        QString resource;
        if (parts.size() == 2 && parts.at(0) == QLatin1String("accounts")) {
            resource = QStringLiteral("account");
        } else if (parts.size() >= 2 && parts.at(0) == QLatin1String("buckets")) {
            entry.insert(QStringLiteral("bucket_id"), parts.at(1));
            if (parts.size() == 2)
                resource = QStringLiteral("bucket");
            else if (parts.size() == 4 && parts.at(2) == QLatin1String("collections"))
                resource = QStringLiteral("collection");
            else if (parts.size() == 4 && parts.at(2) == QLatin1String("groups"))
                resource = QStringLiteral("group");
            else if (parts.size() == 6 && parts.at(4) == QLatin1String("records")) {
                resource = QStringLiteral("record");
                entry.insert(QStringLiteral("collection_id"), parts.at(3));
            }
        }
        if (resource.isEmpty())
            continue; // history entries
        QSet<QString> granted;
        for (auto p = it.value().cbegin(); p != it.value().cend(); ++p) {
            if (caller.intersects(p.value())) {
                for (const QString &perm : implied(resource, p.key()))
                    granted.insert(perm);
            }
        }
        if (granted.isEmpty())
            continue;
        QStringList perms(granted.begin(), granted.end());
        perms.sort();
        entry.insert(QStringLiteral("id"), parts.last());
        entry.insert(QStringLiteral("uri"), it.key());
        entry.insert(QStringLiteral("resource_name"), resource);
        entry.insert(QStringLiteral("permissions"), QJsonArray::fromStringList(perms));
        if (KintoQuery::matchesAll(entry, listing->filters))
            entries.append(entry);
    }
    ServiceResponse response;
    if (request.method == "HEAD") {
        response.setHeader("Total-Objects", QByteArray::number(entries.size()));
        response.setHeader("Total-Records", QByteArray::number(entries.size()));
        return response;
    }
    return listing->respond(state.settings, request, listing->pageOf(entries), response);
}

QString hashPassword(const QString &password)
{
    return passwordHash(password, QUuid::createUuid().toRfc4122().toHex().left(16));
}

} // namespace KintoAccess
