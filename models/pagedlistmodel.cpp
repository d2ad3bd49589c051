#include "pagedlistmodel.h"

#include "net/job.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QLocale>
#include <QTimer>

namespace {

const QString LastModifiedField = QStringLiteral("last_modified");
constexpr int DisplayLimit = 200; // characters of compact JSON shown in a cell

} // namespace

PagedListModel::PagedListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

PagedListModel::~PagedListModel()
{
    if (m_job) {
        m_job->disconnect(this); // no callback into a model being destroyed
        m_job->cancel();
    }
}

void PagedListModel::setStrategy(std::unique_ptr<PageStrategy> strategy)
{
    cancelPage();
    m_strategy = std::move(strategy);
}

// --- Paging

void PagedListModel::clear()
{
    cancelPage();
    m_next.reset();
    m_complete = false;
    m_lastError = {};
    m_failedAt.invalidate();
    const bool hadRows = !m_rows.isEmpty();
    if (hadRows) {
        beginResetModel();
        m_rows.clear();
        endResetModel();
    }
    setTotal(-1);
    if (hadRows)
        Q_EMIT loadedCountChanged(0);
}

namespace {
int preferred = 0;
}

void PagedListModel::setPreferredPageSize(int pageSize)
{
    preferred = qMax(0, pageSize);
}

int PagedListModel::preferredPageSize()
{
    return preferred;
}

int PagedListModel::effectivePageSize() const
{
    return (m_pageSize > 0 || m_takesPreferred) && preferred > 0 ? preferred : m_pageSize;
}

void PagedListModel::reload()
{
    clear();
    send(PageRequest{0, effectivePageSize(), {}});
}

bool PagedListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_strategy && !m_fetching && !m_complete && m_next.has_value();
}

void PagedListModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    const PageRequest request = *m_next;
    const qint64 sinceFailure = m_failedAt.isValid() ? m_failedAt.elapsed() : RetryIntervalMs;
    if (m_lastError.isError() && sinceFailure < RetryIntervalMs) {
        setFetching(true); // the retry is as good as in flight: nobody else may start one
        const int generation = m_generation;
        QTimer::singleShot(int(RetryIntervalMs - sinceFailure), this, [this, request, generation] {
            if (generation == m_generation && !m_job)
                send(request);
        });
        return;
    }
    send(request);
}

void PagedListModel::send(const PageRequest &request)
{
    Job *job = m_strategy ? m_strategy->start(request) : nullptr;
    if (!job) {
        setFetching(false); // the client is gone: stay as we are
        return;
    }
    m_request = request;
    m_next.reset();
    m_job = job;
    connect(job, &Job::finished, this, [this, job] { onPageFinished(job); });
    setFetching(true);
}

void PagedListModel::onPageFinished(Job *job)
{
    if (job != m_job)
        return; // cancelled by a reload
    m_job = nullptr;
    Page page;
    ApiError error = job->hasError() ? job->error() : m_strategy->read(job, m_request, &page);
    if (error.isError()) {
        m_next = m_request; // the retry asks for this page again
        setFetching(false);
        if (error.isCancelled())
            return;
        m_lastError = error;
        m_failedAt.start();
        Q_EMIT pageFailed(error);
        return;
    }

    m_lastError = {};
    m_next = page.next;
    m_complete = !page.next.has_value();
    setFetching(false); // before the insert: a view may ask for more from rowsInserted()
    QList<QJsonObject> objects;
    objects.reserve(page.items.size());
    for (const QJsonValue &item : std::as_const(page.items)) {
        if (item.isObject()) // anything else is not a row: skip it rather than trust it
            objects.append(item.toObject());
    }
    if (!objects.isEmpty()) {
        const int first = loadedCount();
        pageArriving(first, objects);
        beginInsertRows({}, first, first + int(objects.size()) - 1);
        for (const QJsonObject &object : std::as_const(objects))
            m_rows.append(object);
        endInsertRows();
        Q_EMIT loadedCountChanged(loadedCount());
    }
    if (m_complete)
        setTotal(loadedCount()); // the listing may have changed since a count
    else if (page.total >= 0)
        setTotal(page.total);
    Q_EMIT pageLoaded();
}

