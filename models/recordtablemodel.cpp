#include "recordtablemodel.h"

#include "kintoclient.h"
#include "kintopagestrategy.h"

#include <QJsonArray>
#include <QSet>
#include <QSignalBlocker>

#include <algorithm>

Q_LOGGING_CATEGORY(lcRecordModel, "tenantdesk.models.records", QtInfoMsg)

namespace {

const QString IdField = QStringLiteral("id");
const QString LastModifiedField = QStringLiteral("last_modified");
constexpr int ToolTipLimit = 4000; // characters of compact JSON in a cell's tool tip
constexpr int SeenFieldsSample = 50; // records of the first page whose fields are offered

void appendUnique(QStringList &list, const QString &field)
{
    if (!field.isEmpty() && !list.contains(field))
        list.append(field);
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
    : PagedListModel(parent)
    , m_client(client)
    , m_bucket(bucket)
    , m_collection(collection)
{
    setPageSize(DefaultPageSize);
    setColumnFields({IdField, LastModifiedField});
    connect(this, &PagedListModel::fetchingChanged, this, &RecordTableModel::updateLoading);
    connect(this, &PagedListModel::pageFailed, this, &RecordTableModel::fail);
    connect(this, &PagedListModel::pageLoaded, this, &RecordTableModel::samplePageFields);
    // The quick filter's search texts follow the rows. These connections come before any view's
    // or proxy's, so a proxy filtering new or changed rows reads texts already up to date.
    connect(this, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int first, int last) {
        if (m_searchStale)
            return;
        if (first == m_arrivingFirst && m_arrivingTexts.size() == last - first + 1) {
            m_searchTexts.append(m_arrivingTexts); // a page: texts built from its decoded objects
        } else {
            m_searchTexts.insert(first, last - first + 1, QByteArray());
            indexRows(first, last);
        }
        m_arrivingTexts.clear();
        m_arrivingFirst = -1;
    });
    connect(this, &QAbstractItemModel::rowsRemoved, this, [this](const QModelIndex &, int first, int last) {
        if (!m_searchStale)
            m_searchTexts.remove(first, last - first + 1);
    });
    connect(this, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
        if (!m_searchStale)
            indexRows(topLeft.row(), bottomRight.row());
    });
    const auto stale = [this] {
        m_searchTexts.clear();
        m_searchStale = loadedCount() > 0; // an empty model is in step
    };
    connect(this, &QAbstractItemModel::modelReset, this, stale);
    connect(this, &QAbstractItemModel::columnsInserted, this, stale);
    connect(this, &QAbstractItemModel::columnsRemoved, this, stale);
    connect(this, &QAbstractItemModel::columnsMoved, this, stale);
    connect(this, &QAbstractItemModel::layoutChanged, this, stale);
    fetchCollection();
}

RecordTableModel::~RecordTableModel()
{
    // No signal may reach views that are being destroyed with us.
    const QSignalBlocker blocker(this);
    cancelCollectionAndCount(true);
}

bool RecordTableModel::isLoading() const
{
    return m_collectionJob || m_countJob || isFetching();
}

// --- Loading

void RecordTableModel::reload()
{
    cancelCollectionAndCount(true);
    clear();
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
    startPages();
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
    setColumnFields(columns);
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
        else if (!isComplete()) // once every page is in, the rows are the count
            setTotal(qint64(job->result().toDouble()));
        updateLoading();
    });
    updateLoading();
}

void RecordTableModel::startPages()
{
    if (!m_client)
        return;
    KintoListOptions options;
    options.sort = m_sort;
    options.filters = m_filters;
    setStrategy(std::make_unique<KintoPageStrategy>(m_client, KintoRef::ofRecords(m_bucket, m_collection), options));
    PagedListModel::reload();
}

void RecordTableModel::samplePageFields()
{
    if (!m_seenFields.isEmpty())
        return;
    for (int row = 0; row < loadedCount() && row < SeenFieldsSample; ++row) {
        const QJsonObject record = rows().at(row);
        for (auto it = record.constBegin(); it != record.constEnd(); ++it)
            appendUnique(m_seenFields, it.key());
    }
    std::sort(m_seenFields.begin(), m_seenFields.end());
}

void RecordTableModel::cancelCollectionAndCount(bool collectionToo)
{
    // Forget the jobs first: their handlers ignore jobs that are no longer current.
    QList<QPointer<Job>> jobs{m_countJob};
    if (collectionToo) {
        jobs.append(m_collectionJob);
        m_collectionJob = nullptr;
    }
    m_countJob = nullptr;
    for (const QPointer<Job> &job : jobs) {
        if (job && !job->isFinished())
            job->cancel();
    }
    updateLoading();
}

