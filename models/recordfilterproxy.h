#pragma once

#include <QSortFilterProxyModel>

// The quick text filter over the rows a RecordTableModel has loaded: a row stays when any shown
// column (or the record's id) contains the text, case-insensitively; booleans match "true" and
// "false". It never sorts: sort() is passed to the source model, which asks the server.
// Rows arriving later (fetchMore) are filtered as they come.
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

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
    bool m_textMayBeNumeric = false; // the text could be part of a number or a date-time
};
