// KandjiService: the storage service behind presigned uploads, seeding and inspection.
#include "serviceform.h"
#include "kandjiservice.h"

#include <QDateTime>

static ServiceResponse storageError(int status, const QByteArray &code, const QByteArray &message)
{
    ServiceResponse r;
    r.status = status;
    r.setHeader("Content-Type", "application/xml");
    r.body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" + message
        + "</Message></Error>";
    return r;
}

ServiceResponse KandjiService::handleStorage(const ServiceRequest &request)
{
    if (request.path == QLatin1String("/upload") && request.method == "POST")
        return storageUpload(request);
    if (request.path.startsWith(QLatin1String("/files/")) && (request.method == "GET" || request.method == "HEAD")) {
        const auto it = m_files.constFind(request.path.mid(int(qstrlen("/files/"))));
        if (it == m_files.constEnd())
            return storageError(404, "NoSuchKey", "The specified key does not exist.");
        ServiceResponse r;
        r.setHeader("Content-Type", "application/octet-stream");
        r.body = *it;
        return r;
    }
    return storageError(405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
}

ServiceResponse KandjiService::storageUpload(const ServiceRequest &request)
{
    if (!request.header("Authorization").isEmpty())
        return storageError(400, "InvalidArgument", "Only one auth mechanism allowed; only the X-Amz-Algorithm form field is supported.");
    if (!request.header("Transfer-Encoding").isEmpty() || request.header("Content-Length").isEmpty())
        return storageError(411, "MissingContentLength", "You must provide the Content-Length HTTP header.");
    bool ok = false;
    const qint64 length = request.header("Content-Length").toLongLong(&ok);
    if (!ok || length != request.body.size())
        return storageError(400, "IncompleteBody", "You did not provide the number of bytes specified by the Content-Length HTTP header.");
    const auto parts = ServiceForm::parseMultipart(request.header("Content-Type"), request.body);
    if (!parts || parts->isEmpty())
        return storageError(400, "MalformedPOSTRequest", "The body of your POST request is not well-formed multipart/form-data.");
    QString key;
    QHash<QString, QString> fields;
    const ServiceForm::Part &file = parts->last();
    for (qsizetype i = 0; i + 1 < parts->size(); ++i) {
        const ServiceForm::Part &part = parts->at(i);
        if (part.isFile)
            return storageError(400, "InvalidArgument", "The file must be the last field of the form.");
        fields.insert(QString::fromUtf8(part.name), QString::fromUtf8(part.body));
    }
    if (file.name != "file" || !file.isFile)
        return storageError(400, "InvalidArgument", "POST requires exactly one file upload per request, as the last field \"file\".");
    key = fields.value(QStringLiteral("key"));
    auto it = m_uploads.find(key);
    if (it == m_uploads.end() || it->received)
        return storageError(403, "AccessDenied", "Invalid according to Policy: no upload was prepared for this key.");
    const QJsonObject &expected = it->postData;
    for (auto field = expected.constBegin(); field != expected.constEnd(); ++field) {
        if (fields.value(field.key()) != field.value().toString())
            return storageError(403, "AccessDenied", "Invalid according to Policy: Policy Condition failed: " + field.key().toUtf8());
    }
    if (fields.size() != expected.size())
        return storageError(403, "AccessDenied", "Invalid according to Policy: Extra input fields.");
    it->received = true;
    it->bytes = file.body;
    it->processingLeft = m_processingAnswers;
    ++m_storageUploads;
    ServiceResponse r;
    r.status = 204;
    return r;
}

QJsonObject KandjiService::addProfile(const QJsonObject &fields)
{
    QJsonObject item = fields;
    const QString id = newId();
    item.insert(QStringLiteral("id"), id);
    item.insert(QStringLiteral("mdm_identifier"), QString(QStringLiteral("com.kandji.profile.custom.") + id));
    for (const char *flag : { "active", "runs_on_mac", "runs_on_iphone", "runs_on_ipad", "runs_on_tv", "runs_on_vision",
                              "runs_on_android", "runs_on_windows" })
        if (!item.contains(QLatin1String(flag)))
            item.insert(QLatin1String(flag), qstrcmp(flag, "active") == 0 || qstrcmp(flag, "runs_on_mac") == 0);
    item.insert(QStringLiteral("created_at"), now());
    item.insert(QStringLiteral("updated_at"), now());
    m_items[QStringLiteral("custom-profiles")].append(item);
    return item;
}

QJsonObject KandjiService::addScript(const QJsonObject &fields)
{
    QJsonObject item { { QStringLiteral("active"), true }, { QStringLiteral("execution_frequency"), QStringLiteral("once") },
        { QStringLiteral("restart"), false }, { QStringLiteral("script"), QStringLiteral("#!/bin/zsh\necho ok\n") },
        { QStringLiteral("remediation_script"), QString() }, { QStringLiteral("show_in_self_service"), false },
        { QStringLiteral("self_service_category_id"), QJsonValue() }, { QStringLiteral("self_service_recommended"), false } };
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it)
        item.insert(it.key(), it.value());
    item.insert(QStringLiteral("id"), newId());
    item.insert(QStringLiteral("created_at"), now());
    item.insert(QStringLiteral("updated_at"), now());
    m_items[QStringLiteral("custom-scripts")].append(item);
    return item;
}

