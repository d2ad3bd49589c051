#include "kintocli.h"

#include "console.h"

#include "net/json.h"

#include <QFile>

#include <cstdio>

namespace KintoCli {

QCommandLineOption option(const QStringList &names, const QString &description, const QString &valueName)
{
    return QCommandLineOption(names, description, valueName);
}

QCommandLineOption option(const QString &name, const QString &description, const QString &valueName)
{
    return QCommandLineOption(name, description, valueName);
}

QList<QCommandLineOption> listingOptions()
{
    return {
        option(QStringLiteral("limit"), QStringLiteral("Items per page (_limit)."), QStringLiteral("N")),
        option(QStringLiteral("pages"), QStringLiteral("Pages to fetch: a number or \"all\" (default: 1 with --limit, else all)."),
               QStringLiteral("N")),
        option(QStringLiteral("sort"), QStringLiteral("Sort order, e.g. \"title,-last_modified\" (_sort)."), QStringLiteral("FIELDS")),
        option(QStringLiteral("fields"), QStringLiteral("Fields to return, comma separated (_fields)."), QStringLiteral("FIELDS")),
        option(QStringLiteral("filter"), QStringLiteral("A filter \"[op_]field=value\", e.g. min_age=18, in_id=a,b (repeatable)."),
               QStringLiteral("KEY=VALUE")),
        option(QStringLiteral("since"), QStringLiteral("Only changes after this timestamp (_since)."), QStringLiteral("TS")),
        option(QStringLiteral("before"), QStringLiteral("Only changes before this timestamp (_before)."), QStringLiteral("TS")),
    };
}

QCommandLineOption dataOption()
{
    return option(QStringLiteral("data"), QStringLiteral("The object's data: JSON, @FILE or @- (stdin)."), QStringLiteral("JSON"));
}

QCommandLineOption permissionsOption()
{
    return option(QStringLiteral("permissions"), QStringLiteral("Permissions: JSON, @FILE or @- (stdin), e.g. {\"read\": [\"system.Everyone\"]}."),
                  QStringLiteral("JSON"));
}

QCommandLineOption ifMatchOption()
{
    return option(QStringLiteral("if-match"), QStringLiteral("Only if the object's last_modified is still TS (else exit 4)."),
                  QStringLiteral("TS"));
}

QCommandLineOption unsafeOption()
{
    return option(QStringLiteral("unsafe"), QStringLiteral("Skip the If-Match / If-None-Match precondition (overwrite)."));
}

bool readJson(const QString &argument, QJsonValue *value, QString *error)
{
    QByteArray text;
    if (!Console::readArgument(argument, &text, error))
        return false;
    QString why;
    if (!Json::parse(text, value, &why)) {
        *error = QStringLiteral("invalid JSON in %1: %2").arg(argument.left(40), why);
        return false;
    }
    return true;
}

bool readJsonObject(const QString &argument, QJsonObject *object, QString *error)
{
    QJsonValue value;
    if (!readJson(argument, &value, error))
        return false;
    if (!value.isObject()) {
        *error = QStringLiteral("a JSON object is expected, not %1").arg(argument.left(40));
        return false;
    }
    *object = value.toObject();
    return true;
}

Kind kindOf(const QString &word, bool *plural)
{
    QString name = word.toLower();
    *plural = name.endsWith(QLatin1Char('s'));
    if (*plural)
        name.chop(1);
    if (name == QLatin1String("bucket"))
        return Kind::Bucket;
    if (name == QLatin1String("group"))
        return Kind::Group;
    if (name == QLatin1String("collection"))
        return Kind::Collection;
    if (name == QLatin1String("record"))
        return Kind::Record;
    return Kind::None;
}

KintoRef refOf(Kind kind, const QString &id, const QString &bucket, const QString &collection)
{
    switch (kind) {
    case Kind::Bucket: return KintoRef::ofBucket(id);
    case Kind::Group: return KintoRef::ofGroup(bucket, id);
    case Kind::Collection: return KintoRef::ofCollection(bucket, id);
    default: return KintoRef::ofRecord(bucket, collection, id);
    }
}

KintoRef pluralOf(Kind kind)
{
    switch (kind) {
    case Kind::Bucket: return KintoRef::ofBuckets();
    case Kind::Group: return KintoRef::ofGroups({});
    case Kind::Collection: return KintoRef::ofCollections({});
    default: return KintoRef::ofRecords({}, {});
    }
}

const QString &typeHelp()
{
    static const QString text = QStringLiteral("bucket, group, collection or record");
    return text;
}

bool isSet(const QCommandLineParser &parser, const char *name)
{
    return parser.optionNames().contains(QLatin1String(name));
}

} // namespace KintoCli
