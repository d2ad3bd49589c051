#include "history/historyview.h"

#include "history/diffview.h"
#include "history/timelinechart.h"
#include "historymodel.h"
#include "kintoclient.h"
#include "prompt.h"
#include "widgets/tonedlabel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QLoggingCategory>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

Q_LOGGING_CATEGORY(lcHistoryView, "tenantdesk.ui.history")

namespace {

enum Page { UnavailablePage, HistoryPage };

QString describe(const QJsonObject &entry)
{
    return QStringLiteral("%1 (%2)").arg(QLocale().toString(HistoryModel::entryDate(entry), QLocale::ShortFormat),
                                         entry.value(QLatin1String("action")).toString());
}

QJsonObject targetData(const QJsonObject &entry)
{
    return entry.value(QLatin1String("target")).toObject().value(QLatin1String("data")).toObject();
}

} // namespace

HistoryView::HistoryView(KintoClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_model(new HistoryModel(client, this))
    , m_pages(new QStackedWidget(this))
    , m_unavailable(new QLabel(this))
    , m_resource(new QComboBox(this))
    , m_sinceEnabled(new QCheckBox(tr("Since"), this))
    , m_since(new QDateEdit(QDate::currentDate().addDays(-7), this))
    , m_user(new QLineEdit(this))
    , m_uri(new QLineEdit(this))
    , m_refresh(new QPushButton(tr("Refresh"), this))
    , m_chart(new TimelineChart(this))
    , m_table(new QTableView(this))
    , m_diff(new DiffView(this))
    , m_revert(new QPushButton(tr("Revert to this version…"), this))
    , m_purge(new QPushButton(tr("Purge…"), this))
    , m_status(new QLabel(this))
{
    m_pages->setObjectName(QStringLiteral("historyPages"));
    m_unavailable->setObjectName(QStringLiteral("historyUnavailable"));
    m_unavailable->setAlignment(Qt::AlignCenter);
    m_unavailable->setWordWrap(true);
    m_resource->setObjectName(QStringLiteral("historyResourceFilter"));
    m_resource->addItem(tr("All resources"), QString());
    for (const char *name : { "bucket", "collection", "group", "record" })
        m_resource->addItem(QString::fromLatin1(name), QString::fromLatin1(name));
    m_sinceEnabled->setObjectName(QStringLiteral("historySinceEnabled"));
    m_since->setObjectName(QStringLiteral("historySince"));
    m_since->setCalendarPopup(true);
    m_since->setEnabled(false);
    m_user->setObjectName(QStringLiteral("historyUserFilter"));
    m_user->setAccessibleName(tr("Filter by user"));
    m_user->setPlaceholderText(tr("account:alice, or with * wildcards"));
    m_user->setClearButtonEnabled(true);
    m_uri->setObjectName(QStringLiteral("historyUriFilter"));
    m_uri->setAccessibleName(tr("Filter by object"));
    m_uri->setPlaceholderText(tr("/buckets/b/collections/c, or with * wildcards"));
    m_uri->setClearButtonEnabled(true);
    m_refresh->setObjectName(QStringLiteral("historyRefresh"));
    m_chart->setObjectName(QStringLiteral("historyChart"));
    m_table->setObjectName(QStringLiteral("historyTable"));
    m_table->setAccessibleName(tr("History"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_diff->setObjectName(QStringLiteral("historyDiff"));
    m_revert->setObjectName(QStringLiteral("historyRevert"));
    m_revert->setEnabled(false);
    m_revert->setToolTip(tr("Write the selected version back to its object (a safe write: a change made meanwhile is not overwritten)"));
    m_purge->setObjectName(QStringLiteral("historyPurge"));
    m_purge->setToolTip(tr("Delete the history entries matching the current filters"));
    m_status->setObjectName(QStringLiteral("historyStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Resource:"), this));
    filters->addWidget(m_resource);
    filters->addWidget(m_sinceEnabled);
    filters->addWidget(m_since);
    filters->addWidget(new QLabel(tr("User:"), this));
    filters->addWidget(m_user, 1);
    filters->addWidget(new QLabel(tr("Object:"), this));
    filters->addWidget(m_uri, 2);
    filters->addWidget(m_refresh);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_diff);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *actions = new QHBoxLayout;
    actions->addWidget(m_status, 1);
    actions->addWidget(m_revert);
    actions->addWidget(m_purge);

    auto *historyPage = new QWidget(this);
    auto *pageLayout = new QVBoxLayout(historyPage);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    pageLayout->addLayout(filters);
    pageLayout->addWidget(m_chart);
    pageLayout->addWidget(splitter, 1);
    pageLayout->addLayout(actions);

    m_pages->insertWidget(UnavailablePage, m_unavailable);
    m_pages->insertWidget(HistoryPage, historyPage);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);
    m_unavailable->setText(tr("Choose a bucket to see its history."));
    m_pages->setCurrentIndex(UnavailablePage);

    connect(m_resource, &QComboBox::currentIndexChanged, this, &HistoryView::applyFilters);
    connect(m_sinceEnabled, &QCheckBox::toggled, this, [this](bool on) {
        m_since->setEnabled(on);
        applyFilters();
    });
    connect(m_since, &QDateEdit::dateChanged, this, &HistoryView::applyFilters);
    connect(m_user, &QLineEdit::editingFinished, this, &HistoryView::applyFilters);
    connect(m_uri, &QLineEdit::editingFinished, this, &HistoryView::applyFilters);
    connect(m_refresh, &QPushButton::clicked, m_model, &HistoryModel::reload);
    connect(m_revert, &QPushButton::clicked, this, &HistoryView::revertSelected);
    connect(m_purge, &QPushButton::clicked, this, &HistoryView::purge);
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        m_uri->setText(index.data(HistoryModel::UriRole).toString());
        applyFilters();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &HistoryView::updateSelection);
    connect(m_model, &QAbstractItemModel::modelReset, this, &HistoryView::updateSelection);

    const auto refreshChart = [this] {
        m_chart->setCounts(m_model->changesPerDay());
        updateStatus();
    };
    connect(m_model, &HistoryModel::pageLoaded, this, refreshChart);
    connect(m_model, &QAbstractItemModel::modelReset, this, refreshChart);
    connect(m_model, &HistoryModel::loadingChanged, this, &HistoryView::updateStatus);
    connect(m_model, &HistoryModel::loadFailed, this, [this](const ApiError &error) {
        setStatus(tr("Could not load the history: %1").arg(error.toString()), true);
    });
}

