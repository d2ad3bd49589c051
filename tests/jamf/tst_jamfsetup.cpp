// The API client setup's steps against the sandbox: success (new role or reused), each failure
// path (wrong password / SSO, missing privilege, names taken), undo of what it made, and where the
// secrets end up (the secret store) and do not (the settings file).

#include "jamfdemodata.h"
#include "jamfprivileges.h"
#include "jamfsandbox.h"
#include "jamfservice.h"
#include "jamfsetup.h"
#include "jamftestenv.h"
#include "secrets/memorysecretstore.h"
#include "secrets/secretstore.h"
#include "tenants/tenantregistry.h"

#include <QFile>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class tst_JamfSetup : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void createsRoleClientAndTenant();
    void reusesRoleAndUpdatesTenant();
    void wrongPasswordOrSso();
    void missingPrivilegeNamed();
    void roleNameTaken();
    void clientNameTakenThenRetry();
    void undoAfterFailure();
    void stopAfterTheCurrentStep();

private:
    QByteArray settingsText() const
    {
        QFile file(m_dir->filePath(QStringLiteral("tenants.ini")));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    JamfSandbox *m_sandbox = nullptr;
    std::unique_ptr<QTemporaryDir> m_dir;
    TenantRegistry *m_registry = nullptr;
    MemorySecretStore *m_secrets = nullptr;
    QNetworkAccessManager *m_nam = nullptr;
    JamfSetup *m_setup = nullptr;
};

void tst_JamfSetup::init()
{
    m_sandbox = new JamfSandbox(this);
    QVERIFY(m_sandbox->start());
    m_sandbox->seedDemoData();
    m_dir = std::make_unique<QTemporaryDir>();
    m_registry = new TenantRegistry(m_dir->filePath(QStringLiteral("tenants.ini")), this);
    m_secrets = new MemorySecretStore(this);
    m_nam = new QNetworkAccessManager(this);
    m_setup = new JamfSetup(m_nam, m_registry, m_secrets, this);
}

void tst_JamfSetup::cleanup()
{
    delete m_setup;
    delete m_registry;
    delete m_secrets;
    delete m_nam;
    delete m_sandbox;
}

void tst_JamfSetup::createsRoleClientAndTenant()
{
    QSignalSpy steps(m_setup, &JamfSetup::step);
    AWAIT_OK(signedIn, m_setup->signIn(m_sandbox->baseUrl().toString() + QStringLiteral("/"), QStringLiteral("admin"), QStringLiteral("admin")));
    QCOMPARE(signedIn.result.toObject().value(QLatin1String("user")).toString(), QStringLiteral("admin"));
    const int roles = m_sandbox->service().roleCount();

    JamfSetup::Draft draft;
    draft.roleName = QStringLiteral("Patcher-Role 2");
    draft.privileges = JamfPrivileges::patcherPreset();
    draft.clientName = QStringLiteral("Patcher-Client 2");
    draft.tenantName = QStringLiteral("Prod Jamf");
    AWAIT_OK(done, m_setup->run(draft));
    const QJsonObject result = done.result.toObject();
    QCOMPARE(m_sandbox->service().roleCount(), roles + 1);
    const int integration = result.value(QLatin1String("integrationId")).toInt();
    const QJsonObject client = m_sandbox->service().client(integration);
    QCOMPARE(client.value(QLatin1String("displayName")).toString(), QStringLiteral("Patcher-Client 2"));
    QCOMPARE(client.value(QLatin1String("accessTokenLifetimeSeconds")).toInt(), 1800);
    QCOMPARE(client.value(QLatin1String("appType")).toString(), QStringLiteral("CLIENT_CREDENTIALS"));

    const std::optional<Tenant> tenant = m_registry->tenant(result.value(QLatin1String("tenantId")).toString());
    QVERIFY(tenant);
    QCOMPARE(tenant->family, QStringLiteral("jamf"));
    QCOMPARE(tenant->auth, AuthKind::OAuth2ClientCredentials);
    QCOMPARE(tenant->userName, client.value(QLatin1String("clientId")).toString());
    QCOMPARE(tenant->displayName, QStringLiteral("Prod Jamf"));
    QCOMPARE(tenant->baseUrl, m_sandbox->baseUrl());
    AWAIT_OK(secret, m_secrets->read(tenant->id, SecretPurpose::ClientSecret));
    QCOMPARE(secret.result.toString(), m_sandbox->service().clientSecret(integration));
    QVERIFY(steps.size() >= 6);
    QVERIFY(m_setup->created().isEmpty()); // nothing to undo after success

    // Neither the administrator's password nor the client secret is in the settings file.
    const QByteArray ini = settingsText();
    QVERIFY(!ini.isEmpty());
    QVERIFY(!ini.contains(secret.result.toString().toUtf8()));
    QVERIFY(!ini.contains("admin:admin"));
    QVERIFY(!ini.contains(QByteArray("admin:admin").toBase64()));

    // The new client works as the tenant's credentials; the admin's token was invalidated.
    JamfTestSession asTenant(tenant->baseUrl, JamfSettings::Mode::ApiClient, tenant->userName, secret.result.toString());
    AWAIT_OK(works, asTenant.client->getRole(result.value(QLatin1String("roleId")).toString()));
    QTRY_COMPARE(m_sandbox->service().liveTokenCount(), 2); // the proof's token and this one, no admin token
}

