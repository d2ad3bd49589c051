#pragma once

#include "kintotypes.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

// What the `tenantctl kinto` commands share: option builders, JSON arguments, object types.
namespace KintoCli {

QCommandLineOption option(const QStringList &names, const QString &description, const QString &valueName = {});
QCommandLineOption option(const QString &name, const QString &description, const QString &valueName = {});
// Listing options shared by list, count, history, purge-history and permissions.
QList<QCommandLineOption> listingOptions();
QCommandLineOption dataOption();
QCommandLineOption permissionsOption();
QCommandLineOption ifMatchOption();
QCommandLineOption unsafeOption();

// Reads a JSON argument: inline text, @FILE, or @- for standard input (Console::readArgument).
bool readJson(const QString &argument, QJsonValue *value, QString *error);
bool readJsonObject(const QString &argument, QJsonObject *object, QString *error);

enum class Kind { None, Bucket, Group, Collection, Record };
// "record" or "records" (then *plural), case-insensitive; Kind::None for anything else.
Kind kindOf(const QString &word, bool *plural);
// The object of that kind; an empty bucket/collection means the client's default.
KintoRef refOf(Kind kind, const QString &id, const QString &bucket = {}, const QString &collection = {});
KintoRef pluralOf(Kind kind);
const QString &typeHelp(); // "bucket, group, collection or record"

// QCommandLineParser::isSet() warns about options the command does not define; several commands
// share one code path, so ask what was given instead.
bool isSet(const QCommandLineParser &parser, const char *name);

} // namespace KintoCli
