#include "tenanttreemodel.h"

#include "serviceicons.h"
#include "tenants/tenantregistry.h"

#include <QColor>
#include <QPainter>
#include <QPixmap>

#include <algorithm>
#include <vector>

// One row of the tree. The root has no parent and no tenant; a tenant node's tenant is a copy of
// the registry's value, refreshed on tenantChanged.
struct TenantTreeModel::Node
{
    NodeKind kind = NodeKind::Tenant;
    Node *parent = nullptr;
    std::vector<std::unique_ptr<Node>> children;

    Tenant tenant;
    State state = State::Unknown;
    QString stateMessage;

    // For the lazy levels: true once the children were fetched (nothing to fetch for now).
    bool fetched = true;

    int row() const
    {
        if (!parent)
            return 0;
        const auto &siblings = parent->children;
        const auto it = std::find_if(siblings.begin(), siblings.end(),
                                     [this](const auto &n) { return n.get() == this; });
        return it == siblings.end() ? -1 : int(it - siblings.begin());
    }
};

TenantTreeModel::TenantTreeModel(TenantRegistry *registry, QObject *parent)
    : QAbstractItemModel(parent)
    , m_registry(registry)
    , m_root(std::make_unique<Node>())
{
    if (!registry)
        return;
    connect(registry, &TenantRegistry::tenantAdded, this, &TenantTreeModel::onTenantAdded);
    connect(registry, &TenantRegistry::tenantChanged, this, &TenantTreeModel::onTenantChanged);
    connect(registry, &TenantRegistry::tenantRemoved, this, &TenantTreeModel::onTenantRemoved);
    connect(registry, &QObject::destroyed, this, [this] {
        beginResetModel();
        m_root->children.clear();
        endResetModel();
    });
    reload();
}

TenantTreeModel::~TenantTreeModel() = default;

QString TenantTreeModel::stateText(State state)
{
    switch (state) {
    case State::Unknown:
        return tr("Not connected");
    case State::Connecting:
        return tr("Connecting…");
    case State::Ok:
        return tr("Connected");
    case State::AuthFailed:
        return tr("Authentication failed");
    case State::Offline:
        return tr("Offline");
    }
    return {};
}

void TenantTreeModel::reload()
{
    beginResetModel();
    m_root->children.clear();
    if (m_registry) {
        for (const Tenant &tenant : m_registry->tenants()) {
            auto node = std::make_unique<Node>();
            node->parent = m_root.get();
            node->tenant = tenant;
            m_root->children.push_back(std::move(node));
        }
    }
    endResetModel();
}

TenantTreeModel::Node *TenantTreeModel::nodeFor(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return m_root.get();
    return static_cast<Node *>(index.internalPointer());
}

QModelIndex TenantTreeModel::indexFor(const Node *node, int column) const
{
    if (!node || !node->parent)
        return {};
    const int row = node->row();
    if (row < 0)
        return {};
    return createIndex(row, column, const_cast<Node *>(node));
}

int TenantTreeModel::tenantRow(const QString &tenantId) const
{
    const auto &tenants = m_root->children;
    for (size_t i = 0; i < tenants.size(); ++i) {
        if (tenants[i]->tenant.id == tenantId)
            return int(i);
    }
    return -1;
}

int TenantTreeModel::registryRow(const QString &tenantId) const
{
    if (!m_registry)
        return -1;
    const QList<Tenant> tenants = m_registry->tenants();
    for (qsizetype i = 0; i < tenants.size(); ++i) {
        if (tenants.at(i).id == tenantId)
            return int(i);
    }
    return -1;
}

QModelIndex TenantTreeModel::indexForTenant(const QString &tenantId) const
{
    const int row = tenantRow(tenantId);
    return row < 0 ? QModelIndex() : createIndex(row, 0, m_root->children[size_t(row)].get());
}

bool TenantTreeModel::setTenantState(const QString &tenantId, State state, const QString &message)
{
    const int row = tenantRow(tenantId);
    if (row < 0)
        return false;
    Node &node = *m_root->children[size_t(row)];
    if (node.state == state && node.stateMessage == message)
        return true;
    node.state = state;
    node.stateMessage = message;
    const QModelIndex idx = indexFor(&node);
    Q_EMIT dataChanged(idx, idx, {Qt::DecorationRole, Qt::ToolTipRole, StateRole, StateMessageRole});
    return true;
}

TenantTreeModel::State TenantTreeModel::tenantState(const QString &tenantId) const
{
    const int row = tenantRow(tenantId);
    return row < 0 ? State::Unknown : m_root->children[size_t(row)]->state;
}

QString TenantTreeModel::tenantStateMessage(const QString &tenantId) const
{
    const int row = tenantRow(tenantId);
    return row < 0 ? QString() : m_root->children[size_t(row)]->stateMessage;
}

QModelIndex TenantTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    const Node *parentNode = nodeFor(parent);
    if (row >= int(parentNode->children.size()))
        return {};
    return createIndex(row, column, parentNode->children[size_t(row)].get());
}

QModelIndex TenantTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const Node *node = nodeFor(child);
    if (!node->parent || node->parent == m_root.get())
        return {};
    return indexFor(node->parent);
}

int TenantTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return int(nodeFor(parent)->children.size());
}

int TenantTreeModel::columnCount(const QModelIndex &) const
{
    return 1;
}

bool TenantTreeModel::hasChildren(const QModelIndex &parent) const
{
    // When lazy levels arrive: a node that may have unfetched children says true here.
    return rowCount(parent) > 0;
}

