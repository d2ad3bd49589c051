#pragma once

#include <QByteArray>

class HttpClient;
struct HttpResponse;

// Reads one service's own response headers for an HttpClient: Kinto's `Backoff`, later Jamf's and
// Kandji's rate-limit headers. The core knows no service's headers; a service client installs its
// hook on the tenant's HttpClient (HttpClient::installResponseHook).
class ResponseHook
{
public:
    virtual ~ResponseHook() = default;
    // Installing a hook whose name is already installed replaces that one (so clients sharing an
    // HttpClient install it once).
    virtual QByteArray name() const = 0;
    // Called for every HTTP answer (any status; redirects and answers that will be retried too),
    // before the client acts on it. It may hold further requests (HttpClient::holdRequests).
    virtual void inspect(HttpClient *client, const HttpResponse &response) = 0;
};
