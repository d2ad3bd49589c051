#include "kandjilistmodel.h"

#include "kandjiclient.h"
#include "kandjilistjob.h"
#include "kandjirules.h"
#include "pagestrategy.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QMimeData>
#include <QPointer>
#include <QSet>
#include <QTimer>

const QString KandjiListModel::MimeType = QStringLiteral("application/x-tenantdesk-kandji-library-items");

namespace {

const QString Name = QStringLiteral("name");
const QString Platforms = QStringLiteral("platforms"); // computed from runs_on_*

QString humane(const QString &value)
{
    return QString(value).replace(QLatin1Char('_'), QLatin1Char(' '));
}

KandjiClient::Listing listingOf(KandjiListModel::Kind kind)
{
    switch (kind) {
    case KandjiListModel::Kind::Profiles: return KandjiClient::Listing::Profiles;
    case KandjiListModel::Kind::Scripts: return KandjiClient::Listing::Scripts;
    case KandjiListModel::Kind::Apps: return KandjiClient::Listing::Apps;
    case KandjiListModel::Kind::Blueprints: return KandjiClient::Listing::Blueprints;
    case KandjiListModel::Kind::Categories: return KandjiClient::Listing::Categories;
    case KandjiListModel::Kind::BlueprintItems: return KandjiClient::Listing::BlueprintItems;
    }
    return KandjiClient::Listing::Profiles;
}

QStringList columnsOf(KandjiListModel::Kind kind)
{
    switch (kind) {
    case KandjiListModel::Kind::Profiles:
        return { Name, Platforms, QStringLiteral("active"), QStringLiteral("updated_at") };
    case KandjiListModel::Kind::Scripts:
        return { Name, QStringLiteral("execution_frequency"), QStringLiteral("active"), QStringLiteral("show_in_self_service"),
                 QStringLiteral("updated_at") };
    case KandjiListModel::Kind::Apps:
        return { Name, QStringLiteral("install_type"), QStringLiteral("install_enforcement"), QStringLiteral("show_in_self_service"),
                 QStringLiteral("file_size"), QStringLiteral("updated_at") };
    case KandjiListModel::Kind::Blueprints:
        return { Name, QStringLiteral("type"), QStringLiteral("description") };
    case KandjiListModel::Kind::Categories:
    case KandjiListModel::Kind::BlueprintItems:
        return { Name, QStringLiteral("id") };
    }
    return {};
}

bool isLibrary(KandjiListModel::Kind kind)
{
    return kind == KandjiListModel::Kind::Profiles || kind == KandjiListModel::Kind::Scripts || kind == KandjiListModel::Kind::Apps;
}

} // namespace

KandjiListModel::KandjiListModel(KandjiClient *client, Kind kind, const QString &blueprintId, QObject *parent)
    : PagedListModel(parent)
    , m_kind(kind)
    , m_blueprintId(blueprintId)
{
    QPointer<KandjiClient> guarded(client);
    setStrategy(std::make_unique<NextLinkStrategy>([guarded, kind, blueprintId](const PageRequest &request) -> Job * {
        if (!guarded)
            return nullptr;
        return guarded->listPage(listingOf(kind), request.link, blueprintId, request.pageSize);
    }));
    // The server's page size stays its own unless the user prefers one.
    setTakesPreferredPageSize(KandjiClient::takesLimit(listingOf(kind)));
    setColumnFields(columnsOf(kind));
    QTimer::singleShot(0, this, [this] { reload(); });
}

QList<QPair<QString, QString>> KandjiListModel::typeChoices() const
{
    QList<QPair<QString, QString>> choices;
    auto add = [&choices](const QStringList &values) {
        for (const QString &v : values)
            choices.append({ v, humane(v) });
    };
    switch (m_kind) {
    case Kind::Profiles:
        for (const QString &flag : KandjiRules::profilePlatformFlags())
            choices.append({ KandjiRules::platformName(flag), KandjiRules::platformName(flag) });
        break;
    case Kind::Scripts:
        add({ QStringLiteral("once"), QStringLiteral("every_15_min"), QStringLiteral("every_day"), QStringLiteral("no_enforcement") });
        break;
    case Kind::Apps:
        add({ QStringLiteral("package"), QStringLiteral("zip"), QStringLiteral("image") });
        break;
    case Kind::Blueprints:
        add({ QStringLiteral("classic"), QStringLiteral("map") });
        break;
    case Kind::Categories:
    case Kind::BlueprintItems:
        break;
    }
    return choices;
}

QStringList KandjiListModel::loadedIds() const
{
    QStringList ids;
    for (int row = 0; row < loadedCount(); ++row)
        ids << value(row, QStringLiteral("id")).toString().toLower();
    return ids;
}

QStringList KandjiListModel::typesOf(const QJsonObject &row) const
{
    switch (m_kind) {
    case Kind::Profiles: {
        QStringList on;
        for (const QString &flag : KandjiRules::profilePlatformFlags())
            if (row.value(flag).toBool())
                on << KandjiRules::platformName(flag);
        return on;
    }
    case Kind::Scripts: return { row.value(QLatin1String("execution_frequency")).toString() };
    case Kind::Apps: return { row.value(QLatin1String("install_type")).toString() };
    case Kind::Blueprints: return { row.value(QLatin1String("type")).toString() };
    case Kind::Categories:
    case Kind::BlueprintItems: return {};
    }
    return {};
}

