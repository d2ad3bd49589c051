#pragma once

#include "recordeditor.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QStringList>

class KintoClient;
class QAction;
class QUndoStack;
class QWidget;
class RecordCommand;

// The record operations of one collection in a session, with undo/redo: opens RecordEditors for
// create / edit / duplicate, deletes after asking (Prompt), and keeps a QUndoStack whose every undo
// and redo is a real server operation (recordcommands.h). A view connects its requests to the slots
// and updates itself from recordChanged / recordsRemoved.
//
// Undo and redo are disabled while an operation runs. A failed operation leaves the stack where the
// server is and emits failed(). The client is not owned and must outlive this object; editors are
// parented to `dialogParent` and delete themselves when closed.
class RecordActions : public QObject
{
    Q_OBJECT
public:
    RecordActions(KintoClient *client, const QString &bucket, const QString &collection, QWidget *dialogParent,
                  QObject *parent = nullptr);
    ~RecordActions() override;

    KintoClient *client() const { return m_client; }
    // Where editors and prompts open from now on (a page showing these actions again).
    void setDialogParent(QWidget *parent) { m_dialogParent = parent; }
    QWidget *dialogParent() const { return m_dialogParent; }
    QString bucket() const { return m_bucket; }
    QString collection() const { return m_collection; }
    QUndoStack *undoStack() const { return m_stack; }
    // "Undo <what>" / "Redo <what>" (button text "Undo" / "Redo", the rest in the tooltip), with the
    // standard shortcuts scoped to the widgets the actions are added to; objectNames
    // undoAction/redoAction.
    QAction *undoAction() const { return m_undo; }
    QAction *redoAction() const { return m_redo; }
    bool isBusy() const { return m_busy > 0; }
    // The editor opened last, while it is open.
    RecordEditor *editor() const { return m_editor; }

    // The last_modified this session last saw for a record (0 = none): the If-Match of its writes.
    qint64 lastModified(const QString &id) const { return m_timestamps.value(id); }

public Q_SLOTS:
    void create();
    void edit(const QString &id);
    void duplicate(const QString &id);
    // Asks, reads the records (for undo), then deletes them. Records already gone from the server
    // are only removed from the list (recordsRemoved), as is one an editor finds gone (404).
    void remove(const QStringList &ids);
    void undo();
    void redo();

Q_SIGNALS:
    // A record was created or updated (the server's data), by an editor, an undo or a redo.
    void recordChanged(const QJsonObject &record);
    void recordsRemoved(const QStringList &ids);
    // An operation failed (the server's message); nothing was changed by the part that failed.
    void failed(const QString &message);
    void busyChanged(bool busy);
    void editorOpened(RecordEditor *editor);

private:
    friend class RecordCommand;
    friend class CreateRecordCommand;
    friend class UpdateRecordCommand;
    friend class DeleteRecordsCommand;

    RecordEditor *openEditor();
    void onEditorSaved(const QJsonObject &before, const QJsonObject &after);
    // Bookkeeping for commands and their server answers.
    void noteRecord(const QJsonObject &record);
    void noteRemoved(const QStringList &ids);
    void operationStarted();
    void operationFinished();
    void commandFinished(RecordCommand *command, bool undoing, const QStringList &errors);
    void updateActions();

    KintoClient *m_client;
    QString m_bucket;
    QString m_collection;
    QWidget *m_dialogParent;
    QUndoStack *m_stack;
    QAction *m_undo;
    QAction *m_redo;
    QPointer<RecordEditor> m_editor;
    QHash<QString, qint64> m_timestamps;
    int m_busy = 0;
};
