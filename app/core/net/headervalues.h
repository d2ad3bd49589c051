#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

// Parsers for response header values that carry numbers or links. Every one accepts any bytes a
// server may send and answers "absent" (std::nullopt / empty) rather than a wrong value.
namespace HeaderValues {

// A non-negative number of seconds ("Backoff: 30", "Retry-After: 120"); fractions round up.
// Absent, negative, not a number, or beyond `maxSeconds`: the value is capped at maxSeconds when
// too large, nullopt otherwise.
std::optional<qint64> delaySeconds(const QByteArray &value, qint64 maxSeconds = 365LL * 24 * 3600);

// A count ("Total-Objects", "Total-Records", "X-Total-Count"): digits only, 0 ≤ n ≤ maxCount.
// "-1", "1e9", "12abc" or a count above maxCount (default 10^12, more than any real listing) give nullopt.
std::optional<qint64> count(const QByteArray &value, qint64 maxCount = 1'000'000'000'000LL);

// The target of rel="next" in a Link header (RFC 8288), e.g. `<https://h/x?page=2>; rel="next"`;
// empty when there is none or the header is malformed.
QString nextLink(const QByteArray &value);

// An entity tag without W/ and quotes ("\"123\"" -> "123"); empty when malformed.
QString entityTag(const QByteArray &value);

// "bytes 0-99/1234": first, last and total (-1 for "*"). False when malformed or inconsistent.
struct ContentRange
{
    qint64 first = -1;
    qint64 last = -1;
    qint64 total = -1;
};
std::optional<ContentRange> contentRange(const QByteArray &value);

} // namespace HeaderValues
