#include "net/adaptivelimit.h"
#include "net/bulkrunner.h"
#include "net/job.h"

#include <QTest>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <queue>
#include <vector>

// The concurrency controller of bulk work against simulated servers (virtual time, so the figures
// are exact and the test is quick), and BulkRunner against timed jobs.
namespace {

// A server with `workers` that each serve one unit at a time, FIFO; a unit costs `serviceMs`,
// plus `contention` × serviceMs for every other unit in the server when it arrives (the slowdown
// a serialising server shows under parallel load).
struct SimServer
{
    int workers = 1;
    double serviceMs = 10;
    double contention = 0;
};

struct SimResult
{
    double wallMs = 0;
    int finalLimit = 0;
    int peakInFlight = 0;
};

SimResult simulate(const SimServer &server, AdaptiveLimit limit, int units)
{
    struct Unit
    {
        double finish;
        double start;
        bool operator>(const Unit &other) const { return finish > other.finish; }
    };
    std::priority_queue<Unit, std::vector<Unit>, std::greater<>> inFlight;
    std::vector<double> workerFree(size_t(server.workers), 0.0);
    double now = 0;
    int started = 0;
    SimResult result;
    const auto fill = [&] {
        while (started < units && int(inFlight.size()) < limit.limit()) {
            auto worker = std::min_element(workerFree.begin(), workerFree.end());
            const double begin = std::max(now, *worker);
            const double cost = server.serviceMs * (1.0 + server.contention * double(inFlight.size()));
            *worker = begin + cost;
            inFlight.push({*worker, now});
            ++started;
            result.peakInFlight = std::max(result.peakInFlight, int(inFlight.size()));
        }
    };
    limit.begin(0);
    fill();
    while (!inFlight.empty()) {
        const Unit unit = inFlight.top();
        inFlight.pop();
        now = unit.finish;
        limit.finished(now, unit.finish - unit.start);
        fill();
    }
    result.wallMs = now;
    result.finalLimit = limit.limit();
    return result;
}

double bestFixed(const SimServer &server, int units, int cap)
{
    double best = 1e300;
    for (int n : {1, 2, 4, 8}) {
        if (n <= cap)
            best = std::min(best, simulate(server, AdaptiveLimit::fixed(n), units).wallMs);
    }
    return best;
}

// A job that succeeds after `ms`.
Job *timedJob(QObject *parent, int ms)
{
    auto *job = new Job(parent);
    QTimer::singleShot(ms, job, [job] { job->succeed(); });
    return job;
}

} // namespace

class tst_AdaptiveLimit : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void withinTenPercentOfBestFixed_data();
    void withinTenPercentOfBestFixed();
    void fixedNeverChanges();
    void pushBackHalves();
    void latencyGrowthWithoutGainLowers();
    void capLowersLimit();
    void runnerKeepsLimitAndFinishes();
    void runnerStopStartsNothingMore();
};

void tst_AdaptiveLimit::withinTenPercentOfBestFixed_data()
{
    QTest::addColumn<int>("workers");
    QTest::addColumn<double>("contention");
    QTest::addColumn<int>("minLimit");
    QTest::addColumn<int>("maxLimit");
    QTest::newRow("serialising server") << 1 << 0.0 << 1 << 2;
    QTest::newRow("five workers") << 5 << 0.0 << 5 << 8;
    QTest::newRow("serialising server, slower under contention") << 1 << 0.15 << 1 << 1;
    QTest::newRow("three workers") << 3 << 0.0 << 3 << 8;
    QTest::newRow("scales past the cap") << 64 << 0.0 << 8 << 8;
}

void tst_AdaptiveLimit::withinTenPercentOfBestFixed()
{
    QFETCH(int, workers);
    QFETCH(double, contention);
    QFETCH(int, minLimit);
    QFETCH(int, maxLimit);
    const SimServer server{workers, 40.0, contention};
    const int units = 400; // 10,000 records in chunks of 25
    const SimResult adaptive = simulate(server, AdaptiveLimit(8), units);
    const double best = bestFixed(server, units, 8);
    QVERIFY2(adaptive.wallMs <= best * 1.1,
             qPrintable(QStringLiteral("adaptive %1 ms, best fixed %2 ms").arg(adaptive.wallMs).arg(best)));
    QVERIFY2(adaptive.finalLimit >= minLimit && adaptive.finalLimit <= maxLimit,
             qPrintable(QStringLiteral("settled on %1").arg(adaptive.finalLimit)));
    QVERIFY(adaptive.peakInFlight <= 8);
}

