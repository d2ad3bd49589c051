#pragma once

#include <QObject>
#include <QString>

class Job;

// Asynchronous access to secrets (passwords, tokens, client secrets), keyed by tenant and purpose.
// Keys are "tenantdesk:<tenant-id>:<purpose>". Every call returns a Job (see job.h):
// - read(): the job's result is the secret as a JSON string; a missing entry fails with
//   ApiError::Kind::NotFound; no reachable keychain fails with ApiError::Kind::Unavailable and
//   the backend's own explanation in the message.
// - write()/remove(): the job succeeds with no result; remove() of a missing entry succeeds.
// Implementations never log or persist a secret anywhere else.
class SecretStore : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    virtual Job *read(const QString &tenantId, const QString &purpose) = 0;
    virtual Job *write(const QString &tenantId, const QString &purpose, const QString &secret) = 0;
    virtual Job *remove(const QString &tenantId, const QString &purpose) = 0;

    static QString key(const QString &tenantId, const QString &purpose)
    {
        return QStringLiteral("tenantdesk:%1:%2").arg(tenantId, purpose);
    }
};

// Well-known purposes.
namespace SecretPurpose {
inline const QString Password = QStringLiteral("password");
inline const QString Token = QStringLiteral("token");
inline const QString ClientSecret = QStringLiteral("client-secret");
inline const QString RefreshToken = QStringLiteral("refresh-token");
}
