#include "kintocommand.h"

#include "console.h"
#include "kintocli.h"

#include "auth/authstrategy.h"
#include "net/httpjob.h"
#include "net/json.h"
#include "net/redaction.h"
#include "net/userurl.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QTextStream>

#include <cmath>

namespace {

constexpr int MaxOptionSeconds = 86'400; // --timeout, --retry-after
using Console::err;
using Console::out;
using namespace KintoCli;

// A request body for display: the values of secret-looking keys (password, token, ...) masked.
QJsonValue redactedJson(const QJsonValue &value)
{
    if (value.isArray()) {
        QJsonArray items;
        for (const QJsonValue &item : value.toArray())
            items.append(redactedJson(item));
        return items;
    }
    if (!value.isObject())
        return value;
    QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it)
        it.value() = Redaction::isSecretName(it.key()) ? QJsonValue(Redaction::Mask) : redactedJson(it.value());
    return object;
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
                   QStringLiteral("List buckets, groups (of -b), collections (of -b) or records (of -b/-c), printed as pages arrive. "
                                  "Every record is read, in the server's pages, unless --limit/--pages say otherwise."),
                   listingOptions() });
        c.append({ QStringLiteral("get"), QStringLiteral("TYPE [ID]"),
                   QStringLiteral("Get one object (TYPE: %1). A bucket or collection ID defaults to -b / -c.").arg(typeHelp()), {} });
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
                   QStringLiteral("Send the operations of FILE (@- or - for stdin) through POST /batch, in chunks of the server's "
                                  "batch_max_requests. FILE holds {\"defaults\": {...}, \"requests\": [...]} or just the array. "
                                  "An item is an operation of this tool, {\"action\": \"create|update|patch|delete\", \"type\": "
                                  "TYPE, \"id\"?, \"bucket\"?, \"collection\"? (default -b/-c), and the command's options by "
                                  "name: \"data\", \"permissions\", \"merge\", \"if-match\", \"unsafe\": true, ...}, or a raw "
                                  "request {method, path (below /v1), body?, headers?}. JSON-patch cannot go in a batch (Kinto "
                                  "refuses it): use patch --json-patch. Prints every sub-response; when a chunk fails, what "
                                  "was applied and what was not, per operation."),
                   {} });
        c.append({ QStringLiteral("replicate"), {},
                   QStringLiteral("Copy the collection -b/-c (attributes, schema, permissions shown to you, records) to "
                                  "--to-server/--to-bucket/--to-collection, as kinto-http's replication: the target "
                                  "bucket and collection are created if missing, records written in batches, replacing "
                                  "those with the same ids. Prints a summary."),
                   replicateOptions() });
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

QList<QCommandLineOption> KintoCommand::globalOptions()
{
    return {
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
        option(QStringLiteral("dry-run"), QStringLiteral("Send nothing; print each request as it would be sent (secrets redacted).")),
        option(QStringLiteral("jsonl"), QStringLiteral("Print lists one compact JSON document per line.")),
        option(QStringList { QStringLiteral("v"), QStringLiteral("verbose") }, QStringLiteral("Show all messages.")),
        option(QStringList { QStringLiteral("q"), QStringLiteral("quiet") }, QStringLiteral("Show only critical errors.")),
        option(QStringList { QStringLiteral("D"), QStringLiteral("debug") }, QStringLiteral("Show all messages, debug ones too.")),
        option(QStringList { QStringLiteral("h"), QStringLiteral("help") }, QStringLiteral("Show this help.")),
    };
}

KintoCommand::KintoCommand(QObject *parent)
    : QObject(parent)
{
    m_global.setApplicationDescription(QStringLiteral("Work with a Kinto server."));
    m_global.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    m_global.addOptions(globalOptions());
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
    if (m_options.isSet(QStringLiteral("verbose")))
        rules = QStringLiteral("tenantdesk.*.info=true\ntenantdesk.*.debug=false\n");
    if (m_options.isSet(QStringLiteral("debug")))
        rules = QStringLiteral("tenantdesk.*=true\n");
    if (m_options.isSet(QStringLiteral("quiet")))
        rules = QStringLiteral("*.info=false\n*.debug=false\n*.warning=false\n");
    QLoggingCategory::setFilterRules(rules);
    qSetMessagePattern(QStringLiteral("%{if-category}%{category}: %{endif}%{message}"));
}

