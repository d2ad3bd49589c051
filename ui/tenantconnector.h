#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>

#include "net/job.h"
class SessionManager;
class TenantRegistry;
class TenantTreeModel;

// Connects a tenant when the user picks or expands it: opens its session (reading secrets from the
// keychain), asks its family's session who we are (FamilySession::probe), and shows the outcome
// in the tree: Connecting, then Ok (with the identity's summary), Warning (connected, but the
// identity is not what the credentials asked for: the warnings say why), AuthFailed (with the
// server's message) or Offline (network errors, timeouts, TLS, 5xx). One check per tenant at a
// time. A tenant that connects gives the tree its FamilySession, so its nodes can be browsed; a
// failed check takes it back. Tenants of families this build does not have are left as they are.
class TenantConnector : public QObject
{
    Q_OBJECT
public:
    // Nothing is owned; all must outlive the connector.
    TenantConnector(TenantRegistry *registry, SessionManager *sessions, TenantTreeModel *model,
        QObject *parent = nullptr);

public Q_SLOTS:
    void connectTenant(const QString &tenantId);
    // Closes the tenant's session (its requests are aborted, its rows go) and connects it again.
    void reconnectTenant(const QString &tenantId);

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
