#pragma once

#include "kintobatch.h"
#include "net/job.h"

#include <QJsonArray>
#include <QList>
#include <QPointer>
#include <QStringList>

class BulkRunner;
class HttpJob;

// The sending of a KintoBatch.
//
// - Chunks go out a few at a time (BulkRunner): as many as the server is measured to handle well
//   (AdaptiveLimit), or Settings::bulkConcurrency when set, under the client's maxConcurrent.
// - progress(done, total) after each chunk, counted in operations.
// - Success: result() is the array of sub-responses {status, path, body, headers}, one per operation
//   in the original order (in dry mode: status 200, empty body, "dryRun": true).
// - A sub-response in 400..499 not excused by ifNotExists/ifExists is a failure item. Unless the
//   client ignores batch 4xx, the job then fails (kind and status of the first failing item) with a
//   message naming the items and details = [{index, method, path, status, message}, ...].
// - A 5xx (of the batch or of a sub-response), a network error or a malformed answer fails the job
//   and cancels the chunks not yet answered; chunks already answered stay committed on the server
//   (each chunk is its own transaction).
// - responses() and failedIndexes() stay readable whatever the outcome (unanswered chunks: {}).
// - report(), whatever the outcome: one entry per operation, in order, saying whether it was applied:
//   {index, method, path, applied, status?, message?}. applied is true for a sub-response below 400,
//   false for a refused one, for every operation of a chunk the server refused or rolled back (a
//   5xx), and null when that cannot be known (no answer: a network error, or the chunk was stopped
//   after another one failed).
class KintoBatchJob : public Job
{
    Q_OBJECT
public:
    QJsonArray responses() const { return m_responses; }
    QList<int> failedIndexes() const { return m_failed; }
    int chunkCount() const { return m_chunks; }
    QJsonArray report() const;
    // Chunks in flight at once: the limit the sending settled on (0 before any chunk was sent),
    // and every limit it took, in order.
    int concurrency() const;
    QList<int> concurrencyHistory() const;

private:
    friend class KintoBatch;
    KintoBatchJob(KintoClient *client, QList<KintoBatch::Operation> ops, const ApiError &buildError);

    void start();
    void sendChunks(int chunkSize);
    void onChunk(HttpJob *http, int offset, int count);
    void finishAll();

    QPointer<KintoClient> m_client;
    QList<KintoBatch::Operation> m_ops;
    QJsonArray m_responses;
    QList<int> m_failed;
    // What became of each operation when its chunk did not answer it one by one.
    enum class Outcome { Pending, Answered, NotApplied, Unknown };
    QList<Outcome> m_outcomes;
    QStringList m_chunkErrors; // per operation: why its chunk failed
    QList<QPointer<HttpJob>> m_sent; // the chunks' requests
    BulkRunner *m_runner = nullptr;  // sends the chunks, some at a time
    int m_chunks = 0;
    int m_chunksDone = 0;
    qint64 m_opsDone = 0;
};
