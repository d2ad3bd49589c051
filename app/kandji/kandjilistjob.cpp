#include "kandjilistjob.h"

#include "kandjiclient.h"
#include "net/httpjob.h"

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
    QMetaObject::invokeMethod(this, [this] {
        if (isFinished())
            return;
        if (!m_client) {
            fail(ApiError(ApiError::Kind::Cancelled, tr("The Kandji client went away.")));
            return;
        }
        const QUrl base = m_client->baseUrl();
        const QUrl first = m_client->httpClient()->resolve(m_first.path(), m_first.query());
        if (m_link.isEmpty()) {
            m_cursor = PageCursor(base, first, m_limits);
            request(m_first);
            return;
        }
        // A link handed in from an earlier page passes the same check as a `next` read here.
        m_cursor = PageCursor(base, first, m_limits);
        if (const ApiError refused = m_cursor.advance(m_link, 0); refused.isError()) {
            fail(refused);
            return;
        }
        const QUrl page = m_cursor.next();
        m_cursor = PageCursor(base, page, m_limits);
        request(HttpRequest("GET", page.toString(QUrl::FullyEncoded)));
    }, Qt::QueuedConnection);
}

void KandjiListJob::fetchMore()
{
    if (!canFetchMore())
        return;
    request(HttpRequest("GET", m_cursor.next().toString(QUrl::FullyEncoded)));
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
    if (m_mode == Mode::OnePage) {
        // The link is checked when it is followed (by the next OnePage job): this page's rows count.
        Q_EMIT page(items, m_count, next.isEmpty());
        if (!isFinished())
            succeed(QJsonObject { { QStringLiteral("count"), m_count },
                                  { QStringLiteral("next"), next.isEmpty() ? QJsonValue() : QJsonValue(next) },
                                  { QStringLiteral("results"), items } });
        return;
    }
    const auto *httpJob = qobject_cast<HttpJob *>(http);
    if (const ApiError refused = m_cursor.advance(next, httpJob ? httpJob->response().body.size() : 0); refused.isError()) {
        fail(refused);
        return;
    }
    const bool last = m_cursor.atEnd();
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
