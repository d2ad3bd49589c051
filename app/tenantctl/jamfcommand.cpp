#include "jamfcommand.h"

#include "console.h"

#include "jamfauth.h"
#include "kintocommand.h"
#include "net/httpclient.h"
#include "net/json.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QTextStream>

#include <cstdio>

namespace {

using Console::err;
using Console::out;

QCommandLineOption option(const QStringList &names, const QString &description, const QString &valueName = {})
{
    return QCommandLineOption(names, description, valueName);
}

const char commandsHelp[] =
    "\nCommands:\n"
    "  token                      Get a token and show who this is: {user, authMethod, serverVersion,\n"
    "                             capabilities, warnings, tokenExpires}.\n"
    "  privileges                 The API role privilege names.\n"
    "  roles list                 API roles (every page; --page-size, --sort, --filter, --name).\n"
    "  roles get ID\n"
    "  roles create               --display-name NAME --privilege P ... (or --data JSON).\n"
    "  roles replace ID           Changes what is given (--display-name, --privilege, --data).\n"
    "  roles delete ID            Exit 4 while an API client uses the role.\n"
    "  clients list               API clients (every page; same listing options).\n"
    "  clients get ID\n"
    "  clients create             --display-name NAME --role ROLE ... [--lifetime S] [--disabled].\n"
    "  clients replace ID         Changes what is given (--display-name, --role, --lifetime, --enabled/--disabled).\n"
    "  clients delete ID\n"
    "  clients enable ID | disable ID\n"
    "  clients rotate ID          New client secret: {clientId, clientSecret}, shown this once.\n"
    "\nExit codes: 0 ok, 1 other error, 2 usage, 3 not found, 4 conflict, 5 auth, 6 network.\n";

} // namespace

JamfCommand::JamfCommand(QObject *parent)
    : QObject(parent)
{
    m_parser.setApplicationDescription(QStringLiteral("Work with a Jamf Pro server's API roles and API clients."));
    m_parser.addOptions({
        option({ QStringLiteral("s"), QStringLiteral("server") }, QStringLiteral("Jamf Pro URL (default: $JAMF_SERVER_URL)."), QStringLiteral("URL")),
        option({ QStringLiteral("client-id") }, QStringLiteral("API client id (default: $JAMF_CLIENT_ID); secret in $JAMF_CLIENT_SECRET."),
            QStringLiteral("ID")),
        option({ QStringLiteral("u"), QStringLiteral("user") }, QStringLiteral("User account (default: $JAMF_USER); password in $JAMF_PASSWORD."),
            QStringLiteral("NAME")),
        option({ QStringLiteral("secret-stdin") }, QStringLiteral("Read the secret or password from the first line of standard input.")),
        option({ QStringLiteral("concurrency") }, QStringLiteral("Requests at once (default 5; more is allowed, with a warning)."), QStringLiteral("N")),
        option({ QStringLiteral("timeout") }, QStringLiteral("Seconds without data before a request fails (default 60)."), QStringLiteral("S")),
        option({ QStringLiteral("page-size") }, QStringLiteral("Listing page size (default 100)."), QStringLiteral("N")),
        option({ QStringLiteral("sort") }, QStringLiteral("Listing order, e.g. displayName:desc."), QStringLiteral("SORT")),
        option({ QStringLiteral("filter") }, QStringLiteral("RSQL filter, e.g. displayName==\"*Reader*\"."), QStringLiteral("RSQL")),
        option({ QStringLiteral("name") }, QStringLiteral("List only objects with this display name."), QStringLiteral("NAME")),
        option({ QStringLiteral("display-name") }, QStringLiteral("Display name to set."), QStringLiteral("NAME")),
        option({ QStringLiteral("privilege") }, QStringLiteral("A role privilege (repeatable)."), QStringLiteral("P")),
        option({ QStringLiteral("role") }, QStringLiteral("A client's role, by display name (repeatable)."), QStringLiteral("ROLE")),
        option({ QStringLiteral("lifetime") }, QStringLiteral("A client's token lifetime in seconds."), QStringLiteral("S")),
        option({ QStringLiteral("enabled") }, QStringLiteral("Enable the client.")),
        option({ QStringLiteral("disabled") }, QStringLiteral("Disable the client.")),
        option({ QStringLiteral("data") }, QStringLiteral("The object as JSON (fields given by other options win)."), QStringLiteral("JSON")),
        option({ QStringLiteral("v"), QStringLiteral("verbose") }, QStringLiteral("Show all messages.")),
        option({ QStringLiteral("q"), QStringLiteral("quiet") }, QStringLiteral("Show only errors.")),
        option({ QStringLiteral("h"), QStringLiteral("help") }, QStringLiteral("Show this help.")),
    });
    m_parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("See below."), QStringLiteral("GROUP VERB [ID]"));
}

