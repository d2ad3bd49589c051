#include "kintobatchjob.h"

#include "kintoclient.h"
#include "net/bulkrunner.h"
#include "net/httpclient.h"
#include "net/httpjob.h"
#include "net/json.h"

#include <QTimer>

#include <algorithm>

static constexpr int DefaultBatchMaxRequests = 25; // kinto/core DEFAULT_SETTINGS

KintoBatchJob::KintoBatchJob(KintoClient *client, QList<KintoBatch::Operation> ops, const ApiError &buildError)
    : Job(client)
    , m_client(client)
    , m_ops(std::move(ops))
{
    for (qsizetype i = 0; i < m_ops.size(); ++i)
        m_responses.append(QJsonObject());
    m_outcomes.fill(Outcome::Pending, m_ops.size());
    m_chunkErrors.resize(m_ops.size());
    if (buildError)
        failLater(buildError);
    else
        QTimer::singleShot(0, this, &KintoBatchJob::start);
}

void KintoBatchJob::start()
{
    if (isFinished())
        return;
    if (!m_client) {
        fail(ApiError(ApiError::Kind::Cancelled, tr("The Kinto client is gone.")));
        return;
    }
    if (m_ops.isEmpty()) {
        succeed(QJsonArray());
        return;
    }
    if (m_client->settings().dryRun) {
        sendChunks(int(m_ops.size())); // nothing is sent: one local chunk
        return;
    }
    Job *info = m_client->serverInfo();
    addChild(info);
    connect(info, &Job::finished, this, [this, info] {
        if (info->hasError()) {
            fail(info->error());
            return;
        }
        const int max = info->result().toObject().value(QLatin1String("settings")).toObject()
                            .value(QLatin1String("batch_max_requests")).toInt();
        sendChunks(max > 0 ? max : DefaultBatchMaxRequests);
    });
}

void KintoBatchJob::sendChunks(int chunkSize)
{
    const int total = int(m_ops.size());
    chunkSize = std::clamp(chunkSize, 1, std::max(1, total)); // a server's batch_max_requests may be absurd
    m_chunks = (total + chunkSize - 1) / chunkSize;
    m_runner = new BulkRunner(m_client->bulkLimit(), this);
    const QString path = m_client->endpoint(KintoEndpoint::Batch);
    m_runner->start(m_chunks, [this, chunkSize, total, path](int chunk) -> Job * {
        const int offset = chunk * chunkSize;
        const int count = qMin(chunkSize, total - offset);
        QJsonArray requests;
        for (int i = offset; i < offset + count; ++i)
            requests.append(m_ops.at(i).request);
        HttpRequest request("POST", path);
        request.setJsonBody(QJsonObject { { QLatin1String("requests"), requests } });
        // kinto-http retries batches too; a 5xx rolled the chunk back on the server.
        request.setRepeatable(true);
        HttpJob *http = m_client->send(request);
        addChild(http);
        m_sent.append(http);
        connect(http, &Job::finished, this, [this, http, offset, count] { onChunk(http, offset, count); });
        return http;
    });
}

static QString describe(const QJsonObject &request)
{
    return request.value(QLatin1String("method")).toString() + QLatin1Char(' ')
        + request.value(QLatin1String("path")).toString();
}

void KintoBatchJob::onChunk(HttpJob *http, int offset, int count)
{
    if (isFinished())
        return;
    const auto abort = [this](const ApiError &error) {
        m_runner->stop();
        fail(error);
        // The chunks still out would only be discarded: stop them.
        for (const QPointer<HttpJob> &other : std::as_const(m_sent)) {
            if (other)
                other->cancel();
        }
    };
    const auto chunkFailed = [this, offset, count](Outcome outcome, const ApiError &error) {
        for (int i = offset; i < offset + count; ++i) {
            m_outcomes[i] = outcome;
            m_chunkErrors[i] = error.toString();
        }
    };
    if (http->hasError()) {
        // An HTTP answer refused or rolled back the whole chunk; without one, nobody knows.
        chunkFailed(http->error().httpStatus() >= 400 ? Outcome::NotApplied : Outcome::Unknown, http->error());
        abort(http->error());
        return;
    }
    const HttpResponse &response = http->response();
    if (response.dryRun) {
        for (int i = 0; i < count; ++i) {
            m_responses[offset + i] = QJsonObject { { QLatin1String("status"), 200 },
                                                    { QLatin1String("path"), m_ops.at(offset + i).request.value(QLatin1String("path")) },
                                                    { QLatin1String("body"), QJsonObject() },
                                                    { QLatin1String("dryRun"), true } };
        }
    } else {
        const QJsonArray answers = response.json.toObject().value(QLatin1String("responses")).toArray();
        if (answers.size() != count) {
            abort(ApiError(ApiError::Kind::Parse,
                tr("The batch answer has %1 responses for %2 requests.").arg(answers.size()).arg(count), response.status));
            return;
        }
        for (int i = 0; i < count; ++i) {
            const int index = offset + i;
            const QJsonObject answer = answers.at(i).toObject();
            m_responses[index] = answer;
            const int status = answer.value(QLatin1String("status")).toInt();
            const KintoBatch::Operation &op = m_ops.at(index);
            if (status >= 500) {
                ApiError error = ApiError::fromHttp(status, Json::toBytes(answer.value(QLatin1String("body"))));
                error.setMessage(tr("Batch operation #%1 (%2): %3").arg(index + 1).arg(describe(op.request), error.message()));
                chunkFailed(Outcome::NotApplied, error); // the server rolled the chunk back
                abort(error);
                return;
            }
            const bool excused = (status == 412 && op.existsIsFine)
                || (op.missingIsFine && (status == 404 || (status == 403 && op.bucket)));
            if (status >= 400 && !excused)
                m_failed.append(index);
        }
    }
    for (int i = offset; i < offset + count; ++i)
        m_outcomes[i] = Outcome::Answered;
    m_opsDone += count;
    setProgress(m_opsDone, m_ops.size());
    if (++m_chunksDone == m_chunks)
        finishAll();
}

