#pragma once

#include "pagedlistmodel.h"

#include <QPointer>

class JamfClient;

// A Jamf Pro server's API roles or API clients as a table, a page at a time (Jamf's page and
// page-size, PageNumberStrategy) over the JamfClient it is handed (not owned; a destroyed client
// leaves the rows as they are). Columns:
//   Roles:   name, privileges (their count)
//   Clients: name, enabled, roles, token lifetime (s), client id
// Starts loading at once (from the event loop).
class JamfListModel : public PagedListModel
{
    Q_OBJECT
public:
    enum class Kind { Roles, Clients };
    static constexpr int DefaultPageSize = 100;

    JamfListModel(JamfClient *client, Kind kind, QObject *parent = nullptr);

    Kind kind() const { return m_kind; }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    Kind m_kind;
};