JamfCommand::~JamfCommand() = default;

int JamfCommand::usageError(const QString &message)
{
    err() << "tenantctl jamf: " << message << "\nTry 'tenantctl jamf --help'.\n";
    err().flush();
    return Console::Usage;
}

QString JamfCommand::help() const
{
    QString text = m_parser.helpText();
    text.replace(QStringLiteral("Usage: ") + QCoreApplication::arguments().constFirst(), QStringLiteral("Usage: tenantctl jamf"));
    return text + QString::fromLatin1(commandsHelp);
}

bool JamfCommand::setUpClient(QString *error)
{
    const auto valueOrEnv = [this](const char *name, const char *env) {
        const QString value = m_parser.value(QLatin1String(name));
        return value.isEmpty() ? qEnvironmentVariable(env) : value;
    };
    JamfSettings settings;
    settings.serverUrl = JamfSettings::normalizeServerUrl(valueOrEnv("server", "JAMF_SERVER_URL"), error);
    if (!settings.serverUrl.isValid())
        return false;
    const QString clientId = valueOrEnv("client-id", "JAMF_CLIENT_ID");
    const QString user = valueOrEnv("user", "JAMF_USER");
    if (clientId.isEmpty() == user.isEmpty()) {
        *error = QStringLiteral("give either an API client (--client-id) or a user account (--user)");
        return false;
    }
    settings.mode = clientId.isEmpty() ? JamfSettings::Mode::UserAccount : JamfSettings::Mode::ApiClient;
    settings.user = clientId.isEmpty() ? user : clientId;
    QString secret = qEnvironmentVariable(clientId.isEmpty() ? "JAMF_PASSWORD" : "JAMF_CLIENT_SECRET");
    if (m_parser.isSet(QStringLiteral("secret-stdin"))) {
        QFile in;
        if (in.open(stdin, QIODevice::ReadOnly))
            secret = QString::fromUtf8(in.readLine()).trimmed();
    }
    if (secret.isEmpty()) {
        *error = clientId.isEmpty() ? QStringLiteral("no password: set JAMF_PASSWORD or use --secret-stdin")
                                    : QStringLiteral("no client secret: set JAMF_CLIENT_SECRET or use --secret-stdin");
        return false;
    }

    m_nam = std::make_unique<QNetworkAccessManager>();
    m_http = std::make_unique<HttpClient>(m_nam.get());
    m_http->setBaseUrl(settings.serverUrl);
    if (m_parser.isSet(QStringLiteral("timeout"))) {
        bool ok = false;
        const double seconds = m_parser.value(QStringLiteral("timeout")).toDouble(&ok);
        if (!ok || seconds <= 0) {
            *error = QStringLiteral("--timeout needs a number of seconds");
            return false;
        }
        m_http->setTransferTimeout(int(seconds * 1000));
    }
    m_auth = createJamfAuth(settings, secret, m_nam.get());
    m_http->setAuth(m_auth);
    m_client = JamfClient::forSession(m_http.get());
    if (m_parser.isSet(QStringLiteral("concurrency"))) {
        QString warning;
        if (!m_client->setConcurrency(m_parser.value(QStringLiteral("concurrency")).toInt(), &warning, error))
            return false;
        if (!warning.isEmpty())
            err() << "tenantctl jamf: warning: " << warning << '\n';
    }
    return true;
}

