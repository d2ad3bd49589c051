// bench_kinto: how fast KintoClient lists and batch-creates records, and how much memory a
// fetched collection takes. Prints a table to stdout; see README.md for what each figure means.
//
//   bench_kinto                                   against an in-process KintoSandbox
//   bench_kinto --server URL --auth user:pass     against a real Kinto (creates, then deletes,
//                                                 collections in the bucket given by --bucket)

#include "kintoclient.h"
#include "kintosandbox.h"
#include "kintoservice.h"
#include "testsupport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTextStream>
#include <QUuid>

#include <algorithm>
#include <cstdlib>
#include <optional>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace {

constexpr int SmallCount = 10'000;
constexpr int LargeCount = 100'000;
constexpr int WaitMs = 600'000; // one job; the whole run is meant to stay well under this

const QString SmallCollection = QStringLiteral("bench-10k");
const QString LargeCollection = QStringLiteral("bench-100k");
const QString BatchCollection = QStringLiteral("bench-batch-10k");

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

[[noreturn]] void die(const QString &message)
{
    out() << Qt::flush;
    QTextStream(stderr) << "bench_kinto: " << message << Qt::endl;
    std::exit(1);
}

QString number(double value, int decimals = 0)
{
    return QLocale(QLocale::English).toString(value, 'f', decimals);
}

QString mebibytes(qint64 bytes)
{
    return number(double(bytes) / (1024.0 * 1024.0), 1) + QStringLiteral(" MiB");
}

// One row of a table: cells padded to `widths` (negative = left-aligned).
void row(const QList<int> &widths, const QStringList &cells)
{
    QString line;
    for (qsizetype i = 0; i < cells.size() && i < widths.size(); ++i) {
        const int w = widths.at(i);
        line += w < 0 ? cells.at(i).leftJustified(-w) : cells.at(i).rightJustified(w);
        line += QStringLiteral("  ");
    }
    out() << line.trimmed() << Qt::endl;
}

// Destroys the objects deleteLater() left behind (finished jobs and replies with their pages), so
// that one measurement does not pay for freeing the previous one's data.
void flushDeletes() { QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete); }

