// bench_bulk: batch-creating records with the chunk concurrency chosen by measuring
// (AdaptiveLimit) against fixed settings 1, 2, 4 and 8, on servers that serialise their work and
// on one that scales with parallelism. Run by hand, preferably from an optimised build:
//
//   bench_bulk [--records N] [--latency MS] [--repeat N] [--server URL --auth user:pass]
//
// Servers:
// - "sandbox as is": a KintoSandbox in this process, serving from the client's thread: requests
//   are handled one after the other, so parallel chunks only add waiting (a serialising server).
// - "sandbox, scaling": the same with setLatency(MS) (default 60): every answer is delayed by MS,
//   the delays running concurrently, as a server with many workers would; throughput grows with
//   the chunks in flight until the sandbox's own (serial) work per chunk dominates.
// - a real Kinto with --server (or KINTO_SERVER_URL, auth from KINTO_AUTH): the collections are
//   created in --bucket (default "bench") and deleted afterwards.
// For each: wall time of the batch (records built before the clock starts) for each fixed setting
// and for the adaptive one, the best fixed setting, the ratio adaptive / best fixed (goal ≤ 1.1),
// and the limits the controller took (the last one is where it settled). The client's cap
// (maxConcurrent) is 8. With --repeat N every setting runs N times, interleaved, and the fastest
// run counts.

#include "kintobatchjob.h"
#include "kintoclient.h"
#include "kintosandbox.h"
#include "testsupport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QLocale>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QTextStream>
#include <QUuid>

#include <cstdlib>
#include <functional>
#include <limits>
#include <memory>

