#pragma once

#include "bulk/copycollectiondialog.h"
#include "records/collectionview.h"

#include <QPointer>
#include <QWidget>

#include <functional>

class AttachmentPanel;
class CollectionView;
class CollectionWorkspace;
class HistoryView;
class KintoClient;
class QAction;
class QTabWidget;
class RecordActions;

// What a user set up on a collection's page and finds again when the page is shown anew: the
// view's filters, order, columns and quick filter, and the record actions with their undo history.
// Whoever shows the pages keeps one per collection (it outlives the pages); a workspace reads it
// when built and writes it when destroyed. The actions are kept for as long as their client lives.
class CollectionMemory : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // Back to a fresh start: the next workspace gets the default view and new record actions.
    void forget();

    CollectionView::State view;
    QPointer<KintoClient> client;            // the client `actions` work with
    QPointer<RecordActions> actions;         // a child of this memory
    QPointer<CollectionWorkspace> shownBy;   // the newest workspace using it (its state is the latest)
};

// Everything done to the records of one collection, in one place (Kinto Admin's collection tabs):
// - "Records": the lazy table (CollectionView) with record editing, duplicate, delete and undo/redo
//   (RecordActions), and actions for bulk edits, export, import, copying the collection to another
//   tenant and permissions. The record actions are in the table's toolbar; the collection's
//   (collectionActions()) are for the page to show beside its other collection buttons; all of
//   them are in the table's context menu.
//   The selected record's attachment shows in a pane beside the table when it has one, or when
//   the user asks (the "Attachment" action, e.g. to upload one); otherwise the table has the room.
// - "History": the collection's changes (HistoryView), with diff, revert and purge.
// The client is not owned and must outlive the workspace. `copyTargets` lists the Kinto tenants a
// collection can be copied to when the user asks (called each time). With a `memory` (not owned,
// must outlive the workspace) the page starts as the user left it and keeps its undo history.
class CollectionWorkspace : public QWidget
{
    Q_OBJECT
public:
    using TargetProvider = std::function<QList<CopyCollectionDialog::Target>()>;

    enum class Action { Undo, Redo, BulkEdit, Export, Import, Copy, Permissions, RecordPermissions, Attachment };

    CollectionWorkspace(KintoClient *client, const QString &bucket, const QString &collection,
        TargetProvider copyTargets = {}, QWidget *parent = nullptr, CollectionMemory *memory = nullptr);
    ~CollectionWorkspace() override;

    CollectionView *view() const { return m_view; }
    RecordActions *recordActions() const { return m_actions; }
    AttachmentPanel *attachmentPanel() const { return m_attachment; }
    // The pane holding the attachment panel (hidden when the selected record has no attachment).
    QWidget *attachmentPane() const { return m_attachmentBox; }
    // Opens the History tab (its view is created, and asks the server, on first opening).
    HistoryView *showHistory();
    QAction *action(Action which) const;
    // Export, Import and Copy to tenant: about the whole collection, not the selected records.
    QList<QAction *> collectionActions() const;

private:
    enum class Place { ToolBar, Menu };
    QAction *addAction(Action which, const QString &text, const QString &objectName, void (CollectionWorkspace::*slot)(),
        Place place = Place::ToolBar);
    void bulkEdit();
    void exportRecords();
    void importRecords();
    void copyCollection();
    void editPermissions();
    void editRecordPermissions();
    void updateActions();
    void updateAttachmentPane();
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
    QWidget *m_attachmentBox = nullptr;
    QString m_attachmentShownFor; // the record whose attachment the pane shows
    CollectionMemory *m_memory;
    HistoryView *m_history = nullptr;
    QHash<Action, QAction *> m_actionMap;
};
