#include "jamfprivileges.h"

#include <QCoreApplication>

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

QJsonDocument readResource(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("Jamf privilege data missing from the resources: %s", qPrintable(path));
    return QJsonDocument::fromJson(file.readAll());
}

QStringList toStrings(const QJsonArray &array)
{
    QStringList list;
    list.reserve(array.size());
    for (const QJsonValue &v : array)
        list << v.toString();
    return list;
}

struct Operation
{
    QStringList segments; // "{...}" matches any segment
    QStringList privileges;
};

// Method -> its operations, in the data's order.
const QHash<QByteArray, QList<Operation>> &operations()
{
    static const QHash<QByteArray, QList<Operation>> table = [] {
        QHash<QByteArray, QList<Operation>> t;
        const QJsonObject data = readResource(QStringLiteral(":/jamf/jamf-required-privileges.json")).object();
        for (auto it = data.constBegin(); it != data.constEnd(); ++it) {
            const qsizetype space = it.key().indexOf(QLatin1Char(' '));
            const QByteArray method = it.key().left(space).toLatin1();
            t[method].append({ it.key().mid(space + 1).split(QLatin1Char('/')), toStrings(it.value().toArray()) });
        }
        return t;
    }();
    return table;
}

bool matches(const QStringList &pattern, const QStringList &segments)
{
    if (pattern.size() != segments.size())
        return false;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QString &p = pattern.at(i);
        if (p.startsWith(QLatin1Char('{')) ? segments.at(i).isEmpty() : p != segments.at(i))
            return false;
    }
    return true;
}

} // namespace

namespace JamfPrivileges {

const QStringList &catalogue()
{
    static const QStringList names = toStrings(
        readResource(QStringLiteral(":/jamf/jamf-privileges.json")).object().value(QLatin1String("privileges")).toArray());
    return names;
}

QStringList requiredFor(const QByteArray &method, const QString &path)
{
    const QStringList segments = path.split(QLatin1Char('/'));
    const QList<Operation> candidates = operations().value(method.toUpper());
    // A literal segment beats a parameter ("/api-roles/search" before "/api-roles/{id}").
    const Operation *best = nullptr;
    int bestLiterals = -1;
    for (const Operation &op : candidates) {
        if (!matches(op.segments, segments))
            continue;
        const int literals = int(std::count_if(op.segments.cbegin(), op.segments.cend(),
            [](const QString &s) { return !s.startsWith(QLatin1Char('{')); }));
        if (literals > bestLiterals) {
            best = &op;
            bestLiterals = literals;
        }
    }
    return best ? best->privileges : QStringList();
}

QString objectOf(const QString &privilege)
{
    static const QStringList verbs { QStringLiteral("Read "), QStringLiteral("Create "), QStringLiteral("Update "),
        QStringLiteral("Delete "), QStringLiteral("View "), QStringLiteral("Send "), QStringLiteral("Assign "),
        QStringLiteral("Allow "), QStringLiteral("Change "), QStringLiteral("Edit ") };
    for (const QString &verb : verbs) {
        if (privilege.startsWith(verb))
            return privilege.mid(verb.size());
    }
    return privilege;
}

QStringList patcherPreset()
{
    return { QStringLiteral("Read Patch Management Software Titles"), QStringLiteral("Read Patch Policies"),
        QStringLiteral("Read Mobile Devices"), QStringLiteral("Read Mobile Device Inventory Collection"),
        QStringLiteral("Read Mobile Device Applications"), QStringLiteral("Read Patch Management Settings"),
        QStringLiteral("Create API Integrations"), QStringLiteral("Create API Roles"),
        QStringLiteral("Read API Integrations"), QStringLiteral("Read API Roles"),
        QStringLiteral("Update API Integrations"), QStringLiteral("Update API Roles") };
}

} // namespace JamfPrivileges

QString JamfPrivileges::countText(int count)
{
    return count == 1 ? QCoreApplication::translate("JamfPrivileges", "1 privilege")
                      : QCoreApplication::translate("JamfPrivileges", "%1 privileges").arg(count);
}
