#include "requestlogmodel.h"
#include "tones.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

RequestLogModel::RequestLogModel(RequestLog *log, QObject *parent)
    : QAbstractTableModel(parent)
    , m_log(log)
{
    if (!log)
        return;
    m_entries = log->entries();
    connect(log, &RequestLog::appended, this, &RequestLogModel::onAppended);
    connect(log, &RequestLog::trimmed, this, &RequestLogModel::onTrimmed);
    connect(log, &RequestLog::cleared, this, &RequestLogModel::onCleared);
    connect(log, &QObject::destroyed, this, &RequestLogModel::onCleared);
}

const RequestLogEntry *RequestLogModel::entry(int row) const
{
    if (row < 0 || row >= m_entries.size())
        return nullptr;
    return &m_entries.at(row);
}

QStringList RequestLogModel::tenants() const
{
    QStringList names;
    for (const RequestLogEntry &e : m_entries) {
        if (!e.tenant.isEmpty() && !names.contains(e.tenant))
            names.append(e.tenant);
    }
    names.sort(Qt::CaseInsensitive);
    return names;
}

int RequestLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int RequestLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool RequestLogModel::isFailed(const RequestLogEntry &entry)
{
    return !entry.error.isEmpty() || entry.status >= 400;
}

QString RequestLogModel::statusText(const RequestLogEntry &entry)
{
    if (entry.dryRun)
        return tr("dry run");
    if (entry.status > 0)
        return QString::number(entry.status);
    return QStringLiteral("—");
}

QVariant RequestLogModel::displayData(const RequestLogEntry &entry, int column) const
{
    const QLocale locale;
    switch (column) {
    case TimeColumn:
        return entry.started.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"));
    case MethodColumn:
        return QString::fromLatin1(entry.method);
    case UrlColumn:
        return entry.url;
    case StatusColumn:
        return statusText(entry);
    case DurationColumn:
        if (entry.dryRun)
            return QString();
        return entry.durationMs < 1000
            ? tr("%1 ms").arg(entry.durationMs)
            : tr("%1 s").arg(locale.toString(double(entry.durationMs) / 1000.0, 'f', 2));
    case SizeColumn: {
        // "0 B" rather than the locale's "0 bytes": the column is narrow and read at a glance.
        const auto size = [&locale](qint64 bytes) {
            return bytes < 1024 ? tr("%1 B").arg(bytes) : locale.formattedDataSize(bytes);
        };
        return tr("%1 / %2").arg(size(entry.bytesIn), size(entry.bytesOut));
    }
    case RetriesColumn:
        return entry.retries > 0 ? QString::number(entry.retries) : QString();
    case TenantColumn:
        return entry.tenant;
    default:
        return {};
    }
}

QVariant RequestLogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid))
        return {};
    const RequestLogEntry *e = entry(index.row());
    if (!e)
        return {};

    switch (role) {
    case Qt::DisplayRole:
        return displayData(*e, index.column());
    case Qt::ToolTipRole: {
        QString tip = e->url;
        if (!e->tenant.isEmpty())
            tip = e->tenant + QStringLiteral("\n") + tip;
        if (e->dryRun)
            tip += QStringLiteral("\n") + tr("Dry run: not sent");
        if (!e->error.isEmpty())
            tip += QStringLiteral("\n") + e->error;
        return tip;
    }
    case Qt::ForegroundRole:
        if (isFailed(*e))
            return QBrush(Tones::color(Tones::Tone::Error));
        if (e->dryRun)
            return QBrush(Tones::color(Tones::Tone::Muted));
        return {};
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case DurationColumn:
        case SizeColumn:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        case RetriesColumn:
            return QVariant::fromValue(Qt::AlignHCenter | Qt::AlignVCenter);
        default:
            return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
        }
    case EntryIdRole:
        return QVariant::fromValue(e->id);
    case StartedRole:
        return e->started;
    case TenantRole:
        return e->tenant;
    case MethodRole:
        return QString::fromLatin1(e->method);
    case UrlRole:
        return e->url;
    case StatusRole:
        return e->status;
    case DurationRole:
        return e->durationMs;
    case BytesInRole:
        return e->bytesIn;
    case BytesOutRole:
        return e->bytesOut;
    case RetriesRole:
        return e->retries;
    case DryRunRole:
        return e->dryRun;
    case FailedRole:
        return isFailed(*e);
    case ErrorRole:
        return e->error;
    default:
        return {};
    }
}

QVariant RequestLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case MethodColumn:
        return tr("Method");
    case UrlColumn:
        return tr("URL");
    case StatusColumn:
        return tr("Status");
    case DurationColumn:
        return tr("Duration");
    case SizeColumn:
        return tr("Size (in/out)");
    case RetriesColumn:
        return tr("Retries");
    case TenantColumn:
        return tr("Tenant");
    default:
        return {};
    }
}

QHash<int, QByteArray> RequestLogModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(EntryIdRole, "entryId");
    names.insert(StartedRole, "started");
    names.insert(TenantRole, "tenant");
    names.insert(MethodRole, "method");
    names.insert(UrlRole, "url");
    names.insert(StatusRole, "status");
    names.insert(DurationRole, "duration");
    names.insert(BytesInRole, "bytesIn");
    names.insert(BytesOutRole, "bytesOut");
    names.insert(RetriesRole, "retries");
    names.insert(DryRunRole, "dryRun");
    names.insert(FailedRole, "failed");
    names.insert(ErrorRole, "error");
    return names;
}

void RequestLogModel::onAppended(const RequestLogEntry &entry)
{
    const int row = int(m_entries.size());
    beginInsertRows({}, row, row);
    m_entries.append(entry);
    endInsertRows();
}

void RequestLogModel::onTrimmed(int removedFromFront)
{
    // The log trims what it holds; never remove more rows than the model has.
    const int count = qMin(removedFromFront, int(m_entries.size()));
    if (count <= 0)
        return;
    beginRemoveRows({}, 0, count - 1);
    m_entries.remove(0, count);
    endRemoveRows();
}

void RequestLogModel::onCleared()
{
    if (m_entries.isEmpty())
        return;
    beginResetModel();
    m_entries.clear();
    endResetModel();
}
