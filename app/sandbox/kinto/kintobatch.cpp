#include "kintobatch.h"

#include "kintojsonschema.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

using namespace KintoProtocol;

namespace {

// Defaults fill what a request leaves out (recursively for headers and body).
QJsonObject mergeDefaults(QJsonObject target, const QJsonObject &fallback)
{
    for (auto it = fallback.constBegin(); it != fallback.constEnd(); ++it) {
        if (!target.contains(it.key()))
            target.insert(it.key(), it.value());
        else if (target.value(it.key()).isObject() && it.value().isObject())
            target.insert(it.key(), mergeDefaults(target.value(it.key()).toObject(), it.value().toObject()));
    }
    return target;
}

// The sub-requests of a batch body, each with the defaults applied, or the 400 that refuses it.
ServiceResult<QList<QJsonObject>> readSubrequests(const ServiceRequest &request, int maxRequests)
{
    const ServiceResult<QJsonValue> parsed = parseJsonBody(request);
    if (!parsed)
        return parsed.failure();
    if (!parsed->isObject())
        return invalid(QStringLiteral("body"), QJsonValue(), QStringLiteral("Invalid JSON: a JSON object is expected"));
    const QJsonObject body = parsed->toObject();
    for (const QString &key : body.keys()) {
        if (key != QLatin1String("defaults") && key != QLatin1String("requests"))
            return invalid(QStringLiteral("body"), key, QStringLiteral("Unrecognized key"));
    }
    if (!body.value(QStringLiteral("requests")).isArray())
        return invalid(QStringLiteral("body"), QStringLiteral("requests"), QStringLiteral("Required"));
    const QJsonObject defaults = body.value(QStringLiteral("defaults")).toObject();
    const QJsonArray requests = body.value(QStringLiteral("requests")).toArray();
    static const QStringList methods{QStringLiteral("GET"), QStringLiteral("HEAD"), QStringLiteral("DELETE"),
                                     QStringLiteral("TRACE"), QStringLiteral("POST"), QStringLiteral("PUT"),
                                     QStringLiteral("PATCH")};
    QList<QJsonObject> subrequests;
    for (qsizetype i = 0; i < requests.size(); ++i) {
        const QString name = QStringLiteral("requests.%1").arg(i);
        if (!requests.at(i).isObject())
            return invalid(QStringLiteral("body"), name, QStringLiteral("Should be a mapping"));
        const QJsonObject sub = mergeDefaults(requests.at(i).toObject(), defaults);
        if (!sub.value(QStringLiteral("path")).toString().startsWith(QLatin1Char('/')))
            return invalid(QStringLiteral("body"), QString(name + QStringLiteral(".path")),
                           sub.contains(QStringLiteral("path")) ? QStringLiteral("String does not match expected pattern")
                                                                : QStringLiteral("Required"));
        const QString method = sub.value(QStringLiteral("method")).toString();
        if (sub.contains(QStringLiteral("method")) && !methods.contains(method.toUpper()))
            return invalid(QStringLiteral("body"), QString(name + QStringLiteral(".method")),
                           QStringLiteral("\"%1\" is not one of GET, HEAD, DELETE, TRACE, POST, PUT, PATCH").arg(method));
        // Kinto 26: a sub-request body must be a JSON object (a JSON-patch list is refused).
        if (sub.contains(QStringLiteral("body")) && !sub.value(QStringLiteral("body")).isObject())
            return invalid(QStringLiteral("body"), QString(name + QStringLiteral(".body")),
                           notAMapping(sub.value(QStringLiteral("body"))));
        subrequests.append(sub);
    }
    if (subrequests.size() > maxRequests)
        return invalid(QStringLiteral("body"), QStringLiteral("requests"),
                       QStringLiteral("Number of requests is limited to %1").arg(maxRequests));
    for (const QJsonObject &sub : std::as_const(subrequests)) {
        if (sub.value(QStringLiteral("path")).toString().contains(QLatin1String("/batch")))
            return invalid(QStringLiteral("body"), QStringLiteral("requests"),
                           QStringLiteral("Recursive call on /batch endpoint is forbidden."));
    }
    return subrequests;
}

ServiceRequest toRequest(const QJsonObject &sub, const ServiceRequest &batch)
{
    ServiceRequest r;
    r.method = sub.value(QStringLiteral("method")).toString(QStringLiteral("GET")).toUpper().toLatin1();
    QString path = sub.value(QStringLiteral("path")).toString();
    if (path.startsWith(QLatin1String("/v1/")) || path == QLatin1String("/v1"))
        path = path.mid(3);
    const QUrl url(QStringLiteral("http://sandbox") + path);
    r.path = url.path(QUrl::FullyDecoded);
    if (r.path.isEmpty())
        r.path = QStringLiteral("/");
    r.query = QUrlQuery(url.query(QUrl::FullyEncoded));
    const QByteArray authorization = batch.header("Authorization");
    if (!authorization.isEmpty())
        r.headers.append({QByteArray("Authorization"), authorization});
    const QJsonObject headers = sub.value(QStringLiteral("headers")).toObject();
    for (auto it = headers.constBegin(); it != headers.constEnd(); ++it)
        r.headers.append({it.key().toLatin1(), it.value().toString().toUtf8()});
    if (sub.contains(QStringLiteral("body"))) {
        r.body = toJson(sub.value(QStringLiteral("body")));
        if (r.header("Content-Type").isEmpty())
            r.headers.append({QByteArray("Content-Type"), QByteArray("application/json")});
    }
    return r;
}

QJsonObject toItem(const ServiceRequest &subrequest, const ServiceResponse &response)
{
    QJsonObject headerMap;
    for (const auto &[name, value] : response.headers)
        headerMap.insert(QString::fromLatin1(name), QString::fromUtf8(value));
    QJsonObject item{
        {QStringLiteral("status"), response.status},
        {QStringLiteral("path"), QString(QStringLiteral("/v1") + subrequest.path)},
        {QStringLiteral("headers"), headerMap},
    };
    if (!response.body.isEmpty()) {
        const QJsonDocument doc = QJsonDocument::fromJson(response.body);
        item.insert(QStringLiteral("body"), doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object()));
    }
    return item;
}

} // namespace

namespace KintoBatch {

ServiceResponse handle(KintoState &state, const ServiceRequest &request,
                       const std::function<ServiceResponse(const ServiceRequest &)> &serve)
{
    const ServiceResult<QList<QJsonObject>> subrequests = readSubrequests(request, state.settings.batchMaxRequests);
    if (!subrequests)
        return subrequests.failure();
    const KintoState snapshot = state;
    QJsonArray responses;
    for (const QJsonObject &sub : *subrequests) {
        const ServiceRequest subrequest = toRequest(sub, request);
        const ServiceResponse response = serve(subrequest);
        if (response.status >= 500) {
            state = snapshot;
            return response;
        }
        responses.append(toItem(subrequest, response));
    }
    return ServiceResponse::json(200, QJsonObject{{QStringLiteral("responses"), responses}});
}

} // namespace KintoBatch