void RecordTableModel::restartRows()
{
    cancelCollectionAndCount(false);
    clear();
    if (!m_collectionJob) { // else the collection's arrival starts them
        startCount();
        startPages();
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
    if (column < 0 || column >= columnCount()) {
        // No column: back to the collection's own order.
        m_userSort = false;
        const QString fallback = m_collectionData.value(QLatin1String("sort")).toString();
        if (fallback != m_sort) {
            m_sort = fallback;
            restartRows();
        }
        return;
    }
    const QString field = columns().at(column);
    setSortParameter(order == Qt::DescendingOrder ? QLatin1Char('-') + field : field);
}

void RecordTableModel::setFilters(const QList<KintoFilter> &filters)
{
    m_filters = filters;
    restartRows();
}

RecordTableModel::Choices RecordTableModel::choices() const
{
    return {m_userColumns ? columns() : QStringList(), m_userSort ? m_sort : QString(), m_filters};
}

void RecordTableModel::applyChoices(const Choices &choices)
{
    m_filters = choices.filters;
    m_userSort = !choices.sort.isEmpty();
    if (m_userSort)
        m_sort = choices.sort;
    else if (!m_collectionJob)
        m_sort = m_collectionData.value(QLatin1String("sort")).toString();
    if (!choices.columns.isEmpty())
        setColumns(choices.columns);
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
    setColumnFields(columns);
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
    for (const QString &field : columns())
        appendUnique(fields, field);
    return fields;
}

// --- Record helpers

QString RecordTableModel::recordId(int row) const
{
    return row >= 0 && row < loadedCount() ? rows().id(row) : QString();
}

QJsonObject RecordTableModel::record(int row) const
{
    return rowObject(row);
}

int RecordTableModel::rowOfId(const QString &id) const
{
    return rowOfIdField(id);
}

void RecordTableModel::updateRecord(const QJsonObject &record)
{
    const QString id = record.value(IdField).toString();
    if (id.isEmpty())
        return;
    const int row = rowOfId(id);
    if (row >= 0) {
        replaceRow(row, record);
        return;
    }
    insertRowAt(0, record);
    if (total() >= 0)
        setTotal(total() + 1);
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
        if (!wanted.contains(rows().id(row))) {
            --row;
            continue;
        }
        const int last = row;
        while (row - 1 >= 0 && wanted.contains(rows().id(row - 1)))
            --row;
        removeRowRange(row, last - row + 1);
        removed += last - row + 1;
        --row;
    }
    if (removed > 0 && total() >= 0)
        setTotal(qMax<qint64>(0, total() - removed));
}

// --- Quick filter's search texts

void RecordTableModel::pageArriving(int first, const QList<QJsonObject> &objects)
{
    m_arrivingTexts.clear();
    m_arrivingFirst = -1;
    if (m_searchStale || first != m_searchTexts.size())
        return;
    m_arrivingFirst = first;
    m_arrivingTexts.reserve(objects.size());
    for (const QJsonObject &object : objects)
        m_arrivingTexts.append(buildSearchText(object));
}

QByteArray RecordTableModel::buildSearchText(const QJsonObject &record) const
{
    QString text = record.value(IdField).toString();
    text += QLatin1Char(SearchSeparator);
    for (const QString &field : columns()) {
        text += displayText(KintoRecordSet::valueAt(record, field), field);
        text += QLatin1Char(SearchSeparator);
    }
    QByteArray folded = text.toCaseFolded().toUtf8();
    folded.squeeze();
    return folded;
}

void RecordTableModel::indexRows(int first, int last)
{
    last = qMin(last, int(m_searchTexts.size()) - 1);
    for (int row = qMax(0, first); row <= last; ++row)
        m_searchTexts[row] = buildSearchText(rows().at(row));
}

void RecordTableModel::rebuildSearchTexts() const
{
    m_searchTexts.clear();
    m_searchTexts.reserve(loadedCount());
    for (int row = 0; row < loadedCount(); ++row)
        m_searchTexts.append(buildSearchText(rows().at(row)));
    m_searchStale = false;
}

QByteArrayView RecordTableModel::searchText(int row) const
{
    if (m_searchStale || m_searchTexts.size() != loadedCount())
        rebuildSearchTexts();
    if (row < 0 || row >= m_searchTexts.size())
        return {};
    return m_searchTexts.at(row);
}

qint64 RecordTableModel::searchTextBytes() const
{
    // Each text: its bytes, a terminating NUL, a 16-byte array header and about 16 bytes of
    // allocator overhead; each list slot is one QByteArray (24 bytes).
    qint64 bytes = qint64(m_searchTexts.capacity()) * qint64(sizeof(QByteArray));
    for (const QByteArray &text : std::as_const(m_searchTexts))
        bytes += text.capacity() + 1 + 32;
    return bytes;
}

// --- Model interface

QJsonValue RecordTableModel::cell(int row, int column) const
{
    return rows().value(row, columns().at(column));
}

QVariant RecordTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    switch (role) {
    case RecordIdRole:
        return rows().id(row);
    case RecordRole:
        return rows().at(row);
    case LastModifiedRole:
        return rows().at(row).value(LastModifiedField).toInteger();
    case RawValueRole:
        return QVariant::fromValue(cell(row, index.column()));
    case Qt::DisplayRole: {
        const QJsonValue value = cell(row, index.column());
        if (value.isBool())
            return {}; // shown as a check box
        return displayText(value, columns().at(index.column()));
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
        if (columns().at(index.column()) == LastModifiedField && value.isDouble())
            return QString::number(value.toInteger());
        return {};
    }
    case Qt::TextAlignmentRole:
        if (cell(row, index.column()).isDouble() && columns().at(index.column()) != LastModifiedField)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant RecordTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    const QString &field = columns().at(section);
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
