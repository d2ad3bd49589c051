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
