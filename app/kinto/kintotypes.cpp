#include "kintotypes.h"

#include "net/json.h"

QString KintoFilter::encodedValue() const
{
    // As kinto-http's session.py: in_/exclude_ lists comma-joined, strings as they are, the rest JSON.
    if ((op == QLatin1String("in") || op == QLatin1String("exclude")) && value.isArray()) {
        QStringList items;
        for (const QJsonValue &item : value.toArray())
            items << (item.isString() ? item.toString() : QString::fromUtf8(Json::toBytes(item)));
        return items.join(QLatin1Char(','));
    }
    if (value.isString())
        return value.toString();
    return QString::fromUtf8(Json::toBytes(value));
}

bool KintoFilter::parse(const QString &text, KintoFilter *filter)
{
    const int equals = text.indexOf(QLatin1Char('='));
    if (equals <= 0)
        return false;
    // The key keeps any operator prefix: Kinto reads "min_age" itself.
    *filter = KintoFilter { text.left(equals), QString(), QJsonValue(text.mid(equals + 1)) };
    return true;
}

QueryList KintoListOptions::query() const
{
    QueryList query;
    if (limit > 0)
        query.append({ QStringLiteral("_limit"), QString::number(limit) });
    if (!sort.isEmpty())
        query.append({ QStringLiteral("_sort"), sort });
    if (!fields.isEmpty())
        query.append({ QStringLiteral("_fields"), fields.join(QLatin1Char(',')) });
    if (!since.isEmpty())
        query.append({ QStringLiteral("_since"), since });
    if (!before.isEmpty())
        query.append({ QStringLiteral("_before"), before });
    for (const KintoFilter &filter : filters)
        query.append({ filter.key(), filter.encodedValue() });
    query.append(extra);
    return query;
}

int KintoListOptions::maxPages() const
{
    if (pages == AllPages)
        return 0;
    if (pages > 0)
        return pages;
    return limit > 0 ? 1 : 0;
}

KintoPatch KintoPatch::basic(const QJsonObject &data, const std::optional<QJsonObject> &permissions)
{
    KintoPatch patch;
    patch.type = Type::Basic;
    patch.data = data;
    patch.permissions = permissions;
    return patch;
}

KintoPatch KintoPatch::merge(const QJsonObject &data, const std::optional<QJsonObject> &permissions)
{
    KintoPatch patch = basic(data, permissions);
    patch.type = Type::Merge;
    return patch;
}

KintoPatch KintoPatch::json(const QJsonArray &operations)
{
    KintoPatch patch;
    patch.type = Type::Json;
    patch.operations = operations;
    return patch;
}

QByteArray KintoPatch::contentType() const
{
    switch (type) {
    case Type::Basic: return "application/json";
    case Type::Merge: return "application/merge-patch+json";
    case Type::Json: return "application/json-patch+json";
    }
    return "application/json";
}

QJsonValue KintoPatch::body() const
{
    if (type == Type::Json)
        return operations;
    QJsonObject body;
    if (!data.isEmpty())
        body.insert(QLatin1String("data"), data);
    if (permissions)
        body.insert(QLatin1String("permissions"), *permissions);
    return body;
}
