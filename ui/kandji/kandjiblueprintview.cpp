#include "kandjiblueprintview.h"

#include "kandjiassignjob.h"
#include "kandjiclient.h"
#include "kandjinodefield.h"
#include "kandjitablepage.h"
#include "prompt.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace {

const KandjiListModel::Kind libraryKinds[] = { KandjiListModel::Kind::Profiles, KandjiListModel::Kind::Scripts,
                                                KandjiListModel::Kind::Apps };

} // namespace

KandjiBlueprintView::KandjiBlueprintView(KandjiClient *client, const QJsonObject &blueprint, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_blueprintId(blueprint.value(QLatin1String("id")).toString())
    , m_blueprintName(blueprint.value(QLatin1String("name")).toString())
    , m_map(KandjiNodeField::isMap(blueprint))
    , m_node(new KandjiNodeField(this))
    , m_source(new QComboBox(this))
    , m_libraries(new QStackedWidget(this))
    , m_assigned(new KandjiTablePage(client, KandjiListModel::Kind::BlueprintItems, m_blueprintId, this))
    , m_remove(new QPushButton(tr("&Remove Selected"), this))
    , m_progress(new QProgressBar(this))
    , m_report(new QLabel(this))
{
    auto *details = new QPlainTextEdit(this);
    details->setObjectName(QStringLiteral("kandjiPageText"));
    details->setAccessibleName(tr("Blueprint (JSON)"));
    details->setReadOnly(true);
    details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    details->setPlainText(QString::fromUtf8(QJsonDocument(blueprint).toJson(QJsonDocument::Indented)));
    details->setMaximumHeight(details->fontMetrics().height() * 8);

    m_source->setObjectName(QStringLiteral("librarySource"));
    m_source->addItems({ tr("Custom Profiles"), tr("Custom Scripts"), tr("Custom Apps") });
    for (int i = 0; i < 3; ++i)
        m_libraries->addWidget(new QWidget(m_libraries)); // placeholders: a library is listed when first shown
    connect(m_source, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_libraries->setCurrentWidget(libraryPage(index));
    });
    m_libraries->setCurrentWidget(libraryPage(0));

    m_assigned->setObjectName(QStringLiteral("assignedPage"));
    QTableView *assigned = m_assigned->view();
    assigned->setObjectName(QStringLiteral("assignedTable"));
    assigned->setAcceptDrops(true);
    assigned->viewport()->setAcceptDrops(true);
    assigned->setDragDropMode(QAbstractItemView::DropOnly);
    assigned->setDropIndicatorShown(true);
    assigned->setDefaultDropAction(Qt::CopyAction);
    connect(m_assigned->model(), &KandjiListModel::itemsDropped, this, [this](const QStringList &ids) {
        // The dragged rows' names, for the report: whichever library page holds them.
        QHash<QString, QString> names;
        for (int i = 0; i < m_libraries->count(); ++i) {
            auto *page = qobject_cast<KandjiTablePage *>(m_libraries->widget(i));
            for (int row = 0; page && row < page->model()->loadedCount(); ++row)
                names.insert(page->model()->value(row, QStringLiteral("id")).toString().toLower(),
                             page->model()->value(row, QStringLiteral("name")).toString());
        }
        assign(ids, names);
    });

    m_node->setVisible(m_map);
    connect(m_node, &KandjiNodeField::nodeChanged, this, &KandjiBlueprintView::assignmentNodeChanged);
    m_remove->setObjectName(QStringLiteral("removeButton"));
    m_remove->setEnabled(false);
    connect(assigned->selectionModel(), &QItemSelectionModel::selectionChanged, m_remove, [this, assigned] {
        m_remove->setEnabled(assigned->selectionModel()->hasSelection());
    });
    connect(m_remove, &QPushButton::clicked, this, &KandjiBlueprintView::removeSelected);

    m_progress->setObjectName(QStringLiteral("assignProgress"));
    m_progress->setVisible(false);
    m_report->setObjectName(QStringLiteral("dropReport"));
    m_report->setWordWrap(true);
    m_report->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_report->setText(m_map ? tr("Drag library items onto the assigned items to assign them to the node entered above.")
                            : tr("Drag library items onto the assigned items to assign them."));

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(new QLabel(tr("Library"), left));
    leftLayout->addWidget(m_source);
    leftLayout->addWidget(m_libraries, 1);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(new QLabel(m_map ? tr("Assigned to this map (all nodes)") : tr("Assigned to this blueprint"), right));
    rightLayout->addWidget(m_node);
    rightLayout->addWidget(m_assigned, 1);
    rightLayout->addWidget(m_remove, 0, Qt::AlignRight);
    auto *split = new QSplitter(this);
    split->addWidget(left);
    split->addWidget(right);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(details);
    layout->addWidget(split, 1);
    layout->addWidget(m_progress);
    layout->addWidget(m_report);
}

