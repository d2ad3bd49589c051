#pragma once

#include "kintotypes.h"
#include "pagestrategy.h"

#include <QPointer>

class KintoClient;

// Kinto's paging: the first page is the listing of `plural` with the options given (filters, sort,
// since ...), asked one page at a time with _limit = PageRequest::pageSize (0: options.limit); each
// further page goes on from the Next-Page link of the page before (KintoClient::listFrom), so a
// retry after a failed page asks for that page again. Kinto states no total on a GET: Page::total
// stays -1 (a model counts with a HEAD of its own). The client is not owned; once it is gone,
// start() returns nullptr.
class KintoPageStrategy : public PageStrategy
{
public:
    KintoPageStrategy(KintoClient *client, const KintoRef &plural, const KintoListOptions &options = {});

    Job *start(const PageRequest &request) override;
    ApiError read(Job *job, const PageRequest &request, Page *page) const override;

private:
    QPointer<KintoClient> m_client;
    KintoRef m_plural;
    KintoListOptions m_options;
};
