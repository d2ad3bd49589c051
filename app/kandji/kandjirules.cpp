#include "kandjirules.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QXmlStreamReader>

namespace KandjiRules {

static QString tr(const char *text)
{
    return QCoreApplication::translate("KandjiRules", text);
}

QStringList executionFrequencies()
{
    return { QStringLiteral("once"), QStringLiteral("every_15_min"), QStringLiteral("every_day"),
             QStringLiteral("no_enforcement") };
}

QStringList installTypes()
{
    return { QStringLiteral("package"), QStringLiteral("zip"), QStringLiteral("image") };
}

QStringList installEnforcements()
{
    return { QStringLiteral("install_once"), QStringLiteral("continuously_enforce"), QStringLiteral("no_enforcement") };
}

QStringList profilePlatformFlags()
{
    return { QStringLiteral("runs_on_mac"), QStringLiteral("runs_on_iphone"), QStringLiteral("runs_on_ipad"),
             QStringLiteral("runs_on_tv"), QStringLiteral("runs_on_vision") };
}

QString platformName(const QString &flag)
{
    static const QHash<QString, QString> names { { QStringLiteral("runs_on_mac"), QStringLiteral("macOS") },
        { QStringLiteral("runs_on_iphone"), QStringLiteral("iPhone") }, { QStringLiteral("runs_on_ipad"), QStringLiteral("iPad") },
        { QStringLiteral("runs_on_tv"), QStringLiteral("tvOS") }, { QStringLiteral("runs_on_vision"), QStringLiteral("visionOS") } };
    return names.value(flag);
}

static QString text(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

static bool flag(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toBool();
}

// Required names on create, and types: these keys must be booleans / strings when present.
static QString checkShape(const QJsonObject &fields, bool creating, const QStringList &required,
                          const QStringList &booleans)
{
    for (const QString &key : required) {
        if (creating && fields.value(key).toString().trimmed().isEmpty())
            return tr("\"%1\" is required.").arg(key);
    }
    if (fields.contains(QLatin1String("name")) && fields.value(QLatin1String("name")).toString().trimmed().isEmpty())
        return tr("The name must not be empty.");
    for (const QString &key : booleans) {
        if (fields.contains(key) && !fields.value(key).isBool())
            return tr("\"%1\" must be true or false.").arg(key);
    }
    return {};
}

static QString checkEnum(const QJsonObject &fields, const char *key, const QStringList &allowed)
{
    if (fields.contains(QLatin1String(key)) && !allowed.contains(text(fields, key)))
        return tr("\"%1\" must be one of %2 (got \"%3\").").arg(QLatin1String(key), allowed.join(QStringLiteral(", ")), text(fields, key));
    return {};
}

static QString checkSelfService(const QJsonObject &fields, const char *enforcementKey)
{
    if (text(fields, enforcementKey) == QLatin1String("no_enforcement") && !flag(fields, "show_in_self_service"))
        return tr("With no enforcement the item must be shown in Self Service (show_in_self_service).");
    if (flag(fields, "show_in_self_service") && text(fields, "self_service_category_id").isEmpty())
        return tr("An item shown in Self Service needs a Self Service category (self_service_category_id).");
    return {};
}

QString checkProfile(const QJsonObject &fields, bool creating)
{
    QStringList booleans = profilePlatformFlags();
    booleans << QStringLiteral("active");
    if (QString e = checkShape(fields, creating, { QStringLiteral("name") }, booleans); !e.isEmpty())
        return e;
    int given = 0;
    int on = 0;
    for (const QString &key : profilePlatformFlags()) {
        given += fields.contains(key) ? 1 : 0;
        on += fields.value(key).toBool() ? 1 : 0;
    }
    if (on == 0 && (creating || given == profilePlatformFlags().size()))
        return tr("A custom profile must run on at least one platform (one of runs_on_mac, runs_on_iphone, "
                  "runs_on_ipad, runs_on_tv, runs_on_vision).");
    return {};
}

QString checkScript(const QJsonObject &fields, bool creating)
{
    const QStringList booleans { QStringLiteral("active"), QStringLiteral("restart"), QStringLiteral("show_in_self_service"),
                                 QStringLiteral("self_service_recommended") };
    if (QString e = checkShape(fields, creating, { QStringLiteral("name"), QStringLiteral("script"), QStringLiteral("execution_frequency") }, booleans);
        !e.isEmpty())
        return e;
    if (QString e = checkEnum(fields, "execution_frequency", executionFrequencies()); !e.isEmpty())
        return e;
    return checkSelfService(fields, "execution_frequency");
}

QString checkApp(const QJsonObject &fields, bool creating)
{
    const QStringList booleans { QStringLiteral("active"), QStringLiteral("restart"), QStringLiteral("show_in_self_service"),
                                 QStringLiteral("self_service_recommended") };
    if (QString e = checkShape(fields, creating, { QStringLiteral("name"), QStringLiteral("install_type"), QStringLiteral("install_enforcement") },
                               booleans); !e.isEmpty())
        return e;
    if (QString e = checkEnum(fields, "install_type", installTypes()); !e.isEmpty())
        return e;
    if (QString e = checkEnum(fields, "install_enforcement", installEnforcements()); !e.isEmpty())
        return e;
    if (!text(fields, "audit_script").isEmpty() && fields.contains(QLatin1String("install_enforcement"))
        && text(fields, "install_enforcement") != QLatin1String("continuously_enforce"))
        return tr("An audit script is only allowed with continuously_enforce.");
    if (text(fields, "install_type") == QLatin1String("zip") && text(fields, "unzip_location").trimmed().isEmpty())
        return tr("A zip app needs an unzip location (unzip_location).");
    return checkSelfService(fields, "install_enforcement");
}

QString checkPropertyList(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return tr("Cannot read \"%1\": %2").arg(path, file.errorString());
    constexpr qint64 limit = 16 * 1024 * 1024;
    if (file.size() > limit)
        return tr("\"%1\" is larger than 16 MiB: not a configuration profile.").arg(path);
    const QByteArray bytes = file.readAll();
    if (bytes.startsWith("bplist00"))
        return bytes.size() >= 40 ? QString() : tr("\"%1\" is a truncated binary property list.").arg(path);

    QXmlStreamReader xml(bytes);
    int depth = 0;
    int rootChildren = 0;
    bool sawRoot = false;
    QString rootChild;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (depth == 0) {
                if (sawRoot || xml.name() != QLatin1String("plist"))
                    return tr("\"%1\" is not a property list: its root element is <%2>, not <plist>.").arg(path, xml.name().toString());
                sawRoot = true;
            } else if (depth == 1) {
                ++rootChildren;
                rootChild = xml.name().toString();
            }
            ++depth;
        } else if (xml.isEndElement()) {
            --depth;
        }
    }
    if (xml.hasError())
        return tr("\"%1\" is not a well-formed property list: line %2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    if (!sawRoot)
        return tr("\"%1\" is not a property list (no <plist> element).").arg(path);
    if (rootChildren != 1 || rootChild != QLatin1String("dict"))
        return tr("\"%1\" is not a configuration profile: <plist> must hold one <dict>.").arg(path);
    return {};
}

bool isDuplicateAssignment(const ApiError &error)
{
    if (error.httpStatus() != 400)
        return false;
    const QString m = error.message();
    return m.contains(QLatin1String("Library Item already exists in Assignment Node"))
        || m.contains(QLatin1String("Library Item already exists on Blueprint"))
        || m.contains(QLatin1String("Assignment node can only have one of this Library Item type."));
}

QString fileNameFromKey(const QString &fileKey)
{
    static const QRegularExpression token(QStringLiteral("_[0-9a-fA-F]+(\\.[^.]+)$"));
    QString name = fileKey.section(QLatin1Char('/'), -1);
    name.replace(token, QStringLiteral("\\1"));
    return name;
}

} // namespace KandjiRules
