#include "tenantconnector.h"

#include "family/servicefamily.h"
#include "tenants/sessionmanager.h"
#include "tenants/tenantregistry.h"
#include "tenanttreemodel.h"

#include <QJsonObject>

TenantConnector::TenantConnector(TenantRegistry *registry, SessionManager *sessions, TenantTreeModel *model,
    QObject *parent)
    : QObject(parent)
    , m_registry(registry)
    , m_sessions(sessions)
    , m_model(model)
{
    connect(m_model, &TenantTreeModel::connectRequested, this, &TenantConnector::connectTenant);
}

void TenantConnector::connectTenant(const QString &tenantId)
{
    if (tenantId.isEmpty() || m_running.value(tenantId))
        return;
    const std::optional<Tenant> tenant = m_registry->tenant(tenantId);
    if (!tenant || !ServiceFamilies::find(tenant->family))
        return; // the tree says why an unsupported tenant cannot be opened
    m_model->setTenantState(tenantId, TenantTreeModel::State::Connecting, tr("Connecting…"));
    Job *open = m_sessions->open(tenantId);
    m_running.insert(tenantId, open);
    connect(open, &Job::finished, this, [this, tenantId, open] {
        if (open->hasError()) {
            finish(tenantId, open);
            return;
        }
        probe(tenantId);
    });
}

void TenantConnector::reconnectTenant(const QString &tenantId)
{
    if (Job *running = m_running.take(tenantId))
        running->cancel();
    m_model->setSession(tenantId, nullptr);
    m_sessions->close(tenantId);
    connectTenant(tenantId);
}

void TenantConnector::probe(const QString &tenantId)
{
    FamilySession *session = m_sessions->session(tenantId);
    Job *job = session ? session->probe() : nullptr;
    if (!job) {
        m_running.remove(tenantId);
        return;
    }
    m_running.insert(tenantId, job);
    connect(job, &Job::finished, this, [this, tenantId, job] { finish(tenantId, job); });
}

void TenantConnector::finish(const QString &tenantId, Job *job)
{
    if (m_running.value(tenantId) != job)
        return; // replaced by a reconnect
    m_running.remove(tenantId);
    if (!m_registry->tenant(tenantId))
        return;
    const ApiError &error = job->error();
    using State = TenantTreeModel::State;
    if (error.isCancelled()) {
        // The session went away meanwhile (its tenant changed): not connected any more.
        m_model->setTenantState(tenantId, State::Unknown);
        m_model->setSession(tenantId, nullptr);
        return;
    }
    if (error) {
        const bool offline = error.kind() == ApiError::Kind::Network || error.kind() == ApiError::Kind::Timeout
            || error.kind() == ApiError::Kind::Tls || error.httpStatus() >= 500;
        m_model->setTenantState(tenantId, offline ? State::Offline : State::AuthFailed, error.toString());
        m_model->setIdentity(tenantId, {});
        m_model->setSession(tenantId, nullptr);
    } else {
        const ServiceIdentity identity = ServiceIdentity::fromJson(job->result().toObject());
        // The same session on every check of an open session, so a re-check keeps the loaded rows.
        m_model->setSession(tenantId, m_sessions->session(tenantId));
        m_model->setIdentity(tenantId, identity);
        if (identity.warnings.isEmpty())
            m_model->setTenantState(tenantId, State::Ok, identity.summary());
        else
            m_model->setTenantState(tenantId, State::Warning,
                                    identity.warnings.join(QLatin1Char(' ')) + QLatin1Char('\n') + identity.summary());
    }
    Q_EMIT checked(tenantId);
}
