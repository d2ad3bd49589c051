#include "jamfsetup.h"

#include "jamfauth.h"
#include "net/httpclient.h"
#include "net/requestlog.h"
#include "jamfprivileges.h"
#include "secrets/secretstore.h"
#include "tenants/tenantregistry.h"

#include <QJsonObject>

static bool isNameTaken(const ApiError &error)
{
    return error.serviceCode() == QLatin1String("DUPLICATE_FIELD");
}

struct JamfSetup::Run
{
    Job *job = nullptr;
    Draft draft;
    QString roleId;
    QString roleName;
    JamfApiClient client;
    QString clientSecret; // in memory until stored
};

JamfSetup::JamfSetup(QNetworkAccessManager *nam, TenantRegistry *registry, SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_registry(registry)
    , m_secrets(secrets)
{
}

JamfSetup::~JamfSetup() = default; // the session's destruction invalidates the admin token

void JamfSetup::signOut()
{
    m_admin = nullptr;
    m_adminAuth = nullptr;
    m_http.reset();
}

Job *JamfSetup::signIn(const QString &serverUrl, const QString &user, const QString &password)
{
    signOut();
    QString why;
    m_serverUrl = JamfSettings::normalizeServerUrl(serverUrl, &why);
    if (!m_serverUrl.isValid() || user.trimmed().isEmpty() || password.isEmpty()) {
        auto *job = new Job(this);
        job->failLater(ApiError(ApiError::Kind::Invalid, m_serverUrl.isValid() ? tr("Enter the administrator's user name and password.") : why));
        return job;
    }
    JamfSettings settings;
    settings.serverUrl = m_serverUrl;
    settings.mode = JamfSettings::Mode::UserAccount;
    settings.user = user.trimmed();
    m_http = std::make_unique<HttpClient>(m_nam);
    m_http->setBaseUrl(m_serverUrl);
    m_adminAuth = static_cast<JamfUserAuth *>(createJamfAuth(settings, password, m_nam));
    m_http->setAuth(m_adminAuth);
    const QString label = RequestLog::wizardLabel({}, m_serverUrl);
    for (HttpClient *client : {m_http.get(), m_adminAuth->tokenClient()}) {
        client->setRequestLog(m_log);
        client->setLogLabel(label);
    }
    m_admin = JamfClient::forSession(m_http.get());
    Q_EMIT step(tr("Signing in to %1 as %2…").arg(m_serverUrl.host(), settings.user));
    return m_admin->probe();
}

QStringList JamfSetup::created() const
{
    QStringList items;
    if (!m_createdRoleId.isEmpty())
        items << tr("API role \"%1\"").arg(m_createdRoleName);
    if (m_createdClientId > 0)
        items << tr("API client \"%1\"").arg(m_createdClientName);
    return items;
}

Job *JamfSetup::run(const Draft &draft)
{
    auto run = std::make_shared<Run>();
    run->job = new Job(this);
    run->draft = draft;
    if (!m_admin) {
        run->job->failLater(ApiError(ApiError::Kind::Invalid, tr("Sign in as an administrator first.")));
        return run->job;
    }
    if (draft.clientName.trimmed().isEmpty() || (draft.roleId.isEmpty() && draft.roleName.trimmed().isEmpty())) {
        run->job->failLater(ApiError(ApiError::Kind::Invalid, tr("Enter a name for the API role and for the API client.")));
        return run->job;
    }
    if (run->draft.roleId.isEmpty() && !m_createdRoleId.isEmpty())
        run->draft.roleId = m_createdRoleId; // made by an earlier run that failed later: use it
    m_running = true;
    m_stopRequested = false;
    connect(run->job, &Job::finished, this, [this] { m_running = false; });
    QMetaObject::invokeMethod(this, [this, run] {
        if (stopped(run))
            return;
        if (run->draft.roleId.isEmpty()) {
            createRole(run);
            return;
        }
        // Reuse: read the role for its display name (clients refer to roles by name).
        Q_EMIT step(tr("Reading API role %1…").arg(run->draft.roleId));
        Job *read = m_admin->getRole(run->draft.roleId);
        connect(read, &Job::finished, this, [this, run, read] {
            if (read->hasError())
                return fail(run, read->error(), tr("Choose another role, or create one."));
            run->roleId = run->draft.roleId;
            run->roleName = JamfRole::fromJson(read->result().toObject()).displayName;
            createClient(run);
        });
    }, Qt::QueuedConnection);
    return run->job;
}

void JamfSetup::stop()
{
    if (m_running)
        m_stopRequested = true;
}

bool JamfSetup::stopped(const std::shared_ptr<Run> &run)
{
    if (!m_stopRequested)
        return false;
    m_stopRequested = false;
    run->job->fail(ApiError(ApiError::Kind::Cancelled, tr("Stopped before the next step.")));
    return true;
}

void JamfSetup::fail(const std::shared_ptr<Run> &run, const ApiError &error, const QString &advice)
{
    ApiError shown = error;
    QString text = error.message().isEmpty() ? error.toString() : error.message();
    if (isNameTaken(error))
        text = tr("That name is taken on the server.");
    else if (error.isForbidden())
        text += QLatin1Char(' ') + tr("Sign in as an administrator who has it.");
    if (!advice.isEmpty())
        text += QLatin1Char(' ') + advice;
    shown.setMessage(text);
    run->job->fail(shown);
}

void JamfSetup::createRole(const std::shared_ptr<Run> &run)
{
    JamfRole role;
    role.displayName = run->draft.roleName.trimmed();
    role.privileges = run->draft.privileges;
    Q_EMIT step(tr("Creating API role \"%1\" with %2…").arg(role.displayName, JamfPrivileges::countText(int(role.privileges.size()))));
    Job *job = m_admin->createRole(role);
    connect(job, &Job::finished, this, [this, run, job] {
        if (job->hasError())
            return fail(run, job->error(), isNameTaken(job->error()) ? tr("Reuse the existing role, or choose another name.") : QString());
        const JamfRole created = JamfRole::fromJson(job->result().toObject());
        run->roleId = created.id;
        run->roleName = created.displayName;
        m_createdRoleId = created.id;
        m_createdRoleName = created.displayName;
        createClient(run);
    });
}

void JamfSetup::createClient(const std::shared_ptr<Run> &run)
{
    if (stopped(run))
        return;
    JamfApiClient client;
    client.displayName = run->draft.clientName.trimmed();
    client.authorizationScopes = { run->roleName };
    client.accessTokenLifetimeSeconds = run->draft.lifetimeSeconds;
    Q_EMIT step(tr("Creating API client \"%1\" with role \"%2\"…").arg(client.displayName, run->roleName));
    Job *job = m_admin->createClient(client);
    connect(job, &Job::finished, this, [this, run, job] {
        if (job->hasError())
            return fail(run, job->error(),
                isNameTaken(job->error()) ? tr("Choose another client name, or delete the existing client first.") : QString());
        run->client = JamfApiClient::fromJson(job->result().toObject());
        m_createdClientId = run->client.id;
        m_createdClientName = run->client.displayName;
        createCredentials(run);
    });
}

void JamfSetup::createCredentials(const std::shared_ptr<Run> &run)
{
    if (stopped(run))
        return;
    Q_EMIT step(tr("Creating the client's secret…"));
    Job *job = m_admin->rotateCredentials(run->client.id);
    connect(job, &Job::finished, this, [this, run, job] {
        if (job->hasError())
            return fail(run, job->error(), QString());
        const QJsonObject credentials = job->result().toObject();
        run->client.clientId = credentials.value(QLatin1String("clientId")).toString();
        run->clientSecret = credentials.value(QLatin1String("clientSecret")).toString();
        proveCredentials(run);
    });
}

void JamfSetup::proveCredentials(const std::shared_ptr<Run> &run)
{
    if (stopped(run))
        return;
    Q_EMIT step(tr("Getting a token with the new client, to prove it works…"));
    JamfSettings settings;
    settings.serverUrl = m_serverUrl;
    settings.mode = JamfSettings::Mode::ApiClient;
    settings.user = run->client.clientId;
    auto *auth = createJamfAuth(settings, run->clientSecret, m_nam);
    auth->setParent(this);
    Job *job = auth->renew();
    connect(job, &Job::finished, this, [this, run, job, auth] {
        auth->deleteLater();
        if (job->hasError())
            return fail(run, job->error(), tr("The client was created but cannot sign in; check that it is enabled."));
        storeTenant(run);
    });
}

void JamfSetup::storeTenant(const std::shared_ptr<Run> &run)
{
    if (stopped(run))
        return;
    Q_EMIT step(tr("Storing the client's secret in the keychain and saving the tenant…"));
    Tenant tenant;
    if (!run->draft.tenantId.isEmpty()) {
        const std::optional<Tenant> existing = m_registry->tenant(run->draft.tenantId);
        if (!existing)
            return fail(run, ApiError(ApiError::Kind::NotFound, tr("The tenant to update no longer exists.")), QString());
        tenant = *existing;
    }
    tenant.family = QStringLiteral("jamf");
    tenant.baseUrl = m_serverUrl;
    tenant.auth = AuthKind::OAuth2ClientCredentials;
    tenant.userName = run->client.clientId;
    if (!run->draft.tenantName.trimmed().isEmpty())
        tenant.displayName = run->draft.tenantName.trimmed();
    if (tenant.displayName.isEmpty())
        tenant.displayName = m_serverUrl.host();
    QString error;
    const QString id = tenant.id.isEmpty() ? m_registry->add(tenant, &error) : (m_registry->update(tenant, &error) ? tenant.id : QString());
    if (id.isEmpty())
        return fail(run, ApiError(ApiError::Kind::Invalid, error), QString());
    Job *store = m_registry->storeSecret(id, SecretPurpose::ClientSecret, std::exchange(run->clientSecret, QString()), m_secrets);
    connect(store, &Job::finished, this, [this, run, store, id] {
        if (store->hasError())
            return fail(run, store->error(), tr("The keychain refused the secret: rotate it later from the client's page."));
        const QJsonObject result { { QStringLiteral("tenantId"), id }, { QStringLiteral("roleId"), run->roleId },
            { QStringLiteral("roleName"), run->roleName }, { QStringLiteral("integrationId"), run->client.id },
            { QStringLiteral("clientId"), run->client.clientId } };
        m_createdRoleId.clear(); // done: nothing to undo any more
        m_createdClientId = 0;
        signOut();
        Q_EMIT step(tr("Done."));
        run->job->succeed(result);
    });
}

Job *JamfSetup::undo()
{
    auto *job = new Job(this);
    if (created().isEmpty() || !m_admin) {
        job->succeedLater();
        return job;
    }
    const int clientId = std::exchange(m_createdClientId, 0);
    const QString roleId = std::exchange(m_createdRoleId, QString());
    const auto deleteRole = [this, job, roleId] {
        if (roleId.isEmpty()) {
            job->succeed();
            return;
        }
        Q_EMIT step(tr("Deleting the API role this setup created…"));
        Job *remove = m_admin->deleteRole(roleId);
        connect(remove, &Job::finished, job, [job, remove] {
            remove->hasError() ? job->fail(remove->error()) : job->succeed();
        });
    };
    if (clientId <= 0) {
        QMetaObject::invokeMethod(this, deleteRole, Qt::QueuedConnection);
        return job;
    }
    Q_EMIT step(tr("Deleting the API client this setup created…"));
    Job *remove = m_admin->deleteClient(clientId);
    connect(remove, &Job::finished, job, [job, remove, deleteRole] {
        if (remove->hasError())
            job->fail(remove->error());
        else
            deleteRole();
    });
    return job;
}
