#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>

#include "net/job.h"
class SessionManager;
class TenantRegistry;
class TenantTreeModel;

// Connects a tenant when the user picks it: opens its session (reading secrets from the keychain),
// asks the server who we are, and shows the outcome as the tenant's state in the tree:
// Connecting, then Ok (with the server's version and user), AuthFailed (with the server's
// message), or Offline (network errors, timeouts, TLS). One check per tenant at a time.
// A Kinto tenant that connects gives the tree its session's KintoClient (with the tenant's
// "bucket" option as default bucket), so its buckets can be browsed; a failed check takes it back.
class TenantConnector : public QObject
{
    Q_OBJECT
public:
    // Nothing is owned; all must outlive the connector.
    TenantConnector(TenantRegistry *registry, SessionManager *sessions, TenantTreeModel *model,
        QObject *parent = nullptr);

public Q_SLOTS:
    void connectTenant(const QString &tenantId);

Q_SIGNALS:
    // Emitted once per connectTenant() call that started a check, when it ends.
    void checked(const QString &tenantId);

private:
    void probe(const QString &tenantId);
    void finish(const QString &tenantId, Job *job);

    TenantRegistry *m_registry;
    SessionManager *m_sessions;
    TenantTreeModel *m_model;
    QHash<QString, QPointer<Job>> m_running;
};
