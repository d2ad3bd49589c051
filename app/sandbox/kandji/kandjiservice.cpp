#include "kandjiservice.h"

#include "serviceform.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonDocument>
#include <QUuid>

namespace {

const QStringList libraryAreas { QStringLiteral("custom-profiles"), QStringLiteral("custom-scripts"), QStringLiteral("custom-apps") };

ServiceResponse detail(int status, const QString &text)
{
    return ServiceResponse::json(status, QJsonObject { { QStringLiteral("detail"), text } });
}

// Django REST framework's validation answer: {field: [message]}.
ServiceResponse invalid(const QString &field, const QString &message)
{
    return ServiceResponse::json(400, QJsonObject { { field, QJsonArray { message } } });
}

ServiceResponse noContent()
{
    ServiceResponse r;
    r.status = 204;
    return r;
}

bool isJson(const ServiceRequest &request)
{
    return request.header("Content-Type").toLower().contains("json");
}

// Form or multipart fields as JSON: "true"/"false" become booleans for the flags listed.
QJsonObject fieldsOf(const ServiceRequest &request, const QStringList &flags, QList<ServiceForm::Part> *files = nullptr)
{
    QJsonObject fields;
    auto put = [&](const QString &key, const QString &value) {
        if (flags.contains(key))
            fields.insert(key, value.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0);
        else
            fields.insert(key, value);
    };
    const QByteArray type = request.header("Content-Type");
    if (const auto parts = ServiceForm::parseMultipart(type, request.body)) {
        for (const ServiceForm::Part &part : *parts) {
            if (part.isFile && files)
                files->append(part);
            else if (!part.isFile)
                put(QString::fromUtf8(part.name), QString::fromUtf8(part.body));
        }
        return fields;
    }
    const QUrlQuery form = ServiceForm::parseUrlEncoded(request.body);
    for (const auto &item : form.queryItems(QUrl::FullyDecoded))
        put(item.first, item.second);
    return fields;
}

const QStringList profileFlags { QStringLiteral("active"), QStringLiteral("runs_on_mac"), QStringLiteral("runs_on_iphone"),
                                 QStringLiteral("runs_on_ipad"), QStringLiteral("runs_on_tv"), QStringLiteral("runs_on_vision") };
const QStringList itemFlags { QStringLiteral("active"), QStringLiteral("restart"), QStringLiteral("show_in_self_service"),
                              QStringLiteral("self_service_recommended") };

} // namespace

KandjiService::KandjiService()
    : m_token(QStringLiteral("00000000-0000-4000-8000-000000000000"))
{
    for (const QString &area : libraryAreas)
        m_items.insert(area, {});
}

ServiceResponse KandjiService::htmlNotFound()
{
    ServiceResponse r;
    r.status = 404;
    r.setHeader("Content-Type", "text/html; charset=utf-8");
    r.body = "<!doctype html><html lang=\"en\"><head><title>Not Found</title></head><body><h1>Not Found</h1>"
             "<p>The requested resource was not found on this server.</p></body></html>";
    return r;
}

QString KandjiService::newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString KandjiService::now() const
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QJsonObject *KandjiService::findItem(const QString &area, const QString &id)
{
    for (QJsonObject &item : m_items[area]) {
        if (item.value(QLatin1String("id")).toString().compare(id, Qt::CaseInsensitive) == 0)
            return &item;
    }
    return nullptr;
}

KandjiService::Blueprint *KandjiService::findBlueprint(const QString &id)
{
    for (Blueprint &b : m_blueprints) {
        if (b.data.value(QLatin1String("id")).toString().compare(id, Qt::CaseInsensitive) == 0)
            return &b;
    }
    return nullptr;
}

ServiceResponse KandjiService::handle(const ServiceRequest &request)
{
    const QByteArray auth = request.header("Authorization");
    if (auth.isEmpty())
        return detail(401, QStringLiteral("Authentication credentials were not provided."));
    if (auth != "Bearer " + m_token.toUtf8())
        return detail(401, QStringLiteral("Invalid token."));
    QStringList segments = request.path.mid(int(qstrlen("/api/v1/"))).split(QLatin1Char('/'));
    if (!segments.isEmpty() && segments.last().isEmpty())
        segments.removeLast(); // "templates/"
    ServiceResponse response = dispatch(request, segments);
    // Kandji labels the library's and Self Service's JSON (and a blueprint's item list) with a
    // charset, the blueprints' own JSON without one.
    if (response.header("Content-Type") == "application/json"
        && (segments.value(0) != QLatin1String("blueprints") || segments.value(2) == QLatin1String("list-library-items")))
        response.setHeader("Content-Type", "application/json; charset=utf-8");
    return response;
}

