#include "jamfclient.h"

#include "jamfauth.h"
#include "jamfprivileges.h"
#include "net/httpjob.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUrl>

#include <functional>
#include <memory>

Q_LOGGING_CATEGORY(lcJamf, "tenantdesk.jamf", QtInfoMsg)

static const QString RolesPath = QStringLiteral("/api/v1/api-roles");
static const QString ClientsPath = QStringLiteral("/api/v1/api-integrations");

static QString encoded(const QString &id)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(id));
}

JamfClient::JamfClient(HttpClient *http, QObject *parent)
    : QObject(parent)
    , m_http(http)
{
}

JamfClient *JamfClient::forSession(HttpClient *session)
{
    if (auto *existing = session->findChild<JamfClient *>(QString(), Qt::FindDirectChildrenOnly))
        return existing;
    return new JamfClient(session, session);
}

bool JamfClient::setConcurrency(int n, QString *warning, QString *error)
{
    if (!JamfSettings::checkConcurrency(n, warning, error))
        return false;
    if (warning && !warning->isEmpty())
        qCWarning(lcJamf).noquote() << *warning;
    return m_http->setMaxConcurrent(n, error);
}

HttpJob *JamfClient::send(const HttpRequest &request)
{
    return m_http->send(request);
}

Job *JamfClient::then(Job *first, std::function<Job *(const QJsonValue &, ApiError *)> next)
{
    auto *job = new Job(this);
    job->addChild(first);
    connect(first, &Job::finished, job, [job, first, next = std::move(next)] {
        if (first->hasError()) {
            job->fail(first->error());
            return;
        }
        ApiError error;
        Job *second = next(first->result(), &error);
        if (!second) {
            job->fail(error);
            return;
        }
        job->addChild(second);
        connect(second, &Job::finished, job, [job, second] {
            if (second->hasError())
                job->fail(second->error());
            else
                job->succeed(second->result());
        });
    });
    return job;
}

Job *JamfClient::failed(const ApiError &error)
{
    auto *job = new Job(this);
    job->failLater(error);
    return job;
}

Job *JamfClient::relay(const HttpRequest &request)
{
    auto *job = new Job(this);
    HttpJob *http = send(request);
    job->addChild(http);
    connect(http, &Job::finished, job, [this, job, http] {
        if (http->hasError())
            job->fail(explain(http->error(), http->request()));
        else
            job->succeed(http->result());
    });
    return job;
}

ApiError JamfClient::explain(const ApiError &error, const HttpRequest &request) const
{
    ApiError explained = error;
    QString path = request.path();
    if (error.isForbidden()) {
        const QStringList needed = JamfPrivileges::requiredFor(request.method(), path);
        if (!needed.isEmpty()) {
            explained.setMessage(tr("Missing privilege %1 (needed for %2 %3): add it to a role of this account or API "
                                    "client in Jamf Pro.%4")
                                     .arg(QLatin1Char('"') + needed.join(QStringLiteral("\", \"")) + QLatin1Char('"'),
                                         QString::fromLatin1(request.method()), path,
                                         error.message().isEmpty() ? QString() : QStringLiteral(" (") + error.message() + QLatin1Char(')')));
        }
    } else if (error.httpStatus() == 409 && request.method() == "DELETE" && path.startsWith(RolesPath)) {
        explained.setMessage(tr("This API role is still assigned to an API client: remove it from every client "
                                "(or delete those clients) first.%1")
                                 .arg(error.message().isEmpty() ? QString() : QStringLiteral(" (") + error.message() + QLatin1Char(')')));
    }
    return explained;
}

// --- API roles

JamfListJob *JamfClient::listRoles(const JamfListOptions &options)
{
    auto *job = new JamfListJob(this, RolesPath, options, this);
    job->start();
    return job;
}

