#pragma once

#include "loopbackhttpserver.h"

#include <QByteArray>
#include <QJsonValue>
#include <QString>
#include <QUrlQuery>

// The request and response types every sandbox's protocol layer speaks: synchronous and
// transport-free, so a service can be driven directly from tests and benchmarks, and served over
// the LoopbackHttpServer by its sandbox.

// One request as a protocol layer sees it: its path below the service's prefix (e.g. "/v1").
struct ServiceRequest
{
    QByteArray method;      // upper case
    QString path;           // percent-decoded, without the service prefix: "/buckets/b"
    QUrlQuery query;
    HttpHeaderList headers;
    QByteArray body;

    QByteArray header(const QByteArray &name) const; // case-insensitive; empty if absent

    // From a request the loopback server received, with `prefix` cut off the path (the caller
    // checks that the path starts with it).
    static ServiceRequest fromServer(const HttpServerRequest &request, const QString &prefix = {});
};

struct ServiceResponse
{
    int status = 200;
    HttpHeaderList headers;
    QByteArray body;

    void setHeader(const QByteArray &name, const QByteArray &value);
    QByteArray header(const QByteArray &name) const;

    // A response with a JSON body (compact) and Content-Type: application/json.
    static ServiceResponse json(int status, const QJsonValue &body);
    // A response with a plain text body (Content-Type: text/plain; charset=utf-8).
    static ServiceResponse text(int status, const QByteArray &body);

    // Sends it through the loopback server's responder.
    void send(HttpResponder *responder) const;
};
