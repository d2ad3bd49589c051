#pragma once

#include "kandjiassignjob.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QPointer>
#include <QWidget>

class Job;
class KandjiClient;
class KandjiNodeField;
class KandjiTablePage;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;

// The page of one blueprint: its type and enrollment settings ("kandjiPageText"), its assigned
// library items ("assignedTable", a KandjiTablePage of KandjiListModel::Kind::BlueprintItems) and
// the library ("librarySource" picks profiles, scripts or apps; each a KandjiTablePage named
// "libraryTable-<kind>"). Library rows dragged onto the assigned items are assigned one after
// another (KandjiAssignJob) with a progress bar ("assignProgress"); the report ("dropReport")
// counts what was assigned, names the items that were on the blueprint already (Kandji's duplicate
// answers, not failures) and those that failed with the reason. The assigned items are then
// listed again and assignmentsChanged() is emitted. One run at a time: a drop during a run is refused
// with a message. "removeButton" removes the selected assigned items (after a question) the same way.
//
// A map blueprint assigns and removes per node of its map: the view then shows a KandjiNodeField
// ("assignmentNode"), and a run starts only when it holds a node id (else its problem is the
// report and nothing is sent). Its node is given with setAssignmentNode() and told back through
// assignmentNodeChanged(), so whoever opens the view can remember it.
class KandjiBlueprintView : public QWidget
{
    Q_OBJECT
public:
    KandjiBlueprintView(KandjiClient *client, const QJsonObject &blueprint, QWidget *parent = nullptr);

    // Assigns `ids` (names for the report in `names`, id -> name), as a drop does.
    void assign(const QStringList &ids, const QHash<QString, QString> &names = {});
    // Removes the assigned items selected in the assigned table, after asking.
    void removeSelected();
    bool isMap() const { return m_map; }
    QString blueprintId() const { return m_blueprintId; }
    void setAssignmentNode(const QString &node);
    bool isRunning() const { return !m_job.isNull(); }
    KandjiTablePage *assignedPage() const { return m_assigned; }

    // The report of a KandjiAssignJob result ([{id, status, error?}]) for people: a count line,
    // then the names already assigned and the failures.
    static QString reportText(const QJsonArray &result, const QHash<QString, QString> &names,
                              KandjiAssignJob::Action action = KandjiAssignJob::Action::Assign);

Q_SIGNALS:
    void assignmentsChanged();
    // A run ended; `result` as KandjiAssignJob's.
    void assignFinished(const QJsonArray &result);
    // A well-formed node id was entered for this map blueprint.
    void assignmentNodeChanged(const QString &node);

private:
    KandjiTablePage *libraryPage(int index);
    void run(KandjiAssignJob::Action action, const QStringList &ids, const QHash<QString, QString> &names);

    QPointer<KandjiClient> m_client;
    QString m_blueprintId;
    QString m_blueprintName;
    bool m_map;
    KandjiNodeField *m_node;
    QComboBox *m_source;
    QStackedWidget *m_libraries;
    KandjiTablePage *m_assigned;
    QPushButton *m_remove;
    QProgressBar *m_progress;
    QLabel *m_report;
    QPointer<Job> m_job;
};
