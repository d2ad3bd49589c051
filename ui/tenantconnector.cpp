#include "tenantconnector.h"

#include "kintoclient.h"
#include "net/httpclient.h"
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
}

void TenantConnector::connectTenant(const QString &tenantId)
{
    if (tenantId.isEmpty() || m_running.value(tenantId))
        return;
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

void TenantConnector::probe(const QString &tenantId)
{
    HttpClient *client = m_sessions->client(tenantId);
    const std::optional<Tenant> tenant = m_registry->tenant(tenantId);
    if (!client || !tenant) {
        m_running.remove(tenantId);
        return;
    }
    // Kinto's server info names the authenticated user; other services are checked by reaching
    // their base URL.
    // A check answers quickly: one retry at most, so an unreachable server shows as offline soon.
    HttpJob *job = client->send(HttpRequest("GET", QStringLiteral("/")).setMaxRetries(1));
    m_running.insert(tenantId, job);
    connect(job, &Job::finished, this, [this, tenantId, job] { finish(tenantId, job); });
}

void TenantConnector::finish(const QString &tenantId, Job *job)
{
    m_running.remove(tenantId);
    const std::optional<Tenant> tenant = m_registry->tenant(tenantId);
    if (!tenant)
        return;
    const ApiError &error = job->error();
    using State = TenantTreeModel::State;
    if (error) {
        const bool offline = error.kind() == ApiError::Kind::Network || error.kind() == ApiError::Kind::Timeout
            || error.kind() == ApiError::Kind::Tls || error.httpStatus() >= 500;
        const State state = error.isUnauthorized() || error.isForbidden() ? State::AuthFailed
            : offline                                                     ? State::Offline
                                                                          : State::AuthFailed;
        m_model->setTenantState(tenantId, state, error.toString());
        if (tenant->service == ServiceKind::Kinto)
            m_model->setKintoClient(tenantId, nullptr);
    } else if (tenant->service == ServiceKind::Kinto) {
        const QJsonObject info = job->result().toObject();
        const QString user = info.value(QLatin1String("user")).toObject().value(QLatin1String("id")).toString();
        const QString version = info.value(QLatin1String("project_version")).toString();
        if (tenant->auth != AuthKind::None && user.isEmpty()) {
            // Kinto treats unknown credentials as anonymous: the answer is 200, without a user.
            m_model->setTenantState(tenantId, State::AuthFailed,
                tr("The server did not accept the credentials of \"%1\" (it answered as to an anonymous user).")
                    .arg(tenant->userName));
            m_model->setKintoClient(tenantId, nullptr);
        } else {
            m_model->setTenantState(tenantId, State::Ok,
                tr("Kinto %1, HTTP API %2, signed in as %3")
                    .arg(version, info.value(QLatin1String("http_api_version")).toString(),
                        user.isEmpty() ? tr("anonymous") : user));
            // The tree lists the tenant's buckets through the session's Kinto client (the same
            // client on every check of an open session, so a re-check keeps the loaded rows).
            if (HttpClient *http = m_sessions->client(tenantId)) {
                const QString bucket = tenant->options.value(QStringLiteral("bucket")).toString();
                m_model->setKintoClient(tenantId, KintoClient::forSession(http, bucket));
            }
        }
    } else {
        m_model->setTenantState(tenantId, State::Ok, tr("Reachable"));
    }
    Q_EMIT checked(tenantId);
}
