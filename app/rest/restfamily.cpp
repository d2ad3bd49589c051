#include "restfamily.h"

#include "resttenant.h"
#include "secrets/secretstore.h"

#include <QCoreApplication>
#include <QJsonArray>

QString RestFamily::summary() const
{
    return QCoreApplication::translate("RestFamily", "any JSON REST API: resources named by hand or read from OpenAPI");
}

AuthStrategy *RestFamily::createAuth(const Tenant &tenant, const QHash<QString, QString> &secrets, QNetworkAccessManager *nam,
    SecretStore *store, QString *error) const
{
    return RestTenant::createAuth(tenant, secrets, nam, store, error);
}

QStringList RestFamily::optionalSecrets(const Tenant &tenant) const
{
    switch (tenant.auth) {
    case AuthKind::OAuth2ClientCredentials:
    case AuthKind::OAuth2Password:
    case AuthKind::OAuth2AuthorizationCode:
        return { SecretPurpose::RefreshToken };
    default:
        return {};
    }
}

void RestFamily::configureClient(const Tenant &tenant, HttpClient *client) const
{
    RestSettings settings;
    QString error;
    if (RestTenant::settings(tenant, &settings, &error))
        settings.applyTo(client);
}

FamilySession *RestFamily::createSession(const Tenant &tenant, HttpClient *client, QObject *parent) const
{
    return new RestSession(tenant, client, parent);
}

RestSession::RestSession(const Tenant &tenant, HttpClient *client, QObject *parent)
    : FamilySession(parent)
    , m_tenant(tenant)
{
    RestSettings settings;
    if (!RestTenant::settings(tenant, &settings, &m_configError) || !RestTenant::resources(tenant, &m_resources, &m_configError)) {
        settings = RestSettings();
        settings.baseUrl = tenant.baseUrl;
    }
    m_client = new RestClient(client, settings, this);
}

TreeNode RestSession::nodeFor(const RestResource &resource)
{
    TreeNode node;
    node.kind = QStringLiteral("resource");
    node.id = resource.path;
    node.label = resource.name.isEmpty() ? resource.path : resource.name;
    node.toolTip = resource.path;
    node.data = { { QStringLiteral("resource"), resource.toJson() } };
    return node;
}

bool RestSession::resourceOf(const QJsonObject &nodeData, RestResource *resource)
{
    QString error;
    return nodeData.contains(QLatin1String("resource"))
        && RestResource::fromJson(nodeData.value(QLatin1String("resource")).toObject(), resource, &error);
}

bool RestSession::resourceOf(const TreeNode &node, RestResource *resource)
{
    return node.kind == QLatin1String("resource") && resourceOf(node.data, resource);
}

Job *RestSession::probe()
{
    if (!m_configError.isEmpty() || !m_client) {
        auto *job = new Job(this);
        job->failLater(ApiError(ApiError::Kind::Invalid, m_configError.isEmpty() ? tr("The session is closed.") : m_configError));
        return job;
    }
    return m_client->probe(m_tenant.options.value(QStringLiteral("probePath")).toString());
}

Job *RestSession::fetchChildren(const TreeNode &parent)
{
    auto *job = new Job(this);
    if (!m_configError.isEmpty()) {
        job->failLater(ApiError(ApiError::Kind::Invalid, m_configError));
        return job;
    }
    QJsonArray nodes;
    if (parent.kind == QLatin1String("tenant")) {
        for (const RestResource &resource : std::as_const(m_resources))
            nodes.append(nodeFor(resource).toJson());
    }
    job->succeedLater(nodes); // the resources are part of the tenant: nothing to ask the server
    return job;
}
