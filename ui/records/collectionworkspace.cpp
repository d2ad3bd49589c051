#include "collectionworkspace.h"

#include "attachments/attachmentpanel.h"
#include "bulk/bulkdialog.h"
#include "bulk/exportdialog.h"
#include "bulk/importdialog.h"
#include "collectionview.h"
#include "editors/recordactions.h"
#include "history/historyview.h"
#include "kintoclient.h"
#include "permissions/permissionseditor.h"
#include "prompt.h"
#include "recordtablemodel.h"

#include <QAction>
#include <QGroupBox>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

namespace {

// The record actions a workspace works with: the memory's when they are for the same client,
// else new ones (kept by the memory when there is one, else by the workspace).
RecordActions *recordActionsFor(CollectionMemory *memory, KintoClient *client, const QString &bucket,
    const QString &collection, QWidget *workspace)
{
    if (!memory)
        return new RecordActions(client, bucket, collection, workspace, workspace);
    if (memory->actions && memory->client && memory->client == client) {
        memory->actions->setDialogParent(workspace);
        return memory->actions;
    }
    if (memory->actions)
        memory->actions->deleteLater(); // a page being replaced may still hold them
    memory->client = client;
    memory->actions = new RecordActions(client, bucket, collection, workspace, memory);
    return memory->actions;
}

} // namespace

void CollectionMemory::forget()
{
    view = {};
    client.clear();
}

