#include "openapireader.h"

#include "net/json.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>

static QString tr(const char *text)
{
    return QCoreApplication::translate("OpenApiReader", text);
}

// The object a local JSON pointer ("#/components/schemas/Pet") designates; empty when absent.
static QJsonObject pointee(const QJsonObject &document, const QString &ref)
{
    if (!ref.startsWith(QLatin1String("#/")))
        return {};
    QJsonValue value = document;
    for (QString part : ref.mid(2).split(QLatin1Char('/'))) {
        part.replace(QLatin1String("~1"), QLatin1String("/")).replace(QLatin1String("~0"), QLatin1String("~"));
        value = value.toObject().value(part);
    }
    return value.toObject();
}

QJsonObject OpenApiReader::resolve(const QJsonObject &document, const QJsonValue &schemaValue, int depth)
{
    QJsonObject schema = schemaValue.toObject();
    if (depth <= 0)
        return schema;
    if (schema.contains(QLatin1String("$ref"))) {
        QJsonObject target = resolve(document, pointee(document, schema.value(QLatin1String("$ref")).toString()), depth - 1);
        schema.remove(QLatin1String("$ref"));
        for (auto it = schema.constBegin(); it != schema.constEnd(); ++it) // 3.1: siblings of $ref apply too
            target.insert(it.key(), it.value());
        schema = target;
    }
    if (schema.contains(QLatin1String("allOf"))) {
        QJsonObject merged = schema;
        merged.remove(QLatin1String("allOf"));
        QJsonObject properties = merged.value(QLatin1String("properties")).toObject();
        QJsonArray required = merged.value(QLatin1String("required")).toArray();
        for (const QJsonValue &part : schema.value(QLatin1String("allOf")).toArray()) {
            const QJsonObject resolved = resolve(document, part, depth - 1);
            for (auto it = resolved.constBegin(); it != resolved.constEnd(); ++it) {
                if (it.key() == QLatin1String("properties")) {
                    const QJsonObject more = it.value().toObject();
                    for (auto p = more.constBegin(); p != more.constEnd(); ++p)
                        properties.insert(p.key(), p.value());
                } else if (it.key() == QLatin1String("required")) {
                    for (const QJsonValue &name : it.value().toArray())
                        required.append(name);
                } else if (!merged.contains(it.key())) {
                    merged.insert(it.key(), it.value());
                }
            }
        }
        if (!properties.isEmpty())
            merged.insert(QStringLiteral("properties"), properties);
        if (!required.isEmpty())
            merged.insert(QStringLiteral("required"), required);
        schema = merged;
    }
    // Resolve one level of properties and items so the schema form sees plain schemas.
    if (schema.contains(QLatin1String("properties"))) {
        QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
        for (auto it = properties.begin(); it != properties.end(); ++it)
            it.value() = resolve(document, it.value(), depth - 1);
        schema.insert(QStringLiteral("properties"), properties);
    }
    if (schema.contains(QLatin1String("items")))
        schema.insert(QStringLiteral("items"), resolve(document, schema.value(QLatin1String("items")), depth - 1));
    return schema;
}

// "array" for {"type": "array"} and for 3.1's {"type": ["array", "null"]}.
static bool hasType(const QJsonObject &schema, const char *type)
{
    const QJsonValue value = schema.value(QLatin1String("type"));
    if (value.isArray())
        return value.toArray().contains(QLatin1String(type));
    return value.toString() == QLatin1String(type);
}

static bool isArray(const QJsonObject &schema)
{
    return hasType(schema, "array") || (!schema.contains(QLatin1String("type")) && schema.contains(QLatin1String("items")));
}

// The JSON schema of a GET's success answer and that answer's headers.
static QJsonObject successResponse(const QJsonObject &document, const QJsonObject &operation)
{
    const QJsonObject responses = operation.value(QLatin1String("responses")).toObject();
    for (const char *code : { "200", "206", "2XX", "2xx", "default" }) {
        QJsonObject response = responses.value(QLatin1String(code)).toObject();
        if (response.contains(QLatin1String("$ref")))
            response = pointee(document, response.value(QLatin1String("$ref")).toString());
        if (!response.isEmpty())
            return response;
    }
    return {};
}

static QJsonObject jsonSchemaOf(const QJsonObject &document, const QJsonObject &response)
{
    const QJsonObject content = response.value(QLatin1String("content")).toObject();
    for (auto it = content.constBegin(); it != content.constEnd(); ++it) {
        if (it.key().contains(QLatin1String("json")))
            return OpenApiReader::resolve(document, it.value().toObject().value(QLatin1String("schema")));
    }
    return {};
}

