#include "copycollectionjob.h"

#include "bulkjob.h"
#include "kintoclient.h"

#include <QTimer>

CopyCollectionJob::CopyCollectionJob(KintoClient *source, const QString &sourceBucket, const QString &sourceCollection,
                                     KintoClient *target, const QString &targetBucket, const QString &targetCollection,
                                     QObject *parent)
    : CopyCollectionJob(source, sourceBucket, sourceCollection, target, targetBucket, targetCollection, Options(), parent)
{
}

CopyCollectionJob::CopyCollectionJob(KintoClient *source, const QString &sourceBucket, const QString &sourceCollection,
                                     KintoClient *target, const QString &targetBucket, const QString &targetCollection,
                                     const Options &options, QObject *parent)
    : Job(parent)
    , m_source(source)
    , m_target(target)
    , m_sourceBucket(sourceBucket)
    , m_sourceCollection(sourceCollection)
    , m_targetBucket(targetBucket)
    , m_targetCollection(targetCollection)
    , m_options(options)
{
    QTimer::singleShot(0, this, &CopyCollectionJob::start);
}

// True when `job` succeeded; else fails this job with the error, prefixed by `what`.
bool CopyCollectionJob::check(Job *job, const QString &what)
{
    if (isFinished())
        return false;
    if (!job->hasError())
        return true;
    ApiError error = job->error();
    error.setMessage(QStringLiteral("%1: %2").arg(what, error.message()));
    fail(error);
    return false;
}

void CopyCollectionJob::start()
{
    if (isFinished())
        return;
    if (!m_source || !m_target) {
        fail(ApiError(ApiError::Kind::Cancelled, tr("The Kinto client is gone.")));
        return;
    }
    if (!KintoClient::isValidId(m_targetBucket) || !KintoClient::isValidId(m_targetCollection)) {
        fail(ApiError(ApiError::Kind::Invalid,
            tr("Bucket and collection ids start with a letter or digit and contain only letters, digits, '-' and '_'.")));
        return;
    }
    Q_EMIT step(tr("Reading the source collection…"));
    Job *get = m_source->getCollection(m_sourceBucket, m_sourceCollection);
    addChild(get);
    connect(get, &Job::finished, this, [this, get] {
        if (!check(get, tr("Reading the source collection")))
            return;
        m_collection = get->result().toObject();
        readRecords();
    });
}

void CopyCollectionJob::readRecords()
{
    Q_EMIT step(tr("Reading the source records…"));
    KintoListOptions options;
    options.pages = KintoListOptions::AllPages;
    KintoListJob *list = m_source->getRecords(m_sourceBucket, m_sourceCollection, options);
    addChild(list);
    connect(list, &Job::finished, this, [this, list] {
        if (!check(list, tr("Reading the source records")))
            return;
        m_records = list->result().toArray();
        m_recordsRead = true;
        setProgress(0, m_records.size());
        createBucket();
    });
}

void CopyCollectionJob::createBucket()
{
    Q_EMIT step(tr("Creating the target bucket…"));
    Job *bucket = m_target->createBucket(m_targetBucket); // safe: an existing bucket is kept as it is
    addChild(bucket);
    connect(bucket, &Job::finished, this, [this, bucket] {
        // A bucket the user may write into but not read answers 403: go on, the collection's
        // creation tells whether writing there is possible.
        const ApiError &error = bucket->error();
        if (bucket->hasError() && !error.isPreconditionFailed() && !error.isForbidden()) {
            check(bucket, tr("Creating the target bucket"));
            return;
        }
        m_bucketState = !bucket->hasError()           ? QStringLiteral("created")
                      : error.isPreconditionFailed() ? QStringLiteral("existing")
                                                     : QStringLiteral("not created (403)");
        createCollection();
    });
}

