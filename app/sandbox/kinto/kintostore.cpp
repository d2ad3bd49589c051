#include "kintostore.h"

#include <QDateTime>

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

void KintoStore::scan(const QString &parentUri, const QString &resource, bool withTombstones, bool descending,
                      std::optional<qint64> after, const std::function<bool(const QJsonObject &)> &visit) const
{
    const auto c = m_containers.constFind(key(parentUri, resource));
    if (c == m_containers.cend())
        return;
    const auto visitId = [&](const QString &id) {
        const auto live = c->objects.constFind(id);
        if (live != c->objects.cend())
            return visit(*live);
        if (!withTombstones)
            return true;
        const auto tomb = c->tombstones.constFind(id);
        return tomb == c->tombstones.cend() || visit(*tomb);
    };
    const QMap<qint64, QString> &order = c->order;
    if (descending) {
        auto it = after ? order.lowerBound(*after) : order.cend();
        while (it != order.cbegin()) {
            --it;
            if (!visitId(it.value()))
                return;
        }
    } else {
        for (auto it = after ? order.upperBound(*after) : order.cbegin(); it != order.cend(); ++it) {
            if (!visitId(it.value()))
                return;
        }
    }
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

void KintoStore::forgetOrder(KintoContainer &container, const QString &id)
{
    auto live = container.objects.constFind(id);
    if (live != container.objects.cend()) {
        container.order.remove(live->value(QStringLiteral("last_modified")).toInteger());
        return;
    }
    auto tomb = container.tombstones.constFind(id);
    if (tomb != container.tombstones.cend())
        container.order.remove(tomb->value(QStringLiteral("last_modified")).toInteger());
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
    forgetOrder(c, id);
    c.tombstones.remove(id);
    c.objects.insert(id, data);
    c.order.insert(c.timestamp, id);
    return data;
}

QJsonObject KintoStore::remove(const QString &parentUri, const QString &resource, const QString &id,
                               qint64 forcedLastModified)
{
    KintoContainer &c = m_containers[key(parentUri, resource)];
    forgetOrder(c, id);
    c.objects.remove(id);
    const QJsonObject tomb{
        {QStringLiteral("id"), id},
        {QStringLiteral("last_modified"), bump(c, forcedLastModified)},
        {QStringLiteral("deleted"), true},
    };
    c.tombstones.insert(id, tomb);
    c.order.insert(c.timestamp, id);
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
