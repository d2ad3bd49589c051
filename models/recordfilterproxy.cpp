#include "recordfilterproxy.h"

#include "recordtablemodel.h"

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
    m_folded.setPattern(m_text.toCaseFolded().toUtf8());
    // invalidate() rebuilds the mapping at once (a layout change): far cheaper for a view of
    // 100,000 rows than the row-by-row insert/remove signals of invalidateFilter().
    invalidate();
}

void RecordFilterProxy::setSourceModel(QAbstractItemModel *model)
{
    m_records = qobject_cast<RecordTableModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
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
    if (m_records) {
        const QByteArrayView text = m_records->searchText(sourceRow);
        return m_folded.indexIn(text.data(), text.size()) >= 0;
    }
    const QAbstractItemModel *source = sourceModel();
    const int columns = source->columnCount(sourceParent);
    for (int column = 0; column < columns; ++column) {
        if (source->index(sourceRow, column, sourceParent).data().toString().contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}
