#include "tenanttreemodel.h"

#include "kintoclient.h"
#include "serviceicons.h"
#include "tenants/tenantregistry.h"

#include <QColor>
#include <QJsonArray>
#include <QLocale>
#include <QPainter>
#include <QPixmap>

#include <algorithm>
#include <climits>
#include <functional>
#include <vector>

// One row of the tree. The root has no parent and no tenant; a tenant node's tenant is a copy of
// the registry's value, refreshed on tenantChanged. Kinto nodes (below a tenant) keep the ids that
// address them and the object as listed. Children are shared pointers so that a reply can hold a
// weak_ptr to the node it was for and find out that the node went away meanwhile.
struct TenantTreeModel::Node
{
    NodeKind kind = NodeKind::Tenant;
    Node *parent = nullptr;
    std::vector<NodePtr> children;

    // Tenant
    Tenant tenant;
    State state = State::Unknown;
    QString stateMessage;
    QPointer<KintoClient> client;
    QMetaObject::Connection clientGone;

    // Kinto nodes
    QString bucket;
    QString id; // bucket, collection or group id
    QJsonObject object;
    qint64 recordCount = -1;
    QString error; // the last failed fetch's message

    // Lazy levels: true once the children were fetched (or when there is nothing to fetch).
    bool fetched = true;
    QPointer<Job> job;      // the listing or object reload in flight
    QPointer<Job> countJob; // a collection's record count in flight

    ~Node()
    {
        // Nothing waits for these any more; their replies find the node gone (weak_ptr).
        if (job)
            job->cancel();
        if (countJob)
            countJob->cancel();
        QObject::disconnect(clientGone);
    }

    bool loading() const { return job && !job->isFinished(); }

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

TenantTreeModel::~TenantTreeModel()
{
    // Requests still running are left to finish on their own (their replies find no model): a
    // cancellation now would be reported, through the request log, to a window being destroyed.
    std::function<void(Node &)> release = [&release](Node &node) {
        node.job = nullptr;
        node.countJob = nullptr;
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
            auto node = std::make_shared<Node>();
            node->parent = m_root.get();
            node->tenant = tenant;
            node->fetched = tenant.service != ServiceKind::Kinto;
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
    if (parent.column() > 0)
        return false;
    const Node *node = nodeFor(parent);
    if (!node->children.empty())
        return true;
    switch (node->kind) {
    case NodeKind::Tenant:
        // A Kinto tenant shows that it can be expanded even before it is connected.
        return node->parent && node->tenant.service == ServiceKind::Kinto && !node->fetched;
    case NodeKind::Bucket:
    case NodeKind::CollectionsFolder:
    case NodeKind::GroupsFolder:
        return !node->fetched;
    case NodeKind::Collection:
    case NodeKind::Group:
    case NodeKind::Message:
        return false;
    }
    return false;
}

bool TenantTreeModel::canFetchMore(const QModelIndex &parent) const
{
    if (!parent.isValid() || parent.column() > 0)
        return false;
    const Node *node = nodeFor(parent);
    return !node->fetched && !node->loading() && clientOf(node);
}

void TenantTreeModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    startListing(nodeFor(parent));
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
    const Node *tenant = tenantOf(&node);
    if (!tenant)
        return {};

    switch (role) {
    case TenantIdRole:
        return tenant->tenant.id;
    case ServiceKindRole:
        return int(tenant->tenant.service);
    case NodeKindRole:
        return int(node.kind);
    case StateRole:
        return int(tenant->state);
    case StateMessageRole:
        return tenant->stateMessage;
    case BaseUrlRole:
        return tenant->tenant.baseUrl;
    case ErrorRole:
        return node.error;
    case LoadingRole:
        return node.loading();
    default:
        break;
    }
    return node.kind == NodeKind::Tenant ? tenantData(node, role) : kintoData(node, role);
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
            .arg(tenant.displayName, ServiceIcons::displayName(tenant.service),
                 tenant.baseUrl.toDisplayString(), state);
    }
    default:
        return {};
    }
}

