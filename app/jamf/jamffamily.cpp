#include "jamffamily.h"

#include "jamfauth.h"
#include "jamfprivileges.h"

#include <QCoreApplication>
#include <QJsonArray>

QString JamfFamily::summary() const
{
    return QCoreApplication::translate("JamfFamily", "Jamf Pro: API roles and API clients, their secrets, and the setup of a client.");
}

AuthStrategy *JamfFamily::createAuth(const Tenant &tenant, const QHash<QString, QString> &secrets, QNetworkAccessManager *nam,
                                     SecretStore *, QString *error) const
{
    ApiError failure;
    AuthStrategy *auth = createJamfAuth(tenant, secrets, nam, &failure);
    if (!auth)
        *error = failure.message();
    return auth;
}

FamilySession *JamfFamily::createSession(const Tenant &tenant, HttpClient *client, QObject *parent) const
{
    return new JamfSession(tenant, client, parent);
}

JamfSession::JamfSession(const Tenant &tenant, HttpClient *client, QObject *parent)
    : FamilySession(parent)
    , m_tenant(tenant)
    , m_client(JamfClient::forSession(client))
{
}

Job *JamfSession::probe()
{
    return thenMap(m_client->probe(), [](const QJsonValue &identity, ApiError *) {
        QJsonObject o = identity.toObject();
        const QString version = o.value(QLatin1String("serverVersion")).toString();
        o.insert(QStringLiteral("serverVersion"), version.isEmpty() ? QStringLiteral("Jamf Pro") : QStringLiteral("Jamf Pro ") + version);
        return QJsonValue(o);
    });
}

TreeNode JamfSession::roleNode(const QJsonObject &role)
{
    TreeNode node;
    node.kind = QStringLiteral("role");
    node.id = JamfRole::fromJson(role).id;
    node.label = role.value(QLatin1String("displayName")).toString();
    const int count = int(role.value(QLatin1String("privileges")).toArray().size());
    node.badge = JamfPrivileges::countText(count);
    node.data = { { QStringLiteral("object"), role } };
    return node;
}

TreeNode JamfSession::clientNode(const QJsonObject &object)
{
    const JamfApiClient client = JamfApiClient::fromJson(object);
    TreeNode node;
    node.kind = QStringLiteral("client");
    node.id = QString::number(client.id);
    node.label = client.displayName;
    node.badge = client.enabled ? QCoreApplication::translate("JamfSession", "%1 min").arg(client.accessTokenLifetimeSeconds / 60)
                                : QCoreApplication::translate("JamfSession", "disabled");
    node.toolTip = QCoreApplication::translate("JamfSession", "Client id %1; roles: %2")
                       .arg(client.clientId, client.authorizationScopes.join(QStringLiteral(", ")));
    node.data = { { QStringLiteral("object"), object } };
    return node;
}

Job *JamfSession::fetchChildren(const TreeNode &parent)
{
    if (parent.kind == QLatin1String("tenant")) {
        auto *job = new Job(this);
        TreeNode roles;
        roles.kind = QStringLiteral("roles");
        roles.id = QStringLiteral("roles");
        roles.label = tr("API Roles");
        roles.folder = roles.hasChildren = true;
        TreeNode clients = roles;
        clients.kind = clients.id = QStringLiteral("clients");
        clients.label = tr("API Clients");
        job->succeedLater(QJsonArray { roles.toJson(), clients.toJson() });
        return job;
    }
    const bool roles = parent.kind == QLatin1String("roles");
    if (!roles && parent.kind != QLatin1String("clients")) {
        auto *job = new Job(this);
        job->succeedLater(QJsonArray());
        return job;
    }
    JamfListOptions options;
    options.sort = { QStringLiteral("displayName:asc") };
    Job *list = roles ? m_client->listRoles(options) : m_client->listClients(options);
    return thenMap(list, [roles](const QJsonValue &items, ApiError *) {
        QJsonArray nodes;
        for (const QJsonValue &item : items.toArray())
            nodes.append((roles ? roleNode(item.toObject()) : clientNode(item.toObject())).toJson());
        return QJsonValue(nodes);
    });
}

Job *JamfSession::fetchNode(const TreeNode &node)
{
    if (node.kind == QLatin1String("role"))
        return thenMap(m_client->getRole(node.id), [](const QJsonValue &role, ApiError *) { return QJsonValue(roleNode(role.toObject()).toJson()); });
    if (node.kind == QLatin1String("client"))
        return thenMap(m_client->getClient(node.id.toInt()),
            [](const QJsonValue &client, ApiError *) { return QJsonValue(clientNode(client.toObject()).toJson()); });
    return nullptr;
}
