#include "kintostore.h"

#include <QDateTime>

#include <algorithm>

QString KintoStore::key(const QString &parentUri, const QString &resource)
{
    return parentUri + QLatin1Char('|') + resource;
}

std::optional<QJsonObject> KintoStore::get(const QString &parentUri, const QString &resource,
                                           const QString &id) const
{
    const auto c = m_containers.constFind(key(parentUri, resource));
    if (c == m_containers.cend())
        return std::nullopt;
    const auto it = c->objects.constFind(id);
    if (it == c->objects.cend())
        return std::nullopt;
    return *it;
}

std::optional<QJsonObject> KintoStore::tombstone(const QString &parentUri, const QString &resource,
                                                 const QString &id) const
{
    const auto c = m_containers.constFind(key(parentUri, resource));
    if (c == m_containers.cend())
        return std::nullopt;
    const auto it = c->tombstones.constFind(id);
    if (it == c->tombstones.cend())
        return std::nullopt;
    return *it;
}

QList<QJsonObject> KintoStore::list(const QString &parentUri, const QString &resource, bool withTombstones) const
{
    const auto c = m_containers.constFind(key(parentUri, resource));
    if (c == m_containers.cend())
        return {};
    QList<QJsonObject> out;
    out.reserve(c->objects.size() + (withTombstones ? c->tombstones.size() : 0));
    for (const QJsonObject &o : c->objects)
        out.append(o);
    if (withTombstones) {
        for (const QJsonObject &o : c->tombstones)
            out.append(o);
    }
    return out;
}

QList<QJsonObject> KintoStore::sorted(const QString &parentUri, const QString &resource, bool withTombstones,
                                     const QList<KintoQuery::Sort> &sorting) const
{
    const QString containerKey = key(parentUri, resource);
    const auto c = m_containers.constFind(containerKey);
    if (c == m_containers.cend())
        return {};
    QString viewKey = containerKey + (withTombstones ? QStringLiteral("|+") : QStringLiteral("|-"));
    for (const KintoQuery::Sort &s : sorting)
        viewKey += (s.direction < 0 ? QStringLiteral("|-") : QStringLiteral("|+")) + s.field;
    const qsizetype tombstones = withTombstones ? c->tombstones.size() : 0;
    const auto cached = m_sortedViews.constFind(viewKey);
    if (cached != m_sortedViews.cend() && cached->timestamp == c->timestamp && cached->objects == c->objects.size()
        && cached->tombstones == tombstones)
        return cached->order;
    if (m_sortedViews.size() >= 16) // a few orders of a few collections are enough to page through
        m_sortedViews.clear();
    SortedView view{c->timestamp, c->objects.size(), tombstones, list(parentUri, resource, withTombstones)};
    KintoQuery::sort(view.order, sorting);
    m_sortedViews.insert(viewKey, view);
    return view.order;
}

void KintoStore::scan(const QString &parentUri, const QString &resource, bool withTombstones, bool descending,
                      std::optional<qint64> after, const std::function<bool(const QJsonObject &)> &visit) const
{
    const auto c = m_containers.constFind(key(parentUri, resource));
    if (c == m_containers.cend())
        return;
    const QList<KintoContainer::Version> &order = c->order;
    const auto visitVersion = [&](const KintoContainer::Version &version) {
        bool tombstone = false;
        const QJsonObject *object = current(*c, version, &tombstone);
        if (!object || (tombstone && !withTombstones))
            return true;
        return visit(*object);
    };
    const auto byTimestamp = [](const KintoContainer::Version &v, qint64 ts) { return v.lastModified < ts; };
    if (descending) {
        auto it = after ? std::lower_bound(order.cbegin(), order.cend(), *after, byTimestamp) : order.cend();
        while (it != order.cbegin()) {
            --it;
            if (!visitVersion(*it))
                return;
        }
    } else {
        auto it = after ? std::upper_bound(order.cbegin(), order.cend(), *after,
                                           [](qint64 ts, const KintoContainer::Version &v) { return ts < v.lastModified; })
                        : order.cbegin();
        for (; it != order.cend(); ++it) {
            if (!visitVersion(*it))
                return;
        }
    }
}

