#pragma once

#include "kandjiclient.h"
#include "net/job.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QPointer>

#include <functional>

// Copies library items (custom profiles, scripts, apps), and optionally a blueprint with its
// assignments, from one Kandji tenant to another (staging to production).
//
// An item is matched on the target by its name within its kind: a match is updated, otherwise the
// item is created. A Self Service category is matched by name too (a missing one fails that item).
// Profiles carry their XML, apps their installer: downloaded from the source into `workDir` with its
// SHA-256 checked, and uploaded to the target only when the target's SHA-256 differs.
// The blueprint is matched by name (created with the source's type when missing); the items assigned
// to it on the source are copied with the items given (looked up in the source's library), and each
// is assigned on the target (a copied item, or one already there by name); items already assigned
// count as such, not as failures. Assignment nodes of map blueprints are not visible through the
// API, so a map blueprint's assignments are reported as "not copied", with a "note" saying why.
//
// With `apply` false nothing is written: the job only plans (the preview). result():
// {"items": [{"kind", "name", "sourceId", "targetId", "action": "create"|"update", "status":
//   "planned"|"created"|"updated"|"failed", "error"?}],
//  "blueprint": {"name", "type", "sourceId", "targetId", "action", "status", "note"?, "assignments": [{"name",
//   "status": "planned"|"assigned"|"already assigned"|"failed"|"not on target"|"not copied", "error"?}]}}
// The job fails only when the plan cannot be made (a list or a source item cannot be read); a
// failure while applying one item is recorded in its entry and the others go on.
class KandjiCopyJob : public Job
{
    Q_OBJECT
public:
    struct Item
    {
        KandjiClient::Library library;
        QString id;
    };

    KandjiCopyJob(KandjiClient *source, KandjiClient *target, const QList<Item> &items, const QString &blueprintId,
                  bool apply, const QString &workDir, QObject *parent = nullptr);
    void start();

Q_SIGNALS:
    // Emitted after each item (and the blueprint) is done while applying: `done` of `total`.
    void itemDone(int done, int total, const QJsonObject &entry);

private:
    using Step = std::function<void()>;
    void next();
    void then(Job *job, const std::function<void(Job *)> &onSuccess, bool fatal = true);
    void loadTarget();
    void loadSource();
    void planBlueprint();
    void addAssignedItems();
    void applyItem(int index);
    void applyBlueprint();
    void assignAll();
    void finishItem(int index, const ApiError &error, const QJsonValue &result);
    QJsonObject fieldsFor(int index, QString *error) const;
    QString targetIdByName(KandjiClient::Library library, const QString &name) const;

    QPointer<KandjiClient> m_source;
    QPointer<KandjiClient> m_target;
    QList<Item> m_items;
    QString m_blueprintId;
    QString m_workDir;
    bool m_apply;
    QList<Step> m_steps;
    QHash<int, QJsonArray> m_targetLists;    // library -> the target's items
    QJsonArray m_sourceCategories;
    QJsonArray m_targetCategories;
    QList<QJsonObject> m_sourceItems;        // parallel to m_items
    QJsonArray m_entries;                    // parallel to m_items
    QJsonObject m_blueprint;                 // the report's blueprint entry
    QJsonObject m_sourceBlueprint;
    QJsonArray m_sourceAssignments;          // [{id, name}]
    QHash<QString, QString> m_copied;        // source id -> target id
};
