#include "kandjilistjob.h"

#include "kandjiclient.h"

#include <QJsonObject>

KandjiListJob::KandjiListJob(KandjiClient *client, const HttpRequest &firstPage, Mode mode, QObject *parent)
    : Job(parent)
    , m_client(client)
    , m_first(firstPage)
    , m_mode(mode)
{
}

void KandjiListJob::start()
{
    QMetaObject::invokeMethod(this, [this] { request(m_first); }, Qt::QueuedConnection);
}

void KandjiListJob::fetchMore()
{
    if (!canFetchMore())
        return;
    request(HttpRequest("GET", m_next));
}

void KandjiListJob::request(const HttpRequest &req)
{
    if (isFinished())
        return;
    if (!m_client) {
        fail(ApiError(ApiError::Kind::Cancelled, tr("The Kandji client went away.")));
        return;
    }
    Job *http = m_client->send(req);
    addChild(http);
    m_inFlight = true;
    connect(http, &Job::finished, this, [this, http] { onPage(http); });
}

void KandjiListJob::onPage(Job *http)
{
    m_inFlight = false;
    if (isFinished())
        return;
    if (http->hasError()) {
        fail(http->error());
        return;
    }
    ++m_pages;
    const QJsonValue body = http->result();
    QJsonArray items;
    QString next;
    if (body.isArray()) {
        items = body.toArray();
        m_count = int(items.size());
    } else if (body.isObject() && body.toObject().value(QLatin1String("results")).isArray()) {
        const QJsonObject o = body.toObject();
        items = o.value(QLatin1String("results")).toArray();
        m_count = o.value(QLatin1String("count")).toInt(int(m_collected.size() + items.size()));
        next = o.value(QLatin1String("next")).toString();
    } else {
        fail(ApiError(ApiError::Kind::Parse, tr("The server's list is not {count, next, previous, results}.")));
        return;
    }

    if (!next.isEmpty()) {
        const QUrl url = m_client->baseUrl().resolved(QUrl(next));
        QString why;
        if (!m_client->isOnTenantOrigin(url))
            why = tr("the next page (%1) is not on the tenant's server %2").arg(url.host(), m_client->baseUrl().host());
        else if (m_seen.contains(url.toString()))
            why = tr("the next page repeats an earlier one");
        else if (m_pages >= m_maxPages)
            why = tr("more than %1 pages").arg(m_maxPages);
        if (!why.isEmpty()) {
            fail(ApiError(ApiError::Kind::Parse, tr("Stopped following the list: %1.").arg(why)));
            return;
        }
        m_seen.insert(url.toString());
        next = url.toString(QUrl::FullyEncoded);
    }
    m_next = next;
    const bool last = next.isEmpty();
    if (m_mode == Mode::Collect) {
        for (const QJsonValue &item : std::as_const(items))
            m_collected.append(item);
    }
    Q_EMIT page(items, m_count, last);
    if (isFinished())
        return; // a receiver cancelled
    if (last) {
        succeed(QJsonObject { { QStringLiteral("count"), m_count }, { QStringLiteral("results"), m_collected } });
        return;
    }
    if (m_mode == Mode::Collect)
        fetchMore();
}
