// JamfService: the API roles, role privileges and API integrations endpoints.
#include "jamfservice.h"

#include "jamfprivileges.h"
#include "jamfquery.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>

namespace {

const QStringList ListFields { QStringLiteral("id"), QStringLiteral("displayName") };

QStringList stringsOf(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &v : value.toArray())
        list << v.toString();
    return list;
}

bool readObject(const ServiceRequest &request, QJsonObject *object, ServiceResponse *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = jamfError(400, QStringLiteral("INVALID_JSON"), QStringLiteral("The request body is not a JSON object"),
            QStringLiteral("body"));
        return false;
    }
    *object = doc.object();
    return true;
}

ServiceResponse listing(const ServiceRequest &request, const QList<QJsonObject> &objects)
{
    QJsonArray all;
    for (const QJsonObject &o : objects)
        all.append(o);
    const auto value = [&request](const char *name) {
        return request.query.allQueryItemValues(QLatin1String(name), QUrl::FullyDecoded).join(QLatin1Char(','));
    };
    const JamfQuery::Result result = JamfQuery::apply(all, value("filter"), value("sort"), value("page"), value("page-size"), ListFields);
    if (!result.error.isEmpty())
        return jamfError(400, QStringLiteral("INVALID_FIELD"), result.error, result.errorField);
    return ServiceResponse::json(200, QJsonObject { { QStringLiteral("totalCount"), result.totalCount },
                                          { QStringLiteral("results"), result.page } });
}

ServiceResponse noContent()
{
    ServiceResponse response;
    response.status = 204;
    return response;
}

QString randomSecret()
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    QString secret;
    for (int i = 0; i < 64; ++i)
        secret += QLatin1Char(alphabet[QRandomGenerator::global()->bounded(64)]);
    return secret;
}

} // namespace

ServiceResponse JamfService::checkRole(const QJsonObject &body, int exceptId) const
{
    const QString name = body.value(QLatin1String("displayName")).toString().trimmed();
    if (name.isEmpty())
        return jamfError(400, QStringLiteral("INVALID_FIELD"), QStringLiteral("displayName is required"), QStringLiteral("displayName"));
    if (!body.value(QLatin1String("privileges")).isArray())
        return jamfError(400, QStringLiteral("INVALID_FIELD"), QStringLiteral("privileges is required"), QStringLiteral("privileges"));
    for (auto it = m_roles.cbegin(); it != m_roles.cend(); ++it) {
        if (it.key() != exceptId && it->value(QLatin1String("displayName")).toString().compare(name, Qt::CaseInsensitive) == 0)
            return jamfError(400, QStringLiteral("DUPLICATE_FIELD"), QStringLiteral("displayName must be unique"),
                QStringLiteral("displayName"));
    }
    const QStringList &catalogue = JamfPrivileges::catalogue();
    for (const QString &privilege : stringsOf(body.value(QLatin1String("privileges")))) {
        if (!catalogue.contains(privilege))
            return jamfError(400, QStringLiteral("INVALID_FIELD"), QStringLiteral("Privilege %1 does not exist").arg(privilege),
                QStringLiteral("privileges"));
    }
    return ServiceResponse { 0, {}, {} };
}

