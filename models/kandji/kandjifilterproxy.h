#pragma once

#include <QSortFilterProxyModel>

// The filters of a Kandji table (KandjiListModel): by type (a value of its TypeRole: a platform, a
// frequency, an install type, a blueprint type; empty = any) and by text (contained in the name or
// the id, case-insensitively; empty = any). Rows arriving later (fetchMore) are filtered as they
// come. Sorting is local, by the display text.
class KandjiFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit KandjiFilterProxy(QObject *parent = nullptr);

    QString typeFilter() const { return m_type; }
    void setTypeFilter(const QString &type);
    QString textFilter() const { return m_text; }
    // Leading and trailing spaces are ignored.
    void setTextFilter(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_type;
    QString m_text;
};
