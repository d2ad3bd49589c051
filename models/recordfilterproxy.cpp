#include "recordfilterproxy.h"

#include "recordtablemodel.h"

#include <QJsonObject>
#include <QJsonValue>

#include <algorithm>

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
    // A date-time or a number shows only these characters: a text with any other cannot match one,
    // so the (costly) local date-time formatting is skipped for it.
    static const QString numeric = QStringLiteral("0123456789-:. +e");
    m_textMayBeNumeric = std::all_of(m_text.cbegin(), m_text.cend(), [](QChar c) { return numeric.contains(c.toLower()); });
    // invalidate() rebuilds the mapping at once (a layout change): far cheaper for a view of
    // 100,000 rows than the row-by-row insert/remove signals of invalidateFilter().
    invalidate();
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
    if (auto *records = qobject_cast<const RecordTableModel *>(sourceModel())) {
        // The record is decoded once and its shown fields read directly (the fast path over 100,000 rows).
        const QJsonObject record = records->record(sourceRow);
        if (record.value(QLatin1String("id")).toString().contains(m_text, Qt::CaseInsensitive))
            return true;
        for (const QString &field : records->columns()) {
            const QJsonValue value = KintoRecordSet::valueAt(record, field);
            if (value.isDouble() && !m_textMayBeNumeric)
                continue;
            if (RecordTableModel::displayText(value, field).contains(m_text, Qt::CaseInsensitive))
                return true;
        }
        return false;
    }
    const QAbstractItemModel *source = sourceModel();
    const int columns = source->columnCount(sourceParent);
    for (int column = 0; column < columns; ++column) {
        if (source->index(sourceRow, column, sourceParent).data().toString().contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}