ServiceResponse KandjiService::dispatch(const ServiceRequest &request, const QStringList &segments)
{
    const QString first = segments.value(0);
    QString area;
    if (first == QLatin1String("library") && libraryAreas.contains(segments.value(1)))
        area = segments.value(1);
    else if (first == QLatin1String("blueprints"))
        area = first;
    else if (first == QLatin1String("self-service") && segments.value(1) == QLatin1String("categories") && segments.size() == 2)
        area = QStringLiteral("self-service-categories");
    if (area.isEmpty())
        return htmlNotFound();
    if (m_forbidden.contains(area))
        return detail(403, QStringLiteral("You do not have permission to perform this action."));

    if (area == QLatin1String("self-service-categories")) {
        if (request.method != "GET")
            return detail(405, QStringLiteral("Method \"%1\" not allowed.").arg(QString::fromLatin1(request.method)));
        return ServiceResponse::json(200, m_categories);
    }
    if (area == QLatin1String("blueprints"))
        return blueprints(request, segments.mid(1));
    if (area == QLatin1String("custom-apps") && segments.value(2) == QLatin1String("upload") && segments.size() == 3)
        return request.method == "POST" ? createUploadSlot(request) : detail(405, QStringLiteral("Method not allowed."));
    if (segments.size() > 3)
        return htmlNotFound();
    return library(request, area, segments.value(2));
}

ServiceResponse KandjiService::page(const ServiceRequest &request, const QJsonArray &all, const QString &path)
{
    const bool byPage = !request.query.hasQueryItem(QStringLiteral("limit")) && !request.query.hasQueryItem(QStringLiteral("offset"));
    int limit = m_pageSize;
    int offset = 0;
    if (byPage) {
        const int pageNo = qMax(1, request.query.queryItemValue(QStringLiteral("page")).toInt());
        offset = (pageNo - 1) * limit;
        if (request.query.hasQueryItem(QStringLiteral("page")) && offset >= all.size() && pageNo > 1)
            return detail(404, QStringLiteral("Invalid page."));
    } else {
        limit = qBound(1, request.query.queryItemValue(QStringLiteral("limit")).toInt(), 300);
        if (!request.query.hasQueryItem(QStringLiteral("limit")))
            limit = m_pageSize;
        offset = qMax(0, request.query.queryItemValue(QStringLiteral("offset")).toInt());
    }
    QJsonArray results;
    for (int i = offset; i < qMin<qsizetype>(offset + limit, all.size()); ++i)
        results.append(all.at(i));

    auto link = [&](int newOffset) -> QJsonValue {
        QUrlQuery q = request.query;
        for (const char *key : { "page", "limit", "offset" })
            q.removeAllQueryItems(QLatin1String(key));
        if (byPage) {
            if (newOffset > 0)
                q.addQueryItem(QStringLiteral("page"), QString::number(newOffset / limit + 1));
        } else {
            q.addQueryItem(QStringLiteral("limit"), QString::number(limit));
            if (newOffset > 0)
                q.addQueryItem(QStringLiteral("offset"), QString::number(newOffset));
        }
        QUrl url(m_origin + QStringLiteral("/api/v1/") + path);
        url.setQuery(q);
        return url.toString(QUrl::FullyEncoded);
    };
    return ServiceResponse::json(200, QJsonObject {
        { QStringLiteral("count"), all.size() },
        { QStringLiteral("next"), offset + limit < all.size() ? link(offset + limit) : QJsonValue() },
        { QStringLiteral("previous"), offset > 0 ? link(qMax(0, offset - limit)) : QJsonValue() },
        { QStringLiteral("results"), results },
    });
}

