#include "httpclient.h"

#include "auth/authstrategy.h"
#include "httpbody.h"
#include "json.h"
#include "logging.h"
#include "redaction.h"
#include "requestlog.h"
#include "responsehook.h"
#include "userurl.h"

#include <QCryptographicHash>
#include <QHttpMultiPart>
#include <QSaveFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslError>
#include <QTimer>

HttpClient::HttpClient(QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_holdTimer(new QTimer(this))
{
    m_holdTimer->setSingleShot(true);
    connect(m_holdTimer, &QTimer::timeout, this, &HttpClient::pump);
}

HttpClient::~HttpClient()
{
    // Jobs are children: abort their replies without calling back into a half-destroyed client.
    for (HttpJob *job : findChildren<HttpJob *>(Qt::FindDirectChildrenOnly)) {
        if (job->m_reply) {
            job->m_reply->disconnect(job);
            job->m_reply->abort();
        }
    }
}

void HttpClient::setBaseUrl(const QUrl &url)
{
    m_baseUrl = url;
}

QUrl HttpClient::resolve(const QString &path, const QueryList &query) const
{
    return UserUrl::resolve(m_baseUrl, path, query);
}

bool HttpClient::setMaxConcurrent(int n, QString *error)
{
    if (n < 1) {
        if (error)
            *error = tr("The number of concurrent requests must be at least 1 (got %1).").arg(n);
        return false;
    }
    m_maxConcurrent = n;
    QMetaObject::invokeMethod(this, &HttpClient::pump, Qt::QueuedConnection);
    return true;
}

void HttpClient::setAuth(AuthStrategy *auth)
{
    if (m_auth == auth)
        return;
    delete m_auth;
    m_auth = auth;
    if (m_auth)
        m_auth->setParent(this);
}

void HttpClient::setPinnedCertificate(const QByteArray &sha256Hex)
{
    m_pin = sha256Hex.toLower();
    m_pin.replace(':', QByteArray());
    m_pin = m_pin.trimmed();
}

HttpJob *HttpClient::send(const HttpRequest &request)
{
    auto *job = new HttpJob(this, request);
    job->m_url = resolve(request.path(), request.query());

    if (!job->m_url.isValid() || job->m_url.host().isEmpty()
        || (job->m_url.scheme() != QLatin1String("http") && job->m_url.scheme() != QLatin1String("https"))) {
        const QString shown = job->m_url.isValid() ? Redaction::url(job->m_url) : request.path();
        job->failLater(ApiError(ApiError::Kind::Invalid,
            tr("Malformed URL \"%1\": an http:// or https:// address with a host name is needed.").arg(shown)));
        return job;
    }

    if (m_dryRun) {
        QTimer::singleShot(0, job, [this, job] {
            job->m_response.dryRun = true;
            job->m_response.url = job->m_url;
            job->m_bytesOut = job->m_request.estimatedBodySize();
            qCInfo(lcHttp).noquote() << "dry run:" << job->m_method << Redaction::url(job->m_url);
            finishJob(job, {});
        });
        return job;
    }

    enqueue(job);
    // Start from the event loop: send() never finishes anything synchronously.
    QMetaObject::invokeMethod(this, &HttpClient::pump, Qt::QueuedConnection);
    return job;
}

// The deadline counts from when the request could first be sent: when it leaves the queue, or
// when it reaches the head of the queue while the server holds requests (Backoff). Time spent
// behind other requests of this client does not count, so a long queue never expires its tail.
void HttpClient::armDeadline(HttpJob *job)
{
    if (m_deadlineMs <= 0 || job->m_deadlineTimer)
        return;
    job->m_deadlineTimer = new QTimer(job);
    job->m_deadlineTimer->setSingleShot(true);
    connect(job->m_deadlineTimer, &QTimer::timeout, job, [this, job] {
        job->m_deadlineExpired = true;
        if (job->m_reply)
            job->m_reply->abort(); // reported as a timeout by onReplyFinished
        else if (const qint64 held = QDateTime::currentDateTimeUtc().msecsTo(m_heldUntil); job->m_queued && held > 0)
            finishJob(job, ApiError(ApiError::Kind::Timeout,
                tr("Not sent: the server asked to pause requests (%1) for another %2 s, past this request's deadline of %3 s.")
                    .arg(m_holdReason).arg(held / 1000.0, 0, 'f', 1).arg(m_deadlineMs / 1000.0)));
        else
            finishJob(job, deadlineError());
    });
    job->m_deadlineTimer->start(m_deadlineMs);
}

void HttpClient::enqueue(HttpJob *job, bool front)
{
    job->m_queued = true;
    if (front)
        m_queue.prepend(job);
    else
        m_queue.enqueue(job);
    emitActivity();
}

void HttpClient::pump()
{
    if (m_heldUntil.isValid()) {
        const qint64 wait = QDateTime::currentDateTimeUtc().msecsTo(m_heldUntil);
        if (wait > 0) {
            if (!m_holdTimer->isActive() || m_holdTimer->remainingTime() > wait)
                m_holdTimer->start(int(std::min<qint64>(wait, m_maxServerWaitMs)));
            // The requests that would be sent now but for the hold are waiting on the server.
            int free = m_maxConcurrent - m_inFlight;
            for (const QPointer<HttpJob> &job : std::as_const(m_queue)) {
                if (free <= 0)
                    break;
                if (job && !job->isFinished() && job->m_queued) {
                    armDeadline(job);
                    --free;
                }
            }
            return;
        }
        m_heldUntil = {};
    }
    while (m_inFlight < m_maxConcurrent && !m_queue.isEmpty()) {
        HttpJob *job = m_queue.dequeue();
        if (!job || job->isFinished() || !job->m_queued)
            continue;
        job->m_queued = false;
        job->m_inFlight = true;
        ++m_inFlight;
        armDeadline(job);
        startAttempt(job);
    }
    emitActivity();
}

void HttpClient::startAttempt(HttpJob *job)
{
    if (job->m_request.isAnonymous() || !m_auth || !sameOrigin(job->m_url)) {
        issue(job);
        return;
    }
    m_auth->prepare(job, [this, job](const ApiError &error) {
        if (job->isFinished())
            return;
        if (error)
            finishJob(job, error);
        else
            issue(job);
    });
}

static QByteArray reasonPhraseOf(QNetworkReply *reply)
{
    return reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray();
}

static bool sameOriginAs(const QUrl &a, const QUrl &b)
{
    return a.scheme() == b.scheme() && a.host().compare(b.host(), Qt::CaseInsensitive) == 0
        && a.port(a.scheme() == QLatin1String("https") ? 443 : 80) == b.port(b.scheme() == QLatin1String("https") ? 443 : 80);
}

// The body of the current attempt is sent: the method is still the request's (a 303 turned it
// into a bodiless GET) and the request has one.
static bool sendsBody(const HttpJob *job)
{
    return job->request().bodyKind() != HttpRequest::BodyKind::None && job->currentMethod() == job->request().method();
}

void HttpClient::issue(HttpJob *job)
{
    bool withCredentials = false;
    QNetworkRequest req = buildRequest(job, &withCredentials);
    QNetworkReply *reply = sendWithBody(job, req);
    if (!reply)
        return; // the job failed (an unreadable file part)
    job->m_reply = reply;
    qCDebug(lcHttp).noquote() << job->m_method << Redaction::url(job->m_url)
                              << (withCredentials ? m_auth->describe() : QStringLiteral("anonymous"));
    watchReply(job, reply);
}

// Headers, timeout and credentials of one attempt.
QNetworkRequest HttpClient::buildRequest(HttpJob *job, bool *withCredentials) const
{
    const HttpRequest &request = job->m_request;
    QNetworkRequest req(job->m_url);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    req.setTransferTimeout(transferTimeoutOf(job));
    req.setHeader(QNetworkRequest::UserAgentHeader, QByteArray("TenantDesk/" TENANTDESK_VERSION));
    req.setRawHeader("Accept", "application/json");
    for (const auto &header : std::as_const(m_defaultHeaders))
        req.setRawHeader(header.first, header.second);
    for (const auto &header : request.headers())
        req.setRawHeader(header.first, header.second);
    *withCredentials = !request.isAnonymous() && m_auth && sameOrigin(job->m_url);
    if (*withCredentials)
        m_auth->apply(req);
    else if (!sameOrigin(job->m_url))
        req.setRawHeader("Authorization", QByteArray()); // a caller's own header never leaves the origin
    return req;
}

QNetworkReply *HttpClient::sendWithBody(HttpJob *job, QNetworkRequest &req)
{
    const HttpRequest &request = job->m_request;
    if (sendsBody(job) && request.bodyKind() == HttpRequest::BodyKind::Multipart) {
        ApiError error;
        QHttpMultiPart *multi = HttpBody::multipart(request, &job->m_bytesOut, &error);
        if (!multi) {
            finishJob(job, error);
            return nullptr;
        }
        QNetworkReply *reply = m_nam->sendCustomRequest(req, job->m_method, multi);
        multi->setParent(reply);
        return reply;
    }
    QByteArray bytes;
    if (sendsBody(job)) {
        bytes = HttpBody::encoded(request);
        req.setHeader(QNetworkRequest::ContentTypeHeader, request.contentType());
    }
    job->m_bytesOut = bytes.size();
    if (job->m_method == "GET")
        return m_nam->get(req);
    if (job->m_method == "HEAD")
        return m_nam->head(req);
    return m_nam->sendCustomRequest(req, job->m_method, bytes);
}

void HttpClient::watchReply(HttpJob *job, QNetworkReply *reply)
{
    connect(reply, &QNetworkReply::uploadProgress, job, [job](qint64 sent, qint64 total) {
        if (total > 0)
            job->setProgress(sent, total);
    });
    const bool streamed = !job->m_request.downloadFile().isEmpty();
    connect(reply, &QNetworkReply::downloadProgress, job, [this, job, reply, streamed](qint64 received, qint64 total) {
        job->setProgress(received, total);
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const bool toDisk = streamed && status >= 200 && status < 300;
        if (!toDisk && m_maxResponseBytes > 0 && (received > m_maxResponseBytes || total > m_maxResponseBytes)) {
            reply->setProperty("tenantdesk.tooLarge", std::max(received, total));
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::sslErrors, job, [this, reply](const QList<QSslError> &errors) {
        if (isPinned(reply)) {
            reply->ignoreSslErrors(errors); // the tenant pinned exactly this certificate
            return;
        }
        QStringList reasons;
        for (const QSslError &error : errors)
            reasons << error.errorString();
        reply->setProperty("tenantdesk.tlsErrors", reasons.join(QStringLiteral("; ")));
    });
    if (!m_pin.isEmpty()) {
        // Before any request data leaves: a CA-vouched certificate that is not the pinned one.
        connect(reply, &QNetworkReply::encrypted, job, [this, reply] {
            if (!isPinned(reply))
                refusePeer(reply);
        });
    }
    if (streamed) {
        // Stream a successful body to disk as it arrives; error bodies stay in memory for the message.
        delete job->m_sink;
        job->m_sink = nullptr;
        job->m_sinkHash.reset();
        job->m_sinkBytes = 0;
        connect(reply, &QNetworkReply::readyRead, job, [job, reply] {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status < 200 || status >= 300)
                return;
            if (!HttpBody::writeToSink(job, job->m_sink, job->m_sinkHash, job->m_sinkBytes, reply->readAll(), reply))
                reply->abort();
        });
    }
    connect(reply, &QNetworkReply::finished, job, [this, job, reply] { onReplyFinished(job, reply); });
}

bool HttpClient::isPinned(QNetworkReply *reply) const
{
    const QSslCertificate peer = reply->sslConfiguration().peerCertificate();
    return !m_pin.isEmpty() && !peer.isNull() && peer.digest(QCryptographicHash::Sha256).toHex() == m_pin;
}

void HttpClient::refusePeer(QNetworkReply *reply) const
{
    const QSslCertificate peer = reply->sslConfiguration().peerCertificate();
    reply->setProperty("tenantdesk.pinMismatch",
        peer.isNull() ? QStringLiteral("none") : QString::fromLatin1(peer.digest(QCryptographicHash::Sha256).toHex()));
    reply->abort();
}

static bool isRedirectStatus(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

void HttpClient::onReplyFinished(HttpJob *job, QNetworkReply *reply)
{
    reply->deleteLater();
    if (job->m_reply != reply || job->isFinished())
        return;
    job->m_reply = nullptr;

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray();
    job->m_bytesIn += body.size();
    if (handleTransportError(job, reply, status))
        return;

    HttpResponse &response = job->m_response;
    response.status = status;
    response.url = job->m_url;
    response.headers = reply->rawHeaderPairs();
    response.body = body;
    response.json = QJsonValue();
    for (const auto &hook : m_hooks)
        hook->inspect(this, response);

    if (isRedirectStatus(status) && !response.header("Location").isEmpty()) {
        followRedirect(job);
        return;
    }
    if (status == 401 && replayAfter401(job))
        return;
    if (status >= 400) {
        const ApiError error = ApiError::fromHttp(status, body, reasonPhraseOf(reply));
        if (m_retry.isRetryableStatus(status)) {
            const int retryAfter = RetryPolicy::parseRetryAfter(response.header("Retry-After"));
            retryOrFail(job, error, retryAfter < 0 ? -1 : capServerWait(retryAfter, QStringLiteral("Retry-After")));
            return;
        }
        Json::parse(body, &response.json);
        finishJob(job, error);
        return;
    }
    if (!job->m_request.downloadFile().isEmpty())
        finishDownload(job, body);
    else
        finishBody(job);
}

// Failures below HTTP (and a body cut short): finishes or retries the job and returns true; false
// when the reply is a whole HTTP answer.
bool HttpClient::handleTransportError(HttpJob *job, QNetworkReply *reply, int status)
{
    const QNetworkReply::NetworkError netError = reply->error();
    const QString sinkError = reply->property("tenantdesk.sinkError").toString();
    if (job->m_sink && (!sinkError.isEmpty() || status < 200 || status >= 300 || netError != QNetworkReply::NoError)) {
        delete job->m_sink; // an interrupted download leaves no file
        job->m_sink = nullptr;
    }
    if (!sinkError.isEmpty()) {
        finishJob(job, ApiError(ApiError::Kind::Invalid, tr("Cannot write \"%1\": %2").arg(job->m_request.downloadFile(), sinkError)));
        return true;
    }
    if (const QVariant size = reply->property("tenantdesk.tooLarge"); size.isValid()) {
        finishJob(job, ApiError(ApiError::Kind::Parse,
            tr("The response is larger than the limit of %1 MiB (at least %2 MiB); it was not read.")
                .arg(m_maxResponseBytes / (1024.0 * 1024.0), 0, 'f', 1).arg(size.toLongLong() / (1024.0 * 1024.0), 0, 'f', 1), status));
        return true;
    }
    if (const QString pin = reply->property("tenantdesk.pinMismatch").toString(); !pin.isEmpty()) {
        finishJob(job, ApiError(ApiError::Kind::Tls,
            tr("The server's certificate (SHA-256 %1) is not the pinned one (%2), even though it is otherwise valid; nothing was sent.")
                .arg(pin, QString::fromLatin1(m_pin))));
        return true;
    }
    if (netError == QNetworkReply::NoError && !m_pin.isEmpty() && job->m_url.scheme() == QLatin1String("https") && !isPinned(reply)) {
        refusePeer(reply); // a connection reused from before the pin was set, or from another client
        finishJob(job, ApiError(ApiError::Kind::Tls, tr("The server's certificate is not the pinned one (%1).").arg(QString::fromLatin1(m_pin))));
        return true;
    }
    if (netError == QNetworkReply::NoError)
        return false;
    if (status != 0 && (status < 200 || status >= 300) && netError != QNetworkReply::OperationCanceledError)
        return false; // an HTTP error answer: its status says more than the transport error

    if (netError == QNetworkReply::OperationCanceledError && job->m_deadlineExpired) {
        finishJob(job, deadlineError());
        return true;
    }
    if (netError == QNetworkReply::SslHandshakeFailedError) {
        const QString reasons = reply->property("tenantdesk.tlsErrors").toString();
        finishJob(job, ApiError(ApiError::Kind::Tls, tr("The server's certificate was not accepted: %1")
            .arg(reasons.isEmpty() ? reply->errorString() : reasons)));
        return true;
    }
    ApiError error;
    if (netError == QNetworkReply::OperationCanceledError) // the transfer timeout (cancel() disconnects first)
        error = ApiError(ApiError::Kind::Timeout,
            tr("No data from the server for %1 s (transfer timeout).").arg(transferTimeoutOf(job) / 1000.0));
    else if (status >= 200 && status < 300)
        error = ApiError(ApiError::Kind::Network, tr("The connection broke before the whole answer arrived: %1").arg(reply->errorString()));
    else if (netError == QNetworkReply::RemoteHostClosedError)
        error = ApiError(ApiError::Kind::Network, tr("The server closed the connection without answering."));
    else
        error = ApiError(ApiError::Kind::Network, reply->errorString());
    retryOrFail(job, error, -1);
    return true;
}

bool HttpClient::followRedirect(HttpJob *job)
{
    const int status = job->m_response.status;
    const QUrl target = job->m_url.resolved(QUrl::fromEncoded(job->m_response.header("Location"), QUrl::StrictMode));
    if (!job->m_request.followsRedirects()) {
        finishJob(job, ApiError(ApiError::Kind::Http,
            tr("The server redirected the request to %1; this request is never re-sent elsewhere.").arg(Redaction::url(target)), status));
        return true;
    }
    if (!target.isValid() || (target.scheme() != QLatin1String("http") && target.scheme() != QLatin1String("https")) || target.host().isEmpty()) {
        finishJob(job, ApiError(ApiError::Kind::Http, tr("The server redirected to an address that is not http(s); not followed."), status));
        return true;
    }
    const bool keepsBody = (status == 307 || status == 308) && sendsBody(job);
    if (keepsBody && !sameOriginAs(target, job->m_url)) {
        finishJob(job, ApiError(ApiError::Kind::Http,
            tr("The server redirected a %1 with a body to another server (%2); the body was not sent there.")
                .arg(QString::fromLatin1(job->m_method), Redaction::url(target)), status));
        return true;
    }
    if (++job->m_redirects > 10) {
        finishJob(job, ApiError(ApiError::Kind::Network, tr("Too many redirects."), status));
        return true;
    }
    job->m_url = target;
    if (status == 303 || ((status == 301 || status == 302) && job->m_method == "POST"))
        job->m_method = "GET";
    startAttempt(job);
    return true;
}

bool HttpClient::replayAfter401(HttpJob *job)
{
    if (job->m_replayedAfter401 || job->m_request.isAnonymous() || !m_auth || !sameOrigin(job->m_url) || !m_auth->invalidate())
        return false;
    job->m_replayedAfter401 = true; // one replay with fresh credentials
    startAttempt(job);
    return true;
}

void HttpClient::finishDownload(HttpJob *job, const QByteArray &tail)
{
    HttpResponse &response = job->m_response;
    if (!tail.isEmpty() && !HttpBody::writeToSink(job, job->m_sink, job->m_sinkHash, job->m_sinkBytes, tail, job)) {
        delete job->m_sink;
        job->m_sink = nullptr;
        finishJob(job, ApiError(ApiError::Kind::Invalid, tr("Cannot write \"%1\"").arg(job->m_request.downloadFile())));
        return;
    }
    response.body.clear();
    bool hasLength = false;
    const qint64 length = response.header("Content-Length").toLongLong(&hasLength);
    if (hasLength && length != job->m_sinkBytes && job->m_method != "HEAD") {
        delete job->m_sink; // cut short: no file
        job->m_sink = nullptr;
        retryOrFail(job, ApiError(ApiError::Kind::Network,
            tr("The download was cut short: %1 of %2 bytes arrived.").arg(job->m_sinkBytes).arg(length)), -1);
        return;
    }
    const ApiError error = HttpBody::commitDownload(job, job->m_sink, job->m_sinkHash, job->m_sinkBytes, &response.json);
    job->m_bytesIn += job->m_sinkBytes;
    delete job->m_sink;
    job->m_sink = nullptr;
    finishJob(job, error);
}

void HttpClient::finishBody(HttpJob *job)
{
    HttpResponse &response = job->m_response;
    if (!response.body.isEmpty() && job->m_request.decodesJson()) {
        QString parseError;
        const bool declaredJson = response.header("Content-Type").toLower().contains("json");
        if (!Json::parse(response.body, &response.json, &parseError) && declaredJson) {
            finishJob(job, ApiError(ApiError::Kind::Parse, tr("The server sent invalid JSON (%1).").arg(parseError), response.status));
            return;
        }
    }
    finishJob(job, {});
}

int HttpClient::transferTimeoutOf(const HttpJob *job) const
{
    return job->m_request.transferTimeout() > 0 ? job->m_request.transferTimeout() : m_transferTimeoutMs;
}

ApiError HttpClient::deadlineError() const
{
    return ApiError(ApiError::Kind::Timeout,
        tr("The response took longer than %1 s (request deadline).").arg(m_deadlineMs / 1000.0));
}

int HttpClient::capServerWait(qint64 ms, const QString &reason)
{
    if (ms <= m_maxServerWaitMs)
        return int(std::max<qint64>(0, ms));
    qCWarning(lcHttp).noquote() << "the server asked to wait" << ms / 1000 << QStringLiteral("s (%1); waiting").arg(reason)
                                << m_maxServerWaitMs / 1000.0 << "s, the maximum";
    Q_EMIT serverWaitCapped(reason, ms / 1000, m_maxServerWaitMs / 1000);
    return m_maxServerWaitMs;
}

void HttpClient::holdRequests(qint64 ms, const QString &reason)
{
    if (ms <= 0)
        return;
    const int wait = capServerWait(ms, reason);
    const QDateTime until = QDateTime::currentDateTimeUtc().addMSecs(wait);
    if (!m_heldUntil.isValid() || until > m_heldUntil) {
        m_heldUntil = until;
        m_holdReason = reason;
    }
    qCInfo(lcHttp).noquote() << "holding requests for" << wait / 1000.0 << "s:" << reason;
    Q_EMIT backoffRequested((wait + 999) / 1000);
}

void HttpClient::installResponseHook(std::unique_ptr<ResponseHook> hook)
{
    if (!hook)
        return;
    for (auto &installed : m_hooks) {
        if (installed->name() == hook->name()) {
            installed = std::move(hook);
            return;
        }
    }
    m_hooks.push_back(std::move(hook));
}

void HttpClient::retryOrFail(HttpJob *job, const ApiError &error, int retryAfterMs)
{
    ++job->m_attemptErrors;
    const int retries = job->m_response.retries;
    const int budget = job->m_request.maxRetries() >= 0 ? job->m_request.maxRetries() : m_retry.maxRetries;
    const bool canRetry = job->m_request.isRetryable() && retries < budget && !job->m_deadlineExpired
        && (error.httpStatus() > 0 || m_retry.retryNetworkErrors);
    if (!canRetry) {
        ApiError final = error;
        if (retries > 0)
            final.setMessage(error.message() + tr(" (gave up after %n retries)", nullptr, retries));
        finishJob(job, final);
        return;
    }
    int delay = m_retry.forcedRetryAfterMs >= 0 ? m_retry.forcedRetryAfterMs
        : retryAfterMs >= 0                     ? retryAfterMs
                                                : m_retry.backoffMs(job->m_attemptErrors);
    if (job->m_deadlineTimer && job->m_deadlineTimer->isActive() && delay >= job->m_deadlineTimer->remainingTime()) {
        ApiError final = error;
        final.setMessage(error.message() + tr(" (a retry in %1 s would pass the request deadline)").arg(delay / 1000.0));
        finishJob(job, final);
        return;
    }
    ++job->m_response.retries;
    qCInfo(lcHttp).noquote() << "retry" << job->m_response.retries << "of" << job->m_method
                             << Redaction::url(job->m_url) << "in" << delay << "ms:" << error.toString();
    releaseSlot(job); // a waiting request does not hold a connection slot
    if (!job->m_retryTimer) {
        job->m_retryTimer = new QTimer(job);
        job->m_retryTimer->setSingleShot(true);
        job->m_retryTimer->setTimerType(Qt::PreciseTimer);
        connect(job->m_retryTimer, &QTimer::timeout, job, [this, job] {
            enqueue(job, true);
            pump();
        });
    }
    job->m_retryTimer->start(delay);
}

// The bodies of a finished job for the request log: redacted, cut at MaxBodyBytes.
static void describeBodies(const HttpJob *job, RequestLogEntry *entry)
{
    // Redacting means parsing: a body too large for that is described instead.
    constexpr qsizetype MaxRedactedBytes = 256 * 1024;
    const auto shown = [](const QByteArray &contentType, const QByteArray &body) {
        return body.size() > MaxRedactedBytes
            ? QByteArray("(" + QByteArray::number(body.size()) + " bytes: too large to show)")
            : Redaction::body(contentType, body);
    };
    const auto cut = [entry](QByteArray bytes) {
        if (bytes.size() > RequestLogEntry::MaxBodyBytes) {
            bytes.truncate(RequestLogEntry::MaxBodyBytes);
            entry->bodyTruncated = true;
        }
        return bytes;
    };
    const HttpRequest &request = job->request();
    if (sendsBody(job)) {
        entry->requestBody = request.bodyKind() == HttpRequest::BodyKind::Multipart
            ? QByteArray(QByteArray("(multipart body, ") + QByteArray::number(request.multipartBody().size()) + " parts)")
            : cut(shown(request.contentType(), HttpBody::encoded(request)));
    }
    const HttpResponse &response = job->response();
    entry->responseHeaders = Redaction::headers(response.headers);
    if (!request.downloadFile().isEmpty() && response.status / 100 == 2)
        entry->responseBody = QByteArray("(saved to a file)");
    else
        entry->responseBody = cut(shown(response.header("Content-Type"), response.body));
}

void HttpClient::finishJob(HttpJob *job, const ApiError &error)
{
    if (job->isFinished())
        return;
    if (job->m_deadlineTimer)
        job->m_deadlineTimer->stop();
    if (job->m_retryTimer)
        job->m_retryTimer->stop();
    releaseSlot(job);

    const HttpResponse &response = job->m_response;
    RequestLogEntry entry;
    entry.started = QDateTime::currentDateTime().addMSecs(-job->m_clock.elapsed());
    entry.tenant = m_logLabel;
    entry.method = job->m_method;
    entry.url = Redaction::url(job->m_url);
    entry.status = response.status;
    entry.durationMs = job->m_clock.elapsed();
    entry.bytesIn = job->m_bytesIn;
    entry.bytesOut = job->m_bytesOut;
    entry.retries = response.retries;
    entry.dryRun = response.dryRun;
    entry.error = error.toString();
    if (m_log) {
        // The headers of the last attempt, built again the same way (redacted at once).
        bool withCredentials = false;
        const QNetworkRequest sent = buildRequest(job, &withCredentials);
        for (const QByteArray &name : sent.rawHeaderList())
            entry.requestHeaders.append({name, Redaction::headerValue(name, sent.rawHeader(name))});
        if (sendsBody(job) && job->request().bodyKind() != HttpRequest::BodyKind::Multipart)
            entry.requestHeaders.append({"Content-Type", job->request().contentType()});
        describeBodies(job, &entry);
        m_log->append(entry);
    }
    if (error)
        qCInfo(lcHttp).noquote() << entry.method << entry.url << "failed:" << entry.error;
    else
        qCDebug(lcHttp).noquote() << entry.method << entry.url << "->" << entry.status << entry.durationMs << "ms";

    if (error)
        job->fail(error);
    else
        job->succeed(response.json);
}

void HttpClient::releaseSlot(HttpJob *job)
{
    if (job->m_inFlight) {
        job->m_inFlight = false;
        --m_inFlight;
        QMetaObject::invokeMethod(this, &HttpClient::pump, Qt::QueuedConnection);
    }
    emitActivity();
}

void HttpClient::abandon(HttpJob *job)
{
    job->m_queued = false;
    if (job->m_reply) {
        QNetworkReply *reply = job->m_reply;
        job->m_reply = nullptr;
        reply->disconnect(job);
        reply->abort();
        reply->deleteLater();
    }
    finishJob(job, ApiError(ApiError::Kind::Cancelled, tr("Cancelled")));
}

bool HttpClient::sameOrigin(const QUrl &url) const
{
    return sameOriginAs(url, m_baseUrl);
}

int HttpClient::queued() const
{
    int waiting = 0;
    for (const QPointer<HttpJob> &job : std::as_const(m_queue)) {
        if (job && job->m_queued)
            ++waiting;
    }
    return waiting;
}

void HttpClient::emitActivity()
{
    Q_EMIT activityChanged(m_inFlight, queued());
}