QJsonObject KandjiService::addApp(const QJsonObject &fields, const QByteArray &bytes, const QString &fileName)
{
    QJsonObject item { { QStringLiteral("active"), true }, { QStringLiteral("install_type"), QStringLiteral("package") },
        { QStringLiteral("install_enforcement"), QStringLiteral("install_once") }, { QStringLiteral("restart"), false },
        { QStringLiteral("audit_script"), QString() }, { QStringLiteral("preinstall_script"), QString() },
        { QStringLiteral("postinstall_script"), QString() }, { QStringLiteral("unzip_location"), QString() },
        { QStringLiteral("show_in_self_service"), false }, { QStringLiteral("self_service_category_id"), QJsonValue() },
        { QStringLiteral("self_service_recommended"), false } };
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it)
        item.insert(it.key(), it.value());
    item.insert(QStringLiteral("id"), newId());
    item.insert(QStringLiteral("created_at"), now());
    item.insert(QStringLiteral("updated_at"), now());
    const int dot = fileName.lastIndexOf(QLatin1Char('.'));
    const QString key = QStringLiteral("companies/companies/sandbox/library/custom_apps/") + fileName.left(dot) + QStringLiteral("_")
        + QString::number(++m_counter, 16).rightJustified(8, QLatin1Char('0')) + fileName.mid(dot);
    applyFile(&item, key, bytes);
    m_items[QStringLiteral("custom-apps")].append(item);
    return item;
}

QJsonObject KandjiService::addBlueprint(const QString &name, const QString &type, const QString &description)
{
    Blueprint b;
    b.data = QJsonObject { { QStringLiteral("id"), newId() }, { QStringLiteral("name"), name }, { QStringLiteral("type"), type },
        { QStringLiteral("icon"), QStringLiteral("ss-files") }, { QStringLiteral("color"), QStringLiteral("aqua-500") },
        { QStringLiteral("description"), description }, { QStringLiteral("params"), QJsonObject() },
        { QStringLiteral("computers_count"), 0 },
        { QStringLiteral("enrollment_code"), QJsonObject { { QStringLiteral("code"), QStringLiteral("123456") }, { QStringLiteral("is_active"), false } } } };
    if (type == QLatin1String("map"))
        b.nodes = { newId() };
    m_blueprints.append(b);
    return b.data;
}

QJsonObject KandjiService::addCategory(const QString &name)
{
    const QJsonObject c { { QStringLiteral("id"), newId() }, { QStringLiteral("name"), name } };
    m_categories.append(c);
    return c;
}

QJsonObject KandjiService::addTemplate(const QString &name)
{
    const QJsonObject t { { QStringLiteral("id"), newId() }, { QStringLiteral("name"), name }, { QStringLiteral("description"), QString() } };
    m_templates.append(t);
    return t;
}

void KandjiService::assignDirect(const QString &blueprintId, const QString &itemId)
{
    Blueprint *b = findBlueprint(blueprintId);
    if (!b)
        return;
    QStringList &items = b->nodes.isEmpty() ? b->items : b->nodeItems[b->nodes.first()];
    if (!items.contains(itemId))
        items.append(itemId);
}

std::optional<QJsonObject> KandjiService::item(const QString &area, const QString &id) const
{
    if (area == QLatin1String("blueprints")) {
        for (const Blueprint &b : m_blueprints)
            if (b.data.value(QLatin1String("id")).toString() == id)
                return b.data;
        return std::nullopt;
    }
    for (const QJsonObject &o : m_items.value(area))
        if (o.value(QLatin1String("id")).toString() == id)
            return o;
    return std::nullopt;
}

QStringList KandjiService::blueprintItems(const QString &blueprintId) const
{
    for (const Blueprint &b : m_blueprints) {
        if (b.data.value(QLatin1String("id")).toString() != blueprintId)
            continue;
        QStringList all = b.items;
        for (const QStringList &list : b.nodeItems)
            all += list;
        return all;
    }
    return {};
}

QStringList KandjiService::assignmentNodes(const QString &blueprintId) const
{
    for (const Blueprint &b : m_blueprints)
        if (b.data.value(QLatin1String("id")).toString() == blueprintId)
            return b.nodes;
    return {};
}

QByteArray KandjiService::storedFile(const QString &fileKey) const
{
    return m_files.value(fileKey);
}

void KandjiService::corruptStoredFile(const QString &fileKey)
{
    auto it = m_files.find(fileKey);
    if (it != m_files.end() && !it->isEmpty())
        (*it)[0] = char((*it)[0] ^ 0x5a);
}

int KandjiService::itemCount(const QString &area) const
{
    if (area == QLatin1String("blueprints"))
        return int(m_blueprints.size());
    return int(m_items.value(area).size());
}
