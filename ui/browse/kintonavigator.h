#pragma once

#include "tenanttreemodel.h"

#include <QJsonObject>
#include <QObject>
#include <QPersistentModelIndex>
#include <QVariant>

#include <array>
#include <optional>

class BrowsePage;
class KintoClient;
class KintoObjectDialog;
class MainWindow;
class QAction;
class QMenu;
class QTreeView;

// Browsing Kinto tenants in the main window. Follows the Tenants tree's current node and shows
// its page in the central area (MainWindow::showPage): a tenant's (state, New bucket), a bucket's
// (its attributes as read-only JSON), a collection's (its records) or a group's (its members),
// each under a breadcrumb "tenant › bucket › collection". Pages are rebuilt when the node's data
// changes in the model, and the welcome page comes back when nothing Kinto is selected.
//
// Its actions (the tree's context menu and the pages' buttons) apply to the current node: New
// bucket, New collection, New group, Edit, Delete, Refresh. They open the bucket, collection, group
// and delete dialogs (window-modal, never blocking), and after a save refresh the tree rows that
// changed and select a new object once it is listed. Everything goes through the KintoClient the
// model holds for the tenant (set by TenantConnector).
class KintoNavigator : public QObject
{
    Q_OBJECT
public:
    enum class Action { NewBucket, NewCollection, NewGroup, Edit, Delete, Refresh, Permissions };
    Q_ENUM(Action)

    // Lives as long as `window` (its child).
    explicit KintoNavigator(MainWindow *window);

    QAction *action(Action action) const;
    // The tree's context menu (its actions).
    QMenu *contextMenu() const { return m_menu; }
    // The node shown by the current page (invalid on the welcome page).
    QModelIndex pageNode() const { return m_pageIndex; }

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
        TenantTreeModel::NodeKind kind;
        QString bucket;
        QString id;
    };

    QModelIndex current() const;
    KintoClient *clientFor(const QModelIndex &index) const;
    void updateActions();
    void showPageFor(const QModelIndex &index);
    QVariant pageSignature(const QModelIndex &index) const;
    void onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight);
    BrowsePage *tenantPage(const QModelIndex &index);
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

    MainWindow *m_window;
    TenantTreeModel *m_model;
    QTreeView *m_tree;
    QMenu *m_menu;
    std::array<QAction *, 7> m_actions{}; // by Action
    QPersistentModelIndex m_pageIndex;
    QVariant m_pageSignature;
    std::optional<Target> m_pendingSelection;
};
