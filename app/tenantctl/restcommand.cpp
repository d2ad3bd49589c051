#include "restcommand.h"

#include "console.h"

#include "auth/apikeyauth.h"
#include "auth/oauth2auth.h"
#include "kintocommand.h"
#include "net/json.h"
#include "net/userurl.h"
#include "restclient.h"
#include "restfielderrors.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QTextStream>

#include <cstdio>

namespace {

using Console::err;
using Console::out;

QCommandLineOption opt(const QString &name, const QString &description, const QString &valueName = {})
{
    return QCommandLineOption(name, description, valueName);
}

const QStringList commands { QStringLiteral("create"), QStringLiteral("read"), QStringLiteral("update"),
    QStringLiteral("delete"), QStringLiteral("probe") };

const char help[] = R"(Usage: tenantctl rest [global options] COMMAND URI [options]

Work with any JSON REST API (the CRUDs client's calls).

Commands:
  create URI    POST   (--data, --field, --file, --param)
  read URI      GET    (--param)
  update URI    PATCH, or PUT with --replace (--data, --field, --file, --param)
  delete URI    DELETE (--param)
  probe [URI]   GET the base URL (or URI) and print who we are to the server

Global options:
  -s, --server URL           Base URL (default: $REST_SERVER_URL).
  --auth KIND                none, basic, bearer, api-key-header, api-key-query,
                             oauth2-client-credentials, oauth2-password (default none).
  --user NAME                Basic user, or OAuth2 client id.
  --oauth-user NAME          The password grant's user name.
  --api-key-name NAME        Header or query item of the API key (default X-API-Key / api_key).
  --token-url URL            OAuth2 token endpoint.
  --scope SCOPE              OAuth2 scope.
  --client-auth basic|form   How the OAuth2 client authenticates (default basic).
  --timeout S                Seconds per attempt (default 300).
  --retries N                Retries (default 4); --backoff F (default 0.9);
  --retry-statuses LIST      default 504,503,502,500,429,425,408.
  --ignore-status LIST       Statuses that are answers, not errors (exit 0).
  --no-raise                 No status is an error.
  --no-serialize             Send --data as it is, not as JSON.
  --pin SHA256               Accept the server certificate with this SHA-256 (self-signed).
  -v, --verbose              Show requests and retries on stderr.

Command options:
  --data JSON|@FILE|@-       The body (JSON unless --no-serialize).
  --param KEY=VALUE          A query parameter (repeatable).
  --field NAME=VALUE         A multipart form field (repeatable).
  --file NAME=PATH           A multipart file, streamed from disk (repeatable).
  --replace                  update: PUT instead of PATCH.

Secrets come from the environment only: TENANTCTL_PASSWORD (Basic, OAuth2 password grant),
TENANTCTL_TOKEN (Bearer, API key), TENANTCTL_CLIENT_SECRET (OAuth2).

Exit codes: 0 ok, 1 other error, 2 usage, 3 not found, 4 conflict, 5 auth, 6 network.
)";

} // namespace

RestCommand::RestCommand(QObject *parent)
    : QObject(parent)
{
    m_global.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    m_global.addOptions({
        QCommandLineOption(QStringList { QStringLiteral("s"), QStringLiteral("server") }, QString(), QStringLiteral("URL")),
        opt(QStringLiteral("auth"), {}, QStringLiteral("KIND")), opt(QStringLiteral("user"), {}, QStringLiteral("NAME")),
        opt(QStringLiteral("oauth-user"), {}, QStringLiteral("NAME")), opt(QStringLiteral("api-key-name"), {}, QStringLiteral("NAME")),
        opt(QStringLiteral("token-url"), {}, QStringLiteral("URL")), opt(QStringLiteral("scope"), {}, QStringLiteral("SCOPE")),
        opt(QStringLiteral("client-auth"), {}, QStringLiteral("HOW")), opt(QStringLiteral("timeout"), {}, QStringLiteral("S")),
        opt(QStringLiteral("retries"), {}, QStringLiteral("N")), opt(QStringLiteral("backoff"), {}, QStringLiteral("F")),
        opt(QStringLiteral("retry-statuses"), {}, QStringLiteral("LIST")), opt(QStringLiteral("ignore-status"), {}, QStringLiteral("LIST")),
        opt(QStringLiteral("no-raise"), {}), opt(QStringLiteral("no-serialize"), {}), opt(QStringLiteral("pin"), {}, QStringLiteral("SHA256")),
        QCommandLineOption(QStringList { QStringLiteral("v"), QStringLiteral("verbose") }, QString()),
        QCommandLineOption(QStringList { QStringLiteral("h"), QStringLiteral("help") }, QString()),
        opt(QStringLiteral("data"), {}, QStringLiteral("JSON")), opt(QStringLiteral("param"), {}, QStringLiteral("K=V")),
        opt(QStringLiteral("field"), {}, QStringLiteral("K=V")), opt(QStringLiteral("file"), {}, QStringLiteral("K=PATH")),
        opt(QStringLiteral("replace"), {}),
    });
}

