#pragma once

#include <QMainWindow>

class KintoNavigator;
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

// The first window: the Tenants panel (a tree over the registry), the central pages (a welcome page,
// then the page of what is selected in the tree, see KintoNavigator), the Request log panel (every request the clients send, filterable), and a status bar
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
    // The Tenants panel's view (for navigators adding context menus and following the selection).
    QTreeView *tenantTree() const { return m_tenantTree; }
    // Shows the pages of Kinto tenants' buckets, collections and groups; owned by the window.
    KintoNavigator *kintoNavigator() const { return m_navigator; }

    // Shows `page` in the central area; the window takes ownership. The page shown before by
    // showPage() is removed and deleted (later) unless it is `page`. nullptr shows the welcome page.
    void showPage(QWidget *page);
    // The page in the central area (the welcome page when nothing else is shown).
    QWidget *currentPage() const;

public Q_SLOTS:
    // Shows "N requests in flight, M queued" and a busy bar; hides both when both are zero.
    void setActivity(int inFlight, int queued);

Q_SIGNALS:
    // The tenant of the selection in the Tenants panel changed (moving between the rows of one
    // tenant does not count); id is empty when nothing is selected.
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
    QWidget *m_welcomePage = nullptr;
    QWidget *m_shownPage = nullptr; // the page given to showPage(), owned by m_pages
    QString m_currentTenantId;
    KintoNavigator *m_navigator = nullptr;
    QLabel *m_welcomeText = nullptr;
    QLabel *m_activityLabel = nullptr;
    QProgressBar *m_activityBar = nullptr;
    bool m_scrollPending = false;
    bool m_followLog = true;
};
