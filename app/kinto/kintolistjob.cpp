#include "kintolistjob.h"

#include "kintoclient.h"
#include "net/httpjob.h"
#include "net/json.h"

#include <QJsonObject>
#include <QTimer>

#include <utility>

KintoListJob::KintoListJob(KintoClient *client, const HttpRequest &firstPage, int maxPages, Mode mode,
                           const QString &dedupKey, QObject *parent)
    : Job(parent)
    , m_client(client)
    , m_template(firstPage)
    , m_dedupKey(dedupKey)
    , m_mode(mode)
    , m_maxPages(maxPages)
{
}

void KintoListJob::start()
{
    if (m_client) {
        const PageCursor::Limits limits = m_cursor.limits();
        m_cursor = PageCursor(m_client->serverUrl(), m_client->httpClient()->resolve(m_template.path(), m_template.query()), limits);
    }
    m_inFlight = true; // the first page is on its way
    QTimer::singleShot(0, this, [this] { request(m_template); });
}

void KintoListJob::fetchMore()
{
    if (!canFetchMore())
        return;
    HttpRequest next("GET", m_nextPage); // Next-Page is absolute and carries every parameter
    for (const auto &header : m_template.headers())
        next.setHeader(header.first, header.second);
    m_nextPage.clear();
    m_inFlight = true;
    request(next);
}

void KintoListJob::request(const HttpRequest &request)
{
    if (isFinished())
        return;
    if (!m_client) {
        fail(ApiError(ApiError::Kind::Cancelled, tr("The Kinto client is gone.")));
        return;
    }
    HttpRequest sent = request;
    sent.setDecodeJson(m_mode != Mode::Stream && m_mode != Mode::Lines); // decoded in batches, or not at all (onPage)
    HttpJob *http = m_client->send(sent);
    addChild(http);
    connect(http, &Job::finished, this, [this, http] { onPage(http); });
}

void KintoListJob::onPage(HttpJob *http)
{
    m_inFlight = false;
    if (http->hasError()) {
        fail(http->error());
        return;
    }
    const HttpResponse &response = http->response();
    if (m_pages == 0) {
        m_timestamp = QString::fromLatin1(response.header("ETag")).remove(QLatin1Char('"'));
        m_notModified = response.status == 304;
    }
    ++m_pages;

    const QString next = QString::fromUtf8(response.header("Next-Page"));
    m_nextPageLink = next;
    const bool capped = m_maxPages > 0 && m_pages >= m_maxPages;
    const ApiError refused = capped ? ApiError() : m_cursor.advance(next, response.body.size());
    const bool last = next.isEmpty() || capped;
    if ((m_mode == Mode::Stream || m_mode == Mode::Lines) && !response.dryRun && !m_notModified) {
        if (!(m_mode == Mode::Lines ? linesPage(response.body, last) : streamPage(response.body, last)))
            return;
    } else if (!decodePage(response, last)) {
        return;
    }
    if (refused) {
        fail(refused);
        return;
    }
    if (last) {
        succeed(m_collected);
        return;
    }
    m_nextPage = m_cursor.next().toString(QUrl::FullyEncoded);
    if (m_mode != Mode::OnDemand)
        fetchMore();
}

bool KintoListJob::streamPage(const QByteArray &body, bool last)
{
    // The page is given in batches as it is decoded, the previous batch once the next is known, so
    // that the final one carries `last`. A receiver may end the job in between.
    QJsonArray pending;
    bool havePending = false;
    QString error;
    const bool ok = Json::forEachBatch(body, QLatin1String("data"), StreamBatchSize, [&](const QJsonArray &items) {
        if (havePending && !isFinished())
            Q_EMIT page(pending, false);
        pending = items;
        havePending = true;
        m_items += items.size();
    }, &error);
    if (isFinished())
        return false;
    if (!ok) {
        fail(ApiError(ApiError::Kind::Parse, tr("The server's list is not an object with a \"data\" array (%1).").arg(error)));
        return false;
    }
    Q_EMIT page(pending, last);
    return !isFinished();
}

bool KintoListJob::linesPage(const QByteArray &body, bool last)
{
    QByteArray text;
    int count = 0;
    QString error;
    const bool ok = Json::forEachItemText(body, QLatin1String("data"), [&](QByteArrayView item, qsizetype offset) {
        qsizetype at = 0;
        if (!Json::appendCompactOrReencoded(item, &text, &at)) {
            error = tr("item %1 is not valid JSON (byte %2 of the page)").arg(m_items + 1).arg(offset + at);
            return false;
        }
        text += '\n';
        ++m_items;
        if (++count == StreamBatchSize) {
            Q_EMIT lines(std::exchange(text, {}), std::exchange(count, 0), false);
            return !isFinished();
        }
        return true;
    }, &error);
    if (isFinished())
        return false;
    if (!ok) {
        if (count > 0)
            Q_EMIT lines(text, count, false);
        fail(ApiError(ApiError::Kind::Parse, tr("The server's list is not an object with a \"data\" array (%1).").arg(error)));
        return false;
    }
    Q_EMIT lines(text, count, last);
    return !isFinished();
}

bool KintoListJob::decodePage(const HttpResponse &response, bool last)
{
    const QJsonValue data = response.json.toObject().value(QLatin1String("data"));
    if (!response.dryRun && !m_notModified && !data.isArray()) {
        fail(ApiError(ApiError::Kind::Parse, tr("The server's list has no \"data\" array."), response.status));
        return false;
    }
    const QJsonArray items = data.toArray();
    m_items += items.size();
    if (m_mode == Mode::Collect) {
        for (const QJsonValue &item : items) {
            const QString key = m_dedupKey.isEmpty() ? QString() : item.toObject().value(m_dedupKey).toString();
            const auto known = key.isEmpty() ? m_positions.constEnd() : m_positions.constFind(key);
            if (known != m_positions.constEnd()) {
                m_collected.replace(*known, item);
            } else {
                if (!key.isEmpty())
                    m_positions.insert(key, m_collected.size());
                m_collected.append(item);
            }
        }
    }

    if (m_mode == Mode::Compact) {
        for (const QJsonValue &item : items) {
            const QJsonObject object = item.toObject();
            const QString key = m_dedupKey.isEmpty() ? QString() : object.value(m_dedupKey).toString();
            qsizetype known = -1;
            const size_t hash = qHash(key);
            if (!key.isEmpty()) {
                for (auto it = m_compactPositions.constFind(hash); it != m_compactPositions.constEnd() && it.key() == hash; ++it) {
                    if (m_records.value(*it, m_dedupKey).toString() == key) {
                        known = *it;
                        break;
                    }
                }
            }
            if (known >= 0) {
                m_records.replace(known, object);
            } else {
                if (!key.isEmpty())
                    m_compactPositions.insert(hash, m_records.size());
                m_records.append(object);
            }
        }
    }

    if (m_mode == Mode::Lines)
        Q_EMIT lines(QByteArray(), 0, last); // a dry run or 304: no items
    else
        Q_EMIT page(items, last);
    return !isFinished();
}
