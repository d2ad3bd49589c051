#pragma once

#include "net/httprequest.h"
#include "net/job.h"
#include "net/pagecursor.h"

#include <QJsonArray>
#include <QPointer>

class KandjiClient;

// A Kandji listing: {count, next, previous, results} page after page, following `next` to the end
// (iructl's PayloadList). A bare JSON array (self-service categories) is one final page.
//
// - page(items, count, last) is emitted for every page received; `last` is true on the final one.
// - Collect mode: result() is {"count": <server's count>, "results": [every item]}.
// - OnDemand mode (the page-by-page form): pages are not kept; after each page but the last the
//   job waits for fetchMore(); cancel() ends it. result() is {"count", "results": []}.
// - OnePage mode (one page for PagedListModel's NextLinkStrategy): the first page, or the page at
//   `link` (setLink() before start()); result() is {"count", "next": the server's link or null,
//   "results": [the page's items]}. The link is checked when a later OnePage job follows it.
// - Every `next` followed (and a OnePage link) goes through the core PageCursor: it must stay on
//   the tenant's origin, must not repeat an earlier page, and the listing stays within maxPages
//   (default 10,000). A refused link fails the job (Kind::Parse; Kind::Invalid for the bound)
//   and nothing more is requested.
class KandjiListJob : public Job
{
    Q_OBJECT
public:
    enum class Mode { Collect, OnDemand, OnePage };

    // Created by KandjiClient, which then calls start().
    KandjiListJob(KandjiClient *client, const HttpRequest &firstPage, Mode mode, QObject *parent = nullptr);
    // OnePage: the page to fetch instead of the first one (a `next` from an earlier page).
    void setLink(const QString &link) { m_link = link; }
    void start();

    void setMaxPages(int pages) { m_limits.maxPages = pages; }
    int pagesFetched() const { return m_cursor.pages(); }
    int count() const { return m_count; }
    // OnDemand: the next page can be asked for (Collect asks by itself; OnePage never).
    bool canFetchMore() const { return !isFinished() && !m_inFlight && m_mode != Mode::OnePage && !m_cursor.atEnd(); }
    void fetchMore();

Q_SIGNALS:
    void page(const QJsonArray &items, int count, bool last);

private:
    void request(const HttpRequest &request);
    void onPage(Job *http);

    QPointer<KandjiClient> m_client;
    HttpRequest m_first;
    QString m_link;
    PageCursor m_cursor;
    PageCursor::Limits m_limits { 10'000, PageCursor::Limits {}.maxBytes };
    QJsonArray m_collected;
    Mode m_mode;
    int m_count = 0;
    bool m_inFlight = false;
};
