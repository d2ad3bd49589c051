#include "jamflistpage.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

JamfListPage::JamfListPage(JamfClient *client, const QString &tenantId, JamfListModel::Kind kind, QWidget *parent)
    : QWidget(parent)
    , m_tenantId(tenantId)
    , m_model(new JamfListModel(client, kind, this))
    , m_table(new QTableView)
    , m_status(new QLabel)
{
    const bool roles = kind == JamfListModel::Kind::Roles;
    setObjectName(roles ? QStringLiteral("jamfRolesPage") : QStringLiteral("jamfClientsPage"));

    auto *toolBar = new QToolBar;
    toolBar->setObjectName(QStringLiteral("jamfListToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    const auto add = [this, toolBar](const QString &text, const QString &name, auto slot) {
        QAction *action = toolBar->addAction(text, this, slot);
        action->setObjectName(name);
        addAction(action); // its shortcut works while the table has focus
        return action;
    };
    QAction *create = add(roles ? tr("New API role…") : tr("New API client…"), QStringLiteral("jamfNewAction"),
        [this] { Q_EMIT createRequested(); });
    create->setShortcut(QKeySequence::New);
    create->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_edit = add(tr("Edit…"), QStringLiteral("jamfEditAction"), [this] {
        if (const QJsonObject object = selectedObject(); !object.isEmpty())
            Q_EMIT editRequested(object);
    });
    if (!roles) {
        m_toggle = add(tr("Disable"), QStringLiteral("jamfToggleAction"), [this] {
            if (const QJsonObject object = selectedObject(); !object.isEmpty())
                Q_EMIT toggleRequested(object);
        });
        m_rotate = add(tr("Rotate secret…"), QStringLiteral("jamfRotateAction"), [this] {
            if (const QJsonObject object = selectedObject(); !object.isEmpty())
                Q_EMIT rotateRequested(object);
        });
    }
    m_delete = add(tr("Delete…"), QStringLiteral("jamfDeleteAction"), [this] {
        if (const QJsonObject object = selectedObject(); !object.isEmpty())
            Q_EMIT deleteRequested(object);
    });
    m_delete->setShortcut(QKeySequence::Delete);
    m_delete->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    toolBar->addSeparator();
    QAction *reload = add(tr("Reload"), QStringLiteral("jamfReloadAction"), [this] { this->reload(); });
    reload->setShortcut(QKeySequence::Refresh);
    reload->setShortcutContext(Qt::WidgetWithChildrenShortcut);

    m_table->setObjectName(QStringLiteral("jamfTable"));
    m_table->setAccessibleName(tr("Items"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(0, QHeaderView::Stretch);
    header->setDefaultSectionSize(roles ? 120 : 160);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex index = m_table->indexAt(pos);
        if (!index.isValid())
            return;
        m_table->selectRow(index.row());
        auto *menu = new QMenu(m_table);
        menu->setObjectName(QStringLiteral("jamfTableMenu"));
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->addAction(m_edit);
        if (m_toggle)
            menu->addActions({ m_toggle, m_rotate });
        menu->addSeparator();
        menu->addAction(m_delete);
        menu->popup(m_table->viewport()->mapToGlobal(pos));
    });
    connect(m_table, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT editRequested(m_model->rowObject(index.row()));
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &JamfListPage::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &JamfListPage::updateActions);

    m_status->setObjectName(QStringLiteral("jamfTableStatus"));
    connect(m_model, &PagedListModel::pageLoaded, this, &JamfListPage::showStatus);
    connect(m_model, &PagedListModel::pageFailed, this, &JamfListPage::showStatus);

    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(QStringLiteral("<h2>%1</h2>").arg(roles ? tr("API Roles") : tr("API Clients")));
    title->setObjectName(QStringLiteral("title"));
    layout->addWidget(title);
    layout->addWidget(toolBar);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);
    updateActions();
}

QJsonObject JamfListPage::selectedObject() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QJsonObject() : m_model->rowObject(rows.first().row());
}

void JamfListPage::reload()
{
    m_status->setText(tr("Loading…"));
    m_model->reload();
}

void JamfListPage::updateActions()
{
    const QJsonObject object = selectedObject();
    const bool selected = !object.isEmpty();
    for (QAction *action : { m_edit, m_toggle, m_rotate, m_delete }) {
        if (action)
            action->setEnabled(selected);
    }
    if (m_toggle)
        m_toggle->setText(object.value(QLatin1String("enabled")).toBool(true) ? tr("Disable") : tr("Enable"));
}

void JamfListPage::showStatus()
{
    if (m_model->lastError())
        m_status->setText(tr("Could not load: %1").arg(m_model->lastError().toString()));
    else if (m_model->total() >= 0)
        m_status->setText(tr("%1 of %2 shown").arg(m_model->loadedCount()).arg(m_model->total()));
}
