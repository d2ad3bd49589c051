#include "collectionview.h"

#include "records/columnchooser.h"
#include "records/filterbar.h"
#include "recordfilterproxy.h"
#include "recordtablemodel.h"

#include <QAction>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

CollectionView::CollectionView(KintoClient *client, const QString &bucket, const QString &collection, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_model(new RecordTableModel(client, bucket, collection, this))
    , m_proxy(new RecordFilterProxy(this))
    , m_toolBar(new QToolBar(this))
    , m_quickFilter(new QLineEdit(this))
    , m_filterBar(new FilterBar(this))
    , m_columns(new ColumnChooser(m_model, this))
    , m_table(new QTableView(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("collectionView"));
    m_proxy->setSourceModel(m_model);

    // Toolbar: record actions, then the view's own controls, then other features' actions.
    m_toolBar->setObjectName(QStringLiteral("recordsToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    QAction *create = m_toolBar->addAction(tr("New"), this, &CollectionView::createRequested);
    create->setObjectName(QStringLiteral("createAction"));
    create->setShortcut(QKeySequence::New);
    create->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_editAction = m_toolBar->addAction(tr("Edit"), this, [this] {
        const QStringList ids = selectedIds();
        if (!ids.isEmpty())
            Q_EMIT editRequested(ids.first());
    });
    m_editAction->setObjectName(QStringLiteral("editAction"));
    m_duplicateAction = m_toolBar->addAction(tr("Duplicate"), this, [this] {
        const QStringList ids = selectedIds();
        if (!ids.isEmpty())
            Q_EMIT duplicateRequested(ids.first());
    });
    m_duplicateAction->setObjectName(QStringLiteral("duplicateAction"));
    m_deleteAction = m_toolBar->addAction(tr("Delete"), this, [this] {
        const QStringList ids = selectedIds();
        if (!ids.isEmpty())
            Q_EMIT deleteRequested(ids);
    });
    m_deleteAction->setObjectName(QStringLiteral("deleteAction"));
    m_deleteAction->setShortcut(QKeySequence::Delete);
    m_deleteAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    QAction *reload = m_toolBar->addAction(tr("Reload"), m_model, &RecordTableModel::reload);
    reload->setObjectName(QStringLiteral("reloadAction"));
    // F5 is the window's Refresh (the selected tree row); the records have their own key.
    reload->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    reload->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    reload->setToolTip(tr("Load the records again from the server (%1)").arg(reload->shortcut().toString(QKeySequence::NativeText)));
    m_toolBar->addSeparator();
    QAction *filters = m_filtersAction = m_toolBar->addAction(tr("Filters"));
    filters->setObjectName(QStringLiteral("filtersAction"));
    filters->setCheckable(true);
    filters->setToolTip(tr("Show the filter bar (filters run on the server)"));
    m_toolBar->addWidget(m_columns);
    m_toolBar->addSeparator();
    // The toolbar holds the view's shortcuts: make them work while the table has focus.
    addActions({create, m_editAction, m_duplicateAction, m_deleteAction, reload});

    m_quickFilter->setObjectName(QStringLiteral("quickFilter"));
    m_quickFilter->setAccessibleName(tr("Search the loaded rows"));
    m_quickFilter->setPlaceholderText(tr("Search the loaded rows"));
    m_quickFilter->setClearButtonEnabled(true);
    connect(m_quickFilter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setQuickFilter(text);
        updateStatus();
    });

    m_filterBar->setObjectName(QStringLiteral("filterBar"));
    m_filterBar->setVisible(false);
    connect(filters, &QAction::toggled, m_filterBar, &QWidget::setVisible);
    connect(m_filterBar, &FilterBar::applied, m_model, &RecordTableModel::setFilters);
    connect(m_filterBar, &FilterBar::applied, this, &CollectionView::updateFiltersText);

    m_table->setObjectName(QStringLiteral("recordsView"));
    m_table->setAccessibleName(tr("Records"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    QHeaderView *header = m_table->horizontalHeader();
    header->setStretchLastSection(true);
    header->setSectionsClickable(true);
    header->setSortIndicatorShown(true);
    header->setSortIndicator(-1, Qt::AscendingOrder);
    connect(header, &QHeaderView::sortIndicatorChanged, this, &CollectionView::onSortIndicatorChanged);
    connect(m_table, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        const QString id = index.data(RecordTableModel::RecordIdRole).toString();
        if (!id.isEmpty())
            Q_EMIT editRequested(id);
    });
    // Every toolbar action is in the table's context menu too (a narrow toolbar hides some).
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        auto *menu = new QMenu(this);
        menu->setObjectName(QStringLiteral("recordsContextMenu"));
        menu->setAttribute(Qt::WA_DeleteOnClose);
        for (QAction *action : m_toolBar->actions()) {
            if (action->isSeparator())
                menu->addSeparator();
            else if (m_toolBar->widgetForAction(action) == m_columns)
                menu->addMenu(m_columns->columnsMenu());
            else
                menu->addAction(action);
        }
        if (!m_menuOnly.isEmpty())
            menu->addSeparator();
        menu->addActions(m_menuOnly);
        menu->popup(m_table->viewport()->mapToGlobal(pos));
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateActions();
        Q_EMIT selectionChanged(selectedIds());
    });

    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_quickFilter);
    layout->addWidget(m_filterBar);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);

    connect(m_model, &RecordTableModel::collectionLoaded, this, [this] {
        m_filterBar->setFields(m_model->knownFields());
        syncSortIndicator();
    });
    connect(m_model, &RecordTableModel::columnsChanged, this, &CollectionView::syncSortIndicator);
    connect(m_model, &RecordTableModel::totalChanged, this, &CollectionView::updateStatus);
    connect(m_model, &RecordTableModel::loadingChanged, this, &CollectionView::updateStatus);
    connect(m_model, &RecordTableModel::loadedCountChanged, this, [this](int loaded) {
        if (loaded > 0)
            m_error = {};
        if (!m_columnsSized && loaded > 0) {
            // Once, on the first rows: the visible rows decide (QTableView looks at the viewport only).
            m_columnsSized = true;
            m_table->resizeColumnsToContents();
            m_filterBar->setFields(m_model->knownFields());
        }
        updateStatus();
    });
    connect(m_model, &RecordTableModel::error, this, [this](const ApiError &error) {
        m_error = error;
        updateStatus();
    });
    updateActions();
    updateStatus();
}

