#pragma once

#include <QByteArrayMatcher>
#include <QPointer>
#include <QSortFilterProxyModel>

class RecordTableModel;

// The quick text filter over the rows a RecordTableModel has loaded: a row stays when any shown
// column (or the record's id) contains the text, case-insensitively; booleans match "true" and
// "false". It never sorts: sort() is passed to the source model, which asks the server.
// Rows arriving later (fetchMore) are filtered as they come. Over a RecordTableModel it searches
// the model's per-row search texts (RecordTableModel::searchText), not the records: 100,000 rows
// filter in a few tens of milliseconds.
class RecordFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit RecordFilterProxy(QObject *parent = nullptr);

    QString quickFilter() const { return m_text; }
    // Empty shows every loaded row. Leading and trailing spaces are ignored.
    void setQuickFilter(const QString &text);

    // Sorting is the server's: forwarded to the source model.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    void setSourceModel(QAbstractItemModel *model) override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
    QByteArrayMatcher m_folded; // m_text case-folded, in UTF-8 (matched against search texts)
    QPointer<RecordTableModel> m_records; // the source, when it is a RecordTableModel
};
