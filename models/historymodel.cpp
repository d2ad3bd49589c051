#include "historymodel.h"

#include "kintoclient.h"
#include "kintopagestrategy.h"

#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>

namespace {

QString text(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString();
}

qint64 number(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toVariant().toLongLong();
}

QJsonObject targetData(const QJsonObject &entry)
{
    return entry.value(QLatin1String("target")).toObject().value(QLatin1String("data")).toObject();
}

// A filter value: wildcards make it a like_ filter, otherwise an exact match.
KintoFilter textFilter(const QString &field, const QString &value)
{
    const bool like = value.contains(QLatin1Char('*'));
    return KintoFilter { field, like ? QStringLiteral("like") : QString(), QJsonValue(value) };
}

} // namespace

HistoryModel::HistoryModel(KintoClient *client, QObject *parent)
    : PagedListModel(parent)
    , m_client(client)
{
    setPageSize(200);
    // The fields behind the columns, in Column order (data() formats them).
    setColumnFields({ QStringLiteral("date"), QStringLiteral("user_id"), QStringLiteral("action"),
                      QStringLiteral("resource_name"), QStringLiteral("uri") });
    connect(this, &PagedListModel::fetchingChanged, this, &HistoryModel::loadingChanged);
    connect(this, &PagedListModel::pageFailed, this, &HistoryModel::loadFailed);
}

HistoryModel::~HistoryModel() = default;

void HistoryModel::setBucket(const QString &bucket)
{
    if (bucket == m_bucket)
        return;
    m_bucket = bucket;
    reload();
}

void HistoryModel::setFilter(const HistoryFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    reload();
}

KintoListOptions HistoryModel::filterOptions() const
{
    KintoListOptions options;
    if (!m_filter.resourceName.isEmpty())
        options.filters.append({ QStringLiteral("resource_name"), QString(), m_filter.resourceName });
    if (!m_filter.collectionId.isEmpty())
        options.filters.append({ QStringLiteral("collection_id"), QString(), m_filter.collectionId });
    if (!m_filter.user.trimmed().isEmpty())
        options.filters.append(textFilter(QStringLiteral("user_id"), m_filter.user.trimmed()));
    if (!m_filter.uri.trimmed().isEmpty())
        options.filters.append(textFilter(QStringLiteral("uri"), m_filter.uri.trimmed()));
    if (m_filter.since.isValid())
        options.since = QString::number(m_filter.since.toMSecsSinceEpoch());
    return options;
}

void HistoryModel::reload()
{
    if (!m_client || m_bucket.isEmpty()) {
        clear();
        return;
    }
    KintoListOptions options = filterOptions();
    options.sort = QStringLiteral("-last_modified");
    setStrategy(std::make_unique<KintoPageStrategy>(m_client, KintoRef { KintoEndpoint::History, m_bucket, {}, {} }, options));
    PagedListModel::reload();
}

QJsonObject HistoryModel::entry(int row) const
{
    return rowObject(row);
}

std::optional<QJsonObject> HistoryModel::newestEntryFor(const QString &uri) const
{
    std::optional<QJsonObject> newest;
    for (int row = 0; row < loadedCount(); ++row) {
        const QJsonObject e = rows().at(row);
        if (text(e, "uri") != uri)
            continue;
        // Rows come sorted by the server; compare anyway so a reordered page cannot mislead a revert.
        if (!newest || number(e, "last_modified") > number(*newest, "last_modified"))
            newest = e;
    }
    return newest;
}

QMap<QDate, int> HistoryModel::changesPerDay() const
{
    QMap<QDate, int> counts;
    for (int row = 0; row < loadedCount(); ++row) {
        const QDateTime when = entryDate(rows().at(row));
        if (when.isValid())
            ++counts[when.toLocalTime().date()];
    }
    return counts;
}

QDateTime HistoryModel::entryDate(const QJsonObject &entry)
{
    QString iso = text(entry, "date");
    if (!iso.isEmpty()) {
        // Qt reads at most milliseconds: cut Python's microseconds to three digits.
        static const QRegularExpression fraction(QStringLiteral("(\\.\\d{3})\\d+"));
        iso.replace(fraction, QStringLiteral("\\1"));
        const QDateTime parsed = QDateTime::fromString(iso, Qt::ISODateWithMs);
        if (parsed.isValid())
            return parsed.toLocalTime();
    }
    const qint64 ms = number(entry, "last_modified");
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms) : QDateTime();
}

std::optional<KintoRef> HistoryModel::refForUri(const QString &uri)
{
    const QStringList parts = uri.split(QLatin1Char('/'));
    // "" buckets b [groups g | collections c [records r]]
    if (parts.size() < 3 || !parts.at(0).isEmpty() || parts.at(1) != QLatin1String("buckets") || parts.at(2).isEmpty())
        return std::nullopt;
    const QString bucket = parts.at(2);
    if (parts.size() == 3)
        return KintoRef::ofBucket(bucket);
    if (parts.size() == 5 && parts.at(3) == QLatin1String("groups") && !parts.at(4).isEmpty())
        return KintoRef::ofGroup(bucket, parts.at(4));
    if (parts.size() >= 5 && parts.at(3) == QLatin1String("collections") && !parts.at(4).isEmpty()) {
        if (parts.size() == 5)
            return KintoRef::ofCollection(bucket, parts.at(4));
        if (parts.size() == 7 && parts.at(5) == QLatin1String("records") && !parts.at(6).isEmpty())
            return KintoRef::ofRecord(bucket, parts.at(4), parts.at(6));
    }
    return std::nullopt;
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject e = rows().at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case DateColumn:
            return QLocale().toString(entryDate(e), QLocale::ShortFormat);
        case UserColumn: {
            const QString user = text(e, "user_id");
            return user.isEmpty() ? tr("(anonymous)") : user;
        }
        case ActionColumn:
            return text(e, "action");
        case ResourceColumn:
            return text(e, "resource_name");
        case UriColumn:
            return text(e, "uri");
        }
        return {};
    case Qt::ToolTipRole:
        return QStringLiteral("%1 %2 %3").arg(text(e, "action"), text(e, "uri"), entryDate(e).toString(Qt::ISODate));
    case EntryRole:
        return e;
    case DateRole:
        return entryDate(e);
    case UserIdRole:
        return text(e, "user_id");
    case ActionRole:
        return text(e, "action");
    case ResourceNameRole:
        return text(e, "resource_name");
    case UriRole:
        return text(e, "uri");
    case TargetDataRole:
        return targetData(e);
    case TargetLastModifiedRole:
        return number(targetData(e), "last_modified");
    case LastModifiedRole:
        return number(e, "last_modified");
    }
    return {};
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case DateColumn: return tr("Date");
    case UserColumn: return tr("User");
    case ActionColumn: return tr("Action");
    case ResourceColumn: return tr("Resource");
    case UriColumn: return tr("URI");
    }
    return {};
}

QHash<int, QByteArray> HistoryModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(EntryRole, "entry");
    names.insert(DateRole, "date");
    names.insert(UserIdRole, "userId");
    names.insert(ActionRole, "action");
    names.insert(ResourceNameRole, "resourceName");
    names.insert(UriRole, "uri");
    names.insert(TargetDataRole, "targetData");
    names.insert(TargetLastModifiedRole, "targetLastModified");
    names.insert(LastModifiedRole, "lastModified");
    return names;
}
