#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

class Job;

// The status bar as pages, dialogs and commands see it (AppContext::status): the outcome of the
// last action ("Saved record r1", "3 records deleted") and long jobs shown with a progress bar and
// a Cancel button. The window owns one and shows it (StatusPanel); code that has none just does
// not report.
class StatusReporter : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // Shows `text` as the outcome of the last action, until the next one.
    void reportOutcome(const QString &text);
    QString lastOutcome() const { return m_outcome; }

    // Shows `job` while it runs: `label`, its progress (Job::progress; busy until it reports
    // some) and a Cancel button that cancels it. When it ends, the outcome becomes "<label>: done",
    // "<label>: cancelled" or "<label> failed: <error>". Not owned; a job given twice counts once.
    void track(Job *job, const QString &label);
    // The jobs shown, oldest first.
    QList<Job *> jobs() const;
    QString labelOf(const Job *job) const;
    // The job's last progress (done, total); (0, 0) until it reports some.
    QPair<qint64, qint64> progressOf(const Job *job) const;

Q_SIGNALS:
    void outcomeReported(const QString &text);
    // A job was added or ended, or reported progress.
    void jobsChanged();

private:
    struct Tracked
    {
        QPointer<Job> job;
        QString label;
        qint64 done = 0;
        qint64 total = 0;
    };
    void onFinished(Job *job);

    QString m_outcome;
    QList<Tracked> m_jobs;
};
