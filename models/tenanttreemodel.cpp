#include "tenanttreemodel.h"

#include "serviceicons.h"
#include "tenants/tenantregistry.h"
#include "tenanttreenode_p.h"
#include "tones.h"

#include <QColor>
#include <QPainter>
#include <QPixmap>

#include <functional>

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

TenantTreeModel::~TenantTreeModel()
{
    // Requests still running are left to finish on their own (their replies find no model): a
    // cancellation now would be reported, through the request log, to a window being destroyed.
    std::function<void(Node &)> release = [&release](Node &node) {
        node.job = nullptr;
        node.decorateJob = nullptr;
        for (const NodePtr &child : node.children)
            release(*child);
    };
    release(*m_root);
}

QString TenantTreeModel::stateText(State state)
{
    switch (state) {
    case State::Unknown:
        return tr("Not connected");
    case State::Connecting:
        return tr("Connecting…");
    case State::Ok:
        return tr("Connected");
    case State::Warning:
        return tr("Connected, with a warning");
    case State::AuthFailed:
        return tr("Authentication failed");
    case State::Offline:
        return tr("Offline");
    case State::Unsupported:
        return tr("Not supported");
    }
    return {};
}

TenantTreeModel::NodePtr TenantTreeModel::makeTenantNode(const Tenant &tenant) const
{
    auto node = std::make_shared<Node>();
    node->parent = m_root.get();
    node->spec.kind = TenantKind;
    node->spec.id = tenant.id;
    node->tenant = tenant;
    const bool known = ServiceFamilies::find(tenant.family);
    node->fetched = !known;
    if (!known) {
        node->state = State::Unsupported;
        node->stateMessage = tr("This version of TenantDesk does not support \"%1\" tenants; the tenant is kept "
                                "as it is.")
                                 .arg(tenant.family);
    }
    return node;
}

void TenantTreeModel::reload()
{
    beginResetModel();
    m_root->children.clear();
    if (m_registry) {
        for (const Tenant &tenant : m_registry->tenants())
            m_root->children.push_back(makeTenantNode(tenant));
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
    if (parent.column() > 0)
        return false;
    const Node *node = nodeFor(parent);
    if (!node->children.empty())
        return true;
    if (!node->parent)
        return false;
    // A tenant of a known family shows that it can be expanded even before it is connected.
    return node->isTenant() ? !node->fetched : node->spec.hasChildren && !node->fetched;
}

bool TenantTreeModel::canFetchMore(const QModelIndex &parent) const
{
    if (!parent.isValid() || parent.column() > 0)
        return false;
    const Node *node = nodeFor(parent);
    if (node->fetched || node->loading())
        return false;
    // A tenant without a session asks to be connected (see fetchMore).
    return sessionOf(node) || (node->isTenant() && !node->connectPending);
}

void TenantTreeModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    Node *node = nodeFor(parent);
    if (!sessionOf(node)) {
        node->connectPending = true;
        Q_EMIT connectRequested(node->tenant.id);
        return;
    }
    startListing(node);
}

