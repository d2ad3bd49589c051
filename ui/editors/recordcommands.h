#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QStringList>
#include <QUndoCommand>

#include <functional>
#include <memory>

class Job;
class RecordActions;

// Undoable record operations where undo() and redo() each perform a real server operation
// through the RecordActions that owns the stack (its client, bucket and collection). QUndoStack
// calls them synchronously; the work finishes later and is reported to RecordActions, which moves
// the stack back if it failed, so the stack always matches what the server holds.
//
// Every write is safe: If-Match carries the last_modified this session last saw for the record
// (RecordActions::lastModified), so a change made by someone else meanwhile fails with 412 instead
// of being overwritten; re-creations use If-None-Match: *.
class RecordCommand : public QUndoCommand
{
public:
    RecordCommand(RecordActions *actions, const QString &text);
    ~RecordCommand() override;

    void undo() final;
    void redo() final;

    // The next undo() or redo() only moves the stack: the server is already in that state (an
    // operation done before the command was pushed, or one that failed and is being rolled back).
    void skipNext() { m_skipNext = true; }

protected:
    virtual void runUndo() = 0;
    virtual void runRedo() = 0;

    // The record's data to send: what `record` holds, minus the server-managed timestamp.
    static QJsonObject content(const QJsonObject &record);

    struct Step
    {
        Job *job;
        std::function<void(const QJsonObject &result)> onSuccess; // the job's whole result
        QString what; // for the failure message: "record abc"
    };
    // Runs the steps' jobs, calls each step's onSuccess, then reports once all finished. Safe if
    // the command is deleted meanwhile (the stack dropped it): the callbacks are then skipped.
    void run(bool undoing, const QList<Step> &steps);

    RecordActions *m_actions;

private:
    bool m_skipNext = false;
    std::shared_ptr<int> m_alive = std::make_shared<int>(0);
};

// A record created (by an editor): undo deletes it, redo re-creates it with the same id and data.
class CreateRecordCommand : public RecordCommand
{
public:
    CreateRecordCommand(RecordActions *actions, const QJsonObject &created);

protected:
    void runUndo() override;
    void runRedo() override;

private:
    QJsonObject m_record;
};

// A record updated (by an editor): undo puts the previous data back, redo the new data again.
class UpdateRecordCommand : public RecordCommand
{
public:
    UpdateRecordCommand(RecordActions *actions, const QJsonObject &before, const QJsonObject &after);

protected:
    void runUndo() override;
    void runRedo() override;

private:
    void write(const QJsonObject &record, bool undoing);

    QJsonObject m_before;
    QJsonObject m_after;
};

// Records deleted: redo deletes them, undo re-creates each with its old data and permissions.
// `records` are whole objects as the server returned them ({data, permissions}). Each record's
// state is tracked, so after a partial failure a retry only touches the records still to do.
class DeleteRecordsCommand : public RecordCommand
{
public:
    DeleteRecordsCommand(RecordActions *actions, const QList<QJsonObject> &records);

protected:
    void runUndo() override;
    void runRedo() override;

private:
    struct Entry
    {
        QJsonObject data;
        QJsonObject permissions;
        bool present = true;
    };
    QList<Entry> m_entries;
};
