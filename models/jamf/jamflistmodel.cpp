#include "jamflistmodel.h"

#include "jamfclient.h"
#include "pagestrategy.h"

#include <QJsonArray>
#include <QTimer>

namespace {

const QString PrivilegesColumn = QStringLiteral("privileges");

} // namespace

JamfListModel::JamfListModel(JamfClient *client, Kind kind, QObject *parent)
    : PagedListModel(parent)
    , m_kind(kind)
{
    QPointer<JamfClient> guarded(client);
    setStrategy(std::make_unique<PageNumberStrategy>([guarded, kind](const PageRequest &request) -> Job * {
        if (!guarded)
            return nullptr;
        return kind == Kind::Roles ? guarded->rolesPage(request.number, request.pageSize)
                                   : guarded->clientsPage(request.number, request.pageSize);
    }));
    setPageSize(DefaultPageSize);
    setColumnFields(kind == Kind::Roles
                        ? QStringList{QStringLiteral("displayName"), PrivilegesColumn}
                        : QStringList{QStringLiteral("displayName"), QStringLiteral("enabled"),
                                      QStringLiteral("authorizationScopes"),
                                      QStringLiteral("accessTokenLifetimeSeconds"), QStringLiteral("clientId")});
    QTimer::singleShot(0, this, [this] { reload(); });
}

QVariant JamfListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const QString field = columns().value(index.column());
    if (role == Qt::DisplayRole) {
        const QJsonValue value = this->value(index.row(), field);
        if (field == PrivilegesColumn)
            return QString::number(value.toArray().size());
        if (field == QLatin1String("enabled"))
            return value.toBool() ? tr("yes") : tr("no");
        if (field == QLatin1String("authorizationScopes")) {
            QStringList roles;
            for (const QJsonValue &role : value.toArray())
                roles << role.toString();
            return roles.join(QStringLiteral(", "));
        }
    }
    if (role == Qt::TextAlignmentRole && (field == PrivilegesColumn || field == QLatin1String("accessTokenLifetimeSeconds")))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return PagedListModel::data(index, role);
}

QVariant JamfListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return PagedListModel::headerData(section, orientation, role);
    const QString field = columns().value(section);
    if (field == QLatin1String("displayName"))
        return tr("Name");
    if (field == PrivilegesColumn)
        return tr("Privileges");
    if (field == QLatin1String("enabled"))
        return tr("Enabled");
    if (field == QLatin1String("authorizationScopes"))
        return tr("Roles");
    if (field == QLatin1String("accessTokenLifetimeSeconds"))
        return tr("Token lifetime (s)");
    if (field == QLatin1String("clientId"))
        return tr("Client id");
    return PagedListModel::headerData(section, orientation, role);
}
