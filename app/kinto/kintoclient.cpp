#include "kintoclient.h"

#include "auth/authstrategy.h"
#include "net/headervalues.h"
#include "net/httpjob.h"
#include "net/json.h"
#include "net/responsehook.h"

#include <QRegularExpression>
#include <QUuid>

Q_LOGGING_CATEGORY(lcKinto, "tenantdesk.kinto")

namespace {

QUrl normalisedServerUrl(QUrl url)
{
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    if (!path.endsWith(QLatin1String("/v1")))
        path += QLatin1String("/v1");
    url.setPath(path);
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

// kinto-http's create_session: "user:pass", "Bearer xyz" (any Bearer+… type word), "Basic xyz".
AuthStrategy *authFromString(const QString &auth, ApiError *error)
{
    const QString text = auth.trimmed();
    if (text.isEmpty())
        return nullptr;
    static const QRegularExpression token(QStringLiteral("^(Bearer\\S*|Basic)\\s+(\\S.*)$"),
                                          QRegularExpression::CaseInsensitiveOption);
    if (const QRegularExpressionMatch m = token.match(text); m.hasMatch()) {
        // "Basic xyz" is kinto-http's TokenAuth: the header as given, whatever the token holds.
        const bool basic = m.captured(1).compare(QLatin1String("Basic"), Qt::CaseInsensitive) == 0;
        return new BearerAuth(m.captured(2), basic ? QStringLiteral("Basic") : m.captured(1));
    }
    if (text.contains(QLatin1Char(':')))
        return BasicAuth::fromUserPassword(auth);
    *error = ApiError(ApiError::Kind::Invalid,
        KintoClient::tr("Unsupported auth value: use \"user:password\", \"Bearer TOKEN\" or \"Basic TOKEN\"."));
    return nullptr;
}

bool isValidRecordId(const QString &id)
{
    if (id.isEmpty() || id == QLatin1String(".") || id == QLatin1String(".."))
        return false;
    for (const QChar c : id) {
        if (c == QLatin1Char('/') || c.isSpace() || c.category() == QChar::Other_Control)
            return false;
    }
    return true;
}

qint64 lastModifiedOf(const QJsonObject &data)
{
    return data.value(QLatin1String("last_modified")).toVariant().toLongLong();
}

QByteArray quotedTimestamp(qint64 ts)
{
    return '"' + QByteArray::number(ts) + '"';
}

QJsonArray dataArrayOf(const QJsonValue &body)
{
    return body.toObject().value(QLatin1String("data")).toArray();
}

// Kinto's `Backoff: N` header: hold every further request to the server for N seconds (capped by
// the HttpClient's maxServerWait()).
class KintoBackoffHook : public ResponseHook
{
public:
    QByteArray name() const override { return "kinto.backoff"; }
    void inspect(HttpClient *client, const HttpResponse &response) override
    {
        const std::optional<qint64> seconds = HeaderValues::delaySeconds(response.header("Backoff"));
        if (seconds && *seconds > 0)
            client->holdRequests(*seconds * 1000, QStringLiteral("Backoff"));
    }
};

} // namespace

KintoClient::KintoClient(HttpClient *http, const Settings &settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_http(http)
{
    m_settings.serverUrl = normalisedServerUrl(m_settings.serverUrl);
    m_http->setBaseUrl(m_settings.serverUrl);
    m_http->installResponseHook(std::make_unique<KintoBackoffHook>());
}

KintoConnection::KintoConnection(QNetworkAccessManager *nam, const Settings &settings, QObject *parent)
    : OwnedTransport{ std::make_unique<HttpClient>(nam) }
    , KintoClient(http.get(), settings, parent)
{
    applyTransportSettings();
}

KintoClient::~KintoClient() = default;

KintoClient *KintoClient::forSession(HttpClient *session, const QString &bucket)
{
    if (auto *existing = session->findChild<KintoClient *>(QString(), Qt::FindDirectChildrenOnly))
        return existing;
    Settings settings;
    settings.serverUrl = session->baseUrl();
    settings.bucket = bucket.isEmpty() ? QStringLiteral("default") : bucket;
    settings.maxConcurrent = session->maxConcurrent();
    // The session owns the transport; the client borrows it (and is its child).
    return new KintoClient(session, settings, session);
}

void KintoClient::applyTransportSettings()
{
    m_http->setLogLabel(m_settings.serverUrl.host());
    m_http->setAuth(authFromString(m_settings.auth, &m_configError));
    m_http->setDefaultHeaders(m_settings.headers);
    if (m_settings.timeoutMs > 0)
        m_http->setTransferTimeout(m_settings.timeoutMs);
    m_http->setDryRun(m_settings.dryRun);
    QString why;
    if (!m_http->setMaxConcurrent(m_settings.maxConcurrent, &why) && !m_configError)
        m_configError = ApiError(ApiError::Kind::Invalid, why);

    // kinto-http's session retries on 5xx, 409 and 429, waiting Retry-After or its fixed retry_after.
    RetryPolicy retry;
    retry.maxRetries = qMax(0, m_settings.retries);
    retry.statuses = { 409, 429 };
    for (int status = 500; status < 600; ++status)
        retry.statuses.insert(status);
    retry.forcedRetryAfterMs = m_settings.retryAfterMs;
    m_http->setRetryPolicy(retry);
}

KintoClient *KintoClient::clone(const std::function<void(Settings &)> &change, QObject *parent) const
{
    Settings s = m_settings;
    if (change)
        change(s);
    s.serverUrl = normalisedServerUrl(s.serverUrl);
    const Settings &o = m_settings;
    const bool sameTransport = s.serverUrl == o.serverUrl && s.auth == o.auth && s.headers == o.headers
        && s.timeoutMs == o.timeoutMs && s.retries == o.retries && s.retryAfterMs == o.retryAfterMs
        && s.dryRun == o.dryRun && s.maxConcurrent == o.maxConcurrent;
    if (!sameTransport) {
        auto *copy = new KintoConnection(m_http->networkAccessManager(), s, parent);
        copy->httpClient()->setRequestLog(m_http->requestLog()); // a new transport, logged in the same place
        return copy;
    }
    auto *copy = new KintoClient(m_http, s, parent);
    copy->m_configError = m_configError;
    copy->m_serverInfo = m_serverInfo;
    return copy;
}

bool KintoClient::isValidId(const QString &id)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-zA-Z0-9][a-zA-Z0-9_-]*$"));
    return pattern.match(id).hasMatch();
}

