#pragma once

#include <QStringList>
#include <QWidget>

class QLineEdit;
class QListWidget;
class QPushButton;

// An editable list of strings (a group's principals, a collection's displayFields): the list, a
// line to type a new entry (Return or Add appends it; Return on an empty line goes to the dialog), and Remove for the selected entries.
// Entries are trimmed; empty ones and duplicates are not added. Children are named after the
// widget's objectName: "<name>List", "<name>Input", "<name>Add", "<name>Remove" (set the
// objectName before show, or call setObjectName again to rename them).
class StringListEdit : public QWidget
{
    Q_OBJECT
public:
    explicit StringListEdit(QWidget *parent = nullptr);

    QStringList values() const;
    void setValues(const QStringList &values);
    void setPlaceholderText(const QString &text);
    // Offered as completions while typing (e.g. known accounts and groups).
    void setSuggestions(const QStringList &suggestions);
    void setObjectNames(const QString &name);

Q_SIGNALS:
    // The list changed through the user or setValues().
    void changed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    // Names the list and the input for screen readers after this widget's accessible name, or
    // else the label whose buddy it is (a form row's label), when they have none yet.
    void showEvent(QShowEvent *event) override;

private:
    void addTyped();
    void removeSelected();

    QListWidget *m_list;
    QLineEdit *m_input;
    QPushButton *m_add;
    QPushButton *m_remove;
};