// Returns memory the allocator holds but no longer uses to the system, so that RSS readings
// reflect live data rather than freed page buffers.
void trimHeap()
{
    flushDeletes();
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

// A record of about 200 bytes of JSON once the server adds id and last_modified.
// Bytes the allocator has handed out and not had back (every arena, mmapped blocks included);
// -1 where unknown. Unlike RSS it does not depend on how fragmented the heap already is.
qint64 heapInUseBytes()
{
#if defined(__GLIBC__) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 33)
    const struct mallinfo2 info = mallinfo2();
    return qint64(info.uordblks + info.hblkhd);
#else
    return -1;
#endif
}

QJsonObject makeRecord(int i)
{
    static const char *const statuses[] = { "active", "retired", "in-repair", "spare" };
    return QJsonObject {
        { QStringLiteral("title"), QStringLiteral("Laptop %1").arg(i, 6, 10, QLatin1Char('0')) },
        { QStringLiteral("serial"), QStringLiteral("SN-%1").arg(i * 7919 % 100'000'000, 8, 10, QLatin1Char('0')) },
        { QStringLiteral("status"), QLatin1String(statuses[i % 4]) },
        { QStringLiteral("owner"), QStringLiteral("user-%1").arg(i % 500, 3, 10, QLatin1Char('0')) },
        { QStringLiteral("site"), QStringLiteral("Building %1, floor %2").arg(i % 12).arg(i % 5) },
        { QStringLiteral("priority"), i % 5 },
        { QStringLiteral("price"), 250.0 + (i % 1000) * 1.25 },
    };
}

QString newRecordId() { return QUuid::createUuid().toString(QUuid::WithoutBraces); }

// Waits for `job` and stops the program if it failed. The caller deletes the job.
void awaitJob(Job *job, const QString &what)
{
    if (!TestSupport::waitFor(job, WaitMs))
        die(what + QStringLiteral(": no answer in time"));
    if (job->hasError())
        die(what + QStringLiteral(": ") + job->error().toString());
}

// Waits for a job whose result is not needed, then deletes it.
void runJob(Job *job, const QString &what)
{
    awaitJob(job, what);
    delete job;
}

struct Timing
{
    qint64 pages = 0;
    qint64 records = 0;
    qint64 bytes = 0; // body bytes (bare loop only)
    double ms = 0;
};

Timing best(const QList<Timing> &runs)
{
    return *std::min_element(runs.begin(), runs.end(), [](const Timing &a, const Timing &b) { return a.ms < b.ms; });
}

// The baseline: the same pages through a bare QNetworkAccessManager, reading each body and the
// Next-Page header, nothing else. A blocking loop is fine in a command-line benchmark.
Timing bareFetch(QNetworkAccessManager *nam, const QUrl &firstPage, const QByteArray &authorization)
{
    Timing t;
    QElapsedTimer clock;
    clock.start();
    QUrl url = firstPage;
    while (url.isValid()) {
        QNetworkRequest request(url);
        if (!authorization.isEmpty())
            request.setRawHeader("Authorization", authorization);
        QNetworkReply *reply = nam->get(request);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        if (reply->error() != QNetworkReply::NoError)
            die(QStringLiteral("bare GET %1: %2").arg(url.toString(), reply->errorString()));
        t.bytes += reply->readAll().size();
        ++t.pages;
        const QByteArray next = reply->rawHeader("Next-Page");
        url = next.isEmpty() ? QUrl() : QUrl(QString::fromUtf8(next));
        reply->deleteLater();
    }
    t.ms = clock.nsecsElapsed() / 1e6;
    flushDeletes();
    return t;
}

// The client's whole-list fetch (Collect) or its page stream (Stream), every page.
Timing clientFetch(KintoClient *client, const QString &bucket, const QString &collection, int limit,
                   KintoListJob::Mode mode, QJsonArray *keep = nullptr, KintoRecordSet *keepCompact = nullptr)
{
    KintoListOptions options;
    options.limit = limit;
    options.pages = KintoListOptions::AllPages;
    Timing t;
    QElapsedTimer clock;
    clock.start();
    KintoListJob *job = mode == KintoListJob::Mode::Collect
        ? client->getRecords(bucket, collection, options)
        : client->getPaginatedRecords(bucket, collection, options, mode);
    qint64 streamed = 0;
    QObject::connect(job, &KintoListJob::page, job, [&streamed](const QJsonArray &items, bool) { streamed += items.size(); });
    awaitJob(job, QStringLiteral("listing %1").arg(collection));
    t.ms = clock.nsecsElapsed() / 1e6;
    t.pages = job->pagesFetched();
    t.records = mode == KintoListJob::Mode::Collect ? job->result().toArray().size() : streamed;
    if (keep)
        *keep = job->result().toArray();
    if (keepCompact)
        *keepCompact = job->records();
    delete job;
    flushDeletes();
    return t;
}

struct BatchRun
{
    QString collection;
    int records = 0;
    int chunks = 0;
    double ms = 0;
};

// Creates `count` records through KintoClient's batch (chunks of batch_max_requests, in parallel
// up to the client's cap). The batch job is built from the records before the clock starts.
BatchRun batchCreate(KintoClient *client, const QString &bucket, const QString &collection, int count)
{
    KintoBatch batch = client->batch();
    for (int i = 0; i < count; ++i)
        batch.create(KintoRef::ofRecord(bucket, collection, newRecordId()), makeRecord(i));
    QElapsedTimer clock;
    clock.start();
    KintoBatchJob *job = batch.send();
    awaitJob(job, QStringLiteral("batch into %1").arg(collection));
    BatchRun run { collection, count, job->chunkCount(), clock.nsecsElapsed() / 1e6 };
    delete job;
    return run;
}

void seedSandbox(KintoService &service, const QString &bucket, const QString &collection, int count)
{
    const QString uri = QStringLiteral("/buckets/%1/collections/%2").arg(bucket, collection);
    service.writeObject(uri, QJsonObject {}, {}, QStringLiteral("account:bench"), false);
    const QString recordPrefix = uri + QStringLiteral("/records/");
    for (int i = 0; i < count; ++i)
        service.writeObject(recordPrefix + newRecordId(), makeRecord(i), {}, {}, false);
}

// Real server: an empty collection (deleted first if it exists).
void recreateCollection(KintoClient *client, const QString &bucket, const QString &collection)
{
    KintoWrite ifExists;
    ifExists.ifExists = true;
    runJob(client->deleteCollection(bucket, collection, ifExists), QStringLiteral("deleting %1").arg(collection));
    runJob(client->createCollection(bucket, collection), QStringLiteral("creating %1").arg(collection));
}

QString percent(double ratio) { return (ratio >= 0 ? QStringLiteral("+") : QString()) + number(ratio * 100, 0) + QLatin1Char('%'); }

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("bench_kinto"));
    QLoggingCategory::setFilterRules(QStringLiteral("tenantdesk.*.debug=false\ntenantdesk.*.info=false"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("KintoClient benchmark: listing, batch creation, memory."));
    parser.addHelpOption();
    const QCommandLineOption serverOption(QStringLiteral("server"),
        QStringLiteral("A Kinto server URL (default: an in-process sandbox)."), QStringLiteral("url"));
    const QCommandLineOption authOption(QStringLiteral("auth"),
        QStringLiteral("user:password (Basic) or \"Bearer token\" (default with the sandbox: bench:bench)."),
        QStringLiteral("auth"));
    const QCommandLineOption bucketOption(QStringLiteral("bucket"),
        QStringLiteral("Bucket holding the benchmark collections (default: bench)."), QStringLiteral("id"),
        QStringLiteral("bench"));
    const QCommandLineOption limitOption(QStringLiteral("limit"),
        QStringLiteral("_limit per page, the same for client and bare loop (default: 10000, Kinto's "
                       "storage_max_fetch_size)."), QStringLiteral("n"), QStringLiteral("10000"));
    const QCommandLineOption repeatOption(QStringLiteral("repeat"),
        QStringLiteral("Runs per fetch measurement; the fastest is reported (default: 3)."), QStringLiteral("n"),
        QStringLiteral("3"));
    const QCommandLineOption keepOption(QStringLiteral("keep"),
        QStringLiteral("Real server: leave the benchmark collections in place."));
    parser.addOptions({ serverOption, authOption, bucketOption, limitOption, repeatOption, keepOption });
    parser.process(app);

    const QString bucket = parser.value(bucketOption);
    const int limit = parser.value(limitOption).toInt();
    const int repeat = qMax(1, parser.value(repeatOption).toInt());
    if (limit < 1 || !KintoClient::isValidId(bucket))
        die(QStringLiteral("--limit must be positive and --bucket a valid id"));

    // --- Server
    const bool useSandbox = !parser.isSet(serverOption);
    std::optional<KintoSandbox> sandbox;
    QUrl serverUrl;
    QString auth = parser.value(authOption);
    QElapsedTimer clock;
    double seedMs = 0;
    if (useSandbox) {
        sandbox.emplace();
        if (!sandbox->start())
            die(QStringLiteral("cannot start the sandbox"));
        sandbox->addAccount(QStringLiteral("bench"), QStringLiteral("bench"));
        if (auth.isEmpty())
            auth = QStringLiteral("bench:bench");
        serverUrl = sandbox->baseUrl();
        // Storage written directly: the bucket belongs to the bench account, records inherit it.
        clock.start();
        KintoService &service = sandbox->service();
        service.writeObject(QStringLiteral("/buckets/") + bucket, QJsonObject {},
                            KintoAcl { { QStringLiteral("write"), { QStringLiteral("account:bench") } } },
                            QStringLiteral("account:bench"), false);
        seedSandbox(service, bucket, SmallCollection, SmallCount);
        seedSandbox(service, bucket, LargeCollection, LargeCount);
        seedMs = clock.nsecsElapsed() / 1e6;
    } else {
        serverUrl = QUrl::fromUserInput(parser.value(serverOption));
    }

    QNetworkAccessManager clientNam;
    QNetworkAccessManager bareNam;
    KintoClient::Settings settings;
    settings.serverUrl = serverUrl;
    settings.auth = auth;
    settings.bucket = bucket;
    KintoConnection client(&clientNam, settings);

    Job *info = TestSupport::keep(client.serverInfo());
    awaitJob(info, QStringLiteral("server info"));
    const QJsonObject hello = info->result().toObject();
    delete info;
    const int batchMax = hello.value(QLatin1String("settings")).toObject().value(QLatin1String("batch_max_requests")).toInt();
    if (!hello.value(QLatin1String("user")).isObject())
        die(QStringLiteral("the server did not accept the credentials (no \"user\" in its hello)"));

    QByteArray authorization;
    if (auth.startsWith(QLatin1String("Bearer ")) || auth.startsWith(QLatin1String("Basic ")))
        authorization = auth.toUtf8();
    else if (!auth.isEmpty())
        authorization = "Basic " + auth.toUtf8().toBase64();

    out() << "TenantDesk Kinto benchmark" << Qt::endl
          << "Server:   " << (useSandbox ? QStringLiteral("in-process KintoSandbox ") : QString())
          << client.serverUrl().toString() << " (" << hello.value(QLatin1String("project_name")).toString() << ' '
          << hello.value(QLatin1String("project_version")).toString() << ')' << Qt::endl
          << "Settings: _limit=" << limit << " per page, batch_max_requests " << batchMax
          << ", client concurrency " << settings.maxConcurrent << ", best of " << repeat << " runs" << Qt::endl;
    if (useSandbox)
        out() << "Seeding:  " << number(SmallCount + LargeCount) << " records written straight to storage in "
              << number(seedMs) << " ms (peak RSS so far " << mebibytes(TestSupport::peakRssKiB() * 1024) << ')'
              << Qt::endl;
    out() << Qt::endl;

    // --- 2. Batch creation (against a real server it also fills the collections read below)
    QList<BatchRun> batches;
    if (!useSandbox) {
        KintoWrite ifNotExists;
        ifNotExists.ifNotExists = true;
        runJob(client.createBucket(bucket, {}, ifNotExists), QStringLiteral("creating bucket %1").arg(bucket));
        for (const auto &[collection, count] : { std::pair { SmallCollection, SmallCount }, std::pair { LargeCollection, LargeCount } }) {
            recreateCollection(&client, bucket, collection);
            batches.append(batchCreate(&client, bucket, collection, count));
        }
    } else {
        KintoWrite ifNotExists;
        ifNotExists.ifNotExists = true;
        runJob(client.createCollection(bucket, BatchCollection, {}, ifNotExists), QStringLiteral("creating %1").arg(BatchCollection));
        batches.append(batchCreate(&client, bucket, BatchCollection, SmallCount));
    }

    // --- 1. Fetching every record: bare loop, whole-list fetch, page stream
    struct FetchRow
    {
        QString collection;
        QString method;
        Timing timing;
        double overhead = 0;
        bool baseline = false;
    };
    QList<FetchRow> fetches;
    for (const QString &collection : { SmallCollection, LargeCollection }) {
        QueryList query { { QStringLiteral("_limit"), QString::number(limit) } };
        const QUrl firstPage = client.httpClient()->resolve(client.endpoint(KintoEndpoint::Records, bucket, collection), query);
        QList<Timing> bare, collect, stream;
        for (int i = 0; i < repeat; ++i) {
            bare.append(bareFetch(&bareNam, firstPage, authorization));
            collect.append(clientFetch(&client, bucket, collection, limit, KintoListJob::Mode::Collect));
            stream.append(clientFetch(&client, bucket, collection, limit, KintoListJob::Mode::Stream));
            trimHeap();
        }
        const Timing c = best(collect);
        const Timing s = best(stream);
        Timing base = best(bare);
        base.records = c.records; // the bare loop does not parse: it counts what the client found
        const auto overhead = [&base](const Timing &t) { return (t.ms - base.ms) / base.ms; };
        fetches.append({ collection, QStringLiteral("bare QNetworkAccessManager"), base, 0, true });
        fetches.append({ collection, QStringLiteral("KintoClient::getRecords"), c, overhead(c), false });
        fetches.append({ collection, QStringLiteral("KintoClient page stream"), s, overhead(s), false });
        if (c.records != s.records || c.pages != base.pages)
            die(QStringLiteral("%1: the client and the bare loop disagree (%2/%3 records, %4/%5 pages)")
                    .arg(collection).arg(c.records).arg(s.records).arg(c.pages).arg(base.pages));
    }

    // --- 3. Memory held by the 100,000 fetched records
    trimHeap();
    const qint64 rssBefore = TestSupport::currentRssKiB();
    const qint64 heapBefore = heapInUseBytes();
    QJsonArray held;
    const Timing memoryRun = clientFetch(&client, bucket, LargeCollection, limit, KintoListJob::Mode::Collect, &held);
    trimHeap();
    const qint64 rssHolding = TestSupport::currentRssKiB();
    const qint64 heapGrowth = heapInUseBytes() - heapBefore;
    const qint64 jsonBytes = QJsonDocument(held).toJson(QJsonDocument::Compact).size();
    held = QJsonArray();
    trimHeap();
    const qint64 rssReleased = TestSupport::currentRssKiB();
    const qint64 growthBytes = (rssHolding - rssBefore) * 1024;

    // The same records held compactly (KintoListJob's Compact mode, a KintoRecordSet).
    trimHeap();
    const qint64 compactRssBefore = TestSupport::currentRssKiB();
    KintoRecordSet compact;
    const Timing compactRun = clientFetch(&client, bucket, LargeCollection, limit, KintoListJob::Mode::Compact, nullptr, &compact);
    trimHeap();
    const qint64 compactGrowthBytes = (TestSupport::currentRssKiB() - compactRssBefore) * 1024;
    const qsizetype compactHeld = compact.size();
    compact.clear();
    trimHeap();

    if (!useSandbox && !parser.isSet(keepOption)) {
        KintoWrite ifExists;
        ifExists.ifExists = true;
        for (const QString &collection : { SmallCollection, LargeCollection })
            runJob(client.deleteCollection(bucket, collection, ifExists), QStringLiteral("deleting %1").arg(collection));
    }

    // --- Report
    out() << "1. Fetch every record (pages of _limit=" << limit << "; overhead = (client - bare) / bare)" << Qt::endl;
    const QList<int> fetchWidths { -11, -27, 5, 8, 10, 9, 11, 9, 9 };
    row(fetchWidths, { QStringLiteral("collection"), QStringLiteral("method"), QStringLiteral("pages"),
                       QStringLiteral("records"), QStringLiteral("bytes"), QStringLiteral("time ms"),
                       QStringLiteral("records/s"), QStringLiteral("overhead"), QStringLiteral("extra ms") });
    double baseMs = 0;
    for (const FetchRow &f : fetches) {
        const Timing &t = f.timing;
        if (f.baseline)
            baseMs = t.ms;
        row(fetchWidths, { f.collection, f.method, number(t.pages), number(t.records),
                           f.baseline ? mebibytes(t.bytes) : QString(), number(t.ms, 1),
                           number(t.records / (t.ms / 1000.0)),
                           f.baseline ? QStringLiteral("(base)") : percent(f.overhead),
                           f.baseline ? QString() : number(t.ms - baseMs, 1) });
    }
    out() << Qt::endl;

    out() << "2. Create records through batch (chunks of " << batchMax << ", up to " << settings.maxConcurrent
          << " in flight)" << Qt::endl;
    const QList<int> batchWidths { -16, 8, 7, 9, 11 };
    row(batchWidths, { QStringLiteral("collection"), QStringLiteral("records"), QStringLiteral("chunks"),
                       QStringLiteral("time ms"), QStringLiteral("records/s") });
    for (const BatchRun &b : batches)
        row(batchWidths, { b.collection, number(b.records), number(b.chunks), number(b.ms, 1),
                           number(b.records / (b.ms / 1000.0)) });
    out() << Qt::endl;

    out() << "3. Memory" << Qt::endl;
    const QList<int> memWidths { -44, 12 };
    row(memWidths, { QStringLiteral("records held (KintoClient::getRecords result)"), number(memoryRun.records) });
    row(memWidths, { QStringLiteral("their JSON size (compact)"), mebibytes(jsonBytes) });
    row(memWidths, { QStringLiteral("RSS growth while holding them"), mebibytes(growthBytes) });
    row(memWidths, { QStringLiteral("ratio RSS growth / JSON size (target < 2)"), number(double(growthBytes) / jsonBytes, 2) });
    if (heapBefore >= 0) {
        row(memWidths, { QStringLiteral("heap in use growth while holding them"), mebibytes(heapGrowth) });
        row(memWidths, { QStringLiteral("ratio heap growth / JSON size"), number(double(heapGrowth) / jsonBytes, 2) });
    }
    row(memWidths, { QStringLiteral("per record: heap growth / JSON bytes"),
                     number(double(heapBefore >= 0 ? heapGrowth : growthBytes) / memoryRun.records)
                         + QStringLiteral(" / ") + number(double(jsonBytes) / memoryRun.records) });
    row(memWidths, { QStringLiteral("records held compactly (Compact mode)"), number(qint64(compactHeld)) });
    row(memWidths, { QStringLiteral("compact: fetch time ms"), number(compactRun.ms, 1) });
    row(memWidths, { QStringLiteral("compact: RSS growth while holding them"), mebibytes(compactGrowthBytes) });
    row(memWidths, { QStringLiteral("compact: ratio RSS growth / JSON (target < 2)"), number(double(compactGrowthBytes) / jsonBytes, 2) });
    row(memWidths, { QStringLiteral("RSS given back when released"), mebibytes((rssHolding - rssReleased) * 1024) });
    row(memWidths, { QStringLiteral("peak RSS of the run (VmHWM)"), mebibytes(TestSupport::peakRssKiB() * 1024) });
    return 0;
}
