#pragma once

#include "loopbackhttpserver.h"

#include <QByteArray>
#include <QJsonValue>
#include <QString>
#include <QUrlQuery>

#include <optional>
#include <type_traits>
#include <utility>

// The request and response types every sandbox's protocol layer speaks: synchronous and
// transport-free, so a service can be driven directly from tests and benchmarks, and served over
// the LoopbackHttpServer by its sandbox.
//
// How a protocol layer is laid out (app/sandbox/kinto is the worked example):
// - `<family>service.h/.cpp`: the one public class. handle(ServiceRequest) -> ServiceResponse:
//   authenticate, then a route table that hands each path to one concern's function. It owns the
//   state (storage, settings) and nothing else.
// - one file pair per concern (storage, access/permissions, listing, batch, history, ...), plain
//   functions over that state; each header says what its functions answer.
// - `<family>sandbox.h/.cpp`: the QObject that serves the service on a LoopbackHttpServer, with
//   faults (latency, failures) and CORS; `tenantctl sandbox <family>` serves it on its own.
// Errors are values, never exceptions: a step that may stop the request returns a ServiceCheck
// (the answer to send now, or nothing to go on) or a ServiceResult<T> (a value or that answer).

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

// The answer that stops a request early (an error, a 304), or nothing when the request goes on.
using ServiceCheck = std::optional<ServiceResponse>;

// A value, or the response that answers the request instead (an error). Test it before use:
//   const ServiceResult<QJsonObject> body = parseBody(request);
//   if (!body)
//       return body.failure();
template<typename T>
class ServiceResult
{
    static_assert(!std::is_same_v<T, ServiceResponse>, "return the ServiceResponse itself");

public:
    ServiceResult(T value) : m_value(std::move(value)) {}
    ServiceResult(ServiceResponse failure) : m_failure(std::move(failure)) {}

    explicit operator bool() const { return m_value.has_value(); }
    const T &operator*() const { return *m_value; }
    T &operator*() { return *m_value; }
    const T *operator->() const { return &*m_value; }
    T *operator->() { return &*m_value; }
    const ServiceResponse &failure() const { return *m_failure; }

private:
    std::optional<T> m_value;
    std::optional<ServiceResponse> m_failure;
};

// CORS as a browser client (an admin web UI on another origin) needs it. A request without an
// Origin header is left alone.
namespace ServiceCors {

// True for a preflight: OPTIONS with Origin and Access-Control-Request-Method.
bool isPreflight(const ServiceRequest &request);
// The answer to a preflight: 200, the origin allowed, `methods` ("GET, POST, ...") and the
// requested headers allowed, cached for an hour.
ServiceResponse preflight(const ServiceRequest &request, const QByteArray &methods);
// Adds Access-Control-Allow-Origin (the request's origin) and Access-Control-Expose-Headers
// (`exposed`, comma-separated) to a response to a request that carries an Origin header.
void apply(const ServiceRequest &request, ServiceResponse &response, const QByteArray &exposed);

} // namespace ServiceCors