CollectionWorkspace::CollectionWorkspace(KintoClient *client, const QString &bucket, const QString &collection,
    TargetProvider copyTargets, QWidget *parent, CollectionMemory *memory)
    : QWidget(parent)
    , m_client(client)
    , m_bucket(bucket)
    , m_collection(collection)
    , m_copyTargets(std::move(copyTargets))
    , m_tabs(new QTabWidget(this))
    , m_view(new CollectionView(client, bucket, collection))
    , m_actions(recordActionsFor(memory, client, bucket, collection, this))
    , m_attachment(new AttachmentPanel(client))
    , m_memory(memory)
{
    m_tabs->setObjectName(QStringLiteral("collectionTabs"));
    m_tabs->setDocumentMode(true);
    m_view->setObjectName(QStringLiteral("collectionView"));
    m_attachment->setObjectName(QStringLiteral("attachmentPanel"));
    if (m_memory) {
        // A page being replaced (not yet deleted) holds the latest state.
        if (m_memory->shownBy)
            m_memory->view = m_memory->shownBy->view()->state();
        m_memory->shownBy = this;
        m_view->restoreState(m_memory->view);
    }

    auto *attachmentBox = new QGroupBox(tr("Attachment"));
    attachmentBox->setObjectName(QStringLiteral("attachmentPane"));
    auto *attachmentLayout = new QVBoxLayout(attachmentBox);
    attachmentLayout->addWidget(m_attachment);
    attachmentLayout->addStretch();
    m_attachmentBox = attachmentBox;
    auto *split = new QSplitter;
    split->setChildrenCollapsible(false);
    split->addWidget(m_view);
    split->addWidget(attachmentBox);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 0);
    attachmentBox->hide(); // until a record with an attachment is selected
    m_tabs->addTab(split, tr("Records"));

    // The collection's own history (the bucket's entries whose URI lies under the collection),
    // asked from the server only once the user opens the tab.
    m_tabs->addTab(new QWidget, tr("History"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == HistoryTab && !m_history)
            createHistory();
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);

    m_actionMap.insert(Action::Undo, m_actions->undoAction());
    m_actionMap.insert(Action::Redo, m_actions->redoAction());
    m_view->addToolBarAction(m_actions->undoAction());
    m_view->addToolBarAction(m_actions->redoAction());
    // The attachment before the rarer tools: when the pane narrows the table, these go to "»" first.
    QAction *attachment = addAction(Action::Attachment, tr("Attachment"), QStringLiteral("attachmentAction"),
        &CollectionWorkspace::updateAttachmentPane);
    addAction(Action::BulkEdit, tr("Bulk edit…"), QStringLiteral("bulkEditAction"), &CollectionWorkspace::bulkEdit);
    addAction(Action::RecordPermissions, tr("Record permissions…"), QStringLiteral("recordPermissionsAction"),
        &CollectionWorkspace::editRecordPermissions);
    addAction(Action::Export, tr("Export…"), QStringLiteral("exportAction"), &CollectionWorkspace::exportRecords,
        Place::Menu);
    addAction(Action::Import, tr("Import…"), QStringLiteral("importAction"), &CollectionWorkspace::importRecords,
        Place::Menu);
    addAction(Action::Copy, tr("Copy to tenant…"), QStringLiteral("copyAction"), &CollectionWorkspace::copyCollection,
        Place::Menu);
    addAction(Action::Permissions, tr("Collection permissions…"), QStringLiteral("permissionsAction"),
        &CollectionWorkspace::editPermissions, Place::Menu);
    attachment->setCheckable(true);
    attachment->setToolTip(tr("Show the selected record's attachment, to upload, download or remove it"));

    connect(m_view, &CollectionView::createRequested, m_actions, &RecordActions::create);
    connect(m_view, &CollectionView::editRequested, m_actions, &RecordActions::edit);
    connect(m_view, &CollectionView::duplicateRequested, m_actions, &RecordActions::duplicate);
    connect(m_view, &CollectionView::deleteRequested, m_actions, &RecordActions::remove);
    connect(m_actions, &RecordActions::recordChanged, m_view->model(), &RecordTableModel::updateRecord);
    connect(m_actions, &RecordActions::recordsRemoved, m_view->model(), &RecordTableModel::removeRecordIds);
    connect(m_actions, &RecordActions::failed, this,
        [this](const QString &message) { Prompt::warning(this, tr("Record not saved"), message); });
    connect(m_view, &CollectionView::selectionChanged, this, [this] {
        // The pane opens by itself for a record with an attachment; the action opens it for others.
        const QList<QJsonObject> records = m_view->selectedRecords();
        const QSignalBlocker blocker(action(Action::Attachment));
        action(Action::Attachment)->setChecked(records.size() == 1
            && records.first().value(QLatin1String("attachment")).isObject());
        updateActions();
        updateAttachmentPane();
    });
    // An attachment change is a change of the record: show it in the table too.
    const auto refreshRow = [this] {
        const QStringList ids = m_view->selectedIds();
        if (ids.size() == 1) {
            Job *job = m_client->getRecord(m_bucket, m_collection, ids.first());
            connect(job, &Job::finished, this, [this, job, id = ids.first()] {
                if (job->error().isNotFound())
                    m_view->model()->removeRecordIds({id});
                else if (!job->hasError())
                    m_view->model()->updateRecord(job->result().toObject().value(QLatin1String("data")).toObject());
            });
        }
    };
    connect(m_attachment, &AttachmentPanel::uploaded, this, refreshRow);
    connect(m_attachment, &AttachmentPanel::removed, this, refreshRow);
    updateActions();
}

CollectionWorkspace::~CollectionWorkspace()
{
    if (!m_memory || m_memory->shownBy != this)
        return;
    m_memory->view = m_view->state();
    if (m_actions->dialogParent() == this)
        m_actions->setDialogParent(nullptr);
}

HistoryView *CollectionWorkspace::showHistory()
{
    m_tabs->setCurrentIndex(HistoryTab);
    return m_history;
}

void CollectionWorkspace::createHistory()
{
    m_history = new HistoryView(m_client);
    m_history->setObjectName(QStringLiteral("historyView"));
    m_history->setBucket(m_bucket);
    m_history->setObjectUri(QStringLiteral("/buckets/%1/collections/%2*").arg(m_bucket, m_collection));
    connect(m_history, &HistoryView::reverted, m_view->model(), &RecordTableModel::reload);
    const QSignalBlocker blocker(m_tabs); // replacing the placeholder must not recurse
    delete m_tabs->widget(HistoryTab);
    m_tabs->insertTab(HistoryTab, m_history, tr("History"));
    m_tabs->setCurrentIndex(HistoryTab);
}

