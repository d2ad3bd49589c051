#pragma once

#include <QString>

class HttpClient;
class QSettings;
class RequestLog;
struct Tenant;

// The user's defaults for every tenant session, kept in QSettings under "preferences/". A tenant's
// own options (Tenant::options "maxConcurrent", "timeoutSeconds") win over them. Values read from
// settings are clamped to the ranges below, so a hand-edited file cannot break a session.
struct Preferences
{
    enum class Theme { System, Light, Dark };

    int maxConcurrent = 5;      // requests in flight per tenant, 1..32
    int timeoutSeconds = 60;    // no data for this long fails an attempt, 5..600
    int deadlineSeconds = 300;  // a whole request with its retries, 0 (none) or 10..3600
    int maxRetries = 4;         // 0..10
    double backoffFactor = 0.9; // seconds, 0..10: waits of factor * 2^(n-1) between retries
    bool retryNetworkErrors = true;
    int requestLogSize = 5000;  // entries kept, 100..100000
    int pageSize = 100;         // rows asked per page by the list pages, 10..1000
    Theme theme = Theme::System;

    static Preferences load(const QSettings &settings);
    void save(QSettings &settings) const;

    // Sets the client's concurrency cap and transfer timeout (unless the tenant sets its own), its
    // deadline and its retry budget (the rest of its retry policy, set by its family, is kept).
    void applyTo(HttpClient *client, const Tenant &tenant) const;
    void applyTo(RequestLog *log) const;

    static QString themeName(Theme theme); // "system", "light", "dark"
    bool operator==(const Preferences &other) const = default;
};