void PagedListModel::cancelPage()
{
    ++m_generation;
    if (Job *job = m_job) {
        m_job = nullptr; // its finished() must not touch what comes next
        job->cancel();
    }
    setFetching(false);
}

void PagedListModel::setFetching(bool fetching)
{
    if (fetching == m_fetching)
        return;
    m_fetching = fetching;
    Q_EMIT fetchingChanged(fetching);
}

void PagedListModel::setTotal(qint64 total)
{
    if (total == m_total)
        return;
    m_total = total;
    Q_EMIT totalChanged(total);
}

// --- Rows

QJsonObject PagedListModel::rowObject(int row) const
{
    return row >= 0 && row < loadedCount() ? m_rows.at(row) : QJsonObject();
}

QJsonValue PagedListModel::value(int row, const QString &field) const
{
    return row >= 0 && row < loadedCount() ? m_rows.value(row, field) : QJsonValue(QJsonValue::Undefined);
}

int PagedListModel::rowOfIdField(const QString &id) const
{
    return id.isEmpty() ? -1 : int(m_rows.indexOf(id));
}

void PagedListModel::pageArriving(int, const QList<QJsonObject> &)
{
}

void PagedListModel::replaceRow(int row, const QJsonObject &object)
{
    if (row < 0 || row >= loadedCount())
        return;
    m_rows.replace(row, object);
    if (!m_columns.isEmpty())
        Q_EMIT dataChanged(index(row, 0), index(row, int(m_columns.size()) - 1));
}

void PagedListModel::insertRowAt(int row, const QJsonObject &object)
{
    row = qBound(0, row, loadedCount());
    beginInsertRows({}, row, row);
    m_rows.insert(row, object);
    endInsertRows();
    Q_EMIT loadedCountChanged(loadedCount());
}

void PagedListModel::removeRowRange(int first, int count)
{
    if (first < 0 || count <= 0 || first + count > loadedCount())
        return;
    beginRemoveRows({}, first, first + count - 1);
    m_rows.remove(first, count);
    endRemoveRows();
    Q_EMIT loadedCountChanged(loadedCount());
}

// --- Columns

void PagedListModel::setColumnFields(const QStringList &columns)
{
    if (columns == m_columns)
        return;
    QStringList kept;
    for (const QString &field : std::as_const(m_columns)) {
        if (columns.contains(field))
            kept.append(field);
    }
    if (columns.mid(0, kept.size()) == kept) {
        for (int i = int(m_columns.size()) - 1; i >= 0; --i) {
            if (columns.contains(m_columns.at(i)))
                continue;
            beginRemoveColumns({}, i, i);
            m_columns.removeAt(i);
            endRemoveColumns();
        }
        if (columns.size() > m_columns.size()) {
            beginInsertColumns({}, int(m_columns.size()), int(columns.size()) - 1);
            m_columns = columns;
            endInsertColumns();
        }
    } else {
        beginResetModel();
        m_columns = columns;
        endResetModel();
    }
    Q_EMIT columnsChanged(m_columns);
}

// --- Model interface

int PagedListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : loadedCount();
}

int PagedListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant PagedListModel::data(const QModelIndex &index, int role) const
{
    if (role != Qt::DisplayRole
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QString &field = m_columns.at(index.column());
    return displayText(m_rows.value(index.row(), field), field);
}

QVariant PagedListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section >= 0 && section < m_columns.size())
        return m_columns.at(section);
    return QAbstractTableModel::headerData(section, orientation, role);
}

QString PagedListModel::compactJson(const QJsonValue &value, int limit)
{
    const QByteArray json = value.isObject() ? QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact)
                                             : QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    QString text = QString::fromUtf8(json);
    if (text.size() > limit)
        text = text.left(limit) + QStringLiteral("…");
    return text;
}

QString PagedListModel::displayText(const QJsonValue &value, const QString &field)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double: {
        const double number = value.toDouble();
        if (field == LastModifiedField)
            return QDateTime::fromMSecsSinceEpoch(qint64(number)).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        constexpr double exactIntegers = 9007199254740992.0; // 2^53
        if (number == double(qint64(number)) && qAbs(number) < exactIntegers)
            return QString::number(qint64(number));
        return QString::number(number, 'g', QLocale::FloatingPointShortest);
    }
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Object:
    case QJsonValue::Array:
        return compactJson(value, DisplayLimit);
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return {};
}
