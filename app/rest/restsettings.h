#pragma once

#include <QByteArray>
#include <QSet>
#include <QString>
#include <QUrl>
#include <QVariantMap>

class HttpClient;

// The settings of one JSON REST tenant, with the CRUDs client's defaults (shared/specs/rest-crud.md):
// timeout 300 s per attempt (connect and read), 4 retries with backoff factor 0.9 (urllib3's
// formula: 0, 1.8, 3.6, 7.2 s, capped at 120 s; Retry-After wins) on 504, 503, 502, 500, 429, 425
// and 408, raise on error statuses except the ignored ones, JSON serialisation on.
// TLS verification is always on; pinnedCertificate (SHA-256 hex) may accept one self-signed
// certificate. Secrets are not part of it (they live in the SecretStore).
struct RestSettings
{
    QUrl baseUrl;
    int timeoutSeconds = 300;
    int retries = 4;
    double backoffFactor = 0.9;
    QSet<int> retryStatuses = defaultRetryStatuses(); // 504, 503, 502, 500, 429, 425, 408
    bool raiseOnError = true;
    QSet<int> ignoredStatuses; // CRUDs' status_ignore: these statuses are answers, not errors
    bool serialize = true;
    QByteArray pinnedCertificate;

    // Sets the transport's timeout, retry policy (every CRUD method may be retried, as CRUDs
    // allows) and certificate pin. The request deadline is lifted: the retry budget bounds a request.
    void applyTo(HttpClient *client) const;

    // Tenant::options keys: "timeoutSeconds", "retries", "backoffFactor", "retryStatuses" (list of
    // ints), "raiseOnError", "ignoredStatuses", "serialize", "pinnedCertificate". Missing keys keep
    // the defaults; a bad value fails with *error set.
    static bool fromOptions(const QUrl &baseUrl, const QVariantMap &options, RestSettings *settings, QString *error);
    QVariantMap toOptions() const;

    static QSet<int> defaultRetryStatuses();
    // "504,503" -> {504, 503}; false on anything that is not a list of HTTP statuses.
    static bool parseStatuses(const QString &text, QSet<int> *statuses);
};
