#pragma once

#include "net/job.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QPointer>
#include <QStringList>

class BulkJob;
class KintoClient;

// Copies a whole collection from one Kinto server (or tenant) to another: its attributes (schema,
// displayFields, anything else in its data) and permissions, then its records through POST /batch.
// The window's "Copy to tenant" and `tenantctl kinto replicate` both run it.
//
// Steps: read the source collection and every record; create the target bucket if it is missing
// (if it exists it is kept as it is); create the target collection with a safe create, with the
// source's data and the permissions the source shows (Kinto shows them to writers only); then write
// the records (ids kept, last_modified left to the target server) in batches. progress(copied,
// total) counts records. Record-level permissions and groups are not copied (listings do not carry
// them).
// - Default (copy to a new collection): an existing target collection fails the job with a
//   Conflict before any record is written; records are safe creates.
// - Options::intoExisting (kinto-http's replication): an existing target collection is kept as it
//   is, and records are written with PUT without precondition, replacing those with the same ids.
// A record the target refuses (e.g. a 400 from its schema) does not stop the others: the job then
// fails at the end with a message counting them, and failures() lists "id: server message".
// summary() tells what happened, whatever the outcome; it is the result on success.
// cancel() stops at once (see BulkJob for records in flight).
class CopyCollectionJob : public Job
{
    Q_OBJECT
public:
    struct Options
    {
        bool intoExisting = false;
    };

    CopyCollectionJob(KintoClient *source, const QString &sourceBucket, const QString &sourceCollection,
                      KintoClient *target, const QString &targetBucket, const QString &targetCollection,
                      QObject *parent = nullptr);
    CopyCollectionJob(KintoClient *source, const QString &sourceBucket, const QString &sourceCollection,
                      KintoClient *target, const QString &targetBucket, const QString &targetCollection,
                      const Options &options, QObject *parent = nullptr);

    QStringList failures() const { return m_failures; }
    int copied() const { return m_copied; }
    // {source, target (server/bucket/collection), bucket: "created"|"existing"|"not created (403)"
    // (a bucket one may write into but not create or read), collection:
    // "created"|"existing", records (read from the source), written, failed, notWritten (not sent, or
    // no answer), batches (POST /batch sent), failures: ["id: message", ...]}; a step not reached is
    // left out.
    QJsonObject summary() const;

Q_SIGNALS:
    // A step started: "Reading the source…", "Creating the collection…", "Copying records…".
    void step(const QString &text);

private:
    void start();
    void readRecords();
    void createBucket();
    void createCollection();
    void copyRecords();
    bool check(Job *job, const QString &what);

    QPointer<KintoClient> m_source;
    QPointer<KintoClient> m_target;
    QString m_sourceBucket;
    QString m_sourceCollection;
    QString m_targetBucket;
    QString m_targetCollection;
    QJsonObject m_collection; // {data, permissions} of the source
    QJsonArray m_records;
    QStringList m_failures;
    Options m_options;
    QString m_bucketState;     // see summary()
    QString m_collectionState; // "created", "existing"
    bool m_recordsRead = false;
    int m_copied = 0;
    int m_notWritten = 0;
    int m_batches = 0;
};
