#pragma once

#include "httpjob.h"
#include "httprequest.h"
#include "retrypolicy.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QQueue>
#include <QUrl>

class AuthStrategy;
class RequestLog;
class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

// The one HTTP client every service client stands on. One instance per tenant session, over a
// QNetworkAccessManager it is given (not owned, never global), so tests can substitute it.
//
// - At most maxConcurrent() requests in flight; the rest wait in FIFO order.
// - Transfer timeout per attempt (default 60 s) and a whole-request deadline (default 5 min).
// - Retries on a budget (RetryPolicy): listed statuses and network errors, idempotent methods only
//   unless the request is marked repeatable; Retry-After overrides the computed delay.
// - A `Backoff: N` header (Kinto) holds every further request to this server for N seconds.
// - Redirects are followed by the client itself; credentials only go to the base URL's origin.
// - TLS verification is always on; a SHA-256 certificate pin may accept one self-signed certificate.
// - Dry mode answers every request locally (status 0, dryRun) and sends nothing.
// - Every finished request is written, redacted, to the RequestLog if one is set.
class HttpClient : public QObject
{
    Q_OBJECT
public:
    explicit HttpClient(QNetworkAccessManager *nam, QObject *parent = nullptr);
    ~HttpClient() override;

    QNetworkAccessManager *networkAccessManager() const { return m_nam; }

    void setBaseUrl(const QUrl &url);
    QUrl baseUrl() const { return m_baseUrl; }
    // Resolves a request path (relative, or absolute URL) against the base URL.
    QUrl resolve(const QString &path, const QueryList &query = {}) const;

    // Refuses n < 1 (returns false and explains in *error); the current value stays.
    bool setMaxConcurrent(int n, QString *error = nullptr);
    int maxConcurrent() const { return m_maxConcurrent; }

    void setTransferTimeout(int ms) { m_transferTimeoutMs = ms; }
    int transferTimeout() const { return m_transferTimeoutMs; }
    // Whole request, retries and waits included; 0 = none.
    void setDeadline(int ms) { m_deadlineMs = ms; }
    int deadline() const { return m_deadlineMs; }

    void setRetryPolicy(const RetryPolicy &policy) { m_retry = policy; }
    const RetryPolicy &retryPolicy() const { return m_retry; }

    // Takes ownership. nullptr = no authentication.
    void setAuth(AuthStrategy *auth);
    AuthStrategy *auth() const { return m_auth; }

    void setDefaultHeaders(const HeaderList &headers) { m_defaultHeaders = headers; }
    HeaderList defaultHeaders() const { return m_defaultHeaders; }

    void setDryRun(bool dryRun) { m_dryRun = dryRun; }
    bool isDryRun() const { return m_dryRun; }

    // SHA-256 of the DER certificate, hex (colons and case ignored). Empty = no pin.
    void setPinnedCertificate(const QByteArray &sha256Hex);
    QByteArray pinnedCertificate() const { return m_pin; }

    void setRequestLog(RequestLog *log) { m_log = log; }
    RequestLog *requestLog() const { return m_log; }
    void setLogLabel(const QString &label) { m_logLabel = label; }

    // Queues the request. The job finishes asynchronously, always (see job.h).
    HttpJob *send(const HttpRequest &request);

    int inFlight() const { return m_inFlight; }
    int queued() const;
    // Until when a Backoff header holds requests (invalid when not held).
    QDateTime heldUntil() const { return m_heldUntil; }

Q_SIGNALS:
    void activityChanged(int inFlight, int queued);
    // The server asked (Backoff header) to hold requests for `seconds`.
    void backoffRequested(int seconds);

private:
    friend class HttpJob;
    void enqueue(HttpJob *job, bool front = false);
    void pump();
    void startAttempt(HttpJob *job);
    void issue(HttpJob *job);
    void onReplyFinished(HttpJob *job, QNetworkReply *reply);
    void retryOrFail(HttpJob *job, const ApiError &error, int retryAfterMs);
    void finishJob(HttpJob *job, const ApiError &error);
    void releaseSlot(HttpJob *job);
    void abandon(HttpJob *job);
    bool sameOrigin(const QUrl &url) const;
    void emitActivity();

    QNetworkAccessManager *m_nam;
    QUrl m_baseUrl;
    AuthStrategy *m_auth = nullptr;
    RequestLog *m_log = nullptr;
    QString m_logLabel;
    HeaderList m_defaultHeaders;
    RetryPolicy m_retry;
    QByteArray m_pin;
    QQueue<QPointer<HttpJob>> m_queue;
    QDateTime m_heldUntil;
    QTimer *m_holdTimer;
    int m_maxConcurrent = 5;
    int m_inFlight = 0;
    int m_transferTimeoutMs = 60'000;
    int m_deadlineMs = 300'000;
    bool m_dryRun = false;
};
