#include "jamftypes.h"

#include <QCoreApplication>
#include <QJsonArray>

static QStringList stringsOf(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &v : value.toArray())
        list << v.toString();
    return list;
}

JamfRole JamfRole::fromJson(const QJsonObject &o)
{
    JamfRole role;
    const QJsonValue id = o.value(QLatin1String("id"));
    role.id = id.isDouble() ? QString::number(id.toInteger()) : id.toString();
    role.displayName = o.value(QLatin1String("displayName")).toString();
    role.privileges = stringsOf(o.value(QLatin1String("privileges")));
    return role;
}

QJsonObject JamfRole::toRequestJson() const
{
    return { { QStringLiteral("displayName"), displayName },
        { QStringLiteral("privileges"), QJsonArray::fromStringList(privileges) } };
}

QJsonObject JamfRole::toJson() const
{
    QJsonObject o = toRequestJson();
    if (!id.isEmpty())
        o.insert(QStringLiteral("id"), id);
    return o;
}

JamfApiClient JamfApiClient::fromJson(const QJsonObject &o)
{
    JamfApiClient client;
    const QJsonValue id = o.value(QLatin1String("id"));
    client.id = id.isString() ? id.toString().toInt() : id.toInt();
    client.displayName = o.value(QLatin1String("displayName")).toString();
    client.authorizationScopes = stringsOf(o.value(QLatin1String("authorizationScopes")));
    client.enabled = o.value(QLatin1String("enabled")).toBool(true);
    client.accessTokenLifetimeSeconds = o.value(QLatin1String("accessTokenLifetimeSeconds")).toInt(1800);
    client.clientId = o.value(QLatin1String("clientId")).toString();
    client.appType = o.value(QLatin1String("appType")).toString();
    return client;
}

QJsonObject JamfApiClient::toRequestJson() const
{
    return { { QStringLiteral("authorizationScopes"), QJsonArray::fromStringList(authorizationScopes) },
        { QStringLiteral("displayName"), displayName }, { QStringLiteral("enabled"), enabled },
        { QStringLiteral("accessTokenLifetimeSeconds"), accessTokenLifetimeSeconds } };
}

QJsonObject JamfApiClient::toJson() const
{
    QJsonObject o = toRequestJson();
    if (id > 0)
        o.insert(QStringLiteral("id"), id);
    if (!clientId.isEmpty())
        o.insert(QStringLiteral("clientId"), clientId);
    if (!appType.isEmpty())
        o.insert(QStringLiteral("appType"), appType);
    return o;
}

namespace JamfRsql {

QString quote(const QString &value)
{
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('"'), QLatin1String("\\\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString displayNameIs(const QString &name, bool contains)
{
    return QStringLiteral("displayName==") + quote(contains ? QLatin1Char('*') + name + QLatin1Char('*') : name);
}

} // namespace JamfRsql

QList<std::pair<QString, int>> JamfApiClient::lifetimePresets()
{
    QList<std::pair<QString, int>> presets;
    for (const int seconds : { 900, 1800, 3600, 14400, 28800 })
        presets.append({ lifetimeText(seconds), seconds });
    return presets;
}

QString JamfApiClient::lifetimeText(int seconds)
{
    const auto text = [](const char *one, const char *many, int n) {
        return n == 1 ? QCoreApplication::translate("JamfApiClient", one)
                      : QCoreApplication::translate("JamfApiClient", many).arg(n);
    };
    if (seconds > 0 && seconds % 3600 == 0)
        return text(QT_TRANSLATE_NOOP("JamfApiClient", "1 hour"), QT_TRANSLATE_NOOP("JamfApiClient", "%1 hours"), seconds / 3600);
    if (seconds > 0 && seconds % 60 == 0)
        return text(QT_TRANSLATE_NOOP("JamfApiClient", "1 minute"), QT_TRANSLATE_NOOP("JamfApiClient", "%1 minutes"),
                    seconds / 60);
    return QCoreApplication::translate("JamfApiClient", "%1 s").arg(seconds);
}

QString JamfApiClient::appTypeText(const QString &appType)
{
    if (appType == QLatin1String("CLIENT_CREDENTIALS"))
        return QCoreApplication::translate("JamfApiClient", "Client id and secret");
    if (appType == QLatin1String("NONE") || appType.isEmpty())
        return QCoreApplication::translate("JamfApiClient", "No secret yet (Rotate secret makes one)");
    if (appType == QLatin1String("NATIVE_APP_OAUTH"))
        return QCoreApplication::translate("JamfApiClient", "Native app (OAuth)");
    return appType;
}