HistoryView::~HistoryView()
{
    // Jobs report to this view; a job outliving it must not call back.
    if (m_write)
        m_write->disconnect(this);
    if (m_info)
        m_info->disconnect(this);
}

void HistoryView::setBucket(const QString &bucket)
{
    m_bucket = bucket;
    checkCapability();
}

void HistoryView::setObjectUri(const QString &uri)
{
    m_uri->setText(uri);
    applyFilters();
}

QString HistoryView::statusText() const
{
    return m_status->text();
}

void HistoryView::checkCapability()
{
    if (!m_client || m_bucket.isEmpty())
        return;
    m_unavailable->setText(tr("Checking whether the server keeps a history…"));
    m_pages->setCurrentIndex(UnavailablePage);
    if (m_info)
        m_info->disconnect(this);
    Job *info = m_client->serverInfo();
    m_info = info;
    connect(info, &Job::finished, this, [this, info] {
        if (info != m_info)
            return;
        if (info->hasError()) {
            m_available = false;
            m_unavailable->setText(tr("Could not read the server's capabilities: %1").arg(info->error().toString()));
        } else {
            const QJsonObject capabilities = info->result().toObject().value(QLatin1String("capabilities")).toObject();
            m_available = capabilities.contains(QLatin1String("history"));
            if (m_available) {
                m_pages->setCurrentIndex(HistoryPage);
                m_model->setBucket(m_bucket);
                m_model->reload(); // also when the bucket did not change: the history moved on
            } else {
                m_unavailable->setText(tr("The history plugin is not enabled on this server.\n\n"
                                          "Kinto records changes only with kinto.plugins.history in its "
                                          "includes (the server reports no \"history\" capability)."));
            }
        }
        Q_EMIT historyAvailabilityKnown(m_available);
    });
}

void HistoryView::applyFilters()
{
    m_notice.clear();
    HistoryFilter filter;
    filter.resourceName = m_resource->currentData().toString();
    if (m_sinceEnabled->isChecked())
        filter.since = m_since->date().startOfDay();
    filter.user = m_user->text().trimmed();
    filter.uri = m_uri->text().trimmed();
    m_model->setFilter(filter);
}

int HistoryView::selectedRow() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.size() == 1 ? rows.first().row() : -1;
}

void HistoryView::updateSelection()
{
    QModelIndexList rows = m_table->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });

    const int row = rows.size() == 1 ? rows.first().row() : -1;
    const QJsonObject single = m_model->entry(row);
    const bool revertible = row >= 0 && single.value(QLatin1String("action")).toString() != QLatin1String("delete")
        && HistoryModel::refForUri(single.value(QLatin1String("uri")).toString()).has_value();
    m_revert->setEnabled(revertible && !m_write);

    if (rows.size() == 2) {
        // Newest first in the table: the lower row is the older version, shown on the left.
        const QJsonObject newer = m_model->entry(rows.at(0).row());
        const QJsonObject older = m_model->entry(rows.at(1).row());
        if (newer.value(QLatin1String("uri")) == older.value(QLatin1String("uri"))) {
            m_diff->setVersions(describe(older), targetData(older), describe(newer), targetData(newer));
            return;
        }
    }
    m_diff->clear();
}

void HistoryView::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    setTone(m_status, error ? std::optional(Tones::Tone::Error) : std::nullopt);
}

void HistoryView::updateStatus()
{
    if (m_model->isLoading()) {
        setStatus(tr("Loading the history…"));
        return;
    }
    if (m_model->lastError())
        return; // the failure message stays
    const int rows = m_model->rowCount();
    const QString counts = m_model->isComplete() ? tr("%n change(s).", nullptr, rows)
                                                 : tr("%n change(s) loaded; scroll for more.", nullptr, rows);
    setStatus(m_notice.isEmpty() ? counts : m_notice + QLatin1Char(' ') + counts);
}

