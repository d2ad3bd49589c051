#include "kandjiratebudget.h"

#include <QDateTime>

static constexpr qint64 HourMs = 3'600'000;

KandjiRateBudget::KandjiRateBudget(QObject *parent)
    : QObject(parent)
    , m_now([] { return QDateTime::currentMSecsSinceEpoch(); })
{
}

void KandjiRateBudget::setLimit(int perHour)
{
    m_limit = qMax(1, perHour);
}

void KandjiRateBudget::setWarnFraction(double fraction)
{
    m_warnFraction = qBound(0.0, fraction, 1.0);
}

void KandjiRateBudget::setClock(std::function<qint64()> nowMs)
{
    m_now = std::move(nowMs);
}

void KandjiRateBudget::expire() const
{
    const qint64 cutoff = m_now() - HourMs;
    while (!m_sent.isEmpty() && m_sent.head() <= cutoff)
        m_sent.dequeue();
}

int KandjiRateBudget::used() const
{
    expire();
    return int(m_sent.size());
}

qint64 KandjiRateBudget::msUntilNextSlot() const
{
    expire();
    return m_sent.isEmpty() ? 0 : qMax<qint64>(0, m_sent.head() + HourMs - m_now());
}

void KandjiRateBudget::record(int count)
{
    for (int i = 0; i < count; ++i)
        m_sent.enqueue(m_now());
    const int inWindow = used();
    if (inWindow >= int(m_limit * m_warnFraction) && !m_warned && count > 0) {
        m_warned = true;
        Q_EMIT warning(inWindow, m_limit);
    }
}

bool KandjiRateBudget::consume(QString *error)
{
    const int inWindow = used();
    if (inWindow >= m_limit) {
        if (error)
            *error = tr("The Kandji API allows %1 requests per hour; this tenant used them all. The next request "
                        "can go in %2 s.").arg(m_limit).arg((msUntilNextSlot() + 999) / 1000);
        return false;
    }
    m_sent.enqueue(m_now());
    const int threshold = int(m_limit * m_warnFraction);
    if (inWindow + 1 >= threshold && !m_warned) {
        m_warned = true;
        Q_EMIT warning(inWindow + 1, m_limit);
    } else if (inWindow + 1 < threshold) {
        m_warned = false;
    }
    return true;
}
