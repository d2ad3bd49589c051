#include "statusreporter.h"

#include "net/job.h"

void StatusReporter::reportOutcome(const QString &text)
{
    m_outcome = text;
    Q_EMIT outcomeReported(text);
}

void StatusReporter::track(Job *job, const QString &label)
{
    if (!job || job->isFinished() || jobs().contains(job))
        return;
    m_jobs.append({job, label});
    connect(job, &Job::finished, this, &StatusReporter::onFinished);
    connect(job, &Job::progress, this, [this, job](qint64 done, qint64 total) {
        for (Tracked &t : m_jobs) {
            if (t.job == job) {
                t.done = done;
                t.total = total;
            }
        }
        Q_EMIT jobsChanged();
    });
    // A job deleted without finishing (its owner went) just leaves the list.
    connect(job, &QObject::destroyed, this, [this] {
        m_jobs.removeIf([](const Tracked &t) { return t.job.isNull(); });
        Q_EMIT jobsChanged();
    });
    Q_EMIT jobsChanged();
}

QList<Job *> StatusReporter::jobs() const
{
    QList<Job *> list;
    for (const Tracked &t : m_jobs) {
        if (t.job)
            list.append(t.job);
    }
    return list;
}

QString StatusReporter::labelOf(const Job *job) const
{
    for (const Tracked &t : m_jobs) {
        if (t.job == job)
            return t.label;
    }
    return {};
}

QPair<qint64, qint64> StatusReporter::progressOf(const Job *job) const
{
    for (const Tracked &t : m_jobs) {
        if (t.job == job)
            return {t.done, t.total};
    }
    return {0, 0};
}

void StatusReporter::onFinished(Job *job)
{
    const QString label = labelOf(job);
    m_jobs.removeIf([job](const Tracked &t) { return t.job == job || t.job.isNull(); });
    if (!job->hasError())
        reportOutcome(tr("%1: done").arg(label));
    else if (job->error().kind() == ApiError::Kind::Cancelled)
        reportOutcome(tr("%1: cancelled").arg(label));
    else
        reportOutcome(tr("%1 failed: %2").arg(label, job->error().toString()));
    Q_EMIT jobsChanged();
}
