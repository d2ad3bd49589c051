#pragma once

#include "pagedlistmodel.h"
#include "restresource.h"

#include <QPointer>

class RestClient;

// The items of one REST resource as a table, a page at a time, over the RestClient it is handed
// (not owned; a destroyed client leaves the rows as they are). Every paging kind of RestPaging
// (none, page/size, offset/limit, next link, Link header) is read by RestClient::listPage, which
// answers {"items", "next" cursor, "total"}: the model pages with a NextLinkStrategy over those keys.
//
// Columns: the item schema's properties when the resource has a schema, else the keys of the items
// seen so far (new keys appended as pages arrive, each item's in alphabetical order); the id field
// first either way.
// Hidden columns (setHiddenColumns) are left out of the model and stay hidden across reloads.
// Nothing is fetched until reload().
class RestItemModel : public PagedListModel
{
    Q_OBJECT
public:
    RestItemModel(RestClient *client, const RestResource &resource, QObject *parent = nullptr);

    const RestResource &resource() const { return m_resource; }
    // The id of a row's item as text (RestResource::idOf); empty out of range or without one.
    QString idAt(int row) const;

    // Every column the model knows (shown or not), in their order.
    QStringList availableColumns() const { return m_available; }
    QStringList hiddenColumns() const { return m_hidden; }
    // Hides these fields (names not available yet are kept for when they appear); the rest show.
    void setHiddenColumns(const QStringList &fields);
    void setColumnHidden(const QString &field, bool hidden);

Q_SIGNALS:
    // availableColumns() grew (a page brought new keys).
    void availableColumnsChanged(const QStringList &columns);

private:
    void learnColumns();
    void applyColumns();

    RestResource m_resource;
    QStringList m_available;
    QStringList m_hidden;
    int m_scanned = 0; // rows whose keys are in m_available (no schema)
};
