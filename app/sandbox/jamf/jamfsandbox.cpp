#include "jamfsandbox.h"

#include "jamfdemodata.h"
#include "jamfservice.h"
#include "loopbackhttpserver.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcJamfSandbox, "tenantdesk.sandbox.jamf", QtInfoMsg)

JamfSandbox::JamfSandbox(QObject *parent)
    : QObject(parent)
    , m_server(new LoopbackHttpServer(this))
    , m_service(std::make_unique<JamfService>())
{
    m_server->setHandler([this](const HttpServerRequest &request, HttpResponder *responder) { onRequest(request, responder); });
}

JamfSandbox::~JamfSandbox() = default;

bool JamfSandbox::start(quint16 port)
{
    if (!m_server->listen(port)) {
        qCWarning(lcJamfSandbox) << "cannot listen on port" << port;
        return false;
    }
    qCInfo(lcJamfSandbox) << "Jamf Pro sandbox at" << baseUrl().toString();
    return true;
}

quint16 JamfSandbox::port() const
{
    return m_server->port();
}

QUrl JamfSandbox::baseUrl() const
{
    return m_server->baseUrl();
}

void JamfSandbox::seedDemoData()
{
    JamfDemoData::seed(*m_service);
}

void JamfSandbox::failNext(int count, int status)
{
    m_failCount = qMax(0, count);
    m_failStatus = status;
}

void JamfSandbox::onRequest(const HttpServerRequest &request, HttpResponder *responder)
{
    ServiceResponse response;
    if (m_failCount > 0) {
        --m_failCount;
        response = jamfError(m_failStatus, QStringLiteral("FAULT"), QStringLiteral("Injected fault"));
    } else {
        response = m_service->handle(ServiceRequest::fromServer(request));
    }
    Q_EMIT requestServed(request.method, request.path, response.status);
    if (m_latencyMs > 0)
        responder->respondLater(m_latencyMs, response.status, response.headers, response.body);
    else
        response.send(responder);
}
