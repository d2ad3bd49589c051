#pragma once

#include "secretstore.h"

#include <QHash>
#include <QStringList>

// A SecretStore that keeps secrets in this object's memory only (demo mode, tests). Same contract
// as the keychain store: jobs finish from the event loop, reading a missing entry fails with
// ApiError::Kind::NotFound, removing a missing entry succeeds. Each call takes effect when it is
// made, so calls are ordered as they were issued.
class MemorySecretStore : public SecretStore
{
    Q_OBJECT
public:
    using SecretStore::SecretStore;

    Job *read(const QString &tenantId, const QString &purpose) override;
    Job *write(const QString &tenantId, const QString &purpose, const QString &secret) override;
    Job *remove(const QString &tenantId, const QString &purpose) override;

    // The stored keys (SecretStore::key() form), sorted; never the values.
    QStringList keys() const;

    // For tests of error paths: while reason is not empty every job fails with
    // ApiError::Kind::Unavailable, as the keychain store does with no keychain reachable.
    void setUnavailable(const QString &reason) { m_unavailableReason = reason; }

private:
    Job *unavailableJob() const;

    QHash<QString, QString> m_secrets;
    QString m_unavailableReason;
};
