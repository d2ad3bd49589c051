#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

// Jamf Pro's API objects as value types, read from and written to the API's JSON. fromJson()
// tolerates missing fields (defaults); nothing asserts on server data.

// An API role (/api/v1/api-roles): its id is a string of digits.
struct JamfRole
{
    QString id;
    QString displayName;
    QStringList privileges;

    static JamfRole fromJson(const QJsonObject &o);
    QJsonObject toJson() const;        // with the id (when set)
    QJsonObject toRequestJson() const; // ApiRoleRequest: displayName and privileges
};

// An API client (/api/v1/api-integrations): its id is a number, its roles are referred to by
// display name (authorizationScopes).
struct JamfApiClient
{
    int id = 0;
    QString displayName;
    QStringList authorizationScopes;
    bool enabled = true;
    int accessTokenLifetimeSeconds = 1800;
    QString clientId;  // set by the server
    QString appType;   // read-only: CLIENT_CREDENTIALS, NATIVE_APP_OAUTH or NONE

    static JamfApiClient fromJson(const QJsonObject &o);
    QJsonObject toJson() const;
    QJsonObject toRequestJson() const; // ApiIntegrationRequest

    // The token lifetimes Jamf Pro's own UI offers (15 minutes … 8 hours): (label, seconds).
    static QList<std::pair<QString, int>> lifetimePresets();
    // "30 minutes", "4 hours", "1 minute", or "90 s" when not whole minutes.
    static QString lifetimeText(int seconds);
    // How the client signs in, for people: "Client id and secret", "No secret yet", …
    static QString appTypeText(const QString &appType);
};

// How to list a paged /api/v1 collection.
struct JamfListOptions
{
    int pageSize = 100;   // page-size (Jamf's default 100)
    QStringList sort;     // e.g. {"displayName:asc"}; empty = the server's default (id:asc)
    QString filter;       // RSQL, e.g. displayName=="Patcher-Role" (see JamfRsql)
    int maxPages = 0;     // 0 = every page
};

namespace JamfRsql {
// A quoted RSQL argument: "value" with " and \ escaped.
QString quote(const QString &value);
// displayName=="<name>" (exact), or with `contains` displayName=="*<name>*".
QString displayNameIs(const QString &name, bool contains = false);
} // namespace JamfRsql
