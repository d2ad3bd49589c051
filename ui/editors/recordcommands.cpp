#include "recordcommands.h"

#include "kintoclient.h"
#include "recordactions.h"

namespace {

QJsonObject dataOf(const QJsonObject &result)
{
    return result.value(QLatin1String("data")).toObject();
}

QString idOf(const QJsonObject &record)
{
    return record.value(QLatin1String("id")).toString();
}

} // namespace

RecordCommand::RecordCommand(RecordActions *actions, const QString &text)
    : QUndoCommand(text)
    , m_actions(actions)
{
}

RecordCommand::~RecordCommand() = default;

void RecordCommand::undo()
{
    if (m_skipNext) {
        m_skipNext = false;
        return;
    }
    runUndo();
}

void RecordCommand::redo()
{
    if (m_skipNext) {
        m_skipNext = false;
        return;
    }
    runRedo();
}

QJsonObject RecordCommand::content(const QJsonObject &record)
{
    QJsonObject out = record;
    out.remove(QLatin1String("last_modified"));
    return out;
}

void RecordCommand::run(bool undoing, const QList<Step> &steps)
{
    struct Progress
    {
        qsizetype pending = 0;
        QStringList errors;
    };
    auto progress = std::make_shared<Progress>();
    progress->pending = steps.size();
    if (steps.isEmpty())
        return; // nothing left to do on the server (see DeleteRecordsCommand's states)
    RecordActions *actions = m_actions;
    actions->operationStarted();
    const std::weak_ptr<int> alive = m_alive;
    for (const Step &step : steps) {
        QObject::connect(step.job, &Job::finished, actions,
                         [this, actions, alive, progress, undoing, step](Job *job) {
            const bool commandAlive = !alive.expired();
            if (job->hasError())
                progress->errors << QStringLiteral("%1: %2").arg(step.what, job->error().toString());
            else if (commandAlive && step.onSuccess)
                step.onSuccess(job->result().toObject());
            if (--progress->pending > 0)
                return;
            if (commandAlive)
                actions->commandFinished(this, undoing, progress->errors);
            actions->operationFinished();
        });
    }
}

// --- Create

CreateRecordCommand::CreateRecordCommand(RecordActions *actions, const QJsonObject &created)
    : RecordCommand(actions, QObject::tr("create record %1").arg(idOf(created)))
    , m_record(created)
{
}

void CreateRecordCommand::runUndo()
{
    const QString id = idOf(m_record);
    KintoWrite write;
    write.ifMatch = m_actions->lastModified(id);
    Job *job = m_actions->client()->deleteRecord(m_actions->bucket(), m_actions->collection(), id, write);
    run(true, { { job, [this, id](const QJsonObject &) { m_actions->noteRemoved({ id }); },
                  QObject::tr("record %1").arg(id) } });
}

void CreateRecordCommand::runRedo()
{
    const QString id = idOf(m_record);
    Job *job = m_actions->client()->createRecord(m_actions->bucket(), m_actions->collection(), id, content(m_record));
    run(false, { { job, [this](const QJsonObject &result) { m_actions->noteRecord(dataOf(result)); },
                   QObject::tr("record %1").arg(id) } });
}

// --- Update

UpdateRecordCommand::UpdateRecordCommand(RecordActions *actions, const QJsonObject &before, const QJsonObject &after)
    : RecordCommand(actions, QObject::tr("edit record %1").arg(idOf(after)))
    , m_before(before)
    , m_after(after)
{
}

void UpdateRecordCommand::runUndo()
{
    write(m_before, true);
}

void UpdateRecordCommand::runRedo()
{
    write(m_after, false);
}

void UpdateRecordCommand::write(const QJsonObject &record, bool undoing)
{
    const QString id = idOf(m_after);
    KintoWrite safe;
    safe.ifMatch = m_actions->lastModified(id);
    Job *job = m_actions->client()->updateRecord(m_actions->bucket(), m_actions->collection(), id, content(record), safe);
    run(undoing, { { job, [this](const QJsonObject &result) { m_actions->noteRecord(dataOf(result)); },
                                  QObject::tr("record %1").arg(id) } });
}

// --- Delete

DeleteRecordsCommand::DeleteRecordsCommand(RecordActions *actions, const QList<QJsonObject> &records)
    : RecordCommand(actions, records.size() == 1 ? QObject::tr("delete record %1").arg(idOf(dataOf(records.first())))
                                                 : QObject::tr("delete %n records", nullptr, int(records.size())))
{
    for (const QJsonObject &record : records)
        m_entries.append({ dataOf(record), record.value(QLatin1String("permissions")).toObject(), true });
}

void DeleteRecordsCommand::runRedo()
{
    QList<Step> steps;
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (!m_entries.at(i).present)
            continue;
        const QString id = idOf(m_entries.at(i).data);
        KintoWrite write;
        write.ifMatch = m_actions->lastModified(id);
        Job *job = m_actions->client()->deleteRecord(m_actions->bucket(), m_actions->collection(), id, write);
        steps.append({ job, [this, i, id](const QJsonObject &) {
                          m_entries[i].present = false;
                          m_actions->noteRemoved({ id });
                      },
                       QObject::tr("record %1").arg(id) });
    }
    run(false, steps);
}

void DeleteRecordsCommand::runUndo()
{
    QList<Step> steps;
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        const Entry &entry = m_entries.at(i);
        if (entry.present)
            continue;
        const QString id = idOf(entry.data);
        KintoWrite write; // safe: If-None-Match: *, so a record made meanwhile with that id is kept
        if (!entry.permissions.isEmpty())
            write.permissions = entry.permissions;
        Job *job = m_actions->client()->createRecord(m_actions->bucket(), m_actions->collection(), id,
                                                     content(entry.data), write);
        steps.append({ job, [this, i](const QJsonObject &result) {
                          m_entries[i].present = true;
                          m_actions->noteRecord(dataOf(result));
                      },
                       QObject::tr("record %1").arg(id) });
    }
    run(true, steps);
}
