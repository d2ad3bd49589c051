#include "restservice.h"

#include <QJsonDocument>
#include <QUrl>

#include <algorithm>

namespace {

ServiceResponse fieldErrors(int status, const QJsonObject &errors)
{
    return ServiceResponse::json(status, QJsonObject { { QStringLiteral("errors"), errors } });
}

bool hasType(const QJsonValue &value, const QString &type)
{
    if (type == QLatin1String("string"))
        return value.isString();
    if (type == QLatin1String("integer"))
        return value.isDouble() && value.toDouble() == double(qint64(value.toDouble()));
    if (type == QLatin1String("number"))
        return value.isDouble();
    if (type == QLatin1String("boolean"))
        return value.isBool();
    if (type == QLatin1String("array"))
        return value.isArray();
    if (type == QLatin1String("object"))
        return value.isObject();
    return true;
}

// The schema's complaints about an item, field -> messages; `partial` (PATCH) skips "required".
QJsonObject violations(const QJsonObject &schema, const QJsonObject &item, bool partial)
{
    QJsonObject errors;
    const auto complain = [&errors](const QString &field, const QString &message) {
        QJsonArray messages = errors.value(field).toArray();
        messages.append(message);
        errors.insert(field, messages);
    };
    const QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
    if (!partial) {
        for (const QJsonValue &required : schema.value(QLatin1String("required")).toArray()) {
            const QJsonValue value = item.value(required.toString());
            if (value.isUndefined() || value.isNull() || (value.isString() && value.toString().trimmed().isEmpty()))
                complain(required.toString(), QStringLiteral("can't be blank"));
        }
    }
    for (auto it = item.begin(); it != item.end(); ++it) {
        const QJsonObject property = properties.value(it.key()).toObject();
        if (property.isEmpty() || it.value().isNull())
            continue;
        const QString type = property.value(QLatin1String("type")).toString();
        if (!hasType(it.value(), type)) {
            complain(it.key(), QStringLiteral("must be %1 %2").arg(type.startsWith(QLatin1Char('i')) ? QStringLiteral("an") : QStringLiteral("a"), type));
            continue;
        }
        const QJsonArray allowed = property.value(QLatin1String("enum")).toArray();
        if (!allowed.isEmpty() && !allowed.contains(it.value())) {
            QStringList names;
            for (const QJsonValue &v : allowed)
                names << v.toVariant().toString();
            complain(it.key(), QStringLiteral("must be one of: %1").arg(names.join(QStringLiteral(", "))));
        }
        if (property.value(QLatin1String("format")) == QLatin1String("email") && !it.value().toString().contains(QLatin1Char('@')))
            complain(it.key(), QStringLiteral("is not an email address"));
    }
    return errors;
}

QString idText(const QJsonValue &id)
{
    return id.isDouble() ? QString::number(qint64(id.toDouble())) : id.toString();
}

} // namespace

void RestService::addCollection(const QString &name, const QString &title, const QJsonObject &itemSchema)
{
    if (Collection *existing = find(name)) {
        *existing = Collection { name, title, itemSchema, {}, 1 };
        return;
    }
    m_collections.append(Collection { name, title, itemSchema, {}, 1 });
}

QJsonObject RestService::insert(const QString &collection, QJsonObject item)
{
    Collection *c = find(collection);
    if (!c)
        return {};
    if (!item.value(QLatin1String("id")).isDouble())
        item.insert(QStringLiteral("id"), double(c->nextId));
    c->nextId = std::max(c->nextId, qint64(item.value(QLatin1String("id")).toDouble()) + 1);
    c->items.append(item);
    return item;
}

QJsonArray RestService::items(const QString &collection) const
{
    for (const Collection &c : m_collections) {
        if (c.name == collection)
            return c.items;
    }
    return {};
}

QStringList RestService::collections() const
{
    QStringList names;
    for (const Collection &c : m_collections)
        names << c.name;
    return names;
}

RestService::Collection *RestService::find(const QString &name)
{
    for (Collection &c : m_collections) {
        if (c.name == name)
            return &c;
    }
    return nullptr;
}

int RestService::indexOf(const Collection &collection, const QString &id) const
{
    for (int i = 0; i < collection.items.size(); ++i) {
        if (idText(collection.items.at(i).toObject().value(QLatin1String("id"))) == id)
            return i;
    }
    return -1;
}

ServiceResponse RestService::handle(const ServiceRequest &request)
{
    if (request.method == "GET" && request.path == QLatin1String("/openapi.json"))
        return ServiceResponse::json(200, openApiDocument());
    if (!m_apiKey.isEmpty() && QString::fromUtf8(request.header("X-API-Key")) != m_apiKey)
        return ServiceResponse::json(401, QJsonObject { { QStringLiteral("error"), QStringLiteral("A valid X-API-Key header is required.") } });
    const QStringList parts = request.path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    Collection *collection = parts.isEmpty() || parts.size() > 2 ? nullptr : find(parts.first());
    if (!collection)
        return ServiceResponse::json(404, QJsonObject {});
    if (parts.size() == 1) {
        if (request.method == "GET")
            return list(*collection, request);
        if (request.method == "POST")
            return write(*collection, -1, request);
        return ServiceResponse::json(405, QJsonObject {});
    }
    const int index = indexOf(*collection, parts.at(1));
    if (index < 0)
        return ServiceResponse::json(404, QJsonObject {});
    if (request.method == "GET")
        return ServiceResponse::json(200, collection->items.at(index));
    if (request.method == "PUT" || request.method == "PATCH")
        return write(*collection, index, request);
    if (request.method == "DELETE") {
        collection->items.removeAt(index);
        return ServiceResponse::json(200, QJsonObject {});
    }
    return ServiceResponse::json(405, QJsonObject {});
}

