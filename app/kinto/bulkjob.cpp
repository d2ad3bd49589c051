#include "bulkjob.h"

#include "kintobatch.h"
#include "kintobatchjob.h"
#include "kintoclient.h"
#include "net/bulkrunner.h"
#include "net/json.h"

#include <QTimer>

#include <algorithm>
#include <utility>

static constexpr int DefaultBatchMaxRequests = 25; // kinto/core DEFAULT_SETTINGS

BulkJob::BulkJob(KintoClient *client, const QJsonArray &requests, int chunkSize, QObject *parent)
    : Job(parent)
    , m_client(client)
    , m_requests(requests)
    , m_items(requests.size())
    , m_chunkSize(chunkSize)
{
    QTimer::singleShot(0, this, &BulkJob::start);
}

int BulkJob::okCount() const
{
    return int(std::count_if(m_items.cbegin(), m_items.cend(), [](const Item &i) { return i.state == State::Ok; }));
}

int BulkJob::failedCount() const
{
    return int(std::count_if(m_items.cbegin(), m_items.cend(), [](const Item &i) { return i.state == State::Failed; }));
}

void BulkJob::start()
{
    if (isFinished())
        return;
    if (!m_client) {
        fail(ApiError(ApiError::Kind::Cancelled, tr("The Kinto client is gone.")));
        return;
    }
    if (m_requests.isEmpty()) {
        succeed();
        return;
    }
    if (m_chunkSize > 0) {
        sendChunks();
        return;
    }
    // The chunk size is the server's (serverInfo is cached by the client).
    Job *info = m_client->serverInfo();
    connect(info, &Job::finished, this, [this, info] {
        if (isFinished())
            return;
        if (info->hasError()) {
            markRest(0, State::NotSent, info->error().toString());
            fail(info->error());
            return;
        }
        const int max = info->result().toObject().value(QLatin1String("settings")).toObject()
                            .value(QLatin1String("batch_max_requests")).toInt();
        m_chunkSize = max > 0 ? max : DefaultBatchMaxRequests;
        sendChunks();
    });
}

int BulkJob::peakConcurrency() const
{
    return m_runner ? m_runner->peakInFlight() : 0;
}

void BulkJob::sendChunks()
{
    const int total = int(m_items.size());
    m_chunkSize = std::clamp(m_chunkSize, 1, total);
    m_runner = new BulkRunner(m_client->bulkLimit(), this);
    connect(m_runner, &BulkRunner::done, this, [this] {
        if (!isFinished())
            succeed();
    });
    m_runner->start((total + m_chunkSize - 1) / m_chunkSize, [this](int chunk) { return sendChunk(chunk); });
}

Job *BulkJob::sendChunk(int chunk)
{
    const int offset = chunk * m_chunkSize;
    const int count = qMin(m_chunkSize, int(m_items.size()) - offset);
    KintoBatch batch = m_client->batch();
    for (int i = offset; i < offset + count; ++i)
        batch.add(m_requests.at(i).toObject());
    KintoBatchJob *job = batch.send(); // one chunk: exactly one POST /batch
    ++m_batchesSent;
    m_inFlight.insert(offset, job);
    connect(job, &Job::finished, this, [this, job, offset, count] { onChunk(job, offset, count); });
    return job;
}

void BulkJob::onChunk(KintoBatchJob *job, int offset, int count)
{
    if (m_inFlight.take(offset) != job || isFinished())
        return; // stopped meanwhile: stopAll() marked the items
    const QJsonArray responses = job->responses();
    bool answered = responses.size() == count;
    for (int i = 0; answered && i < count; ++i) {
        const int status = responses.at(i).toObject().value(QLatin1String("status")).toInt();
        answered = status > 0 && status < 500;
    }
    if (!answered) {
        // The chunk was rolled back (5xx) or never reached the server: stop here.
        for (int i = offset; i < offset + count; ++i) {
            m_items[i].state = State::Failed;
            m_items[i].message = job->error().message();
        }
        Q_EMIT chunkDone(offset, count);
        const ApiError error = job->error();
        stopAll(tr("Not sent: an earlier batch failed."));
        fail(error);
        return;
    }
    for (int i = 0; i < count; ++i) {
        const QJsonObject answer = responses.at(i).toObject();
        Item &item = m_items[offset + i];
        item.status = answer.value(QLatin1String("status")).toInt();
        item.body = answer.value(QLatin1String("body")).toObject();
        if (item.status >= 400) {
            item.state = State::Failed;
            item.message = ApiError::fromHttp(item.status, Json::toBytes(item.body)).message();
        } else {
            item.state = State::Ok;
        }
    }
    m_answered += count;
    Q_EMIT chunkDone(offset, count);
    setProgress(m_answered, m_items.size());
}

void BulkJob::stopAll(const QString &notSentMessage)
{
    if (m_runner) {
        disconnect(m_runner, &BulkRunner::done, this, nullptr); // the caller ends the job, not a success
        m_runner->stop();
    }
    const QHash<int, QPointer<KintoBatchJob>> inFlight = std::exchange(m_inFlight, {});
    for (auto it = inFlight.cbegin(); it != inFlight.cend(); ++it) {
        const int end = qMin(it.key() + m_chunkSize, int(m_items.size()));
        for (int i = it.key(); i < end; ++i) {
            m_items[i].state = State::Unknown;
            m_items[i].message = tr("Cancelled while being sent: may or may not have been applied.");
        }
    }
    markRest(0, State::NotSent, notSentMessage);
    Q_EMIT chunkDone(0, int(m_items.size()));
    for (const QPointer<KintoBatchJob> &job : inFlight) {
        if (job)
            job->cancel();
    }
}

void BulkJob::markRest(int from, State state, const QString &message)
{
    for (int i = from; i < m_items.size(); ++i) {
        if (m_items[i].state == State::Pending) {
            m_items[i].state = state;
            m_items[i].message = message;
        }
    }
}

void BulkJob::doCancel()
{
    stopAll(tr("Not sent: cancelled."));
}
