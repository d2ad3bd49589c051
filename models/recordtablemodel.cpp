#include "recordtablemodel.h"

#include <QSignalBlocker>

#include "kintoclient.h"
#include "kintolistjob.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTimer>

#include <algorithm>

Q_LOGGING_CATEGORY(lcRecordModel, "tenantdesk.models.records", QtInfoMsg)

namespace {

const QString IdField = QStringLiteral("id");
const QString LastModifiedField = QStringLiteral("last_modified");
constexpr int DisplayLimit = 200;  // characters of compact JSON shown in a cell
constexpr int ToolTipLimit = 4000; // and in its tool tip
constexpr int RetryIntervalMs = 500; // a view asking again at once after a failure waits this long
constexpr int SeenFieldsSample = 50; // records of the first page whose fields are offered

void appendUnique(QStringList &list, const QString &field)
{
    if (!field.isEmpty() && !list.contains(field))
        list.append(field);
}

QString compactJson(const QJsonValue &value, int limit)
{
    const QByteArray json = value.isObject() ? QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact)
                                             : QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    QString text = QString::fromUtf8(json);
    if (text.size() > limit)
        text = text.left(limit) + QStringLiteral("…");
    return text;
}

// The schema's top-level properties: "ui:order" of the uiSchema first (its "*" stands for the
// rest), then the others by name (QJsonObject keeps keys sorted, the schema's own order is lost).
QStringList schemaProperties(const QJsonObject &collection)
{
    const QJsonObject properties = collection.value(QLatin1String("schema")).toObject()
                                       .value(QLatin1String("properties")).toObject();
    QStringList ordered;
    const QJsonArray order = collection.value(QLatin1String("uiSchema")).toObject()
                                 .value(QLatin1String("ui:order")).toArray();
    for (const QJsonValue &name : order) {
        if (properties.contains(name.toString()))
            appendUnique(ordered, name.toString());
    }
    for (auto it = properties.constBegin(); it != properties.constEnd(); ++it)
        appendUnique(ordered, it.key());
    return ordered;
}

} // namespace

RecordTableModel::RecordTableModel(KintoClient *client, const QString &bucket, const QString &collection,
                                   QObject *parent)
    : QAbstractTableModel(parent)
    , m_client(client)
    , m_bucket(bucket)
    , m_collection(collection)
    , m_columns{IdField, LastModifiedField}
{
    fetchCollection();
}

RecordTableModel::~RecordTableModel()
{
    // No signal may reach views that are being destroyed with us.
    const QSignalBlocker blocker(this);
    cancelRequests(true);
}

void RecordTableModel::setPageSize(int pageSize)
{
    m_pageSize = qMax(1, pageSize);
}

bool RecordTableModel::isLoading() const
{
    return m_collectionJob || m_countJob || m_pageInFlight;
}

// --- Loading

void RecordTableModel::reload()
{
    cancelRequests(true);
    resetRows();
    fetchCollection();
}

void RecordTableModel::fetchCollection()
{
    if (!m_client)
        return;
    Job *job = m_client->getCollection(m_bucket, m_collection);
    m_collectionJob = job;
    connect(job, &Job::finished, this, [this, job] { onCollection(job); });
    updateLoading();
}

void RecordTableModel::onCollection(Job *job)
{
    if (job != m_collectionJob)
        return; // cancelled by a reload
    m_collectionJob = nullptr;
    if (job->hasError()) {
        // Records may be readable without the collection object (a record-level permission):
        // go on with the default columns; a real problem shows when the records are listed.
        qCInfo(lcRecordModel) << "collection" << m_bucket << m_collection << "unreadable:" << job->error().toString();
        m_collectionData = {};
    } else {
        m_collectionData = job->result().toObject().value(QLatin1String("data")).toObject();
        const QString sort = m_collectionData.value(QLatin1String("sort")).toString();
        if (!m_userSort)
            m_sort = sort; // Kinto Admin's per-collection default order
    }
    applyDefaultColumns();
    Q_EMIT collectionLoaded();
    startCount();
    startPages(0);
}

void RecordTableModel::applyDefaultColumns()
{
    if (m_userColumns)
        return;
    QStringList columns;
    for (const QJsonValue &field : m_collectionData.value(QLatin1String("displayFields")).toArray())
        appendUnique(columns, field.toString());
    if (columns.isEmpty())
        columns = schemaProperties(m_collectionData);
    if (columns.isEmpty())
        columns << IdField;
    appendUnique(columns, LastModifiedField);
    setColumnsInternal(columns);
}

