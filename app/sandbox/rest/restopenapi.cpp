// RestService::openApiDocument(): the OpenAPI 3.0.3 description of the service's collections, as
// an API that pages like json-server would publish it.
#include "restservice.h"

namespace {

QJsonObject ref(const QString &title)
{
    return { { QStringLiteral("$ref"), QString(QStringLiteral("#/components/schemas/") + title) } };
}

QJsonObject jsonContent(const QJsonObject &schema)
{
    return { { QStringLiteral("application/json"), QJsonObject { { QStringLiteral("schema"), schema } } } };
}

QJsonObject answer(const QString &description, const QJsonObject &schema = {})
{
    QJsonObject response { { QStringLiteral("description"), description } };
    if (!schema.isEmpty())
        response.insert(QStringLiteral("content"), jsonContent(schema));
    return response;
}

QJsonObject integerParameter(const QString &name, const QString &description, int defaultValue, int maximum)
{
    QJsonObject schema { { QStringLiteral("type"), QStringLiteral("integer") }, { QStringLiteral("minimum"), 1 },
        { QStringLiteral("default"), defaultValue } };
    if (maximum > 0)
        schema.insert(QStringLiteral("maximum"), maximum);
    return { { QStringLiteral("name"), name }, { QStringLiteral("in"), QStringLiteral("query") },
        { QStringLiteral("description"), description }, { QStringLiteral("schema"), schema } };
}

QJsonObject validationAnswer()
{
    const QJsonObject messages { { QStringLiteral("type"), QStringLiteral("object") },
        { QStringLiteral("additionalProperties"), QJsonObject { { QStringLiteral("type"), QStringLiteral("array") },
            { QStringLiteral("items"), QJsonObject { { QStringLiteral("type"), QStringLiteral("string") } } } } } };
    return answer(QStringLiteral("The item breaks the schema: messages per field."),
        QJsonObject { { QStringLiteral("type"), QStringLiteral("object") },
            { QStringLiteral("properties"), QJsonObject { { QStringLiteral("errors"), messages } } } });
}

} // namespace

