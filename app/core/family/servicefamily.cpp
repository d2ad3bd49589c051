#include "servicefamily.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace {

QStringList strings(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &v : value.toArray())
        list << v.toString();
    return list;
}

std::vector<std::unique_ptr<ServiceFamily>> &registry()
{
    static std::vector<std::unique_ptr<ServiceFamily>> families;
    return families;
}

} // namespace

ServiceIdentity ServiceIdentity::fromJson(const QJsonObject &json)
{
    ServiceIdentity identity;
    identity.user = json.value(QLatin1String("user")).toString();
    identity.authMethod = json.value(QLatin1String("authMethod")).toString();
    identity.serverVersion = json.value(QLatin1String("serverVersion")).toString();
    identity.capabilities = strings(json.value(QLatin1String("capabilities")));
    identity.warnings = strings(json.value(QLatin1String("warnings")));
    return identity;
}

QJsonObject ServiceIdentity::toJson() const
{
    return {
        {QStringLiteral("user"), user},
        {QStringLiteral("authMethod"), authMethod},
        {QStringLiteral("serverVersion"), serverVersion},
        {QStringLiteral("capabilities"), QJsonArray::fromStringList(capabilities)},
        {QStringLiteral("warnings"), QJsonArray::fromStringList(warnings)},
    };
}

QString ServiceIdentity::summary() const
{
    QString who = user.isEmpty() ? QCoreApplication::translate("ServiceIdentity", "anonymous") : user;
    if (!authMethod.isEmpty())
        who += QStringLiteral(" (%1)").arg(authMethod);
    const QString signedIn = QCoreApplication::translate("ServiceIdentity", "signed in as %1").arg(who);
    return serverVersion.isEmpty() ? signedIn : serverVersion + QStringLiteral(" · ") + signedIn;
}

TreeNode TreeNode::fromJson(const QJsonObject &json)
{
    TreeNode node;
    node.kind = json.value(QLatin1String("kind")).toString();
    node.id = json.value(QLatin1String("id")).toString();
    node.label = json.value(QLatin1String("label")).toString();
    node.badge = json.value(QLatin1String("badge")).toString();
    node.toolTip = json.value(QLatin1String("toolTip")).toString();
    node.icon = json.value(QLatin1String("icon")).toString();
    node.hasChildren = json.value(QLatin1String("hasChildren")).toBool();
    node.folder = json.value(QLatin1String("folder")).toBool();
    node.decorate = json.value(QLatin1String("decorate")).toBool();
    node.data = json.value(QLatin1String("data")).toObject();
    for (const QJsonValue &child : json.value(QLatin1String("children")).toArray())
        node.children.push_back(fromJson(child.toObject()));
    return node;
}

QJsonObject TreeNode::toJson() const
{
    QJsonObject json{{QStringLiteral("kind"), kind}, {QStringLiteral("id"), id}};
    const auto put = [&json](const char *key, const QString &value) {
        if (!value.isEmpty())
            json.insert(QLatin1String(key), value);
    };
    put("label", label);
    put("badge", badge);
    put("toolTip", toolTip);
    put("icon", icon);
    if (hasChildren)
        json.insert(QStringLiteral("hasChildren"), true);
    if (folder)
        json.insert(QStringLiteral("folder"), true);
    if (decorate)
        json.insert(QStringLiteral("decorate"), true);
    if (!data.isEmpty())
        json.insert(QStringLiteral("data"), data);
    if (!children.empty()) {
        QJsonArray array;
        for (const TreeNode &child : children)
            array.append(child.toJson());
        json.insert(QStringLiteral("children"), array);
    }
    return json;
}

Job *thenMap(Job *source, std::function<QJsonValue(const QJsonValue &result, ApiError *error)> map)
{
    auto *job = new Job;
    job->addChild(source);
    QObject::connect(source, &Job::finished, job, [job, map = std::move(map)](Job *done) {
        if (done->hasError()) {
            job->fail(done->error());
            return;
        }
        ApiError error;
        const QJsonValue result = map(done->result(), &error);
        if (error)
            job->fail(error);
        else
            job->succeed(result);
    });
    // A source that goes without finishing (its session closed) ends the job too.
    QObject::connect(source, &QObject::destroyed, job, [job] {
        if (!job->isFinished())
            job->fail(ApiError(ApiError::Kind::Cancelled, QCoreApplication::translate("ServiceFamily", "The session closed before the server answered.")));
    });
    return job;
}

namespace ServiceFamilies {

void add(std::unique_ptr<ServiceFamily> family)
{
    remove(family->id());
    registry().push_back(std::move(family));
}

void remove(const QString &id)
{
    auto &families = registry();
    std::erase_if(families, [&id](const auto &f) { return f->id() == id; });
}

const ServiceFamily *find(const QString &id)
{
    for (const auto &family : registry()) {
        if (family->id() == id)
            return family.get();
    }
    return nullptr;
}

std::vector<const ServiceFamily *> all()
{
    std::vector<const ServiceFamily *> families;
    for (const auto &family : registry())
        families.push_back(family.get());
    return families;
}

QString namesForPeople()
{
    QStringList names;
    for (const auto &family : registry())
        names << family->displayName();
    if (names.size() < 2)
        return names.join(QString());
    const QString last = names.takeLast();
    return QCoreApplication::translate("ServiceFamilies", "%1 and %2").arg(names.join(QStringLiteral(", ")), last);
}

} // namespace ServiceFamilies