const QJsonObject *KintoStore::current(const KintoContainer &container, const KintoContainer::Version &version,
                                       bool *tombstone)
{
    const auto isThisVersion = [&](const QHash<QString, QJsonObject> &objects) -> const QJsonObject * {
        const auto it = objects.constFind(version.id);
        if (it == objects.cend() || it->value(QStringLiteral("last_modified")).toInteger() != version.lastModified)
            return nullptr;
        return &*it;
    };
    if (const QJsonObject *live = isThisVersion(container.objects))
        return live;
    if (tombstone)
        *tombstone = true;
    return isThisVersion(container.tombstones);
}

void KintoStore::appendVersion(KintoContainer &container, const QString &id, bool replaces)
{
    container.order.append({container.timestamp, id});
    if (replaces)
        ++container.staleVersions;
    if (container.staleVersions < 64 || container.staleVersions * 2 < container.order.size())
        return;
    QList<KintoContainer::Version> compacted;
    compacted.reserve(container.order.size() - container.staleVersions);
    for (const KintoContainer::Version &version : std::as_const(container.order)) {
        if (current(container, version, nullptr))
            compacted.append(version);
    }
    container.order = compacted;
    container.staleVersions = 0;
}

int KintoStore::count(const QString &parentUri, const QString &resource) const
{
    const auto c = m_containers.constFind(key(parentUri, resource));
    return c == m_containers.cend() ? 0 : int(c->objects.size());
}

qint64 KintoStore::timestamp(const QString &parentUri, const QString &resource)
{
    KintoContainer &c = m_containers[key(parentUri, resource)];
    if (c.timestamp == 0)
        c.timestamp = QDateTime::currentMSecsSinceEpoch();
    return c.timestamp;
}

qint64 KintoStore::bump(KintoContainer &container, qint64 forced)
{
    if (forced > container.timestamp) {
        container.timestamp = forced;
    } else {
        // Strictly increasing within the container, even for writes in the same millisecond.
        container.timestamp = qMax(QDateTime::currentMSecsSinceEpoch(), container.timestamp + 1);
    }
    return container.timestamp;
}

QJsonObject KintoStore::save(const QString &parentUri, const QString &resource, QJsonObject data,
                             qint64 forcedLastModified)
{
    KintoContainer &c = m_containers[key(parentUri, resource)];
    data.insert(QStringLiteral("last_modified"), bump(c, forcedLastModified));
    const QString id = data.value(QStringLiteral("id")).toString();
    const bool replaces = c.tombstones.remove(id) || c.objects.contains(id);
    c.objects.insert(id, data);
    appendVersion(c, id, replaces);
    return data;
}

QJsonObject KintoStore::remove(const QString &parentUri, const QString &resource, const QString &id,
                               qint64 forcedLastModified)
{
    KintoContainer &c = m_containers[key(parentUri, resource)];
    const bool replaces = c.objects.remove(id) || c.tombstones.contains(id);
    const QJsonObject tomb{
        {QStringLiteral("id"), id},
        {QStringLiteral("last_modified"), bump(c, forcedLastModified)},
        {QStringLiteral("deleted"), true},
    };
    c.tombstones.insert(id, tomb);
    appendVersion(c, id, replaces);
    return tomb;
}

void KintoStore::purgeChildren(const QString &uriPrefix)
{
    const QString childPrefix = uriPrefix + QLatin1Char('/');
    for (auto it = m_containers.begin(); it != m_containers.end();) {
        const QString parent = it.key().section(QLatin1Char('|'), 0, 0);
        if (parent == uriPrefix || parent.startsWith(childPrefix))
            it = m_containers.erase(it);
        else
            ++it;
    }
    for (auto it = m_acls.begin(); it != m_acls.end();) {
        if (it.key().startsWith(childPrefix))
            it = m_acls.erase(it);
        else
            ++it;
    }
}

void KintoStore::setAcl(const QString &uri, const KintoAcl &acl)
{
    KintoAcl cleaned;
    for (auto it = acl.cbegin(); it != acl.cend(); ++it) {
        if (!it.value().isEmpty())
            cleaned.insert(it.key(), it.value());
    }
    if (cleaned.isEmpty())
        m_acls.remove(uri);
    else
        m_acls.insert(uri, cleaned);
}
