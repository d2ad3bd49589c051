#include "kintonavigator.h"

#include "browse/browsepage.h"
#include "browse/bucketdialog.h"
#include "browse/collectiondialog.h"
#include "browse/deletedialog.h"
#include "browse/groupdialog.h"
#include "kintoclient.h"
#include "mainwindow.h"
#include "records/collectionview.h"
#include "records/collectionworkspace.h"
#include "history/historyview.h"
#include "permissions/permissionseditor.h"

#include <QAction>
#include <QFontDatabase>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTreeView>
#include <QVBoxLayout>

using NodeKind = TenantTreeModel::NodeKind;

namespace {

NodeKind kindOf(const QModelIndex &index)
{
    return NodeKind(index.data(TenantTreeModel::NodeKindRole).toInt());
}

QJsonObject objectOf(const QModelIndex &index)
{
    return index.data(TenantTreeModel::ObjectRole).toJsonObject();
}

qint64 lastModifiedOf(const QModelIndex &index)
{
    return qint64(objectOf(index).value(QLatin1String("last_modified")).toDouble());
}

// The bucket row a node belongs to (itself for a bucket), or an invalid index.
QModelIndex bucketRowOf(QModelIndex index)
{
    while (index.isValid() && kindOf(index) != NodeKind::Bucket)
        index = index.parent();
    return index;
}

QString prettyJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
}

} // namespace

KintoNavigator::KintoNavigator(MainWindow *window)
    : QObject(window)
    , m_window(window)
    , m_model(window->tenantModel())
    , m_tree(window->tenantTree())
    , m_menu(new QMenu(m_tree))
{
    setObjectName(QStringLiteral("kintoNavigator"));
    const auto makeAction = [this](Action which, const QString &text, const QString &name, void (KintoNavigator::*slot)()) {
        auto *action = new QAction(text, this);
        action->setObjectName(name);
        connect(action, &QAction::triggered, this, slot);
        m_actions[size_t(which)] = action;
        return action;
    };
    makeAction(Action::NewBucket, tr("New &bucket…"), QStringLiteral("newBucketAction"), &KintoNavigator::newBucket);
    makeAction(Action::NewCollection, tr("New &collection…"), QStringLiteral("newCollectionAction"),
               &KintoNavigator::newCollection);
    makeAction(Action::NewGroup, tr("New &group…"), QStringLiteral("newGroupAction"), &KintoNavigator::newGroup);
    makeAction(Action::Edit, tr("&Edit…"), QStringLiteral("editAction"), &KintoNavigator::editCurrent);
    makeAction(Action::Delete, tr("&Delete…"), QStringLiteral("deleteAction"), &KintoNavigator::deleteCurrent);
    makeAction(Action::Permissions, tr("&Permissions…"), QStringLiteral("permissionsAction"),
               &KintoNavigator::editCurrentPermissions);
    QAction *refresh = makeAction(Action::Refresh, tr("&Refresh"), QStringLiteral("refreshAction"),
                                  &KintoNavigator::refreshCurrent);
    refresh->setShortcut(QKeySequence::Refresh);
    refresh->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_tree->addAction(refresh);

    m_menu->setObjectName(QStringLiteral("tenantTreeMenu"));
    m_menu->addAction(action(Action::NewBucket));
    m_menu->addAction(action(Action::NewCollection));
    m_menu->addAction(action(Action::NewGroup));
    m_menu->addSeparator();
    m_menu->addAction(action(Action::Edit));
    m_menu->addAction(action(Action::Delete));
    m_menu->addAction(action(Action::Permissions));
    m_menu->addSeparator();
    m_menu->addAction(refresh);

    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tree, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex index = m_tree->indexAt(pos);
        if (!index.isValid() || !clientFor(index))
            return;
        m_tree->setCurrentIndex(index);
        updateActions();
        m_menu->popup(m_tree->viewport()->mapToGlobal(pos));
    });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &index) {
        updateActions();
        showPageFor(index);
    });
    // A bucket opens on its collections, the list people come for.
    connect(m_tree, &QTreeView::expanded, this, [this](const QModelIndex &index) {
        if (kindOf(index) != NodeKind::Bucket)
            return;
        const QModelIndex collections = m_model->findKintoNode(
            index.data(TenantTreeModel::TenantIdRole).toString(), NodeKind::CollectionsFolder,
            index.data(TenantTreeModel::BucketIdRole).toString());
        if (collections.isValid())
            m_tree->expand(collections);
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, &KintoNavigator::onDataChanged);
    connect(m_model, &TenantTreeModel::fetched, this, &KintoNavigator::onFetched);
    updateActions();
}