QIcon TenantTreeModel::decoration(const Node &node) const
{
    const QString key = node.tenant.family + QLatin1Char('/') + QString::number(int(node.state));
    const auto cached = m_iconCache.constFind(key);
    if (cached != m_iconCache.constEnd())
        return *cached;

    QIcon icon = ServiceIcons::forFamily(node.tenant.family);
    QColor mark;
    switch (node.state) {
    case State::Unknown:
    case State::Unsupported:
        break;
    case State::Connecting:
        mark = Tones::markColor(Tones::Tone::Busy);
        break;
    case State::Ok:
        mark = Tones::markColor(Tones::Tone::Success);
        break;
    case State::Warning:
        mark = Tones::markColor(Tones::Tone::Warning);
        break;
    case State::AuthFailed:
        mark = Tones::markColor(Tones::Tone::Error);
        break;
    case State::Offline:
        mark = Tones::markColor(Tones::Tone::Muted);
        break;
    }
    if (mark.isValid()) {
        // A dot in the bottom-right corner, ringed in white so it reads on every icon colour. Drawn
        // on the 64 px source at its own pixels, so it stays sharp up to 32 logical px at 200 %.
        constexpr int size = 64;
        QPixmap pixmap = icon.pixmap(QSize(size, size), 1.0);
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
    const Node *tenant = tenantOf(&node);
    if (!tenant)
        return {};

    switch (role) {
    case TenantIdRole:
        return tenant->tenant.id;
    case FamilyRole:
        return tenant->tenant.family;
    case NodeKindRole:
        return node.spec.kind;
    case StateRole:
        return int(tenant->state);
    case StateMessageRole:
        return tenant->stateMessage;
    case BaseUrlRole:
        return tenant->tenant.baseUrl;
    case NodeIdRole:
        return node.spec.id;
    case NodeDataRole:
        return node.spec.data;
    case NodeRole:
        return node.spec.toJson();
    case IdentityRole:
        return tenant->state == State::Ok || tenant->state == State::Warning ? tenant->identity.toJson() : QJsonObject();
    case ErrorRole:
        return node.error;
    case LoadingRole:
        return node.loading();
    default:
        break;
    }
    return node.isTenant() ? tenantData(node, role) : childData(node, role);
}

QVariant TenantTreeModel::tenantData(const Node &node, int role) const
{
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
            .arg(tenant.displayName, ServiceIcons::displayName(tenant.family), tenant.baseUrl.toDisplayString(), state);
    }
    default:
        return {};
    }
}

QVariant TenantTreeModel::childData(const Node &node, int role) const
{
    const TreeNode &spec = node.spec;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole: {
        if (node.isMessage())
            return tr("Could not load: %1").arg(node.error);
        const QString label = spec.label.isEmpty() ? spec.id : spec.label;
        if (spec.folder && node.fetched && node.error.isEmpty())
            return QStringLiteral("%1 (%2)").arg(label).arg(node.children.size());
        return spec.badge.isEmpty() ? label : QStringLiteral("%1 (%2)").arg(label, spec.badge);
    }
    case Qt::DecorationRole:
        return ServiceIcons::fromName(spec.icon);
    case Qt::ToolTipRole: {
        QStringList lines;
        if (!spec.toolTip.isEmpty())
            lines << spec.toolTip;
        if (node.isMessage())
            lines << node.error << tr("Choose Refresh to try again.");
        else if (!node.error.isEmpty())
            lines << tr("Could not load: %1").arg(node.error);
        if (node.loading())
            lines << tr("Loading…");
        return lines.join(QLatin1Char('\n'));
    }
    case Qt::ForegroundRole:
        if (node.isMessage())
            return Tones::color(Tones::Tone::Error);
        return {};
    default:
        return {};
    }
}

QHash<int, QByteArray> TenantTreeModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(TenantIdRole, "tenantId");
    names.insert(FamilyRole, "family");
    names.insert(NodeKindRole, "nodeKind");
    names.insert(StateRole, "state");
    names.insert(StateMessageRole, "stateMessage");
    names.insert(BaseUrlRole, "baseUrl");
    names.insert(NodeIdRole, "nodeId");
    names.insert(NodeDataRole, "nodeData");
    names.insert(NodeRole, "node");
    names.insert(IdentityRole, "identity");
    names.insert(ErrorRole, "error");
    names.insert(LoadingRole, "loading");
    return names;
}

// --- Nodes below a tenant

const TenantTreeModel::Node *TenantTreeModel::tenantOf(const Node *node)
{
    while (node && !node->isTenant())
        node = node->parent;
    return node && node->parent ? node : nullptr;
}

FamilySession *TenantTreeModel::sessionOf(const Node *node) const
{
    const Node *tenant = tenantOf(node);
    return tenant ? tenant->session.data() : nullptr;
}