QVariant TenantTreeModel::kintoData(const Node &node, int role) const
{
    const QString title = node.object.value(QLatin1String("title")).toString();
    const QJsonArray members = node.object.value(QLatin1String("members")).toArray();
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (node.kind) {
        case NodeKind::CollectionsFolder:
            return node.fetched && node.error.isEmpty() ? tr("Collections (%1)").arg(node.children.size())
                                                        : tr("Collections");
        case NodeKind::GroupsFolder:
            return node.fetched && node.error.isEmpty() ? tr("Groups (%1)").arg(node.children.size())
                                                        : tr("Groups");
        case NodeKind::Collection:
            if (node.recordCount >= 0)
                return QStringLiteral("%1 (%2)").arg(node.id, QLocale().toString(node.recordCount));
            return node.id;
        case NodeKind::Group:
            return QStringLiteral("%1 (%2)").arg(node.id).arg(members.size());
        case NodeKind::Message:
            return tr("Could not load: %1").arg(node.error);
        default:
            return node.id;
        }
    case Qt::ToolTipRole: {
        QStringList lines;
        if (!title.isEmpty())
            lines << title;
        switch (node.kind) {
        case NodeKind::Bucket:
            lines << tr("Bucket %1").arg(node.id);
            break;
        case NodeKind::Collection:
            lines << tr("Collection %1").arg(node.id);
            if (node.recordCount >= 0)
                lines << tr("%n record(s)", nullptr, int(qMin<qint64>(node.recordCount, INT_MAX)));
            if (node.object.contains(QLatin1String("schema")))
                lines << tr("Records are validated by a JSON schema");
            break;
        case NodeKind::Group: {
            QStringList principals;
            for (const QJsonValue &member : members)
                principals << member.toString();
            lines << tr("Group %1: %n member(s)", nullptr, int(members.size())).arg(node.id);
            if (!principals.isEmpty())
                lines << principals.join(QStringLiteral(", "));
            break;
        }
        case NodeKind::Message:
            lines << node.error << tr("Choose Refresh to try again.");
            break;
        default:
            break;
        }
        if (!node.error.isEmpty() && node.kind != NodeKind::Message)
            lines << tr("Could not load: %1").arg(node.error);
        if (node.loading())
            lines << tr("Loading…");
        return lines.join(QLatin1Char('\n'));
    }
    case Qt::ForegroundRole:
        if (node.kind == NodeKind::Message)
            return QColor(0xc6, 0x28, 0x28);
        return {};
    case BucketIdRole:
        return node.bucket;
    case CollectionIdRole:
        return node.kind == NodeKind::Collection ? node.id : QString();
    case GroupIdRole:
        return node.kind == NodeKind::Group ? node.id : QString();
    case ObjectRole:
        return node.object;
    case RecordCountRole:
        return node.recordCount;
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
    names.insert(BucketIdRole, "bucketId");
    names.insert(CollectionIdRole, "collectionId");
    names.insert(GroupIdRole, "groupId");
    names.insert(ObjectRole, "object");
    names.insert(RecordCountRole, "recordCount");
    names.insert(ErrorRole, "error");
    names.insert(LoadingRole, "loading");
    return names;
}

// --- Kinto levels

const TenantTreeModel::Node *TenantTreeModel::tenantOf(const Node *node)
{
    while (node && node->kind != NodeKind::Tenant)
        node = node->parent;
    return node && node->parent ? node : nullptr;
}