bool TenantTreeModel::canFetchMore(const QModelIndex &parent) const
{
    // Nothing is fetched lazily yet: every node is complete.
    return parent.isValid() && !nodeFor(parent)->fetched;
}

void TenantTreeModel::fetchMore(const QModelIndex &)
{
    // Later: start one request for the node's children, mark it in flight, insert the reply's rows
    // in one beginInsertRows range.
}

QIcon TenantTreeModel::decoration(const Node &node) const
{
    const int key = int(node.tenant.service) * 16 + int(node.state);
    const auto cached = m_iconCache.constFind(key);
    if (cached != m_iconCache.constEnd())
        return *cached;

    QIcon icon = ServiceIcons::forService(node.tenant.service);
    QColor mark;
    switch (node.state) {
    case State::Unknown:
        break;
    case State::Connecting:
        mark = QColor(0xf9, 0xa8, 0x25);
        break;
    case State::Ok:
        mark = QColor(0x43, 0xa0, 0x47);
        break;
    case State::AuthFailed:
        mark = QColor(0xe5, 0x39, 0x35);
        break;
    case State::Offline:
        mark = QColor(0x9e, 0x9e, 0x9e);
        break;
    }
    if (mark.isValid()) {
        // A dot in the bottom-right corner, ringed in white so it reads on every icon colour.
        constexpr int size = 64;
        QPixmap pixmap = icon.pixmap(size, size);
        if (pixmap.isNull()) {
            pixmap = QPixmap(size, size);
            pixmap.fill(Qt::transparent);
        }
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(QPen(Qt::white, 5));
        painter.setBrush(mark);
        painter.drawEllipse(QRectF(size * 0.52, size * 0.52, size * 0.44, size * 0.44));
        painter.end();
        icon = QIcon(pixmap);
    }
    m_iconCache.insert(key, icon);
    return icon;
}

QVariant TenantTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index))
        return {};
    const Node &node = *nodeFor(index);
    const Tenant &tenant = node.tenant;

    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return tenant.displayName.isEmpty() ? tenant.baseUrl.host() : tenant.displayName;
    case Qt::DecorationRole:
        return decoration(node);
    case Qt::ToolTipRole: {
        QString state = stateText(node.state);
        if (!node.stateMessage.isEmpty())
            state += QStringLiteral(": ") + node.stateMessage;
        return tr("%1\n%2 · %3\n%4")
            .arg(tenant.displayName, ServiceIcons::displayName(tenant.service),
                 tenant.baseUrl.toDisplayString(), state);
    }
    case TenantIdRole:
        return tenant.id;
    case ServiceKindRole:
        return int(tenant.service);
    case NodeKindRole:
        return int(node.kind);
    case StateRole:
        return int(node.state);
    case StateMessageRole:
        return node.stateMessage;
    case BaseUrlRole:
        return tenant.baseUrl;
    default:
        return {};
    }
}

QHash<int, QByteArray> TenantTreeModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(TenantIdRole, "tenantId");
    names.insert(ServiceKindRole, "serviceKind");
    names.insert(NodeKindRole, "nodeKind");
    names.insert(StateRole, "state");
    names.insert(StateMessageRole, "stateMessage");
    names.insert(BaseUrlRole, "baseUrl");
    return names;
}

void TenantTreeModel::onTenantAdded(const QString &tenantId)
{
    if (tenantRow(tenantId) >= 0) {
        onTenantChanged(tenantId);
        return;
    }
    const std::optional<Tenant> tenant = m_registry ? m_registry->tenant(tenantId) : std::nullopt;
    if (!tenant)
        return;
    const int count = int(m_root->children.size());
    int row = registryRow(tenantId);
    if (row < 0 || row > count)
        row = count;

    auto node = std::make_unique<Node>();
    node->parent = m_root.get();
    node->tenant = *tenant;
    beginInsertRows({}, row, row);
    m_root->children.insert(m_root->children.begin() + row, std::move(node));
    endInsertRows();
}

void TenantTreeModel::onTenantChanged(const QString &tenantId)
{
    const int from = tenantRow(tenantId);
    if (from < 0) {
        onTenantAdded(tenantId);
        return;
    }
    const std::optional<Tenant> tenant = m_registry ? m_registry->tenant(tenantId) : std::nullopt;
    if (!tenant) {
        onTenantRemoved(tenantId);
        return;
    }
    Node *node = m_root->children[size_t(from)].get();
    node->tenant = *tenant;
    const QModelIndex idx = indexFor(node);
    Q_EMIT dataChanged(idx, idx);

    // A rename can change the tenant's place in the registry's order.
    const int count = int(m_root->children.size());
    int to = registryRow(tenantId);
    if (to < 0 || to >= count || to == from)
        return;
    // beginMoveRows wants the destination as a row of the list before the move.
    const int destination = to > from ? to + 1 : to;
    if (!beginMoveRows({}, from, from, {}, destination))
        return;
    auto moved = std::move(m_root->children[size_t(from)]);
    m_root->children.erase(m_root->children.begin() + from);
    m_root->children.insert(m_root->children.begin() + to, std::move(moved));
    endMoveRows();
}

void TenantTreeModel::onTenantRemoved(const QString &tenantId)
{
    const int row = tenantRow(tenantId);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_root->children.erase(m_root->children.begin() + row);
    endRemoveRows();
}
