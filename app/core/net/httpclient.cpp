#include "httpclient.h"

#include "auth/authstrategy.h"
#include "json.h"
#include "logging.h"
#include "redaction.h"
#include "requestlog.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QHttpMultiPart>
#include <QJsonObject>
#include <QMimeDatabase>
#include <QSaveFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslError>
#include <QTimer>
#include <QUrlQuery>

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
    QUrl url;
    if (path.startsWith(QLatin1String("http://")) || path.startsWith(QLatin1String("https://"))) {
        url = QUrl(path, QUrl::StrictMode);
    } else {
        url = m_baseUrl;
        QString basePath = url.path(QUrl::FullyEncoded);
        while (basePath.endsWith(QLatin1Char('/')))
            basePath.chop(1);
        QString rest = path;
        const int q = rest.indexOf(QLatin1Char('?'));
        QString inlineQuery;
        if (q >= 0) {
            inlineQuery = rest.mid(q + 1);
            rest.truncate(q);
        }
        if (!rest.isEmpty() && !rest.startsWith(QLatin1Char('/')))
            rest.prepend(QLatin1Char('/'));
        url.setPath(basePath + rest, QUrl::TolerantMode);
        url.setQuery(inlineQuery.isEmpty() ? QString() : inlineQuery, QUrl::TolerantMode);
    }
    if (!query.isEmpty()) {
        QString encoded = url.query(QUrl::FullyEncoded);
        for (const auto &item : query) {
            if (!encoded.isEmpty())
                encoded += QLatin1Char('&');
            encoded += QString::fromLatin1(QUrl::toPercentEncoding(item.first)) + QLatin1Char('=')
                + QString::fromLatin1(QUrl::toPercentEncoding(item.second));
        }
        url.setQuery(encoded, QUrl::StrictMode);
    }
    return url;
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

    if (m_deadlineMs > 0) {
        job->m_deadlineTimer = new QTimer(job);
        job->m_deadlineTimer->setSingleShot(true);
        connect(job->m_deadlineTimer, &QTimer::timeout, job, [this, job] {
            job->m_deadlineExpired = true;
            if (job->m_reply)
                job->m_reply->abort(); // reported as a timeout by onReplyFinished
            else
                finishJob(job, ApiError(ApiError::Kind::Timeout,
                    tr("No answer within the request deadline of %1 s.").arg(m_deadlineMs / 1000.0)));
        });
        job->m_deadlineTimer->start(m_deadlineMs);
    }

    enqueue(job);
    // Start from the event loop: send() never finishes anything synchronously.
    QMetaObject::invokeMethod(this, &HttpClient::pump, Qt::QueuedConnection);
    return job;
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
                m_holdTimer->start(int(wait));
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

