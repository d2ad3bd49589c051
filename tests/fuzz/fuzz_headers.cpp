// Header values from a server: Retry-After, Backoff, Total-Objects, Link, ETag, Content-Range, and a
// Next-Page link through the PageCursor. A followed link must stay on the tenant's origin and path.
#include "fuzzsupport.h"
#include "net/headervalues.h"
#include "net/pagecursor.h"
#include "net/retrypolicy.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray value = FuzzSupport::bytes(data, size);
    if (const auto seconds = HeaderValues::delaySeconds(value); seconds && *seconds < 0)
        std::abort();
    if (const auto count = HeaderValues::count(value); count && *count < 0)
        std::abort();
    if (const int ms = RetryPolicy::parseRetryAfter(value); ms < -1 || ms > 24 * 3600 * 1000)
        std::abort();
    (void)HeaderValues::entityTag(value);
    if (const auto range = HeaderValues::contentRange(value); range && (range->first > range->last || range->first < 0))
        std::abort();
    const QUrl base(QStringLiteral("https://tenant.example:8443/v1"));
    PageCursor cursor(base, QUrl(QStringLiteral("https://tenant.example:8443/v1/buckets")));
    for (const QString &link : { HeaderValues::nextLink(value), QString::fromUtf8(value) }) {
        if (!cursor.advance(link, 10) && !cursor.atEnd() && !PageCursor::isWithin(base, cursor.next()))
            std::abort(); // a link that leaves the tenant was followed
    }
    return 0;
}
