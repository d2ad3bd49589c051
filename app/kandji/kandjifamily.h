#pragma once

#include "family/servicefamily.h"
#include "kandjiclient.h"

#include <QPointer>

// The Kandji / Iru family on the service-family seam (family/servicefamily.h).
//
// Tenants: base URL https://<sub>.api.kandji.io (or .api.eu.kandji.io, .api.iru.com), Bearer token
// (the generic Bearer auth), option "localTestServer" (true for a sandbox on this machine; the only
// way a loopback URL is accepted). A tenant whose URL breaks KandjiSettings' rules is refused before
// any request: its probe and listings fail with Kind::Invalid and the token is never sent.
//
// Tree: tenant → folders "Custom Profiles", "Custom Scripts", "Custom Apps" (their items), "Blueprints"
// (blueprints → their assigned library items) and "Self Service Categories". Node kinds and data:
//   "custom-profiles" | "custom-scripts" | "custom-apps" | "blueprints" | "self-service-categories"  {}  (folders)
//   "custom-profile" | "custom-script" | "custom-app"   {object}   badge: platforms / frequency /
//                                                        enforcement, "· Self Service" when shown there
//   "blueprint"      {object}                            badge: classic or map
//   "assigned-item"  {blueprint, id, name}
//   "category"       {object}
// Identity: KandjiClient::probe() (which areas the token may read; a forbidden one is a warning).
class KandjiFamily : public ServiceFamily
{
public:
    static inline const QString Id = QStringLiteral("kandji");

    QString id() const override { return Id; }
    QString displayName() const override { return QStringLiteral("Kandji / Iru"); }
    QString summary() const override;
    QString iconPath() const override { return QStringLiteral(":/tenantdesk/icons/kandji.png"); }
    FamilySession *createSession(const Tenant &tenant, HttpClient *client, QObject *parent) const override;

    // Why the tenant's settings cannot be used (URL rules), or an empty string.
    static QString tenantProblem(const Tenant &tenant);
};

// One open Kandji tenant: its KandjiClient (KandjiClient::forSession) and the tree built from it.
class KandjiSession : public FamilySession
{
    Q_OBJECT
public:
    KandjiSession(const Tenant &tenant, HttpClient *client, QObject *parent);

    KandjiClient *client() const { return m_client; }
    const Tenant &tenant() const { return m_tenant; }

    Job *probe() override;
    Job *fetchChildren(const TreeNode &parent) override;
    Job *fetchNode(const TreeNode &node) override;

    // The node of a listed library item, blueprint or category (kinds above).
    static TreeNode nodeFor(const QString &kind, const QJsonObject &object);

private:
    Job *refused() const;

    Tenant m_tenant;
    QString m_problem;
    QPointer<KandjiClient> m_client;
};
