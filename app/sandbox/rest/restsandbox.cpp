#include "restsandbox.h"

#include "loopbackhttpserver.h"
#include "restdemodata.h"
#include "restservice.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcRestSandbox, "tenantdesk.sandbox.rest", QtInfoMsg)

RestSandbox::RestSandbox(QObject *parent)
    : QObject(parent)
    , m_server(new LoopbackHttpServer(this))
    , m_service(std::make_unique<RestService>())
{
    m_server->setHandler([this](const HttpServerRequest &request, HttpResponder *responder) { onRequest(request, responder); });
}

RestSandbox::~RestSandbox() = default;

bool RestSandbox::start(quint16 port)
{
    if (!m_server->listen(port)) {
        qCWarning(lcRestSandbox) << "cannot listen on port" << port;
        return false;
    }
    m_service->setOrigin(m_server->baseUrl().toString(QUrl::StripTrailingSlash));
    qCInfo(lcRestSandbox) << "REST sandbox at" << baseUrl().toString();
    return true;
}

QUrl RestSandbox::baseUrl() const
{
    return m_server->baseUrl();
}

QString RestSandbox::apiKey() const
{
    return m_service->apiKey();
}

void RestSandbox::seedDemoData()
{
    RestDemoData::seed(*m_service);
}

RestService &RestSandbox::service()
{
    return *m_service;
}

void RestSandbox::onRequest(const HttpServerRequest &request, HttpResponder *responder)
{
    const ServiceResponse response = m_service->handle(ServiceRequest::fromServer(request));
    qCDebug(lcRestSandbox) << request.method << request.path << response.status;
    Q_EMIT requestServed(request.method, request.path, response.status);
    response.send(responder);
}
