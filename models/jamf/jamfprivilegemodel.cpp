#include "jamfprivilegemodel.h"

#include "jamfprivileges.h"

#include <QMap>

// Internal ids: a group's index has id 0; a privilege's has id = group row + 1.

JamfPrivilegeModel::JamfPrivilegeModel(QObject *parent)
    : QAbstractItemModel(parent)
{
    rebuild(JamfPrivileges::catalogue());
}

void JamfPrivilegeModel::rebuild(const QStringList &privileges)
{
    QMap<QString, QStringList> groups; // sorted by group name (case-sensitively, then fixed below)
    for (const QString &privilege : privileges)
        groups[JamfPrivileges::objectOf(privilege)].append(privilege);
    beginResetModel();
    m_groups.clear();
    for (auto it = groups.begin(); it != groups.end(); ++it) {
        QStringList names = it.value();
        names.removeDuplicates();
        names.sort(Qt::CaseInsensitive);
        m_groups.append({ it.key(), names });
    }
    std::sort(m_groups.begin(), m_groups.end(),
        [](const Group &a, const Group &b) { return a.name.compare(b.name, Qt::CaseInsensitive) < 0; });
    endResetModel();
}

void JamfPrivilegeModel::setCatalogue(const QStringList &privileges)
{
    const QSet<QString> names(privileges.begin(), privileges.end());
    const int before = int(m_selected.size());
    m_selected.intersect(names);
    rebuild(privileges);
    if (m_selected.size() != before)
        Q_EMIT selectionChanged(int(m_selected.size()));
}

QStringList JamfPrivilegeModel::catalogue() const
{
    QStringList all;
    for (const Group &group : m_groups)
        all += group.privileges;
    all.sort(Qt::CaseInsensitive);
    return all;
}

void JamfPrivilegeModel::setSelected(const QStringList &privileges)
{
    const QSet<QString> wanted(privileges.begin(), privileges.end());
    QStringList known = catalogue();
    const QSet<QString> knownSet(known.begin(), known.end());
    if (!knownSet.contains(wanted)) { // names from a newer server: keep them visible
        for (const QString &name : privileges) {
            if (!knownSet.contains(name))
                known << name;
        }
        m_selected = wanted;
        rebuild(known);
    } else {
        m_selected = wanted;
        for (int row = 0; row < m_groups.size(); ++row)
            groupChanged(row);
    }
    Q_EMIT selectionChanged(int(m_selected.size()));
}

QStringList JamfPrivilegeModel::selected() const
{
    QStringList names(m_selected.begin(), m_selected.end());
    names.sort(Qt::CaseInsensitive);
    return names;
}

QModelIndex JamfPrivilegeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column != 0 || row < 0)
        return {};
    if (!parent.isValid())
        return row < m_groups.size() ? createIndex(row, 0, quintptr(0)) : QModelIndex();
    if (parent.internalId() != 0 || parent.row() >= m_groups.size())
        return {};
    return row < m_groups.at(parent.row()).privileges.size() ? createIndex(row, 0, quintptr(parent.row() + 1)) : QModelIndex();
}

QModelIndex JamfPrivilegeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int JamfPrivilegeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_groups.size());
    if (parent.column() != 0 || parent.internalId() != 0)
        return 0;
    return int(m_groups.at(parent.row()).privileges.size());
}

int JamfPrivilegeModel::columnCount(const QModelIndex &) const
{
    return 1;
}

int JamfPrivilegeModel::selectedIn(const Group &group) const
{
    return int(std::count_if(group.privileges.cbegin(), group.privileges.cend(),
        [this](const QString &p) { return m_selected.contains(p); }));
}

QVariant JamfPrivilegeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const bool isGroup = index.internalId() == 0;
    const Group &group = m_groups.at(isGroup ? index.row() : int(index.internalId() - 1));
    const QString privilege = isGroup ? QString() : group.privileges.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        if (isGroup)
            return tr("%1 (%2 of %3)").arg(group.name).arg(selectedIn(group)).arg(group.privileges.size());
        return privilege;
    case Qt::CheckStateRole: {
        if (!isGroup)
            return m_selected.contains(privilege) ? Qt::Checked : Qt::Unchecked;
        const int n = selectedIn(group);
        return n == 0 ? Qt::Unchecked : (n == group.privileges.size() ? Qt::Checked : Qt::PartiallyChecked);
    }
    case PrivilegeRole: return privilege;
    case GroupRole: return group.name;
    case IsGroupRole: return isGroup;
    case SelectedCountRole: return isGroup ? QVariant(selectedIn(group)) : QVariant();
    default: return {};
    }
}

bool JamfPrivilegeModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    const bool check = value.toInt() != Qt::Unchecked;
    if (index.internalId() == 0) {
        const Group &group = m_groups.at(index.row());
        for (const QString &p : group.privileges) {
            if (check)
                m_selected.insert(p);
            else
                m_selected.remove(p);
        }
        if (!group.privileges.isEmpty())
            Q_EMIT dataChanged(this->index(0, 0, index), this->index(int(group.privileges.size()) - 1, 0, index),
                { Qt::CheckStateRole });
        groupChanged(index.row());
    } else {
        const QString privilege = m_groups.at(int(index.internalId() - 1)).privileges.at(index.row());
        if (m_selected.contains(privilege) == check)
            return true;
        if (check)
            m_selected.insert(privilege);
        else
            m_selected.remove(privilege);
        Q_EMIT dataChanged(index, index, { Qt::CheckStateRole });
        groupChanged(int(index.internalId() - 1));
    }
    Q_EMIT selectionChanged(int(m_selected.size()));
    return true;
}

void JamfPrivilegeModel::groupChanged(int groupRow)
{
    const QModelIndex group = index(groupRow, 0);
    Q_EMIT dataChanged(group, group, { Qt::CheckStateRole, Qt::DisplayRole, SelectedCountRole });
}

Qt::ItemFlags JamfPrivilegeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable;
    if (index.internalId() == 0)
        f |= Qt::ItemIsAutoTristate;
    else
        f |= Qt::ItemNeverHasChildren;
    return f;
}

QHash<int, QByteArray> JamfPrivilegeModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(PrivilegeRole, "privilege");
    names.insert(GroupRole, "group");
    names.insert(IsGroupRole, "isGroup");
    names.insert(SelectedCountRole, "selectedCount");
    return names;
}

JamfPrivilegeFilter::JamfPrivilegeFilter(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true); // a matching privilege keeps its group
}

void JamfPrivilegeFilter::setText(const QString &text)
{
    const bool sameFilter = text.trimmed() == m_text.trimmed();
    m_text = text;
    if (!sameFilter)
        invalidateFilter();
}

bool JamfPrivilegeFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const QString text = m_text.trimmed();
    if (text.isEmpty())
        return true;
    const QString name = index.data(JamfPrivilegeModel::IsGroupRole).toBool() ? index.data(JamfPrivilegeModel::GroupRole).toString()
                                                                              : index.data(JamfPrivilegeModel::PrivilegeRole).toString();
    if (name.contains(text, Qt::CaseInsensitive))
        return true;
    // A privilege of a group whose name matches.
    return sourceParent.isValid() && sourceParent.data(JamfPrivilegeModel::GroupRole).toString().contains(text, Qt::CaseInsensitive);
}
