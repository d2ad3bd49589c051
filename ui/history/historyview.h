#pragma once

#include "net/apierror.h"

#include <QPointer>
#include <QWidget>

class DiffView;
class HistoryModel;
class Job;
class KintoClient;
class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTableView;
class TimelineChart;

// The history of one Kinto bucket (history plugin), as Kinto Admin's History tab and more.
//
// setBucket() first reads the server info: without the "history" capability the view shows a
// "history plugin not enabled" page and sends nothing else. Otherwise it lists the entries
// (HistoryModel) with filters applied by the server (resource, since, user, URI), a chart of
// changes per day, a side-by-side diff when two entries of the same object are selected, and:
// - Revert: writes an entry's target.data back to its object with a safe write. The If-Match is
//   the newest version the user saw (the newest loaded entry for that URI), so a change made
//   meanwhile by someone else fails with 412 and nothing is written. An object whose newest entry
//   is a deletion is re-created (If-None-Match: *).
// - Purge: deletes the entries matching the current filters, after a confirmation.
// Nothing blocks: every request is a Job; results show in the status line and in signals.
class HistoryView : public QWidget
{
    Q_OBJECT
public:
    // client: not owned; it must outlive the view.
    explicit HistoryView(KintoClient *client, QWidget *parent = nullptr);
    ~HistoryView() override;

    QString bucket() const { return m_bucket; }
    // Shows the history of `bucket` (checks the server's capabilities first).
    void setBucket(const QString &bucket);
    // Narrows the history to one object (its URI), e.g. from a record's History tab.
    void setObjectUri(const QString &uri);

    HistoryModel *model() const { return m_model; }
    TimelineChart *chart() const { return m_chart; }
    DiffView *diffView() const { return m_diff; }
    // True when the server has the history plugin (known after historyAvailabilityKnown()).
    bool isHistoryAvailable() const { return m_available; }
    QString statusText() const;

    // Reads the filter widgets into the model (which reloads when they changed).
    void applyFilters();
    // Asks, then writes the entry in `row` back to its object. False when the row cannot be
    // reverted (out of range, a deletion, an unknown URI) or another write is running.
    bool revertEntry(int row);
    // Asks, then purges the entries matching the current filters.
    void purge();

Q_SIGNALS:
    void historyAvailabilityKnown(bool available);
    void reverted(const QString &uri);
    void revertFailed(const ApiError &error);
    void purged(int entries);
    void purgeFailed(const ApiError &error);

private:
    void checkCapability();
    void updateSelection();
    void updateStatus();
    void setStatus(const QString &text, bool error = false);
    void revertSelected();
    int selectedRow() const;

    QPointer<KintoClient> m_client;
    HistoryModel *m_model;
    QString m_bucket;
    bool m_available = false;
    QString m_notice; // the outcome of the last revert or purge, shown before the counts
    QPointer<Job> m_write; // the revert or purge in flight
    QPointer<Job> m_info;

    QStackedWidget *m_pages;
    QLabel *m_unavailable;
    QComboBox *m_resource;
    QCheckBox *m_sinceEnabled;
    QDateEdit *m_since;
    QLineEdit *m_user;
    QLineEdit *m_uri;
    QPushButton *m_refresh;
    TimelineChart *m_chart;
    QTableView *m_table;
    DiffView *m_diff;
    QPushButton *m_revert;
    QPushButton *m_purge;
    QLabel *m_status;
};
