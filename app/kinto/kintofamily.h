#pragma once

#include "family/servicefamily.h"

#include "kintoclient.h"

#include <QPointer>

// The Kinto family on the service-family seam (family/servicefamily.h).
//
// Tree: tenant → buckets → "Collections" and "Groups" folders → collections (badge: record count,
// from a HEAD after listing) and groups (badge: member count). Node kinds and their data:
//   "bucket"      {bucket, object}
//   "collections" {bucket}           (folder)
//   "groups"      {bucket}           (folder)
//   "collection"  {bucket, collection, object, count}
//   "group"       {bucket, group, object}
// Identity: from the server info (GET /): user.id, its policy prefix, "Kinto <version>", the
// capabilities. A Basic tenant on a server with the accounts plugin that answers as another user
// (Kinto's `basicauth` policy takes any unknown user:password, kinto.md §16) gets a warning; a
// server that answers as anonymous to credentials fails the probe with an Auth error.
class KintoFamily : public ServiceFamily
{
public:
    static inline const QString Id = QStringLiteral("kinto");

    QString id() const override { return Id; }
    QString displayName() const override { return QStringLiteral("Kinto"); }
    QString summary() const override;
    QString iconPath() const override { return QStringLiteral(":/tenantdesk/icons/kinto.png"); }
    FamilySession *createSession(const Tenant &tenant, HttpClient *client, QObject *parent) const override;

    // The identity a Kinto server info answer gives, with warnings against what `tenant` asked for.
    // Sets *error (Auth) when credentials were sent but the server answered as to an anonymous user.
    static ServiceIdentity identityFrom(const QJsonObject &serverInfo, const Tenant &tenant, ApiError *error);
};

// One open Kinto tenant: its KintoClient (KintoClient::forSession, the tenant's "bucket" option as
// the default bucket) and the tree built from it.
class KintoSession : public FamilySession
{
    Q_OBJECT
public:
    KintoSession(const Tenant &tenant, HttpClient *client, QObject *parent);

    KintoClient *client() const { return m_client; }

    Job *probe() override;
    Job *fetchChildren(const TreeNode &parent) override;
    Job *fetchNode(const TreeNode &node) override;
    Job *decorate(const TreeNode &node) override;

    // The node for a Kinto object as listed ("bucket", "collection" or "group").
    static TreeNode nodeFor(const QString &kind, const QString &bucket, const QJsonObject &object);

private:
    Tenant m_tenant;
    QPointer<KintoClient> m_client;
};
