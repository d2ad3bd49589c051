#include "adaptivelimit.h"

#include <algorithm>
#include <cmath>

AdaptiveLimit::AdaptiveLimit(int cap, int initial)
    : m_cap(std::max(1, cap))
    , m_limit(std::clamp(initial, 1, m_cap))
{
    m_refLimit = m_limit;
    m_history.append(m_limit);
}

AdaptiveLimit AdaptiveLimit::fixed(int n)
{
    AdaptiveLimit limit(n, n);
    limit.m_adaptive = false;
    return limit;
}

void AdaptiveLimit::setCap(int cap)
{
    m_cap = std::max(1, cap);
    if (!m_adaptive)
        m_cap = std::min(m_cap, m_limit);
    m_refLimit = std::min(m_refLimit, m_cap);
    if (m_limit > m_cap)
        set(m_cap);
}

void AdaptiveLimit::begin(double nowMs)
{
    startRound(nowMs);
}

void AdaptiveLimit::set(int limit)
{
    limit = std::clamp(limit, 1, m_cap);
    if (limit == m_limit)
        return;
    m_limit = limit;
    m_history.append(limit);
    m_warmingUp = true;
}

void AdaptiveLimit::startRound(double nowMs)
{
    m_roundStart = nowMs;
    m_roundDone = 0;
    m_roundLatency = 0;
}

int AdaptiveLimit::finished(double nowMs, double latencyMs, bool pushedBack)
{
    if (!m_adaptive)
        return m_limit;
    if (pushedBack) {
        set(m_limit / 2);
        m_phase = Phase::Steady;
        m_refLimit = m_limit;
        m_refThroughput = 0; // measured again at the new level
        m_steadyRounds = 0;
        startRound(nowMs);
        return m_limit;
    }
    ++m_roundDone;
    m_roundLatency += latencyMs;
    if (m_roundDone < m_limit)
        return m_limit;
    if (m_warmingUp) { // the units of the previous level are out now: measure from here
        m_warmingUp = false;
        startRound(nowMs);
        return m_limit;
    }
    if (nowMs - m_roundStart < MinRoundMs)
        return m_limit; // too short to tell scheduling noise from a change
    const double elapsed = std::max(nowMs - m_roundStart, 0.001);
    judge(m_roundDone / elapsed, m_roundLatency / m_roundDone);
    startRound(nowMs);
    return m_limit;
}

void AdaptiveLimit::judge(double throughput, double latency)
{
    const auto settle = [&](int limit, double refThroughput, double refLatency) {
        set(limit);
        m_refLimit = m_limit;
        m_refThroughput = refThroughput;
        m_refLatency = refLatency;
        m_phase = Phase::Steady;
        m_steadyRounds = 0;
    };
    switch (m_phase) {
    case Phase::Ramp: {
        const double gain = m_refThroughput > 0 ? throughput / m_refThroughput : RaiseGain;
        if (gain < MinGain) { // the raise did not pay: back to the level before it
            settle(m_refLimit, m_refThroughput, m_refLatency);
            return;
        }
        m_refLimit = m_limit;
        m_refThroughput = throughput;
        m_refLatency = latency;
        if (gain >= RaiseGain && m_limit < m_cap)
            set(m_limit * 2); // it paid well: look for more
        else
            settle(m_limit, throughput, latency); // it paid a little: stay, probe later
        return;
    }
    case Phase::Probe:
        if (throughput >= m_refThroughput * std::max(MinGain, 1.0 + 0.5 / m_refLimit) - 1e-12) {
            // One more unit paid: look for more, doubling again.
            m_refLimit = m_limit;
            m_refThroughput = throughput;
            m_refLatency = latency;
            m_phase = Phase::Ramp;
            set(m_limit * 2);
        } else {
            settle(m_refLimit, m_refThroughput, m_refLatency);
        }
        return;
    case Phase::Steady:
        if (m_refThroughput <= 0) {
            m_refThroughput = throughput;
            m_refLatency = latency;
            return;
        }
        if (m_limit > 1 && latency > m_refLatency * LatencyGrowth && throughput < m_refThroughput * 1.1) {
            settle(m_limit / 2, 0, 0); // latency grew without gain: the server is busier
            return;
        }
        // Follow a server whose speed drifts.
        m_refThroughput = 0.75 * m_refThroughput + 0.25 * throughput;
        m_refLatency = 0.75 * m_refLatency + 0.25 * latency;
        if (++m_steadyRounds >= ProbeEvery && m_limit < m_cap) {
            m_steadyRounds = 0;
            m_refLimit = m_limit;
            m_phase = Phase::Probe;
            set(m_limit + 1);
        }
        return;
    }
}