QJsonObject KintoClient::existingObject(const ApiError &error)
{
    return error.details().toObject().value(QLatin1String("existing")).toObject();
}

QString KintoClient::endpoint(KintoEndpoint type, const QString &bucket, const QString &collection,
                              const QString &id, ApiError *error) const
{
    ApiError problem;
    auto segment = [&problem](const QString &value, const QString &what, bool record) -> QString {
        if (problem)
            return {};
        if (value.isEmpty()) {
            problem = ApiError(ApiError::Kind::Invalid, tr("The %1 id is missing.").arg(what));
        } else if (record && !isValidRecordId(value)) {
            problem = ApiError(ApiError::Kind::Invalid,
                tr("Invalid record id \"%1\": it must not contain '/', spaces or control characters.").arg(value));
        } else if (!record && !isValidId(value)) {
            problem = ApiError(ApiError::Kind::Invalid,
                tr("Invalid %1 id \"%2\": it must start with a letter or digit and contain only letters, "
                   "digits, '-' and '_'.").arg(what, value));
        }
        return problem ? QString() : QString::fromLatin1(QUrl::toPercentEncoding(value));
    };
    const auto bucketPath = [&]() -> QString { return QStringLiteral("/buckets/") + segment(bucketOr(bucket), QStringLiteral("bucket"), false); };
    const auto collectionPath = [&]() -> QString {
        const QString b = bucketPath();
        return b + QStringLiteral("/collections/") + segment(collectionOr(collection), QStringLiteral("collection"), false);
    };
    const auto recordPath = [&]() -> QString {
        const QString c = collectionPath();
        return c + QStringLiteral("/records/") + segment(id, QStringLiteral("record"), true);
    };

    QString path;
    switch (type) {
    case KintoEndpoint::Root: path = QStringLiteral("/"); break;
    case KintoEndpoint::Batch: path = QStringLiteral("/batch"); break;
    case KintoEndpoint::Permissions: path = QStringLiteral("/permissions"); break;
    case KintoEndpoint::Buckets: path = QStringLiteral("/buckets"); break;
    case KintoEndpoint::Bucket: path = bucketPath(); break;
    case KintoEndpoint::History: path = bucketPath() + QStringLiteral("/history"); break;
    case KintoEndpoint::Groups: path = bucketPath() + QStringLiteral("/groups"); break;
    case KintoEndpoint::Group: {
        const QString b = bucketPath();
        path = b + QStringLiteral("/groups/") + segment(id, QStringLiteral("group"), false);
        break;
    }
    case KintoEndpoint::Collections: path = bucketPath() + QStringLiteral("/collections"); break;
    case KintoEndpoint::Collection: path = collectionPath(); break;
    case KintoEndpoint::Records: path = collectionPath() + QStringLiteral("/records"); break;
    case KintoEndpoint::Record: path = recordPath(); break;
    case KintoEndpoint::Attachment: path = recordPath() + QStringLiteral("/attachment"); break;
    case KintoEndpoint::Changeset: path = collectionPath() + QStringLiteral("/changeset"); break;
    }
    if (problem) {
        if (error)
            *error = problem;
        return {};
    }
    return path;
}

