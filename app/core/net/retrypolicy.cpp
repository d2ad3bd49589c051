#include "retrypolicy.h"

#include "headervalues.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

int RetryPolicy::backoffMs(int consecutiveErrors) const
{
    if (consecutiveErrors <= 1)
        return 0;
    const double ms = backoffFactor * std::pow(2.0, consecutiveErrors - 1) * 1000.0;
    return int(std::min<double>(ms, maxBackoffMs));
}

int RetryPolicy::parseRetryAfter(const QByteArray &value, const QDateTime &now)
{
    const QByteArray v = value.trimmed();
    if (v.isEmpty())
        return -1;
    if (v.front() >= '0' && v.front() <= '9') {
        const std::optional<qint64> seconds = HeaderValues::delaySeconds(v, 24 * 3600);
        return seconds ? int(*seconds * 1000) : -1;
    }
    // HTTP date (RFC 7231 IMF-fixdate), e.g. "Wed, 21 Oct 2015 07:28:00 GMT".
    QDateTime when = QLocale::c().toDateTime(QString::fromLatin1(v), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!when.isValid())
        return -1;
    when.setTimeSpec(Qt::UTC);
    return int(std::clamp<qint64>(now.msecsTo(when), 0, 24LL * 3600 * 1000));
}
