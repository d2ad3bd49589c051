#pragma once

#include "tenants/tenant.h"

#include <QHash>
#include <QString>
#include <QUrl>

#include <optional>

// A Jamf Pro tenant's connection settings, checked. Read from a Tenant:
// - baseUrl: the server (normalised by normalizeServerUrl);
// - auth: AuthKind::Basic = a user account (userName; secret SecretPurpose::Password), traded for a
//   bearer token; AuthKind::OAuth2ClientCredentials = an API client (userName is the client id;
//   secret SecretPurpose::ClientSecret);
// - options "maxConcurrent" (default 5, see checkConcurrency).
struct JamfSettings
{
    enum class Mode { UserAccount, ApiClient };

    QUrl serverUrl;
    Mode mode = Mode::ApiClient;
    QString user; // the account's user name, or the API client's id
    int maxConcurrent = 5;

    // Jamf's guidance (and Patcher's default): no more than 5 connections at once.
    static constexpr int RecommendedConcurrency = 5;

    // A server address as a person types it -> "https://host[:port]": a missing scheme and http are
    // turned into https, a trailing slash and any path, query or fragment are dropped. Loopback
    // hosts (localhost, 127.0.0.1, ::1) keep http, for the in-process sandbox. Anything else (another
    // scheme, no host, user info) gives an invalid URL and *error says why.
    static QUrl normalizeServerUrl(const QString &input, QString *error);

    // Patcher's set_concurrency: n < 1 is refused (false, *error); n > 5 is allowed with *warning.
    static bool checkConcurrency(int n, QString *warning, QString *error);

    // The settings of a Jamf tenant, or nullopt with *error (wrong service, bad URL, unsupported
    // auth kind, missing user, bad concurrency). A concurrency warning goes to *warning.
    static std::optional<JamfSettings> fromTenant(const Tenant &tenant, QString *error, QString *warning = nullptr);

    // The secret this mode needs (SecretPurpose::Password or ClientSecret).
    QString secretPurpose() const;
};