HttpJob *KintoClient::send(const HttpRequest &request)
{
    Q_EMIT sending(request);
    HttpJob *http = m_http->send(request);
    connect(http, &Job::finished, this, [this, http] { noteAlert(http->response()); });
    return http;
}

void KintoClient::noteAlert(const HttpResponse &response)
{
    const QByteArray header = response.header("Alert");
    if (header.isEmpty())
        return;
    QJsonValue value;
    Json::parse(header, &value);
    QJsonObject alert = value.toObject();
    if (alert.isEmpty())
        alert.insert(QLatin1String("message"), QString::fromUtf8(header));
    qCWarning(lcKinto).noquote() << "server alert from" << m_settings.serverUrl.toDisplayString() << ":"
                                 << alert.value(QLatin1String("code")).toString()
                                 << alert.value(QLatin1String("message")).toString()
                                 << alert.value(QLatin1String("url")).toString();
    Q_EMIT this->alert(alert);
}

ApiError KintoClient::checkReady() const
{
    return m_configError;
}

Job *KintoClient::failed(const ApiError &error)
{
    auto *job = new Job(this);
    job->failLater(error);
    return job;
}

void KintoClient::chain(Job *job, const HttpRequest &request, std::function<void(HttpJob *)> done)
{
    HttpJob *http = send(request);
    job->addChild(http);
    connect(http, &Job::finished, job, [http, done = std::move(done)] { done(http); });
}

// --- Server

Job *KintoClient::serverInfo(bool refresh)
{
    if (const ApiError error = checkReady())
        return failed(error);
    auto *job = new Job(this);
    if (!refresh && !m_serverInfo.isEmpty()) {
        job->succeedLater(m_serverInfo);
        return job;
    }
    chain(job, HttpRequest("GET", endpoint(KintoEndpoint::Root)), [this, job](HttpJob *http) {
        if (http->hasError()) {
            job->fail(http->error());
            return;
        }
        if (!http->response().dryRun)
            m_serverInfo = http->result().toObject();
        job->succeed(http->result());
    });
    return job;
}

// --- Generic operations

Job *KintoClient::get(const KintoRef &ref, const QueryList &query)
{
    ApiError error = checkReady();
    const QString path = error ? QString() : endpoint(ref, &error);
    if (error)
        return failed(error);
    HttpRequest request("GET", path);
    for (const auto &item : query)
        request.addQuery(item.first, item.second);
    auto *job = new Job(this);
    relayNamed(job, request, ref, Operation::Read);
    return job;
}

