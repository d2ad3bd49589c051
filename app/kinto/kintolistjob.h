#pragma once

#include "net/httprequest.h"
#include "kintorecordset.h"
#include "net/job.h"
#include "net/pagecursor.h"

#include <QHash>
#include <QJsonArray>
#include <QPointer>

class KintoClient;
class HttpJob;
struct HttpResponse;

// A Kinto listing (GET on a plural endpoint), page after page following Next-Page.
//
// - page(items, last) is emitted for every page received, `last` true on the final one (then the job
//   finishes successfully). An empty list still gives one page(…, true).
// - Collect mode (KintoClient's get* listings): result() is every item, deduplicated by `dedupKey`
//   as kinto-http does (a later copy replaces an earlier one in place).
// - Stream mode: pages are not kept; result() is an empty array. Each page is decoded and given in
//   batches of at most StreamBatchSize items (several page() signals, `last` on the final batch),
//   so memory follows a batch, not the page: a server's page may hold 10,000 records.
// - Lines mode: like Stream, but nothing is decoded: each page is given as text, lines(text,
//   count, last), every item checked and written compact on a line of its own
//   (Json::appendCompactOrReencoded: the server's text, members in its order), at most StreamBatchSize items a signal. An item that is
//   not valid JSON fails the job (after the lines before it). For printing lists (JSON Lines).
// - OnDemand mode: like Stream, but after each page (but the last) the job waits for fetchMore()
//   (a lazy view's fetchMore()). The job stays unfinished meanwhile; cancel() ends it.
// - Compact mode: like Collect, but the items are kept in records() (a KintoRecordSet, close to
//   their JSON size) instead of result(), which stays an empty array. For very large listings.
// - cancel() aborts the page in flight and finishes with a Cancelled error.
// - Next-Page links go through a PageCursor: a link off the tenant's origin or /v1/ prefix, a link
//   seen before, or more pages/bytes than limits() allow end the listing with an error (after the
//   page that carried it was emitted). maxPages (the caller's own cap) ends it successfully.
class KintoListJob : public Job
{
    Q_OBJECT
public:
    enum class Mode { Collect, Stream, Lines, OnDemand, Compact };

    // Created by KintoClient, which then calls start(). maxPages 0 = every page.
    KintoListJob(KintoClient *client, const HttpRequest &firstPage, int maxPages, Mode mode,
                 const QString &dedupKey = QStringLiteral("id"), QObject *parent = nullptr);
    // Requests the first page from the event loop.
    void start();
    // Bounds of the whole listing (PageCursor defaults); set before start().
    void setLimits(const PageCursor::Limits &limits) { m_cursor.setLimits(limits); }
    const PageCursor::Limits &limits() const { return m_cursor.limits(); }

    Mode mode() const { return m_mode; }
    // The list's timestamp: the first page's ETag without quotes (empty before it arrives).
    QString timestamp() const { return m_timestamp; }
    // The server answered 304 to If-None-Match: nothing changed, no items.
    bool notModified() const { return m_notModified; }
    int pagesFetched() const { return m_pages; }
    qint64 itemsFetched() const { return m_items; }
    // OnDemand: a page is ready to be requested (the previous one arrived and more exist).
    bool canFetchMore() const { return !isFinished() && !m_inFlight && !m_nextPage.isEmpty(); }
    // OnDemand: requests the next page; no effect while one is in flight or when none is left.
    void fetchMore();
    // Compact mode: every item received so far, deduplicated like Collect.
    const KintoRecordSet &records() const { return m_records; }
    // The Next-Page link of the last page received: empty before the first page and when that
    // page was the server's last. Kept when maxPages ended the job, so a later listing can go on
    // from there (KintoClient::listFrom).
    QString nextPageLink() const { return m_nextPageLink; }

Q_SIGNALS:
    void page(const QJsonArray &items, bool last);
    void lines(const QByteArray &text, int count, bool last);

private:
    static constexpr qsizetype StreamBatchSize = 500;
    void request(const HttpRequest &request);
    void onPage(HttpJob *http);
    // Emit the page's items (streamed in batches, or decoded whole); false when the job ended.
    bool streamPage(const QByteArray &body, bool last);
    bool linesPage(const QByteArray &body, bool last);
    bool decodePage(const HttpResponse &response, bool last);

    QPointer<KintoClient> m_client;
    HttpRequest m_template; // the first page; its headers go with every page (If-None-Match)
    QString m_nextPage;
    QString m_nextPageLink;
    PageCursor m_cursor;
    QString m_dedupKey;
    QJsonArray m_collected;
    QHash<QString, qsizetype> m_positions;
    KintoRecordSet m_records;
    QMultiHash<size_t, qsizetype> m_compactPositions; // hash of the key -> index (ids not kept twice)
    QString m_timestamp;
    Mode m_mode;
    int m_maxPages;
    int m_pages = 0;
    qint64 m_items = 0;
    bool m_inFlight = false;
    bool m_notModified = false;
};
