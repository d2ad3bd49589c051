#include "bulkjob.h"
#include "copycollectionjob.h"
#include "json/recordformats.h"
#include "kintobatch.h"
#include "kintoclient.h"
#include "kintosandbox.h"
#include "kintoservice.h"
#include "loopbackhttpserver.h"
#include "recordexportjob.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace {

using TestSupport::Outcome;
using TestSupport::await;

constexpr int RecordCount = 7;

QString recordPath(const QString &bucket, const QString &collection, int i)
{
    return QStringLiteral("/buckets/%1/collections/%2/records/r%3").arg(bucket, collection).arg(i);
}

} // namespace

// The Kinto jobs the bulk, export and copy dialogs run, used without any widget (as tenantctl and
// scripts can): a headless test target that links no Qt Widgets.
class tst_KintoJobs : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void exportWritesCsvReadBackByRecordFormats();
    void bulkDeletesInChunks();
    void bulkSendsChunksSideBySide();
    void bulkStopsAfterAFailedChunk();
    void bulkCancelledWithChunksInFlight();
    void copyCollectionToAnotherBucket();

private:
    int recordsIn(const QString &bucket, const QString &collection);
    // A client of the same server sending `concurrency` batch chunks at once, without retries,
    // its server info already read (so a fault meets the first batch).
    std::unique_ptr<KintoClient> bulkClient(int concurrency);
    QJsonArray deletes(int count);

    QNetworkAccessManager m_nam;
    std::unique_ptr<KintoSandbox> m_sandbox;
    std::unique_ptr<KintoClient> m_client;
};

void tst_KintoJobs::init()
{
    m_sandbox = std::make_unique<KintoSandbox>();
    QVERIFY(m_sandbox->start());
    m_sandbox->addAccount(QStringLiteral("admin"), QStringLiteral("admin"));
    m_sandbox->setAdminPrincipals({QStringLiteral("account:admin")});
    KintoService &service = m_sandbox->service();
    service.writeObject(QStringLiteral("/buckets/b"), {});
    service.writeObject(QStringLiteral("/buckets/b/collections/c"), {});
    for (int i = 0; i < RecordCount; ++i) {
        service.writeObject(recordPath(QStringLiteral("b"), QStringLiteral("c"), i),
                            QJsonObject{{QStringLiteral("title"), QStringLiteral("Record, \"%1\"").arg(i)}, {QStringLiteral("n"), i}},
                            {}, {}, false);
    }
    KintoClient::Settings settings;
    settings.serverUrl = m_sandbox->baseUrl();
    settings.auth = QStringLiteral("admin:admin");
    m_client = std::make_unique<KintoConnection>(&m_nam, settings);
}

void tst_KintoJobs::cleanup()
{
    m_client.reset();
    m_sandbox.reset();
}

int tst_KintoJobs::recordsIn(const QString &bucket, const QString &collection)
{
    const Outcome listed = await(m_client->getRecords(bucket, collection));
    return listed.error ? -1 : int(listed.result.toArray().size());
}

void tst_KintoJobs::exportWritesCsvReadBackByRecordFormats()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("records.csv"));
    KintoListOptions options;
    options.sort = QStringLiteral("n");
    const Outcome exported = await(new RecordExportJob(m_client.get(), QStringLiteral("b"), QStringLiteral("c"), options,
                                                       RecordFormats::Format::Csv, path,
                                                       {QStringLiteral("id"), QStringLiteral("title"), QStringLiteral("n")}));
    QVERIFY(exported.finished);
    QVERIFY2(!exported.error, qPrintable(exported.error.toString()));
    QCOMPARE(exported.result.toObject().value(QStringLiteral("count")).toInt(), RecordCount);

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QList<QStringList> rows;
    QString error;
    QVERIFY2(RecordFormats::splitCsv(QString::fromUtf8(file.readAll()), &rows, &error), qPrintable(error));
    QCOMPARE(rows.size(), RecordCount + 1);
    QCOMPARE(rows.at(0), (QStringList{QStringLiteral("id"), QStringLiteral("title"), QStringLiteral("n")}));
    QCOMPARE(rows.at(3), (QStringList{QStringLiteral("r2"), QStringLiteral("Record, \"2\""), QStringLiteral("2")}));
}

void tst_KintoJobs::bulkDeletesInChunks()
{
    KintoBatch batch = m_client->batch();
    for (int i = 0; i < 5; ++i)
        batch.remove(KintoRef::ofRecord(QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("r%1").arg(i)));
    auto *job = TestSupport::keep(new BulkJob(m_client.get(), batch.requests(), 2));
    std::unique_ptr<BulkJob> owned(job);
    QVERIFY(TestSupport::waitFor(job));
    QVERIFY2(!job->hasError(), qPrintable(job->error().toString()));
    QCOMPARE(job->batchesSent(), 3); // 2 + 2 + 1
    QCOMPARE(job->okCount(), 5);
    QCOMPARE(recordsIn(QStringLiteral("b"), QStringLiteral("c")), RecordCount - 5);
}

std::unique_ptr<KintoClient> tst_KintoJobs::bulkClient(int concurrency)
{
    KintoClient::Settings settings = m_client->settings();
    settings.bulkConcurrency = concurrency;
    settings.retries = 0;
    auto client = std::make_unique<KintoConnection>(&m_nam, settings);
    const Outcome info = await(client->serverInfo());
    return info.error ? nullptr : std::move(client);
}

