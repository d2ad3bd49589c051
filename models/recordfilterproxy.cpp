#include "recordfilterproxy.h"

#include "recordtablemodel.h"

#include <QJsonValue>

RecordFilterProxy::RecordFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    // The proxy's own sort column stays -1 (sort() is the server's), so rows keep the server's
    // order; dynamic filtering re-checks a row when updateRecord() changes it.
}

void RecordFilterProxy::setQuickFilter(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    invalidateFilter();
}

void RecordFilterProxy::sort(int column, Qt::SortOrder order)
{
    if (sourceModel())
        sourceModel()->sort(column, order);
}

bool RecordFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_text.isEmpty())
        return true;
    const QAbstractItemModel *source = sourceModel();
    const int columns = source->columnCount(sourceParent);
    const QModelIndex first = source->index(sourceRow, 0, sourceParent);
    if (first.data(RecordTableModel::RecordIdRole).toString().contains(m_text, Qt::CaseInsensitive))
        return true;
    for (int column = 0; column < columns; ++column) {
        const QModelIndex index = source->index(sourceRow, column, sourceParent);
        QString text = index.data(Qt::DisplayRole).toString();
        if (text.isEmpty()) {
            const QVariant raw = index.data(RecordTableModel::RawValueRole);
            if (raw.canConvert<QJsonValue>() && raw.value<QJsonValue>().isBool())
                text = raw.value<QJsonValue>().toBool() ? QStringLiteral("true") : QStringLiteral("false");
        }
        if (text.contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}