ServiceResponse JamfService::roles(const ServiceRequest &request, const QStringList &segments)
{
    if (segments.size() == 1) {
        if (request.method == "GET")
            return listing(request, m_roles.values());
        if (request.method == "POST") {
            QJsonObject body;
            ServiceResponse error;
            if (!readObject(request, &body, &error))
                return error;
            if (const ServiceResponse refused = checkRole(body, 0); refused.status)
                return refused;
            const QString id = addRole(body.value(QLatin1String("displayName")).toString().trimmed(),
                stringsOf(body.value(QLatin1String("privileges"))));
            return ServiceResponse::json(200, m_roles.value(id.toInt()));
        }
    } else if (segments.size() == 2) {
        bool ok = false;
        const int id = segments.at(1).toInt(&ok);
        if (!ok || !m_roles.contains(id))
            return jamfError(404, QStringLiteral("INVALID_ID"), QStringLiteral("Api Role with id %1 not found").arg(segments.at(1)),
                QStringLiteral("id"), segments.at(1));
        if (request.method == "GET")
            return ServiceResponse::json(200, m_roles.value(id));
        if (request.method == "PUT") {
            QJsonObject body;
            ServiceResponse error;
            if (!readObject(request, &body, &error))
                return error;
            if (const ServiceResponse refused = checkRole(body, id); refused.status)
                return refused;
            const QString oldName = m_roles.value(id).value(QLatin1String("displayName")).toString();
            const QString newName = body.value(QLatin1String("displayName")).toString().trimmed();
            m_roles[id].insert(QStringLiteral("displayName"), newName);
            m_roles[id].insert(QStringLiteral("privileges"), body.value(QLatin1String("privileges")));
            // Clients refer to roles by name: a rename follows through.
            for (QJsonObject &client : m_clients) {
                QStringList scopes = stringsOf(client.value(QLatin1String("authorizationScopes")));
                if (scopes.contains(oldName)) {
                    scopes.replace(scopes.indexOf(oldName), newName);
                    client.insert(QStringLiteral("authorizationScopes"), QJsonArray::fromStringList(scopes));
                }
            }
            return ServiceResponse::json(200, m_roles.value(id));
        }
        if (request.method == "DELETE") {
            const QString name = m_roles.value(id).value(QLatin1String("displayName")).toString();
            QStringList users;
            for (const QJsonObject &client : std::as_const(m_clients)) {
                if (stringsOf(client.value(QLatin1String("authorizationScopes"))).contains(name))
                    users << client.value(QLatin1String("displayName")).toString();
            }
            if (!users.isEmpty())
                return jamfError(409, QStringLiteral("ROLE_IN_USE"),
                    QStringLiteral("Api Role is assigned to API integrations: %1").arg(users.join(QStringLiteral(", "))),
                    QStringLiteral("id"), QString::number(id));
            m_roles.remove(id);
            return noContent();
        }
    }
    return jamfError(405, QStringLiteral("METHOD_NOT_ALLOWED"), QStringLiteral("Method not allowed"));
}

ServiceResponse JamfService::privilegeSearch(const ServiceRequest &request) const
{
    const QString name = request.query.queryItemValue(QStringLiteral("name"), QUrl::FullyDecoded);
    bool ok = false;
    int limit = request.query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
    if (!ok)
        limit = 15;
    QStringList found;
    for (const QString &privilege : JamfPrivileges::catalogue()) {
        if (found.size() >= limit)
            break;
        if (privilege.contains(name, Qt::CaseInsensitive))
            found << privilege;
    }
    return ServiceResponse::json(200, QJsonObject { { QStringLiteral("privileges"), QJsonArray::fromStringList(found) } });
}

ServiceResponse JamfService::checkClient(const QJsonObject &body, int exceptId) const
{
    const QString name = body.value(QLatin1String("displayName")).toString().trimmed();
    if (name.isEmpty())
        return jamfError(400, QStringLiteral("INVALID_FIELD"), QStringLiteral("displayName is required"), QStringLiteral("displayName"));
    if (!body.value(QLatin1String("authorizationScopes")).isArray())
        return jamfError(400, QStringLiteral("INVALID_FIELD"), QStringLiteral("authorizationScopes is required"),
            QStringLiteral("authorizationScopes"));
    for (auto it = m_clients.cbegin(); it != m_clients.cend(); ++it) {
        if (it.key() != exceptId && it->value(QLatin1String("displayName")).toString().compare(name, Qt::CaseInsensitive) == 0)
            return jamfError(400, QStringLiteral("DUPLICATE_FIELD"), QStringLiteral("displayName must be unique"),
                QStringLiteral("displayName"));
    }
    for (const QString &scope : stringsOf(body.value(QLatin1String("authorizationScopes")))) {
        const bool exists = std::any_of(m_roles.cbegin(), m_roles.cend(), [&scope](const QJsonObject &role) {
            return role.value(QLatin1String("displayName")).toString() == scope;
        });
        if (!exists)
            return jamfError(400, QStringLiteral("INVALID_FIELD"), QStringLiteral("Api Role %1 does not exist").arg(scope),
                QStringLiteral("authorizationScopes"));
    }
    const QJsonValue lifetime = body.value(QLatin1String("accessTokenLifetimeSeconds"));
    if (!lifetime.isUndefined() && (!lifetime.isDouble() || lifetime.toInt() < 1))
        return jamfError(400, QStringLiteral("INVALID_FIELD"), QStringLiteral("accessTokenLifetimeSeconds must be a positive number"),
            QStringLiteral("accessTokenLifetimeSeconds"));
    return ServiceResponse { 0, {}, {} };
}

