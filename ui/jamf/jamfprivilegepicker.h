#pragma once

#include <QStringList>
#include <QWidget>

class JamfPrivilegeFilter;
class JamfPrivilegeModel;
class QLabel;
class QLineEdit;
class QTreeView;

// Picks Jamf Pro privileges: a type-ahead filter ("filter"), the catalogue grouped by object with a
// check box per privilege and per group ("privileges"), and the count of the selected
// ("selectedCount"). Starts with the compiled-in catalogue (JamfPrivileges); setCatalogue() puts the
// server's in, keeping the selection.
class JamfPrivilegePicker : public QWidget
{
    Q_OBJECT
public:
    explicit JamfPrivilegePicker(QWidget *parent = nullptr);

    JamfPrivilegeModel *model() const { return m_model; }
    QStringList selected() const;
    // Replaces the selection; the groups holding a selected privilege are expanded, the others collapsed.
    void setSelected(const QStringList &privileges);
    void setCatalogue(const QStringList &privileges);

Q_SIGNALS:
    // The user (or setSelected) changed the selection; `count` privileges are selected.
    void selectionChanged(int count);

private:
    void updateCount(int count);

    JamfPrivilegeModel *m_model;
    JamfPrivilegeFilter *m_filter;
    QLineEdit *m_search;
    QTreeView *m_tree;
    QLabel *m_count;
};