static HttpRequest pageRequest(const QString &path, int page, int pageSize)
{
    HttpRequest request("GET", path);
    request.addQuery(QStringLiteral("page"), QString::number(qMax(0, page)));
    if (pageSize > 0)
        request.addQuery(QStringLiteral("page-size"), QString::number(pageSize));
    request.addQuery(QStringLiteral("sort"), QStringLiteral("displayName:asc"));
    return request;
}

Job *JamfClient::rolesPage(int page, int pageSize)
{
    return relay(pageRequest(RolesPath, page, pageSize));
}

Job *JamfClient::clientsPage(int page, int pageSize)
{
    return relay(pageRequest(ClientsPath, page, pageSize));
}

Job *JamfClient::getRole(const QString &id)
{
    if (id.trimmed().isEmpty())
        return failed(ApiError(ApiError::Kind::Invalid, tr("An API role id is needed.")));
    return relay(HttpRequest("GET", RolesPath + QLatin1Char('/') + encoded(id)));
}

Job *JamfClient::createRole(const JamfRole &role)
{
    if (role.displayName.trimmed().isEmpty())
        return failed(ApiError(ApiError::Kind::Invalid, tr("An API role needs a display name.")));
    HttpRequest request("POST", RolesPath);
    request.setJsonBody(role.toRequestJson());
    return relay(request);
}

Job *JamfClient::replaceRole(const JamfRole &role)
{
    if (role.id.trimmed().isEmpty() || role.displayName.trimmed().isEmpty())
        return failed(ApiError(ApiError::Kind::Invalid, tr("Replacing an API role needs its id and a display name.")));
    HttpRequest request("PUT", RolesPath + QLatin1Char('/') + encoded(role.id));
    request.setJsonBody(role.toRequestJson());
    return relay(request);
}

Job *JamfClient::deleteRole(const QString &id)
{
    if (id.trimmed().isEmpty())
        return failed(ApiError(ApiError::Kind::Invalid, tr("An API role id is needed.")));
    auto *job = new Job(this);
    Job *remove = relay(HttpRequest("DELETE", RolesPath + QLatin1Char('/') + encoded(id)));
    job->addChild(remove);
    connect(remove, &Job::finished, job, [this, job, remove, id] {
        if (!remove->hasError())
            job->succeed(remove->result());
        else if (remove->error().httpStatus() == 409)
            explainRoleInUse(job, id, remove->error());
        else
            job->fail(remove->error());
    });
    return job;
}

void JamfClient::explainRoleInUse(Job *job, const QString &id, const ApiError &conflict)
{
    // Clients refer to roles by display name (authorizationScopes): read the role's, then every client.
    auto roleName = std::make_shared<QString>();
    Job *clients = then(getRole(id), [this, roleName](const QJsonValue &role, ApiError *) -> Job * {
        *roleName = role.toObject().value(QLatin1String("displayName")).toString();
        return listClients();
    });
    job->addChild(clients);
    connect(clients, &Job::finished, job, [job, clients, roleName, conflict] {
        QStringList users;
        if (!clients->hasError()) {
            for (const QJsonValue &value : clients->result().toArray()) {
                const JamfApiClient client = JamfApiClient::fromJson(value.toObject());
                if (client.authorizationScopes.contains(*roleName))
                    users << QLatin1Char('"') + client.displayName + QLatin1Char('"');
            }
        }
        ApiError error = conflict; // without the names (no right to read clients): the general advice
        if (!users.isEmpty()) {
            error.setMessage(users.size() == 1
                    ? tr("The API role \"%1\" is used by the API client %2: remove the role from that client, or "
                         "delete the client, first.").arg(*roleName, users.first())
                    : tr("The API role \"%1\" is used by the API clients %2: remove the role from those clients, or "
                         "delete them, first.").arg(*roleName, users.join(QStringLiteral(", "))));
        }
        job->fail(error);
    });
}

