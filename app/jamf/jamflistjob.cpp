#include "jamflistjob.h"

#include "jamfclient.h"
#include "net/httpjob.h"

#include <QJsonObject>
#include <QTimer>

JamfListJob::JamfListJob(JamfClient *client, const QString &path, const JamfListOptions &options, QObject *parent)
    : Job(parent)
    , m_client(client)
    , m_path(path)
    , m_options(options)
{
    m_options.pageSize = qBound(1, m_options.pageSize, 2000);
}

void JamfListJob::start()
{
    QTimer::singleShot(0, this, &JamfListJob::requestPage);
}

void JamfListJob::requestPage()
{
    if (isFinished())
        return;
    if (!m_client) {
        fail(ApiError(ApiError::Kind::Cancelled, tr("The Jamf Pro client went away.")));
        return;
    }
    HttpRequest request("GET", m_path);
    request.addQuery(QStringLiteral("page"), QString::number(m_page));
    request.addQuery(QStringLiteral("page-size"), QString::number(m_options.pageSize));
    if (!m_options.sort.isEmpty())
        request.addQuery(QStringLiteral("sort"), m_options.sort.join(QLatin1Char(',')));
    if (!m_options.filter.isEmpty())
        request.addQuery(QStringLiteral("filter"), m_options.filter);
    HttpJob *http = m_client->send(request);
    addChild(http);
    connect(http, &Job::finished, this, [this, http] { onPage(http); });
}

void JamfListJob::onPage(HttpJob *http)
{
    if (isFinished())
        return;
    if (http->hasError()) {
        fail(http->error());
        return;
    }
    const QJsonObject body = http->result().toObject();
    const QJsonValue results = body.value(QLatin1String("results"));
    if (!results.isArray() || !body.value(QLatin1String("totalCount")).isDouble()) {
        fail(ApiError(ApiError::Kind::Parse, tr("Jamf Pro's listing of %1 has no totalCount or results.").arg(m_path)));
        return;
    }
    const QJsonArray items = results.toArray();
    const int total = body.value(QLatin1String("totalCount")).toInt();
    if (m_page == 0) {
        m_totalCount = total;
        m_pageLimit = (total + m_options.pageSize - 1) / m_options.pageSize + 1;
    }
    for (const QJsonValue &item : items)
        m_items.append(item);
    ++m_page;
    setProgress(m_items.size(), m_totalCount);

    const bool last = items.size() < m_options.pageSize || m_items.size() >= total
        || (m_options.maxPages > 0 && m_page >= m_options.maxPages) || m_page >= m_pageLimit;
    Q_EMIT page(items, last);
    if (last)
        succeed(m_items);
    else
        requestPage();
}
