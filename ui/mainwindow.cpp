#include "mainwindow.h"

#include "family/familyui.h"
#include "family/servicefamily.h"
#include "net/requestlog.h"
#include "tenantconnector.h"
#include "tenants/tenantcommands.h"
#include "tenants/tenantpage.h"
#include "requestlogmodel.h"
#include "serviceicons.h"
#include "tenants/tenantregistry.h"
#include "tenanttreemodel.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
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
    , m_logModel(new RequestLogModel(context.log, this))
    , m_logProxy(new QSortFilterProxyModel(this))
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
    createStatusBar();
    updateWelcomeText();
    restoreWindowState();
}

MainWindow::~MainWindow() = default;

QAction *MainWindow::addTenantAction() const
{
    return m_commands->addAction();
}

void MainWindow::createActions()
{
    m_refreshAction = new QAction(tr("&Refresh"), this);
    m_refreshAction->setObjectName(QStringLiteral("refreshTreeAction"));
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    m_refreshAction->setStatusTip(tr("Read the selected node again from its server"));
    connect(m_refreshAction, &QAction::triggered, this, [this] { m_tenantModel->refresh(m_tenantTree->currentIndex()); });
    addAction(m_refreshAction);

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
    m_logProxy->setObjectName(QStringLiteral("requestLogProxy"));
    m_logProxy->setSourceModel(m_logModel);
    m_logProxy->setFilterKeyColumn(-1);
    m_logProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_logFilter = new QLineEdit;
    m_logFilter->setObjectName(QStringLiteral("requestLogFilter"));
    m_logFilter->setPlaceholderText(tr("Filter by URL, method, status…"));
    m_logFilter->setClearButtonEnabled(true);
    connect(m_logFilter, &QLineEdit::textChanged, m_logProxy,
            &QSortFilterProxyModel::setFilterFixedString);

    auto *clearButton = new QPushButton(tr("Clear"));
    clearButton->setObjectName(QStringLiteral("requestLogClear"));
    clearButton->setToolTip(tr("Remove every entry from the request log"));
    connect(clearButton, &QPushButton::clicked, this, [this] {
        if (m_log)
            m_log->clear();
    });

    m_logView = new QTableView;
    m_logView->setObjectName(QStringLiteral("requestLogView"));
    m_logView->setModel(m_logProxy);
    m_logView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_logView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_logView->setAlternatingRowColors(true);
    m_logView->setWordWrap(false);
    m_logView->setTextElideMode(Qt::ElideMiddle);
    m_logView->setShowGrid(false);
    m_logView->verticalHeader()->hide();
    // Fixed row heights keep a log of thousands of rows cheap to lay out.
    m_logView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_logView->verticalHeader()->setDefaultSectionSize(m_logView->fontMetrics().height() + 6);

    QHeaderView *header = m_logView->horizontalHeader();
    header->setHighlightSections(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(RequestLogModel::UrlColumn, QHeaderView::Stretch);
    const QFontMetrics fm = m_logView->fontMetrics();
    const auto widthFor = [&fm](const QString &sample) { return fm.horizontalAdvance(sample) + 24; };
    header->resizeSection(RequestLogModel::TimeColumn, widthFor(QStringLiteral("00:00:00.000")));
    header->resizeSection(RequestLogModel::MethodColumn, widthFor(QStringLiteral("DELETE")));
    header->resizeSection(RequestLogModel::StatusColumn, widthFor(QStringLiteral("dry run")));
    header->resizeSection(RequestLogModel::DurationColumn, widthFor(QStringLiteral("Duration")));
    header->resizeSection(RequestLogModel::SizeColumn, widthFor(QStringLiteral("999.9 KiB / 999.9 KiB")));
    header->resizeSection(RequestLogModel::RetriesColumn, widthFor(QStringLiteral("Retries")));

    connect(m_logProxy, &QAbstractItemModel::rowsInserted, this, &MainWindow::followNewestRequest);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_logFilter, 1);
    bar->addWidget(clearButton);

    auto *panel = new QWidget;
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addLayout(bar);
    layout->addWidget(m_logView, 1);

    m_logDock = new QDockWidget(tr("Request log"), this);
    m_logDock->setObjectName(QStringLiteral("requestLogDock"));
    m_logDock->setWidget(panel);
    addDockWidget(Qt::BottomDockWidgetArea, m_logDock);
    resizeDocks({m_logDock}, {220}, Qt::Vertical);
    resizeDocks({m_tenantsDock}, {280}, Qt::Horizontal);
}

void MainWindow::followNewestRequest()
{
    // Keep the newest request in view, unless the user scrolled up to read an older one. Several
    // rows inserted in one go are followed once, after the view has laid them out.
    if (m_scrollPending)
        return;
    const QScrollBar *scrollBar = m_logView->verticalScrollBar();
    m_followLog = scrollBar->value() >= scrollBar->maximum();
    m_scrollPending = true;
    QTimer::singleShot(0, this, [this] {
        m_scrollPending = false;
        if (m_followLog)
            m_logView->scrollToBottom();
    });
}

void MainWindow::createMenus()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->setObjectName(QStringLiteral("fileMenu"));
    fileMenu->addAction(addTenantAction());
    fileMenu->addSeparator();
    fileMenu->addAction(m_quitAction);

    QMenu *tenantMenu = menuBar()->addMenu(tr("&Tenant"));
    tenantMenu->setObjectName(QStringLiteral("tenantMenu"));
    tenantMenu->addAction(addTenantAction());
    tenantMenu->addAction(m_commands->editAction());
    tenantMenu->addAction(m_commands->removeAction());
    tenantMenu->addSeparator();
    tenantMenu->addAction(m_commands->reconnectAction());
    tenantMenu->addAction(m_refreshAction);

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

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->setObjectName(QStringLiteral("helpMenu"));
    helpMenu->addAction(m_aboutAction);
}

void MainWindow::createStatusBar()
{
    m_activityLabel = new QLabel;
    m_activityLabel->setObjectName(QStringLiteral("activityLabel"));
    m_activityBar = new QProgressBar;
    m_activityBar->setObjectName(QStringLiteral("activityBar"));
    m_activityBar->setRange(0, 0); // busy: the number of bytes to come is rarely known
    m_activityBar->setTextVisible(false);
    m_activityBar->setMaximumWidth(140);
    m_activityBar->setMaximumHeight(statusBar()->fontMetrics().height());
    statusBar()->addPermanentWidget(m_activityLabel);
    statusBar()->addPermanentWidget(m_activityBar);
    m_activityLabel->hide();
    m_activityBar->hide();
}

void MainWindow::setActivity(int inFlight, int queued)
{
    inFlight = qMax(0, inFlight);
    queued = qMax(0, queued);
    const bool busy = inFlight > 0 || queued > 0;
    if (busy) {
        const QString requests = inFlight == 1 ? tr("1 request in flight")
                                               : tr("%1 requests in flight").arg(inFlight);
        m_activityLabel->setText(tr("%1, %2 queued").arg(requests).arg(queued));
    } else {
        m_activityLabel->clear();
    }
    m_activityLabel->setVisible(busy);
    m_activityBar->setVisible(busy);
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
    if (page) {
        m_pages->addWidget(page);
        m_pages->setCurrentWidget(page);
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
