#include "httpjob.h"
#include "httpclient.h"

HttpJob::HttpJob(HttpClient *client, HttpRequest request)
    : Job(client)
    , m_client(client)
    , m_request(std::move(request))
    , m_method(m_request.method())
{
    m_clock.start();
}

void HttpJob::doCancel()
{
    m_client->abandon(this);
}