ServiceResponse KandjiService::library(const ServiceRequest &request, const QString &area, const QString &id)
{
    if (id.isEmpty()) {
        if (request.method == "GET") {
            QJsonArray all;
            for (const QJsonObject &item : std::as_const(m_items[area]))
                all.append(item);
            return page(request, all, QStringLiteral("library/") + area);
        }
        if (request.method != "POST")
            return detail(405, QStringLiteral("Method not allowed."));
        QJsonObject item { { QStringLiteral("id"), newId() }, { QStringLiteral("created_at"), now() } };
        ServiceResponse r = area == QLatin1String("custom-profiles") ? writeProfile(request, &item)
            : area == QLatin1String("custom-scripts")               ? writeScript(request, &item)
                                                                    : writeApp(request, &item);
        if (r.status < 300) {
            m_items[area].append(item);
            r.status = 201;
        }
        return r;
    }
    QJsonObject *item = findItem(area, id);
    if (!item)
        return htmlNotFound();
    if (request.method == "GET")
        return ServiceResponse::json(200, *item);
    if (request.method == "DELETE") {
        const QString itemId = item->value(QLatin1String("id")).toString();
        m_items[area].removeIf([&](const QJsonObject &o) { return o.value(QLatin1String("id")).toString() == itemId; });
        for (Blueprint &b : m_blueprints) {
            b.items.removeAll(itemId);
            for (QStringList &list : b.nodeItems)
                list.removeAll(itemId);
        }
        return noContent();
    }
    if (request.method != "PATCH")
        return detail(405, QStringLiteral("Method not allowed."));
    QJsonObject changed = *item;
    ServiceResponse r = area == QLatin1String("custom-profiles") ? writeProfile(request, &changed)
        : area == QLatin1String("custom-scripts")               ? writeScript(request, &changed)
                                                                : writeApp(request, &changed);
    if (r.status < 300)
        *item = changed;
    return r;
}

ServiceResponse KandjiService::writeProfile(const ServiceRequest &request, QJsonObject *item)
{
    QList<ServiceForm::Part> files;
    if (!ServiceForm::parseMultipart(request.header("Content-Type"), request.body))
        return detail(415, QStringLiteral("Unsupported media type in request: use multipart/form-data."));
    const QJsonObject fields = fieldsOf(request, profileFlags, &files);
    const bool creating = !item->contains(QLatin1String("name"));
    if (creating && fields.value(QLatin1String("name")).toString().trimmed().isEmpty())
        return invalid(QStringLiteral("name"), QStringLiteral("This field is required."));
    if (creating && files.isEmpty())
        return invalid(QStringLiteral("file"), QStringLiteral("No file was submitted."));
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
        if (it.key() == QLatin1String("name") || profileFlags.contains(it.key()))
            item->insert(it.key(), it.value());
    }
    if (creating) {
        for (const QString &flag : profileFlags)
            if (!item->contains(flag))
                item->insert(flag, flag == QLatin1String("active"));
        item->insert(QStringLiteral("runs_on_android"), false);
        item->insert(QStringLiteral("runs_on_windows"), false);
        item->insert(QStringLiteral("mdm_identifier"),
                     QString(QStringLiteral("com.kandji.profile.custom.") + item->value(QLatin1String("id")).toString()));
    }
    bool anyPlatform = false;
    for (const QString &flag : profileFlags.mid(1))
        anyPlatform = anyPlatform || item->value(flag).toBool();
    if (!anyPlatform)
        return invalid(QStringLiteral("non_field_errors"), QStringLiteral("At least one runs_on_* flag must be true."));
    if (!files.isEmpty()) {
        const QByteArray xml = files.first().body;
        if (!xml.contains("<plist") && !xml.startsWith("bplist00"))
            return invalid(QStringLiteral("file"), QStringLiteral("The file is not a valid configuration profile."));
        item->insert(QStringLiteral("profile"), QString::fromUtf8(xml));
    }
    item->insert(QStringLiteral("updated_at"), now());
    return ServiceResponse::json(200, *item);
}

static QString checkSelfService(const QJsonObject &item, const char *enforcementKey)
{
    if (item.value(QLatin1String(enforcementKey)).toString() == QLatin1String("no_enforcement")
        && !item.value(QLatin1String("show_in_self_service")).toBool())
        return QStringLiteral("no_enforcement requires show_in_self_service.");
    if (item.value(QLatin1String("show_in_self_service")).toBool()
        && item.value(QLatin1String("self_service_category_id")).toString().isEmpty())
        return QStringLiteral("A Self Service category is required when show_in_self_service is true.");
    return {};
}

