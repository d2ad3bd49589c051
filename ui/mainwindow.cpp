#include "mainwindow.h"

#include "family/familyui.h"
#include "family/servicefamily.h"
#include "inspector/requestinspector.h"
#include "net/requestlog.h"
#include "preferences/theme.h"
#include "serviceicons.h"
#include "shell/quickswitcher.h"
#include "shell/statuspanel.h"
#include "shell/statusreporter.h"
#include "tenantconnector.h"
#include "tenants/sessionmanager.h"
#include "tenants/tenantcommands.h"
#include "tenants/tenantpage.h"
#include "tenants/tenantregistry.h"
#include "pagedlistmodel.h"
#include "tenanttreemodel.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace {
// Settings keys. Renaming one forgets every user's window layout once.
const QString GeometryKey = QStringLiteral("MainWindow/geometry");
const QString StateKey = QStringLiteral("MainWindow/state");
constexpr QSize DefaultSize(1200, 760);
} // namespace

MainWindow::MainWindow(const AppContext &context, QWidget *parent)
    : QMainWindow(parent)
    , m_context(context)
    , m_registry(context.registry)
    , m_log(context.log)
    , m_tenantModel(new TenantTreeModel(context.registry, this))
    , m_status(new StatusReporter(this))
    , m_preferences(Preferences::load(QSettings()))
{
    setWindowTitle(tr("TenantDesk"));
    setWindowIcon(ServiceIcons::application());
    setDockOptions(AnimatedDocks | AllowTabbedDocks);

    createTenantsDock();
    if (context.sessions && context.registry)
        m_connector = new TenantConnector(context.registry, context.sessions, m_tenantModel, this);
    m_commands = new TenantCommands(this, context, m_connector);
    createActions();
    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("pages"));
    m_welcomePage = createWelcomePage();
    m_pages->addWidget(m_welcomePage);
    setCentralWidget(m_pages);

    for (const FamilyUi *ui : FamilyUis::all())
        m_navigators.insert(ui->familyId(), ui->createNavigator(this, context));
    connect(m_tenantModel, &QAbstractItemModel::dataChanged, this, &MainWindow::onTenantRowChanged);
    if (m_registry) {
        // A tenant whose settings changed while selected connects again with the new ones.
        connect(m_registry, &TenantRegistry::tenantChanged, this, [this](const QString &id) {
            if (m_connector && id == currentTenantId())
                m_connector->connectTenant(id);
        });
    }
    createRequestLogDock();
    createMenus();
    createToolBar();
    m_statusPanel = new StatusPanel(statusBar(), m_status, context.sessions, context.registry);
    reportTenantOutcomes();
    m_switcher = new QuickSwitcher(m_tenantModel, this);
    connect(m_switcher, &QuickSwitcher::chosen, this, &MainWindow::selectRow);
    // Sessions get the preferences as they open (their first request is the connection check).
    if (context.sessions) {
        connect(context.sessions, &SessionManager::activityChanged, this, &MainWindow::applyToSessions);
        connect(context.sessions, &SessionManager::serverWaitCapped, this,
                [this](const QString &id, const QString &reason, qint64 requested, int held) {
                    const std::optional<Tenant> tenant = m_registry ? m_registry->tenant(id) : std::nullopt;
                    m_status->reportOutcome(tr("%1: the server asked to wait %2 s (%3); waiting %4 s at most")
                                                .arg(tenant ? tenant->displayName : id).arg(requested).arg(reason).arg(held));
                });
    }
    m_preferences.applyTo(m_log);
    PagedListModel::setPreferredPageSize(m_preferences.pageSize);
    if (m_preferences.theme != Preferences::Theme::System)
        Theme::apply(m_preferences.theme);
    updateWelcomeText();
    restoreWindowState();
}

MainWindow::~MainWindow()
{
    // Deleting the pages cancels their requests, and the sessions report it: not to this window,
    // half destroyed by then.
    if (m_context.sessions)
        m_context.sessions->disconnect(this);
    if (m_registry)
        m_registry->disconnect(this);
    m_keyClaims.release();
    PagedListModel::setPreferredPageSize(0);
}

