#include "kintopagestrategy.h"

#include "kintoclient.h"
#include "kintolistjob.h"

#include <QCoreApplication>

KintoPageStrategy::KintoPageStrategy(KintoClient *client, const KintoRef &plural, const KintoListOptions &options)
    : m_client(client)
    , m_plural(plural)
    , m_options(options)
{
}

Job *KintoPageStrategy::start(const PageRequest &request)
{
    if (!m_client)
        return nullptr;
    if (!request.link.isEmpty())
        return m_client->listFrom(request.link, 1);
    KintoListOptions first = m_options;
    if (request.pageSize > 0)
        first.limit = request.pageSize;
    first.pages = 1;
    return m_client->list(m_plural, first, KintoListJob::Mode::Collect);
}

ApiError KintoPageStrategy::read(Job *job, const PageRequest &request, Page *page) const
{
    const auto *list = qobject_cast<const KintoListJob *>(job);
    if (!list || !list->result().isArray())
        return ApiError(ApiError::Kind::Parse, QCoreApplication::translate("KintoPageStrategy", "The server's answer is not a list."));
    page->items = list->result().toArray();
    page->total = -1;
    page->next.reset();
    if (!list->nextPageLink().isEmpty())
        page->next = PageRequest{request.number + 1, request.pageSize, list->nextPageLink()};
    return {};
}