ServiceResponse KandjiService::writeScript(const ServiceRequest &request, QJsonObject *item)
{
    if (!isJson(request))
        return detail(415, QStringLiteral("Unsupported media type \"%1\" in request.").arg(QString::fromUtf8(request.header("Content-Type"))));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return detail(400, QStringLiteral("JSON parse error - %1").arg(error.errorString()));
    const QJsonObject fields = doc.object();
    const bool creating = !item->contains(QLatin1String("name"));
    static const QStringList known { QStringLiteral("name"), QStringLiteral("active"), QStringLiteral("script"),
        QStringLiteral("remediation_script"), QStringLiteral("execution_frequency"), QStringLiteral("restart"),
        QStringLiteral("show_in_self_service"), QStringLiteral("self_service_category_id"), QStringLiteral("self_service_recommended") };
    if (creating) {
        for (const char *key : { "name", "script", "execution_frequency" })
            if (fields.value(QLatin1String(key)).toString().isEmpty())
                return invalid(QLatin1String(key), QStringLiteral("This field is required."));
        *item = QJsonObject { { QStringLiteral("id"), item->value(QLatin1String("id")) }, { QStringLiteral("created_at"), now() },
            { QStringLiteral("active"), true }, { QStringLiteral("restart"), false }, { QStringLiteral("remediation_script"), QString() },
            { QStringLiteral("show_in_self_service"), false }, { QStringLiteral("self_service_category_id"), QJsonValue() },
            { QStringLiteral("self_service_recommended"), false } };
    }
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
        if (known.contains(it.key()))
            item->insert(it.key(), it.value());
    }
    static const QStringList frequencies { QStringLiteral("once"), QStringLiteral("every_15_min"), QStringLiteral("every_day"),
                                           QStringLiteral("no_enforcement") };
    const QString frequency = item->value(QLatin1String("execution_frequency")).toString();
    if (!frequencies.contains(frequency))
        return invalid(QStringLiteral("execution_frequency"), QStringLiteral("\"%1\" is not a valid choice.").arg(frequency));
    if (const QString e = checkSelfService(*item, "execution_frequency"); !e.isEmpty())
        return invalid(QStringLiteral("non_field_errors"), e);
    item->insert(QStringLiteral("updated_at"), now());
    return ServiceResponse::json(200, *item);
}

ServiceResponse KandjiService::createUploadSlot(const ServiceRequest &request)
{
    if (!isJson(request))
        return detail(415, QStringLiteral("Unsupported media type in request: use application/json."));
    const QString name = QJsonDocument::fromJson(request.body).object().value(QLatin1String("name")).toString();
    if (name.isEmpty())
        return invalid(QStringLiteral("name"), QStringLiteral("This field is required."));
    const int dot = name.lastIndexOf(QLatin1Char('.'));
    const QString token = QString::fromLatin1(QByteArray::number(++m_counter * 2654435761u % 0xffffffffu, 16).rightJustified(8, '0'));
    const QString stem = dot > 0 ? name.left(dot) : name;
    const QString ext = dot > 0 ? name.mid(dot) : QString();
    const QString fileKey = QStringLiteral("companies/companies/sandbox/library/custom_apps/") + stem + QLatin1Char('_') + token + ext;
    Upload upload;
    upload.fileName = name;
    upload.postData = QJsonObject {
        { QStringLiteral("key"), fileKey },
        { QStringLiteral("x-amz-algorithm"), QStringLiteral("AWS4-HMAC-SHA256") },
        { QStringLiteral("x-amz-credential"), QStringLiteral("SANDBOX/20250101/us-east-1/s3/aws4_request") },
        { QStringLiteral("x-amz-date"), QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")) },
        { QStringLiteral("policy"), QString::fromLatin1(QUuid::createUuid().toRfc4122().toBase64()) },
        { QStringLiteral("x-amz-signature"), QString::fromLatin1(QCryptographicHash::hash(fileKey.toUtf8(), QCryptographicHash::Sha256).toHex()) },
    };
    m_uploads.insert(fileKey, upload);
    return ServiceResponse::json(201, QJsonObject {
        { QStringLiteral("name"), name },
        { QStringLiteral("expires"), QDateTime::currentDateTimeUtc().addSecs(3600).toString(Qt::ISODate) },
        { QStringLiteral("post_url"), QString(m_storageOrigin + QStringLiteral("/upload")) },
        { QStringLiteral("post_data"), upload.postData },
        { QStringLiteral("file_key"), fileKey },
    });
}

void KandjiService::applyFile(QJsonObject *app, const QString &fileKey, const QByteArray &bytes)
{
    m_files.insert(fileKey, bytes);
    app->insert(QStringLiteral("file_key"), fileKey);
    app->insert(QStringLiteral("sha256"), QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()));
    app->insert(QStringLiteral("file_size"), double(bytes.size()));
    app->insert(QStringLiteral("file_updated"), now());
    app->insert(QStringLiteral("file_url"), QString(m_storageOrigin + QStringLiteral("/files/") + fileKey));
}

