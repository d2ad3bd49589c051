#include "recordactions.h"

#include "kintoclient.h"
#include "prompt.h"
#include "recordcommands.h"
#include "recordeditor.h"

#include <QAction>
#include <QUndoStack>
#include <QWidget>

#include <memory>

RecordActions::RecordActions(KintoClient *client, const QString &bucket, const QString &collection,
                             QWidget *dialogParent, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_bucket(bucket)
    , m_collection(collection)
    , m_dialogParent(dialogParent)
    , m_stack(new QUndoStack(this))
    , m_undo(new QAction(tr("Undo"), this))
    , m_redo(new QAction(tr("Redo"), this))
{
    m_undo->setObjectName(QStringLiteral("undoAction"));
    m_undo->setShortcut(QKeySequence::Undo);
    m_redo->setObjectName(QStringLiteral("redoAction"));
    m_redo->setShortcut(QKeySequence::Redo);
    for (QAction *action : {m_undo, m_redo}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        action->setIconText(action->text()); // a toolbar keeps its short name
    }
    connect(m_undo, &QAction::triggered, this, &RecordActions::undo);
    connect(m_redo, &QAction::triggered, this, &RecordActions::redo);
    connect(m_stack, &QUndoStack::indexChanged, this, &RecordActions::updateActions);
    updateActions();
}

RecordActions::~RecordActions()
{
    // Commands reach back into this object; drop them while it is still whole.
    m_stack->clear();
}

RecordEditor *RecordActions::openEditor()
{
    auto *editor = new RecordEditor(m_client, m_bucket, m_collection, m_dialogParent);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(editor, &RecordEditor::recordSaved, this, &RecordActions::onEditorSaved);
    // Deleted on the server since the list was read: the list drops it too.
    connect(editor, &RecordEditor::recordGone, this, [this](const QString &id) { noteRemoved({id}); });
    m_editor = editor;
    return editor;
}

void RecordActions::create()
{
    RecordEditor *editor = openEditor();
    editor->startCreate();
    editor->show();
    Q_EMIT editorOpened(editor);
}

void RecordActions::edit(const QString &id)
{
    RecordEditor *editor = openEditor();
    editor->startEdit(id);
    editor->show();
    Q_EMIT editorOpened(editor);
}

void RecordActions::duplicate(const QString &id)
{
    RecordEditor *editor = openEditor();
    editor->startDuplicate(id);
    editor->show();
    Q_EMIT editorOpened(editor);
}

void RecordActions::onEditorSaved(const QJsonObject &before, const QJsonObject &after)
{
    // Already done on the server: the command's first redo() only records it.
    RecordCommand *command = before.isEmpty() ? static_cast<RecordCommand *>(new CreateRecordCommand(this, after))
                                              : new UpdateRecordCommand(this, before, after);
    command->skipNext();
    noteRecord(after);
    m_stack->push(command);
}

void RecordActions::remove(const QStringList &ids)
{
    if (ids.isEmpty())
        return;
    const QString question = ids.size() == 1
        ? tr("Delete the record \"%1\"? Undo re-creates it.").arg(ids.first())
        : tr("Delete %n records? Undo re-creates them.", nullptr, int(ids.size()));
    if (!Prompt::question(m_dialogParent, tr("Delete records"), question))
        return;

    // The records are read first, so that undo can re-create them and the deletion is safe.
    struct Reading
    {
        qsizetype pending = 0;
        QList<QJsonObject> records;
        QStringList errors;
        QStringList gone; // already deleted on the server
    };
    auto reading = std::make_shared<Reading>();
    reading->pending = ids.size();
    operationStarted();
    for (const QString &id : ids) {
        Job *job = m_client->getRecord(m_bucket, m_collection, id);
        connect(job, &Job::finished, this, [this, reading, id](Job *job) {
            if (job->error().isNotFound())
                reading->gone << id; // what the user asked for is already true
            else if (job->hasError())
                reading->errors << tr("record %1: %2").arg(id, job->error().toString());
            else
                reading->records << job->result().toObject();
            if (--reading->pending > 0)
                return;
            if (!reading->gone.isEmpty())
                noteRemoved(reading->gone);
            if (!reading->errors.isEmpty())
                Q_EMIT failed(tr("Not deleted: %1").arg(reading->errors.join(QStringLiteral("; "))));
            if (!reading->records.isEmpty()) {
                for (const QJsonObject &record : std::as_const(reading->records))
                    noteRecord(record.value(QLatin1String("data")).toObject());
                m_stack->push(new DeleteRecordsCommand(this, reading->records));
            }
            operationFinished();
        });
    }
}

void RecordActions::undo()
{
    if (!isBusy())
        m_stack->undo();
}

void RecordActions::redo()
{
    if (!isBusy())
        m_stack->redo();
}

void RecordActions::noteRecord(const QJsonObject &record)
{
    const QString id = record.value(QLatin1String("id")).toString();
    if (id.isEmpty())
        return;
    m_timestamps.insert(id, record.value(QLatin1String("last_modified")).toInteger());
    Q_EMIT recordChanged(record);
}

void RecordActions::noteRemoved(const QStringList &ids)
{
    for (const QString &id : ids)
        m_timestamps.remove(id);
    Q_EMIT recordsRemoved(ids);
}

void RecordActions::operationStarted()
{
    if (m_busy++ == 0) {
        updateActions();
        Q_EMIT busyChanged(true);
    }
}

void RecordActions::operationFinished()
{
    if (--m_busy == 0) {
        updateActions();
        Q_EMIT busyChanged(false);
    }
}

void RecordActions::commandFinished(RecordCommand *command, bool undoing, const QStringList &errors)
{
    if (errors.isEmpty())
        return;
    Q_EMIT failed(errors.join(QStringLiteral("; ")));
    // Put the stack back where the server is, without running the operation again.
    const int index = m_stack->index();
    if (undoing && index < m_stack->count() && m_stack->command(index) == command) {
        command->skipNext();
        m_stack->redo();
    } else if (!undoing && index > 0 && m_stack->command(index - 1) == command) {
        command->skipNext();
        m_stack->undo();
    }
}

void RecordActions::updateActions()
{
    m_undo->setEnabled(!isBusy() && m_stack->canUndo());
    m_redo->setEnabled(!isBusy() && m_stack->canRedo());
    m_undo->setText(m_stack->canUndo() ? tr("Undo %1").arg(m_stack->undoText()) : tr("Undo"));
    m_redo->setText(m_stack->canRedo() ? tr("Redo %1").arg(m_stack->redoText()) : tr("Redo"));
    m_undo->setToolTip(m_undo->text());
    m_redo->setToolTip(m_redo->text());
}
