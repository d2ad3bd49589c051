#pragma once

#include <QMainWindow>

class QAction;
class QDockWidget;
class QLabel;
class QLineEdit;
class QProgressBar;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;
class QTreeView;
class RequestLog;
class RequestLogModel;
class TenantRegistry;
class TenantTreeModel;

// The first window: the Tenants panel (a tree over the registry), the central pages (a welcome page
// for now), the Request log panel (every request the clients send, filterable), and a status bar
// showing request activity.
//
// Window geometry and dock layout are saved to the default QSettings() when the window closes and
// restored when the next one is constructed; the first run opens at 1200x760.
// registry and log are not owned and must outlive the window.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(TenantRegistry *registry, RequestLog *log, QWidget *parent = nullptr);
    ~MainWindow() override;

    TenantTreeModel *tenantModel() const { return m_tenantModel; }
    // "Add Tenant…" (File menu and welcome page). Disabled until someone connects it to a wizard
    // and enables it.
    QAction *addTenantAction() const { return m_addTenantAction; }
    // The id of the tenant selected in the Tenants panel, or an empty string.
    QString currentTenantId() const;

public Q_SLOTS:
    // Shows "N requests in flight, M queued" and a busy bar; hides both when both are zero.
    void setActivity(int inFlight, int queued);

Q_SIGNALS:
    // The selection in the Tenants panel changed; id is empty when nothing is selected.
    void currentTenantChanged(const QString &tenantId);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createTenantsDock();
    void createRequestLogDock();
    void createMenus();
    void createStatusBar();
    QWidget *createWelcomePage();
    void updateWelcomeText();
    void followNewestRequest();
    void saveWindowState() const;
    void restoreWindowState();
    void showAbout();

    TenantRegistry *m_registry = nullptr;
    RequestLog *m_log = nullptr;
    TenantTreeModel *m_tenantModel = nullptr;
    RequestLogModel *m_logModel = nullptr;
    QSortFilterProxyModel *m_logProxy = nullptr;

    QAction *m_addTenantAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QDockWidget *m_tenantsDock = nullptr;
    QTreeView *m_tenantTree = nullptr;
    QDockWidget *m_logDock = nullptr;
    QTableView *m_logView = nullptr;
    QLineEdit *m_logFilter = nullptr;
    QStackedWidget *m_pages = nullptr;
    QLabel *m_welcomeText = nullptr;
    QLabel *m_activityLabel = nullptr;
    QProgressBar *m_activityBar = nullptr;
    bool m_scrollPending = false;
    bool m_followLog = true;
};
