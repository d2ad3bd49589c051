#include "kintonavigator.h"

#include "browse/browsepage.h"
#include "browse/bucketdialog.h"
#include "browse/collectiondialog.h"
#include "browse/deletedialog.h"
#include "browse/groupdialog.h"
#include "kintoclient.h"
#include "kintofamily.h"
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
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace {

const QString Bucket = QStringLiteral("bucket");
const QString Collection = QStringLiteral("collection");
const QString Group = QStringLiteral("group");
const QString CollectionsFolder = QStringLiteral("collections");
const QString GroupsFolder = QStringLiteral("groups");

QString kindOf(const QModelIndex &index)
{
    return index.data(TenantTreeModel::NodeKindRole).toString();
}

QString field(const QModelIndex &index, const char *name)
{
    return index.data(TenantTreeModel::NodeDataRole).toJsonObject().value(QLatin1String(name)).toString();
}

QString bucketOf(const QModelIndex &index)
{
    return field(index, "bucket");
}

QJsonObject objectOf(const QModelIndex &index)
{
    return index.data(TenantTreeModel::NodeDataRole).toJsonObject().value(QLatin1String("object")).toObject();
}

// The ids from the tenant down to a Kinto node (TenantTreeModel::findNode).
QStringList pathTo(const QString &kind, const QString &bucket, const QString &id = {})
{
    if (kind == Bucket)
        return {bucket};
    if (kind == CollectionsFolder || kind == GroupsFolder)
        return {bucket, kind};
    if (kind == Collection)
        return {bucket, CollectionsFolder, id};
    if (kind == Group)
        return {bucket, GroupsFolder, id};
    return {};
}

qint64 lastModifiedOf(const QModelIndex &index)
{
    return qint64(objectOf(index).value(QLatin1String("last_modified")).toDouble());
}

// The bucket row a node belongs to (itself for a bucket), or an invalid index.
QModelIndex bucketRowOf(QModelIndex index)
{
    while (index.isValid() && kindOf(index) != Bucket)
        index = index.parent();
    return index;
}

QString prettyJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
}

} // namespace

KintoNavigator::KintoNavigator(MainWindow *window)
    : FamilyNavigator(window)
    , m_window(window)
    , m_model(window->tenantModel())
    , m_tree(window->tenantTree())
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
    // F5 refreshes the current row (MainWindow's Refresh); this one is for pages and menus.
    refresh->setShortcutContext(Qt::WidgetShortcut);

    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, &KintoNavigator::updateActions);
    // A bucket opens on its collections, the list people come for.
    connect(m_tree, &QTreeView::expanded, this, [this](const QModelIndex &index) {
        if (kindOf(index) != Bucket || index.data(TenantTreeModel::FamilyRole).toString() != KintoFamily::Id)
            return;
        const QModelIndex collections = m_model->findNode(index.data(TenantTreeModel::TenantIdRole).toString(),
                                                          pathTo(CollectionsFolder, bucketOf(index)));
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
    if (!index.isValid() || index.data(TenantTreeModel::FamilyRole).toString() != KintoFamily::Id)
        return nullptr;
    auto *session = qobject_cast<KintoSession *>(m_model->session(index.data(TenantTreeModel::TenantIdRole).toString()));
    return session ? session->client() : nullptr;
}

QList<QAction *> KintoNavigator::actionsFor(const QModelIndex &index)
{
    if (!clientFor(index))
        return {};
    if (index != current())
        m_tree->setCurrentIndex(index);
    updateActions();
    QList<QAction *> actions;
    for (QAction *action : m_actions) {
        // Refresh is the window's, for every row.
        if (action->isEnabled() && action != this->action(Action::Refresh))
            actions << action;
    }
    return actions;
}

void KintoNavigator::updateActions()
{
    const QModelIndex index = current();
    const bool connected = clientFor(index) != nullptr;
    const QString kind = kindOf(index);
    const bool inBucket = connected && bucketRowOf(index).isValid();
    const bool object = connected && (kind == Bucket || kind == Collection || kind == Group);
    action(Action::NewBucket)->setEnabled(connected);
    action(Action::NewCollection)->setEnabled(inBucket);
    action(Action::NewGroup)->setEnabled(inBucket);
    action(Action::Edit)->setEnabled(object);
    action(Action::Delete)->setEnabled(object);
    // Named after what they act on: a collection's page also has buttons for its records.
    const bool named = kind == Bucket || kind == Collection || kind == Group;
    action(Action::Edit)->setText(!named ? tr("&Edit…") : kind == Bucket ? tr("&Edit bucket…")
                                          : kind == Collection ? tr("&Edit collection…") : tr("&Edit group…"));
    action(Action::Delete)->setText(!named ? tr("&Delete…") : kind == Bucket ? tr("&Delete bucket…")
                                              : kind == Collection ? tr("&Delete collection…") : tr("&Delete group…"));
    action(Action::Refresh)->setEnabled(connected);
    action(Action::Permissions)->setEnabled(object);
}

// --- Pages

QStringList KintoNavigator::crumbs(const QModelIndex &index) const
{
    QStringList result;
    for (QModelIndex i = index; i.isValid(); i = i.parent()) {
        const QString kind = kindOf(i);
        if (kind == TenantTreeModel::TenantKind)
            result.prepend(i.data(Qt::DisplayRole).toString());
        else if (kind == Bucket || kind == Collection || kind == Group)
            result.prepend(i.data(TenantTreeModel::NodeIdRole).toString());
        // folders and messages are not places
    }
    return result;
}

QVariant KintoNavigator::pageSignature(const QModelIndex &index) const
{
    return objectOf(index);
}

void KintoNavigator::showPageFor(const QModelIndex &requested)
{
    updateActions();
    QModelIndex index = requested;
    // Folders and error rows show their bucket.
    while (index.isValid() && kindOf(index) != Bucket && kindOf(index) != Collection && kindOf(index) != Group)
        index = index.parent();
    if (index.isValid() && index == m_pageIndex && pageSignature(index) == m_pageSignature)
        return;

    BrowsePage *page = nullptr;
    const QString kind = kindOf(index);
    if (kind == Bucket)
        page = bucketPage(index);
    else if (kind == Collection)
        page = collectionPage(index);
    else if (kind == Group)
        page = groupPage(index);
    m_pageIndex = page ? QPersistentModelIndex(index) : QPersistentModelIndex();
    m_pageSignature = page ? pageSignature(index) : QVariant();
    m_window->showPage(page);
}

void KintoNavigator::onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    if (m_pageIndex.isValid() && m_pageIndex.parent() == topLeft.parent() && m_pageIndex.row() >= topLeft.row()
        && m_pageIndex.row() <= bottomRight.row()) {
        if (pageSignature(m_pageIndex) != m_pageSignature)
            showPageFor(m_pageIndex);
        updateActions();
    }
}

