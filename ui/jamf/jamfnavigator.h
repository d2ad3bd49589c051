#pragma once

#include "appcontext.h"
#include "family/familyui.h"

#include <QPersistentModelIndex>
#include <QPointer>

class JamfClient;
class MainWindow;
class QAction;
class TenantTreeModel;

// Jamf Pro rows in the window: a role's page (its privileges, Edit) and a client's page (roles,
// lifetime, client id, Edit, Enable/Disable, Rotate secret); actions New/Edit API role, New/Edit
// API client, Enable/Disable client, Rotate secret. Every change is made through the tenant session's
// JamfClient, then the row is refreshed from the server.
class JamfNavigator : public FamilyNavigator
{
    Q_OBJECT
public:
    JamfNavigator(MainWindow *window, const AppContext &context);

    void showPageFor(const QModelIndex &index) override;
    QList<QAction *> actionsFor(const QModelIndex &index) override;

private:
    JamfClient *clientFor(const QModelIndex &index) const;
    // The roles or clients folder: a table of them, a page at a time (JamfListModel).
    void showFolderPage(const QModelIndex &index);
    void newRole();
    void editRole();
    void newClient();
    void editClient();
    void toggleClient();
    void rotateSecret();
    void refreshFolder(const QString &tenantId, const QString &folder);

    MainWindow *m_window;
    TenantTreeModel *m_model;
    AppContext m_context;
    QPersistentModelIndex m_current;
    QAction *m_newRole;
    QAction *m_editRole;
    QAction *m_newClient;
    QAction *m_editClient;
    QAction *m_toggleClient;
    QAction *m_rotate;
};
