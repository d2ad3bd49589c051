#include "pagecursor.h"

#include "redaction.h"

#include <QCoreApplication>

static QString tr(const char *text)
{
    return QCoreApplication::translate("PageCursor", text);
}

static int defaultPort(const QUrl &url)
{
    return url.port(url.scheme() == QLatin1String("https") ? 443 : 80);
}

PageCursor::PageCursor(const QUrl &tenantBase, const QUrl &firstPage, Limits limits)
    : m_base(tenantBase)
    , m_current(firstPage)
    , m_limits(limits)
{
    m_seen.insert(firstPage.adjusted(QUrl::NormalizePathSegments).toString(QUrl::FullyEncoded));
}

bool PageCursor::isWithin(const QUrl &base, const QUrl &url)
{
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return false;
    if (url.scheme() != base.scheme() || url.host().compare(base.host(), Qt::CaseInsensitive) != 0
        || defaultPort(url) != defaultPort(base))
        return false;
    QString prefix = base.adjusted(QUrl::NormalizePathSegments).path();
    if (!prefix.endsWith(QLatin1Char('/')))
        prefix += QLatin1Char('/');
    const QString path = url.adjusted(QUrl::NormalizePathSegments).path();
    return path.startsWith(prefix) || path + QLatin1Char('/') == prefix;
}

ApiError PageCursor::advance(const QString &nextLink, qint64 bodyBytes)
{
    ++m_pages;
    m_bytes += std::max<qint64>(0, bodyBytes);
    m_next = {};
    if (nextLink.isEmpty())
        return {};

    const QUrl link(nextLink.trimmed(), QUrl::StrictMode);
    const QUrl target = m_current.resolved(link);
    if (!link.isValid() || !isWithin(m_base, target))
        return ApiError(ApiError::Kind::Parse,
            tr("The server's next-page link leaves the tenant (%1 is not under %2); the listing was stopped.")
                .arg(link.isValid() ? Redaction::url(target) : tr("a malformed address"), Redaction::url(m_base)));
    if (m_pages >= m_limits.maxPages)
        return ApiError(ApiError::Kind::Invalid,
            tr("The listing stopped after %1 pages, its limit (raise the page limit to fetch more).").arg(m_pages));
    if (m_bytes >= m_limits.maxBytes)
        return ApiError(ApiError::Kind::Invalid,
            tr("The listing stopped after %1 MiB, its size limit (raise the size limit to fetch more).")
                .arg(m_bytes / (1024.0 * 1024.0), 0, 'f', 1));
    const QString key = target.adjusted(QUrl::NormalizePathSegments).toString(QUrl::FullyEncoded);
    if (m_seen.contains(key))
        return ApiError(ApiError::Kind::Parse,
            tr("The server's next-page link repeats an earlier page (%1): the listing loops and was stopped.")
                .arg(Redaction::url(target)));
    m_seen.insert(key);
    m_current = target;
    m_next = target;
    return {};
}