QJsonObject RestService::openApiDocument() const
{
    QJsonObject schemas;
    QJsonObject paths;
    for (const Collection &c : m_collections) {
        QJsonObject schema = c.schema;
        schema.insert(QStringLiteral("type"), QStringLiteral("object"));
        schemas.insert(c.title, schema);
        const QJsonObject listAnswer { { QStringLiteral("description"), QStringLiteral("A page of %1.").arg(c.name) },
            { QStringLiteral("headers"), QJsonObject {
                { QStringLiteral("Link"), QJsonObject { { QStringLiteral("description"), QStringLiteral("RFC 8288 links: first, prev, next, last.") },
                    { QStringLiteral("schema"), QJsonObject { { QStringLiteral("type"), QStringLiteral("string") } } } } },
                { QStringLiteral("X-Total-Count"), QJsonObject { { QStringLiteral("description"), QStringLiteral("Items matching the filters.") },
                    { QStringLiteral("schema"), QJsonObject { { QStringLiteral("type"), QStringLiteral("integer") } } } } } } },
            { QStringLiteral("content"), jsonContent(QJsonObject { { QStringLiteral("type"), QStringLiteral("array") },
                { QStringLiteral("items"), ref(c.title) } }) } };
        const QJsonObject body { { QStringLiteral("required"), true }, { QStringLiteral("content"), jsonContent(ref(c.title)) } };
        paths.insert(QString(QLatin1Char('/') + c.name), QJsonObject {
            { QStringLiteral("get"), QJsonObject { { QStringLiteral("summary"), QStringLiteral("List %1").arg(c.name) },
                { QStringLiteral("operationId"), QString(QStringLiteral("list_") + c.name) },
                { QStringLiteral("parameters"), QJsonArray { integerParameter(QStringLiteral("_page"), QStringLiteral("Page, from 1."), 1, 0),
                    integerParameter(QStringLiteral("_limit"), QStringLiteral("Items per page."), 10, 100) } },
                { QStringLiteral("responses"), QJsonObject { { QStringLiteral("200"), listAnswer } } } } },
            { QStringLiteral("post"), QJsonObject { { QStringLiteral("summary"), QStringLiteral("Create a %1").arg(c.title.toLower()) },
                { QStringLiteral("operationId"), QString(QStringLiteral("create_") + c.name) }, { QStringLiteral("requestBody"), body },
                { QStringLiteral("responses"), QJsonObject { { QStringLiteral("201"), answer(QStringLiteral("Created."), ref(c.title)) },
                    { QStringLiteral("422"), validationAnswer() } } } } } });
        const QJsonObject idParameter { { QStringLiteral("name"), QStringLiteral("id") }, { QStringLiteral("in"), QStringLiteral("path") },
            { QStringLiteral("required"), true }, { QStringLiteral("schema"), QJsonObject { { QStringLiteral("type"), QStringLiteral("integer") } } } };
        const QJsonObject notFound { { QStringLiteral("404"), answer(QStringLiteral("No such %1.").arg(c.title.toLower())) } };
        const auto operation = [&](const QString &verb, const QJsonObject &responses, bool withBody) {
            QJsonObject op { { QStringLiteral("operationId"), QString(verb + QLatin1Char('_') + c.name.chopped(c.name.endsWith(QLatin1Char('s')) ? 1 : 0)) },
                { QStringLiteral("responses"), responses } };
            if (withBody)
                op.insert(QStringLiteral("requestBody"), body);
            return op;
        };
        QJsonObject itemAnswers = notFound;
        itemAnswers.insert(QStringLiteral("200"), answer(QStringLiteral("The %1.").arg(c.title.toLower()), ref(c.title)));
        QJsonObject writeAnswers = itemAnswers;
        writeAnswers.insert(QStringLiteral("422"), validationAnswer());
        QJsonObject deleteAnswers = notFound;
        deleteAnswers.insert(QStringLiteral("200"), answer(QStringLiteral("Deleted.")));
        paths.insert(QString(QLatin1Char('/') + c.name + QStringLiteral("/{id}")), QJsonObject {
            { QStringLiteral("parameters"), QJsonArray { idParameter } },
            { QStringLiteral("get"), operation(QStringLiteral("get"), itemAnswers, false) },
            { QStringLiteral("put"), operation(QStringLiteral("replace"), writeAnswers, true) },
            { QStringLiteral("patch"), operation(QStringLiteral("update"), writeAnswers, true) },
            { QStringLiteral("delete"), operation(QStringLiteral("delete"), deleteAnswers, false) } });
    }
    QJsonObject document { { QStringLiteral("openapi"), QStringLiteral("3.0.3") },
        { QStringLiteral("info"), QJsonObject { { QStringLiteral("title"), m_title }, { QStringLiteral("version"), QStringLiteral("1.0.0") } } },
        { QStringLiteral("paths"), paths },
        { QStringLiteral("components"), QJsonObject { { QStringLiteral("schemas"), schemas } } } };
    if (!m_origin.isEmpty())
        document.insert(QStringLiteral("servers"), QJsonArray { QJsonObject { { QStringLiteral("url"), m_origin } } });
    if (!m_apiKey.isEmpty()) {
        document[QStringLiteral("components")] = QJsonObject { { QStringLiteral("schemas"), schemas },
            { QStringLiteral("securitySchemes"), QJsonObject { { QStringLiteral("apiKey"), QJsonObject {
                { QStringLiteral("type"), QStringLiteral("apiKey") }, { QStringLiteral("in"), QStringLiteral("header") },
                { QStringLiteral("name"), QStringLiteral("X-API-Key") } } } } } };
        document.insert(QStringLiteral("security"), QJsonArray { QJsonObject { { QStringLiteral("apiKey"), QJsonArray {} } } });
    }
    return document;
}