QString KandjiListModel::enforcementOf(const QJsonObject &row) const
{
    if (m_kind == Kind::Scripts)
        return row.value(QLatin1String("execution_frequency")).toString();
    if (m_kind == Kind::Apps)
        return row.value(QLatin1String("install_enforcement")).toString();
    return {};
}

QVariant KandjiListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject row = rowObject(index.row());
    const QString field = columns().value(index.column());
    switch (role) {
    case IdRole: return row.value(QLatin1String("id")).toString();
    case ObjectRole: return row;
    case TypeRole: return typesOf(row);
    case EnforcementRole: return enforcementOf(row);
    case SelfServiceRole: return row.value(QLatin1String("show_in_self_service")).toBool();
    case BadgesRole: {
        if (field != Name)
            return {};
        QStringList badges;
        if (const QString e = enforcementOf(row); !e.isEmpty())
            badges << humane(e);
        if (row.value(QLatin1String("show_in_self_service")).toBool())
            badges << tr("Self Service");
        return badges;
    }
    case Qt::ToolTipRole:
        return field == Name ? row.value(QLatin1String("id")).toString() : QVariant();
    case Qt::TextAlignmentRole:
        return field == QLatin1String("file_size") ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    if (field == Platforms)
        return typesOf(row).join(QStringLiteral(", "));
    const QJsonValue v = row.value(field);
    if (v.isBool())
        return v.toBool() ? tr("yes") : tr("no");
    if (field == QLatin1String("execution_frequency") || field == QLatin1String("install_type")
        || field == QLatin1String("install_enforcement"))
        return humane(v.toString());
    if (field == QLatin1String("file_size") && v.isDouble())
        return QLocale().formattedDataSize(qint64(v.toDouble()));
    return PagedListModel::data(index, role);
}

QVariant KandjiListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return PagedListModel::headerData(section, orientation, role);
    static const QHash<QString, const char *> titles {
        { QStringLiteral("name"), QT_TR_NOOP("Name") },
        { QStringLiteral("platforms"), QT_TR_NOOP("Platforms") },
        { QStringLiteral("active"), QT_TR_NOOP("Active") },
        { QStringLiteral("updated_at"), QT_TR_NOOP("Updated") },
        { QStringLiteral("execution_frequency"), QT_TR_NOOP("Frequency") },
        { QStringLiteral("show_in_self_service"), QT_TR_NOOP("Self Service") },
        { QStringLiteral("install_type"), QT_TR_NOOP("Install type") },
        { QStringLiteral("install_enforcement"), QT_TR_NOOP("Enforcement") },
        { QStringLiteral("file_size"), QT_TR_NOOP("Size") },
        { QStringLiteral("type"), QT_TR_NOOP("Type") },
        { QStringLiteral("description"), QT_TR_NOOP("Description") },
        { QStringLiteral("id"), QT_TR_NOOP("Id") },
    };
    const char *title = titles.value(columns().value(section));
    return title ? tr(title) : PagedListModel::headerData(section, orientation, role);
}

Qt::ItemFlags KandjiListModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = PagedListModel::flags(index);
    if (index.isValid() && isLibrary(m_kind))
        flags |= Qt::ItemIsDragEnabled;
    if (!index.isValid() && m_kind == Kind::BlueprintItems)
        flags |= Qt::ItemIsDropEnabled;
    return flags;
}

QStringList KandjiListModel::mimeTypes() const
{
    return { MimeType };
}

QMimeData *KandjiListModel::mimeData(const QModelIndexList &indexes) const
{
    if (!isLibrary(m_kind))
        return nullptr;
    QJsonArray items;
    QSet<int> rows;
    for (const QModelIndex &index : indexes) {
        if (!checkIndex(index, CheckIndexOption::IndexIsValid) || rows.contains(index.row()))
            continue;
        rows.insert(index.row());
        const QJsonObject row = rowObject(index.row());
        items.append(QJsonObject { { QStringLiteral("id"), row.value(QLatin1String("id")) }, { Name, row.value(Name) } });
    }
    if (items.isEmpty())
        return nullptr;
    auto *data = new QMimeData;
    data->setData(MimeType, QJsonDocument(items).toJson(QJsonDocument::Compact));
    return data;
}

Qt::DropActions KandjiListModel::supportedDropActions() const
{
    return m_kind == Kind::BlueprintItems ? Qt::CopyAction : Qt::IgnoreAction;
}

QJsonArray KandjiListModel::itemsOf(const QMimeData *data)
{
    if (!data || !data->hasFormat(MimeType))
        return {};
    QJsonArray items;
    for (const QJsonValue &v : QJsonDocument::fromJson(data->data(MimeType)).array()) {
        if (KandjiClient::isValidId(v.toObject().value(QLatin1String("id")).toString()))
            items.append(v);
    }
    return items;
}

bool KandjiListModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int, int, const QModelIndex &) const
{
    return m_kind == Kind::BlueprintItems && action == Qt::CopyAction && !itemsOf(data).isEmpty();
}

bool KandjiListModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    QStringList ids;
    for (const QJsonValue &v : itemsOf(data)) {
        const QString id = v.toObject().value(QLatin1String("id")).toString().toLower();
        if (!ids.contains(id))
            ids << id;
    }
    Q_EMIT itemsDropped(ids);
    return true;
}
