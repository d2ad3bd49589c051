#pragma once

#include "jamftypes.h"
#include "net/job.h"

#include <QJsonArray>
#include <QPointer>

class JamfClient;
class HttpJob;

// A paged /api/v1 listing ({"totalCount", "results"}), fetched page after page (page=0,1,...)
// until totalCount items arrived, a page comes back short, or options.maxPages pages were read.
// A server whose totalCount keeps growing cannot make it loop: it stops after
// ceil(first totalCount / page-size) + 1 pages.
//
// page(items, last) is emitted for every page; result() is every item, in the server's order.
// cancel() aborts the page in flight.
class JamfListJob : public Job
{
    Q_OBJECT
public:
    // Created by JamfClient, which then calls start().
    JamfListJob(JamfClient *client, const QString &path, const JamfListOptions &options, QObject *parent = nullptr);
    // Requests the first page from the event loop.
    void start();

    int totalCount() const { return m_totalCount; }
    int pagesFetched() const { return m_page; }

Q_SIGNALS:
    void page(const QJsonArray &items, bool last);

private:
    void requestPage();
    void onPage(HttpJob *http);

    QPointer<JamfClient> m_client;
    QString m_path;
    JamfListOptions m_options;
    QJsonArray m_items;
    int m_totalCount = -1;
    int m_pageLimit = 0;
    int m_page = 0;
};
