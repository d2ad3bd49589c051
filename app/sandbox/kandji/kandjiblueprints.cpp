// KandjiService: blueprints, their library items and assignment (plain-text 400s as Kandji sends them).
#include "serviceform.h"
#include "kandjiservice.h"

#include <QJsonDocument>
#include <QRandomGenerator>

static ServiceResponse plainText400(const char *text)
{
    return ServiceResponse::text(400, QByteArray(text));
}

ServiceResponse KandjiService::blueprints(const ServiceRequest &request, const QStringList &segments)
{
    const QString id = segments.value(0);
    if (id.isEmpty()) {
        if (request.method == "GET") {
            const QString name = ServiceForm::queryValue(request.query, QStringLiteral("name"));
            const QString one = ServiceForm::queryValue(request.query, QStringLiteral("id"));
            const QStringList in = ServiceForm::queryValue(request.query, QStringLiteral("id__in"))
                                       .split(QLatin1Char(','), Qt::SkipEmptyParts);
            QJsonArray all;
            for (const Blueprint &b : std::as_const(m_blueprints)) {
                const QString bid = b.data.value(QLatin1String("id")).toString();
                if (!name.isEmpty() && !b.data.value(QLatin1String("name")).toString().contains(name, Qt::CaseInsensitive))
                    continue;
                if (!one.isEmpty() && bid.compare(one, Qt::CaseInsensitive) != 0)
                    continue;
                if (!in.isEmpty() && !in.contains(bid, Qt::CaseInsensitive))
                    continue;
                all.append(b.data);
            }
            return page(request, all, QStringLiteral("blueprints"));
        }
        if (request.method != "POST")
            return ServiceResponse::json(405, QJsonObject { { QStringLiteral("detail"), QStringLiteral("Method not allowed.") } });
        Blueprint created;
        created.data = QJsonObject { { QStringLiteral("id"), newId() } };
        ServiceResponse r = writeBlueprint(request, &created);
        if (r.status < 300) {
            m_blueprints.append(created);
            r.status = 201;
        }
        return r;
    }
    if (id == QLatin1String("templates") && segments.size() == 1) {
        if (request.method != "GET")
            return ServiceResponse::json(405, QJsonObject { { QStringLiteral("detail"), QStringLiteral("Method not allowed.") } });
        return page(request, m_templates, QStringLiteral("blueprints/templates/"));
    }
    Blueprint *blueprint = findBlueprint(id);
    if (!blueprint || segments.size() > 2)
        return htmlNotFound();
    const QString action = segments.value(1);
    if (action == QLatin1String("list-library-items") && request.method == "GET") {
        QStringList ids = blueprint->items;
        for (const QStringList &list : std::as_const(blueprint->nodeItems))
            for (const QString &item : list)
                if (!ids.contains(item))
                    ids.append(item);
        QJsonArray all;
        for (const QString &itemId : std::as_const(ids)) {
            for (const QString &area : { QStringLiteral("custom-profiles"), QStringLiteral("custom-scripts"), QStringLiteral("custom-apps") }) {
                if (const QJsonObject *item = findItem(area, itemId))
                    all.append(QJsonObject { { QStringLiteral("id"), itemId }, { QStringLiteral("name"), item->value(QLatin1String("name")) } });
            }
        }
        return page(request, all, QStringLiteral("blueprints/") + id + QStringLiteral("/list-library-items"));
    }
    if ((action == QLatin1String("assign-library-item") || action == QLatin1String("remove-library-item")) && request.method == "POST")
        return assignment(request, *blueprint, action == QLatin1String("assign-library-item"));
    if (!action.isEmpty())
        return htmlNotFound();
    if (request.method == "GET")
        return ServiceResponse::json(200, blueprint->data);
    if (request.method == "PATCH") {
        Blueprint changed = *blueprint;
        ServiceResponse r = writeBlueprint(request, &changed);
        if (r.status < 300)
            *blueprint = changed;
        return r;
    }
    if (request.method == "DELETE") {
        const QString bid = blueprint->data.value(QLatin1String("id")).toString();
        m_blueprints.removeIf([&](const Blueprint &b) { return b.data.value(QLatin1String("id")).toString() == bid; });
        ServiceResponse r; // Kandji's API description answers 200 with no body here (204 for library items)
        r.status = 200;
        return r;
    }
    return ServiceResponse::json(405, QJsonObject { { QStringLiteral("detail"), QStringLiteral("Method not allowed.") } });
}