bool KintoCommand::setUpClient(QString *error)
{
    QString server = m_options.value(QStringLiteral("server"));
    if (server.isEmpty())
        server = qEnvironmentVariable("KINTO_SERVER_URL");
    if (server.isEmpty()) {
        *error = QStringLiteral("no server: give -s URL (or set KINTO_SERVER_URL)");
        return false;
    }
    m_settings.serverUrl = UserUrl::parseServerUrl(server, error);
    if (!m_settings.serverUrl.isValid())
        return false;
    m_settings.auth = m_options.isSet(QStringLiteral("auth")) ? m_options.value(QStringLiteral("auth"))
                                                              : qEnvironmentVariable("KINTO_AUTH");
    if (m_options.isSet(QStringLiteral("bucket")))
        m_settings.bucket = m_options.value(QStringLiteral("bucket"));
    m_settings.collection = m_options.value(QStringLiteral("collection"));
    m_settings.dryRun = m_options.isSet(QStringLiteral("dry-run"));
    bool ok = true;
    if (m_options.isSet(QStringLiteral("retry")))
        m_settings.retries = m_options.value(QStringLiteral("retry")).toInt(&ok);
    if (!ok || m_settings.retries < 0) {
        *error = QStringLiteral("--retry needs a number >= 0");
        return false;
    }
    if (m_options.isSet(QStringLiteral("retry-after"))) {
        const double seconds = m_options.value(QStringLiteral("retry-after")).toDouble(&ok);
        if (!ok || !std::isfinite(seconds) || seconds < 0 || seconds > MaxOptionSeconds) {
            *error = QStringLiteral("--retry-after needs a number of seconds from 0 to %1").arg(MaxOptionSeconds);
            return false;
        }
        m_settings.retryAfterMs = int(seconds * 1000);
    }
    if (m_options.isSet(QStringLiteral("timeout"))) {
        const double seconds = m_options.value(QStringLiteral("timeout")).toDouble(&ok);
        if (!ok || !std::isfinite(seconds) || seconds < 0.001 || seconds > MaxOptionSeconds) {
            *error = QStringLiteral("--timeout needs a number of seconds from 0.001 to %1").arg(MaxOptionSeconds);
            return false;
        }
        m_settings.timeoutMs = int(seconds * 1000);
    }
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<KintoConnection>(m_nam.get(), m_settings);
    return true;
}

