#pragma once

// The row type of TenantTreeModel, shared by its source files (not part of its interface).

#include "tenanttreemodel.h"

#include "net/job.h"

#include <algorithm>
#include <vector>

// One row of the tree. The root has no parent and no tenant; a tenant node's tenant is a copy of
// the registry's value, refreshed on tenantChanged. Nodes below a tenant keep the TreeNode their
// family described. Children are shared pointers so that a reply can hold a weak_ptr to the node
// it was for and find out that the node went away meanwhile.
struct TenantTreeModel::Node
{
    TreeNode spec; // kind "tenant" for tenants, "message" for a failed fetch's row
    Node *parent = nullptr;
    std::vector<NodePtr> children;

    // Tenant
    Tenant tenant;
    State state = State::Unknown;
    QString stateMessage;
    ServiceIdentity identity;
    QPointer<FamilySession> session;
    QMetaObject::Connection sessionGone;
    bool connectPending = false; // expanded before it had a session

    QString error; // the last failed fetch's message
    // Lazy levels: true once the children were fetched (or when there is nothing to fetch).
    bool fetched = true;
    QPointer<Job> job;         // the listing or reload in flight
    QPointer<Job> decorateJob; // details after listing

    ~Node()
    {
        // Nothing waits for these any more; their replies find the node gone (weak_ptr).
        if (job)
            job->cancel();
        if (decorateJob)
            decorateJob->cancel();
        QObject::disconnect(sessionGone);
    }

    bool isTenant() const { return spec.kind == TenantTreeModel::TenantKind; }
    bool isMessage() const { return spec.kind == TenantTreeModel::MessageKind; }
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
