#pragma once

#include "bulk/copycollectiondialog.h"

#include <QPointer>
#include <QWidget>

#include <functional>

class AttachmentPanel;
class CollectionView;
class HistoryView;
class KintoClient;
class QAction;
class QTabWidget;
class RecordActions;

// Everything done to the records of one collection, in one place (Kinto Admin's collection tabs):
// - "Records": the lazy table (CollectionView) with record editing, duplicate, delete and undo/redo
//   (RecordActions), the selected record's attachment beside it, and actions for bulk edits,
//   export, import, copying the collection to another tenant and permissions;
// - "History": the collection's changes (HistoryView), with diff, revert and purge.
// The client is not owned and must outlive the workspace. `copyTargets` lists the Kinto tenants a
// collection can be copied to when the user asks (called each time).
class CollectionWorkspace : public QWidget
{
    Q_OBJECT
public:
    using TargetProvider = std::function<QList<CopyCollectionDialog::Target>()>;

    enum class Action { Undo, Redo, BulkEdit, Export, Import, Copy, Permissions, RecordPermissions };

    CollectionWorkspace(KintoClient *client, const QString &bucket, const QString &collection,
        TargetProvider copyTargets = {}, QWidget *parent = nullptr);
    ~CollectionWorkspace() override;

    CollectionView *view() const { return m_view; }
    RecordActions *recordActions() const { return m_actions; }
    AttachmentPanel *attachmentPanel() const { return m_attachment; }
    // Opens the History tab (its view is created, and asks the server, on first opening).
    HistoryView *showHistory();
    QAction *action(Action which) const;

private:
    QAction *addAction(Action which, const QString &text, const QString &objectName, void (CollectionWorkspace::*slot)());
    void bulkEdit();
    void exportRecords();
    void importRecords();
    void copyCollection();
    void editPermissions();
    void editRecordPermissions();
    void updateActions();
    void openDialog(QWidget *dialog);
    void createHistory();

    static constexpr int HistoryTab = 1;

    QPointer<KintoClient> m_client;
    QString m_bucket;
    QString m_collection;
    TargetProvider m_copyTargets;
    QTabWidget *m_tabs;
    CollectionView *m_view;
    RecordActions *m_actions;
    AttachmentPanel *m_attachment;
    HistoryView *m_history = nullptr;
    QHash<Action, QAction *> m_actionMap;
};
