#pragma once

#include "net/apierror.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <functional>
#include <optional>

class Job;

// Where a page is in a listing, as a page strategy understands it. The model keeps the request of
// the page it wants next and, after a failure, sends the same one again: a retry resumes from the
// failed page.
struct PageRequest
{
    int number = 0;   // 0-based index of the page in the listing
    int pageSize = 0; // items per page wanted; 0 = the server's default
    QString link;     // the previous page's pointer to this one (a URL or token); empty for the first

    bool operator==(const PageRequest &) const = default;
};

// One page as read from a finished job.
struct Page
{
    QJsonArray items;                // the rows (non-object items are dropped by the model)
    std::optional<PageRequest> next; // the following page; nullopt on the last one
    qint64 total = -1;               // items in the whole listing, when the server says; else -1
};

// How one kind of server pages its lists. A model is handed a strategy and asks it for pages; it
// never builds requests itself. The strategy starts each page's Job through the family's client.
class PageStrategy
{
public:
    virtual ~PageStrategy() = default;

    // Starts the request for one page; the job finishes once (Job contract). nullptr when the
    // client is gone: the model then stays as it is and fetches nothing.
    virtual Job *start(const PageRequest &request) = 0;
    // Reads the page from a job that finished without error (called from its finished()). Returns
    // no error (Kind::None) on success; an answer that is not a page gives an error of kind Parse.
    virtual ApiError read(Job *job, const PageRequest &request, Page *page) const = 0;
};

// Starts one page's Job through a family's client (which builds the HTTP request). For the
// generic strategies below.
using PageJobFactory = std::function<Job *(const PageRequest &request)>;

// What the generic strategies share: each page's Job is started by a factory, and its result() is
// a JSON object holding the items under `itemsKey` and, maybe, the listing's total under `totalKey`.
// A subclass tells where the next page is.
class JsonPageStrategy : public PageStrategy
{
public:
    Job *start(const PageRequest &request) override;
    ApiError read(Job *job, const PageRequest &request, Page *page) const override;

protected:
    JsonPageStrategy(PageJobFactory factory, QString itemsKey, QString totalKey);
    // The page after `page` (items and total read), or nullopt when it is the last.
    virtual std::optional<PageRequest> nextPage(const QJsonObject &body, const PageRequest &request,
                                                const Page &page) const = 0;

private:
    PageJobFactory m_factory;
    QString m_itemsKey;
    QString m_totalKey;
};

// Page number and page size (Jamf Pro: `?page=N&page-size=S`, pages from 0). The factory sends
// request.number and request.pageSize as the service names them; its job's result() is the JSON
// body: `{"totalCount": N, "results": [...]}`. The keys can be renamed. The last page is the one
// that reaches totalCount, or (without a total) the first one shorter than the page size; an empty
// page always ends the listing.
class PageNumberStrategy : public JsonPageStrategy
{
public:
    explicit PageNumberStrategy(PageJobFactory factory, QString itemsKey = QStringLiteral("results"),
                                QString totalKey = QStringLiteral("totalCount"));

protected:
    std::optional<PageRequest> nextPage(const QJsonObject &body, const PageRequest &request, const Page &page) const override;
};

// `next` links (Kandji, Django REST framework): the factory asks for the first page when
// request.link is empty, else GETs request.link (an absolute URL from the previous answer); its
// job's result() is the JSON body: `{"count": N, "next": "<url>"|null, "previous": ..., "results": [...]}`.
// The last page is the one whose `next` is null or empty (or links to itself).
class NextLinkStrategy : public JsonPageStrategy
{
public:
    explicit NextLinkStrategy(PageJobFactory factory, QString itemsKey = QStringLiteral("results"),
                              QString nextKey = QStringLiteral("next"), QString totalKey = QStringLiteral("count"));

protected:
    std::optional<PageRequest> nextPage(const QJsonObject &body, const PageRequest &request, const Page &page) const override;

private:
    QString m_nextKey;
};