RestCommand::~RestCommand() = default;

int RestCommand::usageError(const QString &message)
{
    err() << "tenantctl rest: " << message << "\nTry 'tenantctl rest --help'.\n";
    err().flush();
    return Console::Usage;
}

bool RestCommand::setUpClient(QString *error)
{
    const auto value = [this](const char *name) { return m_global.value(QLatin1String(name)); };
    RestSettings settings;
    const QString server = m_global.isSet(QStringLiteral("server")) ? value("server") : qEnvironmentVariable("REST_SERVER_URL");
    if (server.isEmpty()) {
        *error = QStringLiteral("no server: give -s URL (or set REST_SERVER_URL)");
        return false;
    }
    settings.baseUrl = UserUrl::parseServerUrl(server, error);
    if (!settings.baseUrl.isValid())
        return false;
    QVariantMap options;
    for (const char *name : { "timeout", "retries", "backoff", "retry-statuses", "ignore-status" }) {
        static const QHash<QString, QString> keys { { QStringLiteral("timeout"), QStringLiteral("timeoutSeconds") },
            { QStringLiteral("retries"), QStringLiteral("retries") }, { QStringLiteral("backoff"), QStringLiteral("backoffFactor") },
            { QStringLiteral("retry-statuses"), QStringLiteral("retryStatuses") }, { QStringLiteral("ignore-status"), QStringLiteral("ignoredStatuses") } };
        if (m_global.isSet(QLatin1String(name)))
            options.insert(keys.value(QLatin1String(name)), value(name));
    }
    options.insert(QStringLiteral("raiseOnError"), !m_global.isSet(QStringLiteral("no-raise")));
    options.insert(QStringLiteral("serialize"), !m_global.isSet(QStringLiteral("no-serialize")));
    options.insert(QStringLiteral("pinnedCertificate"), value("pin"));
    if (!RestSettings::fromOptions(settings.baseUrl, options, &settings, error))
        return false;

    m_nam = std::make_unique<QNetworkAccessManager>();
    m_http = new HttpClient(m_nam.get(), this);
    const QString auth = m_global.isSet(QStringLiteral("auth")) ? value("auth") : QStringLiteral("none");
    const QString password = qEnvironmentVariable("TENANTCTL_PASSWORD");
    const QString token = qEnvironmentVariable("TENANTCTL_TOKEN");
    if (auth == QLatin1String("basic")) {
        m_http->setAuth(new BasicAuth(value("user"), password));
    } else if (auth == QLatin1String("bearer")) {
        m_http->setAuth(new BearerAuth(token));
    } else if (auth == QLatin1String("api-key-header") || auth == QLatin1String("api-key-query")) {
        const bool header = auth == QLatin1String("api-key-header");
        const QString name = m_global.isSet(QStringLiteral("api-key-name")) ? value("api-key-name")
            : header ? QStringLiteral("X-API-Key") : QStringLiteral("api_key");
        m_http->setAuth(new ApiKeyAuth(header ? ApiKeyAuth::Placement::Header : ApiKeyAuth::Placement::Query, name, token));
    } else if (auth == QLatin1String("oauth2-client-credentials") || auth == QLatin1String("oauth2-password")) {
        OAuth2Auth::Settings oauth;
        oauth.tokenUrl = QUrl(value("token-url"));
        if (!oauth.tokenUrl.isValid() || oauth.tokenUrl.host().isEmpty()) {
            *error = QStringLiteral("--auth %1 needs --token-url").arg(auth);
            return false;
        }
        oauth.clientId = value("user");
        oauth.clientSecret = qEnvironmentVariable("TENANTCTL_CLIENT_SECRET");
        oauth.scope = value("scope");
        oauth.clientAuth = value("client-auth") == QLatin1String("form") ? OAuth2Auth::ClientAuth::FormFields : OAuth2Auth::ClientAuth::Basic;
        if (auth == QLatin1String("oauth2-password")) {
            oauth.grant = OAuth2Auth::Grant::Password;
            oauth.username = value("oauth-user");
            oauth.password = password;
        }
        m_http->setAuth(new OAuth2Auth(m_nam.get(), oauth));
    } else if (auth != QLatin1String("none")) {
        *error = QStringLiteral("unknown --auth \"%1\"").arg(auth);
        return false;
    }
    m_client = new RestClient(m_http, settings, this);
    return true;
}

static bool pairs(const QStringList &values, const QString &what, QueryList *result, QString *error)
{
    for (const QString &value : values) {
        const int eq = value.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            *error = QStringLiteral("--%1 needs NAME=VALUE (got \"%2\")").arg(what, value);
            return false;
        }
        result->append({ value.left(eq), value.mid(eq + 1) });
    }
    return true;
}

