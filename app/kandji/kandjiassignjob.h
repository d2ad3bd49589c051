#pragma once

#include "net/job.h"

#include <QJsonArray>
#include <QPointer>
#include <QStringList>

class KandjiClient;

// Assigns (or removes) many library items to one blueprint, one request after another, reporting
// progress(done, total) and each item's outcome; one failing item does not stop the others.
// result(): [{"id", "status": "assigned"|"removed"|"already assigned"|"failed", "error"?}] in the
// order given. The job fails only when cancelled.
class KandjiAssignJob : public Job
{
    Q_OBJECT
public:
    enum class Action { Assign, Remove };

    KandjiAssignJob(KandjiClient *client, const QString &blueprintId, const QStringList &itemIds, Action action,
                    const QString &assignmentNodeId = {}, QObject *parent = nullptr);
    void start();

Q_SIGNALS:
    void itemDone(const QString &itemId, const QString &status);

private:
    void next();

    QPointer<KandjiClient> m_client;
    QString m_blueprintId;
    QStringList m_items;
    QString m_node;
    Action m_action;
    QJsonArray m_report;
};