void tst_AdaptiveLimit::fixedNeverChanges()
{
    AdaptiveLimit limit = AdaptiveLimit::fixed(3);
    QVERIFY(!limit.isAdaptive());
    limit.begin(0);
    for (int i = 1; i <= 50; ++i)
        QCOMPARE(limit.finished(i * 10.0, 10.0, i % 7 == 0), 3);
    QCOMPARE(limit.history(), QList<int>{3});
}

void tst_AdaptiveLimit::pushBackHalves()
{
    // A server that scales: the limit climbs to the cap, then a push-back (a 429) halves it.
    const SimResult climbed = simulate(SimServer{64, 10.0, 0}, AdaptiveLimit(8), 100);
    QCOMPARE(climbed.finalLimit, 8);
    AdaptiveLimit limit(8, 8);
    limit.begin(0);
    QCOMPARE(limit.finished(10, 10, true), 4);
    QCOMPARE(limit.finished(20, 10, true), 2);
    QCOMPARE(limit.finished(30, 10, true), 1);
    QCOMPARE(limit.finished(40, 10, true), 1);
}

void tst_AdaptiveLimit::latencyGrowthWithoutGainLowers()
{
    // Settled at 8 on a fast server; then every unit takes four times as long with no more done.
    AdaptiveLimit limit(8);
    double now = 0;
    limit.begin(now);
    for (int round = 0; round < 10; ++round) { // 1, 2, 4, 8 (each judged after a warm-up round)
        const int n = limit.limit();
        for (int i = 0; i < n; ++i)
            limit.finished(now + 100.0, 100.0);
        now += 100.0;
    }
    QCOMPARE(limit.limit(), 8);
    for (int i = 0; i < 8; ++i)
        limit.finished(now + 400.0 * (i + 1) / 8, 400.0); // a quarter of the throughput, 4x the latency
    QCOMPARE(limit.limit(), 4);
}

void tst_AdaptiveLimit::capLowersLimit()
{
    AdaptiveLimit limit(8, 6);
    QCOMPARE(limit.limit(), 6);
    limit.setCap(2);
    QCOMPARE(limit.limit(), 2);
    QCOMPARE(limit.cap(), 2);
    AdaptiveLimit fixed = AdaptiveLimit::fixed(4);
    fixed.setCap(3);
    QCOMPARE(fixed.limit(), 3);
}

void tst_AdaptiveLimit::runnerKeepsLimitAndFinishes()
{
    BulkRunner runner(AdaptiveLimit::fixed(3));
    int running = 0;
    int peak = 0;
    QList<int> order;
    runner.start(12, [&](int index) -> Job * {
        order << index;
        Job *job = timedJob(this, 20);
        ++running;
        peak = std::max(peak, running);
        connect(job, &Job::finished, this, [&] { --running; });
        return job;
    });
    QCOMPARE(runner.startedCount(), 3); // the first ones from inside start()
    bool done = false;
    connect(&runner, &BulkRunner::done, this, [&] { done = true; });
    QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
    QCOMPARE(peak, 3);
    QCOMPARE(runner.peakInFlight(), 3);
    QCOMPARE(runner.finishedCount(), 12);
    QList<int> expected;
    for (int i = 0; i < 12; ++i)
        expected << i;
    QCOMPARE(order, expected);
}

void tst_AdaptiveLimit::runnerStopStartsNothingMore()
{
    BulkRunner runner(AdaptiveLimit::fixed(2));
    QList<Job *> jobs;
    runner.start(10, [&](int) -> Job * {
        Job *job = timedJob(this, 30);
        jobs << job;
        return job;
    });
    bool done = false;
    connect(&runner, &BulkRunner::done, this, [&] { done = true; });
    runner.stop();
    QVERIFY(!done); // two units still in flight
    QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
    QCOMPARE(runner.startedCount(), 2);
    QCOMPARE(jobs.size(), 2);
}

QTEST_GUILESS_MAIN(tst_AdaptiveLimit)
#include "tst_adaptivelimit.moc"