void CopyCollectionJob::createCollection()
{
    Q_EMIT step(tr("Creating the target collection…"));
    QJsonObject data = m_collection.value(QLatin1String("data")).toObject();
    data.remove(QStringLiteral("id"));
    data.remove(QStringLiteral("last_modified"));
    KintoWrite write; // safe: If-None-Match: *
    write.permissions = m_collection.value(QLatin1String("permissions")).toObject();
    Job *create = m_target->createCollection(m_targetBucket, m_targetCollection, data, write);
    addChild(create);
    connect(create, &Job::finished, this, [this, create] {
        if (create->hasError() && create->error().isPreconditionFailed() && m_options.intoExisting) {
            m_collectionState = QStringLiteral("existing");
            copyRecords();
            return;
        }
        if (create->hasError() && create->error().isPreconditionFailed()) {
            ApiError error(ApiError::Kind::Conflict,
                tr("The collection %1/%2 already exists on the target: choose another id.")
                    .arg(m_targetBucket, m_targetCollection), 412);
            fail(error);
            return;
        }
        if (!check(create, tr("Creating the target collection")))
            return;
        m_collectionState = QStringLiteral("created");
        copyRecords();
    });
}

void CopyCollectionJob::copyRecords()
{
    if (m_records.isEmpty()) {
        succeed(summary());
        return;
    }
    Q_EMIT step(tr("Copying records…"));
    KintoBatch batch = m_target->batch();
    for (const QJsonValue &value : std::as_const(m_records)) {
        QJsonObject data = value.toObject();
        const QString id = data.value(QLatin1String("id")).toString();
        data.remove(QStringLiteral("last_modified"));
        const KintoRef ref = KintoRef::ofRecord(m_targetBucket, m_targetCollection, id);
        if (m_options.intoExisting) {
            KintoWrite overwrite;
            overwrite.safe = false;
            batch.update(ref, data, overwrite);
        } else {
            batch.create(ref, data);
        }
    }
    if (batch.error()) {
        fail(batch.error());
        return;
    }
    auto *bulk = new BulkJob(m_target, batch.requests(), 0, this);
    addChild(bulk);
    connect(bulk, &Job::progress, this, [this](qint64 done, qint64 total) { setProgress(done, total); });
    connect(bulk, &Job::finished, this, [this, bulk] {
        if (isFinished())
            return;
        m_batches = bulk->batchesSent();
        for (int i = 0; i < bulk->count(); ++i) {
            const BulkJob::Item &item = bulk->item(i);
            if (item.state == BulkJob::State::Ok) {
                ++m_copied;
                continue;
            }
            if (item.state != BulkJob::State::Failed) {
                ++m_notWritten;
                continue;
            }
            m_failures << QStringLiteral("%1: %2").arg(m_records.at(i).toObject().value(QLatin1String("id")).toString(),
                                                      item.status > 0 ? QStringLiteral("%1 %2").arg(item.status).arg(item.message)
                                                                      : item.message);
        }
        if (bulk->hasError()) {
            check(bulk, tr("Copying records"));
            return;
        }
        if (!m_failures.isEmpty()) {
            ApiError error(ApiError::Kind::Http,
                tr("%1 of %2 records were not copied.").arg(m_failures.size()).arg(m_records.size()));
            error.setDetails(QJsonArray::fromStringList(m_failures));
            fail(error);
            return;
        }
        succeed(summary());
    });
}

QJsonObject CopyCollectionJob::summary() const
{
    const auto where = [](const KintoClient *client, const QString &bucket, const QString &collection) {
        const QString server = client ? client->serverUrl().toDisplayString(QUrl::RemoveUserInfo) : QString();
        return QStringLiteral("%1/buckets/%2/collections/%3").arg(server, bucket, collection);
    };
    QJsonObject summary { { QLatin1String("source"), where(m_source, m_sourceBucket, m_sourceCollection) },
                          { QLatin1String("target"), where(m_target, m_targetBucket, m_targetCollection) } };
    if (!m_bucketState.isEmpty())
        summary.insert(QLatin1String("bucket"), m_bucketState);
    if (!m_collectionState.isEmpty())
        summary.insert(QLatin1String("collection"), m_collectionState);
    if (m_recordsRead) {
        summary.insert(QLatin1String("records"), m_records.size());
        summary.insert(QLatin1String("written"), m_copied);
        summary.insert(QLatin1String("failed"), m_failures.size());
        summary.insert(QLatin1String("notWritten"), m_notWritten);
        summary.insert(QLatin1String("batches"), m_batches);
        summary.insert(QLatin1String("failures"), QJsonArray::fromStringList(m_failures));
    }
    return summary;
}