void HttpClient::issue(HttpJob *job)
{
    const HttpRequest &request = job->m_request;
    QNetworkRequest req(job->m_url);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    req.setTransferTimeout(request.transferTimeout() > 0 ? request.transferTimeout() : m_transferTimeoutMs);
    req.setHeader(QNetworkRequest::UserAgentHeader, QByteArray("TenantDesk/" TENANTDESK_VERSION));
    req.setRawHeader("Accept", "application/json");
    for (const auto &header : std::as_const(m_defaultHeaders))
        req.setRawHeader(header.first, header.second);
    for (const auto &header : request.headers())
        req.setRawHeader(header.first, header.second);
    const bool withCredentials = !request.isAnonymous() && m_auth && sameOrigin(job->m_url);
    if (withCredentials)
        m_auth->apply(req);
    else if (!sameOrigin(job->m_url))
        req.setRawHeader("Authorization", QByteArray()); // a caller's own header never leaves the origin

    const bool hasBody = job->m_method == request.method(); // a 303 turned it into a bodiless GET
    QNetworkReply *reply = nullptr;
    QByteArray bytes;
    switch (hasBody ? request.bodyKind() : HttpRequest::BodyKind::None) {
    case HttpRequest::BodyKind::None:
        break;
    case HttpRequest::BodyKind::Json:
        bytes = Json::toBytes(request.jsonBody());
        break;
    case HttpRequest::BodyKind::Form: {
        QByteArrayList pairs;
        for (const auto &field : request.formBody())
            pairs << QUrl::toPercentEncoding(field.first) + '=' + QUrl::toPercentEncoding(field.second);
        bytes = pairs.join('&');
        break;
    }
    case HttpRequest::BodyKind::Raw:
        bytes = request.rawBody();
        break;
    case HttpRequest::BodyKind::Multipart: {
        auto *multi = new QHttpMultiPart(QHttpMultiPart::FormDataType);
        qint64 total = 0;
        for (const MultipartPart &part : request.multipartBody()) {
            QHttpPart httpPart;
            QByteArray disposition = "form-data; name=\"" + part.name + '"';
            QString fileName = part.fileName;
            if (fileName.isEmpty() && !part.filePath.isEmpty())
                fileName = QFileInfo(part.filePath).fileName();
            if (!fileName.isEmpty())
                disposition += "; filename=\"" + fileName.toUtf8().replace('"', "%22") + '"';
            httpPart.setHeader(QNetworkRequest::ContentDispositionHeader, disposition);
            QByteArray type = part.contentType;
            if (type.isEmpty() && !part.filePath.isEmpty())
                type = "application/octet-stream";
            if (!type.isEmpty())
                httpPart.setHeader(QNetworkRequest::ContentTypeHeader, type);
            if (part.filePath.isEmpty()) {
                httpPart.setBody(part.data);
                total += part.data.size();
            } else {
                auto *file = new QFile(part.filePath, multi);
                if (!file->open(QIODevice::ReadOnly)) {
                    const QString why = file->errorString();
                    delete multi;
                    finishJob(job, ApiError(ApiError::Kind::Invalid,
                        tr("Cannot read \"%1\": %2").arg(part.filePath, why)));
                    return;
                }
                httpPart.setBodyDevice(file); // streamed from disk in chunks
                total += file->size();
            }
            multi->append(httpPart);
        }
        job->m_bytesOut = total;
        reply = m_nam->sendCustomRequest(req, job->m_method, multi);
        multi->setParent(reply);
        break;
    }
    }
    if (!reply) {
        if (hasBody && request.bodyKind() != HttpRequest::BodyKind::None)
            req.setHeader(QNetworkRequest::ContentTypeHeader, request.contentType());
        job->m_bytesOut = bytes.size();
        if (job->m_method == "GET")
            reply = m_nam->get(req);
        else if (job->m_method == "HEAD")
            reply = m_nam->head(req);
        else
            reply = m_nam->sendCustomRequest(req, job->m_method, bytes);
    }

    job->m_reply = reply;
    qCDebug(lcHttp).noquote() << job->m_method << Redaction::url(job->m_url)
                              << (withCredentials ? m_auth->describe() : QStringLiteral("anonymous"));

    connect(reply, &QNetworkReply::uploadProgress, job, [job](qint64 sent, qint64 total) {
        if (total > 0)
            job->setProgress(sent, total);
    });
    connect(reply, &QNetworkReply::downloadProgress, job, [job](qint64 received, qint64 total) {
        job->setProgress(received, total);
    });
    connect(reply, &QNetworkReply::sslErrors, job, [this, reply](const QList<QSslError> &errors) {
        const QSslCertificate peer = reply->sslConfiguration().peerCertificate();
        if (!m_pin.isEmpty() && !peer.isNull() && peer.digest(QCryptographicHash::Sha256).toHex() == m_pin) {
            reply->ignoreSslErrors(errors); // the tenant pinned exactly this certificate
            return;
        }
        QStringList reasons;
        for (const QSslError &error : errors)
            reasons << error.errorString();
        reply->setProperty("tenantdesk.tlsErrors", reasons.join(QStringLiteral("; ")));
    });
    if (!request.downloadFile().isEmpty()) {
        // Stream a successful body to disk as it arrives; error bodies stay in memory for the message.
        delete job->m_sink;
        job->m_sink = nullptr;
        job->m_sinkHash.reset();
        job->m_sinkBytes = 0;
        connect(reply, &QNetworkReply::readyRead, job, [job, reply] {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status < 200 || status >= 300)
                return;
            if (!job->m_sink) {
                job->m_sink = new QSaveFile(job->m_request.downloadFile(), job);
                if (!job->m_sink->open(QIODevice::WriteOnly)) {
                    reply->setProperty("tenantdesk.sinkError", job->m_sink->errorString());
                    reply->abort();
                    return;
                }
            }
            const QByteArray chunk = reply->readAll();
            job->m_sinkHash.addData(chunk);
            job->m_sinkBytes += chunk.size();
            if (job->m_sink->write(chunk) != chunk.size()) {
                reply->setProperty("tenantdesk.sinkError", job->m_sink->errorString());
                reply->abort();
            }
        });
    }
    connect(reply, &QNetworkReply::finished, job, [this, job, reply] { onReplyFinished(job, reply); });
}