static QList<QJsonObject> parametersOf(const QJsonObject &document, const QJsonObject &pathItem, const QJsonObject &operation)
{
    QList<QJsonObject> parameters;
    for (const QJsonObject &owner : { pathItem, operation }) {
        for (const QJsonValue &value : owner.value(QLatin1String("parameters")).toArray()) {
            QJsonObject parameter = value.toObject();
            if (parameter.contains(QLatin1String("$ref")))
                parameter = pointee(document, parameter.value(QLatin1String("$ref")).toString());
            if (parameter.value(QLatin1String("in")).toString() == QLatin1String("query"))
                parameters << parameter;
        }
    }
    return parameters;
}

static QString findParameter(const QList<QJsonObject> &parameters, const QStringList &names, QJsonObject *found = nullptr)
{
    for (const QString &name : names) {
        for (const QJsonObject &parameter : parameters) {
            if (parameter.value(QLatin1String("name")).toString().compare(name, Qt::CaseInsensitive) == 0) {
                if (found)
                    *found = parameter;
                return parameter.value(QLatin1String("name")).toString();
            }
        }
    }
    return {};
}

static QString titleFor(const QString &path)
{
    QString last = path.section(QLatin1Char('/'), -1, -1, QString::SectionSkipEmpty);
    last.replace(QLatin1Char('_'), QLatin1Char(' ')).replace(QLatin1Char('-'), QLatin1Char(' '));
    if (!last.isEmpty())
        last[0] = last[0].toUpper();
    return last.isEmpty() ? path : last;
}

// Fills resource.paging from the operation's parameters, answer headers and wrapper properties.
static void detectPaging(const QJsonObject &document, const QJsonObject &pathItem, const QJsonObject &get,
    const QJsonObject &response, const QJsonObject &wrapper, RestResource *resource)
{
    RestPaging &paging = resource->paging;
    const QList<QJsonObject> parameters = parametersOf(document, pathItem, get);
    QJsonObject sizeParameter;
    const QString page = findParameter(parameters, { QStringLiteral("page"), QStringLiteral("_page"), QStringLiteral("pageNumber"),
                                                       QStringLiteral("page_number") });
    const QString size = findParameter(parameters, { QStringLiteral("size"), QStringLiteral("per_page"), QStringLiteral("pageSize"),
                                                       QStringLiteral("page_size"), QStringLiteral("perPage"), QStringLiteral("_limit"),
                                                       QStringLiteral("limit") },
        &sizeParameter);
    const QString offset = findParameter(parameters, { QStringLiteral("offset"), QStringLiteral("_start"), QStringLiteral("skip"),
                                                         QStringLiteral("start") });
    QJsonObject limitParameter;
    const QString limit = findParameter(parameters, { QStringLiteral("limit"), QStringLiteral("_limit"), QStringLiteral("count"),
                                                        QStringLiteral("take") },
        &limitParameter);

    QString nextField;
    for (const char *candidate : { "next", "links.next", "_links.next.href", "meta.next", "paging.next", "pagination.next" }) {
        QJsonObject schema = wrapper;
        bool found = true;
        for (const QString &key : QString::fromLatin1(candidate).split(QLatin1Char('.'))) {
            const QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
            if (!properties.contains(key)) {
                found = false;
                break;
            }
            schema = OpenApiReader::resolve(document, properties.value(key));
        }
        if (found && hasType(schema, "string")) {
            nextField = QLatin1String(candidate);
            break;
        }
    }
    bool linkHeader = false;
    const QJsonObject headers = response.value(QLatin1String("headers")).toObject();
    for (auto it = headers.constBegin(); it != headers.constEnd(); ++it)
        linkHeader = linkHeader || it.key().compare(QLatin1String("Link"), Qt::CaseInsensitive) == 0;

    if (linkHeader) {
        paging.kind = RestPaging::Kind::LinkHeader;
    } else if (!nextField.isEmpty()) {
        paging.kind = RestPaging::Kind::NextLink;
        paging.nextField = nextField;
    } else if (!offset.isEmpty() && !limit.isEmpty()) {
        paging.kind = RestPaging::Kind::OffsetLimit;
        paging.offsetParam = offset;
        paging.limitParam = limit;
        sizeParameter = limitParameter;
    } else if (!page.isEmpty()) {
        paging.kind = RestPaging::Kind::PageSize;
    }
    paging.pageParam = page;
    paging.sizeParam = size;
    if (paging.kind == RestPaging::Kind::None)
        return;
    const QJsonObject sizeSchema = OpenApiReader::resolve(document, sizeParameter.value(QLatin1String("schema")));
    int pageSize = sizeSchema.value(QLatin1String("default")).toInt(50);
    if (sizeSchema.contains(QLatin1String("maximum")))
        pageSize = std::min(pageSize, sizeSchema.value(QLatin1String("maximum")).toInt(pageSize));
    paging.pageSize = std::max(1, pageSize);
    if (paging.kind == RestPaging::Kind::PageSize) {
        QJsonObject pageParameter;
        findParameter(parameters, { page }, &pageParameter);
        const QJsonObject pageSchema = OpenApiReader::resolve(document, pageParameter.value(QLatin1String("schema")));
        // Zero-based pages say so with minimum 0 (or default 0).
        paging.firstPage = pageSchema.value(QLatin1String("minimum")).toInt(pageSchema.value(QLatin1String("default")).toInt(1));
    }
}

