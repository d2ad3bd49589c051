#pragma once

#include "family/servicefamily.h"
#include "restclient.h"

#include <QPointer>

// Any JSON REST API on the service-family seam (family/servicefamily.h).
//
// Tree: tenant → one node per resource the tenant describes (RestTenant::resources: named by hand
// or imported from OpenAPI), kind "resource", id its path, data {"resource": RestResource JSON}.
// Identity: RestClient::probe on the tenant's "probePath" option (default: the base URL).
// Authentication: RestTenant::createAuth (API keys; OAuth2 with RAR; a stored refresh token used,
// and a rotated one written back to the keychain) where the generic one does not fit. The client is configured from the tenant's RestSettings (timeout, retries, pin).
class RestFamily : public ServiceFamily
{
public:
    static inline const QString Id = QStringLiteral("rest");
    QString id() const override { return Id; }
    QString displayName() const override { return QStringLiteral("REST API"); }
    QString summary() const override;
    QString iconPath() const override { return QStringLiteral(":/tenantdesk/icons/rest.png"); }

    AuthStrategy *createAuth(const Tenant &tenant, const QHash<QString, QString> &secrets, QNetworkAccessManager *nam,
        SecretStore *store, QString *error) const override;
    // The refresh token of an OAuth2 tenant, once a sign-in stored one.
    QStringList optionalSecrets(const Tenant &tenant) const override;
    void configureClient(const Tenant &tenant, HttpClient *client) const override;
    FamilySession *createSession(const Tenant &tenant, HttpClient *client, QObject *parent) const override;
};

// One open REST tenant: its RestClient over the session's HttpClient and its resources.
class RestSession : public FamilySession
{
    Q_OBJECT
public:
    RestSession(const Tenant &tenant, HttpClient *client, QObject *parent);
    RestClient *client() const { return m_client; }
    const QList<RestResource> &resources() const { return m_resources; }

    Job *probe() override;
    Job *fetchChildren(const TreeNode &parent) override;

    static TreeNode nodeFor(const RestResource &resource);
    // The resource a node of kind "resource" carries; false when it carries none.
    static bool resourceOf(const TreeNode &node, RestResource *resource);
    static bool resourceOf(const QJsonObject &nodeData, RestResource *resource);

private:
    Tenant m_tenant;
    QPointer<RestClient> m_client;
    QList<RestResource> m_resources;
    QString m_configError; // unreadable settings or resources: every job fails with it
};
