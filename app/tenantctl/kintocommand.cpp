#include "kintocommand.h"

#include "console.h"

#include "net/httpjob.h"
#include "net/json.h"
#include "net/userurl.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QTextStream>

#include <cmath>
#include <cstdio>

namespace {

constexpr int MaxOptionSeconds = 86'400;       // --timeout, --retry-after

using Console::err;
using Console::out;

QCommandLineOption option(const QStringList &names, const QString &description, const QString &valueName = {})
{
    return QCommandLineOption(names, description, valueName);
}

QCommandLineOption option(const QString &name, const QString &description, const QString &valueName = {})
{
    return QCommandLineOption(name, description, valueName);
}

// Listing options shared by list, history and permissions.
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

// Reads a JSON argument: inline text, @FILE, or @- for standard input (Console::readArgument).
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

enum class Kind { None, Bucket, Group, Collection, Record };

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

KintoRef refOf(Kind kind, const QString &id)
{
    switch (kind) {
    case Kind::Bucket: return KintoRef::ofBucket(id);
    case Kind::Group: return KintoRef::ofGroup({}, id);
    case Kind::Collection: return KintoRef::ofCollection({}, id);
    default: return KintoRef::ofRecord({}, {}, id);
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

const QString typeHelp = QStringLiteral("bucket, group, collection or record");

// QCommandLineParser::isSet() warns about options the command does not define; several commands
// share one code path here, so ask what was given instead.
bool isSet(const QCommandLineParser &parser, const char *name)
{
    return parser.optionNames().contains(QLatin1String(name));
}

} // namespace

struct KintoCommand::Command
{
    QString name;
    QString arguments; // synopsis after the name
    QString description;
    QList<QCommandLineOption> options;
};

const QList<KintoCommand::Command> &KintoCommand::commands()
{
    static const QList<Command> list = [] {
        QList<Command> c;
        c.append({ QStringLiteral("info"), {}, QStringLiteral("Server information (GET /): version, settings, capabilities, user."), {} });
        c.append({ QStringLiteral("list"), QStringLiteral("TYPE"),
                   QStringLiteral("List buckets, groups (of -b), collections (of -b) or records (of -b/-c)."), listingOptions() });
        c.append({ QStringLiteral("get"), QStringLiteral("TYPE [ID]"),
                   QStringLiteral("Get one object (TYPE: %1). A bucket or collection ID defaults to -b / -c.").arg(typeHelp), {} });
        c.append({ QStringLiteral("create"), QStringLiteral("TYPE [ID]"),
                   QStringLiteral("Create an object; fails (exit 4) if it exists. A record without ID gets a UUID."),
                   { dataOption(), permissionsOption(),
                     option(QStringLiteral("if-not-exists"), QStringLiteral("If it exists, print the existing object instead.")),
                     unsafeOption() } });
        c.append({ QStringLiteral("update"), QStringLiteral("TYPE [ID]"),
                   QStringLiteral("Replace an object (PUT). With data.last_modified or --if-match, only if unchanged meanwhile."),
                   { dataOption(), permissionsOption(), ifMatchOption(), unsafeOption() } });
        c.append({ QStringLiteral("patch"), QStringLiteral("TYPE [ID]"),
                   QStringLiteral("Modify an object: --data (shallow merge), --merge (JSON merge patch) or --json-patch (RFC 6902)."),
                   { dataOption(),
                     option(QStringLiteral("merge"), QStringLiteral("A JSON merge patch of the data (null removes a field)."), QStringLiteral("JSON")),
                     option(QStringLiteral("json-patch"), QStringLiteral("JSON patch operations on /data/... and /permissions/..."), QStringLiteral("JSON")),
                     permissionsOption(), ifMatchOption(), unsafeOption() } });
        c.append({ QStringLiteral("delete"), QStringLiteral("TYPE [ID]"), QStringLiteral("Delete an object and everything under it."),
                   { option(QStringLiteral("if-exists"), QStringLiteral("A missing object is not an error.")), ifMatchOption() } });
        c.append({ QStringLiteral("delete-all"), QStringLiteral("TYPES"),
                   QStringLiteral("Delete every writable bucket, group (of -b), collection (of -b) or record (of -b/-c)."),
                   { option(QStringLiteral("yes"), QStringLiteral("Confirm: required.")) } });
        c.append({ QStringLiteral("count"), {}, QStringLiteral("Count the records of -b/-c (HEAD, Total-Objects); filters apply."),
                   listingOptions() });
        c.append({ QStringLiteral("timestamp"), {}, QStringLiteral("The records timestamp of -b/-c (the list's ETag)."), {} });
        c.append({ QStringLiteral("batch"), QStringLiteral("FILE"),
                   QStringLiteral("Send the requests of FILE (@- or - for stdin) through POST /batch, in chunks of the server's "
                                  "batch_max_requests. FILE holds {\"defaults\": {...}, \"requests\": [{method, path, body?, headers?}]} "
                                  "or just the array; paths are below /v1. Prints every sub-response."),
                   {} });
        c.append({ QStringLiteral("history"), {}, QStringLiteral("The history of bucket -b (every page)."), listingOptions() });
        c.append({ QStringLiteral("purge-history"), {}, QStringLiteral("Delete the history entries of bucket -b that match the filters."),
                   listingOptions() });
        QList<QCommandLineOption> permissions = listingOptions();
        permissions.append(option(QStringLiteral("exclude"), QStringLiteral("Leave out these resource names, e.g. record,group."),
                                  QStringLiteral("NAMES")));
        c.append({ QStringLiteral("permissions"), {}, QStringLiteral("Every object the user has permissions on (GET /permissions)."),
                   permissions });
        c.append({ QStringLiteral("attachment"), QStringLiteral("upload ID FILE | download ID DEST | remove ID"),
                   QStringLiteral("Attachments of the records of -b/-c (kinto-attachment). download checks the SHA-256."),
                   { dataOption(), permissionsOption(),
                     option(QStringLiteral("filename"), QStringLiteral("upload: the name to give the file."), QStringLiteral("NAME")),
                     option(QStringLiteral("mimetype"), QStringLiteral("upload: the content type."), QStringLiteral("TYPE")),
                     option(QStringLiteral("overwrite"), QStringLiteral("download: replace DEST even when up to date.")) } });
        return c;
    }();
    return list;
}

const KintoCommand::Command *KintoCommand::find(const QString &name)
{
    for (const Command &command : commands()) {
        if (command.name == name)
            return &command;
    }
    return nullptr;
}

KintoCommand::KintoCommand(QObject *parent)
    : QObject(parent)
{
    m_global.setApplicationDescription(QStringLiteral("Work with a Kinto server."));
    m_global.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    m_global.addOptions({
        option(QStringList { QStringLiteral("s"), QStringLiteral("server") },
               QStringLiteral("The server URL, with or without /v1 (default: $KINTO_SERVER_URL)."), QStringLiteral("URL")),
        option(QStringList { QStringLiteral("a"), QStringLiteral("auth") },
               QStringLiteral("\"user:password\", \"Bearer TOKEN\" or \"Basic TOKEN\" (default: $KINTO_AUTH)."), QStringLiteral("AUTH")),
        option(QStringList { QStringLiteral("b"), QStringLiteral("bucket") }, QStringLiteral("Bucket name (default: \"default\")."),
               QStringLiteral("BUCKET")),
        option(QStringList { QStringLiteral("c"), QStringLiteral("collection") }, QStringLiteral("Collection name."),
               QStringLiteral("COLLECTION")),
        option(QStringLiteral("retry"), QStringLiteral("Retries on 409, 429 and 5xx answers (default 0)."), QStringLiteral("N")),
        option(QStringLiteral("retry-after"), QStringLiteral("Seconds between retries (default: the server's Retry-After)."),
               QStringLiteral("S")),
        option(QStringLiteral("timeout"), QStringLiteral("Seconds without data before a request fails (default 60)."), QStringLiteral("S")),
        option(QStringLiteral("dry-run"), QStringLiteral("Send nothing; show what would be sent (with -v).")),
        option(QStringLiteral("jsonl"), QStringLiteral("Print lists one compact JSON document per line.")),
        option(QStringList { QStringLiteral("v"), QStringLiteral("verbose") }, QStringLiteral("Show all messages.")),
        option(QStringList { QStringLiteral("q"), QStringLiteral("quiet") }, QStringLiteral("Show only critical errors.")),
        option(QStringList { QStringLiteral("D"), QStringLiteral("debug") }, QStringLiteral("Show all messages, debug ones too.")),
        option(QStringList { QStringLiteral("h"), QStringLiteral("help") }, QStringLiteral("Show this help.")),
    });
    m_global.addPositionalArgument(QStringLiteral("command"), QStringLiteral("The command, see below."), QStringLiteral("COMMAND ..."));
}

KintoCommand::~KintoCommand() = default;


int KintoCommand::usageError(const QString &message)
{
    err() << "tenantctl kinto: " << message << "\n" << "Try 'tenantctl kinto --help'.\n";
    err().flush();
    return Usage;
}

QString KintoCommand::globalHelp() const
{
    QString text = m_global.helpText();
    text.replace(QStringLiteral("Usage: ") + QCoreApplication::arguments().constFirst(), QStringLiteral("Usage: tenantctl kinto"));
    text += QStringLiteral("\nCommands (tenantctl kinto COMMAND --help for each):\n");
    for (const Command &command : commands())
        text += QStringLiteral("  %1 %2\n      %3\n").arg(command.name, command.arguments, command.description);
    text += QStringLiteral("\nExit codes: 0 ok, 1 other error, 2 usage, 3 not found, 4 conflict, 5 auth, 6 network.\n");
    return text;
}

void KintoCommand::setUpLogging()
{
    QString rules = QStringLiteral("tenantdesk.*.info=false\ntenantdesk.*.debug=false\n");
    if (m_global.isSet(QStringLiteral("verbose")))
        rules = QStringLiteral("tenantdesk.*.info=true\ntenantdesk.*.debug=false\n");
    if (m_global.isSet(QStringLiteral("debug")))
        rules = QStringLiteral("tenantdesk.*=true\n");
    if (m_global.isSet(QStringLiteral("quiet")))
        rules = QStringLiteral("*.info=false\n*.debug=false\n*.warning=false\n");
    QLoggingCategory::setFilterRules(rules);
    qSetMessagePattern(QStringLiteral("%{if-category}%{category}: %{endif}%{message}"));
}

bool KintoCommand::setUpClient(QString *error)
{
    QString server = m_global.value(QStringLiteral("server"));
    if (server.isEmpty())
        server = qEnvironmentVariable("KINTO_SERVER_URL");
    if (server.isEmpty()) {
        *error = QStringLiteral("no server: give -s URL (or set KINTO_SERVER_URL)");
        return false;
    }
    m_settings.serverUrl = UserUrl::parseServerUrl(server, error);
    if (!m_settings.serverUrl.isValid())
        return false;
    m_settings.auth = m_global.isSet(QStringLiteral("auth")) ? m_global.value(QStringLiteral("auth"))
                                                              : qEnvironmentVariable("KINTO_AUTH");
    if (m_global.isSet(QStringLiteral("bucket")))
        m_settings.bucket = m_global.value(QStringLiteral("bucket"));
    m_settings.collection = m_global.value(QStringLiteral("collection"));
    m_settings.dryRun = m_global.isSet(QStringLiteral("dry-run"));
    bool ok = true;
    if (m_global.isSet(QStringLiteral("retry")))
        m_settings.retries = m_global.value(QStringLiteral("retry")).toInt(&ok);
    if (!ok || m_settings.retries < 0) {
        *error = QStringLiteral("--retry needs a number >= 0");
        return false;
    }
    if (m_global.isSet(QStringLiteral("retry-after"))) {
        const double seconds = m_global.value(QStringLiteral("retry-after")).toDouble(&ok);
        if (!ok || !std::isfinite(seconds) || seconds < 0 || seconds > MaxOptionSeconds) {
            *error = QStringLiteral("--retry-after needs a number of seconds from 0 to %1").arg(MaxOptionSeconds);
            return false;
        }
        m_settings.retryAfterMs = int(seconds * 1000);
    }
    if (m_global.isSet(QStringLiteral("timeout"))) {
        const double seconds = m_global.value(QStringLiteral("timeout")).toDouble(&ok);
        if (!ok || !std::isfinite(seconds) || seconds < 0.001 || seconds > MaxOptionSeconds) {
            *error = QStringLiteral("--timeout needs a number of seconds from 0.001 to %1").arg(MaxOptionSeconds);
            return false;
        }
        m_settings.timeoutMs = int(seconds * 1000);
    }
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<KintoClient>(m_nam.get(), m_settings);
    return true;
}

int KintoCommand::run(const QStringList &arguments)
{
    // arguments: program, "kinto", global options..., COMMAND, command arguments...
    QStringList globalArgs = arguments;
    if (globalArgs.size() > 1)
        globalArgs.removeAt(1);
    if (!m_global.parse(globalArgs))
        return usageError(m_global.errorText());
    const QStringList rest = m_global.positionalArguments();
    if (m_global.isSet(QStringLiteral("help")) && rest.isEmpty()) {
        out() << globalHelp();
        out().flush();
        return Ok;
    }
    if (rest.isEmpty())
        return usageError(QStringLiteral("no command given"));
    const Command *command = find(rest.first());
    if (!command)
        return usageError(QStringLiteral("unknown command \"%1\"").arg(rest.first()));

    QCommandLineParser parser;
    parser.setApplicationDescription(command->description);
    parser.addOptions(command->options);
    const QCommandLineOption help(QStringList { QStringLiteral("h"), QStringLiteral("help") }, QStringLiteral("Show this help."));
    parser.addOption(help);
    if (!command->arguments.isEmpty())
        parser.addPositionalArgument(QStringLiteral("args"), command->arguments, command->arguments);
    QStringList commandArgs = rest;
    commandArgs[0] = QStringLiteral("tenantctl kinto ") + command->name;
    if (!parser.parse(commandArgs))
        return usageError(parser.errorText());
    if (parser.isSet(help) || m_global.isSet(QStringLiteral("help"))) {
        QString text = parser.helpText();
        text.replace(QStringLiteral("Usage: ") + QCoreApplication::arguments().constFirst(),
                     QStringLiteral("Usage: tenantctl kinto [global options] ") + command->name);
        out() << text;
        out().flush();
        return Ok;
    }

    setUpLogging();
    m_jsonl = m_global.isSet(QStringLiteral("jsonl"));
    QString error;
    if (!setUpClient(&error))
        return usageError(error);
    Job *job = start(*command, parser, &error);
    if (!job)
        return usageError(error);
    connect(job, &Job::finished, this, [this, job] { finish(job); });
    return QCoreApplication::exec() == 0 ? m_exitCode : Other;
}

bool KintoCommand::listOptions(QCommandLineParser &parser, KintoListOptions *options, QString *error) const
{
    bool ok = true;
    if (isSet(parser, "limit")) {
        options->limit = parser.value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || options->limit <= 0) {
            *error = QStringLiteral("--limit needs a number > 0");
            return false;
        }
    }
    if (isSet(parser, "pages")) {
        const QString pages = parser.value(QStringLiteral("pages"));
        options->pages = pages == QLatin1String("all") ? KintoListOptions::AllPages : pages.toInt(&ok);
        if (!ok || options->pages == 0 || options->pages < KintoListOptions::AllPages) {
            *error = QStringLiteral("--pages needs a number > 0 or \"all\"");
            return false;
        }
    }
    options->sort = parser.value(QStringLiteral("sort"));
    if (isSet(parser, "fields"))
        options->fields = parser.value(QStringLiteral("fields")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    options->since = parser.value(QStringLiteral("since"));
    options->before = parser.value(QStringLiteral("before"));
    for (const QString &text : parser.values(QStringLiteral("filter"))) {
        KintoFilter filter;
        if (!KintoFilter::parse(text, &filter)) {
            *error = QStringLiteral("--filter needs KEY=VALUE, not \"%1\"").arg(text);
            return false;
        }
        options->filters.append(filter);
    }
    return true;
}

Job *KintoCommand::start(const Command &command, QCommandLineParser &parser, QString *error)
{
    const QStringList args = parser.positionalArguments();
    const QString &name = command.name;
    const auto expectArgs = [&](qsizetype min, qsizetype max) {
        if (args.size() >= min && args.size() <= max)
            return true;
        *error = QStringLiteral("%1 expects: %2").arg(name, command.arguments.isEmpty() ? QStringLiteral("no arguments") : command.arguments);
        return false;
    };

    if (name == QLatin1String("info"))
        return expectArgs(0, 0) ? m_client->serverInfo() : nullptr;
    if (name == QLatin1String("list"))
        return expectArgs(1, 1) ? startList(parser, args, error) : nullptr;
    if (name == QLatin1String("get")) {
        if (!expectArgs(1, 2))
            return nullptr;
        bool plural = false;
        const Kind kind = kindOf(args.at(0), &plural);
        if (kind == Kind::None || plural) {
            *error = QStringLiteral("get: TYPE is one of %1").arg(typeHelp);
            return nullptr;
        }
        return m_client->get(refOf(kind, args.value(1)));
    }
    if (name == QLatin1String("create") || name == QLatin1String("update") || name == QLatin1String("patch")
        || name == QLatin1String("delete"))
        return expectArgs(1, 2) ? startWrite(name, parser, args, error) : nullptr;
    if (name == QLatin1String("delete-all")) {
        if (!expectArgs(1, 1))
            return nullptr;
        bool plural = false;
        const Kind kind = kindOf(args.at(0), &plural);
        if (kind == Kind::None) {
            *error = QStringLiteral("delete-all: TYPES is one of buckets, groups, collections, records");
            return nullptr;
        }
        if (!isSet(parser, "yes")) {
            *error = QStringLiteral("delete-all deletes every writable %1: add --yes to confirm").arg(args.at(0));
            return nullptr;
        }
        return m_client->removeAll(pluralOf(kind));
    }
    if (name == QLatin1String("count") || name == QLatin1String("history") || name == QLatin1String("purge-history")
        || name == QLatin1String("permissions")) {
        KintoListOptions options;
        if (!expectArgs(0, 0) || !listOptions(parser, &options, error))
            return nullptr;
        if (name == QLatin1String("count"))
            return m_client->countRecords({}, {}, options);
        if (name == QLatin1String("history"))
            return m_client->getHistory({}, options);
        if (name == QLatin1String("purge-history"))
            return m_client->purgeHistory({}, options);
        QStringList exclude;
        for (const QString &names : parser.values(QStringLiteral("exclude")))
            exclude << names.split(QLatin1Char(','), Qt::SkipEmptyParts);
        return m_client->getPermissions(exclude, options);
    }
    if (name == QLatin1String("timestamp"))
        return expectArgs(0, 0) ? m_client->getRecordsTimestamp() : nullptr;
    if (name == QLatin1String("batch"))
        return expectArgs(1, 1) ? startBatch(args, error) : nullptr;
    if (name == QLatin1String("attachment"))
        return expectArgs(2, 3) ? startAttachment(parser, args, error) : nullptr;
    *error = QStringLiteral("unknown command \"%1\"").arg(name);
    return nullptr;
}

Job *KintoCommand::startList(QCommandLineParser &parser, const QStringList &args, QString *error)
{
    bool plural = false;
    const Kind kind = kindOf(args.at(0), &plural);
    KintoListOptions options;
    if (kind == Kind::None) {
        *error = QStringLiteral("list: TYPE is one of buckets, groups, collections, records");
        return nullptr;
    }
    if (!listOptions(parser, &options, error))
        return nullptr;
    if (!m_jsonl)
        return m_client->list(pluralOf(kind), options);
    // One line per item as pages arrive: constant memory whatever the collection's size.
    KintoListJob *job = m_client->list(pluralOf(kind), options, KintoListJob::Mode::Stream);
    m_streamed = true;
    connect(job, &KintoListJob::page, this, [](const QJsonArray &items) {
        for (const QJsonValue &item : items)
            out() << QString::fromUtf8(Json::toBytes(item)) << '\n';
        out().flush();
    });
    return job;
}

Job *KintoCommand::startWrite(const QString &verb, QCommandLineParser &parser, const QStringList &args, QString *error)
{
    bool plural = false;
    const Kind kind = kindOf(args.at(0), &plural);
    if (kind == Kind::None || plural) {
        *error = QStringLiteral("%1: TYPE is one of %2").arg(verb, typeHelp);
        return nullptr;
    }
    const KintoRef ref = refOf(kind, args.value(1));
    KintoWrite write;
    write.safe = !isSet(parser, "unsafe");
    write.ifNotExists = isSet(parser, "if-not-exists");
    write.ifExists = isSet(parser, "if-exists");
    if (isSet(parser, "if-match")) {
        bool ok = false;
        write.ifMatch = parser.value(QStringLiteral("if-match")).remove(QLatin1Char('"')).toLongLong(&ok);
        if (!ok || write.ifMatch <= 0) {
            *error = QStringLiteral("--if-match needs a timestamp (the object's last_modified)");
            return nullptr;
        }
    }
    if (isSet(parser, "permissions")) {
        QJsonObject permissions;
        if (!readJsonObject(parser.value(QStringLiteral("permissions")), &permissions, error))
            return nullptr;
        write.permissions = permissions;
    }
    QJsonObject data;
    if (isSet(parser, "data") && !readJsonObject(parser.value(QStringLiteral("data")), &data, error))
        return nullptr;

    if (verb == QLatin1String("create"))
        return m_client->create(ref, data, write);
    if (verb == QLatin1String("update")) {
        if (!isSet(parser, "data")) {
            *error = QStringLiteral("update needs --data");
            return nullptr;
        }
        return m_client->update(ref, data, write);
    }
    if (verb == QLatin1String("delete"))
        return m_client->remove(ref, write);

    const int kinds = int(isSet(parser, "data")) + int(isSet(parser, "merge"))
        + int(isSet(parser, "json-patch"));
    if (kinds > 1 || (kinds == 0 && !write.permissions)) {
        *error = QStringLiteral("patch needs one of --data, --merge or --json-patch (or only --permissions)");
        return nullptr;
    }
    KintoPatch patch = KintoPatch::basic(data);
    if (isSet(parser, "merge")) {
        QJsonObject merge;
        if (!readJsonObject(parser.value(QStringLiteral("merge")), &merge, error))
            return nullptr;
        patch = KintoPatch::merge(merge);
    } else if (isSet(parser, "json-patch")) {
        QJsonValue operations;
        if (!readJson(parser.value(QStringLiteral("json-patch")), &operations, error))
            return nullptr;
        if (!operations.isArray()) {
            *error = QStringLiteral("--json-patch needs a JSON array of operations");
            return nullptr;
        }
        patch = KintoPatch::json(operations.toArray());
    }
    return m_client->patch(ref, patch, write);
}

Job *KintoCommand::startBatch(const QStringList &args, QString *error)
{
    const QString file = args.at(0) == QLatin1String("-") ? QStringLiteral("@-") : QLatin1Char('@') + args.at(0);
    QJsonValue content;
    if (!readJson(file, &content, error))
        return nullptr;
    const QJsonObject defaults = content.toObject().value(QLatin1String("defaults")).toObject();
    const QJsonValue requests = content.isArray() ? content : content.toObject().value(QLatin1String("requests"));
    if (!requests.isArray()) {
        *error = QStringLiteral("batch: %1 holds no \"requests\" array").arg(args.at(0));
        return nullptr;
    }
    KintoBatch batch = m_client->batch();
    for (const QJsonValue &value : requests.toArray()) {
        QJsonObject request = value.toObject();
        for (auto it = defaults.begin(); it != defaults.end(); ++it) {
            if (!request.contains(it.key()))
                request.insert(it.key(), it.value());
        }
        batch.add(request);
    }
    if (const ApiError invalid = batch.error()) {
        *error = invalid.message();
        return nullptr;
    }
    return batch.send();
}

Job *KintoCommand::startAttachment(QCommandLineParser &parser, const QStringList &args, QString *error)
{
    const QString action = args.at(0);
    const QString id = args.at(1);
    if (action == QLatin1String("remove") && args.size() == 2)
        return m_client->removeAttachment({}, {}, id);
    if (action == QLatin1String("upload") && args.size() == 3) {
        KintoAttachmentOptions options;
        QJsonObject object;
        if (isSet(parser, "data")) {
            if (!readJsonObject(parser.value(QStringLiteral("data")), &object, error))
                return nullptr;
            options.data = object;
        }
        if (isSet(parser, "permissions")) {
            if (!readJsonObject(parser.value(QStringLiteral("permissions")), &object, error))
                return nullptr;
            options.permissions = object;
        }
        options.fileName = parser.value(QStringLiteral("filename"));
        options.mimeType = parser.value(QStringLiteral("mimetype")).toUtf8();
        return m_client->addAttachment({}, {}, id, args.at(2), options);
    }
    if (action == QLatin1String("download") && args.size() == 3) {
        // Read the record for its attachment metadata, then download and check it.
        auto *job = new Job(this);
        Job *record = m_client->getRecord({}, {}, id);
        job->addChild(record);
        const QString destination = args.at(2);
        const bool overwrite = isSet(parser, "overwrite");
        connect(record, &Job::finished, job, [this, job, record, destination, overwrite] {
            if (record->hasError()) {
                job->fail(record->error());
                return;
            }
            Job *download = m_client->downloadAttachment(record->result().toObject(), destination, overwrite);
            job->addChild(download);
            connect(download, &Job::finished, job, [job, download] {
                if (download->hasError())
                    job->fail(download->error());
                else
                    job->succeed(download->result());
            });
        });
        return job;
    }
    *error = QStringLiteral("attachment expects: upload ID FILE | download ID DEST | remove ID");
    return nullptr;
}

void KintoCommand::print(const QJsonValue &value)
{
    if (m_jsonl && value.isArray()) {
        for (const QJsonValue &item : value.toArray())
            out() << QString::fromUtf8(Json::toBytes(item)) << '\n';
    } else if (m_jsonl || !(value.isObject() || value.isArray())) {
        out() << QString::fromUtf8(Json::toBytes(value)) << '\n';
    } else {
        const QJsonDocument doc = value.isObject() ? QJsonDocument(value.toObject()) : QJsonDocument(value.toArray());
        out() << QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
    }
    out().flush();
}

void KintoCommand::finish(Job *job)
{
    const ApiError error = job->error();
    if (auto *batch = qobject_cast<KintoBatchJob *>(job); batch && error && !batch->failedIndexes().isEmpty())
        print(batch->responses()); // the whole picture: which sub-requests passed and which did not
    if (!error) {
        if (!m_streamed)
            print(job->result());
    } else {
        err() << "tenantctl kinto: " << error.toString() << '\n';
        const QJsonObject existing = KintoClient::existingObject(error);
        if (!existing.isEmpty())
            err() << "current object on the server: " << QString::fromUtf8(Json::toBytes(existing)) << '\n';
        err().flush();
    }
    m_exitCode = Console::exitCodeFor(error);
    QCoreApplication::exit(0);
}