// Where the items sit in a GET answer: "" for an array, else the wrapper's array property.
static bool findItems(const QJsonObject &schema, QString *itemsKey, QJsonObject *itemSchema)
{
    if (isArray(schema)) {
        itemsKey->clear();
        *itemSchema = schema.value(QLatin1String("items")).toObject();
        return true;
    }
    const QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
    QStringList arrays;
    for (auto it = properties.constBegin(); it != properties.constEnd(); ++it) {
        if (isArray(it.value().toObject()))
            arrays << it.key();
    }
    if (arrays.isEmpty())
        return false;
    QString chosen = arrays.size() == 1 ? arrays.first() : QString();
    for (const char *preferred : { "data", "results", "items", "records", "content", "value", "entries", "elements" }) {
        if (chosen.isEmpty() && arrays.contains(QLatin1String(preferred)))
            chosen = QLatin1String(preferred);
    }
    if (chosen.isEmpty())
        return false;
    *itemsKey = chosen;
    *itemSchema = properties.value(chosen).toObject().value(QLatin1String("items")).toObject();
    return true;
}

bool OpenApiReader::read(const QByteArray &text, OpenApiImport *result, QString *error)
{
    QJsonValue value;
    QString why;
    if (!text.trimmed().startsWith('{')) {
        *error = tr("Only JSON OpenAPI documents can be read; convert a YAML document to JSON first.");
        return false;
    }
    if (!Json::parse(text, &value, &why) || !value.isObject()) {
        *error = tr("The OpenAPI document is not valid JSON: %1").arg(why);
        return false;
    }
    return read(value.toObject(), result, error);
}

bool OpenApiReader::read(const QJsonObject &document, OpenApiImport *result, QString *error)
{
    const QString version = document.value(QLatin1String("openapi")).toString();
    if (!version.startsWith(QLatin1String("3.0")) && !version.startsWith(QLatin1String("3.1"))) {
        *error = document.contains(QLatin1String("swagger"))
            ? tr("This is a Swagger 2.0 document; OpenAPI 3.0 or 3.1 is needed.")
            : tr("Not an OpenAPI 3.0 or 3.1 document (no \"openapi\": \"3.x\").");
        return false;
    }
    OpenApiImport import;
    import.openapiVersion = version;
    const QJsonObject info = document.value(QLatin1String("info")).toObject();
    import.title = info.value(QLatin1String("title")).toString();
    import.apiVersion = info.value(QLatin1String("version")).toString();
    import.serverUrl = QUrl(document.value(QLatin1String("servers")).toArray().first().toObject().value(QLatin1String("url")).toString());

    const QJsonObject paths = document.value(QLatin1String("paths")).toObject();
    static const QRegularExpression itemPattern(QStringLiteral("^(.*)/\\{([^}/]+)\\}$"));
    for (auto it = paths.constBegin(); it != paths.constEnd(); ++it) {
        const QString path = it.key();
        const QJsonObject pathItem = it.value().toObject();
        const QJsonObject get = pathItem.value(QLatin1String("get")).toObject();
        if (get.isEmpty() || path.contains(QLatin1Char('{')))
            continue;
        const QJsonObject response = successResponse(document, get);
        const QJsonObject schema = jsonSchemaOf(document, response);
        RestResource resource;
        QJsonObject itemSchema;
        if (!findItems(schema, &resource.itemsKey, &itemSchema)) {
            if (!schema.isEmpty() && !schema.value(QLatin1String("properties")).toObject().isEmpty())
                import.warnings << tr("%1: its GET answers one object, not a list; skipped.").arg(path);
            continue;
        }
        resource.path = path;
        resource.itemSchema = resolve(document, itemSchema);
        resource.name = titleFor(path);
        const QJsonObject itemProperties = resource.itemSchema.value(QLatin1String("properties")).toObject();
        // The item endpoint: the sibling path with one trailing parameter.
        for (auto other = paths.constBegin(); other != paths.constEnd(); ++other) {
            const auto match = itemPattern.match(other.key());
            if (match.hasMatch() && match.captured(1) == path) {
                resource.itemPath = other.key();
                const QString parameter = match.captured(2);
                resource.idField = itemProperties.contains(parameter) ? parameter : QStringLiteral("id");
                break;
            }
        }
        if (!itemProperties.isEmpty() && !itemProperties.contains(resource.idField)) {
            import.warnings << tr("%1: the items have no \"%2\" property; check the id field.").arg(path, resource.idField);
        }
        detectPaging(document, pathItem, get, response, resource.itemsKey.isEmpty() ? QJsonObject() : schema, &resource);
        import.resources << resource;
    }
    if (import.resources.isEmpty())
        import.warnings << tr("No collection was found: no path without parameters answers a list to GET.");
    *result = import;
    return true;
}
