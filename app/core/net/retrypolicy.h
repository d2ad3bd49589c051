#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QSet>

// When and how long to wait before re-sending a failed request (CRUDs/urllib3 semantics).
struct RetryPolicy
{
    int maxRetries = 4;
    double backoffFactor = 0.9;
    int maxBackoffMs = 120'000;
    QSet<int> statuses { 408, 425, 429, 500, 502, 503, 504 };
    bool retryNetworkErrors = true; // connection refused/reset/dropped and transfer timeouts
    int forcedRetryAfterMs = -1;    // >= 0: always wait this long (kinto-http's retry_after)

    bool isRetryableStatus(int status) const { return statuses.contains(status); }

    // Delay before the next attempt after `consecutiveErrors` failures (1 for the first failure):
    // 0 for the first, then factor * 2^(n-1) s, capped at maxBackoffMs.
    int backoffMs(int consecutiveErrors) const;

    // A Retry-After value (delay-seconds or an HTTP date) in ms from `now`, at most 24 h (the
    // HttpClient caps it further); -1 when absent/unparsable.
    static int parseRetryAfter(const QByteArray &value, const QDateTime &now = QDateTime::currentDateTimeUtc());
};
