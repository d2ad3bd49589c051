#include "bulkjob.h"

#include "kintobatch.h"
#include "kintobatchjob.h"
#include "kintoclient.h"
#include "net/json.h"

#include <QTimer>

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
        sendNext();
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
        sendNext();
    });
}

void BulkJob::sendNext()
{
    if (m_next >= m_items.size()) {
        succeed();
        return;
    }
    const int offset = m_next;
    const int count = qMin(m_chunkSize, int(m_items.size()) - offset);
    KintoBatch batch = m_client->batch();
    for (int i = offset; i < offset + count; ++i)
        batch.add(m_requests.at(i).toObject());
    m_next += count;
    m_currentOffset = offset;
    KintoBatchJob *job = batch.send(); // one chunk: exactly one POST /batch
    ++m_batchesSent;
    m_current = job;
    connect(job, &Job::finished, this, [this, job, offset, count] { onChunk(job, offset, count); });
}

void BulkJob::onChunk(KintoBatchJob *job, int offset, int count)
{
    if (isFinished() || job != m_current)
        return; // cancelled meanwhile: doCancel() marked the items
    m_current = nullptr;
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
        markRest(offset + count, State::NotSent, tr("Not sent: an earlier batch failed."));
        Q_EMIT chunkDone(offset, int(m_items.size()) - offset);
        fail(job->error());
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
    Q_EMIT chunkDone(offset, count);
    setProgress(offset + count, m_items.size());
    sendNext();
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
    if (m_current) {
        const int end = qMin(m_next, int(m_items.size()));
        for (int i = m_currentOffset; i < end; ++i) {
            m_items[i].state = State::Unknown;
            m_items[i].message = tr("Cancelled while being sent: may or may not have been applied.");
        }
    }
    markRest(0, State::NotSent, tr("Not sent: cancelled."));
    Q_EMIT chunkDone(0, int(m_items.size()));
    if (KintoBatchJob *current = m_current) {
        m_current = nullptr;
        current->cancel();
    }
}
