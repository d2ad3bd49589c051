#include "kandjicommand.h"

#include "console.h"

#include "kandjiappjob.h"
#include "kandjiclient.h"
#include "kandjicopyjob.h"
#include "kandjisettings.h"
#include "kintocommand.h"
#include "net/json.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTextStream>

static const char help[] =
    "Usage: tenantctl kandji [--url URL] [--local-test-server] [--token-env VAR] RESOURCE VERB [ARGS] [OPTIONS]\n"
    "\n"
    "The token is read from $KANDJI_TOKEN (or the variable --token-env names); the URL from --url or $KANDJI_URL.\n"
    "\n"
    "  probe\n"
    "  profiles|scripts|apps list | get ID | delete ID\n"
    "  profiles create|update [ID] --field name=... --field runs_on_mac=true ... [--file X.mobileconfig]\n"
    "  scripts  create|update [ID] --field ... [--script-file F] [--remediation-file F] [--category NAME]\n"
    "  apps     create|update [ID] --field ... [--file INSTALLER] [--audit-file F] [--category NAME]\n"
    "  apps     download ID PATH\n"
    "  blueprints list [--name TEXT] [--ids ID,ID] | get ID | create --field name=... [--field type=map]\n"
    "             | update ID --field ... | delete ID --yes | templates | items ID\n"
    "             | assign ID ITEM [--node NODE] | remove ID ITEM [--node NODE]\n"
    "  categories list | resolve NAME\n"
    "  copy --to-url URL [--to-local-test-server] [--to-token-env VAR] [--blueprint ID] [--apply] KIND:ID...\n"
    "       (KIND: profiles, scripts, apps; without --apply only the plan is printed)\n"
    "\n"
    "Exit codes: 0 ok, 1 other error, 2 usage, 3 not found, 4 conflict, 5 auth, 6 network.\n";

using Console::err;
using Console::out;

KandjiCommand::KandjiCommand(QObject *parent)
    : QObject(parent)
{
}

KandjiCommand::~KandjiCommand() = default;

int KandjiCommand::usageError(const QString &message)
{
    err() << "tenantctl kandji: " << message << "\n\n" << help;
    err().flush();
    return 2;
}

int KandjiCommand::run(const QStringList &arguments)
{
    m_parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    m_parser.addOptions({
        { QStringLiteral("url"), QStringLiteral("Tenant API URL."), QStringLiteral("URL") },
        { QStringLiteral("local-test-server"), QStringLiteral("The URL is a local test server (a sandbox).") },
        { QStringLiteral("token-env"), QStringLiteral("Environment variable holding the token."), QStringLiteral("VAR"), QStringLiteral("KANDJI_TOKEN") },
        { QStringLiteral("field"), QStringLiteral("A field, key=value."), QStringLiteral("KEY=VALUE") },
        { QStringLiteral("file"), QStringLiteral("The .mobileconfig or installer."), QStringLiteral("PATH") },
        { QStringLiteral("script-file"), QStringLiteral("The script's file."), QStringLiteral("PATH") },
        { QStringLiteral("remediation-file"), QStringLiteral("The remediation script's file."), QStringLiteral("PATH") },
        { QStringLiteral("audit-file"), QStringLiteral("The audit script's file."), QStringLiteral("PATH") },
        { QStringLiteral("category"), QStringLiteral("Self Service category, by name or id."), QStringLiteral("NAME") },
        { QStringLiteral("name"), QStringLiteral("Blueprint name filter."), QStringLiteral("TEXT") },
        { QStringLiteral("ids"), QStringLiteral("Blueprint ids, comma separated."), QStringLiteral("IDS") },
        { QStringLiteral("node"), QStringLiteral("Assignment node of a map blueprint."), QStringLiteral("NODE") },
        { QStringLiteral("yes"), QStringLiteral("Confirm a destructive operation.") },
        { QStringLiteral("to-url"), QStringLiteral("Copy: the target tenant's API URL."), QStringLiteral("URL") },
        { QStringLiteral("to-local-test-server"), QStringLiteral("Copy: the target is a local test server.") },
        { QStringLiteral("to-token-env"), QStringLiteral("Copy: variable holding the target's token."), QStringLiteral("VAR"), QStringLiteral("KANDJI_TARGET_TOKEN") },
        { QStringLiteral("blueprint"), QStringLiteral("Copy: a blueprint too, with its assigned items and (classic only) its assignments."), QStringLiteral("ID") },
        { QStringLiteral("apply"), QStringLiteral("Copy: write to the target (default: only the plan).") },
        { { QStringLiteral("h"), QStringLiteral("help") }, QStringLiteral("Show this help.") },
    });
    QStringList args = arguments;
    args.removeAt(1); // "kandji"
    if (!m_parser.parse(args))
        return usageError(m_parser.errorText());
    if (m_parser.isSet(QStringLiteral("help"))) {
        out() << help;
        return 0;
    }
    const QString url = m_parser.isSet(QStringLiteral("url")) ? m_parser.value(QStringLiteral("url")) : qEnvironmentVariable("KANDJI_URL");
    const QString token = qEnvironmentVariable(qPrintable(m_parser.value(QStringLiteral("token-env"))));
    QString error;
    const auto settings = KandjiSettings::make(url, token, m_parser.isSet(QStringLiteral("local-test-server")), &error);
    if (!settings)
        return usageError(error);
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_http.reset(KandjiClient::makeHttpClient(m_nam.get(), *settings));
    m_client = KandjiClient::forSession(m_http.get());

    Job *job = start(m_parser.positionalArguments(), &error);
    if (!job)
        return usageError(error);
    connect(job, &Job::finished, this, &KandjiCommand::finish);
    QCoreApplication::exec();
    return m_exitCode;
}

