#include "bulkjob.h"
#include "copycollectionjob.h"
#include "json/recordformats.h"
#include "kintobatch.h"
#include "kintoclient.h"
#include "kintosandbox.h"
#include "kintoservice.h"
#include "recordexportjob.h"
#include "testsupport.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
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
    void copyCollectionToAnotherBucket();

private:
    int recordsIn(const QString &bucket, const QString &collection);

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
