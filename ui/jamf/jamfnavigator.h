#pragma once

#include "appcontext.h"
#include "family/familyui.h"

#include <QJsonObject>
#include <QPersistentModelIndex>

class JamfClient;
class MainWindow;
class QAction;
class TenantTreeModel;

// Jamf Pro rows in the window: the "API Roles" and "API Clients" folders as tables (JamfListPage),
// a role's page (its privileges, Edit, Delete) and a client's page (roles, lifetime, client id, Edit,
// Enable/Disable, Rotate secret, Delete); the tree's actions New/Edit/Delete API role, New/Edit/Delete
// API client, Enable/Disable client, Rotate secret. Every change is made through the tenant
// session's JamfClient, then the folder is refreshed from the server (the tree's rows, and the table
// when it is shown). A deletion is confirmed first; a role still in use is explained by naming the
// clients that use it (JamfClient::deleteRole).
class JamfNavigator : public FamilyNavigator
{
    Q_OBJECT
public:
    JamfNavigator(MainWindow *window, const AppContext &context);

    void showPageFor(const QModelIndex &index) override;
    QList<QAction *> actionsFor(const QModelIndex &index) override;

Q_SIGNALS:
    // A tenant's "roles" or "clients" changed on the server (after a change made here).
    void folderChanged(const QString &tenantId, const QString &folder);

private:
    JamfClient *clientFor(const QString &tenantId) const;
    // The roles or clients folder: a table of them, a page at a time.
    void showFolderPage(const QModelIndex &index);
    // The operations, on an object of a tenant (from the tree's current row or a table's row).
    void newRole(const QString &tenantId);
    void editRole(const QString &tenantId, const QJsonObject &role);
    void deleteRole(const QString &tenantId, const QJsonObject &role);
    void newClient(const QString &tenantId);
    void editClient(const QString &tenantId, const QJsonObject &client);
    void toggleClient(const QString &tenantId, const QJsonObject &client);
    void rotateSecret(const QString &tenantId, const QJsonObject &client);
    void deleteClient(const QString &tenantId, const QJsonObject &client);
    // The tree's action: runs `operation` on the current row when it is of `kind`.
    void onCurrent(const QString &kind, void (JamfNavigator::*operation)(const QString &, const QJsonObject &));
    void refreshFolder(const QString &tenantId, const QString &folder);
    // After a deletion: the tree moves from the deleted object's row to its folder.
    void leaveDeletedRow(const QString &tenantId, const QString &folder, const QString &id);

    MainWindow *m_window;
    TenantTreeModel *m_model;
    AppContext m_context;
    QPersistentModelIndex m_current;
    QAction *m_newRole;
    QAction *m_editRole;
    QAction *m_deleteRole;
    QAction *m_newClient;
    QAction *m_editClient;
    QAction *m_toggleClient;
    QAction *m_rotate;
    QAction *m_deleteClient;
};
