#pragma once

#include "net/httprequest.h"
#include "net/job.h"

#include <QJsonArray>
#include <QPointer>
#include <QSet>

class KandjiClient;

// A Kandji listing: {count, next, previous, results} page after page, following `next` to the end
// (iructl's PayloadList). A bare JSON array (self-service categories) is one final page.
//
// - page(items, count, last) is emitted for every page received; `last` is true on the final one.
// - Collect mode: result() is {"count": <server's count>, "results": [every item]}.
// - OnDemand mode (the page-by-page form for paged models): pages are not kept; after each page but
//   the last the job waits for fetchMore(); cancel() ends it. result() is {"count", "results": []}.
// - A `next` link must stay on the tenant's origin (scheme, host, port of the client's base URL);
//   one that leaves it, repeats an earlier page or passes maxPages (default 10,000) fails the job
//   with Kind::Parse, and nothing more is requested.
class KandjiListJob : public Job
{
    Q_OBJECT
public:
    enum class Mode { Collect, OnDemand };

    // Created by KandjiClient, which then calls start().
    KandjiListJob(KandjiClient *client, const HttpRequest &firstPage, Mode mode, QObject *parent = nullptr);
    void start();

    void setMaxPages(int pages) { m_maxPages = pages; }
    int pagesFetched() const { return m_pages; }
    int count() const { return m_count; }
    bool canFetchMore() const { return !isFinished() && !m_inFlight && !m_next.isEmpty(); }
    void fetchMore();

Q_SIGNALS:
    void page(const QJsonArray &items, int count, bool last);

private:
    void request(const HttpRequest &request);
    void onPage(Job *http);

    QPointer<KandjiClient> m_client;
    HttpRequest m_first;
    QString m_next;
    QSet<QString> m_seen;
    QJsonArray m_collected;
    Mode m_mode;
    int m_maxPages = 10'000;
    int m_pages = 0;
    int m_count = 0;
    bool m_inFlight = false;
};