QAction *MainWindow::addTenantAction() const
{
    return m_commands->addAction();
}

void MainWindow::createActions()
{
    m_refreshAction = new QAction(tr("&Refresh"), this);
    m_refreshAction->setObjectName(QStringLiteral("refreshTreeAction"));
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    m_refreshAction->setStatusTip(tr("Read the selected node again from its server, or reload the page that has the focus"));
    connect(m_refreshAction, &QAction::triggered, this, &MainWindow::refreshFocused);
    addAction(m_refreshAction);

    m_findAction = new QAction(tr("&Find"), this);
    m_findAction->setObjectName(QStringLiteral("findAction"));
    m_findAction->setShortcut(QKeySequence::Find);
    m_findAction->setStatusTip(tr("Search the current page, or the request log"));
    connect(m_findAction, &QAction::triggered, this, &MainWindow::findInFocused);
    addAction(m_findAction);

    m_switchAction = new QAction(tr("&Go to…"), this);
    m_switchAction->setObjectName(QStringLiteral("quickSwitchAction"));
    m_switchAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    m_switchAction->setStatusTip(tr("Jump to a tenant or a loaded node by typing a few letters of its name"));
    connect(m_switchAction, &QAction::triggered, this, [this] { m_switcher->popup(); });
    addAction(m_switchAction);

    m_preferencesAction = new QAction(tr("&Preferences…"), this);
    m_preferencesAction->setObjectName(QStringLiteral("preferencesAction"));
    m_preferencesAction->setMenuRole(QAction::PreferencesRole);
    // Not every platform has a standard key for it.
    m_preferencesAction->setShortcuts(QKeySequence::keyBindings(QKeySequence::Preferences).isEmpty()
                                          ? QList<QKeySequence>{QKeySequence(Qt::CTRL | Qt::Key_Comma)}
                                          : QKeySequence::keyBindings(QKeySequence::Preferences));
    m_preferencesAction->setStatusTip(tr("Defaults for requests, the request log, pages and the theme"));
    connect(m_preferencesAction, &QAction::triggered, this, &MainWindow::openPreferences);
    addAction(m_preferencesAction);

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setObjectName(QStringLiteral("quitAction"));
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_aboutAction = new QAction(tr("&About TenantDesk"), this);
    m_aboutAction->setObjectName(QStringLiteral("aboutAction"));
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::createTenantsDock()
{
    m_tenantTree = new QTreeView;
    m_tenantTree->setObjectName(QStringLiteral("tenantTree"));
    m_tenantTree->setAccessibleName(tr("Tenants"));
    m_tenantTree->setAccessibleDescription(tr("Your tenants and what each contains; picking a row shows its page"));
    m_tenantTree->setModel(m_tenantModel);
    m_tenantTree->setHeaderHidden(true);
    m_tenantTree->setRootIsDecorated(true);
    m_tenantTree->setUniformRowHeights(true);
    m_tenantTree->setIconSize(QSize(20, 20));
    m_tenantTree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tenantTree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(m_tenantTree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                const QString tenantId = current.data(TenantTreeModel::TenantIdRole).toString();
                if (tenantId != m_currentTenantId) {
                    m_currentTenantId = tenantId;
                    if (m_connector && !tenantId.isEmpty()
                        && m_tenantModel->tenantState(tenantId) != TenantTreeModel::State::Connecting)
                        m_connector->connectTenant(tenantId);
                    Q_EMIT currentTenantChanged(tenantId);
                }
                showPageFor(current);
            });
    m_tenantTree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tenantTree, &QWidget::customContextMenuRequested, this, &MainWindow::showTreeMenu);

    m_tenantsDock = new QDockWidget(tr("Tenants"), this);
    m_tenantsDock->setObjectName(QStringLiteral("tenantsDock"));
    m_tenantsDock->setWidget(m_tenantTree);
    addDockWidget(Qt::LeftDockWidgetArea, m_tenantsDock);

    // The welcome page tells a first-time user to add a tenant, and the others to pick one.
    connect(m_tenantModel, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateWelcomeText);
    connect(m_tenantModel, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateWelcomeText);
    connect(m_tenantModel, &QAbstractItemModel::modelReset, this, &MainWindow::updateWelcomeText);
}

