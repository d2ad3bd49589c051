#include "kandjifamily.h"

#include "kandjiclient.h"
#include "kandjirules.h"
#include "kandjisettings.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("KandjiFamily", text);
}

struct Folder
{
    const char *kind;
    const char *label;
    const char *childKind;
};

const Folder folders[] = {
    { "custom-profiles", QT_TRANSLATE_NOOP("KandjiFamily", "Custom Profiles"), "custom-profile" },
    { "custom-scripts", QT_TRANSLATE_NOOP("KandjiFamily", "Custom Scripts"), "custom-script" },
    { "custom-apps", QT_TRANSLATE_NOOP("KandjiFamily", "Custom Apps"), "custom-app" },
    { "blueprints", QT_TRANSLATE_NOOP("KandjiFamily", "Blueprints"), "blueprint" },
    { "self-service-categories", QT_TRANSLATE_NOOP("KandjiFamily", "Self Service Categories"), "category" },
};

const Folder *folderOf(const QString &kind)
{
    for (const Folder &f : folders) {
        if (kind == QLatin1String(f.kind))
            return &f;
    }
    return nullptr;
}

QString badgeFor(const QString &kind, const QJsonObject &o)
{
    QStringList parts;
    if (kind == QLatin1String("custom-profile")) {
        QStringList on;
        for (const QString &flag : KandjiRules::profilePlatformFlags())
            if (o.value(flag).toBool())
                on << KandjiRules::platformName(flag);
        parts << on.join(QLatin1Char('/'));
    } else if (kind == QLatin1String("custom-script")) {
        parts << o.value(QLatin1String("execution_frequency")).toString().replace(QLatin1Char('_'), QLatin1Char(' '));
    } else if (kind == QLatin1String("custom-app")) {
        parts << o.value(QLatin1String("install_enforcement")).toString().replace(QLatin1Char('_'), QLatin1Char(' '));
    } else if (kind == QLatin1String("blueprint")) {
        parts << o.value(QLatin1String("type")).toString();
    }
    if (o.value(QLatin1String("show_in_self_service")).toBool())
        parts << QCoreApplication::translate("KandjiFamily", "Self Service");
    if (o.contains(QLatin1String("active")) && !o.value(QLatin1String("active")).toBool())
        parts << QCoreApplication::translate("KandjiFamily", "inactive");
    parts.removeAll(QString());
    return parts.join(QStringLiteral(" · "));
}

QJsonArray nodesOf(const QString &kind, const QJsonArray &objects)
{
    QJsonArray nodes;
    for (const QJsonValue &v : objects)
        nodes.append(KandjiSession::nodeFor(kind, v.toObject()).toJson());
    return nodes;
}

} // namespace

QString KandjiFamily::summary() const
{
    return tr("Kandji / Iru tenants: custom profiles, scripts and apps (installer uploads), blueprints and their "
              "assignments, Self Service categories");
}

FamilySession *KandjiFamily::createSession(const Tenant &tenant, HttpClient *client, QObject *parent) const
{
    return new KandjiSession(tenant, client, parent);
}

QString KandjiFamily::tenantProblem(const Tenant &tenant)
{
    QString error;
    const bool local = tenant.options.value(QStringLiteral("localTestServer")).toBool();
    if (!KandjiSettings::normalizeUrl(tenant.baseUrl.toString(), local, &error))
        return error;
    return {};
}

KandjiSession::KandjiSession(const Tenant &tenant, HttpClient *client, QObject *parent)
    : FamilySession(parent)
    , m_tenant(tenant)
    , m_problem(KandjiFamily::tenantProblem(tenant))
    , m_client(KandjiClient::forSession(client))
{
}

Job *KandjiSession::refused() const
{
    auto *job = new Job;
    job->failLater(ApiError(ApiError::Kind::Invalid, tr("This tenant's settings cannot be used: %1").arg(m_problem)));
    return job;
}

TreeNode KandjiSession::nodeFor(const QString &kind, const QJsonObject &object)
{
    TreeNode node;
    node.kind = kind;
    node.id = object.value(QLatin1String("id")).toString();
    node.label = object.value(QLatin1String("name")).toString();
    node.badge = badgeFor(kind, object);
    node.hasChildren = kind == QLatin1String("blueprint");
    node.data = QJsonObject { { QStringLiteral("object"), object } };
    if (kind == QLatin1String("blueprint"))
        node.toolTip = object.value(QLatin1String("description")).toString();
    return node;
}

Job *KandjiSession::probe()
{
    if (!m_problem.isEmpty())
        return refused();
    return m_client->probe();
}

Job *KandjiSession::fetchChildren(const TreeNode &parent)
{
    if (!m_problem.isEmpty())
        return refused();
    if (parent.kind == QLatin1String("tenant")) {
        QJsonArray nodes;
        for (const Folder &f : folders) {
            TreeNode node;
            node.kind = QLatin1String(f.kind);
            node.id = node.kind;
            node.label = tr(f.label);
            node.folder = true;
            node.hasChildren = true;
            nodes.append(node.toJson());
        }
        auto *job = new Job;
        job->succeedLater(nodes);
        return job;
    }
    if (const Folder *f = folderOf(parent.kind)) {
        const QString childKind = QLatin1String(f->childKind);
        Job *list = parent.kind == QLatin1String("blueprints")                ? m_client->listBlueprints()
            : parent.kind == QLatin1String("self-service-categories")         ? m_client->categories()
            : parent.kind == QLatin1String("custom-profiles")                 ? m_client->list(KandjiClient::Library::Profiles)
            : parent.kind == QLatin1String("custom-scripts")                  ? m_client->list(KandjiClient::Library::Scripts)
                                                                              : m_client->list(KandjiClient::Library::Apps);
        return thenMap(list, [childKind](const QJsonValue &result, ApiError *) {
            return nodesOf(childKind, result.toObject().value(QLatin1String("results")).toArray());
        });
    }
    if (parent.kind == QLatin1String("blueprint")) {
        const QString blueprint = parent.id;
        return thenMap(m_client->listBlueprintItems(blueprint), [blueprint](const QJsonValue &result, ApiError *) {
            QJsonArray nodes;
            for (const QJsonValue &v : result.toObject().value(QLatin1String("results")).toArray()) {
                TreeNode node;
                node.kind = QStringLiteral("assigned-item");
                node.id = v.toObject().value(QLatin1String("id")).toString();
                node.label = v.toObject().value(QLatin1String("name")).toString();
                node.data = QJsonObject { { QStringLiteral("blueprint"), blueprint }, { QStringLiteral("id"), node.id },
                                          { QStringLiteral("name"), node.label } };
                nodes.append(node.toJson());
            }
            return nodes;
        });
    }
    auto *job = new Job;
    job->succeedLater(QJsonArray());
    return job;
}

Job *KandjiSession::fetchNode(const TreeNode &node)
{
    if (!m_problem.isEmpty())
        return refused();
    const QString kind = node.kind;
    Job *get = kind == QLatin1String("custom-profile") ? m_client->get(KandjiClient::Library::Profiles, node.id)
        : kind == QLatin1String("custom-script")       ? m_client->get(KandjiClient::Library::Scripts, node.id)
        : kind == QLatin1String("custom-app")          ? m_client->get(KandjiClient::Library::Apps, node.id)
        : kind == QLatin1String("blueprint")           ? m_client->getBlueprint(node.id)
                                                       : nullptr;
    if (!get)
        return nullptr;
    return thenMap(get, [kind](const QJsonValue &result, ApiError *) { return nodeFor(kind, result.toObject()).toJson(); });
}