KintoClient *TenantTreeModel::clientOf(const Node *node) const
{
    const Node *tenant = tenantOf(node);
    return tenant ? tenant->client.data() : nullptr;
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

bool TenantTreeModel::setKintoClient(const QString &tenantId, KintoClient *client)
{
    const int row = tenantRow(tenantId);
    if (row < 0)
        return false;
    Node *node = m_root->children[size_t(row)].get();
    if (node->tenant.service != ServiceKind::Kinto)
        return false;
    if (node->client == client && (client || node->children.empty()))
        return true;
    QObject::disconnect(node->clientGone);
    if (node->job)
        node->job->cancel();
    clearChildren(node);
    node->client = client;
    node->error.clear();
    node->fetched = false;
    if (client) {
        // The client goes away with its session: the children it fetched go with it.
        node->clientGone = connect(client, &QObject::destroyed, this, [this, tenantId] {
            const int r = tenantRow(tenantId);
            if (r < 0)
                return;
            Node *tenant = m_root->children[size_t(r)].get();
            clearChildren(tenant);
            tenant->fetched = false;
            nodeChanged(tenant);
        });
    }
    nodeChanged(node);
    return true;
}

KintoClient *TenantTreeModel::kintoClient(const QString &tenantId) const
{
    const int row = tenantRow(tenantId);
    return row < 0 ? nullptr : m_root->children[size_t(row)]->client.data();
}

QModelIndex TenantTreeModel::findKintoNode(const QString &tenantId, NodeKind kind, const QString &bucket,
                                           const QString &id) const
{
    const int row = tenantRow(tenantId);
    if (row < 0)
        return {};
    const Node *node = m_root->children[size_t(row)].get();
    const auto child = [](const Node *parent, NodeKind childKind, const QString &childId) -> const Node * {
        if (!parent)
            return nullptr;
        for (const NodePtr &c : parent->children) {
            if (c->kind == childKind && (childId.isNull() || c->id == childId))
                return c.get();
        }
        return nullptr;
    };
    switch (kind) {
    case NodeKind::Tenant:
        break;
    case NodeKind::Bucket:
        node = child(node, NodeKind::Bucket, bucket);
        break;
    case NodeKind::CollectionsFolder:
    case NodeKind::GroupsFolder:
        node = child(child(node, NodeKind::Bucket, bucket), kind, QString());
        break;
    case NodeKind::Collection:
        node = child(child(child(node, NodeKind::Bucket, bucket), NodeKind::CollectionsFolder, QString()), kind, id);
        break;
    case NodeKind::Group:
        node = child(child(child(node, NodeKind::Bucket, bucket), NodeKind::GroupsFolder, QString()), kind, id);
        break;
    case NodeKind::Message:
        return {};
    }
    return indexFor(node);
}

void TenantTreeModel::refresh(const QModelIndex &index)
{
    if (!index.isValid() || index.model() != this)
        return;
    Node *node = nodeFor(index);
    if (node->loading() || !clientOf(node))
        return;
    switch (node->kind) {
    case NodeKind::Message:
        refresh(indexFor(node->parent));
        return;
    case NodeKind::Tenant:
    case NodeKind::CollectionsFolder:
    case NodeKind::GroupsFolder:
        node->error.clear();
        startListing(node);
        return;
    case NodeKind::Bucket:
        reloadObject(node);
        for (const NodePtr &folder : node->children) {
            if (folder->fetched)
                refresh(indexFor(folder.get()));
        }
        return;
    case NodeKind::Collection:
    case NodeKind::Group:
        reloadObject(node);
        return;
    }
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

void TenantTreeModel::startListing(Node *node)
{
    KintoClient *client = clientOf(node);
    if (!client)
        return;
    Job *job = nullptr;
    switch (node->kind) {
    case NodeKind::Tenant:
        job = client->getBuckets();
        break;
    case NodeKind::CollectionsFolder:
        job = client->getCollections(node->bucket);
        break;
    case NodeKind::GroupsFolder:
        job = client->getGroups(node->bucket);
        break;
    default:
        return;
    }
    node->job = job;
    const std::weak_ptr<Node> weak = sharedFor(node);
    connect(job, &Job::finished, this, [this, weak, job] { onListed(weak, job); });
    nodeChanged(node);
}

void TenantTreeModel::onListed(const std::weak_ptr<Node> &weak, Job *job)
{
    const NodePtr node = weak.lock();
    if (!node)
        return; // the node was removed meanwhile (refresh, new client, tenant removed)
    node->job = nullptr;
    if (job->error().isCancelled()) {
        nodeChanged(node.get());
        return;
    }
    node->fetched = true;
    if (job->hasError()) {
        // One Message row in place of the children; refresh() tries again.
        node->error = job->error().toString();
        clearChildren(node.get());
        auto message = std::make_shared<Node>();
        message->kind = NodeKind::Message;
        message->parent = node.get();
        message->bucket = node->bucket;
        message->error = node->error;
        beginInsertRows(indexFor(node.get()), 0, 0);
        node->children.push_back(std::move(message));
        endInsertRows();
        nodeChanged(node.get());
        Q_EMIT fetched(indexFor(node.get()), node->error);
        return;
    }
    node->error.clear();

    const NodeKind childKind = node->kind == NodeKind::Tenant ? NodeKind::Bucket
        : node->kind == NodeKind::CollectionsFolder           ? NodeKind::Collection
                                                              : NodeKind::Group;
    std::vector<NodePtr> fresh;
    const QJsonArray items = job->result().toArray();
    fresh.reserve(size_t(items.size()));
    for (const QJsonValue &item : items) {
        const QJsonObject object = item.toObject();
        if (object.value(QLatin1String("id")).toString().isEmpty())
            continue; // not an object Kinto would list; nothing to show or address
        fresh.push_back(makeChild(node.get(), childKind, object));
    }
    std::sort(fresh.begin(), fresh.end(), [](const NodePtr &a, const NodePtr &b) { return a->id < b->id; });
    mergeChildren(node.get(), std::move(fresh));

    if (childKind == NodeKind::Collection) {
        for (const NodePtr &collection : node->children)
            startCount(collection.get());
    }
    nodeChanged(node.get());
    Q_EMIT fetched(indexFor(node.get()), QString());
}

TenantTreeModel::NodePtr TenantTreeModel::makeChild(Node *parent, NodeKind kind, const QJsonObject &object) const
{
    auto child = std::make_shared<Node>();
    child->kind = kind;
    child->parent = parent;
    child->object = object;
    child->id = object.value(QLatin1String("id")).toString();
    child->bucket = kind == NodeKind::Bucket ? child->id : parent->bucket;
    if (kind == NodeKind::Bucket) {
        // The two lists of a bucket, each fetched when first expanded.
        for (const NodeKind folderKind : {NodeKind::CollectionsFolder, NodeKind::GroupsFolder}) {
            auto folder = std::make_shared<Node>();
            folder->kind = folderKind;
            folder->parent = child.get();
            folder->bucket = child->id;
            folder->fetched = false;
            child->children.push_back(std::move(folder));
        }
    }
    return child;
}

void TenantTreeModel::mergeChildren(Node *node, std::vector<NodePtr> fresh)
{
    const QModelIndex parentIndex = indexFor(node);
    auto &children = node->children;
    if (children.empty()) {
        if (fresh.empty())
            return;
        beginInsertRows(parentIndex, 0, int(fresh.size()) - 1);
        children = std::move(fresh);
        endInsertRows();
        return;
    }

    // Keep the rows that still exist (with their subtrees and the view's selection), update their
    // objects, remove the others and insert the new ones in id order.
    QHash<QString, NodePtr> incoming;
    for (const NodePtr &n : fresh)
        incoming.insert(n->id, n);
    for (int row = int(children.size()) - 1; row >= 0; --row) {
        const Node &child = *children[size_t(row)];
        if (child.kind != NodeKind::Message && incoming.contains(child.id))
            continue;
        beginRemoveRows(parentIndex, row, row);
        children.erase(children.begin() + row);
        endRemoveRows();
    }
    size_t row = 0;
    for (NodePtr &n : fresh) {
        if (row < children.size() && children[row]->id == n->id) {
            Node *kept = children[row].get();
            if (kept->object != n->object) {
                kept->object = n->object;
                nodeChanged(kept);
            }
        } else {
            beginInsertRows(parentIndex, int(row), int(row));
            children.insert(children.begin() + qsizetype(row), std::move(n));
            endInsertRows();
        }
        ++row;
    }
}

void TenantTreeModel::startCount(Node *node)
{
    KintoClient *client = clientOf(node);
    if (!client || node->kind != NodeKind::Collection || (node->countJob && !node->countJob->isFinished()))
        return;
    Job *job = client->countRecords(node->bucket, node->id);
    node->countJob = job;
    const std::weak_ptr<Node> weak = sharedFor(node);
    connect(job, &Job::finished, this, [this, weak, job] {
        const NodePtr collection = weak.lock();
        if (!collection)
            return;
        collection->countJob = nullptr;
        // A count the server refuses (no read permission) is simply not shown.
        if (job->hasError() || !job->result().isDouble())
            return;
        const qint64 count = qint64(job->result().toDouble());
        if (count == collection->recordCount)
            return;
        collection->recordCount = count;
        nodeChanged(collection.get());
    });
}

void TenantTreeModel::reloadObject(Node *node)
{
    KintoClient *client = clientOf(node);
    if (!client)
        return;
    Job *job = nullptr;
    switch (node->kind) {
    case NodeKind::Bucket:
        job = client->getBucket(node->id);
        break;
    case NodeKind::Collection:
        job = client->getCollection(node->bucket, node->id);
        break;
    case NodeKind::Group:
        job = client->getGroup(node->bucket, node->id);
        break;
    default:
        return;
    }
    node->job = job;
    const std::weak_ptr<Node> weak = sharedFor(node);
    connect(job, &Job::finished, this, [this, weak, job] {
        const NodePtr object = weak.lock();
        if (!object)
            return;
        object->job = nullptr;
        if (job->error().isCancelled()) {
            nodeChanged(object.get());
            return;
        }
        if (job->error().isNotFound() || job->error().isForbidden()) {
            // Gone from the server (or out of reach): the parent's listing says what is left.
            refresh(indexFor(object->parent));
            return;
        }
        object->error = job->hasError() ? job->error().toString() : QString();
        if (!job->hasError())
            object->object = job->result().toObject().value(QLatin1String("data")).toObject();
        nodeChanged(object.get());
        if (object->kind == NodeKind::Collection && !job->hasError())
            startCount(object.get());
        Q_EMIT fetched(indexFor(object.get()), object->error);
    });
    nodeChanged(node);
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

    auto node = std::make_shared<Node>();
    node->parent = m_root.get();
    node->tenant = *tenant;
    node->fetched = tenant->service != ServiceKind::Kinto;
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
    if (node->tenant.service != tenant->service) {
        // Only Kinto tenants have children; whoever connects sets a client again if need be.
        QObject::disconnect(node->clientGone);
        clearChildren(node);
        node->client = nullptr;
        node->error.clear();
    }
    node->tenant = *tenant;
    if (!node->client)
        node->fetched = tenant->service != ServiceKind::Kinto;
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