QAction *KintoNavigator::action(Action which) const
{
    return m_actions[size_t(which)];
}

QModelIndex KintoNavigator::current() const
{
    return m_tree->currentIndex();
}

KintoClient *KintoNavigator::clientFor(const QModelIndex &index) const
{
    return index.isValid() ? m_model->kintoClient(index.data(TenantTreeModel::TenantIdRole).toString()) : nullptr;
}

void KintoNavigator::updateActions()
{
    const QModelIndex index = current();
    const bool connected = clientFor(index) != nullptr;
    const NodeKind kind = kindOf(index);
    const bool inBucket = connected && bucketRowOf(index).isValid();
    const bool object = connected && (kind == NodeKind::Bucket || kind == NodeKind::Collection || kind == NodeKind::Group);
    action(Action::NewBucket)->setEnabled(connected);
    action(Action::NewCollection)->setEnabled(inBucket);
    action(Action::NewGroup)->setEnabled(inBucket);
    action(Action::Edit)->setEnabled(object);
    action(Action::Delete)->setEnabled(object);
    action(Action::Refresh)->setEnabled(connected);
    action(Action::Permissions)->setEnabled(object);
}

// --- Pages

QStringList KintoNavigator::crumbs(const QModelIndex &index) const
{
    QStringList result;
    for (QModelIndex i = index; i.isValid(); i = i.parent()) {
        switch (kindOf(i)) {
        case NodeKind::Tenant:
            result.prepend(i.data(Qt::DisplayRole).toString());
            break;
        case NodeKind::Bucket:
            result.prepend(i.data(TenantTreeModel::BucketIdRole).toString());
            break;
        case NodeKind::Collection:
            result.prepend(i.data(TenantTreeModel::CollectionIdRole).toString());
            break;
        case NodeKind::Group:
            result.prepend(i.data(TenantTreeModel::GroupIdRole).toString());
            break;
        default:
            break; // folders and messages are not places
        }
    }
    return result;
}

QVariant KintoNavigator::pageSignature(const QModelIndex &index) const
{
    if (kindOf(index) == NodeKind::Tenant) {
        return QVariantList{index.data(TenantTreeModel::StateRole), index.data(TenantTreeModel::StateMessageRole),
                            QVariant(clientFor(index) != nullptr)};
    }
    return index.data(TenantTreeModel::ObjectRole);
}

void KintoNavigator::showPageFor(const QModelIndex &requested)
{
    QModelIndex index = requested;
    // Folders and error rows show their bucket (or tenant).
    while (index.isValid() && kindOf(index) != NodeKind::Tenant && kindOf(index) != NodeKind::Bucket
           && kindOf(index) != NodeKind::Collection && kindOf(index) != NodeKind::Group)
        index = index.parent();
    if (index.isValid() && index == m_pageIndex && pageSignature(index) == m_pageSignature)
        return;

    BrowsePage *page = nullptr;
    if (index.isValid()) {
        switch (kindOf(index)) {
        case NodeKind::Tenant:
            if (ServiceKind(index.data(TenantTreeModel::ServiceKindRole).toInt()) == ServiceKind::Kinto)
                page = tenantPage(index);
            break;
        case NodeKind::Bucket:
            page = bucketPage(index);
            break;
        case NodeKind::Collection:
            page = collectionPage(index);
            break;
        case NodeKind::Group:
            page = groupPage(index);
            break;
        default:
            break;
        }
    }
    m_pageIndex = page ? QPersistentModelIndex(index) : QPersistentModelIndex();
    m_pageSignature = page ? pageSignature(index) : QVariant();
    m_window->showPage(page);
}

void KintoNavigator::onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    // A tenant that connects while expanded gets its buckets without another click.
    for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
        const QModelIndex index = topLeft.siblingAtRow(row);
        if (kindOf(index) == NodeKind::Tenant && m_tree->isExpanded(index) && m_model->canFetchMore(index))
            m_model->fetchMore(index);
    }
    if (m_pageIndex.isValid() && m_pageIndex.parent() == topLeft.parent() && m_pageIndex.row() >= topLeft.row()
        && m_pageIndex.row() <= bottomRight.row()) {
        if (pageSignature(m_pageIndex) != m_pageSignature)
            showPageFor(m_pageIndex);
        updateActions();
    }
}