KintoListJob *KintoClient::list(const KintoRef &plural, const KintoListOptions &options, KintoListJob::Mode mode)
{
    ApiError error = checkReady();
    const QString path = error ? QString() : endpoint(plural, &error);
    HttpRequest request("GET", path);
    for (const auto &item : options.query())
        request.addQuery(item.first, item.second);
    if (options.ifNoneMatch > 0)
        request.setHeader("If-None-Match", quotedTimestamp(options.ifNoneMatch));
    const QString dedupKey = plural.type == KintoEndpoint::Permissions ? QStringLiteral("uri") : QStringLiteral("id");
    auto *job = new KintoListJob(this, request, options.maxPages(), mode, dedupKey, this);
    if (error)
        job->failLater(error);
    else
        job->start();
    return job;
}

KintoListJob *KintoClient::listFrom(const QString &nextPage, int maxPages)
{
    const ApiError error = checkReady();
    auto *job = new KintoListJob(this, HttpRequest("GET", nextPage), maxPages, KintoListJob::Mode::Collect,
                                 QStringLiteral("id"), this);
    if (error)
        job->failLater(error);
    else
        job->start();
    return job;
}

KintoRef KintoClient::resolveId(KintoRef ref, const QJsonObject &data, bool generateRecordId) const
{
    const QString dataId = data.value(QLatin1String("id")).toString();
    switch (ref.type) {
    case KintoEndpoint::Bucket:
        if (ref.bucket.isEmpty())
            ref.bucket = dataId;
        break;
    case KintoEndpoint::Collection:
        if (ref.collection.isEmpty())
            ref.collection = dataId;
        break;
    case KintoEndpoint::Group:
    case KintoEndpoint::Record:
        if (ref.id.isEmpty())
            ref.id = dataId;
        if (ref.id.isEmpty() && generateRecordId && ref.type == KintoEndpoint::Record)
            ref.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        break;
    default:
        break;
    }
    return ref;
}

static QJsonObject writeBody(const QJsonObject &data, const KintoWrite &write)
{
    QJsonObject body { { QLatin1String("data"), data } };
    if (write.permissions)
        body.insert(QLatin1String("permissions"), *write.permissions);
    return body;
}

KintoClient::Prepared KintoClient::prepareCreate(const KintoRef &ref, const QJsonObject &data, const KintoWrite &write) const
{
    Prepared p;
    p.error = checkReady();
    const QString path = p.error ? QString() : endpoint(resolveId(ref, data, true), &p.error);
    p.request = HttpRequest("PUT", path);
    p.request.setJsonBody(writeBody(data, write));
    if (write.safe || write.ifNotExists)
        p.request.setHeader("If-None-Match", "*"); // refuse to overwrite an existing object
    return p;
}

KintoClient::Prepared KintoClient::prepareUpdate(const KintoRef &ref, const QJsonObject &data, const KintoWrite &write) const
{
    Prepared p;
    p.error = checkReady();
    const QString path = p.error ? QString() : endpoint(resolveId(ref, data, false), &p.error);
    p.request = HttpRequest("PUT", path);
    p.request.setJsonBody(writeBody(data, write));
    const qint64 ifMatch = write.ifMatch > 0 ? write.ifMatch : lastModifiedOf(data);
    if (write.safe && ifMatch > 0)
        p.request.setHeader("If-Match", quotedTimestamp(ifMatch));
    return p;
}

KintoClient::Prepared KintoClient::preparePatch(const KintoRef &ref, const KintoPatch &patch, const KintoWrite &write) const
{
    Prepared p;
    p.error = checkReady();
    const QString path = p.error ? QString() : endpoint(resolveId(ref, patch.data, false), &p.error);
    p.request = HttpRequest("PATCH", path);
    KintoPatch effective = patch;
    if (write.permissions && patch.type != KintoPatch::Type::Json)
        effective.permissions = write.permissions;
    p.request.setJsonBody(effective.body(), effective.contentType());
    const qint64 ifMatch = write.ifMatch > 0 ? write.ifMatch : lastModifiedOf(patch.data);
    if (write.safe && ifMatch > 0) {
        p.request.setHeader("If-Match", quotedTimestamp(ifMatch));
        // A replay after a lost answer is refused by the server (412) rather than applied twice.
        p.request.setRepeatable(true);
    }
    return p;
}

