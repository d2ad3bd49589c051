#pragma once

#include "appcontext.h"

#include <QHash>
#include <QMainWindow>
#include <QPersistentModelIndex>
#include <QVariant>

class FamilyNavigator;
class TenantCommands;
class TenantConnector;
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

// The window: the Tenants panel (a tree over the registry), the central pages (a welcome page, a
// tenant's page, or the page its family's navigator shows for the current row), the Request log
// panel (every request the clients send, filterable), and a status bar showing request activity.
// It names no service family: each registered FamilyUi gives it a navigator (family/familyui.h).
//
// Picking or expanding a tenant connects it (TenantConnector, when the context has a
// SessionManager); the Tenant menu and the tree's context menu edit, remove and reconnect it
// (TenantCommands). F5 refreshes the current row.
//
// Window geometry and dock layout are saved to the default QSettings() when the window closes and
// restored when the next one is constructed; the first run opens at 1200x760.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // Nothing in the context is owned; it must outlive the window. registry and log are needed;
    // without sessions no tenant connects, without secrets none can be added or removed.
    explicit MainWindow(const AppContext &context, QWidget *parent = nullptr);
    ~MainWindow() override;

    TenantTreeModel *tenantModel() const { return m_tenantModel; }
    TenantConnector *connector() const { return m_connector; }
    TenantCommands *tenantCommands() const { return m_commands; }
    // "Add Tenant…" (File menu and welcome page): the chosen family's wizard.
    QAction *addTenantAction() const;
    QAction *refreshAction() const { return m_refreshAction; }
    // The id of the tenant selected in the Tenants panel, or an empty string.
    QString currentTenantId() const;
    // The Tenants panel's view (for navigators adding context menus and following the selection).
    QTreeView *tenantTree() const { return m_tenantTree; }
    // The navigator of a family (owned by the window), or nullptr.
    FamilyNavigator *navigator(const QString &familyId) const { return m_navigators.value(familyId); }

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
    void showPageFor(const QModelIndex &index);
    void onTenantRowChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight);
    void showTreeMenu(const QPoint &pos);
    QList<QAction *> actionsFor(const QModelIndex &index) const;

    AppContext m_context;
    TenantRegistry *m_registry = nullptr;
    RequestLog *m_log = nullptr;
    TenantConnector *m_connector = nullptr;
    TenantCommands *m_commands = nullptr;
    QHash<QString, FamilyNavigator *> m_navigators;
    QPersistentModelIndex m_tenantPageRow; // the tenant whose page is shown
    QVariant m_tenantPageSignature;
    TenantTreeModel *m_tenantModel = nullptr;
    RequestLogModel *m_logModel = nullptr;
    QSortFilterProxyModel *m_logProxy = nullptr;

    QAction *m_refreshAction = nullptr;
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
    QLabel *m_welcomeText = nullptr;
    QLabel *m_activityLabel = nullptr;
    QProgressBar *m_activityBar = nullptr;
    bool m_scrollPending = false;
    bool m_followLog = true;
};