BrowsePage *KintoNavigator::tenantPage(const QModelIndex &index)
{
    auto *page = new BrowsePage(crumbs(index), index.data(Qt::DisplayRole).toString());
    page->setObjectName(QStringLiteral("tenantPage"));
    page->addButton(action(Action::NewBucket));
    page->addButton(action(Action::Refresh));
    const auto state = TenantTreeModel::State(index.data(TenantTreeModel::StateRole).toInt());
    QString text = TenantTreeModel::stateText(state);
    const QString message = index.data(TenantTreeModel::StateMessageRole).toString();
    if (!message.isEmpty())
        text += QStringLiteral(": ") + message;
    if (clientFor(index))
        text += QLatin1Char('\n') + tr("Expand the tenant in the Tenants panel to browse its buckets.");
    auto *label = new QLabel(text);
    label->setObjectName(QStringLiteral("tenantStateLabel"));
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    page->setBody(label);
    return page;
}

BrowsePage *KintoNavigator::bucketPage(const QModelIndex &index)
{
    const QJsonObject bucket = objectOf(index);
    const QString id = index.data(TenantTreeModel::BucketIdRole).toString();
    const QString title = bucket.value(QLatin1String("title")).toString();
    auto *page = new BrowsePage(crumbs(index), title.isEmpty() ? tr("Bucket %1").arg(id) : tr("%1 (bucket %2)").arg(title, id));
    page->setObjectName(QStringLiteral("bucketPage"));
    page->addButton(action(Action::NewCollection));
    page->addButton(action(Action::NewGroup));
    page->addButton(action(Action::Edit));
    page->addButton(action(Action::Delete));
    page->addButton(action(Action::Refresh));
    page->addButton(action(Action::Permissions));
    auto *attributes = new QPlainTextEdit(prettyJson(bucket));
    attributes->setObjectName(QStringLiteral("attributesView"));
    attributes->setReadOnly(true);
    attributes->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *tabs = new QTabWidget;
    tabs->setObjectName(QStringLiteral("bucketTabs"));
    tabs->setDocumentMode(true);
    tabs->addTab(attributes, tr("Attributes"));
    auto *history = new HistoryView(clientFor(index));
    history->setObjectName(QStringLiteral("historyView"));
    history->setBucket(id);
    tabs->addTab(history, tr("History"));
    page->setBody(tabs);
    return page;
}

BrowsePage *KintoNavigator::collectionPage(const QModelIndex &index)
{
    const QJsonObject collection = objectOf(index);
    const QString id = index.data(TenantTreeModel::CollectionIdRole).toString();
    const QString title = collection.value(QLatin1String("title")).toString();
    auto *page = new BrowsePage(crumbs(index),
                                title.isEmpty() ? tr("Collection %1").arg(id) : tr("%1 (collection %2)").arg(title, id));
    page->setObjectName(QStringLiteral("collectionPage"));
    page->addButton(action(Action::Edit));
    page->addButton(action(Action::Delete));
    page->addButton(action(Action::Permissions));
    page->addButton(action(Action::Refresh));
    // The collection can be copied to any connected Kinto tenant (this one included).
    const auto copyTargets = [model = QPointer<TenantTreeModel>(m_model)] {
        QList<CopyCollectionDialog::Target> targets;
        for (int row = 0; model && row < model->rowCount(); ++row) {
            const QModelIndex tenant = model->index(row, 0);
            if (KintoClient *client = model->kintoClient(tenant.data(TenantTreeModel::TenantIdRole).toString()))
                targets.append({ tenant.data(Qt::DisplayRole).toString(), client });
        }
        return targets;
    };
    auto *workspace = new CollectionWorkspace(clientFor(index), index.data(TenantTreeModel::BucketIdRole).toString(), id, copyTargets);
    workspace->setObjectName(QStringLiteral("collectionWorkspace"));
    page->setBody(workspace);
    return page;
}

