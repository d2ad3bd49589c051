#pragma once

#include "kintotypes.h"

#include <QList>
#include <QStringList>
#include <QWidget>

class QComboBox;
class QLineEdit;
class QToolButton;
class QVBoxLayout;

// A bar that builds Kinto listing filters (filtering.rst): rows of field, operator and value, with
// buttons to add and remove rows, and Apply ("applyFilters") which emits applied(). Values are sent
// as typed (the server reads them as JSON when they parse, else as strings; in_/exclude_ take a
// comma list). Rows without a field are left out. Always at least one row.
class FilterBar : public QWidget
{
    Q_OBJECT
public:
    explicit FilterBar(QWidget *parent = nullptr);

    // The fields offered in each row's (editable) field box.
    void setFields(const QStringList &fields);
    QStringList fields() const { return m_fields; }

    // The filters of the rows that name a field, in order.
    QList<KintoFilter> filters() const;
    int rowCount() const { return int(m_rows.size()); }
    // Adds a row; `op` is an operator name without the underscore ("" = equals, "min", ...).
    void addRow(const QString &field = {}, const QString &op = {}, const QString &value = {});
    // Back to one empty row (does not apply).
    void clearRows();
    // One row per filter (one empty row when there is none); does not apply.
    void setRows(const QList<KintoFilter> &filters);
    // Emits applied() with filters().
    void apply();

    // The operators offered: "" (equals) then Kinto's prefixes without the underscore.
    static QStringList operators();

Q_SIGNALS:
    void applied(const QList<KintoFilter> &filters);

private:
    struct Row
    {
        QWidget *widget;
        QComboBox *field;
        QComboBox *op;
        QLineEdit *value;
    };
    void removeRow(QWidget *rowWidget);

    QVBoxLayout *m_rowsLayout;
    QList<Row> m_rows;
    QStringList m_fields;
};