QAction *CollectionWorkspace::action(Action which) const
{
    return m_actionMap.value(which);
}

QList<QAction *> CollectionWorkspace::collectionActions() const
{
    return {action(Action::Export), action(Action::Import), action(Action::Copy)};
}

QAction *CollectionWorkspace::addAction(Action which, const QString &text, const QString &objectName,
    void (CollectionWorkspace::*slot)(), Place place)
{
    auto *action = new QAction(text, this);
    action->setObjectName(objectName);
    connect(action, &QAction::triggered, this, slot);
    m_actionMap.insert(which, action);
    if (place == Place::ToolBar)
        m_view->addToolBarAction(action);
    else
        m_view->addMenuAction(action);
    return action;
}

void CollectionWorkspace::updateActions()
{
    const int selected = int(m_view->selectedIds().size());
    action(Action::BulkEdit)->setEnabled(selected > 0);
    action(Action::RecordPermissions)->setEnabled(selected == 1);
    action(Action::Attachment)->setEnabled(selected == 1);
    action(Action::Copy)->setEnabled(bool(m_copyTargets));
}

void CollectionWorkspace::updateAttachmentPane()
{
    const QList<QJsonObject> records = m_view->selectedRecords();
    const bool show = records.size() == 1 && action(Action::Attachment)->isChecked();
    m_attachmentBox->setVisible(show);
    // The panel reads the record only when it is shown.
    const QString id = show ? records.first().value(QLatin1String("id")).toString() : QString();
    if (id != m_attachmentShownFor) {
        m_attachmentShownFor = id;
        m_attachment->setRecord(m_bucket, m_collection, id);
    }
}

void CollectionWorkspace::openDialog(QWidget *dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->show();
}

void CollectionWorkspace::bulkEdit()
{
    auto *dialog = new BulkDialog(m_client, m_bucket, m_collection, m_view->selectedRecords(), this);
    dialog->setObjectName(QStringLiteral("bulkDialog"));
    connect(dialog, &BulkDialog::applied, m_view->model(), &RecordTableModel::reload);
    openDialog(dialog);
}

void CollectionWorkspace::exportRecords()
{
    // "The filtered ones": the table's server-side filters and order.
    KintoListOptions filtered;
    filtered.filters = m_view->model()->filters();
    auto *dialog = new ExportDialog(m_client, m_bucket, m_collection, filtered, m_view->model()->columns(), this);
    dialog->setObjectName(QStringLiteral("exportDialog"));
    openDialog(dialog);
}

void CollectionWorkspace::importRecords()
{
    auto *dialog = new ImportDialog(m_client, m_bucket, m_collection, this);
    dialog->setObjectName(QStringLiteral("importDialog"));
    connect(dialog, &ImportDialog::imported, m_view->model(), &RecordTableModel::reload);
    openDialog(dialog);
}

void CollectionWorkspace::copyCollection()
{
    if (!m_copyTargets)
        return;
    auto *dialog = new CopyCollectionDialog(m_client, m_bucket, m_collection, m_copyTargets(), this);
    dialog->setObjectName(QStringLiteral("copyCollectionDialog"));
    openDialog(dialog);
}

void CollectionWorkspace::editPermissions()
{
    auto *dialog = new PermissionsEditor(m_client, KintoRef::ofCollection(m_bucket, m_collection), this);
    dialog->setObjectName(QStringLiteral("permissionsEditor"));
    openDialog(dialog);
}

void CollectionWorkspace::editRecordPermissions()
{
    const QStringList ids = m_view->selectedIds();
    if (ids.size() != 1)
        return;
    auto *dialog = new PermissionsEditor(m_client, KintoRef::ofRecord(m_bucket, m_collection, ids.first()), this);
    dialog->setObjectName(QStringLiteral("recordPermissionsEditor"));
    openDialog(dialog);
}
