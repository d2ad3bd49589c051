#include "kintofamily.h"

#include "kintoclient.h"
#include "kintolistjob.h"
#include "net/httpjob.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>

#include <algorithm>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("KintoFamily", text);
}

TreeNode folder(const QString &kind, const QString &label, const QString &bucket)
{
    TreeNode node;
    node.kind = kind;
    node.id = kind;
    node.label = label;
    node.folder = true;
    node.hasChildren = true;
    node.data = {{QStringLiteral("bucket"), bucket}};
    return node;
}

QJsonArray sortedNodes(const QString &kind, const QString &bucket, const QJsonArray &objects)
{
    std::vector<TreeNode> nodes;
    for (const QJsonValue &value : objects) {
        const QJsonObject object = value.toObject();
        if (!object.value(QLatin1String("id")).toString().isEmpty())
            nodes.push_back(KintoSession::nodeFor(kind, bucket, object));
    }
    std::sort(nodes.begin(), nodes.end(), [](const TreeNode &a, const TreeNode &b) { return a.id < b.id; });
    QJsonArray array;
    for (const TreeNode &node : nodes)
        array.append(node.toJson());
    return array;
}

} // namespace

QString KintoFamily::summary() const
{
    return tr("Kinto servers: buckets, collections, groups, records with schema forms, permissions, history, "
              "attachments");
}

FamilySession *KintoFamily::createSession(const Tenant &tenant, HttpClient *client, QObject *parent) const
{
    return new KintoSession(tenant, client, parent);
}

ServiceIdentity KintoFamily::identityFrom(const QJsonObject &info, const Tenant &tenant, ApiError *error)
{
    ServiceIdentity identity;
    identity.user = info.value(QLatin1String("user")).toObject().value(QLatin1String("id")).toString();
    identity.authMethod = identity.user.section(QLatin1Char(':'), 0, 0);
    if (identity.authMethod == identity.user)
        identity.authMethod.clear();
    identity.serverVersion = QStringLiteral("Kinto %1 (HTTP API %2)")
                                 .arg(info.value(QLatin1String("project_version")).toString(),
                                      info.value(QLatin1String("http_api_version")).toString());
    identity.capabilities = info.value(QLatin1String("capabilities")).toObject().keys();

    if (tenant.auth != AuthKind::None && identity.user.isEmpty()) {
        // Kinto treats unknown credentials as anonymous: the answer is 200, without a user.
        *error = ApiError(ApiError::Kind::Auth,
                          tr("The server did not accept the credentials of \"%1\" (it answered as to an anonymous user).")
                              .arg(tenant.userName));
        return identity;
    }
    if (tenant.auth == AuthKind::Basic && identity.capabilities.contains(QLatin1String("accounts"))) {
        const QString expected = QStringLiteral("account:") + tenant.userName;
        if (identity.user.startsWith(QLatin1String("basicauth:")))
            identity.warnings << tr("Signed in as an unknown basicauth user, not as %1: the password may be wrong.")
                                     .arg(expected);
        else if (identity.user != expected)
            identity.warnings << tr("Signed in as %1, not as %2.").arg(identity.user, expected);
    }
    return identity;
}

KintoSession::KintoSession(const Tenant &tenant, HttpClient *client, QObject *parent)
    : FamilySession(parent)
    , m_tenant(tenant)
    , m_client(KintoClient::forSession(client, tenant.options.value(QStringLiteral("bucket")).toString()))
{
}

