#pragma once

#include "httpjob.h"
#include "httprequest.h"
#include "retrypolicy.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QQueue>
#include <QUrl>

#include <memory>
#include <vector>

class AuthStrategy;
class ResponseHook;
class RequestLog;
class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;
class QTimer;

// The one HTTP client every service client stands on. One instance per tenant session, over a
// QNetworkAccessManager it is given (not owned, never global), so tests can substitute it.
//
// - At most maxConcurrent() requests in flight; the rest wait in FIFO order.
// - Transfer timeout per attempt (default 60 s: "no data from the server for 60 s") and a
//   whole-request deadline (default 5 min: "the response took longer than 300 s"), counted from
//   when the request is sent (or held by the server), not from when it was queued behind this
//   client's other requests: a long queue finishes however long it takes.
// - Retries on a budget (RetryPolicy): listed statuses and network errors, idempotent methods only
//   unless the request is marked repeatable; Retry-After overrides the computed delay.
// - Waits a server asks for (Retry-After, a hook's holdRequests such as Kinto's Backoff) are capped
//   at maxServerWait() (default 10 min); a capped wait is announced by serverWaitCapped().
// - Service-specific response headers are read by ResponseHooks the service clients install.
// - Redirects are followed by the client itself (at most 10); credentials only go to the base URL's
//   origin. A 307/308 that would re-send a body to another origin fails (Kind::Http) instead, a
//   redirect to anything but http(s) fails, and a request with followsRedirects() off fails on 3xx.
// - A response body larger than maxResponseBytes() (default 256 MiB; streamed downloads excepted)
//   is aborted and fails with Kind::Parse.
// - TLS verification is always on. With a SHA-256 certificate pin set, the server's certificate
//   must be that one: it is accepted even if self-signed, and any other is refused even if a CA
//   vouches for it.
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
    // Whole request from its first sending, retries and server-asked waits included; 0 = none.
    void setDeadline(int ms) { m_deadlineMs = ms; }
    int deadline() const { return m_deadlineMs; }

    // The longest wait a server may impose (Retry-After, Backoff); longer requests are capped.
    static constexpr int DefaultMaxServerWaitMs = 600'000;
    void setMaxServerWait(int ms) { m_maxServerWaitMs = std::max(0, ms); }
    int maxServerWait() const { return m_maxServerWaitMs; }
    // Holds every further request for `ms` (capped at maxServerWait()); for ResponseHooks.
    // `reason` names the header in logs, in serverWaitCapped() and in the error of a request whose
    // deadline passes while it waits ("Not sent: the server asked to pause requests (Backoff)…").
    void holdRequests(qint64 ms, const QString &reason);

    // Bytes of one response body held in memory; 0 = no limit. Default 256 MiB.
    static constexpr qint64 DefaultMaxResponseBytes = 256LL << 20;
    void setMaxResponseBytes(qint64 bytes) { m_maxResponseBytes = std::max<qint64>(0, bytes); }
    qint64 maxResponseBytes() const { return m_maxResponseBytes; }

    // Takes ownership; replaces an installed hook of the same name().
    void installResponseHook(std::unique_ptr<ResponseHook> hook);

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
    // A response hook held requests (e.g. Kinto's Backoff header) for `seconds` (after capping).
    void backoffRequested(int seconds);
    // The server asked for a wait (`reason`: "Retry-After", "Backoff") longer than maxServerWait():
    // requestedSeconds was cut to heldSeconds. For telling the user.
    void serverWaitCapped(const QString &reason, qint64 requestedSeconds, int heldSeconds);

private:
    friend class HttpJob;
    void armDeadline(HttpJob *job);
    void enqueue(HttpJob *job, bool front = false);
    void pump();
    void startAttempt(HttpJob *job);
    void issue(HttpJob *job);
    QNetworkRequest buildRequest(HttpJob *job, bool *withCredentials) const;
    QNetworkReply *sendWithBody(HttpJob *job, QNetworkRequest &request);
    void watchReply(HttpJob *job, QNetworkReply *reply);
    void onReplyFinished(HttpJob *job, QNetworkReply *reply);
    bool handleTransportError(HttpJob *job, QNetworkReply *reply, int status);
    bool followRedirect(HttpJob *job);
    bool replayAfter401(HttpJob *job);
    void finishDownload(HttpJob *job, const QByteArray &tail);
    void finishBody(HttpJob *job);
    int capServerWait(qint64 ms, const QString &reason);
    int transferTimeoutOf(const HttpJob *job) const;
    ApiError deadlineError() const;
    bool isPinned(QNetworkReply *reply) const;
    void refusePeer(QNetworkReply *reply) const;
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
    QString m_holdReason; // the header that asked for the hold (for messages)
    QTimer *m_holdTimer;
    std::vector<std::unique_ptr<ResponseHook>> m_hooks;
    qint64 m_maxResponseBytes = DefaultMaxResponseBytes;
    int m_maxServerWaitMs = DefaultMaxServerWaitMs;
    int m_maxConcurrent = 5;
    int m_inFlight = 0;
    int m_transferTimeoutMs = 60'000;
    int m_deadlineMs = 300'000;
    bool m_dryRun = false;
};