int JamfCommand::run(const QStringList &arguments)
{
    QStringList args = arguments;
    if (args.size() > 1)
        args.removeAt(1); // "jamf"
    if (!m_parser.parse(args))
        return usageError(m_parser.errorText());
    if (m_parser.isSet(QStringLiteral("help"))) {
        out() << help();
        out().flush();
        return Console::Ok;
    }
    QString rules = QStringLiteral("tenantdesk.*.info=false\ntenantdesk.*.debug=false\n");
    if (m_parser.isSet(QStringLiteral("verbose")))
        rules = QStringLiteral("tenantdesk.*.info=true\ntenantdesk.*.debug=false\n");
    if (m_parser.isSet(QStringLiteral("quiet")))
        rules = QStringLiteral("*.info=false\n*.debug=false\n*.warning=false\n");
    QLoggingCategory::setFilterRules(rules);

    const QStringList words = m_parser.positionalArguments();
    if (words.isEmpty())
        return usageError(QStringLiteral("no command given"));
    QString error;
    if (!setUpClient(&error))
        return usageError(error);
    Job *job = start(words, &error);
    if (!job)
        return usageError(error);
    connect(job, &Job::finished, this, [this, job] { finish(job); });
    return QCoreApplication::exec() == 0 ? m_exitCode : Console::Other;
}

Job *JamfCommand::start(const QStringList &words, QString *error)
{
    const QString group = words.value(0);
    const QString verb = words.value(1);
    const QString id = words.value(2);
    if (group == QLatin1String("token") && words.size() == 1)
        return tokenCheck();
    if (group == QLatin1String("privileges") && words.size() == 1)
        return m_client->privileges();
    const bool needsId = verb != QLatin1String("list") && verb != QLatin1String("create");
    if (words.size() != (needsId ? 3 : 2)) {
        *error = needsId ? QStringLiteral("\"%1 %2\" needs an ID").arg(group, verb) : QStringLiteral("unexpected arguments");
        return nullptr;
    }
    if (group == QLatin1String("roles"))
        return startRoles(verb, id, error);
    if (group == QLatin1String("clients"))
        return startClients(verb, id, error);
    *error = QStringLiteral("unknown command \"%1\"").arg(group);
    return nullptr;
}

bool JamfCommand::listOptions(JamfListOptions *options, QString *error) const
{
    if (m_parser.isSet(QStringLiteral("page-size"))) {
        bool ok = false;
        options->pageSize = m_parser.value(QStringLiteral("page-size")).toInt(&ok);
        if (!ok || options->pageSize < 1) {
            *error = QStringLiteral("--page-size needs a number >= 1");
            return false;
        }
    }
    if (m_parser.isSet(QStringLiteral("sort")))
        options->sort = m_parser.value(QStringLiteral("sort")).split(QLatin1Char(','));
    options->filter = m_parser.value(QStringLiteral("filter"));
    if (m_parser.isSet(QStringLiteral("name"))) {
        const QString byName = JamfRsql::displayNameIs(m_parser.value(QStringLiteral("name")));
        options->filter = options->filter.isEmpty() ? byName : options->filter + QLatin1Char(';') + byName;
    }
    return true;
}

static bool readData(const QCommandLineParser &parser, QJsonObject *object, QString *error)
{
    if (!parser.isSet(QStringLiteral("data")))
        return true;
    QJsonValue value;
    if (!Json::parse(parser.value(QStringLiteral("data")).toUtf8(), &value, error) || !value.isObject()) {
        *error = QStringLiteral("--data needs a JSON object");
        return false;
    }
    *object = value.toObject();
    return true;
}

bool JamfCommand::applyRole(JamfRole *role, QString *error) const
{
    QJsonObject data;
    if (!readData(m_parser, &data, error))
        return false;
    if (!data.isEmpty()) {
        const QString id = role->id;
        *role = JamfRole::fromJson(data);
        role->id = id;
    }
    if (m_parser.isSet(QStringLiteral("display-name")))
        role->displayName = m_parser.value(QStringLiteral("display-name"));
    if (m_parser.isSet(QStringLiteral("privilege")))
        role->privileges = m_parser.values(QStringLiteral("privilege"));
    return true;
}

bool JamfCommand::applyClient(JamfApiClient *client, QString *error) const
{
    QJsonObject data;
    if (!readData(m_parser, &data, error))
        return false;
    if (!data.isEmpty()) {
        const int id = client->id;
        *client = JamfApiClient::fromJson(data);
        client->id = id;
    }
    if (m_parser.isSet(QStringLiteral("display-name")))
        client->displayName = m_parser.value(QStringLiteral("display-name"));
    if (m_parser.isSet(QStringLiteral("role")))
        client->authorizationScopes = m_parser.values(QStringLiteral("role"));
    if (m_parser.isSet(QStringLiteral("lifetime"))) {
        bool ok = false;
        client->accessTokenLifetimeSeconds = m_parser.value(QStringLiteral("lifetime")).toInt(&ok);
        if (!ok || client->accessTokenLifetimeSeconds < 1) {
            *error = QStringLiteral("--lifetime needs a number of seconds");
            return false;
        }
    }
    if (m_parser.isSet(QStringLiteral("enabled")))
        client->enabled = true;
    if (m_parser.isSet(QStringLiteral("disabled")))
        client->enabled = false;
    return true;
}