// Completes a streamed download: the file is renamed into place only when whole and, if asked, when
// its SHA-256 matches.
static ApiError commitDownload(HttpJob *job, QSaveFile *sink, const QCryptographicHash &hash, qint64 size, QJsonValue *result)
{
    const HttpRequest &request = job->request();
    const QByteArray sha256 = hash.result().toHex();
    if (!request.expectedSha256().isEmpty() && sha256 != request.expectedSha256()) {
        if (sink)
            sink->cancelWriting();
        return ApiError(ApiError::Kind::Parse,
            HttpClient::tr("The download's integrity check failed: SHA-256 %1, expected %2; the file was not kept.")
                .arg(QString::fromLatin1(sha256), QString::fromLatin1(request.expectedSha256())));
    }
    if (!sink) { // an empty body: no data ever arrived
        QSaveFile empty(request.downloadFile());
        if (!empty.open(QIODevice::WriteOnly) || !empty.commit())
            return ApiError(ApiError::Kind::Invalid, HttpClient::tr("Cannot write \"%1\": %2").arg(request.downloadFile(), empty.errorString()));
    } else if (!sink->commit()) {
        return ApiError(ApiError::Kind::Invalid, HttpClient::tr("Cannot write \"%1\": %2").arg(request.downloadFile(), sink->errorString()));
    }
    *result = QJsonObject { { QStringLiteral("path"), request.downloadFile() }, { QStringLiteral("size"), double(size) },
        { QStringLiteral("sha256"), QString::fromLatin1(sha256) } };
    return {};
}

