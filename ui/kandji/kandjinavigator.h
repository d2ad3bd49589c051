#pragma once

#include "appcontext.h"
#include "family/familyui.h"

#include <QHash>
#include <QPersistentModelIndex>

class EditorBase;
class KandjiClient;
class MainWindow;
class QAction;
class TenantTreeModel;

// Browsing Kandji tenants in the main window: the Kandji family's FamilyNavigator. A folder's page
// is its listing as a filterable table with badges (KandjiTablePage); a blueprint's page is
// KandjiBlueprintView (its assigned items; library items dragged onto them are assigned); an item's
// page shows its settings, a profile's XML or a script's code read-only. The actions edit through
// the forms (KandjiProfileEditor, KandjiScriptEditor, KandjiAppEditor), create from a folder,
// delete (a blueprint only after its name is typed out in KandjiConfirmDialog: deleting it
// unmanages every device on it), assign library items to a blueprint from a checklist
// (KandjiAssignJob: the report names the ones already there), remove an assigned item, and copy
// items or a blueprint to another Kandji tenant (KandjiCopyDialog). A map blueprint's assignment
// node (KandjiNodeField, in its view and in the checklist) is remembered per blueprint for the
// session and used by both, and by removing an assigned item. After a change the affected
// rows are listed again. Everything goes through the KandjiClient of the tenant's KandjiSession.
class KandjiNavigator : public FamilyNavigator
{
    Q_OBJECT
public:
    KandjiNavigator(MainWindow *window, const AppContext &context);

    void showPageFor(const QModelIndex &index) override;
    QList<QAction *> actionsFor(const QModelIndex &index) override;

    // The actions, for tests: they apply to the tree's current row.
    void newItem();
    void editCurrent();
    void deleteCurrent();
    void assignToCurrentBlueprint();
    // Opens the copy dialog for the current item, folder (its items) or blueprint (with its items).
    void copyCurrent();

Q_SIGNALS:
    // A map blueprint's node was entered (`key` "<tenant id>/<blueprint id>"): its open view follows.
    void assignmentNodeRemembered(const QString &key, const QString &node);

private:
    void rememberNode(const QString &key, const QString &node);
    // Lists the assigned items of the blueprint's view again when it is the page shown.
    void reloadBlueprintView(const QString &blueprintId);
    QModelIndex current() const;
    KandjiClient *clientFor(const QModelIndex &index) const;
    void refreshParentOf(const QModelIndex &index);
    // The form of a library item in `folder` (a library folder of the tree): `object` to edit, or
    // empty to create one. The folder is listed again after a save. nullptr when not a library folder.
    EditorBase *openEditor(const QModelIndex &folder, const QJsonObject &object);

    MainWindow *m_window;
    AppContext m_context;
    TenantTreeModel *m_model;
    QAction *m_new;
    QAction *m_edit;
    QAction *m_delete;
    QAction *m_assign;
    QAction *m_copy;
    // Map blueprints' assignment nodes entered this session: "<tenant id>/<blueprint id>" -> node id.
    QHash<QString, QString> m_nodes;
};