QString CollectionView::bucket() const
{
    return m_model->bucket();
}

QString CollectionView::collection() const
{
    return m_model->collection();
}

QStringList CollectionView::selectedIds() const
{
    QStringList ids;
    QModelIndexList rows = m_table->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    for (const QModelIndex &index : std::as_const(rows))
        ids << index.data(RecordTableModel::RecordIdRole).toString();
    return ids;
}

QList<QJsonObject> CollectionView::selectedRecords() const
{
    QList<QJsonObject> records;
    QModelIndexList rows = m_table->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    for (const QModelIndex &index : std::as_const(rows))
        records << m_model->record(m_proxy->mapToSource(index).row());
    return records;
}

void CollectionView::addToolBarAction(QAction *action)
{
    m_toolBar->addAction(action);
    addAction(action); // its shortcut works from the table too
}

void CollectionView::addMenuAction(QAction *action)
{
    m_menuOnly.append(action);
    addAction(action);
}

QString CollectionView::statusText() const
{
    return m_status->text();
}

CollectionView::State CollectionView::state() const
{
    return {m_model->choices(), m_quickFilter->text(), m_filtersAction->isChecked()};
}

void CollectionView::restoreState(const State &state)
{
    m_model->applyChoices(state.rows);
    m_filterBar->setRows(state.rows.filters);
    m_filtersAction->setChecked(state.filterBarShown);
    m_quickFilter->setText(state.quickFilter);
    updateFiltersText();
    syncSortIndicator();
}

void CollectionView::updateFiltersText()
{
    const qsizetype applied = m_model->filters().size();
    m_filtersAction->setText(applied == 0 ? tr("Filters") : tr("Filters (%1)").arg(applied));
}

void CollectionView::updateStatus()
{
    const QLocale locale;
    const qint64 total = m_model->total();
    const int loaded = m_model->loadedCount();
    const QString totalText = total >= 0 ? locale.toString(total) : tr("?");
    QString text;
    if (!m_proxy->quickFilter().isEmpty()) {
        text = tr("Showing %1 of %2 records (%3 loaded rows searched)")
                   .arg(locale.toString(m_proxy->rowCount()), totalText, locale.toString(loaded));
    } else if (total < 0 && loaded == 0 && m_model->isLoading()) {
        text = tr("Loading…");
    } else {
        text = tr("Showing %1 of %2 records").arg(locale.toString(loaded), totalText);
    }
    if (m_error.isError())
        text += tr(" — loading failed: %1. Scroll down to try again, or Reload.").arg(m_error.toString());
    m_status->setText(text);
}

void CollectionView::updateActions()
{
    const int selected = int(m_table->selectionModel()->selectedRows().size());
    m_editAction->setEnabled(selected == 1);
    m_duplicateAction->setEnabled(selected == 1);
    m_deleteAction->setEnabled(selected > 0);
}

void CollectionView::syncSortIndicator()
{
    // Show the server's order on the header; -1 (none) when it is not one of the columns.
    const QString sort = m_model->sortParameter();
    const bool descending = sort.startsWith(QLatin1Char('-'));
    const QString field = descending ? sort.mid(1) : sort;
    const int column = field.isEmpty() ? -1 : int(m_model->columns().indexOf(field));
    m_syncingHeader = true;
    m_table->horizontalHeader()->setSortIndicator(column, descending ? Qt::DescendingOrder : Qt::AscendingOrder);
    m_syncingHeader = false;
}

void CollectionView::onSortIndicatorChanged(int column, Qt::SortOrder order)
{
    if (m_syncingHeader || column < 0)
        return;
    m_model->sort(column, order);
}
