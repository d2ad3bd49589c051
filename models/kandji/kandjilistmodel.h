#pragma once

#include "pagedlistmodel.h"

#include <QStringList>

class KandjiClient;

// One Kandji listing as a table, a page at a time: PagedListModel over NextLinkStrategy, each page
// asked through the KandjiClient it is handed (not owned; a destroyed client leaves the rows as
// they are), whose `next` links stay on the tenant's origin (KandjiListJob). Columns:
//   Profiles:       name, platforms, active, updated
//   Scripts:        name, frequency, active, Self Service, updated
//   Apps:           name, install type, enforcement, Self Service, size, updated
//   Blueprints:     name, type, description
//   Categories:     name, id
//   BlueprintItems: name, id (the items assigned to one blueprint)
// Typed roles (widgets read these, not display strings): IdRole, ObjectRole, TypeRole (the values
// the type filter matches: a profile's platforms, a script's frequency, an app's install type, a
// blueprint's type), EnforcementRole (a script's frequency, an app's enforcement; empty else),
// SelfServiceRole (bool), BadgesRole (the badge texts of the name column: enforcement, Self Service).
//
// Drag and drop: rows of the library kinds (Profiles, Scripts, Apps) drag as MimeType (a JSON array
// of {"id", "name"}, copy only); a BlueprintItems model accepts such a drop (anywhere) and emits
// itemsDropped(ids). It changes no rows itself: the view assigns them (the server tells which were
// on the blueprint already) and reloads it.
// Starts loading at once (from the event loop).
class KandjiListModel : public PagedListModel
{
    Q_OBJECT
public:
    enum class Kind { Profiles, Scripts, Apps, Blueprints, Categories, BlueprintItems };
    enum Role {
        IdRole = Qt::UserRole + 1,
        ObjectRole,
        TypeRole,
        EnforcementRole,
        SelfServiceRole,
        BadgesRole,
    };
    static const QString MimeType; // "application/x-tenantdesk-kandji-library-items"

    // `blueprintId`: the blueprint whose items a BlueprintItems model lists.
    KandjiListModel(KandjiClient *client, Kind kind, const QString &blueprintId = {}, QObject *parent = nullptr);

    Kind kind() const { return m_kind; }
    QString blueprintId() const { return m_blueprintId; }
    // The type filter's choices for this kind (value, label), from Kandji's enums.
    QList<QPair<QString, QString>> typeChoices() const;
    // The ids of the loaded rows.
    QStringList loadedIds() const;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDragActions() const override { return Qt::CopyAction; }
    Qt::DropActions supportedDropActions() const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent) override;

    // The {"id", "name"} items a MimeType payload carries; empty when it carries none.
    static QJsonArray itemsOf(const QMimeData *data);

Q_SIGNALS:
    // Library items were dropped on a BlueprintItems model: their ids (lower case, each once).
    void itemsDropped(const QStringList &ids);

private:
    QStringList typesOf(const QJsonObject &row) const;
    QString enforcementOf(const QJsonObject &row) const;

    Kind m_kind;
    QString m_blueprintId;
};
