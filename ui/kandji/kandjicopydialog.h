#pragma once

#include "kandjicopyjob.h"

#include <QDialog>
#include <QPointer>

class KandjiClient;
class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;
class SessionManager;
class TenantRegistry;

// Copies library items (and optionally a blueprint with its assignments) from one Kandji tenant to
// another (KandjiCopyJob): pick the target among the other Kandji tenants, Preview shows what
// would be created or updated (nothing is written; "copyStatus" sums it up), Copy runs it with
// progress, and the table ("copyReport") becomes the per-item report (created, updated, failed with
// the reason). A map blueprint's assignments cannot be copied: the preview says so above the table
// ("copyNote") and its assignment rows read "not copied". The target's session is opened through
// the SessionManager (its token from the secret store).
class KandjiCopyDialog : public QDialog
{
    Q_OBJECT
public:
    KandjiCopyDialog(KandjiClient *source, const QString &sourceTenantId, const QList<KandjiCopyJob::Item> &items,
                     const QString &blueprintId, TenantRegistry *registry, SessionManager *sessions, QWidget *parent = nullptr);

    void preview();
    void copy();
    // The last report shown (KandjiCopyJob's result).
    QJsonObject report() const { return m_report; }

Q_SIGNALS:
    void finishedRun(bool applied);

private:
    void run(bool apply);
    void showReport(const QJsonObject &report, bool applied);

    QPointer<KandjiClient> m_source;
    QList<KandjiCopyJob::Item> m_items;
    QString m_blueprint;
    SessionManager *m_sessions;
    QComboBox *m_target;
    QTableWidget *m_table;
    QLabel *m_status;
    QLabel *m_note;
    QPushButton *m_preview;
    QPushButton *m_copy;
    QJsonObject m_report;
    QString m_workDir;
};