Job *RestCommand::start(const QString &command, const QStringList &args, QCommandLineParser &parser, QString *error)
{
    if (command == QLatin1String("probe"))
        return m_client->probe(args.value(0));
    if (args.size() != 1) {
        *error = QStringLiteral("%1 needs exactly one URI").arg(command);
        return nullptr;
    }
    QueryList params, fields, files;
    if (!pairs(parser.values(QStringLiteral("param")), QStringLiteral("param"), &params, error)
        || !pairs(parser.values(QStringLiteral("field")), QStringLiteral("field"), &fields, error)
        || !pairs(parser.values(QStringLiteral("file")), QStringLiteral("file"), &files, error))
        return nullptr;
    QList<MultipartPart> parts;
    for (const auto &field : fields)
        parts << MultipartPart { field.first.toUtf8(), field.second.toUtf8(), {}, {}, {} };
    for (const auto &file : files) {
        if (!QFile::exists(file.second)) {
            *error = QStringLiteral("no such file \"%1\"").arg(file.second);
            return nullptr;
        }
        parts << MultipartPart { file.first.toUtf8(), {}, file.second, {}, {} };
    }
    RestBody body;
    if (parser.isSet(QStringLiteral("data"))) {
        QByteArray bytes;
        if (!Console::readArgument(parser.value(QStringLiteral("data")), &bytes, error))
            return nullptr;
        if (m_global.isSet(QStringLiteral("no-serialize"))) {
            body = RestBody::fromBytes(bytes);
        } else {
            QJsonValue json;
            QString why;
            if (!Json::parse(bytes, &json, &why)) {
                *error = QStringLiteral("--data is not JSON: %1").arg(why);
                return nullptr;
            }
            body = RestBody::fromJson(json);
        }
    }
    const QString uri = args.first();
    if (command == QLatin1String("create"))
        return m_client->create(uri, body, params, parts);
    if (command == QLatin1String("read"))
        return m_client->read(uri, params);
    if (command == QLatin1String("update"))
        return m_client->update(uri, body, params, parser.isSet(QStringLiteral("replace")), parts);
    return m_client->remove(uri, params);
}

void RestCommand::finish(Job *job)
{
    const ApiError error = job->error();
    if (error) {
        err() << "tenantctl rest: " << error.toString() << '\n';
        // A refused write: the server's messages, one field a line.
        if (auto *rest = qobject_cast<RestJob *>(job)) {
            for (const RestFieldError &field : restFieldErrors(rest->response()))
                err() << "  " << (field.path.isEmpty() ? QStringLiteral("(item)") : field.path) << ": " << field.message << '\n';
        }
        err().flush();
    } else if (auto *rest = qobject_cast<RestJob *>(job); rest && !rest->isJson()) {
        Console::writeOut(rest->body());
    } else if (job->result().isObject() || job->result().isArray()) {
        const QJsonValue value = job->result();
        out() << QString::fromUtf8((value.isObject() ? QJsonDocument(value.toObject()) : QJsonDocument(value.toArray())).toJson(QJsonDocument::Indented));
    } else if (!job->result().isNull()) {
        out() << QString::fromUtf8(Json::toBytes(job->result())) << '\n';
    }
    out().flush();
    m_exitCode = Console::exitCodeFor(error);
    QCoreApplication::exit(0);
}

int RestCommand::run(const QStringList &arguments)
{
    QStringList args = arguments;
    if (args.size() > 1)
        args.removeAt(1); // "rest"
    if (!m_global.parse(args))
        return usageError(m_global.errorText());
    const QStringList rest = m_global.positionalArguments();
    if (m_global.isSet(QStringLiteral("help"))) {
        out() << help;
        out().flush();
        return Console::Ok;
    }
    if (rest.isEmpty())
        return usageError(QStringLiteral("no command given"));
    if (!commands.contains(rest.first()))
        return usageError(QStringLiteral("unknown command \"%1\"").arg(rest.first()));
    QLoggingCategory::setFilterRules(m_global.isSet(QStringLiteral("verbose")) ? QStringLiteral("tenantdesk.*.debug=false")
                                                                              : QStringLiteral("tenantdesk.*.info=false\ntenantdesk.*.debug=false"));
    qSetMessagePattern(QStringLiteral("%{if-category}%{category}: %{endif}%{message}"));
    QString error;
    if (!setUpClient(&error))
        return usageError(error);
    Job *job = start(rest.first(), rest.mid(1), m_global, &error);
    if (!job)
        return usageError(error);
    connect(job, &Job::finished, this, [this, job] { finish(job); });
    return QCoreApplication::exec() == 0 ? m_exitCode : Console::Other;
}
