#include "kandjinavigator.h"

#include "kandjiappeditor.h"
#include "kandjiassignjob.h"
#include "kandjiblueprintview.h"
#include "kandjiclient.h"
#include "kandjiconfirmdialog.h"
#include "kandjicopydialog.h"
#include "kandjifamily.h"
#include "kandjihighlighters.h"
#include "kandjinodefield.h"
#include "kandjiprofileeditor.h"
#include "kandjiscripteditor.h"
#include "kandjitablepage.h"
#include "mainwindow.h"
#include "prompt.h"
#include "tenanttreemodel.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

namespace {

const QStringList itemKinds { QStringLiteral("custom-profile"), QStringLiteral("custom-script"), QStringLiteral("custom-app") };
const QStringList folderKinds { QStringLiteral("custom-profiles"), QStringLiteral("custom-scripts"), QStringLiteral("custom-apps") };

QString kindOf(const QModelIndex &index)
{
    return index.data(TenantTreeModel::NodeKindRole).toString();
}

QJsonObject objectOf(const QModelIndex &index)
{
    return index.data(TenantTreeModel::NodeDataRole).toJsonObject().value(QLatin1String("object")).toObject();
}

// The key of a blueprint's remembered assignment node: its tenant and id.
QString nodeKey(const QModelIndex &blueprint)
{
    return blueprint.data(TenantTreeModel::TenantIdRole).toString() + QLatin1Char('/') + blueprint.data(TenantTreeModel::NodeIdRole).toString();
}

} // namespace

KandjiNavigator::KandjiNavigator(MainWindow *window, const AppContext &context)
    : FamilyNavigator(window)
    , m_window(window)
    , m_context(context)
    , m_model(window->tenantModel())
    , m_new(new QAction(tr("New…"), this))
    , m_edit(new QAction(tr("Edit…"), this))
    , m_delete(new QAction(tr("Delete…"), this))
    , m_assign(new QAction(tr("Assign Library Items…"), this))
    , m_copy(new QAction(tr("Copy to Another Tenant…"), this))
{
    m_copy->setObjectName(QStringLiteral("kandjiCopy"));
    connect(m_copy, &QAction::triggered, this, &KandjiNavigator::copyCurrent);
    m_new->setObjectName(QStringLiteral("kandjiNew"));
    m_edit->setObjectName(QStringLiteral("kandjiEdit"));
    m_delete->setObjectName(QStringLiteral("kandjiDelete"));
    m_assign->setObjectName(QStringLiteral("kandjiAssign"));
    connect(m_new, &QAction::triggered, this, &KandjiNavigator::newItem);
    connect(m_edit, &QAction::triggered, this, &KandjiNavigator::editCurrent);
    connect(m_delete, &QAction::triggered, this, &KandjiNavigator::deleteCurrent);
    connect(m_assign, &QAction::triggered, this, &KandjiNavigator::assignToCurrentBlueprint);
}

QModelIndex KandjiNavigator::current() const
{
    return m_window->tenantTree()->currentIndex();
}

KandjiClient *KandjiNavigator::clientFor(const QModelIndex &index) const
{
    if (!index.isValid() || index.data(TenantTreeModel::FamilyRole).toString() != KandjiFamily::Id)
        return nullptr;
    auto *session = qobject_cast<KandjiSession *>(m_model->session(index.data(TenantTreeModel::TenantIdRole).toString()));
    return session ? session->client() : nullptr;
}

