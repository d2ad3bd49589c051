#pragma once

#include <QObject>
#include <QPointer>

class QLabel;
class QProgressBar;
class QStatusBar;
class QToolButton;
class SessionManager;
class StatusReporter;
class TenantRegistry;

// Fills a status bar: the outcome of the last action (StatusReporter) on the left; on the right
// the requests in flight per tenant ("prod: 2 running, 1 queued"), or the totals given to
// setActivity() when no session manager is known, and the newest long job with its progress and
// a Cancel button ("+2 more" when several run).
class StatusPanel : public QObject
{
    Q_OBJECT
public:
    // Nothing is owned; sessions and registry may be null.
    StatusPanel(QStatusBar *bar, StatusReporter *reporter, SessionManager *sessions, TenantRegistry *registry);

    // Totals for when there is no session manager to ask per tenant.
    void setActivity(int inFlight, int queued);

private:
    void updateActivity();
    void updateJobs();

    QPointer<SessionManager> m_sessions;
    QPointer<TenantRegistry> m_registry;
    StatusReporter *m_reporter;
    QLabel *m_outcome;
    QLabel *m_activity;
    QProgressBar *m_activityBar;
    QLabel *m_jobLabel;
    QProgressBar *m_jobBar;
    QToolButton *m_cancel;
};
