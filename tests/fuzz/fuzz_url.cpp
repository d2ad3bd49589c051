// Addresses and paths typed by a user: the strict server URL parser, HttpClient::resolve of a
// request path (relative or absolute) against a tenant's base URL, and Kinto filter expressions.
#include "fuzzsupport.h"
#include "kintotypes.h"
#include "net/httpclient.h"
#include "net/userurl.h"

#include <QNetworkAccessManager>

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzSupport::app();
    static QNetworkAccessManager nam;
    static HttpClient client(&nam);
    client.setBaseUrl(QUrl(QStringLiteral("https://tenant.example/v1")));
    const QString text = QString::fromUtf8(FuzzSupport::bytes(data, size));
    QString error;
    const QUrl url = UserUrl::parseServerUrl(text, &error);
    if (url.isValid() != error.isEmpty())
        std::abort(); // either a URL or a reason, never both or neither
    if (url.isValid() && ((url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")) || url.host().isEmpty()))
        std::abort();
    const int split = text.size() / 2;
    (void)client.resolve(text, { { text.left(split), text.mid(split) } });
    KintoFilter filter;
    (void)KintoFilter::parse(text, &filter);
    return 0;
}