TreeNode KintoSession::nodeFor(const QString &kind, const QString &bucket, const QJsonObject &object)
{
    TreeNode node;
    node.kind = kind;
    node.id = object.value(QLatin1String("id")).toString();
    node.data = {{QStringLiteral("bucket"), kind == QLatin1String("bucket") ? node.id : bucket},
                 {QStringLiteral("object"), object}};
    QStringList tip;
    if (const QString title = object.value(QLatin1String("title")).toString(); !title.isEmpty())
        tip << title;
    if (kind == QLatin1String("bucket")) {
        node.hasChildren = true;
        node.children = {folder(QStringLiteral("collections"), tr("Collections"), node.id),
                         folder(QStringLiteral("groups"), tr("Groups"), node.id)};
        tip << tr("Bucket %1").arg(node.id);
    } else if (kind == QLatin1String("collection")) {
        node.decorate = true;
        node.data.insert(QStringLiteral("collection"), node.id);
        tip << tr("Collection %1").arg(node.id);
        if (object.contains(QLatin1String("schema")))
            tip << tr("Records are validated by a JSON schema");
    } else if (kind == QLatin1String("group")) {
        const QJsonArray members = object.value(QLatin1String("members")).toArray();
        node.data.insert(QStringLiteral("group"), node.id);
        node.badge = QString::number(members.size());
        QStringList principals;
        for (const QJsonValue &member : members)
            principals << member.toString();
        tip << QCoreApplication::translate("KintoFamily", "Group %1: %n member(s)", nullptr, int(members.size()))
                   .arg(node.id);
        if (!principals.isEmpty())
            tip << principals.join(QStringLiteral(", "));
    }
    node.toolTip = tip.join(QLatin1Char('\n'));
    return node;
}

Job *KintoSession::probe()
{
    // A probe answers quickly: one retry at most, so an unreachable server shows as offline soon.
    const Tenant tenant = m_tenant;
    HttpJob *info = m_client->send(HttpRequest("GET", QStringLiteral("/")).setMaxRetries(1));
    return thenMap(info, [tenant](const QJsonValue &info, ApiError *error) {
        return KintoFamily::identityFrom(info.toObject(), tenant, error).toJson();
    });
}

Job *KintoSession::fetchChildren(const TreeNode &parent)
{
    const QString bucket = parent.data.value(QLatin1String("bucket")).toString();
    if (parent.kind == QLatin1String("tenant")) {
        return thenMap(m_client->getBuckets(), [](const QJsonValue &items, ApiError *) {
            return sortedNodes(QStringLiteral("bucket"), {}, items.toArray());
        });
    }
    if (parent.kind == QLatin1String("bucket")) {
        auto *job = new Job(this);
        QJsonArray folders;
        for (const TreeNode &child : nodeFor(QStringLiteral("bucket"), bucket, parent.data.value(QLatin1String("object")).toObject()).children)
            folders.append(child.toJson());
        job->succeedLater(folders);
        return job;
    }
    if (parent.kind == QLatin1String("collections")) {
        return thenMap(m_client->getCollections(bucket), [bucket](const QJsonValue &items, ApiError *) {
            return sortedNodes(QStringLiteral("collection"), bucket, items.toArray());
        });
    }
    if (parent.kind == QLatin1String("groups")) {
        return thenMap(m_client->getGroups(bucket), [bucket](const QJsonValue &items, ApiError *) {
            return sortedNodes(QStringLiteral("group"), bucket, items.toArray());
        });
    }
    return nullptr;
}

Job *KintoSession::fetchNode(const TreeNode &node)
{
    const QString bucket = node.data.value(QLatin1String("bucket")).toString();
    Job *job = nullptr;
    if (node.kind == QLatin1String("bucket"))
        job = m_client->getBucket(node.id);
    else if (node.kind == QLatin1String("collection"))
        job = m_client->getCollection(bucket, node.id);
    else if (node.kind == QLatin1String("group"))
        job = m_client->getGroup(bucket, node.id);
    if (!job)
        return nullptr;
    const QString kind = node.kind;
    return thenMap(job, [kind, bucket](const QJsonValue &answer, ApiError *) {
        return nodeFor(kind, bucket, answer.toObject().value(QLatin1String("data")).toObject()).toJson();
    });
}

Job *KintoSession::decorate(const TreeNode &node)
{
    if (node.kind != QLatin1String("collection"))
        return nullptr;
    const QString bucket = node.data.value(QLatin1String("bucket")).toString();
    return thenMap(m_client->countRecords(bucket, node.id), [node](const QJsonValue &count, ApiError *) {
        TreeNode counted = node;
        if (count.isDouble()) {
            const qint64 n = qint64(count.toDouble());
            counted.badge = QLocale().toString(n);
            counted.data.insert(QStringLiteral("count"), n);
            const int plural = int(qMin<qint64>(n, INT_MAX)); // apart: lupdate 6.4 hangs on a template in tr()'s arguments
            counted.toolTip += QLatin1Char('\n') + QCoreApplication::translate("KintoFamily", "%n record(s)", nullptr, plural);
        }
        return counted.toJson();
    });
}
