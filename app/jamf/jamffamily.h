#pragma once

#include "family/servicefamily.h"
#include "jamfclient.h"

#include <QPointer>

// Jamf Pro on the service-family seam (family/servicefamily.h).
//
// Authentication is the family's own (createJamfAuth: a user account's bearer token, or an API
// client's OAuth token). Tree: tenant → "API Roles" and "API Clients" folders → one node per role
// (badge: its privilege count) and per client (badge: "disabled", else its token lifetime).
// Node kinds and data: "roles" / "clients" {} (folders), "role" {object}, "client" {object}.
// Identity: JamfClient::probe() ("Jamf Pro <version>").
class JamfFamily : public ServiceFamily
{
public:
    static inline const QString Id = QStringLiteral("jamf");

    QString id() const override { return Id; }
    QString displayName() const override { return QStringLiteral("Jamf Pro"); }
    QString summary() const override;
    QString iconPath() const override { return QStringLiteral(":/tenantdesk/icons/jamf.png"); }
    AuthStrategy *createAuth(const Tenant &tenant, const QHash<QString, QString> &secrets, QNetworkAccessManager *nam,
                             SecretStore *, QString *error) const override;
    FamilySession *createSession(const Tenant &tenant, HttpClient *client, QObject *parent) const override;
};

class JamfSession : public FamilySession
{
    Q_OBJECT
public:
    JamfSession(const Tenant &tenant, HttpClient *client, QObject *parent);

    JamfClient *client() const { return m_client; }

    Job *probe() override;
    Job *fetchChildren(const TreeNode &parent) override;
    Job *fetchNode(const TreeNode &node) override;

    static TreeNode roleNode(const QJsonObject &role);
    static TreeNode clientNode(const QJsonObject &client);

private:
    Tenant m_tenant;
    QPointer<JamfClient> m_client;
};