BrowsePage *KintoNavigator::groupPage(const QModelIndex &index)
{
    const QJsonObject group = objectOf(index);
    const QString id = index.data(TenantTreeModel::GroupIdRole).toString();
    const QString bucket = index.data(TenantTreeModel::BucketIdRole).toString();
    const QString title = group.value(QLatin1String("title")).toString();
    auto *page = new BrowsePage(crumbs(index), title.isEmpty() ? tr("Group %1").arg(id) : tr("%1 (group %2)").arg(title, id));
    page->setObjectName(QStringLiteral("groupPage"));
    page->addButton(action(Action::Edit));
    page->addButton(action(Action::Delete));
    page->addButton(action(Action::Permissions));
    page->addButton(action(Action::Refresh));

    auto *body = new QWidget;
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *principal = new QLabel(tr("Principal: /buckets/%1/groups/%2").arg(bucket, id));
    principal->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *members = new QListWidget;
    members->setObjectName(QStringLiteral("membersView"));
    for (const QJsonValue &member : group.value(QLatin1String("members")).toArray())
        members->addItem(member.toString());
    layout->addWidget(principal);
    layout->addWidget(new QLabel(tr("Members:")));
    layout->addWidget(members, 1);
    page->setBody(body);
    return page;
}

// --- Actions

QStringList KintoNavigator::principalSuggestions(const QModelIndex &index) const
{
    QStringList suggestions{QStringLiteral("system.Authenticated"), QStringLiteral("system.Everyone")};
    const QModelIndex bucket = bucketRowOf(index);
    const QModelIndex groups = m_model->findKintoNode(index.data(TenantTreeModel::TenantIdRole).toString(),
                                                      NodeKind::GroupsFolder,
                                                      bucket.data(TenantTreeModel::BucketIdRole).toString());
    for (int row = 0; row < m_model->rowCount(groups); ++row) {
        const QModelIndex group = m_model->index(row, 0, groups);
        if (kindOf(group) != NodeKind::Group)
            continue;
        suggestions << QStringLiteral("/buckets/%1/groups/%2")
                           .arg(group.data(TenantTreeModel::BucketIdRole).toString(),
                                group.data(TenantTreeModel::GroupIdRole).toString());
        for (const QJsonValue &member : objectOf(group).value(QLatin1String("members")).toArray()) {
            if (!suggestions.contains(member.toString()))
                suggestions << member.toString();
        }
    }
    return suggestions;
}

void KintoNavigator::newBucket()
{
    const QModelIndex index = current();
    KintoClient *client = clientFor(index);
    if (!client)
        return;
    const QString tenantId = index.data(TenantTreeModel::TenantIdRole).toString();
    openCreateDialog(new BucketDialog(client, {}, m_window), {tenantId, NodeKind::Bucket, {}, {}});
}

void KintoNavigator::openCreateDialog(KintoObjectDialog *dialog, const Target &where)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &KintoObjectDialog::saved, this, [this, where](const QJsonObject &data) {
        Target created = where; // the new object's id completes it: a bucket's is its bucket id
        (where.kind == NodeKind::Bucket ? created.bucket : created.id) = data.value(QLatin1String("id")).toString();
        showCreated(created);
    });
    dialog->open();
}

void KintoNavigator::newCollection()
{
    const QModelIndex index = current();
    KintoClient *client = clientFor(index);
    const QString bucket = bucketRowOf(index).data(TenantTreeModel::BucketIdRole).toString();
    if (!client || bucket.isEmpty())
        return;
    const QString tenantId = index.data(TenantTreeModel::TenantIdRole).toString();
    openCreateDialog(new CollectionDialog(client, bucket, {}, m_window), {tenantId, NodeKind::Collection, bucket, {}});
}

void KintoNavigator::newGroup()
{
    const QModelIndex index = current();
    KintoClient *client = clientFor(index);
    const QString bucket = bucketRowOf(index).data(TenantTreeModel::BucketIdRole).toString();
    if (!client || bucket.isEmpty())
        return;
    const QString tenantId = index.data(TenantTreeModel::TenantIdRole).toString();
    openCreateDialog(new GroupDialog(client, bucket, {}, principalSuggestions(index), m_window),
                     {tenantId, NodeKind::Group, bucket, {}});
}

void KintoNavigator::editCurrent()
{
    const QModelIndex index = current();
    KintoClient *client = clientFor(index);
    if (!client)
        return;
    const QString bucket = index.data(TenantTreeModel::BucketIdRole).toString();
    KintoObjectDialog *dialog = nullptr;
    switch (kindOf(index)) {
    case NodeKind::Bucket:
        dialog = new BucketDialog(client, objectOf(index), m_window);
        break;
    case NodeKind::Collection:
        dialog = new CollectionDialog(client, bucket, objectOf(index), m_window);
        break;
    case NodeKind::Group:
        dialog = new GroupDialog(client, bucket, objectOf(index), principalSuggestions(index), m_window);
        break;
    default:
        return;
    }
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QPersistentModelIndex edited(index);
    connect(dialog, &KintoObjectDialog::saved, this, [this, edited] { m_model->refresh(edited); });
    dialog->open();
}

