#pragma once

#include <QObject>
#include <QQueue>

#include <functional>

// A client-side budget for Kandji's limit of 10,000 requests per hour per customer: a sliding
// one-hour window of the requests this tenant's client sent.
//
// consume() is called once per request before it is sent. When the window reaches the warning
// threshold (80 % of the limit by default) warning() is emitted, once per crossing; at the limit
// consume() refuses (the request is then not sent, so the tenant is never pushed over it).
class KandjiRateBudget : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultLimit = 10'000;

    explicit KandjiRateBudget(QObject *parent = nullptr);

    void setLimit(int perHour);
    int limit() const { return m_limit; }
    void setWarnFraction(double fraction);
    // For tests: the clock in ms since the epoch (default: the system clock).
    void setClock(std::function<qint64()> nowMs);

    // Records one request. False (with *error set) when the hour's budget is spent.
    bool consume(QString *error = nullptr);
    // Records requests already sent (an HTTP client's automatic retries), never refusing.
    void record(int count);
    int used() const;
    int remaining() const { return qMax(0, m_limit - used()); }
    // Ms until the oldest request in the window leaves it (0 when the window is empty).
    qint64 msUntilNextSlot() const;

Q_SIGNALS:
    // The window holds `used` requests of `limit`: the threshold was crossed.
    void warning(int used, int limit);

private:
    void expire() const;

    std::function<qint64()> m_now;
    mutable QQueue<qint64> m_sent;
    int m_limit = DefaultLimit;
    double m_warnFraction = 0.8;
    bool m_warned = false;
};
