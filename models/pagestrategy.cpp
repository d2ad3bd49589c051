#include "pagestrategy.h"

#include "net/job.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace {

ApiError notAPage(const QString &itemsKey)
{
    return ApiError(ApiError::Kind::Parse,
                    QCoreApplication::translate("PageStrategy", "The server's page has no \"%1\" array.").arg(itemsKey));
}

// The listing's total when the body states one as a number, else -1.
qint64 totalOf(const QJsonObject &body, const QString &key)
{
    const QJsonValue total = body.value(key);
    return total.isDouble() && total.toDouble() >= 0 ? qint64(total.toDouble()) : -1;
}

} // namespace

JsonPageStrategy::JsonPageStrategy(PageJobFactory factory, QString itemsKey, QString totalKey)
    : m_factory(std::move(factory))
    , m_itemsKey(std::move(itemsKey))
    , m_totalKey(std::move(totalKey))
{
}

Job *JsonPageStrategy::start(const PageRequest &request)
{
    return m_factory(request);
}

ApiError JsonPageStrategy::read(Job *job, const PageRequest &request, Page *page) const
{
    const QJsonObject body = job->result().toObject();
    const QJsonValue items = body.value(m_itemsKey);
    if (!items.isArray())
        return notAPage(m_itemsKey);
    page->items = items.toArray();
    page->total = totalOf(body, m_totalKey);
    page->next = nextPage(body, request, *page);
    return {};
}

PageNumberStrategy::PageNumberStrategy(PageJobFactory factory, QString itemsKey, QString totalKey)
    : JsonPageStrategy(std::move(factory), std::move(itemsKey), std::move(totalKey))
{
}

std::optional<PageRequest> PageNumberStrategy::nextPage(const QJsonObject &, const PageRequest &request, const Page &page) const
{
    const qint64 seen = qint64(request.number) * request.pageSize + page.items.size();
    const bool more = page.total >= 0 ? seen < page.total && !page.items.isEmpty()
                                       : request.pageSize > 0 && page.items.size() >= request.pageSize;
    if (!more)
        return std::nullopt;
    return PageRequest{request.number + 1, request.pageSize, {}};
}

NextLinkStrategy::NextLinkStrategy(PageJobFactory factory, QString itemsKey, QString nextKey, QString totalKey)
    : JsonPageStrategy(std::move(factory), std::move(itemsKey), std::move(totalKey))
    , m_nextKey(std::move(nextKey))
{
}

std::optional<PageRequest> NextLinkStrategy::nextPage(const QJsonObject &body, const PageRequest &request, const Page &) const
{
    const QString next = body.value(m_nextKey).toString();
    // A link back to this very page would never end.
    if (next.isEmpty() || next == request.link)
        return std::nullopt;
    return PageRequest{request.number + 1, request.pageSize, next};
}
