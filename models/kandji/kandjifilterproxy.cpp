#include "kandjifilterproxy.h"

#include "kandjilistmodel.h"

KandjiFilterProxy::KandjiFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
}

void KandjiFilterProxy::setTypeFilter(const QString &type)
{
    if (type == m_type)
        return;
    m_type = type;
    invalidateRowsFilter();
}

void KandjiFilterProxy::setTextFilter(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    invalidateRowsFilter();
}

bool KandjiFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_type.isEmpty() && !index.data(KandjiListModel::TypeRole).toStringList().contains(m_type))
        return false;
    if (m_text.isEmpty())
        return true;
    return index.data(Qt::DisplayRole).toString().contains(m_text, Qt::CaseInsensitive)
        || index.data(KandjiListModel::IdRole).toString().contains(m_text, Qt::CaseInsensitive);
}
