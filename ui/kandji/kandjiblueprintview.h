#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QPointer>
#include <QWidget>

class Job;
class KandjiClient;
class KandjiTablePage;
class QComboBox;
class QLabel;
class QProgressBar;
class QStackedWidget;

// The page of one blueprint: its type and enrollment settings ("kandjiPageText"), its assigned
// library items ("assignedTable", a KandjiTablePage of KandjiListModel::Kind::BlueprintItems) and
// the library ("librarySource" picks profiles, scripts or apps; each a KandjiTablePage named
// "libraryTable-<kind>"). Library rows dragged onto the assigned items are assigned one after
// another (KandjiAssignJob) with a progress bar ("assignProgress"); the report ("dropReport")
// counts what was assigned, names the items that were on the blueprint already (Kandji's duplicate
// answers, not failures) and those that failed with the reason. The assigned items are then
// listed again and assignmentsChanged() is emitted. One run at a time: a drop during a run is refused
// with a message.
class KandjiBlueprintView : public QWidget
{
    Q_OBJECT
public:
    KandjiBlueprintView(KandjiClient *client, const QJsonObject &blueprint, QWidget *parent = nullptr);

    // Assigns `ids` (names for the report in `names`, id -> name), as a drop does.
    void assign(const QStringList &ids, const QHash<QString, QString> &names = {});
    bool isRunning() const { return !m_job.isNull(); }
    KandjiTablePage *assignedPage() const { return m_assigned; }

    // The report of a KandjiAssignJob result ([{id, status, error?}]) for people: a count line,
    // then the names already assigned and the failures.
    static QString reportText(const QJsonArray &result, const QHash<QString, QString> &names);

Q_SIGNALS:
    void assignmentsChanged();
    // A run ended; `result` as KandjiAssignJob's.
    void assignFinished(const QJsonArray &result);

private:
    KandjiTablePage *libraryPage(int index);

    QPointer<KandjiClient> m_client;
    QString m_blueprintId;
    QComboBox *m_source;
    QStackedWidget *m_libraries;
    KandjiTablePage *m_assigned;
    QProgressBar *m_progress;
    QLabel *m_report;
    QPointer<Job> m_job;
};