KandjiTablePage *KandjiBlueprintView::libraryPage(int index)
{
    if (auto *page = qobject_cast<KandjiTablePage *>(m_libraries->widget(index)))
        return page;
    const KandjiListModel::Kind kind = libraryKinds[qBound(0, index, 2)];
    auto *page = new KandjiTablePage(m_client, kind, {}, m_libraries);
    static const char *names[] = { "profiles", "scripts", "apps" };
    page->setObjectName(QStringLiteral("libraryPage-%1").arg(QLatin1String(names[qBound(0, index, 2)])));
    page->view()->setObjectName(QStringLiteral("libraryTable-%1").arg(QLatin1String(names[qBound(0, index, 2)])));
    QWidget *placeholder = m_libraries->widget(index);
    m_libraries->insertWidget(index, page);
    m_libraries->removeWidget(placeholder);
    placeholder->deleteLater();
    return page;
}

void KandjiBlueprintView::setAssignmentNode(const QString &node)
{
    m_node->setNode(node);
}

void KandjiBlueprintView::assign(const QStringList &ids, const QHash<QString, QString> &names)
{
    run(KandjiAssignJob::Action::Assign, ids, names);
}

void KandjiBlueprintView::removeSelected()
{
    QStringList ids;
    QHash<QString, QString> names;
    const QModelIndexList rows = m_assigned->view()->selectionModel()->selectedRows();
    for (const QModelIndex &row : rows) {
        const QString id = row.data(KandjiListModel::IdRole).toString();
        ids << id;
        names.insert(id.toLower(), row.data().toString());
    }
    if (ids.isEmpty() || isRunning())
        return;
    if (m_map && !m_node->check()) {
        m_report->setText(tr("Not removed: %1").arg(m_node->problem()));
        return;
    }
    const QString question = m_map
        ? tr("Remove %n item(s) from node %1 of \"%2\"? Devices on that node lose them.", nullptr, int(ids.size())).arg(m_node->node(), m_blueprintName)
        : tr("Remove %n item(s) from \"%1\"? Devices on the blueprint lose them.", nullptr, int(ids.size())).arg(m_blueprintName);
    if (!Prompt::question(this, tr("Remove from Blueprint"), question))
        return;
    run(KandjiAssignJob::Action::Remove, ids, names);
}

void KandjiBlueprintView::run(KandjiAssignJob::Action action, const QStringList &ids, const QHash<QString, QString> &names)
{
    const bool assigning = action == KandjiAssignJob::Action::Assign;
    if (ids.isEmpty())
        return;
    if (m_job) {
        m_report->setText(tr("An assignment is still running; try again when it has finished."));
        return;
    }
    if (!m_client) {
        m_report->setText(assigning ? tr("Not assigned: the tenant is disconnected.") : tr("Not removed: the tenant is disconnected."));
        return;
    }
    // A map assigns per node: without a well-formed node id nothing is sent.
    if (m_map && !m_node->check()) {
        m_report->setText((assigning ? tr("Not assigned: %1") : tr("Not removed: %1")).arg(m_node->problem()));
        return;
    }
    auto *job = new KandjiAssignJob(m_client, m_blueprintId, ids, action, m_map ? m_node->node() : QString(), this);
    m_job = job;
    m_remove->setEnabled(false);
    m_progress->setRange(0, int(ids.size()));
    m_progress->setValue(0);
    m_progress->setVisible(true);
    m_report->setText(assigning ? tr("Assigning %n item(s)…", nullptr, int(ids.size())) : tr("Removing %n item(s)…", nullptr, int(ids.size())));
    connect(job, &Job::progress, m_progress, [this](qint64 done, qint64 total) {
        m_progress->setRange(0, int(total));
        m_progress->setValue(int(done));
    });
    connect(job, &Job::finished, this, [this, job, names, action] {
        m_progress->setVisible(false);
        const QJsonArray result = job->result().toArray();
        m_report->setText(job->hasError() ? tr("Stopped: %1").arg(job->error().message()) : reportText(result, names, action));
        m_assigned->model()->reload();
        Q_EMIT assignFinished(result);
        Q_EMIT assignmentsChanged();
    });
    job->start();
}

QString KandjiBlueprintView::reportText(const QJsonArray &result, const QHash<QString, QString> &names, KandjiAssignJob::Action action)
{
    QStringList assigned, already, failed;
    for (const QJsonValue &v : result) {
        const QJsonObject entry = v.toObject();
        const QString id = entry.value(QLatin1String("id")).toString();
        const QString name = names.value(id.toLower(), id);
        const QString status = entry.value(QLatin1String("status")).toString();
        if (status == QLatin1String("already assigned"))
            already << name;
        else if (status == QLatin1String("failed"))
            failed << tr("%1 (%2)").arg(name, entry.value(QLatin1String("error")).toString());
        else
            assigned << name;
    }
    QString text = action == KandjiAssignJob::Action::Remove
        ? tr("%1 removed, %2 failed.").arg(assigned.size()).arg(failed.size())
        : tr("%1 assigned, %2 already assigned, %3 failed.").arg(assigned.size()).arg(already.size()).arg(failed.size());
    if (!already.isEmpty())
        text += QLatin1Char('\n') + tr("Already on the blueprint: %1.").arg(already.join(QStringLiteral(", ")));
    if (!failed.isEmpty())
        text += QLatin1Char('\n') + tr("Failed: %1.").arg(failed.join(QStringLiteral("; ")));
    return text;
}
