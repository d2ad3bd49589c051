#include "bulkrunner.h"

#include "httpjob.h"

#include <QPointer>

BulkRunner::BulkRunner(const AdaptiveLimit &limit, QObject *parent)
    : QObject(parent)
    , m_limit(limit)
{
}

void BulkRunner::start(int count, Starter starter)
{
    m_count = std::max(0, count);
    m_starter = std::move(starter);
    m_clock.start();
    m_limit.begin(0);
    fill();
}

void BulkRunner::stop()
{
    m_stopped = true;
    if (m_started == m_finished && !m_done) {
        m_done = true;
        Q_EMIT done();
    }
}

void BulkRunner::fill()
{
    const QPointer<BulkRunner> self(this); // a starter's handler may delete the runner
    while (self && !m_stopped && m_started < m_count && m_started - m_finished < m_limit.limit()) {
        const qint64 startedNs = m_clock.nsecsElapsed();
        Job *job = m_starter(m_started++);
        if (!self)
            return;
        m_peak = std::max(m_peak, m_started - m_finished);
        if (!job) {
            ++m_finished;
            continue;
        }
        connect(job, &Job::finished, this, [this, job, startedNs] { onUnitFinished(job, startedNs); });
    }
    if (self && !m_done && m_started == m_finished && (m_stopped || m_started == m_count)) {
        m_done = true;
        Q_EMIT done();
    }
}

void BulkRunner::onUnitFinished(Job *job, qint64 startedNs)
{
    ++m_finished;
    if (!job->error().isCancelled()) {
        const auto *http = qobject_cast<HttpJob *>(job);
        const bool pushedBack = (http && http->response().retries > 0) || job->error().kind() == ApiError::Kind::Timeout;
        const qint64 nowNs = m_clock.nsecsElapsed();
        const int before = m_limit.limit();
        m_limit.finished(nowNs / 1e6, (nowNs - startedNs) / 1e6, pushedBack);
        if (m_limit.limit() != before)
            Q_EMIT limitChanged(m_limit.limit());
    }
    fill();
}