void RecordTableModel::resetRows()
{
    const bool hadRows = !m_records.isEmpty();
    beginResetModel();
    m_records.clear();
    m_complete = false;
    m_retryPending = false;
    m_skip = 0;
    endResetModel();
    setTotal(-1);
    if (hadRows)
        Q_EMIT loadedCountChanged(0);
}

void RecordTableModel::startCount()
{
    if (!m_client)
        return;
    KintoListOptions options;
    options.filters = m_filters;
    Job *job = m_client->countRecords(m_bucket, m_collection, options);
    m_countJob = job;
    connect(job, &Job::finished, this, [this, job] {
        if (job != m_countJob)
            return;
        m_countJob = nullptr;
        if (job->hasError())
            fail(job->error());
        else if (!m_complete) // once every page is in, the rows are the count
            setTotal(qint64(job->result().toDouble()));
        updateLoading();
    });
    updateLoading();
}

void RecordTableModel::startPages(int skip)
{
    if (!m_client)
        return;
    KintoListOptions options;
    options.limit = m_pageSize;
    options.sort = m_sort;
    options.filters = m_filters;
    KintoListJob *job = m_client->getPaginatedRecords(m_bucket, m_collection, options, KintoListJob::Mode::OnDemand);
    m_pageJob = job;
    m_pageInFlight = true;
    m_hasMore = false;
    m_retryPending = false;
    m_skip = skip;
    connect(job, &KintoListJob::page, this, [this, job](const QJsonArray &items, bool last) {
        if (job == m_pageJob)
            onPage(items, last);
    });
    connect(job, &Job::finished, this, [this, job] { onPagesFinished(job); });
    updateLoading();
}

void RecordTableModel::onPage(const QJsonArray &items, bool last)
{
    m_pageInFlight = false;
    m_lastError = {};
    // Resuming after a failed page: the pages before it are already here.
    const qsizetype from = qMin<qsizetype>(m_skip, items.size());
    m_skip -= int(from);

    if (m_seenFields.isEmpty()) {
        for (qsizetype i = 0; i < items.size() && i < SeenFieldsSample; ++i) {
            const QJsonObject record = items.at(i).toObject();
            for (auto it = record.constBegin(); it != record.constEnd(); ++it)
                appendUnique(m_seenFields, it.key());
        }
        std::sort(m_seenFields.begin(), m_seenFields.end());
    }

    m_hasMore = !last; // before the insert: a view may ask for more from rowsInserted()
    if (from < items.size()) {
        const int first = loadedCount();
        beginInsertRows({}, first, first + int(items.size() - from) - 1);
        for (qsizetype i = from; i < items.size(); ++i)
            m_records.append(items.at(i).toObject());
        endInsertRows();
        Q_EMIT loadedCountChanged(loadedCount());
    }

    if (last) {
        m_complete = true;
        setTotal(loadedCount()); // the count may have changed since the HEAD
    } else if (from > 0 && from == items.size()) {
        requestNextPage(); // still skipping what is already here
    }
    updateLoading();
}

void RecordTableModel::requestNextPage()
{
    m_pageInFlight = true;
    // The job takes the next page only once its page() signal has returned (it may be the caller).
    QPointer<KintoListJob> job = m_pageJob;
    QTimer::singleShot(0, this, [job] {
        if (job)
            job->fetchMore();
    });
}

void RecordTableModel::onPagesFinished(KintoListJob *job)
{
    if (job != m_pageJob)
        return; // cancelled by a reset
    m_pageJob = nullptr;
    m_pageInFlight = false;
    if (job->hasError() && !m_complete) {
        m_retryPending = true;
        m_skip = 0;
        m_lastError = job->error();
        m_failedAt.start();
        fail(job->error());
    }
    updateLoading();
}

bool RecordTableModel::canFetchMore(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_client || m_complete || m_pageInFlight)
        return false;
    return m_retryPending || (m_pageJob && m_hasMore);
}

void RecordTableModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    if (m_retryPending) {
        // A view may ask again as soon as the failure is shown: do not hammer the server.
        const int wait = m_failedAt.isValid() ? int(qMax<qint64>(0, RetryIntervalMs - m_failedAt.elapsed())) : 0;
        m_pageInFlight = true;
        QTimer::singleShot(wait, this, [this] {
            if (m_pageJob || m_complete || !m_retryPending)
                return;
            startPages(loadedCount());
        });
        updateLoading();
        return;
    }
    requestNextPage();
    updateLoading();
}

void RecordTableModel::cancelRequests(bool collectionToo)
{
    // Forget the jobs first: their handlers ignore jobs that are no longer current.
    QList<QPointer<Job>> jobs{m_countJob, QPointer<Job>(m_pageJob.data())};
    if (collectionToo) {
        jobs.append(m_collectionJob);
        m_collectionJob = nullptr;
    }
    m_countJob = nullptr;
    m_pageJob = nullptr;
    m_pageInFlight = false;
    for (const QPointer<Job> &job : jobs) {
        if (job && !job->isFinished())
            job->cancel();
    }
    updateLoading();
}

void RecordTableModel::restartRows()
{
    cancelRequests(false);
    resetRows();
    if (!m_collectionJob) { // else the collection's arrival starts them
        startCount();
        startPages(0);
    }
}

void RecordTableModel::fail(const ApiError &error)
{
    if (error.isCancelled())
        return;
    qCInfo(lcRecordModel) << "records of" << m_bucket << m_collection << "failed:" << error.toString();
    Q_EMIT this->error(error);
}

void RecordTableModel::updateLoading()
{
    const bool loading = isLoading();
    if (loading == m_loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged(loading);
}

void RecordTableModel::setTotal(qint64 total)
{
    if (total == m_total)
        return;
    m_total = total;
    Q_EMIT totalChanged(total);
}

// --- Sorting and filtering (the server's)

void RecordTableModel::setSortParameter(const QString &sort)
{
    m_userSort = true;
    if (sort == m_sort)
        return;
    m_sort = sort;
    restartRows();
}

void RecordTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= m_columns.size()) {
        // No column: back to the collection's own order.
        m_userSort = false;
        const QString fallback = m_collectionData.value(QLatin1String("sort")).toString();
        if (fallback != m_sort) {
            m_sort = fallback;
            restartRows();
        }
        return;
    }
    const QString field = m_columns.at(column);
    setSortParameter(order == Qt::DescendingOrder ? QLatin1Char('-') + field : field);
}

void RecordTableModel::setFilters(const QList<KintoFilter> &filters)
{
    m_filters = filters;
    restartRows();
}

// --- Columns

void RecordTableModel::setColumns(const QStringList &fields)
{
    QStringList columns;
    for (const QString &field : fields)
        appendUnique(columns, field.trimmed());
    if (columns.isEmpty()) {
        m_userColumns = false;
        applyDefaultColumns();
        return;
    }
    m_userColumns = true;
    setColumnsInternal(columns);
}

