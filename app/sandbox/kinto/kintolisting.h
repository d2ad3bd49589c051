#pragma once

#include "kintoprotocol.h"
#include "kintoquery.h"
#include "kintostate.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <functional>
#include <optional>

// One page of a listing, in order; `more` when objects remain after it.
struct KintoPage
{
    QList<QJsonObject> objects;
    bool more = false;
};

// A plural GET/DELETE's query (docs/api/1.x/filtering.rst, sorting.rst, pagination.rst): filters,
// sort, page size, partial fields and the pagination token; and the page it selects.
struct KintoListing
{
    QList<KintoQuery::Filter> filters;
    QList<KintoQuery::Sort> sorting;
    int limit = KintoProtocol::MaxFetchSize;
    QStringList fields;
    std::optional<QJsonObject> lastObject; // from _token
    qint64 offset = 0;                     // from _token
    bool includeDeleted = false;           // a last_modified filter shows tombstones

    // Reads the query; the sort ends with `defaultTiebreak` (descending for last_modified). 400
    // errno 107 on a bad value.
    static ServiceResult<KintoListing> parse(const KintoSettings &settings, const ServiceRequest &request,
                                             const QString &defaultTiebreak);

    // The page of a container's objects (and tombstones when includeDeleted) that `keep` accepts.
    // Sorted by last_modified alone (the default), it seeks to the token in the container's order
    // and reads one page: the cost is the objects visited, not the collection. Other sorts use
    // the container sorted once (KintoStore::sorted, kept until a write) and seek the same way.
    KintoPage pageOf(const KintoStore &store, const QString &parentUri, const QString &resource,
                     const std::function<bool(const QJsonObject &)> &keep) const;
    // The page of `objects` (already filtered), sorted and cut.
    KintoPage pageOf(QList<QJsonObject> objects) const;

    // {"data": [...]} of the page (with _fields applied) and its Next-Page, on `response`.
    ServiceResponse respond(const KintoSettings &settings, const ServiceRequest &request, const KintoPage &page,
                            ServiceResponse response) const;
    // The Next-Page header when the page has more: the same query with _limit and a new _token.
    void addNextPage(ServiceResponse &response, const KintoSettings &settings, const ServiceRequest &request,
                     const KintoPage &page) const;

private:
    std::optional<qint64> seekTimestamp() const;
};
