#pragma once

#include "net/job.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPointer>

class BulkRunner;
class KintoBatchJob;
class KintoClient;

// Sends a list of Kinto batch sub-requests ({method, path, body?, headers?}, as KintoBatch::requests()
// gives them) in chunks of the server's batch_max_requests, and keeps a result per item. The bulk
// dialogs (delete, set field, import, copy) all run through it.
//
// - Chunks go out a few at a time (BulkRunner), as many as KintoClient::bulkLimit() allows: measured
//   on the server unless the settings fix it. Chunks may therefore be answered out of order.
// - progress(done, total) after each chunk, in items; chunkDone(first, count) says which items got
//   their results.
// - The job succeeds when every chunk was answered, even if some items failed (4xx): failures are
//   items, read with item(). It fails when a chunk could not be sent or answered (network, 5xx —
//   the chunk is rolled back by the server): no further chunk is sent, the chunks in flight are
//   stopped (their items Unknown), the ones not yet sent are NotSent.
// - cancel() stops at once the same way: chunks in flight aborted (Unknown: they may or may not
//   have been applied), later chunks not sent (NotSent).
// - item() and counts stay readable after finished() (setAutoDelete(false) to keep the job).
class BulkJob : public Job
{
    Q_OBJECT
public:
    enum class State { Pending, Ok, Failed, Unknown, NotSent };
    struct Item
    {
        State state = State::Pending;
        int status = 0;     // the sub-response's HTTP status, 0 when there is none
        QString message;    // the server's message for a failure (or why it was not sent)
        QJsonObject body;   // the sub-response's body
    };

    // Starts from the event loop. A chunk size of 0 means the server's batch_max_requests.
    BulkJob(KintoClient *client, const QJsonArray &requests, int chunkSize = 0, QObject *parent = nullptr);

    int count() const { return int(m_items.size()); }
    const Item &item(int index) const { return m_items.at(index); }
    QJsonObject request(int index) const { return m_requests.at(index).toObject(); }
    int okCount() const;
    int failedCount() const;
    // How many POST /batch requests were sent, and the most that were in flight at once.
    int batchesSent() const { return m_batchesSent; }
    int peakConcurrency() const;

Q_SIGNALS:
    void chunkDone(int first, int count);

protected:
    void doCancel() override;

private:
    void start();
    void sendChunks();
    Job *sendChunk(int chunk);
    void onChunk(KintoBatchJob *job, int offset, int count);
    // Stops sending: chunks in flight are aborted (their items Unknown), the rest NotSent.
    void stopAll(const QString &notSentMessage);
    void markRest(int from, State state, const QString &message);

    QPointer<KintoClient> m_client;
    QJsonArray m_requests;
    QList<Item> m_items;
    QHash<int, QPointer<KintoBatchJob>> m_inFlight; // chunks in flight, by their first item
    BulkRunner *m_runner = nullptr;
    int m_chunkSize = 0;
    int m_batchesSent = 0;
    int m_answered = 0; // items of the chunks answered so far
};
