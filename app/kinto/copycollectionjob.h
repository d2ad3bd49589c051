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
//
// Steps: read the source collection and every record; create the target bucket if it is missing
// (if it exists it is kept as it is); create the target collection with a safe create (an existing
// target collection fails the job with a Conflict before any record is written); create the
// records (safe creates, ids kept, last_modified left to the target server). progress(copied,
// total) counts records. Record-level permissions and groups are not copied (listings do not carry
// them). A record the target refuses (e.g. a 400 from its schema) does not stop the others: the job
// then fails at the end with a message counting them, and failures() lists "id: server message".
// Result on success: {records: <count>}. cancel() stops at once (see BulkJob for records in flight).
class CopyCollectionJob : public Job
{
    Q_OBJECT
public:
    CopyCollectionJob(KintoClient *source, const QString &sourceBucket, const QString &sourceCollection,
                      KintoClient *target, const QString &targetBucket, const QString &targetCollection,
                      QObject *parent = nullptr);

    QStringList failures() const { return m_failures; }
    int copied() const { return m_copied; }

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
    int m_copied = 0;
};