QJsonArray tst_KintoJobs::deletes(int count)
{
    KintoBatch batch = m_client->batch();
    for (int i = 0; i < count; ++i)
        batch.remove(KintoRef::ofRecord(QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("r%1").arg(i)));
    return batch.requests();
}

// Chunks go out side by side, as many as the client allows, and the server sees that many at once;
// every item gets its own answer.
void tst_KintoJobs::bulkSendsChunksSideBySide()
{
    std::unique_ptr<KintoClient> client = bulkClient(3);
    QVERIFY(client);
    // Every answer takes at least `latency`, so batches received within less than that of one
    // another were in flight at the server together.
    constexpr int latency = 150;
    QList<qint64> received;
    QElapsedTimer clock;
    clock.start();
    connect(m_sandbox->server(), &LoopbackHttpServer::requestReceived, this, [&](const HttpServerRequest &request) {
        if (request.path.endsWith(QLatin1String("/batch")))
            received << clock.elapsed();
    });
    m_sandbox->setLatency(latency);
    KintoBatch batch = client->batch();
    for (int i = 0; i < 24; ++i)
        batch.create(KintoRef::ofRecord(QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("new%1").arg(i)),
                     QJsonObject{{QStringLiteral("n"), i}});
    auto *job = TestSupport::keep(new BulkJob(client.get(), batch.requests(), 2));
    std::unique_ptr<BulkJob> owned(job);
    QVERIFY(TestSupport::waitFor(job, 20000));
    QVERIFY2(!job->hasError(), qPrintable(job->error().toString()));
    QCOMPARE(job->batchesSent(), 12);
    QCOMPARE(job->okCount(), 24);
    QCOMPARE(job->peakConcurrency(), 3);
    int peakAtServer = 0;
    for (qsizetype i = 0; i < received.size(); ++i) {
        const auto together = std::count_if(received.cbegin() + i, received.cend(),
                                            [&](qint64 t) { return t - received.at(i) < latency - 10; });
        peakAtServer = std::max(peakAtServer, int(together));
    }
    QCOMPARE(peakAtServer, 3);
    m_sandbox->setLatency(0);
    QCOMPARE(recordsIn(QStringLiteral("b"), QStringLiteral("c")), RecordCount + 24);
}

// A chunk the server fails (500, rolled back) fails the job: its items failed, nothing after it
// sent, the records of the later chunks untouched.
void tst_KintoJobs::bulkStopsAfterAFailedChunk()
{
    std::unique_ptr<KintoClient> client = bulkClient(1);
    QVERIFY(client);
    m_sandbox->failNext(1, 500);
    auto *job = TestSupport::keep(new BulkJob(client.get(), deletes(6), 2));
    std::unique_ptr<BulkJob> owned(job);
    QVERIFY(TestSupport::waitFor(job));
    QVERIFY(job->hasError());
    QCOMPARE(job->error().httpStatus(), 500);
    QCOMPARE(job->batchesSent(), 1);
    QCOMPARE(job->item(0).state, BulkJob::State::Failed);
    QCOMPARE(job->item(1).state, BulkJob::State::Failed);
    for (int i = 2; i < 6; ++i)
        QCOMPARE(job->item(i).state, BulkJob::State::NotSent);
    QCOMPARE(recordsIn(QStringLiteral("b"), QStringLiteral("c")), RecordCount);
}

// Cancelled with chunks in flight: the answered chunk's items are known, the ones in flight may or
// may not have been applied (Unknown), the rest were never sent and are still on the server.
void tst_KintoJobs::bulkCancelledWithChunksInFlight()
{
    std::unique_ptr<KintoClient> client = bulkClient(2);
    QVERIFY(client);
    m_sandbox->setLatency(300);
    auto *job = TestSupport::keep(new BulkJob(client.get(), deletes(7), 1));
    std::unique_ptr<BulkJob> owned(job);
    QSignalSpy progress(job, &Job::progress);
    QVERIFY(progress.wait(10000)); // the first chunk was answered
    job->cancel();
    QVERIFY(job->isFinished());
    QVERIFY(job->error().isCancelled());
    QCOMPARE(job->item(0).state, BulkJob::State::Ok);
    QVERIFY(job->batchesSent() < 7);
    int unknown = 0;
    for (int i = 1; i < job->batchesSent(); ++i)
        unknown += job->item(i).state == BulkJob::State::Unknown;
    QVERIFY(unknown >= 1);
    for (int i = job->batchesSent(); i < 7; ++i)
        QCOMPARE(job->item(i).state, BulkJob::State::NotSent);
    QTest::qWait(700); // anything still on its way would arrive now
    m_sandbox->setLatency(0);
    QVERIFY(m_sandbox->service().object(recordPath(QStringLiteral("b"), QStringLiteral("c"), 6)));
}

void tst_KintoJobs::copyCollectionToAnotherBucket()
{
    const Outcome copied = await(new CopyCollectionJob(m_client.get(), QStringLiteral("b"), QStringLiteral("c"),
                                                       m_client.get(), QStringLiteral("b2"), QStringLiteral("c2")));
    QVERIFY(copied.finished);
    QVERIFY2(!copied.error, qPrintable(copied.error.toString()));
    QCOMPARE(copied.result.toObject().value(QStringLiteral("records")).toInt(), RecordCount);
    QCOMPARE(recordsIn(QStringLiteral("b2"), QStringLiteral("c2")), RecordCount);
}

QTEST_GUILESS_MAIN(tst_KintoJobs)
#include "tst_kintojobs.moc"