bool KandjiCommand::fields(QJsonObject *result, QString *error) const
{
    for (const QString &field : m_parser.values(QStringLiteral("field"))) {
        const int eq = field.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            *error = tr("--field wants key=value, not \"%1\".").arg(field);
            return false;
        }
        const QString value = field.mid(eq + 1);
        if (value == QLatin1String("true") || value == QLatin1String("false"))
            result->insert(field.left(eq), value == QLatin1String("true"));
        else
            result->insert(field.left(eq), value);
    }
    const QList<QPair<const char *, const char *>> files { { "script-file", "script" }, { "remediation-file", "remediation_script" },
                                                           { "audit-file", "audit_script" } };
    for (const auto &[option, key] : files) {
        if (!m_parser.isSet(QLatin1String(option)))
            continue;
        QFile file(m_parser.value(QLatin1String(option)));
        if (!file.open(QIODevice::ReadOnly)) {
            *error = tr("Cannot read \"%1\": %2").arg(file.fileName(), file.errorString());
            return false;
        }
        result->insert(QLatin1String(key), QString::fromUtf8(file.readAll()));
    }
    return true;
}

Job *KandjiCommand::withCategory(QJsonObject fields, const std::function<Job *(const QJsonObject &)> &write)
{
    if (!m_parser.isSet(QStringLiteral("category")))
        return write(fields);
    auto *job = new Job(this);
    Job *resolve = m_client->resolveCategory(m_parser.value(QStringLiteral("category")));
    job->addChild(resolve);
    connect(resolve, &Job::finished, job, [job, resolve, fields, write]() mutable {
        if (resolve->hasError()) {
            job->fail(resolve->error());
            return;
        }
        fields.insert(QStringLiteral("self_service_category_id"), resolve->result().toObject().value(QLatin1String("id")));
        Job *inner = write(fields);
        job->addChild(inner);
        connect(inner, &Job::finished, job, [job, inner] {
            if (inner->hasError())
                job->fail(inner->error());
            else
                job->succeed(inner->result());
        });
    });
    return job;
}

Job *KandjiCommand::start(const QStringList &args, QString *error)
{
    const QString resource = args.value(0);
    const QString verb = args.value(1);
    if (resource == QLatin1String("probe") && args.size() == 1)
        return m_client->probe();
    if (resource == QLatin1String("profiles") || resource == QLatin1String("scripts") || resource == QLatin1String("apps"))
        return startLibrary(resource, verb, args.mid(2), error);
    if (resource == QLatin1String("blueprints"))
        return startBlueprints(verb, args.mid(2), error);
    if (resource == QLatin1String("copy"))
        return startCopy(args.mid(1), error);
    if (resource == QLatin1String("categories") && verb == QLatin1String("list") && args.size() == 2)
        return m_client->categories();
    if (resource == QLatin1String("categories") && verb == QLatin1String("resolve") && args.size() == 3)
        return m_client->resolveCategory(args.at(2));
    *error = resource.isEmpty() ? tr("no resource given") : tr("unknown command \"%1\"").arg(args.join(QLatin1Char(' ')));
    return nullptr;
}

