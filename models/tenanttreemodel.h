#pragma once

#include "tenants/tenant.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QIcon>
#include <QPointer>

#include <memory>

class TenantRegistry;

// The tree in the Tenants panel, over a TenantRegistry. One column.
//
// Top level: one row per tenant, in the registry's order (by display name); the model follows the
// registry's tenantAdded/tenantChanged/tenantRemoved signals, moving a row when a rename changes
// its place. Each tenant has a connection state (setTenantState), shown as a coloured mark on the
// service icon and in the tooltip; the model only displays it, whoever connects sets it.
//
// The tree is built from Node structs (an index's internal pointer is its Node) so that later levels
// (a Kinto tenant's buckets, then their collections) can be fetched lazily with canFetchMore/
// fetchMore. Tenants have no children yet: hasChildren() is false and nothing is fetched.
class TenantTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum class State { Unknown, Connecting, Ok, AuthFailed, Offline };
    Q_ENUM(State)

    // What a row stands for. Only tenants so far; buckets and collections will follow.
    enum class NodeKind { Tenant };
    Q_ENUM(NodeKind)

    enum Role {
        TenantIdRole = Qt::UserRole, // QString, on every row (the tenant the row belongs to)
        ServiceKindRole,             // ServiceKind as int
        NodeKindRole,                // NodeKind as int
        StateRole,                   // State as int
        StateMessageRole,            // QString, the message given with the state (may be empty)
        BaseUrlRole,                 // QUrl
    };
    Q_ENUM(Role)

    // registry: not owned, may be null (an empty model). A destroyed registry empties the model.
    explicit TenantTreeModel(TenantRegistry *registry, QObject *parent = nullptr);
    ~TenantTreeModel() override;

    // Sets the connection state of a tenant; emits dataChanged for its row when something changed.
    // Unknown ids are ignored (returns false).
    bool setTenantState(const QString &tenantId, State state, const QString &message = {});
    State tenantState(const QString &tenantId) const;
    QString tenantStateMessage(const QString &tenantId) const;
    // The top-level row of a tenant, or an invalid index.
    QModelIndex indexForTenant(const QString &tenantId) const;

    static QString stateText(State state);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    struct Node;

    Node *nodeFor(const QModelIndex &index) const;
    QModelIndex indexFor(const Node *node, int column = 0) const;
    int tenantRow(const QString &tenantId) const;
    int registryRow(const QString &tenantId) const;
    QIcon decoration(const Node &node) const;

    void reload();
    void onTenantAdded(const QString &tenantId);
    void onTenantChanged(const QString &tenantId);
    void onTenantRemoved(const QString &tenantId);

    QPointer<TenantRegistry> m_registry;
    std::unique_ptr<Node> m_root;
    mutable QHash<int, QIcon> m_iconCache; // key: service kind * 16 + state
};