ServiceResponse RestService::list(const Collection &collection, const ServiceRequest &request) const
{
    QList<QJsonObject> found;
    const auto queryItems = request.query.queryItems(QUrl::FullyDecoded);
    for (const QJsonValue &value : collection.items) {
        const QJsonObject item = value.toObject();
        const bool matches = std::all_of(queryItems.begin(), queryItems.end(), [&item](const auto &filter) {
            return filter.first.startsWith(QLatin1Char('_')) || item.value(filter.first).toVariant().toString() == filter.second;
        });
        if (matches)
            found.append(item);
    }
    const QString sort = request.query.queryItemValue(QStringLiteral("_sort"));
    if (!sort.isEmpty()) {
        const bool descending = request.query.queryItemValue(QStringLiteral("_order")) == QLatin1String("desc");
        std::stable_sort(found.begin(), found.end(), [&sort, descending](const QJsonObject &a, const QJsonObject &b) {
            const QJsonValue x = a.value(sort), y = b.value(sort);
            const bool less = x.isDouble() && y.isDouble() ? x.toDouble() < y.toDouble()
                                                           : x.toVariant().toString() < y.toVariant().toString();
            const bool greater = x.isDouble() && y.isDouble() ? y.toDouble() < x.toDouble()
                                                              : y.toVariant().toString() < x.toVariant().toString();
            return descending ? greater : less;
        });
    }
    const qint64 total = found.size();
    qsizetype from = 0;
    qsizetype count = found.size();
    HttpHeaderList headers { { "X-Total-Count", QByteArray::number(total) } };
    const bool paged = request.query.hasQueryItem(QStringLiteral("_page"));
    const int limit = request.query.queryItemValue(QStringLiteral("_limit")).toInt();
    if (paged) {
        const int page = std::max(1, request.query.queryItemValue(QStringLiteral("_page")).toInt());
        const int size = limit > 0 ? limit : 10;
        from = qsizetype(page - 1) * size;
        count = size;
        const int last = std::max(1, int((total + size - 1) / size));
        const auto link = [&](int target, const char *rel) {
            QUrlQuery query(request.query);
            query.removeAllQueryItems(QStringLiteral("_page"));
            query.removeAllQueryItems(QStringLiteral("_limit"));
            query.addQueryItem(QStringLiteral("_page"), QString::number(target));
            query.addQueryItem(QStringLiteral("_limit"), QString::number(size));
            return QStringLiteral("<%1/%2?%3>; rel=\"%4\"")
                .arg(m_origin, collection.name, query.toString(QUrl::FullyEncoded), QLatin1String(rel));
        };
        QStringList links { link(1, "first") };
        if (page > 1)
            links << link(page - 1, "prev");
        if (page < last)
            links << link(page + 1, "next");
        links << link(last, "last");
        headers.append(qMakePair(QByteArray("Link"), links.join(QStringLiteral(", ")).toUtf8()));
        headers.append(qMakePair(QByteArray("Access-Control-Expose-Headers"), QByteArray("X-Total-Count, Link")));
    } else if (limit > 0) {
        count = limit;
    }
    QJsonArray page;
    for (qsizetype i = from; i < std::min(found.size(), from + count); ++i)
        page.append(found.at(i));
    ServiceResponse response = ServiceResponse::json(200, page);
    for (const auto &header : headers)
        response.setHeader(header.first, header.second);
    return response;
}

ServiceResponse RestService::write(Collection &collection, int index, const ServiceRequest &request)
{
    const QJsonDocument document = QJsonDocument::fromJson(request.body);
    if (!document.isObject())
        return ServiceResponse::json(400, QJsonObject { { QStringLiteral("error"), QStringLiteral("The body must be a JSON object.") } });
    QJsonObject item = document.object();
    const bool patch = request.method == "PATCH";
    if (index >= 0) {
        const QJsonObject current = collection.items.at(index).toObject();
        if (patch) {
            QJsonObject merged = current;
            for (auto it = item.begin(); it != item.end(); ++it)
                merged.insert(it.key(), it.value());
            item = merged;
        }
        item.insert(QStringLiteral("id"), current.value(QLatin1String("id"))); // the id stays
    } else if (item.contains(QLatin1String("id")) && indexOf(collection, idText(item.value(QLatin1String("id")))) >= 0) {
        return fieldErrors(409, QJsonObject { { QStringLiteral("id"), QJsonArray { QStringLiteral("is already taken") } } });
    }
    const QJsonObject errors = violations(collection.schema, patch ? document.object() : item, patch);
    if (!errors.isEmpty())
        return fieldErrors(422, errors);
    if (index >= 0) {
        collection.items.replace(index, item);
        return ServiceResponse::json(200, item);
    }
    return ServiceResponse::json(201, insert(collection.name, item));
}