Job *KandjiCommand::startLibrary(const QString &resource, const QString &verb, const QStringList &args, QString *error)
{
    using Library = KandjiClient::Library;
    const Library library = resource == QLatin1String("profiles") ? Library::Profiles
        : resource == QLatin1String("scripts")                    ? Library::Scripts
                                                                  : Library::Apps;
    const int wanted = verb == QLatin1String("list") || verb == QLatin1String("create") ? 0
        : verb == QLatin1String("download")                                              ? 2
                                                                                         : 1;
    if (args.size() != wanted) {
        *error = tr("\"%1 %2\" takes %3 argument(s)").arg(resource, verb).arg(wanted);
        return nullptr;
    }
    if (verb == QLatin1String("list"))
        return m_client->list(library);
    if (verb == QLatin1String("get"))
        return m_client->get(library, args.at(0));
    if (verb == QLatin1String("delete"))
        return m_client->remove(library, args.at(0));
    if (verb == QLatin1String("download") && library == Library::Apps) {
        auto *job = new Job(this);
        Job *get = m_client->get(Library::Apps, args.at(0));
        job->addChild(get);
        const QString path = args.at(1);
        connect(get, &Job::finished, job, [this, job, get, path] {
            if (get->hasError()) {
                job->fail(get->error());
                return;
            }
            Job *download = m_client->downloadApp(get->result().toObject(), path);
            job->addChild(download);
            connect(download, &Job::finished, job, [job, download] {
                download->hasError() ? job->fail(download->error()) : job->succeed(download->result());
            });
        });
        return job;
    }
    if (verb != QLatin1String("create") && verb != QLatin1String("update")) {
        *error = tr("unknown verb \"%1\" for %2").arg(verb, resource);
        return nullptr;
    }
    QJsonObject given;
    if (!fields(&given, error))
        return nullptr;
    const QString id = args.value(0);
    const QString file = m_parser.value(QStringLiteral("file"));
    const bool creating = verb == QLatin1String("create");
    switch (library) {
    case Library::Profiles:
        return creating ? m_client->createProfile(given, file) : m_client->updateProfile(id, given, file);
    case Library::Scripts:
        return withCategory(given, [this, creating, id](const QJsonObject &f) {
            return creating ? m_client->createScript(f) : m_client->updateScript(id, f);
        });
    case Library::Apps:
        return withCategory(given, [this, creating, id, file](const QJsonObject &f) -> Job * {
            KandjiAppJob *job = creating ? m_client->createApp(f, file) : m_client->updateApp(id, f, file);
            connect(job, &KandjiAppJob::waiting, this, [](int, int delayMs) {
                err() << "Kandji is still processing the upload; retrying in " << delayMs / 1000 << " s\n";
                err().flush();
            });
            return job;
        });
    }
    return nullptr;
}

Job *KandjiCommand::startBlueprints(const QString &verb, const QStringList &args, QString *error)
{
    auto arity = [&](int n) {
        if (args.size() == n)
            return true;
        *error = tr("\"blueprints %1\" takes %2 argument(s)").arg(verb).arg(n);
        return false;
    };
    if (verb == QLatin1String("list") && arity(0)) {
        const QString ids = m_parser.value(QStringLiteral("ids"));
        return m_client->listBlueprints(m_parser.value(QStringLiteral("name")), ids.isEmpty() ? QStringList() : ids.split(QLatin1Char(',')));
    }
    if (verb == QLatin1String("templates") && arity(0))
        return m_client->listTemplates();
    if (verb == QLatin1String("get") && arity(1))
        return m_client->getBlueprint(args.at(0));
    if (verb == QLatin1String("items") && arity(1))
        return m_client->listBlueprintItems(args.at(0));
    if (verb == QLatin1String("delete") && arity(1)) {
        if (!m_parser.isSet(QStringLiteral("yes"))) {
            *error = tr("deleting a blueprint unmanages every device on it: add --yes to confirm");
            return nullptr;
        }
        return m_client->deleteBlueprint(args.at(0));
    }
    if ((verb == QLatin1String("assign") || verb == QLatin1String("remove")) && arity(2)) {
        const QString node = m_parser.value(QStringLiteral("node"));
        return verb == QLatin1String("assign") ? m_client->assign(args.at(0), args.at(1), node)
                                               : m_client->unassign(args.at(0), args.at(1), node);
    }
    if ((verb == QLatin1String("create") && arity(0)) || (verb == QLatin1String("update") && arity(1))) {
        QJsonObject given;
        if (!fields(&given, error))
            return nullptr;
        return verb == QLatin1String("create") ? m_client->createBlueprint(given) : m_client->updateBlueprint(args.at(0), given);
    }
    if (error->isEmpty())
        *error = tr("unknown verb \"%1\" for blueprints").arg(verb);
    return nullptr;
}

