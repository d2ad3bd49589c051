#pragma once

#include "tenants/tenant.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QIcon>
#include <QJsonObject>
#include <QPointer>

#include <memory>

class Job;
class KintoClient;
class TenantRegistry;

// The tree in the Tenants panel, over a TenantRegistry. One column.
//
// Top level: one row per tenant, in the registry's order (by display name); the model follows the
// registry's tenantAdded/tenantChanged/tenantRemoved signals, moving a row when a rename changes
// its place. Each tenant has a connection state (setTenantState), shown as a coloured mark on the
// service icon and in the tooltip; the model only displays it, whoever connects sets it.
//
// Kinto tenants have lazy children once given a client (setKintoClient), fetched with
// canFetchMore/fetchMore, one request per node, rows inserted in one range when it answers:
//   tenant → buckets → "Collections" folder → collections (with their record count, a HEAD per
//                                              collection sent after the list arrives)
//                    → "Groups" folder      → groups (with their member count)
// Children are sorted by id. A failed fetch leaves one Message row carrying the error (its text
// and tooltip), and the node is not fetched again until refresh(). The model never builds a
// request itself: it only calls the KintoClient it was given.
class TenantTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum class State { Unknown, Connecting, Ok, AuthFailed, Offline };
    Q_ENUM(State)

    // What a row stands for. Message is the row left where a fetch failed.
    enum class NodeKind { Tenant, Bucket, CollectionsFolder, GroupsFolder, Collection, Group, Message };
    Q_ENUM(NodeKind)

    enum Role {
        TenantIdRole = Qt::UserRole, // QString, on every row (the tenant the row belongs to)
        ServiceKindRole,             // ServiceKind as int (the tenant's)
        NodeKindRole,                // NodeKind as int
        StateRole,                   // State as int (the tenant's)
        StateMessageRole,            // QString, the message given with the state (may be empty)
        BaseUrlRole,                 // QUrl (the tenant's)
        BucketIdRole,                // QString: buckets, folders, collections, groups
        CollectionIdRole,            // QString: collections
        GroupIdRole,                 // QString: groups
        ObjectRole,                  // QJsonObject: the object's data as listed (buckets, collections, groups)
        RecordCountRole,             // qint64: a collection's record count, -1 while unknown
        ErrorRole,                   // QString: why the node's last fetch failed (node and its Message row)
        LoadingRole,                 // bool: a fetch for the node is in flight
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

    // Gives a Kinto tenant the client its children are fetched with (not owned; a destroyed client
    // clears them). Setting another client, or nullptr, removes the tenant's children; setting the
    // same one again keeps them. Returns false for an unknown or non-Kinto tenant.
    bool setKintoClient(const QString &tenantId, KintoClient *client);
    KintoClient *kintoClient(const QString &tenantId) const;
    // A loaded node: Tenant (bucket and id ignored), Bucket (bucket), CollectionsFolder and
    // GroupsFolder (bucket), Collection and Group (bucket, id). Invalid when not loaded.
    QModelIndex findKintoNode(const QString &tenantId, NodeKind kind, const QString &bucket = {},
                              const QString &id = {}) const;
    // Reloads a node from the server, keeping the rows that still exist (and so the selection):
    // a tenant or folder lists its children again; a bucket, collection or group reloads its
    // object (a collection recounts its records) and a bucket its fetched folders; a Message row
    // retries its parent. No effect while the node's fetch is in flight.
    void refresh(const QModelIndex &index);

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

Q_SIGNALS:
    // A node's fetch (listing or object reload) ended; `error` is empty on success.
    void fetched(const QModelIndex &index, const QString &error);

private:
    struct Node;
    using NodePtr = std::shared_ptr<Node>;

    Node *nodeFor(const QModelIndex &index) const;
    QModelIndex indexFor(const Node *node, int column = 0) const;
    int tenantRow(const QString &tenantId) const;
    int registryRow(const QString &tenantId) const;
    QIcon decoration(const Node &node) const;
    QVariant tenantData(const Node &node, int role) const;
    QVariant kintoData(const Node &node, int role) const;
    static const Node *tenantOf(const Node *node);
    KintoClient *clientOf(const Node *node) const;
    NodePtr sharedFor(Node *node) const;

    void clearChildren(Node *node);
    void startListing(Node *node);
    void onListed(const std::weak_ptr<Node> &weak, Job *job);
    void mergeChildren(Node *node, std::vector<NodePtr> fresh);
    NodePtr makeChild(Node *parent, NodeKind kind, const QJsonObject &object) const;
    void startCount(Node *node);
    void reloadObject(Node *node);
    void nodeChanged(Node *node);

    void reload();
    void onTenantAdded(const QString &tenantId);
    void onTenantChanged(const QString &tenantId);
    void onTenantRemoved(const QString &tenantId);

    QPointer<TenantRegistry> m_registry;
    std::unique_ptr<Node> m_root;
    mutable QHash<int, QIcon> m_iconCache; // key: service kind * 16 + state
};
