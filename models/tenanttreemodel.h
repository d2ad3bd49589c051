#pragma once

#include "family/servicefamily.h"
#include "tenants/tenant.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QIcon>
#include <QJsonObject>
#include <QPointer>

#include <memory>

class Job;
class TenantRegistry;

// The tree in the Tenants panel, over a TenantRegistry. One column. It names no service family:
// what lies below a tenant comes from the tenant's FamilySession (see family/servicefamily.h).
//
// Top level: one row per tenant, in the registry's order (by display name); the model follows the
// registry's tenantAdded/tenantChanged/tenantRemoved signals, moving a row when a rename changes
// its place. Each tenant has a connection state (setTenantState) and, once connected, the identity
// the server reported (setIdentity), shown as a coloured mark on the family's icon and in the
// tooltip; the model only displays them, whoever connects sets them. A tenant whose family is not
// registered is shown as Unsupported, with the reason, and has no children.
//
// Below a tenant, once given a session (setSession), nodes are fetched lazily with
// canFetchMore/fetchMore: one FamilySession::fetchChildren job per node, rows inserted in one range
// when it answers, then FamilySession::decorate for the children that ask for it (counts). A
// failed fetch leaves one Message row carrying the error, and the node is not fetched again until
// refresh(). Expanding a tenant that has no session yet emits connectRequested(); the rows come once
// a session is set. The model never builds a request itself.
class TenantTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum class State { Unknown, Connecting, Ok, Warning, AuthFailed, Offline, Unsupported };
    Q_ENUM(State)

    // NodeKindRole of the rows that belong to no family: the tenants, and a failed fetch's row.
    static inline const QString TenantKind = QStringLiteral("tenant");
    static inline const QString MessageKind = QStringLiteral("message");

    enum Role {
        TenantIdRole = Qt::UserRole, // QString, on every row (the tenant the row belongs to)
        FamilyRole,                  // QString, the tenant's family id (ServiceFamily::id)
        NodeKindRole,                // QString: TenantKind, MessageKind or the family's kind
        StateRole,                   // State as int (the tenant's)
        StateMessageRole,            // QString, the message given with the state (may be empty)
        BaseUrlRole,                 // QUrl (the tenant's)
        NodeIdRole,                  // QString, the node's id among its siblings
        NodeDataRole,                // QJsonObject, TreeNode::data (the family's)
        NodeRole,                    // QJsonObject, the whole TreeNode (TreeNode::fromJson)
        IdentityRole,                // QJsonObject, ServiceIdentity of the tenant (empty until connected)
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
    // The identity the server reported for the tenant (empty to forget it).
    bool setIdentity(const QString &tenantId, const ServiceIdentity &identity);
    // The top-level row of a tenant, or an invalid index.
    QModelIndex indexForTenant(const QString &tenantId) const;

    // Gives a tenant the session its children are fetched with (not owned; a destroyed session
    // clears them). Setting another session, or nullptr, removes the tenant's children; setting the
    // same one again keeps them. Returns false for an unknown tenant.
    bool setSession(const QString &tenantId, FamilySession *session);
    FamilySession *session(const QString &tenantId) const;
    // A loaded node by the ids on its path below the tenant ({} is the tenant itself). Invalid
    // when not loaded.
    QModelIndex findNode(const QString &tenantId, const QStringList &idPath) const;
    // The node a row stands for (kind "tenant" for a tenant row).
    TreeNode node(const QModelIndex &index) const;
    // Reloads a node from the server, keeping the rows that still exist (and so the selection): the
    // node itself (FamilySession::fetchNode), its children when they were listed, and the listed
    // folders below it; a Message row retries its parent. No effect while the node's fetch runs.
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
    // A node's fetch (listing or reload) ended; `error` is empty on success.
    void fetched(const QModelIndex &index, const QString &error);
    // A tenant without a session was expanded: whoever connects should connect it.
    void connectRequested(const QString &tenantId);

private:
    struct Node;
    using NodePtr = std::shared_ptr<Node>;

    Node *nodeFor(const QModelIndex &index) const;
    QModelIndex indexFor(const Node *node, int column = 0) const;
    int tenantRow(const QString &tenantId) const;
    int registryRow(const QString &tenantId) const;
    NodePtr makeTenantNode(const Tenant &tenant) const;
    QIcon decoration(const Node &node) const;
    QVariant tenantData(const Node &node, int role) const;
    QVariant childData(const Node &node, int role) const;
    static const Node *tenantOf(const Node *node);
    FamilySession *sessionOf(const Node *node) const;
    NodePtr sharedFor(Node *node) const;

    void clearChildren(Node *node);
    void startListing(Node *node);
    void onListed(const std::weak_ptr<Node> &weak, Job *job);
    void mergeChildren(Node *node, std::vector<NodePtr> fresh);
    NodePtr makeChild(Node *parent, TreeNode spec) const;
    void startDecorate(Node *node);
    void reloadNode(Node *node);
    void nodeChanged(Node *node);

    void reload();
    void onTenantAdded(const QString &tenantId);
    void onTenantChanged(const QString &tenantId);
    void onTenantRemoved(const QString &tenantId);

    QPointer<TenantRegistry> m_registry;
    std::unique_ptr<Node> m_root;
    mutable QHash<QString, QIcon> m_iconCache; // key: family id + state
};
