#pragma once

#include "appcontext.h"
#include "shell/pageactions.h"
#include "tenants/preferences.h"

#include <QHash>
#include <QMainWindow>
#include <QPersistentModelIndex>
#include <QVariant>

class FamilyNavigator;
class HttpClient;
class TenantCommands;
class TenantConnector;
class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QStackedWidget;
class QToolBar;
class QTreeView;
class QuickSwitcher;
class RequestInspector;
class RequestLog;
class StatusPanel;
class StatusReporter;
class TenantRegistry;
class TenantTreeModel;

// The window: the Tenants panel (a tree over the registry), the central pages (a welcome page, a
// tenant's page, or the page its family's navigator shows for the current row), the Request log
// panel (RequestInspector), a toolbar and a status bar (StatusPanel: the last action's outcome,
// requests in flight per tenant, long jobs with Cancel). It names no service family: each
// registered FamilyUi gives it a navigator (family/familyui.h).
//
// Menus: File (Add Tenant, Preferences, Quit), Edit (built when opened: the current page's actions
// (PageActions), then its navigator's for the current row, then Find and Go to…), View (panels,
// toolbar), Tenant (the tenant commands, Refresh), Tools (New Request…, Copy as curl), Help. One binding per key: the
// window keeps Refresh (F5) and Find for itself; a page action bound to them gives the key up
// while shown (KeyClaims), and the window's action triggers it when the focus is in the page.
// Ctrl+K opens the quick switcher (QuickSwitcher) over the loaded rows of the tree.
//
// Picking or expanding a tenant connects it (TenantConnector, when the context has a
// SessionManager); the Tenant menu and the tree's context menu edit, remove and reconnect it
// (TenantCommands).
//
// Preferences are read from the default QSettings() at construction and applied to the request
// log, the theme, every open session (and each session as it opens) and the list pages' page size
// (PagedListModel::setPreferredPageSize: from each list's next reload); the dialog applies them
// live. Window geometry and dock layout are saved to the default QSettings() when the window closes
// and restored when the next one is constructed; the first run opens at 1200x760.
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

    // Where pages, dialogs and commands report outcomes and long jobs (owned by the window).
    StatusReporter *status() const { return m_status; }
    RequestInspector *requestInspector() const { return m_inspector; }
    QuickSwitcher *quickSwitcher() const { return m_switcher; }
    // Selects `index` of the tenant model in the tree (expanding its ancestors) and shows its page.
    void selectRow(const QModelIndex &index);

    const Preferences &preferences() const { return m_preferences; }
    // Stores the preferences in QSettings and applies them: the request log's size, the theme and
    // every open session's client.
    void setPreferences(const Preferences &preferences);
    // Opens the Preferences dialog (window-modal) and returns it.
    QWidget *openPreferences();
    // Opens the request composer for the current tenant (window-modal) and returns it; nullptr
    // (and a status message) when no tenant is selected.
    QWidget *openComposer();

public Q_SLOTS:
    // Shows "N requests in flight, M queued" and a busy bar, hidden when both are zero. With a
    // SessionManager in the context the status bar shows the counts per tenant instead.
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
    void createToolBar();
    void fillEditMenu();
    void reportTenantOutcomes();
    void refreshFocused();
    void findInFocused();
    void applyToSessions();
    QWidget *createWelcomePage();
    void updateWelcomeText();
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
    StatusReporter *m_status = nullptr;
    Preferences m_preferences;
    QHash<HttpClient *, int> m_configured; // open clients and the preferences generation they have
    int m_preferencesGeneration = 1;
    KeyClaims m_keyClaims;

    QAction *m_refreshAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_switchAction = nullptr;
    QAction *m_preferencesAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QMenu *m_editMenu = nullptr;
    QToolBar *m_toolBar = nullptr;
    QuickSwitcher *m_switcher = nullptr;
    QDockWidget *m_tenantsDock = nullptr;
    QTreeView *m_tenantTree = nullptr;
    QDockWidget *m_logDock = nullptr;
    RequestInspector *m_inspector = nullptr;
    StatusPanel *m_statusPanel = nullptr;
    QStackedWidget *m_pages = nullptr;
    QWidget *m_welcomePage = nullptr;
    QWidget *m_shownPage = nullptr; // the page given to showPage(), owned by m_pages
    QString m_currentTenantId;
    QLabel *m_welcomeText = nullptr;
};