bool TenantTreeModel::setIdentity(const QString &tenantId, const ServiceIdentity &identity)
{
    const int row = tenantRow(tenantId);
    if (row < 0)
        return false;
    Node *node = m_root->children[size_t(row)].get();
    node->identity = identity;
    nodeChanged(node);
    return true;
}

bool TenantTreeModel::setSession(const QString &tenantId, FamilySession *session)
{
    const int row = tenantRow(tenantId);
    if (row < 0)
        return false;
    Node *node = m_root->children[size_t(row)].get();
    if (node->session == session && (session || node->children.empty()))
        return true;
    QObject::disconnect(node->sessionGone);
    if (node->job)
        node->job->cancel();
    clearChildren(node);
    node->session = session;
    node->error.clear();
    node->fetched = !ServiceFamilies::find(node->tenant.family);
    if (session) {
        // The session goes away with its client: the children it fetched go with it.
        node->sessionGone = connect(session, &QObject::destroyed, this, [this, tenantId] {
            const int r = tenantRow(tenantId);
            if (r < 0)
                return;
            Node *tenant = m_root->children[size_t(r)].get();
            clearChildren(tenant);
            tenant->fetched = false;
            nodeChanged(tenant);
        });
        // Expanded while it was connecting: fill it now.
        if (node->connectPending) {
            node->connectPending = false;
            startListing(node);
        }
    }
    nodeChanged(node);
    return true;
}

FamilySession *TenantTreeModel::session(const QString &tenantId) const
{
    const int row = tenantRow(tenantId);
    return row < 0 ? nullptr : m_root->children[size_t(row)]->session.data();
}

QModelIndex TenantTreeModel::findNode(const QString &tenantId, const QStringList &idPath) const
{
    const int row = tenantRow(tenantId);
    if (row < 0)
        return {};
    const Node *node = m_root->children[size_t(row)].get();
    for (const QString &id : idPath) {
        const auto it = std::find_if(node->children.begin(), node->children.end(),
                                     [&id](const NodePtr &c) { return !c->isMessage() && c->spec.id == id; });
        if (it == node->children.end())
            return {};
        node = it->get();
    }
    return indexFor(node);
}

TreeNode TenantTreeModel::node(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return {};
    return nodeFor(index)->spec;
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
    beginInsertRows({}, row, row);
    m_root->children.insert(m_root->children.begin() + row, makeTenantNode(*tenant));
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
    const bool connectionChanged = node->tenant.family != tenant->family || node->tenant.baseUrl != tenant->baseUrl
        || node->tenant.auth != tenant->auth || node->tenant.userName != tenant->userName
        || node->tenant.options != tenant->options;
    node->tenant = *tenant;
    if (connectionChanged) {
        // What was fetched belongs to the old settings; whoever connects sets a session again.
        const NodePtr fresh = makeTenantNode(*tenant);
        QObject::disconnect(node->sessionGone);
        clearChildren(node);
        node->session = nullptr;
        node->error.clear();
        node->identity = {};
        node->fetched = fresh->fetched;
        node->state = fresh->state;
        node->stateMessage = fresh->stateMessage;
    }
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

TenantTreeModel::NodePtr TenantTreeModel::sharedFor(Node *node) const
{
    if (!node || !node->parent)
        return {};
    for (const NodePtr &sibling : node->parent->children) {
        if (sibling.get() == node)
            return sibling;
    }
    return {};
}

void TenantTreeModel::nodeChanged(Node *node)
{
    const QModelIndex idx = indexFor(node);
    if (idx.isValid())
        Q_EMIT dataChanged(idx, idx);
}

void TenantTreeModel::clearChildren(Node *node)
{
    if (node->children.empty())
        return;
    beginRemoveRows(indexFor(node), 0, int(node->children.size()) - 1);
    node->children.clear();
    endRemoveRows();
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