BrowsePage *KintoNavigator::bucketPage(const QModelIndex &index)
{
    const QJsonObject bucket = objectOf(index);
    const QString id = bucketOf(index);
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
    attributes->setAccessibleName(tr("Bucket attributes (JSON)"));
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
    const QString id = field(index, "collection");
    const QString title = collection.value(QLatin1String("title")).toString();
    auto *page = new BrowsePage(crumbs(index),
                                title.isEmpty() ? tr("Collection %1").arg(id) : tr("%1 (collection %2)").arg(title, id));
    page->setObjectName(QStringLiteral("collectionPage"));
    page->addButton(action(Action::Edit));
    page->addButton(action(Action::Delete));
    page->addButton(action(Action::Permissions));
    // The collection can be copied to any connected Kinto tenant (this one included).
    const auto copyTargets = [model = QPointer<TenantTreeModel>(m_model)] {
        QList<CopyCollectionDialog::Target> targets;
        for (int row = 0; model && row < model->rowCount(); ++row) {
            const QModelIndex tenant = model->index(row, 0);
            auto *session = qobject_cast<KintoSession *>(model->session(tenant.data(TenantTreeModel::TenantIdRole).toString()));
            if (session && session->client())
                targets.append({ tenant.data(Qt::DisplayRole).toString(), session->client() });
        }
        return targets;
    };
    const QString key = memoryKey(index.data(TenantTreeModel::TenantIdRole).toString(), bucketOf(index), id);
    CollectionMemory *&memory = m_memories[key];
    if (!memory)
        memory = new CollectionMemory(this);
    auto *workspace = new CollectionWorkspace(clientFor(index), bucketOf(index), id, copyTargets, nullptr, memory);
    workspace->setObjectName(QStringLiteral("collectionWorkspace"));
    for (QAction *collectionAction : workspace->collectionActions())
        page->addButton(collectionAction);
    page->addButton(action(Action::Refresh));
    page->setBody(workspace);
    return page;
}

BrowsePage *KintoNavigator::groupPage(const QModelIndex &index)
{
    const QJsonObject group = objectOf(index);
    const QString id = field(index, "group");
    const QString bucket = bucketOf(index);
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
    members->setAccessibleName(tr("Members"));
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
    const QModelIndex groups = m_model->findNode(index.data(TenantTreeModel::TenantIdRole).toString(),
                                                 pathTo(GroupsFolder, bucketOf(bucket)));
    for (int row = 0; groups.isValid() && row < m_model->rowCount(groups); ++row) {
        const QModelIndex group = m_model->index(row, 0, groups);
        if (kindOf(group) != Group)
            continue;
        suggestions << QStringLiteral("/buckets/%1/groups/%2").arg(bucketOf(group), field(group, "group"));
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
    openCreateDialog(new BucketDialog(client, {}, m_window), {tenantId, Bucket, {}, {}});
}

void KintoNavigator::openCreateDialog(KintoObjectDialog *dialog, const Target &where)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &KintoObjectDialog::saved, this, [this, where](const QJsonObject &data) {
        Target created = where; // the new object's id completes it: a bucket's is its bucket id
        (where.kind == Bucket ? created.bucket : created.id) = data.value(QLatin1String("id")).toString();
        showCreated(created);
    });
    dialog->open();
}

