#pragma once

#include "apierror.h"

#include <QSet>
#include <QUrl>

// Where the next page of a listing is, and whether to go there: the one place that bounds every
// family's pagination (Kinto's Next-Page, Jamf page numbers, Kandji's `next`, RFC 8288 Link). The
// family computes the next page's address from its answer; the cursor decides whether it is followed.
//
// A next link is followed only when
// - it is http(s) on the tenant's origin (scheme, host, port of `tenantBase`) and under its path
//   prefix (so credentials never go elsewhere, and never to file: or another scheme);
// - it was not seen before in this listing (a loop ends the listing with an error);
// - the listing is still within its bounds: at most Limits::maxPages pages and Limits::maxBytes
//   bytes of page bodies. Reaching a bound is an error that says which bound and how to raise it.
// Relative links are resolved against the page they came from.
// The bounds of one listing; a caller that knows better raises them.
struct PageLimits
{
    int maxPages = 100'000;      // Kinto's default page size (10,000) × this is 10^9 items
    qint64 maxBytes = 4LL << 30; // 4 GiB of page bodies in one listing
};

class PageCursor
{
public:
    using Limits = PageLimits;

    PageCursor() = default;
    PageCursor(const QUrl &tenantBase, const QUrl &firstPage, Limits limits = {});

    void setLimits(const Limits &limits) { m_limits = limits; }
    const Limits &limits() const { return m_limits; }

    // Records a received page of `bodyBytes` bytes and its next link (empty = it was the last page).
    // Returns an error (Kind::Parse for a refused link, Kind::Invalid for a bound) when the listing
    // must stop; otherwise next() is the page to ask for (invalid after the last page).
    ApiError advance(const QString &nextLink, qint64 bodyBytes);

    QUrl next() const { return m_next; }
    bool atEnd() const { return !m_next.isValid(); }
    int pages() const { return m_pages; }
    qint64 bytes() const { return m_bytes; }

    // True when `url` is http(s) on `base`'s origin and under its path (the same test advance() makes).
    static bool isWithin(const QUrl &base, const QUrl &url);

private:
    QUrl m_base;
    QUrl m_current;
    QUrl m_next;
    QSet<QString> m_seen;
    Limits m_limits;
    int m_pages = 0;
    qint64 m_bytes = 0;
};
