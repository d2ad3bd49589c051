#pragma once

#include "adaptivelimit.h"

#include <QElapsedTimer>
#include <QObject>

#include <functional>

class Job;

// Runs a numbered list of units of bulk work (batch chunks, one write per device, ...) with at
// most limit() of them in flight, the limit chosen by an AdaptiveLimit (see adaptivelimit.h) or
// fixed. Service-neutral: a unit is whatever Job the starter returns.
//
// - start(count, starter) calls starter(0), starter(1), ... in order, each when a slot is free;
//   the first ones from inside start(). The starter connects to the job it returns before
//   returning it, so its handlers run before the runner's.
// - A unit's time is from its starter call to its finished(). An HttpJob that needed retries
//   (429, 503, a dropped attempt) or a unit that timed out counts as the server pushing back.
//   Cancelled units are not measured.
// - stop() starts nothing more (units in flight are the caller's to cancel); done() fires once,
//   when every started unit has finished and nothing more will start (after stop(), or after
//   the last unit).
class BulkRunner : public QObject
{
    Q_OBJECT
public:
    using Starter = std::function<Job *(int index)>;

    explicit BulkRunner(const AdaptiveLimit &limit, QObject *parent = nullptr);

    void start(int count, Starter starter);
    void stop();

    const AdaptiveLimit &limit() const { return m_limit; }
    int startedCount() const { return m_started; }
    int finishedCount() const { return m_finished; }
    // Units in flight, at most, over the run.
    int peakInFlight() const { return m_peak; }

Q_SIGNALS:
    void limitChanged(int limit);
    void done();

private:
    void fill();
    void onUnitFinished(Job *job, qint64 startedNs);

    AdaptiveLimit m_limit;
    Starter m_starter;
    QElapsedTimer m_clock;
    int m_count = 0;
    int m_started = 0;
    int m_finished = 0;
    int m_peak = 0;
    bool m_stopped = false;
    bool m_done = false;
};
