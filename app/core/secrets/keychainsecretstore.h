#pragma once

#include "secretstore.h"

// The SecretStore over the operating system's keychain (QtKeychain: Secret Service on Linux,
// Keychain on macOS, Credential Manager on Windows). Entries are stored under the given service
// name with the key SecretStore::key(tenantId, purpose). The insecure plain-text fallback is never
// enabled: with no keychain reachable every job fails with ApiError::Kind::Unavailable.
//
// Jobs finish from the event loop; QtKeychain runs them one after another, in the order they were
// created, so a read issued after a write sees the written value.
class KeychainSecretStore : public SecretStore
{
    Q_OBJECT
public:
    explicit KeychainSecretStore(QObject *parent = nullptr);
    // serviceName: the keychain's "service" attribute; tests use their own to stay apart.
    explicit KeychainSecretStore(const QString &serviceName, QObject *parent = nullptr);

    QString serviceName() const { return m_serviceName; }

    Job *read(const QString &tenantId, const QString &purpose) override;
    Job *write(const QString &tenantId, const QString &purpose, const QString &secret) override;
    Job *remove(const QString &tenantId, const QString &purpose) override;

private:
    QString m_serviceName;
};