ServiceResponse KandjiService::writeApp(const ServiceRequest &request, QJsonObject *item)
{
    if (request.header("Content-Type").toLower().contains("json"))
        return detail(415, QStringLiteral("Unsupported media type in request: use a form."));
    const QJsonObject fields = fieldsOf(request, itemFlags);
    const bool creating = !item->contains(QLatin1String("name"));
    if (creating) {
        for (const char *key : { "name", "file_key", "install_type", "install_enforcement" })
            if (fields.value(QLatin1String(key)).toString().isEmpty())
                return invalid(QLatin1String(key), QStringLiteral("This field is required."));
        *item = QJsonObject { { QStringLiteral("id"), item->value(QLatin1String("id")) }, { QStringLiteral("created_at"), now() },
            { QStringLiteral("active"), true }, { QStringLiteral("restart"), false }, { QStringLiteral("audit_script"), QString() },
            { QStringLiteral("preinstall_script"), QString() }, { QStringLiteral("postinstall_script"), QString() },
            { QStringLiteral("unzip_location"), QString() }, { QStringLiteral("show_in_self_service"), false },
            { QStringLiteral("self_service_category_id"), QJsonValue() }, { QStringLiteral("self_service_recommended"), false } };
    }
    const QString fileKey = fields.value(QLatin1String("file_key")).toString();
    Upload *upload = nullptr;
    if (!fileKey.isEmpty()) {
        auto it = m_uploads.find(fileKey);
        if (it == m_uploads.end() || !it->received)
            return invalid(QStringLiteral("file_key"), QStringLiteral("No uploaded file was found for this file_key."));
        upload = &*it;
    }
    QJsonObject next = *item;
    static const QStringList known { QStringLiteral("name"), QStringLiteral("install_type"), QStringLiteral("install_enforcement"),
        QStringLiteral("audit_script"), QStringLiteral("preinstall_script"), QStringLiteral("postinstall_script"),
        QStringLiteral("unzip_location"), QStringLiteral("restart"), QStringLiteral("active"), QStringLiteral("show_in_self_service"),
        QStringLiteral("self_service_category_id"), QStringLiteral("self_service_recommended") };
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
        if (known.contains(it.key()))
            next.insert(it.key(), it.value());
    }
    static const QStringList types { QStringLiteral("package"), QStringLiteral("zip"), QStringLiteral("image") };
    static const QStringList enforcements { QStringLiteral("install_once"), QStringLiteral("continuously_enforce"), QStringLiteral("no_enforcement") };
    if (!types.contains(next.value(QLatin1String("install_type")).toString()))
        return invalid(QStringLiteral("install_type"), QStringLiteral("\"%1\" is not a valid choice.").arg(next.value(QLatin1String("install_type")).toString()));
    if (!enforcements.contains(next.value(QLatin1String("install_enforcement")).toString()))
        return invalid(QStringLiteral("install_enforcement"), QStringLiteral("\"%1\" is not a valid choice.").arg(next.value(QLatin1String("install_enforcement")).toString()));
    if (next.value(QLatin1String("install_type")).toString() == QLatin1String("zip") && next.value(QLatin1String("unzip_location")).toString().isEmpty())
        return invalid(QStringLiteral("unzip_location"), QStringLiteral("This field is required for zip apps."));
    if (!next.value(QLatin1String("audit_script")).toString().isEmpty()
        && next.value(QLatin1String("install_enforcement")).toString() != QLatin1String("continuously_enforce"))
        return invalid(QStringLiteral("audit_script"), QStringLiteral("An audit script requires continuously_enforce."));
    if (const QString e = checkSelfService(next, "install_enforcement"); !e.isEmpty())
        return invalid(QStringLiteral("non_field_errors"), e);
    if (upload && upload->processingLeft > 0) {
        --upload->processingLeft;
        return detail(503, QStringLiteral("The uploaded file is still being processed. Try again later."));
    }
    if (upload) {
        applyFile(&next, fileKey, upload->bytes);
        m_uploads.remove(fileKey);
    }
    next.insert(QStringLiteral("updated_at"), now());
    *item = next;
    return ServiceResponse::json(200, *item);
}