void KintoBatchJob::finishAll()
{
    std::sort(m_failed.begin(), m_failed.end());
    if (m_failed.isEmpty() || m_client->settings().ignoreBatch4xx) {
        succeed(m_responses);
        return;
    }
    QJsonArray details;
    QStringList lines;
    for (const int index : std::as_const(m_failed)) {
        const QJsonObject answer = m_responses.at(index).toObject();
        const QJsonObject &request = m_ops.at(index).request;
        const int status = answer.value(QLatin1String("status")).toInt();
        const ApiError itemError = ApiError::fromHttp(status, Json::toBytes(answer.value(QLatin1String("body"))));
        details.append(QJsonObject { { QLatin1String("index"), index },
                                     { QLatin1String("method"), request.value(QLatin1String("method")) },
                                     { QLatin1String("path"), request.value(QLatin1String("path")) },
                                     { QLatin1String("status"), status },
                                     { QLatin1String("message"), itemError.message() } });
        if (lines.size() < 5)
            lines << tr("#%1 %2 → %3 %4").arg(index + 1).arg(describe(request)).arg(status).arg(itemError.message());
    }
    if (m_failed.size() > lines.size())
        lines << tr("… and %n more", nullptr, int(m_failed.size() - lines.size()));

    const QJsonObject first = m_responses.at(m_failed.first()).toObject();
    ApiError error = ApiError::fromHttp(first.value(QLatin1String("status")).toInt(),
                                        Json::toBytes(first.value(QLatin1String("body"))));
    error.setMessage(tr("%1 of %2 batch operations failed: %3")
                         .arg(m_failed.size()).arg(m_ops.size()).arg(lines.join(QStringLiteral("; "))));
    error.setDetails(details);
    fail(error);
}

QJsonArray KintoBatchJob::report() const
{
    QJsonArray report;
    for (int index = 0; index < m_ops.size(); ++index) {
        const QJsonObject &request = m_ops.at(index).request;
        QJsonObject entry { { QLatin1String("index"), index },
                            { QLatin1String("method"), request.value(QLatin1String("method")) },
                            { QLatin1String("path"), request.value(QLatin1String("path")) } };
        switch (m_outcomes.at(index)) {
        case Outcome::Answered: {
            const QJsonObject answer = m_responses.at(index).toObject();
            const int status = answer.value(QLatin1String("status")).toInt();
            entry.insert(QLatin1String("status"), status);
            entry.insert(QLatin1String("applied"), status < 400);
            if (answer.value(QLatin1String("dryRun")).toBool())
                entry.insert(QLatin1String("dryRun"), true);
            if (status >= 400)
                entry.insert(QLatin1String("message"),
                             ApiError::fromHttp(status, Json::toBytes(answer.value(QLatin1String("body")))).message());
            break;
        }
        case Outcome::NotApplied:
            entry.insert(QLatin1String("applied"), false);
            entry.insert(QLatin1String("message"), tr("its chunk was not applied: %1").arg(m_chunkErrors.at(index)));
            break;
        case Outcome::Unknown:
            entry.insert(QLatin1String("applied"), QJsonValue::Null);
            entry.insert(QLatin1String("message"), tr("no answer for its chunk, it may or may not be applied: %1")
                                                       .arg(m_chunkErrors.at(index)));
            break;
        case Outcome::Pending:
            entry.insert(QLatin1String("applied"), QJsonValue::Null);
            entry.insert(QLatin1String("message"), isFinished() && hasError()
                    ? tr("no answer: its chunk was stopped after another one failed; it may or may not be applied")
                    : tr("not answered yet"));
            break;
        }
        report.append(entry);
    }
    return report;
}

int KintoBatchJob::concurrency() const
{
    return m_runner ? m_runner->limit().limit() : 0;
}

QList<int> KintoBatchJob::concurrencyHistory() const
{
    return m_runner ? m_runner->limit().history() : QList<int>();
}