void KandjiNavigator::showPageFor(const QModelIndex &index)
{
    const QString kind = kindOf(index);
    KandjiClient *client = clientFor(index);
    static const QHash<QString, KandjiListModel::Kind> tables {
        { QStringLiteral("custom-profiles"), KandjiListModel::Kind::Profiles },
        { QStringLiteral("custom-scripts"), KandjiListModel::Kind::Scripts },
        { QStringLiteral("custom-apps"), KandjiListModel::Kind::Apps },
        { QStringLiteral("blueprints"), KandjiListModel::Kind::Blueprints },
        { QStringLiteral("self-service-categories"), KandjiListModel::Kind::Categories },
    };
    if (client && tables.contains(kind)) {
        auto *page = new KandjiTablePage(client, tables.value(kind));
        page->setObjectName(QStringLiteral("kandjiTablePage"));
        if (folderKinds.contains(kind)) {
            // A library row opens its form; the table is listed again after a save.
            const QPersistentModelIndex folder(index);
            connect(page->view(), &QAbstractItemView::doubleClicked, page, [this, page, folder](const QModelIndex &row) {
                EditorBase *editor = folder.isValid() ? openEditor(folder, row.data(KandjiListModel::ObjectRole).toJsonObject()) : nullptr;
                if (editor)
                    connect(editor, &EditorBase::applied, page, [page](bool ok) {
                        if (ok)
                            page->model()->reload();
                    });
            });
        }
        m_window->showPage(page);
        return;
    }
    if (client && kind == QLatin1String("blueprint")) {
        auto *view = new KandjiBlueprintView(client, objectOf(index));
        view->setObjectName(QStringLiteral("kandjiBlueprintView"));
        const QString key = nodeKey(index);
        view->setAssignmentNode(m_nodes.value(key));
        connect(view, &KandjiBlueprintView::assignmentNodeChanged, this, [this, key](const QString &node) { rememberNode(key, node); });
        connect(this, &KandjiNavigator::assignmentNodeRemembered, view, [view, key](const QString &changed, const QString &node) {
            if (changed == key)
                view->setAssignmentNode(node);
        });
        const QPersistentModelIndex where(index);
        connect(view, &KandjiBlueprintView::assignmentsChanged, this, [this, where] {
            if (where.isValid())
                m_model->refresh(where);
        });
        m_window->showPage(view);
        return;
    }
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    auto *title = new QLabel(QStringLiteral("<h2>%1</h2>").arg(index.data(Qt::DisplayRole).toString().toHtmlEscaped()), page);
    layout->addWidget(title);
    const QJsonObject object = objectOf(index);
    auto *text = new QPlainTextEdit(page);
    text->setObjectName(QStringLiteral("kandjiPageText"));
    text->setAccessibleName(tr("Details"));
    text->setReadOnly(true);
    text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    if (kind == QLatin1String("custom-profile")) {
        text->setPlainText(object.value(QLatin1String("profile")).toString());
        new KandjiHighlighter(KandjiHighlighter::Language::Xml, text->document());
    } else if (kind == QLatin1String("custom-script")) {
        text->setPlainText(object.value(QLatin1String("script")).toString());
        new KandjiHighlighter(KandjiHighlighter::Language::Shell, text->document());
    } else if (!object.isEmpty()) {
        text->setPlainText(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)));
    } else {
        text->setPlainText(tr("%1 items. Use the context menu to create, edit, delete or assign.")
                               .arg(m_model->rowCount(index)));
    }
    layout->addWidget(text, 1);
    m_window->showPage(page);
}

QList<QAction *> KandjiNavigator::actionsFor(const QModelIndex &index)
{
    if (!clientFor(index))
        return {};
    const QString kind = kindOf(index);
    m_new->setEnabled(folderKinds.contains(kind));
    m_edit->setEnabled(itemKinds.contains(kind));
    m_delete->setEnabled(itemKinds.contains(kind) || kind == QLatin1String("blueprint") || kind == QLatin1String("assigned-item"));
    m_delete->setText(kind == QLatin1String("assigned-item") ? tr("Remove from Blueprint") : tr("Delete…"));
    m_assign->setEnabled(kind == QLatin1String("blueprint"));
    m_copy->setEnabled(itemKinds.contains(kind) || folderKinds.contains(kind) || kind == QLatin1String("blueprint"));
    return { m_new, m_edit, m_delete, m_assign, m_copy };
}

void KandjiNavigator::rememberNode(const QString &key, const QString &node)
{
    if (m_nodes.value(key) == node)
        return;
    m_nodes.insert(key, node);
    Q_EMIT assignmentNodeRemembered(key, node);
}

void KandjiNavigator::reloadBlueprintView(const QString &blueprintId)
{
    if (auto *view = qobject_cast<KandjiBlueprintView *>(m_window->currentPage()); view && view->blueprintId() == blueprintId)
        view->assignedPage()->model()->reload();
}

void KandjiNavigator::refreshParentOf(const QModelIndex &index)
{
    m_model->refresh(index.parent().isValid() ? index.parent() : index);
}

EditorBase *KandjiNavigator::openEditor(const QModelIndex &folder, const QJsonObject &object)
{
    KandjiClient *client = clientFor(folder);
    if (!client || !folderKinds.contains(kindOf(folder)))
        return nullptr;
    const QString kind = kindOf(folder).chopped(1); // "custom-scripts" -> "custom-script"
    EditorBase *editor = kind == QLatin1String("custom-profile") ? static_cast<EditorBase *>(new KandjiProfileEditor(client, object, m_window))
        : kind == QLatin1String("custom-script")                 ? static_cast<EditorBase *>(new KandjiScriptEditor(client, object, m_window))
                                                                 : static_cast<EditorBase *>(new KandjiAppEditor(client, object, m_window));
    editor->setAttribute(Qt::WA_DeleteOnClose);
    editor->setWindowModality(Qt::WindowModal);
    const QPersistentModelIndex where(folder);
    connect(editor, &EditorBase::applied, this, [this, where](bool ok) {
        if (ok && where.isValid())
            m_model->refresh(where);
    });
    editor->show();
    return editor;
}

