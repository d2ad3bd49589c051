#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QVariantMap>

#include <optional>

enum class AuthKind {
    None,
    Basic,
    Bearer,
    OAuth2ClientCredentials,
    OAuth2Password,
    OAuth2AuthorizationCode
};

// A tenant: one account on one service. A value type; secrets are never part of it (they live in
// the SecretStore under the tenant's id; secretPurposes lists their names so they can be removed).
struct Tenant
{
    QString id; // stable unique id (a UUID without braces)
    QString displayName;
    // The service family's id ("kinto", "jamf", "kandji", "rest", ...), as registered in
    // ServiceFamilies. A tenant of a family this build does not know is kept as it is.
    QString family;
    QUrl baseUrl;
    AuthKind auth = AuthKind::None;
    QString userName; // Basic user, OAuth2 client id, ...
    // Service-specific, non-secret settings (e.g. "bucket", "tokenUrl", "maxConcurrent").
    QVariantMap options;
    QStringList secretPurposes;

    bool operator==(const Tenant &) const = default;

    // "none", "basic", "bearer", "oauth2-client-credentials", "oauth2-password",
    // "oauth2-authorization-code". These names are stored in the settings file.
    static QString authName(AuthKind kind);
    static std::optional<AuthKind> authFromName(const QString &name);
};

Q_DECLARE_METATYPE(Tenant)
