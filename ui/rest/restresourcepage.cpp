#include "restresourcepage.h"

#include "prompt.h"
#include "restclient.h"
#include "restitemeditor.h"
#include "restitemmodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

RestResourcePage::RestResourcePage(RestClient *client, const RestResource &resource, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_resource(resource)
    , m_model(new RestItemModel(client, resource, this))
    , m_table(new QTableView(this))
    , m_status(new QLabel(this))
    , m_loadMore(new QPushButton(tr("Load more"), this))
    , m_columns(new QToolButton(this))
{
    m_table->setObjectName(QStringLiteral("items"));
    m_table->setAccessibleName(tr("Items"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_status->setObjectName(QStringLiteral("status"));
    m_loadMore->setObjectName(QStringLiteral("loadMore"));
    m_loadMore->setEnabled(false);
    m_columns->setObjectName(QStringLiteral("columns"));
    m_columns->setText(tr("Columns"));
    m_columns->setPopupMode(QToolButton::InstantPopup);
    m_columns->setMenu(new QMenu(m_columns));
    auto *title = new QLabel(QStringLiteral("<b>%1</b> — %2").arg(resource.name.toHtmlEscaped(), resource.path.toHtmlEscaped()), this);
    auto *buttons = new QHBoxLayout;
    auto *add = new QPushButton(tr("New…"), this);
    add->setObjectName(QStringLiteral("newItem"));
    auto *editButton = new QPushButton(tr("Edit…"), this);
    editButton->setObjectName(QStringLiteral("editItem"));
    auto *remove = new QPushButton(tr("Delete"), this);
    remove->setObjectName(QStringLiteral("deleteItem"));
    for (QPushButton *button : { add, editButton, remove, m_loadMore })
        buttons->addWidget(button);
    buttons->addStretch();
    buttons->addWidget(m_columns);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addLayout(buttons);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);

    connect(m_loadMore, &QPushButton::clicked, this, [this] { m_model->fetchMore({}); });
    connect(m_model, &PagedListModel::fetchingChanged, this, [this](bool fetching) {
        m_loadMore->setEnabled(!fetching && m_model->canFetchMore({}));
        if (fetching)
            m_status->setText(tr("Loading…"));
    });
    connect(m_model, &PagedListModel::pageLoaded, this, [this] {
        m_loadMore->setEnabled(m_model->canFetchMore({}));
        showCount();
        Q_EMIT pageLoaded(true);
    });
    connect(m_model, &PagedListModel::pageFailed, this, [this](const ApiError &error) {
        m_status->setText(tr("Could not list %1: %2").arg(m_resource.path, error.toString()));
        m_loadMore->setEnabled(true); // asks the same page again
        Q_EMIT pageLoaded(false);
    });
    connect(m_model, &PagedListModel::columnsChanged, this, &RestResourcePage::fillColumnsMenu);
    connect(m_model, &RestItemModel::availableColumnsChanged, this, &RestResourcePage::fillColumnsMenu);
    connect(add, &QPushButton::clicked, this, [this] { edit({}); });
    connect(editButton, &QPushButton::clicked, this, [this] {
        if (m_table->currentIndex().isValid())
            edit(itemAt(m_table->currentIndex().row()));
    });
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &index) { edit(itemAt(index.row())); });
    connect(remove, &QPushButton::clicked, this, &RestResourcePage::removeCurrent);
    fillColumnsMenu();
    reload();
}

QJsonObject RestResourcePage::itemAt(int row) const
{
    return m_model->rowObject(row);
}

int RestResourcePage::itemCount() const
{
    return m_model->loadedCount();
}

void RestResourcePage::reload()
{
    m_model->reload();
}

void RestResourcePage::showCount()
{
    const qint64 total = m_model->total();
    const int loaded = m_model->loadedCount();
    m_status->setText(total >= 0 && total != loaded ? tr("%1 of %2 items").arg(loaded).arg(total)
                                                    : tr("%n item(s)", nullptr, loaded));
}

// One checkable action per known column; unchecking hides it (kept across reloads).
void RestResourcePage::fillColumnsMenu()
{
    QMenu *menu = m_columns->menu();
    menu->clear();
    const QStringList hidden = m_model->hiddenColumns();
    for (const QString &field : m_model->availableColumns()) {
        QAction *action = menu->addAction(field);
        action->setObjectName(QStringLiteral("column:") + field);
        action->setCheckable(true);
        action->setChecked(!hidden.contains(field));
        // Queued: the menu is rebuilt when the columns change, deleting this action.
        connect(action, &QAction::toggled, this, [this, field](bool shown) {
            QMetaObject::invokeMethod(this, [this, field, shown] { m_model->setColumnHidden(field, !shown); }, Qt::QueuedConnection);
        });
    }
}

void RestResourcePage::edit(const QJsonObject &item)
{
    if (!m_client)
        return;
    auto *editor = new RestItemEditor(m_client, m_resource, item, this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    editor->setWindowModality(Qt::WindowModal);
    connect(editor, &RestItemEditor::itemSaved, this, &RestResourcePage::reload);
    m_editor = editor;
    editor->show();
}

void RestResourcePage::removeCurrent()
{
    const int row = m_table->currentIndex().row();
    if (row < 0 || !m_client)
        return;
    const QString id = m_model->idAt(row);
    if (id.isEmpty() || !Prompt::question(this, tr("Delete item"), tr("Delete %1 %2 on the server?").arg(m_resource.name, id)))
        return;
    RestJob *job = m_client->remove(m_resource.itemEndpoint(id));
    connect(job, &Job::finished, this, [this, job] {
        if (job->hasError())
            m_status->setText(tr("Could not delete: %1").arg(job->error().toString()));
        else
            reload();
        Q_EMIT itemDeleted(!job->hasError());
    });
}