ServiceResponse JamfService::clients(const ServiceRequest &request, const QStringList &segments)
{
    if (segments.size() == 1) {
        if (request.method == "GET")
            return listing(request, m_clients.values());
        if (request.method == "POST") {
            QJsonObject body;
            ServiceResponse error;
            if (!readObject(request, &body, &error))
                return error;
            if (const ServiceResponse refused = checkClient(body, 0); refused.status)
                return refused;
            const int id = addClient(body.value(QLatin1String("displayName")).toString().trimmed(),
                stringsOf(body.value(QLatin1String("authorizationScopes"))), body.value(QLatin1String("enabled")).toBool(true),
                body.value(QLatin1String("accessTokenLifetimeSeconds")).toInt(1800));
            return ServiceResponse::json(201, m_clients.value(id));
        }
    } else if (segments.size() == 2 || (segments.size() == 3 && segments.at(2) == QLatin1String("client-credentials"))) {
        bool ok = false;
        const int id = segments.at(1).toInt(&ok);
        if (!ok || !m_clients.contains(id))
            return jamfError(404, QStringLiteral("INVALID_ID"), QStringLiteral("Api Integration with id %1 not found").arg(segments.at(1)),
                QStringLiteral("id"), segments.at(1));
        if (segments.size() == 3 && request.method == "POST") {
            const QString secret = randomSecret(); // replaces the old one: it stops working at once
            m_secrets.insert(id, secret);
            m_clients[id].insert(QStringLiteral("appType"), QStringLiteral("CLIENT_CREDENTIALS"));
            return ServiceResponse::json(200, QJsonObject { { QStringLiteral("clientId"), m_clients.value(id).value(QLatin1String("clientId")) },
                                                  { QStringLiteral("clientSecret"), secret } });
        }
        if (segments.size() == 2 && request.method == "GET")
            return ServiceResponse::json(200, m_clients.value(id));
        if (segments.size() == 2 && request.method == "PUT") {
            QJsonObject body;
            ServiceResponse error;
            if (!readObject(request, &body, &error))
                return error;
            if (const ServiceResponse refused = checkClient(body, id); refused.status)
                return refused;
            QJsonObject &client = m_clients[id];
            client.insert(QStringLiteral("displayName"), body.value(QLatin1String("displayName")).toString().trimmed());
            client.insert(QStringLiteral("authorizationScopes"), body.value(QLatin1String("authorizationScopes")));
            if (body.contains(QLatin1String("enabled")))
                client.insert(QStringLiteral("enabled"), body.value(QLatin1String("enabled")).toBool());
            if (body.contains(QLatin1String("accessTokenLifetimeSeconds")))
                client.insert(QStringLiteral("accessTokenLifetimeSeconds"), body.value(QLatin1String("accessTokenLifetimeSeconds")));
            return ServiceResponse::json(200, client);
        }
        if (segments.size() == 2 && request.method == "DELETE") {
            m_clients.remove(id);
            m_secrets.remove(id);
            return noContent();
        }
    }
    return jamfError(405, QStringLiteral("METHOD_NOT_ALLOWED"), QStringLiteral("Method not allowed"));
}