void HistoryView::revertSelected()
{
    revertEntry(selectedRow());
}

bool HistoryView::revertEntry(int row)
{
    const QJsonObject entry = m_model->entry(row);
    const QString uri = entry.value(QLatin1String("uri")).toString();
    const std::optional<KintoRef> ref = HistoryModel::refForUri(uri);
    if (!m_client || m_write || entry.isEmpty() || !ref
        || entry.value(QLatin1String("action")).toString() == QLatin1String("delete")) {
        return false;
    }
    const std::optional<QJsonObject> newest = m_model->newestEntryFor(uri);
    if (!newest)
        return false; // cannot happen: the entry itself is loaded
    const bool deleted = newest->value(QLatin1String("action")).toString() == QLatin1String("delete");
    const qint64 seen = targetData(*newest).value(QLatin1String("last_modified")).toVariant().toLongLong();
    if (!deleted && seen <= 0) {
        setStatus(tr("Cannot revert %1: the newest version shown has no timestamp to check against.").arg(uri), true);
        return false;
    }

    const QString when = QLocale().toString(HistoryModel::entryDate(entry), QLocale::ShortFormat);
    const QString question = deleted
        ? tr("%1 was deleted. Re-create it from its version of %2?").arg(uri, when)
        : tr("Write the version of %2 back to %1?\n\nIf someone changed it after the newest change shown "
             "here, nothing is written.").arg(uri, when);
    if (!Prompt::question(this, tr("Revert"), question))
        return false;

    QJsonObject data = targetData(entry);
    data.remove(QLatin1String("last_modified")); // the server stamps the new version
    Job *job = nullptr;
    if (deleted) {
        job = m_client->create(*ref, data); // If-None-Match: *: refused if re-created meanwhile
    } else {
        KintoWrite write;
        write.ifMatch = seen; // the version the user saw, not the server's current one
        job = m_client->update(*ref, data, write);
    }
    qCInfo(lcHistoryView) << "reverting" << uri << "to the version of" << when << "If-Match" << seen;
    m_write = job;
    m_revert->setEnabled(false);
    m_purge->setEnabled(false);
    setStatus(tr("Reverting %1…").arg(uri));
    connect(job, &Job::finished, this, [this, job, uri, when] {
        m_purge->setEnabled(true);
        m_write = nullptr;
        if (job->hasError()) {
            const ApiError error = job->error();
            QString message;
            if (error.isPreconditionFailed()) {
                message = tr("%1 was changed by someone else after the newest version shown here, so it was "
                             "not reverted (HTTP 412, nothing was written). Refresh the history to see that "
                             "change, then revert again if you still want to.").arg(uri);
            } else {
                message = tr("Could not revert %1: %2").arg(uri, error.toString());
            }
            setStatus(message, true);
            Prompt::warning(this, tr("Revert"), message);
            updateSelection();
            Q_EMIT revertFailed(error);
            return;
        }
        m_notice = tr("%1 reverted to its version of %2.").arg(uri, when);
        m_model->reload();
        Q_EMIT reverted(uri);
    });
    return true;
}

void HistoryView::purge()
{
    if (!m_client || m_write || m_bucket.isEmpty())
        return;
    const HistoryFilter filter = m_model->filter();
    QStringList conditions;
    if (!filter.resourceName.isEmpty())
        conditions << tr("resource %1").arg(filter.resourceName);
    if (filter.since.isValid())
        conditions << tr("since %1").arg(QLocale().toString(filter.since, QLocale::ShortFormat));
    if (!filter.user.isEmpty())
        conditions << tr("user %1").arg(filter.user);
    if (!filter.uri.isEmpty())
        conditions << tr("object %1").arg(filter.uri);
    const QString scope = conditions.isEmpty() ? tr("ALL history entries") : tr("the history entries matching: %1")
                                                                                  .arg(conditions.join(QStringLiteral(", ")));
    if (!Prompt::question(this, tr("Purge history"),
                          tr("Delete %1 of bucket %2?\n\nThis cannot be undone.").arg(scope, m_bucket))) {
        return;
    }
    Job *job = m_client->purgeHistory(m_bucket, m_model->filterOptions());
    m_write = job;
    m_purge->setEnabled(false);
    m_revert->setEnabled(false);
    setStatus(tr("Purging…"));
    qCInfo(lcHistoryView) << "purging the history of" << m_bucket << "with" << conditions;
    connect(job, &Job::finished, this, [this, job] {
        m_write = nullptr;
        m_purge->setEnabled(true);
        if (job->hasError()) {
            const QString message = tr("Could not purge the history: %1").arg(job->error().toString());
            setStatus(message, true);
            Prompt::warning(this, tr("Purge history"), message);
            updateSelection();
            Q_EMIT purgeFailed(job->error());
            return;
        }
        const int count = int(job->result().toArray().size());
        m_notice = tr("%n history entrie(s) purged.", nullptr, count);
        m_model->reload();
        Q_EMIT purged(count);
    });
}
