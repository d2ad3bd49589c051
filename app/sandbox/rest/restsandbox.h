#pragma once

#include <QObject>
#include <QUrl>

#include <memory>

class LoopbackHttpServer;
class RestService;
struct HttpServerRequest;
class HttpResponder;

// An in-process JSON REST API on 127.0.0.1 (RestService: json-server's behaviour, an OpenAPI
// document at /openapi.json) for the demo mode, `tenantctl sandbox rest` and the tests. State
// lives in memory and is lost with the sandbox.
class RestSandbox : public QObject
{
    Q_OBJECT
public:
    explicit RestSandbox(QObject *parent = nullptr);
    ~RestSandbox() override;

    // Listens on a free loopback port (or `port`). False if it cannot.
    bool start(quint16 port = 0);
    // "http://127.0.0.1:<port>".
    QUrl baseUrl() const;
    // The X-API-Key the API asks for; empty = none (the default).
    QString apiKey() const;

    // A small help desk (RestDemoData): customers, agents and tickets, and the API key
    // RestDemoData::ApiKey required.
    void seedDemoData();

    RestService &service();
    LoopbackHttpServer *server() const { return m_server; }

Q_SIGNALS:
    void requestServed(const QByteArray &method, const QString &path, int status);

private:
    void onRequest(const HttpServerRequest &request, HttpResponder *responder);

    LoopbackHttpServer *m_server;
    std::unique_ptr<RestService> m_service;
};
