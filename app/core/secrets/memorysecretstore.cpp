#include "memorysecretstore.h"

#include "logging.h"
#include "net/job.h"

Job *MemorySecretStore::read(const QString &tenantId, const QString &purpose)
{
    if (!m_unavailableReason.isEmpty())
        return unavailableJob();
    auto *job = new Job;
    const QString k = key(tenantId, purpose);
    const auto it = m_secrets.constFind(k);
    if (it == m_secrets.cend())
        job->failLater(ApiError(ApiError::Kind::NotFound, tr("No secret stored for %1").arg(k)));
    else
        job->succeedLater(*it);
    qCDebug(lcSecrets) << "read" << k << (it == m_secrets.cend() ? "missing" : "(set)");
    return job;
}

Job *MemorySecretStore::write(const QString &tenantId, const QString &purpose,
                              const QString &secret)
{
    if (!m_unavailableReason.isEmpty())
        return unavailableJob();
    const QString k = key(tenantId, purpose);
    m_secrets.insert(k, secret);
    qCDebug(lcSecrets) << "write" << k << "(set)";
    auto *job = new Job;
    job->succeedLater();
    return job;
}

Job *MemorySecretStore::remove(const QString &tenantId, const QString &purpose)
{
    if (!m_unavailableReason.isEmpty())
        return unavailableJob();
    const QString k = key(tenantId, purpose);
    m_secrets.remove(k);
    qCDebug(lcSecrets) << "remove" << k;
    auto *job = new Job;
    job->succeedLater();
    return job;
}

QStringList MemorySecretStore::keys() const
{
    QStringList result = m_secrets.keys();
    result.sort();
    return result;
}

Job *MemorySecretStore::unavailableJob() const
{
    auto *job = new Job;
    job->failLater(
        ApiError(ApiError::Kind::Unavailable,
                 tr("The system keychain is not available: %1").arg(m_unavailableReason)));
    return job;
}