void KandjiNavigator::newItem()
{
    const QModelIndex index = current();
    if (folderKinds.contains(kindOf(index)))
        openEditor(index, {});
}

void KandjiNavigator::editCurrent()
{
    const QModelIndex index = current();
    if (itemKinds.contains(kindOf(index)))
        openEditor(index.parent(), objectOf(index));
}

void KandjiNavigator::deleteCurrent()
{
    const QModelIndex index = current();
    KandjiClient *client = clientFor(index);
    const QString kind = kindOf(index);
    if (!client)
        return;
    const QString name = index.data(Qt::DisplayRole).toString();
    Job *job = nullptr;
    if (kind == QLatin1String("blueprint")) {
        // Strong confirmation: the name typed out, in a window-modal dialog; deleted on accept.
        const QString blueprintName = m_model->node(index).label;
        auto *confirm = new KandjiConfirmDialog(tr("Delete Blueprint"),
            tr("Deleting the blueprint \"%1\" unmanages EVERY device assigned to it: they lose its profiles, apps "
               "and scripts. This cannot be undone.").arg(blueprintName),
            blueprintName, tr("Delete Blueprint"), m_window);
        confirm->setObjectName(QStringLiteral("deleteBlueprintConfirm"));
        confirm->setAttribute(Qt::WA_DeleteOnClose);
        confirm->setWindowModality(Qt::WindowModal);
        const QPersistentModelIndex where(index);
        const QString id = index.data(TenantTreeModel::NodeIdRole).toString();
        QPointer<KandjiClient> guarded(client);
        connect(confirm, &QDialog::accepted, this, [this, guarded, id, where] {
            if (!guarded)
                return;
            Job *deletion = guarded->deleteBlueprint(id);
            connect(deletion, &Job::finished, this, [this, deletion, where] {
                if (deletion->hasError())
                    Prompt::warning(m_window, tr("Not deleted"), deletion->error().toString());
                else if (where.isValid())
                    refreshParentOf(where);
            });
        });
        confirm->show();
        return;
    } else if (kind == QLatin1String("assigned-item")) {
        const QJsonObject data = index.data(TenantTreeModel::NodeDataRole).toJsonObject();
        // A map removes from one node: the one last entered for the blueprint in this session.
        QString node;
        if (KandjiNodeField::isMap(objectOf(index.parent()))) {
            node = m_nodes.value(nodeKey(index.parent()));
            if (node.isEmpty()) {
                Prompt::warning(m_window, tr("Not removed"),
                                tr("\"%1\" is on a map blueprint: open the blueprint, enter the assignment node to remove it from, "
                                   "and remove it there.").arg(name));
                return;
            }
        }
        job = client->unassign(data.value(QLatin1String("blueprint")).toString(), data.value(QLatin1String("id")).toString(), node);
    } else if (itemKinds.contains(kind)) {
        if (!Prompt::question(m_window, tr("Delete"), tr("Delete \"%1\" from the library (and every blueprint)?").arg(name)))
            return;
        const KandjiClient::Library library = kind == QLatin1String("custom-profile") ? KandjiClient::Library::Profiles
            : kind == QLatin1String("custom-script")                                   ? KandjiClient::Library::Scripts
                                                                                        : KandjiClient::Library::Apps;
        job = client->remove(library, index.data(TenantTreeModel::NodeIdRole).toString());
    }
    if (!job)
        return;
    const QPersistentModelIndex where(index);
    const QString blueprint = kind == QLatin1String("assigned-item") ? index.parent().data(TenantTreeModel::NodeIdRole).toString() : QString();
    connect(job, &Job::finished, this, [this, job, where, blueprint] {
        if (job->hasError()) {
            Prompt::warning(m_window, tr("Not deleted"), job->error().toString());
            return;
        }
        reloadBlueprintView(blueprint);
        if (where.isValid())
            refreshParentOf(where);
    });
}