void tst_JamfSetup::reusesRoleAndUpdatesTenant()
{
    Tenant existing;
    existing.displayName = QStringLiteral("Old");
    existing.family = QStringLiteral("jamf");
    existing.baseUrl = m_sandbox->baseUrl();
    existing.auth = AuthKind::Basic;
    existing.userName = QStringLiteral("admin");
    const QString id = m_registry->add(existing);
    QVERIFY(!id.isEmpty());
    AWAIT_OK(signedIn, m_setup->signIn(m_sandbox->baseUrl().toString(), QStringLiteral("admin"), QStringLiteral("admin")));
    const int roles = m_sandbox->service().roleCount();
    JamfSetup::Draft draft;
    draft.roleId = QStringLiteral("2"); // Patcher-Role
    draft.clientName = QStringLiteral("Reusing client");
    draft.tenantId = id;
    AWAIT_OK(done, m_setup->run(draft));
    QCOMPARE(m_sandbox->service().roleCount(), roles);
    QCOMPARE(done.result.toObject().value(QLatin1String("roleName")).toString(), QStringLiteral("Patcher-Role"));
    QCOMPARE(m_registry->tenants().size(), 1);
    QCOMPARE(m_registry->tenant(id)->auth, AuthKind::OAuth2ClientCredentials);
    QCOMPARE(m_registry->tenant(id)->displayName, QStringLiteral("Old"));
    QVERIFY(m_registry->tenant(id)->secretPurposes.contains(SecretPurpose::ClientSecret));
}

void tst_JamfSetup::wrongPasswordOrSso()
{
    AWAIT_FAIL(wrong, m_setup->signIn(m_sandbox->baseUrl().toString(), QStringLiteral("admin"), QStringLiteral("nope")));
    QCOMPARE(wrong.error.kind(), ApiError::Kind::Auth);
    QVERIFY(wrong.error.message().contains(QLatin1String("SSO")));
    QVERIFY(!wrong.error.message().contains(QLatin1String("nope")));
    AWAIT_FAIL(bad, m_setup->signIn(QStringLiteral("ftp://x"), QStringLiteral("admin"), QStringLiteral("admin")));
    QCOMPARE(bad.error.kind(), ApiError::Kind::Invalid);
}

void tst_JamfSetup::missingPrivilegeNamed()
{
    AWAIT_OK(signedIn, m_setup->signIn(m_sandbox->baseUrl().toString(), QStringLiteral("auditor"), QStringLiteral("auditor")));
    AWAIT_FAIL(refused, m_setup->run(JamfSetup::Draft()));
    QCOMPARE(refused.error.httpStatus(), 403);
    QVERIFY(refused.error.message().contains(QLatin1String("\"Create API Roles\"")));
    QVERIFY2(!refused.error.message().contains(QLatin1String("Reuse")), qPrintable(refused.error.message()));
    QVERIFY(refused.error.message().contains(QLatin1String("Sign in as an administrator who has it")));
    QVERIFY(m_setup->created().isEmpty());
    QVERIFY(m_registry->tenants().isEmpty());
}