void MainWindow::createRequestLogDock()
{
    m_inspector = new RequestInspector(m_log);
    connect(m_inspector, &RequestInspector::composeRequested, this, &MainWindow::openComposer);
    m_logDock = new QDockWidget(tr("Request log"), this);
    m_logDock->setObjectName(QStringLiteral("requestLogDock"));
    m_logDock->setWidget(m_inspector);
    addDockWidget(Qt::BottomDockWidgetArea, m_logDock);
    resizeDocks({m_logDock}, {220}, Qt::Vertical);
    resizeDocks({m_tenantsDock}, {280}, Qt::Horizontal);
}

void MainWindow::setActivity(int inFlight, int queued)
{
    m_statusPanel->setActivity(inFlight, queued);
}

QWidget *MainWindow::createWelcomePage()
{
    auto *page = new QWidget;
    page->setObjectName(QStringLiteral("welcomePage"));

    auto *icon = new QLabel;
    icon->setPixmap(ServiceIcons::application().pixmap(96, 96));
    icon->setAlignment(Qt::AlignCenter);

    auto *title = new QLabel(tr("Welcome to TenantDesk"));
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    title->setFont(titleFont);
    title->setAlignment(Qt::AlignCenter);

    m_welcomeText = new QLabel;
    m_welcomeText->setObjectName(QStringLiteral("welcomeText"));
    m_welcomeText->setWordWrap(true);
    m_welcomeText->setAlignment(Qt::AlignCenter);
    m_welcomeText->setTextFormat(Qt::RichText);
    // A wrapped label asks for little width; give the text a comfortable measure.
    m_welcomeText->setMinimumWidth(qMin(460, m_welcomeText->fontMetrics().averageCharWidth() * 64));
    m_welcomeText->setMaximumWidth(560);

    // The button mirrors the action: its text and whether it is enabled.
    auto *addButton = new QToolButton;
    addButton->setObjectName(QStringLiteral("welcomeAddTenant"));
    addButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    addButton->setDefaultAction(addTenantAction());
    addButton->setMinimumHeight(32);

    auto *column = new QVBoxLayout;
    column->addStretch(2);
    column->addWidget(icon);
    column->addSpacing(8);
    column->addWidget(title);
    column->addSpacing(8);
    column->addWidget(m_welcomeText, 0, Qt::AlignHCenter);
    column->addSpacing(12);
    column->addWidget(addButton, 0, Qt::AlignHCenter);
    column->addStretch(3);

    auto *layout = new QHBoxLayout(page);
    layout->addStretch();
    layout->addLayout(column);
    layout->addStretch();

    return page;
}

void MainWindow::updateWelcomeText()
{
    const bool hasTenants = m_tenantModel->rowCount() > 0;
    QString text;
    if (hasTenants) {
        text = tr("<p>Choose a tenant in the <b>Tenants</b> panel to browse it.</p>");
    } else {
        QStringList families;
        for (const ServiceFamily *family : ServiceFamilies::all())
            families << QStringLiteral("<li><b>%1</b>: %2</li>").arg(family->displayName(), family->summary());
        text = tr("<p>Add a tenant to get started. A tenant is one account on one service. TenantDesk "
                  "supports:</p><ul>%1</ul>"
                  "<p>You give it a name, a base URL and how to sign in. Passwords, tokens and "
                  "client secrets go to the system keychain, never to the settings file.</p>")
                   .arg(families.join(QString()));
    }
    text += tr("<p>Every request TenantDesk sends is listed in the <b>Request log</b> below, with "
               "its status, timing and size.</p>");
    m_welcomeText->setText(text);
}

QString MainWindow::currentTenantId() const
{
    return m_tenantTree->currentIndex().data(TenantTreeModel::TenantIdRole).toString();
}