void KandjiNavigator::assignToCurrentBlueprint()
{
    const QModelIndex index = current();
    KandjiClient *client = clientFor(index);
    if (!client || kindOf(index) != QLatin1String("blueprint"))
        return;
    // The checklist: every library item the tree has listed under the tenant's folders.
    auto *dialog = new QDialog(m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Assign to %1").arg(index.data(Qt::DisplayRole).toString()));
    auto *list = new QListWidget(dialog);
    list->setObjectName(QStringLiteral("libraryChecklist"));
    const QModelIndex tenant = m_model->findNode(index.data(TenantTreeModel::TenantIdRole).toString(), {});
    for (int row = 0; row < m_model->rowCount(tenant); ++row) {
        const QModelIndex folder = m_model->index(row, 0, tenant);
        if (!folderKinds.contains(kindOf(folder)))
            continue;
        for (int i = 0; i < m_model->rowCount(folder); ++i) {
            const QModelIndex item = m_model->index(i, 0, folder);
            auto *entry = new QListWidgetItem(m_model->node(item).label, list);
            entry->setData(Qt::UserRole, item.data(TenantTreeModel::NodeIdRole));
            entry->setFlags(entry->flags() | Qt::ItemIsUserCheckable);
            entry->setCheckState(Qt::Unchecked);
        }
    }
    // A map assigns to one node: asked here, remembered for the blueprint with the view's.
    const bool map = KandjiNodeField::isMap(objectOf(index));
    auto *nodeField = new KandjiNodeField(dialog);
    nodeField->setVisible(map);
    const QString key = nodeKey(index);
    nodeField->setNode(m_nodes.value(key));
    connect(nodeField, &KandjiNodeField::nodeChanged, this, [this, key](const QString &node) { rememberNode(key, node); });
    auto *report = new QLabel(dialog);
    report->setObjectName(QStringLiteral("assignReport"));
    report->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Close, dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Assign"));
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(nodeField);
    layout->addWidget(list, 1);
    layout->addWidget(report);
    layout->addWidget(buttons);
    const QString blueprint = index.data(TenantTreeModel::NodeIdRole).toString();
    const QPersistentModelIndex where(index);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    QPointer<KandjiClient> guarded(client);
    connect(buttons, &QDialogButtonBox::accepted, dialog, [this, dialog, list, report, buttons, guarded, blueprint, where, map, nodeField] {
        QStringList ids;
        for (int i = 0; i < list->count(); ++i)
            if (list->item(i)->checkState() == Qt::Checked)
                ids << list->item(i)->data(Qt::UserRole).toString();
        if (ids.isEmpty()) {
            report->setText(tr("Check the library items to assign."));
            return;
        }
        if (map && !nodeField->check()) {
            report->setText(tr("Not assigned: %1").arg(nodeField->problem()));
            return;
        }
        if (!guarded) {
            report->setText(tr("Not assigned: the tenant is disconnected."));
            return;
        }
        auto *job = new KandjiAssignJob(guarded, blueprint, ids, KandjiAssignJob::Action::Assign, map ? nodeField->node() : QString(), dialog);
        buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
        connect(job, &Job::progress, report, [report](qint64 done, qint64 total) {
            report->setText(tr("Assigning… %1 of %2").arg(done).arg(total));
        });
        QHash<QString, QString> names;
        for (int i = 0; i < list->count(); ++i)
            names.insert(list->item(i)->data(Qt::UserRole).toString().toLower(), list->item(i)->text());
        connect(job, &Job::finished, dialog, [this, job, report, buttons, where, names, blueprint] {
            report->setText(KandjiBlueprintView::reportText(job->result().toArray(), names));
            buttons->button(QDialogButtonBox::Ok)->setEnabled(true);
            reloadBlueprintView(blueprint);
            if (where.isValid())
                m_model->refresh(where);
        });
        job->start();
    });
    dialog->resize(dialog->sizeHint().expandedTo(QSize(480, 560)));
    dialog->setWindowModality(Qt::WindowModal);
    dialog->show();
}

void KandjiNavigator::copyCurrent()
{
    const QModelIndex index = current();
    KandjiClient *client = clientFor(index);
    const QString kind = kindOf(index);
    if (!client)
        return;
    auto libraryOf = [](const QString &itemKind) {
        return itemKind == QLatin1String("custom-profile") ? KandjiClient::Library::Profiles
            : itemKind == QLatin1String("custom-script")   ? KandjiClient::Library::Scripts
                                                           : KandjiClient::Library::Apps;
    };
    QList<KandjiCopyJob::Item> items;
    QString blueprint;
    if (itemKinds.contains(kind)) {
        items.append({ libraryOf(kind), index.data(TenantTreeModel::NodeIdRole).toString() });
    } else if (folderKinds.contains(kind)) {
        for (int i = 0; i < m_model->rowCount(index); ++i)
            items.append({ libraryOf(kind.chopped(1)), m_model->index(i, 0, index).data(TenantTreeModel::NodeIdRole).toString() });
    } else if (kind == QLatin1String("blueprint")) {
        blueprint = index.data(TenantTreeModel::NodeIdRole).toString(); // its assigned items come with it (KandjiCopyJob)
    } else {
        return;
    }
    auto *dialog = new KandjiCopyDialog(client, index.data(TenantTreeModel::TenantIdRole).toString(), items, blueprint,
                                        m_context.registry, m_context.sessions, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->show();
}
