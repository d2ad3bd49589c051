#pragma once

#include <QAbstractItemModel>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QStringList>

// The ~500 Jamf Pro privileges as a checkable two-level tree for the role editor's picker: groups
// by object ("Computers", "Mobile Devices", "API Integrations", ... from JamfPrivileges::objectOf),
// each holding its privileges, both sorted by name. One column.
//
// - A privilege is checkable; a group's check state is derived (Unchecked, PartiallyChecked,
//   Checked) and setting it checks or unchecks every privilege of the group.
// - setSelected() replaces the selection; names not in the catalogue (e.g. from a newer server)
//   are added to it so they stay visible and selected.
// - selectionChanged(count) fires after every change of the selection.
class JamfPrivilegeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Role {
        PrivilegeRole = Qt::UserRole, // QString: the privilege name (empty for a group)
        GroupRole,                    // QString: the group (object) name
        IsGroupRole,                  // bool
        SelectedCountRole,            // int: selected privileges in a group (groups only)
    };

    // Starts with JamfPrivileges::catalogue().
    explicit JamfPrivilegeModel(QObject *parent = nullptr);

    // Replaces the catalogue (the server's list); the selection is kept where names still exist.
    void setCatalogue(const QStringList &privileges);
    QStringList catalogue() const;

    void setSelected(const QStringList &privileges);
    // The selected names, sorted.
    QStringList selected() const;
    int selectedCount() const { return int(m_selected.size()); }

    // QAbstractItemModel
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void selectionChanged(int count);

private:
    struct Group
    {
        QString name;
        QStringList privileges;
    };
    void rebuild(const QStringList &privileges);
    int selectedIn(const Group &group) const;
    void groupChanged(int groupRow);

    QList<Group> m_groups;
    QSet<QString> m_selected;
};

// Type-ahead filter over a JamfPrivilegeModel: privileges whose name contains the text (any case),
// with their groups; a group whose name matches shows all its privileges.
class JamfPrivilegeFilter : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit JamfPrivilegeFilter(QObject *parent = nullptr);

    // The text typed so far (surrounding spaces ignored); empty shows everything.
    void setText(const QString &text);
    QString text() const { return m_text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
};