Job *KandjiCommand::startCopy(const QStringList &args, QString *error)
{
    const auto target = KandjiSettings::make(m_parser.value(QStringLiteral("to-url")),
                                             qEnvironmentVariable(qPrintable(m_parser.value(QStringLiteral("to-token-env")))),
                                             m_parser.isSet(QStringLiteral("to-local-test-server")), error);
    if (!target) {
        error->prepend(tr("target: "));
        return nullptr;
    }
    QList<KandjiCopyJob::Item> items;
    for (const QString &arg : args) {
        const QString kind = arg.section(QLatin1Char(':'), 0, 0);
        const QString id = arg.section(QLatin1Char(':'), 1);
        const std::optional<KandjiClient::Library> library = kind == QLatin1String("profiles") ? std::optional(KandjiClient::Library::Profiles)
            : kind == QLatin1String("scripts")                                                ? std::optional(KandjiClient::Library::Scripts)
            : kind == QLatin1String("apps")                                                   ? std::optional(KandjiClient::Library::Apps)
                                                                                              : std::nullopt;
        if (!library || id.isEmpty()) {
            *error = tr("\"%1\" is not KIND:ID (KIND: profiles, scripts or apps)").arg(arg);
            return nullptr;
        }
        items.append({ *library, id });
    }
    if (items.isEmpty() && !m_parser.isSet(QStringLiteral("blueprint"))) {
        *error = tr("nothing to copy: give KIND:ID items or --blueprint");
        return nullptr;
    }
    m_targetHttp.reset(KandjiClient::makeHttpClient(m_nam.get(), *target));
    m_workDir = std::make_unique<QTemporaryDir>();
    auto *job = new KandjiCopyJob(m_client, KandjiClient::forSession(m_targetHttp.get()), items, m_parser.value(QStringLiteral("blueprint")),
                                  m_parser.isSet(QStringLiteral("apply")), m_workDir->path(), this);
    connect(job, &KandjiCopyJob::itemDone, this, [](int done, int total, const QJsonObject &entry) {
        err() << done << '/' << total << ' ' << entry.value(QLatin1String("name")).toString() << ": "
              << entry.value(QLatin1String("status")).toString() << '\n';
        err().flush();
    });
    job->start();
    return job;
}

void KandjiCommand::finish(Job *job)
{
    const ApiError error = job->error();
    if (!error) {
        const QJsonValue value = job->result();
        if (value.isObject() || value.isArray()) {
            const QJsonDocument doc = value.isObject() ? QJsonDocument(value.toObject()) : QJsonDocument(value.toArray());
            out() << QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
        } else {
            out() << QString::fromUtf8(Json::toBytes(value)) << '\n';
        }
        out().flush();
    } else {
        err() << "tenantctl kandji: " << error.toString() << '\n';
        err().flush();
    }
    m_exitCode = Console::exitCodeFor(error);
    if (!error && qobject_cast<KandjiCopyJob *>(job)) {
        const QJsonObject report = job->result().toObject();
        const QJsonObject blueprint = report.value(QLatin1String("blueprint")).toObject();
        QJsonArray entries = report.value(QLatin1String("items")).toArray();
        entries.append(blueprint);
        for (const QJsonValue &a : blueprint.value(QLatin1String("assignments")).toArray())
            entries.append(a);
        for (const QJsonValue &entry : std::as_const(entries)) {
            if (entry.toObject().value(QLatin1String("status")).toString() == QLatin1String("failed"))
                m_exitCode = 1; // the report says which
        }
    }
    QCoreApplication::exit(0);
}
