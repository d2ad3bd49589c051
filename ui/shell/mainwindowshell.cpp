// MainWindow's menus, toolbar, keys, status reports, preferences and dialogs (see mainwindow.h).
#include "mainwindow.h"

#include "family/familyui.h"
#include "inspector/requestcomposer.h"
#include "inspector/requestinspector.h"
#include "net/httpclient.h"
#include "preferences/preferencesdialog.h"
#include "preferences/theme.h"
#include "shell/pageactions.h"
#include "shell/quickswitcher.h"
#include "shell/statusreporter.h"
#include "tenantconnector.h"
#include "tenants/sessionmanager.h"
#include "tenants/tenantcommands.h"
#include "tenants/tenantregistry.h"
#include "pagedlistmodel.h"
#include "tenanttreemodel.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QTableView>
#include <QToolBar>
#include <QTreeView>

void MainWindow::createMenus()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->setObjectName(QStringLiteral("fileMenu"));
    fileMenu->addAction(addTenantAction());
    fileMenu->addSeparator();
    fileMenu->addAction(m_preferencesAction);
    fileMenu->addSeparator();
    fileMenu->addAction(m_quitAction);

    // Filled each time it opens: the actions follow the page and the row.
    m_editMenu = menuBar()->addMenu(tr("&Edit"));
    m_editMenu->setObjectName(QStringLiteral("editMenu"));
    connect(m_editMenu, &QMenu::aboutToShow, this, &MainWindow::fillEditMenu);
    fillEditMenu();

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    viewMenu->setObjectName(QStringLiteral("viewMenu"));
    QAction *toggleTenants = m_tenantsDock->toggleViewAction();
    toggleTenants->setObjectName(QStringLiteral("toggleTenantsDockAction"));
    toggleTenants->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    viewMenu->addAction(toggleTenants);
    QAction *toggleLog = m_logDock->toggleViewAction();
    toggleLog->setObjectName(QStringLiteral("toggleRequestLogDockAction"));
    toggleLog->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    viewMenu->addAction(toggleLog);

    QMenu *tenantMenu = menuBar()->addMenu(tr("&Tenant"));
    tenantMenu->setObjectName(QStringLiteral("tenantMenu"));
    tenantMenu->addAction(addTenantAction());
    tenantMenu->addAction(m_commands->editAction());
    tenantMenu->addAction(m_commands->removeAction());
    tenantMenu->addSeparator();
    tenantMenu->addAction(m_commands->reconnectAction());
    tenantMenu->addAction(m_refreshAction);

    QMenu *toolsMenu = menuBar()->addMenu(tr("T&ools"));
    toolsMenu->setObjectName(QStringLiteral("toolsMenu"));
    toolsMenu->addAction(m_inspector->composeAction());
    toolsMenu->addAction(m_inspector->copyCurlAction());

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->setObjectName(QStringLiteral("helpMenu"));
    helpMenu->addAction(m_aboutAction);
}

