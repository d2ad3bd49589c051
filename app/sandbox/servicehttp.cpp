#include "servicehttp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

static QByteArray findHeader(const HttpHeaderList &headers, const QByteArray &name)
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

QByteArray ServiceRequest::header(const QByteArray &name) const
{
    return findHeader(headers, name);
}

ServiceRequest ServiceRequest::fromServer(const HttpServerRequest &request, const QString &prefix)
{
    ServiceRequest r;
    r.method = request.method.toUpper();
    r.path = request.path.mid(prefix.size());
    r.query = request.query;
    r.headers = request.headers;
    r.body = request.body;
    return r;
}

void ServiceResponse::setHeader(const QByteArray &name, const QByteArray &value)
{
    for (auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0) {
            h.second = value;
            return;
        }
    }
    headers.append({name, value});
}

QByteArray ServiceResponse::header(const QByteArray &name) const
{
    return findHeader(headers, name);
}

ServiceResponse ServiceResponse::json(int status, const QJsonValue &body)
{
    ServiceResponse r;
    r.status = status;
    r.setHeader("Content-Type", "application/json");
    if (body.isObject())
        r.body = QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact);
    else if (body.isArray())
        r.body = QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact);
    return r;
}

ServiceResponse ServiceResponse::text(int status, const QByteArray &body)
{
    ServiceResponse r;
    r.status = status;
    r.setHeader("Content-Type", "text/plain; charset=utf-8");
    r.body = body;
    return r;
}

void ServiceResponse::send(HttpResponder *responder) const
{
    responder->respond(status, headers, body);
}

namespace ServiceCors {

bool isPreflight(const ServiceRequest &request)
{
    return request.method == "OPTIONS" && !request.header("Origin").isEmpty()
        && !request.header("Access-Control-Request-Method").isEmpty();
}

ServiceResponse preflight(const ServiceRequest &request, const QByteArray &methods)
{
    ServiceResponse r;
    r.status = 200;
    r.setHeader("Access-Control-Allow-Origin", request.header("Origin"));
    r.setHeader("Access-Control-Allow-Methods", methods);
    const QByteArray asked = request.header("Access-Control-Request-Headers");
    if (!asked.isEmpty())
        r.setHeader("Access-Control-Allow-Headers", asked);
    r.setHeader("Access-Control-Max-Age", "3600");
    r.setHeader("Vary", "Origin");
    r.setHeader("Content-Type", "text/plain; charset=utf-8");
    return r;
}

void apply(const ServiceRequest &request, ServiceResponse &response, const QByteArray &exposed)
{
    const QByteArray origin = request.header("Origin");
    if (origin.isEmpty())
        return;
    response.setHeader("Access-Control-Allow-Origin", origin);
    response.setHeader("Access-Control-Expose-Headers", exposed);
    response.setHeader("Vary", "Origin");
}

} // namespace ServiceCors
