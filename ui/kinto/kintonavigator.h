#pragma once

#include "family/familyui.h"
#include "tenanttreemodel.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPersistentModelIndex>
#include <QVariant>

#include <array>
#include <optional>

class BrowsePage;
class CollectionMemory;
class KintoClient;
class KintoObjectDialog;
class MainWindow;
class QAction;
class QTreeView;

// Browsing Kinto tenants in the main window: the Kinto family's FamilyNavigator. Shows the page of
// the current Kinto row in the central area (MainWindow::showPage): a bucket's (its attributes as
// read-only JSON, its history), a collection's (its records) or a group's (its members), each
// under a breadcrumb "tenant › bucket › collection"; folders and error rows show their bucket.
// Pages are rebuilt when the node's data changes in the model.
//
// Its actions (the tree's context menu and the pages' buttons) apply to the current node: New
// bucket, New collection, New group, Edit, Delete, Permissions, Refresh. They open the bucket,
// collection, group and delete dialogs (window-modal, never blocking), and after a save refresh the
// tree rows that changed and select a new object once it is listed. Everything goes through the
// KintoClient of the tenant's KintoSession (the tree model holds the session).
//
// A collection's page starts as the user left it (filters, order, columns, undo history): the
// navigator keeps a CollectionMemory per collection shown, until the collection is deleted here.
class KintoNavigator : public FamilyNavigator
{
    Q_OBJECT
public:
    enum class Action { NewBucket, NewCollection, NewGroup, Edit, Delete, Refresh, Permissions };
    Q_ENUM(Action)

    // Lives as long as `window` (its child).
    explicit KintoNavigator(MainWindow *window);

    QAction *action(Action action) const;
    // The node shown by the current page (invalid when the page is not a Kinto one).
    QModelIndex pageNode() const { return m_pageIndex; }

    void showPageFor(const QModelIndex &index) override;
    QList<QAction *> actionsFor(const QModelIndex &index) override;

public Q_SLOTS:
    void newBucket();
    void newCollection();
    void newGroup();
    void editCurrent();
    void deleteCurrent();
    void refreshCurrent();
    // Opens the permissions editor of the selected bucket, collection or group.
    void editCurrentPermissions();

private:
    struct Target
    {
        QString tenantId;
        QString kind; // "bucket", "collection" or "group"
        QString bucket;
        QString id;
    };

    QModelIndex current() const;
    KintoClient *clientFor(const QModelIndex &index) const;
    void updateActions();
    QVariant pageSignature(const QModelIndex &index) const;
    void onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight);
    BrowsePage *bucketPage(const QModelIndex &index);
    BrowsePage *collectionPage(const QModelIndex &index);
    BrowsePage *groupPage(const QModelIndex &index);
    QStringList crumbs(const QModelIndex &index) const;
    // Lists the parent of a created object again and selects the object once it is there.
    void showCreated(const Target &target);
    // Opens a creation dialog (deleted on close); once saved, shows the new object at `where`.
    void openCreateDialog(KintoObjectDialog *dialog, const Target &where);
    void onFetched(const QModelIndex &index);
    QStringList principalSuggestions(const QModelIndex &index) const;
    static QString memoryKey(const QString &tenantId, const QString &bucket, const QString &collection);

    MainWindow *m_window;
    TenantTreeModel *m_model;
    QTreeView *m_tree;
    std::array<QAction *, 7> m_actions{}; // by Action
    QPersistentModelIndex m_pageIndex;
    QVariant m_pageSignature;
    std::optional<Target> m_pendingSelection;
    QHash<QString, CollectionMemory *> m_memories; // children, by memoryKey()
};