void MainWindow::createToolBar()
{
    m_toolBar = addToolBar(tr("Main toolbar"));
    m_toolBar->setObjectName(QStringLiteral("mainToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_toolBar->setMovable(false);
    m_toolBar->addAction(addTenantAction());
    m_toolBar->addAction(m_switchAction);
    m_toolBar->addAction(m_refreshAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_inspector->composeAction());
    m_toolBar->addAction(m_preferencesAction);
    QAction *toggle = m_toolBar->toggleViewAction();
    toggle->setObjectName(QStringLiteral("toggleToolBarAction"));
    toggle->setText(tr("&Toolbar"));
    findChild<QMenu *>(QStringLiteral("viewMenu"))->addAction(toggle);
}

void MainWindow::fillEditMenu()
{
    m_editMenu->clear();
    const QList<QAction *> pageActions = PageActions::of(m_shownPage);
    m_editMenu->addActions(pageActions);
    const QModelIndex current = m_tenantTree->currentIndex();
    if (FamilyNavigator *navigator = m_navigators.value(current.data(TenantTreeModel::FamilyRole).toString())) {
        QList<QAction *> rowActions;
        for (QAction *action : navigator->actionsFor(current)) {
            if (!pageActions.contains(action))
                rowActions.append(action);
        }
        if (!rowActions.isEmpty()) {
            m_editMenu->addSeparator();
            m_editMenu->addActions(rowActions);
        }
    }
    m_editMenu->addSeparator();
    m_editMenu->addAction(m_findAction);
    m_editMenu->addAction(m_switchAction);
}

void MainWindow::refreshFocused()
{
    // The focused page's own reload, when it has one; else the tree's current row.
    QAction *pageRefresh = m_keyClaims.claimed(m_refreshAction->shortcut());
    if (pageRefresh && m_shownPage && m_shownPage->isAncestorOf(QApplication::focusWidget())) {
        pageRefresh->trigger();
        return;
    }
    m_tenantModel->refresh(m_tenantTree->currentIndex());
}

void MainWindow::findInFocused()
{
    if (QAction *pageFind = m_keyClaims.claimed(m_findAction->shortcut())) {
        pageFind->trigger();
        return;
    }
    // A page's search field is a line edit with a clear button.
    if (m_shownPage) {
        for (QLineEdit *edit : m_shownPage->findChildren<QLineEdit *>()) {
            if (edit->isVisible() && edit->isEnabled() && edit->isClearButtonEnabled()) {
                edit->setFocus(Qt::ShortcutFocusReason);
                edit->selectAll();
                return;
            }
        }
    }
    m_logDock->show();
    m_inspector->filterField()->setFocus(Qt::ShortcutFocusReason);
    m_inspector->filterField()->selectAll();
}

void MainWindow::selectRow(const QModelIndex &index)
{
    if (!index.isValid() || index.model() != m_tenantModel)
        return;
    for (QModelIndex parent = index.parent(); parent.isValid(); parent = parent.parent())
        m_tenantTree->expand(parent);
    m_tenantsDock->show();
    m_tenantTree->setCurrentIndex(index);
    m_tenantTree->scrollTo(index);
    m_tenantTree->setFocus(Qt::OtherFocusReason);
}

void MainWindow::reportTenantOutcomes()
{
    const auto nameOf = [this](const QString &id) {
        const std::optional<Tenant> tenant = m_registry ? m_registry->tenant(id) : std::nullopt;
        return tenant ? tenant->displayName : id;
    };
    if (m_registry) {
        connect(m_registry, &TenantRegistry::tenantAdded, this,
                [this, nameOf](const QString &id) { m_status->reportOutcome(tr("Added tenant %1").arg(nameOf(id))); });
        connect(m_registry, &TenantRegistry::tenantChanged, this, [this, nameOf](const QString &id) {
            // Storing a new tenant's secrets changes it right after it was added: still "Added".
            if (m_status->lastOutcome() != tr("Added tenant %1").arg(nameOf(id)))
                m_status->reportOutcome(tr("Saved tenant %1").arg(nameOf(id)));
        });
    }
    connect(m_commands, &TenantCommands::removed, this, [this](const QString &id, const QString &error) {
        m_status->reportOutcome(error.isEmpty() ? tr("Removed tenant %1").arg(id)
                                                : tr("Could not remove tenant %1: %2").arg(id, error));
    });
    if (m_connector) {
        connect(m_connector, &TenantConnector::checked, this, [this, nameOf](const QString &id) {
            const TenantTreeModel::State state = m_tenantModel->tenantState(id);
            const QString message = m_tenantModel->tenantStateMessage(id);
            m_status->reportOutcome(message.isEmpty()
                                        ? tr("%1: %2").arg(nameOf(id), TenantTreeModel::stateText(state))
                                        : tr("%1: %2 (%3)").arg(nameOf(id), TenantTreeModel::stateText(state), message));
            applyToSessions();
        });
    }
    connect(m_tenantModel, &TenantTreeModel::fetched, this, [this](const QModelIndex &index, const QString &error) {
        if (!error.isEmpty())
            m_status->reportOutcome(tr("Could not read %1: %2").arg(index.data().toString(), error));
    });
}

void MainWindow::setPreferences(const Preferences &preferences)
{
    const bool themeChanged = preferences.theme != m_preferences.theme;
    m_preferences = preferences;
    QSettings settings;
    preferences.save(settings);
    ++m_preferencesGeneration;
    preferences.applyTo(m_log);
    PagedListModel::setPreferredPageSize(preferences.pageSize);
    if (themeChanged)
        Theme::apply(preferences.theme);
    applyToSessions();
    m_status->reportOutcome(tr("Preferences applied"));
}

void MainWindow::applyToSessions()
{
    SessionManager *sessions = m_context.sessions;
    if (!sessions || !m_registry)
        return;
    for (const Tenant &tenant : m_registry->tenants()) {
        HttpClient *client = sessions->client(tenant.id);
        if (!client || m_configured.value(client) == m_preferencesGeneration)
            continue;
        if (!m_configured.contains(client))
            connect(client, &QObject::destroyed, this, [this, client] { m_configured.remove(client); });
        m_configured.insert(client, m_preferencesGeneration);
        m_preferences.applyTo(client, tenant);
    }
}

QWidget *MainWindow::openPreferences()
{
    auto *dialog = new PreferencesDialog(m_preferences, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &PreferencesDialog::applied, this, &MainWindow::setPreferences);
    dialog->show();
    return dialog;
}

QWidget *MainWindow::openComposer()
{
    const QString id = currentTenantId();
    const std::optional<Tenant> tenant = m_registry ? m_registry->tenant(id) : std::nullopt;
    if (!tenant) {
        m_status->reportOutcome(tr("Select a tenant first: requests are sent through its session."));
        return nullptr;
    }
    auto *composer = new RequestComposer(m_context.sessions, id, tenant->displayName, this);
    composer->setAttribute(Qt::WA_DeleteOnClose);
    composer->setWindowModality(Qt::WindowModal);
    const QString name = tenant->displayName;
    connect(composer, &RequestComposer::finished, this,
            [this, name](const QString &outcome) { m_status->reportOutcome(tr("%1: %2").arg(name, outcome)); });
    composer->show();
    return composer;
}
