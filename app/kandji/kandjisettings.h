#pragma once

#include <QString>
#include <QUrl>

#include <optional>

// The settings of one Kandji / Iru tenant, validated up front (iructl's ApiConfig).
//
// Real tenants: the URL is normalised to https without a trailing slash and must be exactly
// https://<sub>.api.kandji.io, https://<sub>.api.eu.kandji.io or https://<sub>.api.iru.com (no port,
// path, query or user info). A sandbox is reached only through the explicit `localTestServer`
// setting, which accepts http(s)://127.0.0.1, localhost or [::1] with a port, and nothing else: the
// rules for real tenants are never loosened. The token must have a UUID's shape in both cases.
// The token is a secret: it is never part of error messages.
struct KandjiSettings
{
    QUrl url;                     // normalised
    QString token;
    bool localTestServer = false;

    // Validates and normalises; on failure returns nullopt and sets *error to a message naming the problem.
    static std::optional<KandjiSettings> make(const QString &url, const QString &token, bool localTestServer,
                                              QString *error = nullptr);
    // The URL part alone (for forms that validate as the user types).
    static std::optional<QUrl> normalizeUrl(const QString &url, bool localTestServer, QString *error = nullptr);
    static bool isValidToken(const QString &token, QString *error = nullptr);
};