ServiceResponse KandjiService::writeBlueprint(const ServiceRequest &request, Blueprint *blueprint)
{
    if (!request.header("Content-Type").toLower().startsWith("application/x-www-form-urlencoded")
        && !request.header("Content-Type").toLower().startsWith("multipart/form-data"))
        return ServiceResponse::json(415, QJsonObject { { QStringLiteral("detail"), QStringLiteral("Unsupported media type in request: use a form.") } });
    QUrlQuery form;
    if (const auto parts = ServiceForm::parseMultipart(request.header("Content-Type"), request.body)) {
        for (const ServiceForm::Part &part : *parts)
            form.addQueryItem(QString::fromUtf8(part.name), QString::fromUtf8(part.body));
    } else {
        form = ServiceForm::parseUrlEncoded(request.body);
    }
    auto value = [&](const char *key) { return form.queryItemValue(QLatin1String(key), QUrl::FullyDecoded); };
    auto has = [&](const char *key) { return form.hasQueryItem(QLatin1String(key)); };
    QJsonObject &data = blueprint->data;
    const bool creating = !data.contains(QLatin1String("name"));
    if ((creating || has("name")) && value("name").trimmed().isEmpty())
        return ServiceResponse::json(400, QJsonObject { { QStringLiteral("name"), QJsonArray { QStringLiteral("This field is required.") } } });
    if (has("name")) {
        for (const Blueprint &other : std::as_const(m_blueprints)) {
            if (other.data.value(QLatin1String("id")) != data.value(QLatin1String("id"))
                && other.data.value(QLatin1String("name")).toString() == value("name"))
                return ServiceResponse::json(400, QJsonArray { QStringLiteral("Blueprint with this name already exists.") });
        }
        data.insert(QStringLiteral("name"), value("name"));
    }
    if (creating) {
        const QString type = has("type") ? value("type") : QStringLiteral("classic");
        if (type != QLatin1String("classic") && type != QLatin1String("map"))
            return ServiceResponse::json(400, QJsonObject { { QStringLiteral("type"), QJsonArray { QStringLiteral("\"%1\" is not a valid choice.").arg(type) } } });
        if (has("source.type") && value("source.type") != QLatin1String("template") && value("source.type") != QLatin1String("blueprint"))
            return ServiceResponse::json(400, QJsonObject { { QStringLiteral("source.type"), QJsonArray { QStringLiteral("Must be template or blueprint.") } } });
        if (value("source.type") == QLatin1String("blueprint")) {
            const Blueprint *source = findBlueprint(value("source.id"));
            if (!source)
                return ServiceResponse::json(400, QJsonArray { QStringLiteral("Source blueprint not found.") });
            if (source->data.value(QLatin1String("type")).toString() != type)
                return ServiceResponse::json(400, QJsonArray { QStringLiteral("Blueprint type does not match the source blueprint type") });
            blueprint->items = source->items;
        }
        data.insert(QStringLiteral("type"), type);
        data.insert(QStringLiteral("icon"), QStringLiteral("ss-files"));
        data.insert(QStringLiteral("color"), QStringLiteral("aqua-800"));
        data.insert(QStringLiteral("description"), QString());
        data.insert(QStringLiteral("params"), QJsonObject());
        data.insert(QStringLiteral("computers_count"), 0);
        data.insert(QStringLiteral("enrollment_code"), QJsonObject {
            { QStringLiteral("code"), QString::number(QRandomGenerator::global()->bounded(100000, 999999)) },
            { QStringLiteral("is_active"), false } });
        if (type == QLatin1String("map"))
            blueprint->nodes = { newId() };
    }
    if (has("description"))
        data.insert(QStringLiteral("description"), value("description"));
    QJsonObject code = data.value(QLatin1String("enrollment_code")).toObject();
    if (has("enrollment_code.is_active"))
        code.insert(QStringLiteral("is_active"), value("enrollment_code.is_active").compare(QLatin1String("true"), Qt::CaseInsensitive) == 0);
    if (has("enrollment_code.code") && !value("enrollment_code.code").isEmpty())
        code.insert(QStringLiteral("code"), value("enrollment_code.code"));
    data.insert(QStringLiteral("enrollment_code"), code);
    return ServiceResponse::json(200, data);
}

ServiceResponse KandjiService::assignment(const ServiceRequest &request, Blueprint &blueprint, bool assign)
{
    if (!request.header("Content-Type").toLower().contains("json"))
        return ServiceResponse::json(415, QJsonObject { { QStringLiteral("detail"), QStringLiteral("Unsupported media type in request.") } });
    QJsonParseError error;
    const QJsonObject body = QJsonDocument::fromJson(request.body, &error).object();
    if (error.error != QJsonParseError::NoError)
        return ServiceResponse::json(400, QJsonObject { { QStringLiteral("detail"), QStringLiteral("JSON parse error - %1").arg(error.errorString()) } });
    const QString itemId = body.value(QLatin1String("library_item_id")).toString().toLower();
    const QString node = body.value(QLatin1String("assignment_node_id")).toString().toLower();
    const bool map = blueprint.data.value(QLatin1String("type")).toString() == QLatin1String("map");
    if (!map && !node.isEmpty())
        return plainText400("assignment_node_id cannot be provided for Classic Blueprint");
    if (map && node.isEmpty())
        return plainText400("Must provide assignment_node_id for Assignment Map Blueprint");
    if (map && !blueprint.nodes.contains(node))
        return plainText400("Assignment Node does not exist on Blueprint");
    bool known = false;
    for (const QString &area : { QStringLiteral("custom-profiles"), QStringLiteral("custom-scripts"), QStringLiteral("custom-apps") })
        known = known || findItem(area, itemId);
    if (!known)
        return plainText400("Library Item does not exist");
    QStringList &items = map ? blueprint.nodeItems[node] : blueprint.items;
    if (assign) {
        if (items.contains(itemId))
            return plainText400(map ? "Library Item already exists in Assignment Node" : "Library Item already exists on Blueprint");
        items.append(itemId);
    } else {
        if (!items.contains(itemId))
            return plainText400(map ? "Library Item does not exist in Assignment Node" : "Library Item does not exist on Blueprint");
        items.removeAll(itemId);
    }
    QJsonArray ids;
    for (const QString &id : std::as_const(items))
        ids.append(id);
    return ServiceResponse::json(200, ids);
}