void MainWindow::showPage(QWidget *page)
{
    if (page == m_welcomePage)
        page = nullptr;
    if (page == m_shownPage) {
        m_pages->setCurrentWidget(page ? page : m_welcomePage);
        return;
    }
    QWidget *previous = m_shownPage;
    m_shownPage = page;
    m_keyClaims.release();
    if (page) {
        m_pages->addWidget(page);
        m_pages->setCurrentWidget(page);
        m_keyClaims.claim(page, m_refreshAction->shortcuts() + m_findAction->shortcuts());
    } else {
        m_pages->setCurrentWidget(m_welcomePage);
    }
    if (previous) {
        m_pages->removeWidget(previous);
        previous->deleteLater();
    }
}

QWidget *MainWindow::currentPage() const
{
    return m_pages->currentWidget();
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About TenantDesk"),
        tr("<h3>TenantDesk %1</h3>"
           "<p>A desktop console for the tenants of %2 services. Secrets are kept in the system "
           "keychain.</p>"
           "<p>Built with Qt %3.</p>")
            .arg(QApplication::applicationVersion(), ServiceFamilies::namesForPeople(),
                 QString::fromLatin1(qVersion())));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWindowState();
    QMainWindow::closeEvent(event);
}

void MainWindow::saveWindowState() const
{
    QSettings settings;
    settings.setValue(GeometryKey, saveGeometry());
    settings.setValue(StateKey, saveState());
}

void MainWindow::restoreWindowState()
{
    const QSettings settings;
    if (!restoreGeometry(settings.value(GeometryKey).toByteArray()))
        resize(DefaultSize);
    restoreState(settings.value(StateKey).toByteArray());
}

void MainWindow::showPageFor(const QModelIndex &index)
{
    const QString kind = index.data(TenantTreeModel::NodeKindRole).toString();
    if (!index.isValid()) {
        m_tenantPageRow = QPersistentModelIndex();
        showPage(nullptr);
        return;
    }
    if (kind == TenantTreeModel::TenantKind) {
        m_tenantPageRow = index;
        m_tenantPageSignature = TenantPage::signature(index);
        showPage(new TenantPage(index, actionsFor(index)));
        return;
    }
    m_tenantPageRow = QPersistentModelIndex();
    if (FamilyNavigator *navigator = m_navigators.value(index.data(TenantTreeModel::FamilyRole).toString()))
        navigator->showPageFor(index);
}

void MainWindow::onTenantRowChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    if (m_commands)
        m_commands->updateActions();
    if (!m_tenantPageRow.isValid() || m_tenantPageRow.parent() != topLeft.parent()
        || m_tenantPageRow.row() < topLeft.row() || m_tenantPageRow.row() > bottomRight.row())
        return;
    if (TenantPage::signature(m_tenantPageRow) != m_tenantPageSignature)
        showPageFor(m_tenantPageRow);
}

QList<QAction *> MainWindow::actionsFor(const QModelIndex &index) const
{
    QList<QAction *> actions;
    if (FamilyNavigator *navigator = m_navigators.value(index.data(TenantTreeModel::FamilyRole).toString()))
        actions = navigator->actionsFor(index);
    if (index.data(TenantTreeModel::NodeKindRole).toString() == TenantTreeModel::TenantKind) {
        m_commands->updateActions();
        for (QAction *action : {m_commands->reconnectAction(), m_commands->editAction(), m_commands->removeAction()}) {
            if (action->isEnabled())
                actions << action;
        }
    }
    return actions;
}

void MainWindow::showTreeMenu(const QPoint &pos)
{
    const QModelIndex index = m_tenantTree->indexAt(pos);
    if (!index.isValid())
        return;
    m_tenantTree->setCurrentIndex(index);
    auto *menu = new QMenu(m_tenantTree);
    menu->setObjectName(QStringLiteral("tenantTreeMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addActions(actionsFor(index));
    if (m_tenantModel->session(index.data(TenantTreeModel::TenantIdRole).toString())) {
        menu->addSeparator();
        menu->addAction(m_refreshAction);
    }
    if (menu->isEmpty()) {
        delete menu;
        return;
    }
    menu->popup(m_tenantTree->viewport()->mapToGlobal(pos));
}