void KintoNavigator::deleteCurrent()
{
    const QModelIndex index = current();
    KintoClient *client = clientFor(index);
    if (!client)
        return;
    const QString bucket = index.data(TenantTreeModel::BucketIdRole).toString();
    KintoRef ref;
    QString what;
    switch (kindOf(index)) {
    case NodeKind::Bucket:
        ref = KintoRef::ofBucket(bucket);
        what = tr("the bucket \"%1\"").arg(bucket);
        break;
    case NodeKind::Collection: {
        ref = KintoRef::ofCollection(bucket, index.data(TenantTreeModel::CollectionIdRole).toString());
        const qint64 count = index.data(TenantTreeModel::RecordCountRole).toLongLong();
        what = count >= 0 ? tr("the collection \"%1\" of bucket \"%2\" (%3 records)")
                                .arg(ref.collection, bucket, QLocale().toString(count))
                          : tr("the collection \"%1\" of bucket \"%2\"").arg(ref.collection, bucket);
        break;
    }
    case NodeKind::Group:
        ref = KintoRef::ofGroup(bucket, index.data(TenantTreeModel::GroupIdRole).toString());
        what = tr("the group \"%1\" of bucket \"%2\"").arg(ref.id, bucket);
        break;
    default:
        return;
    }
    auto *dialog = new DeleteDialog(client, ref, lastModifiedOf(index), what, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QPersistentModelIndex list = index.parent(); // the tenant or the folder listing it
    connect(dialog, &DeleteDialog::deleted, this, [this, list] { m_model->refresh(list); });
    dialog->open();
}

void KintoNavigator::refreshCurrent()
{
    m_model->refresh(current());
}

void KintoNavigator::editCurrentPermissions()
{
    const QModelIndex index = current();
    KintoClient *client = clientFor(index);
    const QString bucket = index.data(TenantTreeModel::BucketIdRole).toString();
    KintoRef ref;
    switch (kindOf(index)) {
    case NodeKind::Bucket: ref = KintoRef::ofBucket(bucket); break;
    case NodeKind::Collection: ref = KintoRef::ofCollection(bucket, index.data(TenantTreeModel::CollectionIdRole).toString()); break;
    case NodeKind::Group: ref = KintoRef::ofGroup(bucket, index.data(TenantTreeModel::GroupIdRole).toString()); break;
    default: return;
    }
    if (!client)
        return;
    auto *editor = new PermissionsEditor(client, ref, m_window);
    editor->setObjectName(QStringLiteral("permissionsEditor"));
    editor->setAttribute(Qt::WA_DeleteOnClose);
    editor->setWindowModality(Qt::WindowModal);
    editor->show();
}

void KintoNavigator::showCreated(const Target &target)
{
    m_pendingSelection = target;
    const QModelIndex tenant = m_model->indexForTenant(target.tenantId);
    QModelIndex list = tenant;
    if (target.kind != NodeKind::Bucket) {
        const QModelIndex bucket = m_model->findKintoNode(target.tenantId, NodeKind::Bucket, target.bucket);
        list = m_model->findKintoNode(target.tenantId,
                                      target.kind == NodeKind::Collection ? NodeKind::CollectionsFolder
                                                                          : NodeKind::GroupsFolder,
                                      target.bucket);
        m_tree->expand(tenant);
        m_tree->expand(bucket);
    }
    if (!list.isValid())
        return;
    // Expanding fetches a list not loaded yet; a loaded one is listed again.
    const bool loaded = !m_model->canFetchMore(list);
    m_tree->expand(list);
    if (m_model->canFetchMore(list))
        m_model->fetchMore(list);
    else if (loaded)
        m_model->refresh(list);
}

void KintoNavigator::onFetched(const QModelIndex &index)
{
    if (!m_pendingSelection || index.data(TenantTreeModel::TenantIdRole).toString() != m_pendingSelection->tenantId)
        return;
    const Target &target = *m_pendingSelection;
    const QModelIndex found = m_model->findKintoNode(target.tenantId, target.kind, target.bucket,
                                                     target.kind == NodeKind::Bucket ? QString() : target.id);
    if (!found.isValid())
        return;
    m_pendingSelection.reset();
    m_tree->setCurrentIndex(found);
    m_tree->scrollTo(found);
}