void HttpClient::onReplyFinished(HttpJob *job, QNetworkReply *reply)
{
    reply->deleteLater();
    if (job->m_reply != reply || job->isFinished())
        return;
    job->m_reply = nullptr;

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError netError = reply->error();
    const QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray();
    job->m_bytesIn += body.size();

    if (const QString sinkError = reply->property("tenantdesk.sinkError").toString(); !sinkError.isEmpty()) {
        delete job->m_sink;
        job->m_sink = nullptr;
        finishJob(job, ApiError(ApiError::Kind::Invalid, tr("Cannot write \"%1\": %2").arg(job->m_request.downloadFile(), sinkError)));
        return;
    }
    if (job->m_sink && (status < 200 || status >= 300 || netError != QNetworkReply::NoError)) {
        delete job->m_sink; // an interrupted download leaves no file
        job->m_sink = nullptr;
    }

    if (status == 0) {
        ApiError error;
        if (netError == QNetworkReply::OperationCanceledError && job->m_deadlineExpired) {
            error = ApiError(ApiError::Kind::Timeout,
                tr("No answer within the request deadline of %1 s.").arg(m_deadlineMs / 1000.0));
            finishJob(job, error);
            return;
        }
        if (netError == QNetworkReply::OperationCanceledError) {
            const int timeout = job->m_request.transferTimeout() > 0 ? job->m_request.transferTimeout() : m_transferTimeoutMs;
            error = ApiError(ApiError::Kind::Timeout, tr("The server sent nothing for %1 s (transfer timeout).").arg(timeout / 1000.0));
        } else if (netError == QNetworkReply::SslHandshakeFailedError) {
            const QString reasons = reply->property("tenantdesk.tlsErrors").toString();
            error = ApiError(ApiError::Kind::Tls, tr("The server's certificate was not accepted: %1")
                .arg(reasons.isEmpty() ? reply->errorString() : reasons));
            finishJob(job, error);
            return;
        } else {
            error = ApiError(ApiError::Kind::Network, reply->errorString());
        }
        retryOrFail(job, error, -1);
        return;
    }

    if (netError != QNetworkReply::NoError && status >= 200 && status < 300) {
        // The headers said success but the body was cut short.
        retryOrFail(job, ApiError(ApiError::Kind::Network, reply->errorString()), -1);
        return;
    }

    HttpResponse &response = job->m_response;
    response.status = status;
    response.url = job->m_url;
    response.headers = reply->rawHeaderPairs();
    response.body = body;
    response.json = QJsonValue();

    if (const QByteArray backoff = response.header("Backoff"); !backoff.isEmpty()) {
        bool ok = false;
        const int seconds = backoff.trimmed().toInt(&ok);
        if (ok && seconds > 0) {
            m_heldUntil = QDateTime::currentDateTimeUtc().addSecs(seconds);
            qCInfo(lcHttp) << "server asked to back off for" << seconds << "s";
            Q_EMIT backoffRequested(seconds);
        }
    }

    // Redirects: followed here, so credentials only ever go to the base URL's origin.
    if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
        const QByteArray location = response.header("Location");
        if (!location.isEmpty()) {
            if (++job->m_redirects > 10) {
                finishJob(job, ApiError(ApiError::Kind::Network, tr("Too many redirects."), status));
                return;
            }
            job->m_url = job->m_url.resolved(QUrl::fromEncoded(location));
            if (status == 303 || ((status == 301 || status == 302) && job->m_method == "POST"))
                job->m_method = "GET";
            startAttempt(job);
            return;
        }
    }

    if (status == 401 && !job->m_replayedAfter401 && !job->m_request.isAnonymous() && m_auth
        && sameOrigin(job->m_url) && m_auth->invalidate()) {
        job->m_replayedAfter401 = true; // one replay with fresh credentials
        startAttempt(job);
        return;
    }

    if (status >= 400) {
        const ApiError error = ApiError::fromHttp(status, body, reasonPhraseOf(reply));
        if (m_retry.isRetryableStatus(status)) {
            retryOrFail(job, error, RetryPolicy::parseRetryAfter(response.header("Retry-After")));
            return;
        }
        Json::parse(body, &response.json);
        finishJob(job, error);
        return;
    }

    if (!job->m_request.downloadFile().isEmpty()) {
        if (!body.isEmpty()) { // the tail that arrived with finished()
            if (!job->m_sink) {
                job->m_sink = new QSaveFile(job->m_request.downloadFile(), job);
                job->m_sink->open(QIODevice::WriteOnly);
            }
            job->m_sinkHash.addData(body);
            job->m_sinkBytes += body.size();
            job->m_sink->write(body);
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
        const ApiError error = commitDownload(job, job->m_sink, job->m_sinkHash, job->m_sinkBytes, &response.json);
        job->m_bytesIn += job->m_sinkBytes;
        delete job->m_sink;
        job->m_sink = nullptr;
        finishJob(job, error);
        return;
    }

    const QByteArray contentType = response.header("Content-Type").toLower();
    if (!body.isEmpty()) {
        QString parseError;
        const bool declaredJson = contentType.contains("json");
        if (!Json::parse(body, &response.json, &parseError) && declaredJson) {
            finishJob(job, ApiError(ApiError::Kind::Parse,
                tr("The server sent invalid JSON (%1).").arg(parseError), status));
            return;
        }
    }
    finishJob(job, {});
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
    if (m_log)
        m_log->append(entry);
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
    return url.scheme() == m_baseUrl.scheme() && url.host().compare(m_baseUrl.host(), Qt::CaseInsensitive) == 0
        && url.port(url.scheme() == QLatin1String("https") ? 443 : 80)
        == m_baseUrl.port(m_baseUrl.scheme() == QLatin1String("https") ? 443 : 80);
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
