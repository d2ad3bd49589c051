#include "keychainsecretstore.h"

#include "logging.h"
#include "net/job.h"

#include <qt6keychain/keychain.h>

namespace {

enum class Operation { Read, Write, Remove };

const char *operationName(Operation operation)
{
    switch (operation) {
    case Operation::Read:
        return "read";
    case Operation::Write:
        return "write";
    case Operation::Remove:
        return "remove";
    }
    return "";
}

// Maps a failed keychain job to the one error type. "Not found" is kept apart from "no keychain":
// QtKeychain 0.13 reports an unreachable Secret Service as OtherError, not NoBackendAvailable.
ApiError keychainError(const QKeychain::Job *keychainJob)
{
    if (keychainJob->error() == QKeychain::EntryNotFound) {
        return ApiError(ApiError::Kind::NotFound,
                        KeychainSecretStore::tr("No secret stored for %1").arg(keychainJob->key()));
    }
    return ApiError(ApiError::Kind::Unavailable,
                    KeychainSecretStore::tr("The system keychain is not available: %1")
                        .arg(keychainJob->errorString()));
}

// Runs keychainJob on behalf of job. The keychain job is started from the event loop (QtKeychain
// may report a missing backend synchronously inside start()), deletes itself when done, and
// outlives a cancelled or deleted job harmlessly: its result is then dropped.
void runKeychainJob(QKeychain::Job *keychainJob, Job *job, Operation operation)
{
    keychainJob->setAutoDelete(true);
    keychainJob->setInsecureFallback(false);
    QObject::connect(
        keychainJob, &QKeychain::Job::finished, job, [job, operation](QKeychain::Job *done) {
            const QKeychain::Error error = done->error();
            const bool missingOnRemove
                = operation == Operation::Remove && error == QKeychain::EntryNotFound;
            if (error != QKeychain::NoError && !missingOnRemove) {
                const ApiError apiError = keychainError(done);
                qCDebug(lcSecrets) << operationName(operation) << done->key() << "failed:" << error
                                   << done->errorString();
                job->fail(apiError);
                return;
            }
            qCDebug(lcSecrets) << operationName(operation) << done->key() << "done";
            if (operation == Operation::Read)
                job->succeed(static_cast<QKeychain::ReadPasswordJob *>(done)->textData());
            else
                job->succeed();
        });
    QMetaObject::invokeMethod(keychainJob, &QKeychain::Job::start, Qt::QueuedConnection);
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QObject *parent)
    : KeychainSecretStore(QStringLiteral("TenantDesk"), parent)
{
}

KeychainSecretStore::KeychainSecretStore(const QString &serviceName, QObject *parent)
    : SecretStore(parent)
    , m_serviceName(serviceName)
{
}

Job *KeychainSecretStore::read(const QString &tenantId, const QString &purpose)
{
    auto *job = new Job;
    auto *keychainJob = new QKeychain::ReadPasswordJob(m_serviceName);
    keychainJob->setKey(key(tenantId, purpose));
    runKeychainJob(keychainJob, job, Operation::Read);
    return job;
}

Job *KeychainSecretStore::write(const QString &tenantId, const QString &purpose,
                                const QString &secret)
{
    auto *job = new Job;
    auto *keychainJob = new QKeychain::WritePasswordJob(m_serviceName);
    keychainJob->setKey(key(tenantId, purpose));
    keychainJob->setTextData(secret);
    runKeychainJob(keychainJob, job, Operation::Write);
    return job;
}

Job *KeychainSecretStore::remove(const QString &tenantId, const QString &purpose)
{
    auto *job = new Job;
    auto *keychainJob = new QKeychain::DeletePasswordJob(m_serviceName);
    keychainJob->setKey(key(tenantId, purpose));
    runKeychainJob(keychainJob, job, Operation::Remove);
    return job;
}
