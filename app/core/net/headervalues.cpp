#include "headervalues.h"

#include <QList>

#include <cmath>

namespace HeaderValues {

// Digits only, no sign, no overflow; nullopt otherwise.
static std::optional<qint64> digits(const QByteArray &text, qint64 max)
{
    if (text.isEmpty() || text.size() > 19)
        return std::nullopt;
    qint64 n = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        n = n * 10 + (c - '0');
        if (n > max)
            return std::nullopt;
    }
    return n;
}

std::optional<qint64> delaySeconds(const QByteArray &value, qint64 maxSeconds)
{
    const QByteArray v = value.trimmed();
    if (v.isEmpty() || v.size() > 64)
        return std::nullopt;
    bool allDigits = true;
    for (const char c : v)
        allDigits = allDigits && c >= '0' && c <= '9';
    if (allDigits) {
        // Too many digits is still "a long time": cap, do not overflow.
        if (v.size() > 15)
            return maxSeconds;
        return std::min(*digits(v, std::numeric_limits<qint64>::max()), maxSeconds);
    }
    bool ok = false;
    const double seconds = v.toDouble(&ok);
    if (!ok || !std::isfinite(seconds) || seconds < 0)
        return std::nullopt;
    if (seconds >= double(maxSeconds))
        return maxSeconds;
    return qint64(std::ceil(seconds));
}

std::optional<qint64> count(const QByteArray &value, qint64 maxCount)
{
    return digits(value.trimmed(), maxCount);
}

QString nextLink(const QByteArray &value)
{
    // link-value = "<" URI-Reference ">" *( OWS ";" OWS link-param ); values separated by commas.
    qsizetype pos = 0;
    const qsizetype n = value.size();
    while (pos < n) {
        const qsizetype open = value.indexOf('<', pos);
        if (open < 0)
            return {};
        const qsizetype close = value.indexOf('>', open + 1);
        if (close < 0)
            return {};
        const QByteArray target = value.mid(open + 1, close - open - 1).trimmed();
        qsizetype end = value.indexOf(',', close);
        // A comma inside a quoted parameter does not end the link-value.
        qsizetype quote = value.indexOf('"', close);
        while (quote >= 0 && end >= 0 && quote < end) {
            const qsizetype closing = value.indexOf('"', quote + 1);
            if (closing < 0)
                return {};
            if (closing > end)
                end = value.indexOf(',', closing);
            quote = value.indexOf('"', closing + 1);
        }
        if (end < 0)
            end = n;
        const QList<QByteArray> params = value.mid(close + 1, end - close - 1).split(';');
        for (const QByteArray &param : params) {
            const qsizetype eq = param.indexOf('=');
            if (eq < 0 || param.left(eq).trimmed().toLower() != "rel")
                continue;
            QByteArray rels = param.mid(eq + 1).trimmed();
            if (rels.startsWith('"') && rels.endsWith('"') && rels.size() >= 2)
                rels = rels.mid(1, rels.size() - 2);
            for (const QByteArray &rel : rels.simplified().split(' ')) {
                if (rel.toLower() == "next")
                    return QString::fromUtf8(target);
            }
        }
        pos = end + 1;
    }
    return {};
}

QString entityTag(const QByteArray &value)
{
    QByteArray v = value.trimmed();
    if (v.startsWith("W/"))
        v = v.mid(2);
    if (v.size() < 2 || !v.startsWith('"') || !v.endsWith('"'))
        return {};
    v = v.mid(1, v.size() - 2);
    for (const char c : v) {
        const auto u = static_cast<unsigned char>(c);
        if (u == '"' || u < 0x21 || u == 0x7F)
            return {};
    }
    return QString::fromLatin1(v);
}

std::optional<ContentRange> contentRange(const QByteArray &value)
{
    const QByteArray v = value.trimmed();
    if (!v.startsWith("bytes "))
        return std::nullopt;
    const QByteArray rest = v.mid(6).trimmed();
    const qsizetype slash = rest.indexOf('/');
    const qsizetype dash = rest.indexOf('-');
    if (slash < 0 || dash < 0 || dash > slash)
        return std::nullopt;
    constexpr qint64 max = std::numeric_limits<qint64>::max() / 10;
    ContentRange range;
    const QByteArray total = rest.mid(slash + 1);
    if (total != "*") {
        const auto t = digits(total, max);
        if (!t)
            return std::nullopt;
        range.total = *t;
    }
    const auto first = digits(rest.left(dash), max);
    const auto last = digits(rest.mid(dash + 1, slash - dash - 1), max);
    if (!first || !last || *first > *last || (range.total >= 0 && *last >= range.total))
        return std::nullopt;
    range.first = *first;
    range.last = *last;
    return range;
}

} // namespace HeaderValues