KintoClient::Prepared KintoClient::prepareRemove(const KintoRef &ref, const KintoWrite &write) const
{
    Prepared p;
    p.error = checkReady();
    const QString path = p.error ? QString() : endpoint(ref, &p.error);
    p.request = HttpRequest("DELETE", path);
    if (write.safe && write.ifMatch > 0)
        p.request.setHeader("If-Match", quotedTimestamp(write.ifMatch));
    return p;
}

Job *KintoClient::create(const KintoRef &ref, const QJsonObject &data, const KintoWrite &write)
{
    const Prepared p = prepareCreate(ref, data, write);
    if (p.error)
        return failed(p.error);
    auto *job = new Job(this);
    const QString path = p.request.path();
    const bool parentMayBeMissing = ref.type != KintoEndpoint::Bucket;
    const KintoRef named = resolveId(ref, data, false);
    chain(job, p.request, [this, job, path, write, parentMayBeMissing, named](HttpJob *http) {
        if (!http->hasError()) {
            job->succeed(http->result());
            return;
        }
        ApiError error = explain(named, Operation::Create, http->error());
        if (write.ifNotExists && error.httpStatus() == 412) {
            // details.existing lacks the permissions: fetch the whole object, as kinto-http does.
            relayNamed(job, HttpRequest("GET", path), named, Operation::Read);
            return;
        }
        if (error.httpStatus() == 403 && parentMayBeMissing) {
            error.setMessage(tr("%1 (check that the parent exists and that you may create or write there)")
                                 .arg(error.message()));
        }
        job->fail(error);
    });
    return job;
}

Job *KintoClient::update(const KintoRef &ref, const QJsonObject &data, const KintoWrite &write)
{
    const Prepared p = prepareUpdate(ref, data, write);
    if (p.error)
        return failed(p.error);
    auto *job = new Job(this);
    relayNamed(job, p.request, resolveId(ref, data, false), Operation::Write);
    return job;
}

Job *KintoClient::patch(const KintoRef &ref, const KintoPatch &patch, const KintoWrite &write)
{
    const Prepared p = preparePatch(ref, patch, write);
    if (p.error)
        return failed(p.error);
    auto *job = new Job(this);
    relayNamed(job, p.request, resolveId(ref, patch.data, false), Operation::Write);
    return job;
}

Job *KintoClient::remove(const KintoRef &ref, const KintoWrite &write)
{
    const Prepared p = prepareRemove(ref, write);
    if (p.error)
        return failed(p.error);
    auto *job = new Job(this);
    const bool bucket = ref.type == KintoEndpoint::Bucket;
    chain(job, p.request, [this, job, write, bucket, ref](HttpJob *http) {
        if (!http->hasError()) {
            job->succeed(http->result());
            return;
        }
        const int status = http->error().httpStatus();
        // Kinto answers 403 rather than 404 on a bucket the user cannot see (kinto-http ignores both).
        if (write.ifExists && (status == 404 || (bucket && status == 403)))
            job->succeed(QJsonValue());
        else
            job->fail(explain(ref, Operation::Delete, http->error()));
    });
    return job;
}

Job *KintoClient::removeAll(const KintoRef &plural, const KintoWrite &write)
{
    const Prepared p = prepareRemove(plural, write);
    if (p.error)
        return failed(p.error);
    auto *job = new Job(this);
    chain(job, p.request, [job](HttpJob *http) {
        if (http->hasError())
            job->fail(http->error());
        else
            job->succeed(dataArrayOf(http->result()));
    });
    return job;
}

// --- Records

