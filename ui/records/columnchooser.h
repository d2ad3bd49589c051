#pragma once

#include <QToolButton>

class QLineEdit;
class QMenu;
class RecordTableModel;

// "Columns…": a tool button whose menu ("columnsMenu") lists the model's known fields as checkable
// entries (checked = shown) and ends with a field box ("addFieldEdit") where any field, dotted
// paths included, can be typed and added with Enter. Checking appends the column, unchecking
// removes it; the last column cannot be removed. The menu is rebuilt each time it opens.
class ColumnChooser : public QToolButton
{
    Q_OBJECT
public:
    explicit ColumnChooser(RecordTableModel *model, QWidget *parent = nullptr);

    QMenu *columnsMenu() const { return m_menu; }
    // Fills the menu from the model (also done when it opens).
    void rebuild();

private:
    void toggleField(const QString &field, bool shown);
    void addTypedField();

    RecordTableModel *m_model;
    QMenu *m_menu;
    QLineEdit *m_addField = nullptr;
};