void RecordTableModel::setColumnsInternal(const QStringList &columns)
{
    if (columns == m_columns)
        return;
    QStringList kept;
    for (const QString &field : std::as_const(m_columns)) {
        if (columns.contains(field))
            kept.append(field);
    }
    if (columns.mid(0, kept.size()) == kept) {
        // Columns removed and/or appended (the column chooser's edits): the view keeps its rows,
        // scroll position and selection.
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

QStringList RecordTableModel::knownFields() const
{
    QStringList fields{IdField, LastModifiedField};
    for (const QJsonValue &field : m_collectionData.value(QLatin1String("displayFields")).toArray())
        appendUnique(fields, field.toString());
    const QJsonObject properties = schema().value(QLatin1String("properties")).toObject();
    for (const QString &name : schemaProperties(m_collectionData)) {
        appendUnique(fields, name);
        const QJsonObject nested = properties.value(name).toObject().value(QLatin1String("properties")).toObject();
        for (auto it = nested.constBegin(); it != nested.constEnd(); ++it)
            appendUnique(fields, name + QLatin1Char('.') + it.key());
    }
    for (const QString &field : m_seenFields)
        appendUnique(fields, field);
    for (const QString &field : m_columns)
        appendUnique(fields, field);
    return fields;
}

// --- Record helpers

QString RecordTableModel::recordId(int row) const
{
    return row >= 0 && row < loadedCount() ? m_records.id(row) : QString();
}

QJsonObject RecordTableModel::record(int row) const
{
    return m_records.at(row);
}

int RecordTableModel::rowOfId(const QString &id) const
{
    return id.isEmpty() ? -1 : int(m_records.indexOf(id));
}

void RecordTableModel::updateRecord(const QJsonObject &record)
{
    const QString id = record.value(IdField).toString();
    if (id.isEmpty())
        return;
    const int row = rowOfId(id);
    if (row >= 0) {
        m_records.replace(row, record);
        if (!m_columns.isEmpty())
            Q_EMIT dataChanged(index(row, 0), index(row, int(m_columns.size()) - 1));
        return;
    }
    beginInsertRows({}, 0, 0);
    m_records.insert(0, record);
    endInsertRows();
    if (m_total >= 0)
        setTotal(m_total + 1);
    Q_EMIT loadedCountChanged(loadedCount());
}

void RecordTableModel::removeRecordIds(const QStringList &ids)
{
    const QSet<QString> wanted(ids.begin(), ids.end());
    if (wanted.isEmpty())
        return;
    // One pass from the end, removing contiguous runs of rows at once.
    int removed = 0;
    int row = loadedCount() - 1;
    while (row >= 0) {
        if (!wanted.contains(m_records.id(row))) {
            --row;
            continue;
        }
        const int last = row;
        while (row - 1 >= 0 && wanted.contains(m_records.id(row - 1)))
            --row;
        beginRemoveRows({}, row, last);
        m_records.remove(row, last - row + 1);
        endRemoveRows();
        removed += last - row + 1;
        --row;
    }
    if (removed == 0)
        return;
    if (m_total >= 0)
        setTotal(qMax<qint64>(0, m_total - removed));
    Q_EMIT loadedCountChanged(loadedCount());
}

// --- Model interface

int RecordTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : loadedCount();
}

int RecordTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QJsonValue RecordTableModel::cell(int row, int column) const
{
    return m_records.value(row, m_columns.at(column));
}

QString RecordTableModel::displayText(const QJsonValue &value, const QString &field)
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

QVariant RecordTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    switch (role) {
    case RecordIdRole:
        return m_records.id(row);
    case RecordRole:
        return m_records.at(row);
    case LastModifiedRole:
        return m_records.at(row).value(LastModifiedField).toInteger();
    case RawValueRole:
        return QVariant::fromValue(cell(row, index.column()));
    case Qt::DisplayRole: {
        const QJsonValue value = cell(row, index.column());
        if (value.isBool())
            return {}; // shown as a check box
        return displayText(value, m_columns.at(index.column()));
    }
    case Qt::CheckStateRole: {
        const QJsonValue value = cell(row, index.column());
        if (value.isBool())
            return value.toBool() ? Qt::Checked : Qt::Unchecked;
        return {};
    }
    case Qt::ToolTipRole: {
        const QJsonValue value = cell(row, index.column());
        if (value.isObject() || value.isArray())
            return compactJson(value, ToolTipLimit);
        if (m_columns.at(index.column()) == LastModifiedField && value.isDouble())
            return QString::number(value.toInteger());
        return {};
    }
    case Qt::TextAlignmentRole:
        if (cell(row, index.column()).isDouble() && m_columns.at(index.column()) != LastModifiedField)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant RecordTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= m_columns.size())
        return QAbstractTableModel::headerData(section, orientation, role);
    const QString &field = m_columns.at(section);
    if (role == Qt::DisplayRole)
        return field;
    if (role == Qt::ToolTipRole) {
        // The schema's title and description of the field, when it has them.
        QJsonObject property = schema();
        for (const QString &part : field.split(QLatin1Char('.')))
            property = property.value(QLatin1String("properties")).toObject().value(part).toObject();
        const QString title = property.value(QLatin1String("title")).toString();
        const QString description = property.value(QLatin1String("description")).toString();
        if (title.isEmpty() && description.isEmpty())
            return field;
        return QStringList{title, description}.join(QLatin1Char('\n')).trimmed();
    }
    return {};
}

QHash<int, QByteArray> RecordTableModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(RecordIdRole, "recordId");
    names.insert(RecordRole, "record");
    names.insert(RawValueRole, "rawValue");
    names.insert(LastModifiedRole, "lastModified");
    return names;
}
