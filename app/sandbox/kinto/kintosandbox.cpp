#include "kintosandbox.h"

#include "kintodemodata.h"
#include "kintoservice.h"
#include "loopbackhttpserver.h"

#include <QJsonObject>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcKintoSandbox, "tenantdesk.sandbox.kinto", QtInfoMsg)

namespace {

ServiceResponse faultResponse(int status, int retryAfterSeconds)
{
    const bool unavailable = status == 503;
    const QJsonObject body{
        {QStringLiteral("code"), status},
        {QStringLiteral("errno"), unavailable ? 201 : (status == 429 ? 117 : 999)},
        {QStringLiteral("error"), unavailable ? QStringLiteral("Service Unavailable")
                                              : (status == 429 ? QStringLiteral("Too Many Requests")
                                                               : QStringLiteral("Internal Server Error"))},
        {QStringLiteral("message"),
         unavailable ? QStringLiteral("Service temporary unavailable due to overloading or maintenance, please retry later.")
                     : QStringLiteral("A programmatic error occured, developers have been informed.")},
    };
    ServiceResponse r = ServiceResponse::json(status, body);
    r.setHeader("Retry-After", QByteArray::number(retryAfterSeconds));
    return r;
}

// The response headers Kinto lets browser clients read (kinto.md §4).
const QByteArray ExposedHeaders =
    "Alert, Backoff, Content-Length, ETag, Last-Modified, Next-Page, Retry-After, Total-Objects, Total-Records";
const QByteArray AllowedMethods = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";

} // namespace

KintoSandbox::KintoSandbox(QObject *parent)
    : QObject(parent)
    , m_server(new LoopbackHttpServer(this))
    , m_service(std::make_unique<KintoService>())
{
    m_server->setHandler([this](const HttpServerRequest &request, HttpResponder *responder) {
        onRequest(request, responder);
    });
}

KintoSandbox::~KintoSandbox() = default;

bool KintoSandbox::start(quint16 port)
{
    if (!m_server->listen(port)) {
        qCWarning(lcKintoSandbox) << "cannot listen on port" << port;
        return false;
    }
    m_service->setOrigin(m_server->baseUrl().toString(QUrl::StripTrailingSlash));
    qCInfo(lcKintoSandbox) << "Kinto sandbox at" << baseUrl().toString();
    return true;
}

bool KintoSandbox::isRunning() const
{
    return m_server->port() != 0;
}

quint16 KintoSandbox::port() const
{
    return m_server->port();
}

QUrl KintoSandbox::baseUrl() const
{
    return QUrl(m_service->origin() + QStringLiteral("/v1"));
}

void KintoSandbox::addAccount(const QString &user, const QString &password)
{
    m_service->addAccount(user, password);
}

void KintoSandbox::setAdminPrincipals(const QStringList &principals)
{
    m_service->setAdminPrincipals(principals);
}

QStringList KintoSandbox::adminPrincipals() const
{
    return m_service->adminPrincipals();
}

void KintoSandbox::setPaginateBy(int limit)
{
    m_service->setPaginateBy(limit);
}

void KintoSandbox::setBatchMaxRequests(int max)
{
    m_service->setBatchMaxRequests(max);
}

void KintoSandbox::setBasicAuth(bool on)
{
    m_service->setBasicAuth(on);
}

void KintoSandbox::seedDemoData()
{
    KintoDemoData::seed(*m_service);
}

void KintoSandbox::setLatency(int ms)
{
    m_latencyMs = qMax(0, ms);
}

void KintoSandbox::failNext(int count, int status, int retryAfterSeconds)
{
    m_failCount = qMax(0, count);
    m_failStatus = status;
    m_retryAfterSeconds = retryAfterSeconds;
}

void KintoSandbox::setBackoff(int seconds)
{
    m_backoffSeconds = qMax(0, seconds);
}

void KintoSandbox::dropNext(int count)
{
    m_dropCount = qMax(0, count);
}

void KintoSandbox::cutNext(int count, Cut where)
{
    m_cutCount = qMax(0, count);
    m_cut = where;
}

void KintoSandbox::clearFaults()
{
    m_cutCount = 0;
    m_latencyMs = 0;
    m_failCount = 0;
    m_backoffSeconds = 0;
    m_dropCount = 0;
}

KintoService &KintoSandbox::service()
{
    return *m_service;
}

void KintoSandbox::onRequest(const HttpServerRequest &request, HttpResponder *responder)
{
    if (m_dropCount > 0) {
        --m_dropCount;
        responder->drop();
        Q_EMIT requestServed(request.method, request.path, 0);
        return;
    }
    if (m_cutCount > 0) {
        --m_cutCount;
        QByteArray answer = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 512\r\n\r\n";
        if (m_cut == Cut::MidBody)
            answer += "{\"data\": {\"id\": \"" + QByteArray(200, 'x');
        responder->respondRaw(answer);
        Q_EMIT requestServed(request.method, request.path, 0);
        return;
    }

    const ServiceRequest asReceived = ServiceRequest::fromServer(request);
    ServiceResponse response;
    if (ServiceCors::isPreflight(asReceived)) {
        response = ServiceCors::preflight(asReceived, AllowedMethods);
    } else if (m_failCount > 0) {
        --m_failCount;
        response = faultResponse(m_failStatus, m_retryAfterSeconds);
    } else if (request.path.startsWith(QLatin1String("/attachments/"))) {
        const auto file = m_service->attachmentFile(request.path.mid(int(qstrlen("/attachments/"))));
        if (file && (request.method == "GET" || request.method == "HEAD")) {
            response.setHeader("Content-Type", file->mimetype);
            response.body = file->bytes;
        } else {
            response = KintoProtocol::notFound();
        }
    } else if (request.path == QLatin1String("/v1") || request.path.startsWith(QLatin1String("/v1/"))
               || request.path == QLatin1String("/")) {
        ServiceRequest kinto = ServiceRequest::fromServer(request, request.path == QLatin1String("/") ? QString() : QStringLiteral("/v1"));
        if (kinto.path.isEmpty())
            kinto.path = QStringLiteral("/");
        response = m_service->handle(kinto);
    } else {
        response = KintoProtocol::error(404, 116, QStringLiteral("The requested API version is not available on this server."));
    }
    ServiceCors::apply(asReceived, response, ExposedHeaders);

    if (m_backoffSeconds > 0 && response.status < 400)
        response.setHeader("Backoff", QByteArray::number(m_backoffSeconds));
    qCDebug(lcKintoSandbox) << request.method << request.path << response.status;
    Q_EMIT requestServed(request.method, request.path, response.status);
    if (m_latencyMs > 0)
        responder->respondLater(m_latencyMs, response.status, response.headers, response.body);
    else
        responder->respond(response.status, response.headers, response.body);
}