KintoListJob *KintoClient::getPaginatedRecords(const QString &bucket, const QString &collection,
                                               KintoListOptions options, KintoListJob::Mode mode)
{
    if (options.pages == 0)
        options.pages = KintoListOptions::AllPages;
    return list(KintoRef::ofRecords(bucket, collection), options, mode);
}

Job *KintoClient::getRecordsTimestamp(const QString &bucket, const QString &collection)
{
    ApiError error = checkReady();
    const QString path = error ? QString() : endpoint(KintoRef::ofRecords(bucket, collection), &error);
    if (error)
        return failed(error);
    auto *job = new Job(this);
    chain(job, HttpRequest("HEAD", path), [job](HttpJob *http) {
        if (http->hasError())
            job->fail(http->error());
        else
            job->succeed(QString::fromLatin1(http->response().header("ETag")).remove(QLatin1Char('"')));
    });
    return job;
}

Job *KintoClient::countRecords(const QString &bucket, const QString &collection, const KintoListOptions &options)
{
    ApiError error = checkReady();
    const QString path = error ? QString() : endpoint(KintoRef::ofRecords(bucket, collection), &error);
    if (error)
        return failed(error);
    HttpRequest request("HEAD", path);
    KintoListOptions filtersOnly = options;
    filtersOnly.limit = 0; // a count is of everything that matches
    for (const auto &item : filtersOnly.query())
        request.addQuery(item.first, item.second);
    auto *job = new Job(this);
    chain(job, request, [job](HttpJob *http) {
        if (http->hasError()) {
            job->fail(http->error());
            return;
        }
        const HttpResponse &response = http->response();
        if (response.dryRun) {
            job->succeed(0);
            return;
        }
        QByteArray total = response.header("Total-Objects");
        if (total.isEmpty())
            total = response.header("Total-Records"); // before Kinto 12, and deprecated since
        if (const std::optional<qint64> count = HeaderValues::count(total))
            job->succeed(double(*count));
        else if (total.isEmpty())
            job->fail(ApiError(ApiError::Kind::Parse, tr("The server sent no Total-Objects header."), response.status));
        else
            job->fail(ApiError(ApiError::Kind::Parse,
                tr("The server sent an impossible count (%1).").arg(QString::fromLatin1(total.left(40))), response.status));
    });
    return job;
}

// --- History and permissions

KintoListJob *KintoClient::getHistory(const QString &bucket, const KintoListOptions &options)
{
    KintoListOptions all = options;
    if (all.pages == 0)
        all.pages = KintoListOptions::AllPages;
    return list({ KintoEndpoint::History, bucket, {}, {} }, all);
}

Job *KintoClient::purgeHistory(const QString &bucket, const KintoListOptions &options)
{
    ApiError error = checkReady();
    const QString path = error ? QString() : endpoint(KintoEndpoint::History, bucket, {}, {}, &error);
    if (error)
        return failed(error);
    HttpRequest request("DELETE", path);
    for (const auto &item : options.query())
        request.addQuery(item.first, item.second);
    auto *job = new Job(this);
    chain(job, request, [job](HttpJob *http) {
        if (http->hasError())
            job->fail(http->error());
        else
            job->succeed(dataArrayOf(http->result()));
    });
    return job;
}

KintoListJob *KintoClient::getPermissions(const QStringList &excludeResourceNames, KintoListOptions options)
{
    if (options.sort.isEmpty())
        options.sort = QStringLiteral("id");
    if (options.pages == 0)
        options.pages = KintoListOptions::AllPages;
    if (!excludeResourceNames.isEmpty())
        options.extra.append({ QStringLiteral("exclude_resource_name"), excludeResourceNames.join(QLatin1Char(',')) });
    return list({ KintoEndpoint::Permissions, {}, {}, {} }, options);
}

// --- Batch

AdaptiveLimit KintoClient::bulkLimit() const
{
    const int cap = m_http->maxConcurrent();
    const int fixed = m_settings.bulkConcurrency;
    return fixed > 0 ? AdaptiveLimit::fixed(std::min(fixed, cap)) : AdaptiveLimit(cap);
}

KintoBatch KintoClient::batch()
{
    return KintoBatch(this);
}
