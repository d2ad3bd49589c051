#include "kandjisandbox.h"

#include "kandjidemodata.h"
#include "kandjiservice.h"
#include "loopbackhttpserver.h"
#include "servicehttp.h"

#include <QJsonObject>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcKandjiSandbox, "tenantdesk.sandbox.kandji", QtInfoMsg)

KandjiSandbox::KandjiSandbox(QObject *parent)
    : QObject(parent)
    , m_api(new LoopbackHttpServer(this))
    , m_storage(new LoopbackHttpServer(this))
    , m_service(std::make_unique<KandjiService>())
{
    m_api->setHandler([this](const HttpServerRequest &request, HttpResponder *responder) { onApi(request, responder); });
    m_storage->setHandler([this](const HttpServerRequest &request, HttpResponder *responder) { onStorage(request, responder); });
    m_storage->setBodyLimit(qint64(512) * 1024 * 1024);
}

KandjiSandbox::~KandjiSandbox() = default;

bool KandjiSandbox::start(quint16 port)
{
    if (!m_api->listen(port) || !m_storage->listen(0)) {
        qCWarning(lcKandjiSandbox) << "cannot listen on port" << port;
        return false;
    }
    m_service->setOrigin(m_api->baseUrl().toString(QUrl::StripTrailingSlash));
    m_service->setStorageOrigin(m_storage->baseUrl().toString(QUrl::StripTrailingSlash));
    qCInfo(lcKandjiSandbox) << "Kandji sandbox at" << baseUrl().toString() << "storage at" << storageUrl().toString();
    return true;
}

bool KandjiSandbox::isRunning() const
{
    return m_api->port() != 0;
}

QUrl KandjiSandbox::baseUrl() const
{
    return QUrl(m_service->origin());
}

QUrl KandjiSandbox::storageUrl() const
{
    return m_storage->baseUrl();
}

QString KandjiSandbox::token() const
{
    return m_service->token();
}

void KandjiSandbox::seedDemoData()
{
    KandjiDemoData::seed(*m_service);
}

void KandjiSandbox::failNext(int count, int status)
{
    m_failCount = qMax(0, count);
    m_failStatus = status;
}

void KandjiSandbox::clearFaults()
{
    m_latencyMs = 0;
    m_failCount = 0;
}

KandjiService &KandjiSandbox::service()
{
    return *m_service;
}

void KandjiSandbox::onApi(const HttpServerRequest &request, HttpResponder *responder)
{
    ServiceResponse response;
    if (m_failCount > 0) {
        --m_failCount;
        response = ServiceResponse::json(m_failStatus, QJsonObject { { QStringLiteral("detail"), QStringLiteral("Sandbox fault.") } });
    } else if (request.path.startsWith(QLatin1String("/api/v1/"))) {
        response = m_service->handle(ServiceRequest::fromServer(request));
    } else {
        response = KandjiService::htmlNotFound();
    }
    qCDebug(lcKandjiSandbox) << request.method << request.path << response.status;
    Q_EMIT requestServed(request.method, request.path, response.status);
    if (m_latencyMs > 0)
        responder->respondLater(m_latencyMs, response.status, response.headers, response.body);
    else
        response.send(responder);
}

void KandjiSandbox::onStorage(const HttpServerRequest &request, HttpResponder *responder)
{
    ServiceRequest storage = ServiceRequest::fromServer(request);
    if (request.body.size() != request.bodySize) // over the body limit: not kept
        storage.body.clear();
    const ServiceResponse response = m_service->handleStorage(storage);
    Q_EMIT requestServed(request.method, request.path, response.status);
    response.send(responder);
}
