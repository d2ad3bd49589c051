#include "kandjiassignjob.h"

#include "kandjiclient.h"

#include <QJsonObject>

KandjiAssignJob::KandjiAssignJob(KandjiClient *client, const QString &blueprintId, const QStringList &itemIds, Action action,
                                 const QString &assignmentNodeId, QObject *parent)
    : Job(parent)
    , m_client(client)
    , m_blueprintId(blueprintId)
    , m_items(itemIds)
    , m_node(assignmentNodeId)
    , m_action(action)
{
}

void KandjiAssignJob::start()
{
    QMetaObject::invokeMethod(this, &KandjiAssignJob::next, Qt::QueuedConnection);
}

void KandjiAssignJob::next()
{
    if (isFinished())
        return;
    const int index = int(m_report.size());
    setProgress(index, m_items.size());
    if (index >= m_items.size()) {
        succeed(m_report);
        return;
    }
    if (!m_client) {
        fail(ApiError(ApiError::Kind::Cancelled, tr("The Kandji client went away.")));
        return;
    }
    const QString item = m_items.at(index);
    Job *job = m_action == Action::Assign ? m_client->assign(m_blueprintId, item, m_node) : m_client->unassign(m_blueprintId, item, m_node);
    addChild(job);
    connect(job, &Job::finished, this, [this, job, item] {
        if (isFinished())
            return;
        QJsonObject entry { { QStringLiteral("id"), item } };
        if (job->hasError()) {
            entry.insert(QStringLiteral("status"), QStringLiteral("failed"));
            entry.insert(QStringLiteral("error"), job->error().toString());
        } else if (job->result().toObject().value(QLatin1String("alreadyAssigned")).toBool()) {
            entry.insert(QStringLiteral("status"), QStringLiteral("already assigned"));
        } else {
            entry.insert(QStringLiteral("status"), m_action == Action::Assign ? QStringLiteral("assigned") : QStringLiteral("removed"));
        }
        m_report.append(entry);
        Q_EMIT itemDone(item, entry.value(QLatin1String("status")).toString());
        next();
    });
}