void tst_JamfSetup::roleNameTaken()
{
    AWAIT_OK(signedIn, m_setup->signIn(m_sandbox->baseUrl().toString(), QStringLiteral("admin"), QStringLiteral("admin")));
    JamfSetup::Draft draft;
    draft.roleName = QStringLiteral("Patcher-Role");
    AWAIT_FAIL(taken, m_setup->run(draft));
    QCOMPARE(taken.error.httpStatus(), 400);
    QVERIFY2(taken.error.message().contains(QLatin1String("Reuse the existing role")), qPrintable(taken.error.message()));
    QVERIFY(m_setup->created().isEmpty());
}

void tst_JamfSetup::clientNameTakenThenRetry()
{
    AWAIT_OK(signedIn, m_setup->signIn(m_sandbox->baseUrl().toString(), QStringLiteral("admin"), QStringLiteral("admin")));
    const int roles = m_sandbox->service().roleCount();
    JamfSetup::Draft draft;
    draft.roleName = QStringLiteral("Fresh role");
    draft.clientName = QStringLiteral("Patcher-Client"); // taken in the demo tenant
    AWAIT_FAIL(taken, m_setup->run(draft));
    QVERIFY(taken.error.message().contains(QLatin1String("another client name")));
    QCOMPARE(m_setup->created(), QStringList { QStringLiteral("API role \"Fresh role\"") });
    QCOMPARE(m_sandbox->service().roleCount(), roles + 1);
    draft.clientName = QStringLiteral("Fresh client");
    AWAIT_FAIL(rejected, m_setup->run(JamfSetup::Draft { {}, {}, {}, QString(), 1800, {}, {} })); // no client name
    AWAIT_OK(retried, m_setup->run(draft)); // the role made by the failed run is reused
    QCOMPARE(m_sandbox->service().roleCount(), roles + 1);
    QCOMPARE(retried.result.toObject().value(QLatin1String("roleName")).toString(), QStringLiteral("Fresh role"));
}

void tst_JamfSetup::undoAfterFailure()
{
    AWAIT_OK(signedIn, m_setup->signIn(m_sandbox->baseUrl().toString(), QStringLiteral("admin"), QStringLiteral("admin")));
    const int roles = m_sandbox->service().roleCount();
    JamfSetup::Draft draft;
    draft.roleName = QStringLiteral("Fresh role");
    draft.clientName = QStringLiteral("Patcher-Client"); // taken in the demo tenant
    AWAIT_FAIL(taken, m_setup->run(draft));
    AWAIT_OK(undone, m_setup->undo());
    QCOMPARE(m_sandbox->service().roleCount(), roles);
    QVERIFY(m_setup->created().isEmpty());
    QVERIFY(m_registry->tenants().isEmpty());
}

void tst_JamfSetup::stopAfterTheCurrentStep()
{
    AWAIT_OK(signedIn, m_setup->signIn(m_sandbox->baseUrl().toString(), QStringLiteral("admin"), QStringLiteral("admin")));
    const int roles = m_sandbox->service().roleCount();
    const int clients = m_sandbox->service().clientCount();
    m_setup->stop(); // no run: nothing to stop, the next run is not affected
    m_sandbox->setLatency(200);
    JamfSetup::Draft draft;
    Job *run = m_setup->run(draft);
    QVERIFY(m_setup->isRunning());
    QTest::qWait(50); // the role's creation is on its way
    m_setup->stop();
    AWAIT_FAIL(stopped, run);
    QVERIFY(stopped.error.isCancelled());
    QVERIFY(!m_setup->isRunning());
    QCOMPARE(m_setup->created(), QStringList { QStringLiteral("API role \"TenantDesk-Role\"") });
    QCOMPARE(m_sandbox->service().clientCount(), clients);
    AWAIT_OK(undone, m_setup->undo());
    QCOMPARE(m_sandbox->service().roleCount(), roles);
    QVERIFY(m_registry->tenants().isEmpty());
}

QTEST_GUILESS_MAIN(tst_JamfSetup)
#include "tst_jamfsetup.moc"
