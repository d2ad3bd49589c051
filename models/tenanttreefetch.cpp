// TenantTreeModel: fetching the nodes below a tenant through its FamilySession (listing, merging a
// fresh listing into the rows that exist, details after listing, reloading one node).
#include "tenanttreenode_p.h"

#include <QJsonArray>
#include <QSet>

void TenantTreeModel::refresh(const QModelIndex &index)
{
    if (!index.isValid() || index.model() != this)
        return;
    Node *node = nodeFor(index);
    if (node->loading() || !sessionOf(node))
        return;
    if (node->isMessage()) {
        refresh(indexFor(node->parent));
        return;
    }
    if (!node->isTenant() && !node->spec.folder)
        reloadNode(node);
    if (node->loading())
        return; // the reload lists the children again once it answers
    if (node->isTenant() || node->fetched) {
        node->error.clear();
        startListing(node);
    }
}

void TenantTreeModel::startListing(Node *node)
{
    FamilySession *session = sessionOf(node);
    if (!session)
        return;
    Job *job = session->fetchChildren(node->spec);
    if (!job)
        return;
    node->job = job;
    const std::weak_ptr<Node> weak = sharedFor(node);
    connect(job, &Job::finished, this, [this, weak, job] { onListed(weak, job); });
    nodeChanged(node);
}

void TenantTreeModel::onListed(const std::weak_ptr<Node> &weak, Job *job)
{
    const NodePtr node = weak.lock();
    if (!node)
        return; // the node was removed meanwhile (refresh, new session, tenant removed)
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
        message->spec.kind = MessageKind;
        message->parent = node.get();
        message->error = node->error;
        beginInsertRows(indexFor(node.get()), 0, 0);
        node->children.push_back(std::move(message));
        endInsertRows();
        nodeChanged(node.get());
        Q_EMIT fetched(indexFor(node.get()), node->error);
        return;
    }
    node->error.clear();

    std::vector<NodePtr> fresh;
    const QJsonArray items = job->result().toArray();
    fresh.reserve(size_t(items.size()));
    QSet<QString> seen;
    for (const QJsonValue &item : items) {
        TreeNode spec = TreeNode::fromJson(item.toObject());
        if (spec.id.isEmpty() || spec.kind == TenantKind || spec.kind == MessageKind || seen.contains(spec.id))
            continue; // nothing the tree could address
        seen.insert(spec.id);
        fresh.push_back(makeChild(node.get(), std::move(spec)));
    }
    mergeChildren(node.get(), std::move(fresh));

    for (const NodePtr &child : node->children) {
        if (child->spec.decorate)
            startDecorate(child.get());
        else if (child->spec.folder && child->fetched && !child->loading())
            startListing(child.get()); // a listed folder kept by the merge: list it again too
    }
    nodeChanged(node.get());
    Q_EMIT fetched(indexFor(node.get()), QString());
}

TenantTreeModel::NodePtr TenantTreeModel::makeChild(Node *parent, TreeNode spec) const
{
    auto child = std::make_shared<Node>();
    child->parent = parent;
    child->fetched = !spec.hasChildren;
    for (TreeNode &grandchild : spec.children) {
        child->children.push_back(makeChild(child.get(), std::move(grandchild)));
        child->fetched = true;
    }
    spec.children.clear(); // held as nodes
    child->spec = std::move(spec);
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
    // nodes, remove the others and insert the new ones in the family's order (a stable one).
    QHash<QString, NodePtr> incoming;
    for (const NodePtr &n : fresh)
        incoming.insert(n->spec.id, n);
    for (int row = int(children.size()) - 1; row >= 0; --row) {
        const Node &child = *children[size_t(row)];
        if (!child.isMessage() && incoming.contains(child.spec.id))
            continue;
        beginRemoveRows(parentIndex, row, row);
        children.erase(children.begin() + row);
        endRemoveRows();
    }
    size_t row = 0;
    for (NodePtr &n : fresh) {
        if (row < children.size() && children[row]->spec.id == n->spec.id) {
            Node *kept = children[row].get();
            TreeNode spec = n->spec;
            if (spec.decorate && spec.badge.isEmpty())
                spec.badge = kept->spec.badge; // until decorate() answers again
            if (kept->spec.toJson() != spec.toJson()) {
                kept->spec = spec;
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

void TenantTreeModel::startDecorate(Node *node)
{
    FamilySession *session = sessionOf(node);
    if (!session || (node->decorateJob && !node->decorateJob->isFinished()))
        return;
    Job *job = session->decorate(node->spec);
    if (!job)
        return;
    node->decorateJob = job;
    const std::weak_ptr<Node> weak = sharedFor(node);
    connect(job, &Job::finished, this, [this, weak, job] {
        const NodePtr decorated = weak.lock();
        if (!decorated)
            return;
        decorated->decorateJob = nullptr;
        // Details the server refuses (e.g. no read permission) are simply not shown.
        if (job->hasError() || !job->result().isObject())
            return;
        TreeNode spec = TreeNode::fromJson(job->result().toObject());
        if (spec.id != decorated->spec.id || spec.toJson() == decorated->spec.toJson())
            return;
        decorated->spec = spec;
        nodeChanged(decorated.get());
    });
}

void TenantTreeModel::reloadNode(Node *node)
{
    FamilySession *session = sessionOf(node);
    Job *job = session ? session->fetchNode(node->spec) : nullptr;
    if (!job)
        return;
    node->job = job;
    const std::weak_ptr<Node> weak = sharedFor(node);
    connect(job, &Job::finished, this, [this, weak, job] {
        const NodePtr reloaded = weak.lock();
        if (!reloaded)
            return;
        reloaded->job = nullptr;
        if (job->error().isCancelled()) {
            nodeChanged(reloaded.get());
            return;
        }
        if (job->error().isNotFound() || job->error().isForbidden()) {
            // Gone from the server (or out of reach): the parent's listing says what is left.
            refresh(indexFor(reloaded->parent));
            return;
        }
        reloaded->error = job->hasError() ? job->error().toString() : QString();
        if (!job->hasError()) {
            TreeNode spec = TreeNode::fromJson(job->result().toObject());
            if (spec.id == reloaded->spec.id) {
                if (spec.decorate && spec.badge.isEmpty())
                    spec.badge = reloaded->spec.badge;
                reloaded->spec = spec;
            }
        }
        nodeChanged(reloaded.get());
        if (!job->hasError()) {
            if (reloaded->spec.decorate)
                startDecorate(reloaded.get());
            if (reloaded->fetched && reloaded->spec.hasChildren)
                startListing(reloaded.get());
        }
        Q_EMIT fetched(indexFor(reloaded.get()), reloaded->error);
    });
    nodeChanged(node);
}