Job *JamfClient::privileges()
{
    auto *job = new Job(this);
    Job *http = relay(HttpRequest("GET", QStringLiteral("/api/v1/api-role-privileges")));
    job->addChild(http);
    connect(http, &Job::finished, job, [job, http] {
        if (http->hasError()) {
            job->fail(http->error());
            return;
        }
        const QJsonValue names = http->result().toObject().value(QLatin1String("privileges"));
        if (!names.isArray())
            job->fail(ApiError(ApiError::Kind::Parse, tr("Jamf Pro's privilege list has no \"privileges\" array.")));
        else
            job->succeed(names);
    });
    return job;
}

// --- API clients

JamfListJob *JamfClient::listClients(const JamfListOptions &options)
{
    auto *job = new JamfListJob(this, ClientsPath, options, this);
    job->start();
    return job;
}

static QString clientPath(int id)
{
    return ClientsPath + QLatin1Char('/') + QString::number(id);
}

Job *JamfClient::getClient(int id)
{
    if (id <= 0)
        return failed(ApiError(ApiError::Kind::Invalid, tr("An API client id is a positive number.")));
    return relay(HttpRequest("GET", clientPath(id)));
}

Job *JamfClient::createClient(const JamfApiClient &client)
{
    if (client.displayName.trimmed().isEmpty())
        return failed(ApiError(ApiError::Kind::Invalid, tr("An API client needs a display name.")));
    HttpRequest request("POST", ClientsPath);
    request.setJsonBody(client.toRequestJson());
    return relay(request);
}

Job *JamfClient::replaceClient(const JamfApiClient &client)
{
    if (client.id <= 0 || client.displayName.trimmed().isEmpty())
        return failed(ApiError(ApiError::Kind::Invalid, tr("Replacing an API client needs its id and a display name.")));
    HttpRequest request("PUT", clientPath(client.id));
    request.setJsonBody(client.toRequestJson());
    return relay(request);
}

Job *JamfClient::deleteClient(int id)
{
    if (id <= 0)
        return failed(ApiError(ApiError::Kind::Invalid, tr("An API client id is a positive number.")));
    return relay(HttpRequest("DELETE", clientPath(id)));
}

Job *JamfClient::setClientEnabled(int id, bool enabled)
{
    return then(getClient(id), [this, enabled](const QJsonValue &current, ApiError *) {
        JamfApiClient client = JamfApiClient::fromJson(current.toObject());
        client.enabled = enabled;
        return replaceClient(client);
    });
}

Job *JamfClient::rotateCredentials(int id)
{
    if (id <= 0)
        return failed(ApiError(ApiError::Kind::Invalid, tr("An API client id is a positive number.")));
    return relay(HttpRequest("POST", clientPath(id) + QStringLiteral("/client-credentials")));
}

// --- Many at once

Job *JamfClient::fetchMany(const QStringList &paths)
{
    auto *job = new Job(this);
    if (paths.isEmpty()) {
        job->succeedLater(QJsonArray());
        return job;
    }
    struct State
    {
        QList<QJsonValue> bodies;
        QList<QPointer<Job>> jobs;
        int pending = 0;
        bool failed = false;
    };
    auto state = std::make_shared<State>();
    state->bodies.resize(paths.size());
    state->pending = int(paths.size());
    // Every request is queued at once; the session's cap decides how many are on the wire.
    for (qsizetype i = 0; i < paths.size(); ++i) {
        Job *one = relay(HttpRequest("GET", paths.at(i)));
        job->addChild(one);
        state->jobs.append(one);
        connect(one, &Job::finished, job, [job, one, state, i] {
            if (job->isFinished() || state->failed)
                return;
            if (one->hasError()) {
                state->failed = true;
                for (const QPointer<Job> &other : std::as_const(state->jobs)) {
                    if (other && other != one)
                        other->cancel(); // not needed any more
                }
                job->fail(one->error());
                return;
            }
            state->bodies[i] = one->result();
            if (--state->pending == 0) {
                QJsonArray all;
                for (const QJsonValue &body : std::as_const(state->bodies))
                    all.append(body);
                job->succeed(all);
            }
        });
    }
    return job;
}

