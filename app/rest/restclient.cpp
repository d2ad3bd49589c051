#include "restclient.h"

#include "auth/authstrategy.h"
#include "net/json.h"

#include <QJsonArray>
#include <QJsonObject>

Q_LOGGING_CATEGORY(lcRest, "tenantdesk.rest")

RestClient::RestClient(HttpClient *http, const RestSettings &settings, QObject *parent)
    : QObject(parent)
    , m_http(http)
    , m_settings(settings)
{
    if (m_settings.baseUrl.isEmpty())
        m_settings.baseUrl = http->baseUrl();
    m_settings.applyTo(http);
}

RestJob *RestClient::create(const QString &uri, const RestBody &data, const QueryList &params, const QList<MultipartPart> &files)
{
    return send("POST", uri, data, params, files);
}

RestJob *RestClient::read(const QString &uri, const QueryList &params)
{
    return send("GET", uri, {}, params, {});
}

RestJob *RestClient::update(const QString &uri, const RestBody &data, const QueryList &params, bool replace,
    const QList<MultipartPart> &files)
{
    return send(replace ? "PUT" : "PATCH", uri, data, params, files);
}

RestJob *RestClient::remove(const QString &uri, const QueryList &params)
{
    return send("DELETE", uri, {}, params, {});
}

RestJob *RestClient::send(const QByteArray &method, const QString &uri, const RestBody &data, const QueryList &params,
    const QList<MultipartPart> &files)
{
    auto *job = new RestJob(this);
    if (!m_http) {
        job->failLater(ApiError(ApiError::Kind::Invalid, tr("The tenant's session is closed.")));
        return job;
    }
    HttpRequest request(method, uri);
    for (const auto &param : params)
        request.addQuery(param.first, param.second);
    request.setRepeatable(true);
    if (!files.isEmpty()) {
        request.setMultipartBody(files);
    } else if (data.isBytes) {
        request.setRawBody(data.bytes, data.contentType.isEmpty() ? QByteArray("application/octet-stream") : data.contentType);
    } else if (!data.isEmpty()) {
        if (m_settings.serialize) {
            request.setJsonBody(data.json);
        } else if (data.json.isString()) {
            request.setRawBody(data.json.toString().toUtf8(), "text/plain; charset=utf-8");
        } else {
            job->failLater(ApiError(ApiError::Kind::Invalid,
                tr("JSON serialisation is off for this tenant: give the body as text or bytes.")));
            return job;
        }
    }
    HttpJob *http = m_http->send(request);
    job->addChild(http);
    connect(http, &Job::finished, job, [this, job, http] { finish(job, http); });
    return job;
}

void RestClient::finish(RestJob *job, HttpJob *http)
{
    job->m_response = http->response();
    QJsonValue json;
    // JSON even when the content type says otherwise (CRUDs); else the bytes stay in body().
    job->m_json = !job->m_response.body.isEmpty() && Json::parse(job->m_response.body, &json);
    job->m_response.json = json;
    if (http->hasError()) {
        const int status = http->error().httpStatus();
        const bool answer = status > 0 && (!m_settings.raiseOnError || m_settings.ignoredStatuses.contains(status));
        if (!answer) {
            job->fail(http->error());
            return;
        }
    }
    job->succeed(json);
}

Job *RestClient::listPage(const RestResource &resource, const QString &cursor, const QueryList &filters)
{
    auto *job = new Job(this);
    if (!m_http) {
        job->failLater(ApiError(ApiError::Kind::Invalid, tr("The tenant's session is closed.")));
        return job;
    }
    HttpRequest request = resource.pageRequest(cursor);
    if (cursor.isEmpty() || (resource.paging.kind != RestPaging::Kind::NextLink && resource.paging.kind != RestPaging::Kind::LinkHeader)) {
        for (const auto &filter : filters)
            request.addQuery(filter.first, filter.second);
    }
    HttpJob *http = m_http->send(request);
    job->addChild(http);
    const QUrl base = m_http->baseUrl();
    connect(http, &Job::finished, job, [job, http, resource, cursor, base] {
        if (http->hasError()) {
            job->fail(http->error());
            return;
        }
        HttpResponse response = http->response();
        if (response.json.isUndefined() || response.json.isNull())
            Json::parse(response.body, &response.json);
        QJsonArray items;
        QString why;
        if (!resource.itemsOf(response.json, &items, &why)) {
            job->fail(ApiError(ApiError::Kind::Parse, why, response.status));
            return;
        }
        const QString next = resource.nextCursor(cursor, response, int(items.size()), base);
        bool hasTotal = false;
        const qint64 total = response.header("X-Total-Count").trimmed().toLongLong(&hasTotal);
        job->succeed(QJsonObject { { QStringLiteral("items"), items },
            { QStringLiteral("next"), next.isEmpty() ? QJsonValue() : QJsonValue(next) },
            { QStringLiteral("total"), hasTotal ? QJsonValue(double(total)) : QJsonValue() } });
    });
    return job;
}

Job *RestClient::probe(const QString &path)
{
    auto *job = new Job(this);
    if (!m_http) {
        job->failLater(ApiError(ApiError::Kind::Invalid, tr("The tenant's session is closed.")));
        return job;
    }
    HttpRequest request("GET", path);
    request.setMaxRetries(0); // a connection test answers quickly
    HttpJob *http = m_http->send(request);
    job->addChild(http);
    connect(http, &Job::finished, job, [this, job, http] {
        const ApiError &error = http->error();
        const int status = http->response().status;
        if (error && status == 0) {
            job->fail(error);
            return;
        }
        if (status == 401 || status == 403) {
            ApiError denied(ApiError::Kind::Auth, tr("The server refused the credentials: %1").arg(error.toString()), status);
            job->fail(denied);
            return;
        }
        const HttpResponse &response = http->response();
        QJsonValue body;
        Json::parse(response.body, &body);
        QJsonArray warnings;
        if (error)
            warnings << tr("The base URL answered HTTP %1; the API may have no root document.").arg(status);
        const QUrl base = m_http->baseUrl();
        if (base.scheme() == QLatin1String("http") && base.host() != QLatin1String("127.0.0.1")
            && base.host() != QLatin1String("localhost") && base.host() != QLatin1String("::1"))
            warnings << tr("Plain http: requests and credentials travel unencrypted.");
        QString version;
        for (const char *key : { "version", "serverVersion", "info.version", "server.version" }) {
            const QJsonValue v = RestResource::valueAt(body, QLatin1String(key));
            if (v.isString() || v.isDouble()) {
                version = v.toVariant().toString();
                break;
            }
        }
        if (version.isEmpty())
            version = QString::fromUtf8(response.header("Server"));
        AuthStrategy *auth = m_http->auth();
        const auto *basic = qobject_cast<BasicAuth *>(auth);
        QJsonArray capabilities { QStringLiteral("create"), QStringLiteral("read"), QStringLiteral("update"),
            QStringLiteral("delete") };
        if (!body.isUndefined() && !response.body.isEmpty())
            capabilities << QStringLiteral("json");
        job->succeed(QJsonObject { { QStringLiteral("user"), basic ? basic->user() : QString() },
            { QStringLiteral("authMethod"), auth ? auth->describe() : QStringLiteral("none") },
            { QStringLiteral("serverVersion"), version }, { QStringLiteral("capabilities"), capabilities },
            { QStringLiteral("warnings"), warnings } });
    });
    return job;
}