int KintoCommand::run(const QStringList &arguments)
{
    // arguments: program, "kinto", then global options, COMMAND, its arguments and options, with
    // options of either kind anywhere. The command is the first positional argument: found with a
    // parser knowing every option, so that option values are not taken for it.
    QStringList line = arguments;
    if (line.size() > 1)
        line.removeAt(1);
    QCommandLineParser finder;
    finder.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    QStringList known;
    const auto addOnce = [&finder, &known](const QList<QCommandLineOption> &options) {
        for (const QCommandLineOption &option : options) {
            if (!known.contains(option.names().constFirst())) {
                known += option.names();
                finder.addOption(option);
            }
        }
    };
    addOnce(globalOptions());
    for (const Command &command : commands())
        addOnce(command.options);
    if (!finder.parse(line))
        return usageError(finder.errorText());
    const QStringList rest = finder.positionalArguments();
    if (finder.isSet(QStringLiteral("help")) && rest.isEmpty()) {
        out() << globalHelp();
        out().flush();
        return Ok;
    }
    if (rest.isEmpty())
        return usageError(QStringLiteral("no command given"));
    const Command *command = find(rest.first());
    if (!command)
        return usageError(QStringLiteral("unknown command \"%1\"").arg(rest.first()));

    m_options.setApplicationDescription(command->description);
    m_options.addOptions(globalOptions());
    m_options.addOptions(command->options);
    m_options.addPositionalArgument(QStringLiteral("command"), command->name, command->name);
    if (!command->arguments.isEmpty())
        m_options.addPositionalArgument(QStringLiteral("args"), command->arguments, command->arguments);
    if (!m_options.parse(line))
        return usageError(m_options.errorText());
    if (m_options.isSet(QStringLiteral("help"))) {
        QString text = m_options.helpText();
        text.replace(QStringLiteral("Usage: ") + QCoreApplication::arguments().constFirst(), QStringLiteral("Usage: tenantctl kinto"));
        out() << text;
        out().flush();
        return Ok;
    }

    setUpLogging();
    m_jsonl = m_options.isSet(QStringLiteral("jsonl"));
    QString error;
    if (!setUpClient(&error))
        return usageError(error);
    if (m_settings.dryRun)
        connect(m_client.get(), &KintoClient::sending, this, &KintoCommand::printDryRun);
    Job *job = start(*command, m_options, &error);
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
    const QStringList args = parser.positionalArguments().mid(1); // after the command's name
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
            *error = QStringLiteral("get: TYPE is one of %1").arg(typeHelp());
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
    if (name == QLatin1String("timestamp")) {
        m_present = [](const QJsonValue &etag) { // a number, as last_modified is
            bool ok = false;
            const qint64 value = etag.toString().toLongLong(&ok);
            return ok ? QJsonValue(double(value)) : QJsonValue();
        };
        return expectArgs(0, 0) ? m_client->getRecordsTimestamp() : nullptr;
    }
    if (name == QLatin1String("replicate"))
        return expectArgs(0, 0) ? startReplicate(parser, error) : nullptr;
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
    // Items are printed as they arrive, a batch at a time, from their own text (KintoListJob's Lines
    // mode: checked and compacted, never decoded) and never held: memory stays that of one page's
    // raw body. Without --limit or --pages every record comes, in the server's own pages (Kinto: up
    // to storage_max_fetch_size, 10,000, a page).
    if (kind == Kind::Record && !isSet(parser, "limit") && !isSet(parser, "pages"))
        options.pages = KintoListOptions::AllPages;
    KintoListJob *job = m_client->list(pluralOf(kind), options, KintoListJob::Mode::Lines);
    m_streamed = true;
    if (m_settings.dryRun)
        return job;
    connect(job, &KintoListJob::lines, this, [this](const QByteArray &text) {
        if (m_jsonl) {
            Console::writeOut(text);
            return;
        }
        // The same document print() gives for the whole array, one item at a time.
        QByteArray indented;
        for (qsizetype start = 0, end; (end = text.indexOf('\n', start)) >= 0; start = end + 1) {
            indented += m_arrayOpen ? ",\n    " : "[\n    ";
            m_arrayOpen = true;
            Json::appendIndented(QByteArrayView(text).sliced(start, end - start), &indented, 1);
        }
        Console::writeOut(indented);
    });
    return job;
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

void KintoCommand::printDryRun(const HttpRequest &request)
{
    // The headers HttpClient sends: its own, the client's defaults, the request's, the credentials.
    HeaderList headers { { "Accept", "application/json" } };
    headers += m_settings.headers;
    headers += request.headers();
    if (AuthStrategy *auth = m_client->httpClient()->auth(); auth && !request.isAnonymous()) {
        QNetworkRequest probe;
        auth->apply(probe);
        for (const QByteArray &name : probe.rawHeaderList())
            headers.append({ name, probe.rawHeader(name) });
    }
    if (request.bodyKind() != HttpRequest::BodyKind::None && !request.contentType().isEmpty())
        headers.append({ "Content-Type", request.contentType() });
    out() << request.method() << ' ' << Redaction::url(m_client->httpClient()->resolve(request.path(), request.query())) << '\n';
    for (const auto &header : std::as_const(headers))
        out() << header.first << ": " << Redaction::headerValue(header.first, header.second) << '\n';
    switch (request.bodyKind()) {
    case HttpRequest::BodyKind::Json: {
        const QJsonValue body = redactedJson(request.jsonBody());
        out() << '\n' << (body.isArray() ? QJsonDocument(body.toArray()) : QJsonDocument(body.toObject())).toJson(QJsonDocument::Indented);
        break;
    }
    case HttpRequest::BodyKind::Multipart:
        out() << '\n';
        for (const MultipartPart &part : request.multipartBody()) {
            out() << "(part \"" << part.name << "\": "
                  << (part.filePath.isEmpty() ? QString::fromUtf8(part.data) : QStringLiteral("file ") + part.filePath) << ")\n";
        }
        break;
    default:
        break;
    }
    out() << '\n';
    out().flush();
}

void KintoCommand::finish(Job *job)
{
    const ApiError error = job->error();
    if (m_arrayOpen)
        out() << "\n]\n"; // what arrived stays a JSON document, even when a later page failed
    else if (m_streamed && !m_jsonl && !m_settings.dryRun && !error)
        out() << "[\n]\n";
    if (error && m_reportOnError)
        print(m_reportOnError()); // e.g. what a batch applied and what it did not
    if (!error && !m_streamed && !m_settings.dryRun)
        print(m_present ? m_present(job->result()) : job->result());
    out().flush();
    if (error) {
        err() << "tenantctl kinto: " << error.toString() << '\n';
        const QJsonObject existing = KintoClient::existingObject(error);
        if (!existing.isEmpty())
            err() << "current object on the server: " << QString::fromUtf8(Json::toBytes(existing)) << '\n';
        err().flush();
    }
    m_exitCode = Console::exitCodeFor(error);
    QCoreApplication::exit(0);
}