void KintoNavigator::newCollection()
{
    const QModelIndex index = current();
    KintoClient *client = clientFor(index);
    const QString bucket = bucketOf(bucketRowOf(index));
    if (!client || bucket.isEmpty())
        return;
    const QString tenantId = index.data(TenantTreeModel::TenantIdRole).toString();
    openCreateDialog(new CollectionDialog(client, bucket, {}, m_window), {tenantId, Collection, bucket, {}});
}

void KintoNavigator::newGroup()
{
    const QModelIndex index = current();
    KintoClient *client = clientFor(index);
    const QString bucket = bucketOf(bucketRowOf(index));
    if (!client || bucket.isEmpty())
        return;
    const QString tenantId = index.data(TenantTreeModel::TenantIdRole).toString();
    openCreateDialog(new GroupDialog(client, bucket, {}, principalSuggestions(index), m_window),
                     {tenantId, Group, bucket, {}});
}

void KintoNavigator::editCurrent()
{
    const QModelIndex index = current();
    KintoClient *client = clientFor(index);
    if (!client)
        return;
    const QString bucket = bucketOf(index);
    const QString kind = kindOf(index);
    KintoObjectDialog *dialog = nullptr;
    if (kind == Bucket)
        dialog = new BucketDialog(client, objectOf(index), m_window);
    else if (kind == Collection)
        dialog = new CollectionDialog(client, bucket, objectOf(index), m_window);
    else if (kind == Group)
        dialog = new GroupDialog(client, bucket, objectOf(index), principalSuggestions(index), m_window);
    else
        return;
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
    const QString bucket = bucketOf(index);
    const QString kind = kindOf(index);
    KintoRef ref;
    QString what;
    if (kind == Bucket) {
        ref = KintoRef::ofBucket(bucket);
        what = tr("the bucket \"%1\"").arg(bucket);
    } else if (kind == Collection) {
        ref = KintoRef::ofCollection(bucket, field(index, "collection"));
        const QJsonValue count = index.data(TenantTreeModel::NodeDataRole).toJsonObject().value(QLatin1String("count"));
        what = count.isDouble() ? tr("the collection \"%1\" of bucket \"%2\" (%3 records)")
                                      .arg(ref.collection, bucket, QLocale().toString(qint64(count.toDouble())))
                                : tr("the collection \"%1\" of bucket \"%2\"").arg(ref.collection, bucket);
    } else if (kind == Group) {
        ref = KintoRef::ofGroup(bucket, field(index, "group"));
        what = tr("the group \"%1\" of bucket \"%2\"").arg(ref.id, bucket);
    } else {
        return;
    }
    auto *dialog = new DeleteDialog(client, ref, lastModifiedOf(index), what, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QPersistentModelIndex list = index.parent(); // the tenant or the folder listing it
    // A collection made again under the same name starts afresh (its undo history was of the old one).
    const QString tenantId = index.data(TenantTreeModel::TenantIdRole).toString();
    connect(dialog, &DeleteDialog::deleted, this, [this, list, tenantId, ref] {
        const QString key = memoryKey(tenantId, ref.bucket, ref.collection);
        for (auto it = m_memories.begin(); ref.type != KintoEndpoint::Group && it != m_memories.end(); ++it) {
            if (ref.type == KintoEndpoint::Bucket ? it.key().startsWith(key) : it.key() == key)
                it.value()->forget();
        }
        m_model->refresh(list);
    });
    dialog->open();
}

QString KintoNavigator::memoryKey(const QString &tenantId, const QString &bucket, const QString &collection)
{
    // A separator no id contains; a bucket's key (collection empty) is the prefix of its collections'.
    return tenantId + QLatin1Char('\n') + bucket + QLatin1Char('\n') + collection;
}

void KintoNavigator::refreshCurrent()
{
    m_model->refresh(current());
}

void KintoNavigator::editCurrentPermissions()
{
    const QModelIndex index = current();
    KintoClient *client = clientFor(index);
    const QString bucket = bucketOf(index);
    const QString kind = kindOf(index);
    KintoRef ref;
    if (kind == Bucket)
        ref = KintoRef::ofBucket(bucket);
    else if (kind == Collection)
        ref = KintoRef::ofCollection(bucket, field(index, "collection"));
    else if (kind == Group)
        ref = KintoRef::ofGroup(bucket, field(index, "group"));
    else
        return;
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
    if (target.kind != Bucket) {
        const QModelIndex bucket = m_model->findNode(target.tenantId, pathTo(Bucket, target.bucket));
        list = m_model->findNode(target.tenantId,
                                 pathTo(target.kind == Collection ? CollectionsFolder : GroupsFolder, target.bucket));
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
    const QModelIndex found = m_model->findNode(target.tenantId, pathTo(target.kind, target.bucket, target.id));
    if (!found.isValid())
        return;
    m_pendingSelection.reset();
    m_tree->setCurrentIndex(found);
    m_tree->scrollTo(found);
}
