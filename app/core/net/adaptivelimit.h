#pragma once

#include <QList>

// How many units of bulk work (batch chunks, bulk writes) to keep in flight at once, chosen by
// measuring the server, never above a cap (the tenant's concurrency). Service-neutral: it only
// sees when units finish and how long they took; BulkRunner feeds it.
//
// The limit is judged in rounds of `limit()` finished units: the round's throughput (units per
// ms since the round began) and mean latency; a round lasts at least MinRoundMs, so quick units
// are judged over several (a few ms of scheduling noise cannot decide). The first round after a change only lets the units
// of the previous level drain; the next one is judged.
// - Ramp: starts at `initial` (1 by default) and doubles while a round's throughput rises by at
//   least RaiseGain over the previous level's. A doubling that gains at least MinGain is kept
//   (and the ramp stops there); one that gains less goes back to the previous level: a server
//   that serialises its work settles at 1, one that runs requests in parallel climbs to the cap.
// - Steady: every ProbeEvery rounds one more unit is tried; kept (and the ramp resumed) when
//   throughput rose by MinGain, or by half of what one more unit would ideally give when that is
//   more (1 + 0.5 / limit), else dropped.
//   When a round's latency grows past LatencyGrowth × the settled latency without a throughput
//   gain, the limit is halved (the server is busier: back off).
// - A unit the server pushed back on (a retry after 429/503, a timeout) halves the limit at once.
// A fixed limit (fixed()) never changes.
class AdaptiveLimit
{
public:
    static constexpr double RaiseGain = 1.3;     // throughput gain that justifies doubling again
    static constexpr double MinGain = 1.1;       // throughput gain that justifies keeping a raise
    static constexpr double LatencyGrowth = 2.0; // latency growth that, without gain, lowers the limit
    static constexpr int ProbeEvery = 8;         // steady rounds between probes
    static constexpr double MinRoundMs = 25;     // a judged round lasts at least this long

    // Adaptive between 1 and `cap` (at least 1), starting at `initial` (clamped to that range).
    explicit AdaptiveLimit(int cap = 8, int initial = 1);
    // Always `n` (at least 1).
    static AdaptiveLimit fixed(int n);

    bool isAdaptive() const { return m_adaptive; }
    int limit() const { return m_limit; }
    int cap() const { return m_cap; }
    // Lowers the limit to a new cap if needed (fixed limits included).
    void setCap(int cap);

    // The clock (ms, monotonic) when the first unit was sent: the first round starts there.
    void begin(double nowMs);
    // A unit finished at `nowMs` after `latencyMs`; `pushedBack` when the server asked to slow
    // down. Returns the limit from now on.
    int finished(double nowMs, double latencyMs, bool pushedBack = false);

    // Every limit taken, in order, the first included (for reports and tests).
    QList<int> history() const { return m_history; }

private:
    enum class Phase { Ramp, Steady, Probe };
    void set(int limit);
    void startRound(double nowMs);
    void judge(double throughput, double latency);

    Phase m_phase = Phase::Ramp;
    int m_cap;
    int m_limit;
    bool m_adaptive = true;
    // The round being measured.
    double m_roundStart = 0;
    int m_roundDone = 0;
    bool m_warmingUp = false; // the first round after a change is not judged
    double m_roundLatency = 0;
    // The settled level and its measurements (0 = not measured yet).
    int m_refLimit = 1;
    double m_refThroughput = 0;
    double m_refLatency = 0;
    int m_steadyRounds = 0;
    QList<int> m_history;
};