Job *JamfCommand::startRoles(const QString &verb, const QString &id, QString *error)
{
    if (verb == QLatin1String("list")) {
        JamfListOptions options;
        return listOptions(&options, error) ? m_client->listRoles(options) : nullptr;
    }
    if (verb == QLatin1String("get"))
        return m_client->getRole(id);
    if (verb == QLatin1String("delete"))
        return m_client->deleteRole(id);
    if (verb == QLatin1String("create")) {
        JamfRole role;
        if (!applyRole(&role, error))
            return nullptr;
        return m_client->createRole(role);
    }
    if (verb == QLatin1String("replace")) {
        return m_client->then(m_client->getRole(id), [this](const QJsonValue &current, ApiError *failure) -> Job * {
            JamfRole role = JamfRole::fromJson(current.toObject());
            QString why;
            if (applyRole(&role, &why))
                return m_client->replaceRole(role);
            *failure = ApiError(ApiError::Kind::Invalid, why);
            return nullptr;
        });
    }
    *error = QStringLiteral("unknown verb \"roles %1\"").arg(verb);
    return nullptr;
}

Job *JamfCommand::startClients(const QString &verb, const QString &idText, QString *error)
{
    if (verb == QLatin1String("list")) {
        JamfListOptions options;
        return listOptions(&options, error) ? m_client->listClients(options) : nullptr;
    }
    if (verb == QLatin1String("create")) {
        JamfApiClient client;
        if (!applyClient(&client, error))
            return nullptr;
        return m_client->createClient(client);
    }
    bool ok = false;
    const int id = idText.toInt(&ok);
    if (!ok || id <= 0) {
        *error = QStringLiteral("an API client ID is a positive number, not \"%1\"").arg(idText);
        return nullptr;
    }
    if (verb == QLatin1String("get"))
        return m_client->getClient(id);
    if (verb == QLatin1String("delete"))
        return m_client->deleteClient(id);
    if (verb == QLatin1String("enable") || verb == QLatin1String("disable"))
        return m_client->setClientEnabled(id, verb == QLatin1String("enable"));
    if (verb == QLatin1String("rotate"))
        return m_client->rotateCredentials(id);
    if (verb == QLatin1String("replace")) {
        return m_client->then(m_client->getClient(id), [this](const QJsonValue &current, ApiError *failure) -> Job * {
            JamfApiClient client = JamfApiClient::fromJson(current.toObject());
            QString why;
            if (applyClient(&client, &why))
                return m_client->replaceClient(client);
            *failure = ApiError(ApiError::Kind::Invalid, why);
            return nullptr;
        });
    }
    *error = QStringLiteral("unknown verb \"clients %1\"").arg(verb);
    return nullptr;
}

Job *JamfCommand::tokenCheck()
{
    auto *job = new Job(this);
    Job *probe = m_client->probe();
    job->addChild(probe);
    connect(probe, &Job::finished, job, [this, job, probe] {
        if (probe->hasError()) {
            job->fail(probe->error());
            return;
        }
        QJsonObject identity = probe->result().toObject();
        identity.insert(QStringLiteral("tokenExpires"), m_auth->tokenExpiry().toString(Qt::ISODate));
        job->succeed(identity);
    });
    return job;
}

void JamfCommand::finish(Job *job)
{
    const ApiError error = job->error();
    if (!error) {
        const QJsonValue value = job->result();
        if (value.isObject())
            out() << QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented);
        else if (value.isArray())
            out() << QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented);
        out().flush();
    } else {
        err() << "tenantctl jamf: " << error.toString() << '\n';
        err().flush();
    }
    m_exitCode = Console::exitCodeFor(error);
    exitAfterSignOut();
}

void JamfCommand::exitAfterSignOut()
{
    auto *user = qobject_cast<JamfUserAuth *>(m_auth);
    if (!user) {
        QCoreApplication::exit(0);
        return;
    }
    // A user's token would otherwise stay valid on the server for its whole lifetime.
    Job *signOut = user->signOut();
    connect(signOut, &Job::finished, this, [] { QCoreApplication::exit(0); });
}