Job *JamfClient::getRoles(const QStringList &ids)
{
    QStringList paths;
    for (const QString &id : ids) {
        if (id.trimmed().isEmpty())
            return failed(ApiError(ApiError::Kind::Invalid, tr("An API role id is needed.")));
        paths << RolesPath + QLatin1Char('/') + encoded(id);
    }
    return fetchMany(paths);
}

Job *JamfClient::getClients(const QList<int> &ids)
{
    QStringList paths;
    for (int id : ids) {
        if (id <= 0)
            return failed(ApiError(ApiError::Kind::Invalid, tr("An API client id is a positive number.")));
        paths << clientPath(id);
    }
    return fetchMany(paths);
}

// --- Probe

Job *JamfClient::probe()
{
    auto *job = new Job(this);
    struct State
    {
        QJsonObject identity;
        QJsonArray capabilities;
        QJsonArray warnings;
        int pending = 0;
    };
    auto state = std::make_shared<State>();
    const auto *user = qobject_cast<JamfUserAuth *>(m_http->auth());
    const auto *apiClient = qobject_cast<JamfClientAuth *>(m_http->auth());
    state->identity.insert(QStringLiteral("authMethod"), user ? QStringLiteral("user-account")
                                                             : apiClient ? QStringLiteral("api-client") : QStringLiteral("none"));
    state->identity.insert(QStringLiteral("user"), user ? user->user() : apiClient ? apiClient->clientId() : QString());
    if (m_http->maxConcurrent() > JamfSettings::RecommendedConcurrency) {
        QString warning;
        JamfSettings::checkConcurrency(m_http->maxConcurrent(), &warning, nullptr);
        state->warnings.append(warning);
    }

    const auto finishOne = [job, state] {
        if (--state->pending > 0 || job->isFinished())
            return;
        state->identity.insert(QStringLiteral("capabilities"), state->capabilities);
        state->identity.insert(QStringLiteral("warnings"), state->warnings);
        job->succeed(state->identity);
    };
    // A check that may fail with 403 (a warning) but not with an auth or network error (the probe fails).
    const auto check = [this, job, state, finishOne](const HttpRequest &request, const QString &capability,
                           std::function<void(const QJsonValue &)> read) {
        ++state->pending;
        Job *one = relay(request);
        job->addChild(one);
        connect(one, &Job::finished, job, [job, one, state, capability, read, finishOne] {
            if (job->isFinished())
                return;
            if (one->hasError()) {
                const ApiError &error = one->error();
                if (!error.isForbidden() && error.httpStatus() != 404) {
                    job->fail(error);
                    return;
                }
                state->warnings.append(error.message());
            } else {
                if (!capability.isEmpty())
                    state->capabilities.append(capability);
                if (read)
                    read(one->result());
            }
            finishOne();
        });
    };
    check(HttpRequest("GET", QStringLiteral("/api/v1/jamf-pro-version")), QString(), [state](const QJsonValue &v) {
        state->identity.insert(QStringLiteral("serverVersion"), v.toObject().value(QLatin1String("version")).toString());
    });
    if (user) {
        check(HttpRequest("GET", QStringLiteral("/api/v1/auth")), QString(), [state](const QJsonValue &v) {
            const QString name = v.toObject().value(QLatin1String("account")).toObject().value(QLatin1String("username")).toString();
            if (!name.isEmpty())
                state->identity.insert(QStringLiteral("user"), name);
        });
    }
    HttpRequest roles("GET", RolesPath);
    roles.addQuery(QStringLiteral("page"), QStringLiteral("0")).addQuery(QStringLiteral("page-size"), QStringLiteral("1"));
    check(roles, QStringLiteral("api-roles:read"), {});
    HttpRequest clients("GET", ClientsPath);
    clients.addQuery(QStringLiteral("page"), QStringLiteral("0")).addQuery(QStringLiteral("page-size"), QStringLiteral("1"));
    check(clients, QStringLiteral("api-clients:read"), {});
    return job;
}