namespace {

constexpr int Cap = 8;
constexpr int WaitMs = 1'800'000;

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

[[noreturn]] void die(const QString &message)
{
    out() << Qt::flush;
    QTextStream(stderr) << "bench_bulk: " << message << Qt::endl;
    std::exit(1);
}

QString number(double value, int decimals = 0)
{
    return QLocale(QLocale::English).toString(value, 'f', decimals);
}

void awaitJob(Job *job, const QString &what)
{
    const TestSupport::Outcome outcome = TestSupport::await(job, WaitMs);
    if (!outcome.finished)
        die(what + QStringLiteral(": no answer"));
    if (outcome.error && !(outcome.error.httpStatus() == 412 || outcome.error.httpStatus() == 404))
        die(what + QStringLiteral(": ") + outcome.error.toString());
}

// About 200 bytes of JSON once the server adds id and last_modified (as bench_kinto's).
QJsonObject makeRecord(int i)
{
    return QJsonObject{
        {QStringLiteral("title"), QStringLiteral("Laptop %1").arg(i, 6, 10, QLatin1Char('0'))},
        {QStringLiteral("serial"), QStringLiteral("SN-%1").arg(i * 7919 % 100'000'000, 8, 10, QLatin1Char('0'))},
        {QStringLiteral("status"), QStringLiteral("active")},
        {QStringLiteral("owner"), QStringLiteral("user-%1").arg(i % 500, 3, 10, QLatin1Char('0'))},
        {QStringLiteral("site"), QStringLiteral("Building %1, floor %2").arg(i % 12).arg(i % 5)},
        {QStringLiteral("priority"), i % 5},
    };
}

struct Run
{
    double ms = std::numeric_limits<double>::max();
    QList<int> limits; // adaptive only
};

// One batch of `count` creates into a new collection; `setting` 0 = adaptive.
Run batchCreate(KintoClient *base, const QString &bucket, const QString &collection, int count, int setting)
{
    std::unique_ptr<KintoClient> client(base->clone([setting](KintoClient::Settings &s) { s.bulkConcurrency = setting; }));
    awaitJob(client->createCollection(bucket, collection, {}, KintoWrite{}), QStringLiteral("creating ") + collection);
    KintoBatch batch = client->batch();
    for (int i = 0; i < count; ++i)
        batch.create(KintoRef::ofRecord(bucket, collection, QUuid::createUuid().toString(QUuid::WithoutBraces)), makeRecord(i));
    QElapsedTimer clock;
    clock.start();
    KintoBatchJob *job = TestSupport::keep(batch.send());
    if (!TestSupport::waitFor(job, WaitMs))
        die(QStringLiteral("batch into %1: no answer").arg(collection));
    Run run;
    run.ms = clock.nsecsElapsed() / 1e6;
    run.limits = job->concurrencyHistory();
    if (job->hasError())
        die(QStringLiteral("batch into %1: %2").arg(collection, job->error().toString()));
    delete job;
    return run;
}

QString limitsText(const QList<int> &limits)
{
    QStringList parts;
    for (int limit : limits)
        parts << QString::number(limit);
    if (parts.size() > 16)
        parts = parts.mid(0, 8) + QStringList{QStringLiteral("…")} + parts.mid(parts.size() - 7);
    return parts.join(QStringLiteral("→"));
}

// Gives the client of one run (and keeps what it needs alive until the next call).
using ClientFactory = std::function<KintoClient *()>;

void measure(const QString &title, const ClientFactory &clientForRun, const QString &bucket, int count, int repeat,
             bool cleanUp)
{
    const QList<int> settings{1, 2, 4, 8, 0};
    QHash<int, Run> best;
    int serial = 0;
    for (int r = 0; r < repeat; ++r) {
        for (int setting : settings) {
            KintoClient *client = clientForRun();
            const QString collection = QStringLiteral("bulk-%1-%2-%3")
                                           .arg(setting == 0 ? QStringLiteral("adaptive") : QString::number(setting))
                                           .arg(r).arg(++serial);
            const Run run = batchCreate(client, bucket, collection, count, setting);
            if (run.ms < best[setting].ms)
                best[setting] = run;
            if (cleanUp)
                awaitJob(client->deleteCollection(bucket, collection, KintoWrite{}), QStringLiteral("deleting ") + collection);
        }
    }
    int bestSetting = 1;
    for (int setting : {2, 4, 8}) {
        if (best[setting].ms < best[bestSetting].ms)
            bestSetting = setting;
    }
    out() << title << Qt::endl;
    for (int setting : {1, 2, 4, 8})
        out() << QStringLiteral("  fixed %1").arg(setting).leftJustified(24) << QString(number(best[setting].ms) + QStringLiteral(" ms")).rightJustified(12)
              << (setting == bestSetting ? QStringLiteral("  best fixed") : QString()) << Qt::endl;
    const Run &adaptive = best[0];
    out() << QStringLiteral("  adaptive").leftJustified(24) << QString(number(adaptive.ms) + QStringLiteral(" ms")).rightJustified(12)
          << QStringLiteral("  %1 x best fixed; settled on %2 (limits taken: %3)")
                 .arg(number(adaptive.ms / best[bestSetting].ms, 2))
                 .arg(adaptive.limits.isEmpty() ? 0 : adaptive.limits.last())
                 .arg(limitsText(adaptive.limits))
          << Qt::endl << Qt::endl;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("tenantdesk.*.debug=false\ntenantdesk.*.info=false"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Batch creation: adaptive chunk concurrency against fixed settings."));
    parser.addHelpOption();
    const QCommandLineOption recordsOption(QStringLiteral("records"), QStringLiteral("Records per batch (default 10000)."),
                                           QStringLiteral("n"), QStringLiteral("10000"));
    const QCommandLineOption latencyOption(QStringLiteral("latency"), QStringLiteral("Scaling sandbox: ms added to every answer (default 60)."),
                                           QStringLiteral("ms"), QStringLiteral("60"));
    const QCommandLineOption repeatOption(QStringLiteral("repeat"), QStringLiteral("Runs per setting, fastest kept (default 1)."),
                                          QStringLiteral("n"), QStringLiteral("1"));
    const QCommandLineOption serverOption(QStringLiteral("server"), QStringLiteral("A real Kinto (default $KINTO_SERVER_URL)."), QStringLiteral("url"));
    const QCommandLineOption authOption(QStringLiteral("auth"), QStringLiteral("user:password for --server (default $KINTO_AUTH)."), QStringLiteral("auth"));
    const QCommandLineOption bucketOption(QStringLiteral("bucket"), QStringLiteral("Bucket on the real server (default bench)."),
                                          QStringLiteral("id"), QStringLiteral("bench"));
    parser.addOptions({recordsOption, latencyOption, repeatOption, serverOption, authOption, bucketOption});
    parser.process(app);
    const int count = qMax(1, parser.value(recordsOption).toInt());
    const int latency = qMax(0, parser.value(latencyOption).toInt());
    const int repeat = qMax(1, parser.value(repeatOption).toInt());
    const QString server = parser.isSet(serverOption) ? parser.value(serverOption) : qEnvironmentVariable("KINTO_SERVER_URL");
    const QString auth = parser.isSet(authOption) ? parser.value(authOption) : qEnvironmentVariable("KINTO_AUTH");

    QNetworkAccessManager nam;
    out() << "bench_bulk: " << number(count) << " records per batch, client cap " << Cap << ", Qt " << qVersion() << Qt::endl << Qt::endl;

    // Every run gets a fresh sandbox: its batches cost more as its store grows (a batch keeps a
    // snapshot of the whole state to roll back to), which would favour the settings run first.
    std::unique_ptr<KintoSandbox> sandbox;
    std::unique_ptr<KintoClient> sandboxClient;
    const auto freshSandbox = [&](int latencyMs) {
        sandboxClient.reset();
        sandbox = std::make_unique<KintoSandbox>();
        if (!sandbox->start())
            die(QStringLiteral("the sandbox did not start"));
        sandbox->addAccount(QStringLiteral("bench"), QStringLiteral("bench"));
        sandbox->setAdminPrincipals({QStringLiteral("account:bench")});
        KintoClient::Settings settings;
        settings.serverUrl = sandbox->baseUrl();
        settings.auth = QStringLiteral("bench:bench");
        settings.maxConcurrent = Cap;
        sandboxClient = std::make_unique<KintoConnection>(&nam, settings);
        awaitJob(sandboxClient->createBucket(QStringLiteral("bench"), {}, KintoWrite{}), QStringLiteral("creating the bucket"));
        sandbox->setLatency(latencyMs);
        return sandboxClient.get();
    };
    measure(QStringLiteral("Sandbox as is (serialises: one thread, shared with the client)"),
            [&] { return freshSandbox(0); }, QStringLiteral("bench"), count, repeat, false);
    measure(QStringLiteral("Sandbox, scaling (+%1 ms per answer, delays run concurrently)").arg(latency),
            [&] { return freshSandbox(latency); }, QStringLiteral("bench"), count, repeat, false);
    sandboxClient.reset();
    sandbox.reset();

    if (!server.isEmpty()) {
        KintoClient::Settings settings;
        settings.serverUrl = QUrl(server);
        settings.auth = auth;
        settings.maxConcurrent = Cap;
        KintoConnection client(&nam, settings);
        const QString bucket = parser.value(bucketOption);
        KintoWrite ifNotExists;
        ifNotExists.ifNotExists = true;
        awaitJob(client.createBucket(bucket, {}, ifNotExists), QStringLiteral("creating the bucket"));
        measure(QStringLiteral("Kinto at %1").arg(server), [&] { return &client; }, bucket, count, repeat, true);
    }
    return 0;
}
