// The Jamf Pro client's contract: roles, privileges, API clients and their credentials, checked by
// reading back what the server holds. Runs against:
// - JAMF_SERVER_URL with JAMF_CLIENT_ID + JAMF_CLIENT_SECRET (an API client with the API role and
//   integration privileges) or JAMF_USER + JAMF_PASSWORD: a real Jamf Pro, unchanged;
// - otherwise the in-process JamfSandbox (admin/admin);
// - with JAMF_CONTRACT_VIA_PRISM=1, the sandbox behind Prism's validating proxy built from Jamf's
//   OpenAPI (../shared/specs/data, paths prefixed with /api): any request or answer that breaks the
//   schema fails the suite. Skipped, saying why, without that file or without Prism.
// Each test works on objects named "tdc-<random>-…" and deletes them.

#include "externalserver.h"
#include "jamfclient.h"
#include "jamfsandbox.h"
#include "jamftestenv.h"
#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using TestSupport::await;
using Mode = JamfSettings::Mode;

class tst_JamfContract : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();

    void probe();
    void privileges();
    void rolesCrud();
    void rolesListing();
    void roleErrors();
    void clientsCrudAndCredentials();
    void userAccountToken();

private:
    QString name(const char *suffix) const { return m_prefix + QLatin1String(suffix); }
    std::unique_ptr<JamfTestSession> session() const
    {
        return std::make_unique<JamfTestSession>(m_url, m_mode, m_user, m_secret);
    }
    bool startPrism(QString *skip);

    std::unique_ptr<JamfSandbox> m_sandbox;
    ExternalServer m_prism;
    QTemporaryDir m_specDir;
    QUrl m_url;
    Mode m_mode = Mode::UserAccount;
    QString m_user;
    QString m_secret;
    QString m_prefix;
    std::unique_ptr<JamfTestSession> m_session;
};

void tst_JamfContract::initTestCase()
{
    const QString server = qEnvironmentVariable("JAMF_SERVER_URL");
    if (!server.isEmpty()) {
        QString error;
        m_url = JamfSettings::normalizeServerUrl(server, &error);
        QVERIFY2(m_url.isValid(), qPrintable(error));
        if (qEnvironmentVariableIsSet("JAMF_CLIENT_ID")) {
            m_mode = Mode::ApiClient;
            m_user = qEnvironmentVariable("JAMF_CLIENT_ID");
            m_secret = qEnvironmentVariable("JAMF_CLIENT_SECRET");
        } else {
            m_user = qEnvironmentVariable("JAMF_USER");
            m_secret = qEnvironmentVariable("JAMF_PASSWORD");
        }
        qInfo("Jamf contract against %s", qPrintable(m_url.toString()));
        return;
    }
    m_sandbox = std::make_unique<JamfSandbox>();
    QVERIFY(m_sandbox->start());
    m_sandbox->seedDemoData();
    m_url = m_sandbox->baseUrl();
    m_user = QStringLiteral("admin");
    m_secret = QStringLiteral("admin");
    if (qEnvironmentVariableIntValue("JAMF_CONTRACT_VIA_PRISM") == 1) {
        QString skip;
        if (!startPrism(&skip))
            QSKIP(qPrintable(skip));
        qInfo("Jamf contract through Prism's validating proxy at %s", qPrintable(m_url.toString()));
    }
}

// Prism checks requests against the paths as the schema writes them ("/v1/..."), ignoring the
// servers entry ("/api"): a copy with every path prefixed by /api matches what clients send.
// Jamf's documentation and clients use /api/oauth/token where the schema says /api/v1/oauth/token:
// the copy describes both. The token endpoints get an empty security list (see below).
bool tst_JamfContract::startPrism(QString *skip)
{
    const QString specs = ExternalServer::sharedSpecs();
    const QString source = specs + QStringLiteral("/jamfpro-api-subset-auth-roles-integrations-11.30.2.json");
    if (specs.isEmpty() || !QFile::exists(source)) {
        *skip = QStringLiteral("Jamf's OpenAPI file is not beside the project (../shared/specs/data): the validating proxy run is skipped");
        return false;
    }
    QFile in(source);
    if (!in.open(QIODevice::ReadOnly)) {
        *skip = QStringLiteral("cannot read %1").arg(source);
        return false;
    }
    QJsonObject spec = QJsonDocument::fromJson(in.readAll()).object();
    const QJsonObject paths = spec.value(QLatin1String("paths")).toObject();
    QJsonObject prefixed;
    for (auto it = paths.begin(); it != paths.end(); ++it) {
        // Operations marked x-authentication-required: false (the token endpoints) still inherit the
        // global security list, which Prism enforces: give them none, as the marker says.
        QJsonObject item = it.value().toObject();
        for (auto op = item.begin(); op != item.end(); ++op) {
            QJsonObject operation = op.value().toObject();
            if (operation.value(QLatin1String("x-authentication-required")) == QJsonValue(false)
                && !operation.contains(QLatin1String("security"))) {
                operation.insert(QStringLiteral("security"), QJsonArray());
                op.value() = operation;
            }
        }
        prefixed.insert(QStringLiteral("/api") + it.key(), item);
    }
    prefixed.insert(QStringLiteral("/api/oauth/token"), prefixed.value(QLatin1String("/api/v1/oauth/token")));
    spec.insert(QStringLiteral("paths"), prefixed);
    spec.insert(QStringLiteral("servers"), QJsonArray { QJsonObject { { QStringLiteral("url"), QStringLiteral("/") } } });
    const QString copy = m_specDir.filePath(QStringLiteral("jamf-api.json"));
    QFile out(copy);
    if (!out.open(QIODevice::WriteOnly) || out.write(QJsonDocument(spec).toJson()) < 0) {
        *skip = QStringLiteral("cannot write %1").arg(copy);
        return false;
    }
    out.close();
    const quint16 port = ExternalServer::freePort();
    if (!m_prism.start(QStringLiteral("prism"),
            { QStringLiteral("proxy"), QStringLiteral("--errors"), QStringLiteral("-h"), QStringLiteral("127.0.0.1"),
                QStringLiteral("-p"), QStringLiteral("{port}"), copy, m_sandbox->baseUrl().toString() },
            port)) {
        *skip = m_prism.skipReason();
        return false;
    }
    m_url = m_prism.url();
    return true;
}

void tst_JamfContract::cleanupTestCase()
{
    m_session.reset();
    if (m_prism.port()) {
        const QByteArray output = m_prism.output();
        // Prism reports every violation it finds, even those it lets through.
        // Prism reports every violation it finds ("Violation: ..."), and every request it could not
        // handle ("✖  error"). Only the probe's GET /api/v1/jamf-pro-version is outside the subset.
        if (qEnvironmentVariableIsSet("JAMF_PRISM_LOG"))
            qInfo("Prism's log:\n%s", output.constData());
        QStringList problems;
        for (const QByteArray &line : output.split('\n')) {
            const bool error = line.contains("Violation:") || line.contains("\xe2\x9c\x96"); // ✖
            if (error && !line.contains("get /api/v1/jamf-pro-version"))
                problems << QString::fromUtf8(line);
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        m_prism.stop();
    }
}

void tst_JamfContract::init()
{
    m_prefix = QStringLiteral("tdc-%1-").arg(QRandomGenerator::global()->bounded(1000000));
    if (!m_session)
        m_session = session();
}

void tst_JamfContract::probe()
{
    AWAIT_OK(result, m_session->client->probe());
    const QJsonObject identity = result.result.toObject();
    QCOMPARE(identity.value(QLatin1String("authMethod")).toString(),
        m_mode == Mode::UserAccount ? QStringLiteral("user-account") : QStringLiteral("api-client"));
    QVERIFY(!identity.value(QLatin1String("user")).toString().isEmpty());
    QVERIFY(identity.value(QLatin1String("capabilities")).toArray().contains(QStringLiteral("api-roles:read")));
    QVERIFY(identity.value(QLatin1String("capabilities")).toArray().contains(QStringLiteral("api-clients:read")));
}

void tst_JamfContract::privileges()
{
    AWAIT_OK(result, m_session->client->privileges());
    const QJsonArray names = result.result.toArray();
    QVERIFY(names.size() > 400);
    QVERIFY(names.contains(QStringLiteral("Read API Roles")));
}

void tst_JamfContract::rolesCrud()
{
    JamfClient *client = m_session->client;
    JamfRole role;
    role.displayName = name("reader");
    role.privileges = { QStringLiteral("Read Computers") };
    AWAIT_OK(created, client->createRole(role));
    role = JamfRole::fromJson(created.result.toObject());
    QVERIFY(!role.id.isEmpty());
    QCOMPARE(role.displayName, name("reader"));

    role.displayName = name("reader-2");
    role.privileges << QStringLiteral("Read Mobile Devices");
    AWAIT_OK(replaced, client->replaceRole(role));
    AWAIT_OK(read, client->getRole(role.id));
    const JamfRole stored = JamfRole::fromJson(read.result.toObject());
    QCOMPARE(stored.displayName, name("reader-2"));
    QCOMPARE(QSet<QString>(stored.privileges.begin(), stored.privileges.end()),
        QSet<QString>(role.privileges.begin(), role.privileges.end()));

    AWAIT_OK(deleted, client->deleteRole(role.id));
    AWAIT_FAIL(gone, client->getRole(role.id));
    QCOMPARE(gone.error.httpStatus(), 404);
}

void tst_JamfContract::rolesListing()
{
    JamfClient *client = m_session->client;
    QStringList ids;
    for (const char *suffix : { "list-b", "list-a", "list-c" }) {
        JamfRole role;
        role.displayName = name(suffix);
        role.privileges = { QStringLiteral("Read Buildings") };
        AWAIT_OK(created, client->createRole(role));
        ids << JamfRole::fromJson(created.result.toObject()).id;
    }
    JamfListOptions options;
    options.pageSize = 2;
    options.sort = { QStringLiteral("displayName:desc") };
    options.filter = JamfRsql::displayNameIs(name("list-"), true);
    JamfListJob *job = client->listRoles(options);
    QSignalSpy pages(job, &JamfListJob::page);
    AWAIT_OK(listed, job);
    QStringList names;
    for (const QJsonValue &v : listed.result.toArray())
        names << v.toObject().value(QLatin1String("displayName")).toString();
    QCOMPARE(names, (QStringList { name("list-c"), name("list-b"), name("list-a") }));
    QCOMPARE(pages.size(), 2);

    AWAIT_OK(many, client->getRoles(ids));
    QCOMPARE(many.result.toArray().size(), 3);
    for (const QString &id : ids) {
        AWAIT_OK(deleted, client->deleteRole(id));
    }
}

void tst_JamfContract::roleErrors()
{
    JamfClient *client = m_session->client;
    JamfRole role;
    role.displayName = name("dup");
    role.privileges = { QStringLiteral("Read Computers") };
    AWAIT_OK(created, client->createRole(role));
    role.id = JamfRole::fromJson(created.result.toObject()).id;
    AWAIT_FAIL(duplicate, client->createRole(role));
    QCOMPARE(duplicate.error.httpStatus(), 400);

    JamfApiClient user;
    user.displayName = name("user");
    user.authorizationScopes = { role.displayName };
    AWAIT_OK(made, client->createClient(user));
    user = JamfApiClient::fromJson(made.result.toObject());
    AWAIT_FAIL(inUse, client->deleteRole(role.id));
    QCOMPARE(inUse.error.httpStatus(), 409);
    // The client names who uses the role (it reads the clients' scopes).
    QVERIFY2(inUse.error.message().contains(QStringLiteral("used by the API client \"%1\"").arg(user.displayName)),
        qPrintable(inUse.error.message()));

    AWAIT_OK(clientGone, client->deleteClient(user.id));
    AWAIT_OK(roleGone, client->deleteRole(role.id));
    AWAIT_FAIL(missing, client->deleteRole(role.id));
    QCOMPARE(missing.error.httpStatus(), 404);
}

void tst_JamfContract::clientsCrudAndCredentials()
{
    JamfClient *client = m_session->client;
    JamfRole role;
    role.displayName = name("client-role");
    role.privileges = { QStringLiteral("Read API Roles"), QStringLiteral("Read API Integrations") };
    AWAIT_OK(createdRole, client->createRole(role));
    role.id = JamfRole::fromJson(createdRole.result.toObject()).id;

    JamfApiClient api;
    api.displayName = name("client");
    api.authorizationScopes = { role.displayName };
    api.accessTokenLifetimeSeconds = 900;
    AWAIT_OK(created, client->createClient(api));
    api = JamfApiClient::fromJson(created.result.toObject());
    QVERIFY(api.id > 0);
    QVERIFY(!api.clientId.isEmpty());

    api.accessTokenLifetimeSeconds = 1800;
    AWAIT_OK(replaced, client->replaceClient(api));
    AWAIT_OK(disabled, client->setClientEnabled(api.id, false));
    AWAIT_OK(read, client->getClient(api.id));
    QCOMPARE(JamfApiClient::fromJson(read.result.toObject()).enabled, false);
    QCOMPARE(JamfApiClient::fromJson(read.result.toObject()).accessTokenLifetimeSeconds, 1800);
    AWAIT_OK(enabled, client->setClientEnabled(api.id, true));

    AWAIT_OK(credentials, client->rotateCredentials(api.id));
    const QString secret = credentials.result.toObject().value(QLatin1String("clientSecret")).toString();
    QVERIFY(!secret.isEmpty());
    {
        JamfTestSession asClient(m_url, Mode::ApiClient, api.clientId, secret);
        AWAIT_OK(works, asClient.client->listRoles());
        QVERIFY(!works.result.toArray().isEmpty());
    }

    JamfListOptions options;
    options.filter = JamfRsql::displayNameIs(api.displayName);
    AWAIT_OK(listed, client->listClients(options));
    QCOMPARE(listed.result.toArray().size(), 1);

    AWAIT_OK(deleted, client->deleteClient(api.id));
    AWAIT_FAIL(gone, client->getClient(api.id));
    QCOMPARE(gone.error.httpStatus(), 404);
    AWAIT_OK(roleGone, client->deleteRole(role.id));
}

void tst_JamfContract::userAccountToken()
{
    if (m_mode != Mode::UserAccount)
        QSKIP("runs with a user account (JAMF_USER / JAMF_PASSWORD)");
    auto s = session();
    AWAIT_OK(first, s->client->listRoles());
    const QDateTime firstExpiry = s->auth->tokenExpiry();
    AWAIT_OK(renewed, s->auth->renew()); // keep-alive, the token being live
    QCOMPARE(s->auth->tokenRequestCount(), 2);
    QVERIFY(s->auth->tokenExpiry() >= firstExpiry);
    AWAIT_OK(second, s->client->listRoles());
    Job *signOut = qobject_cast<JamfUserAuth *>(s->auth)->signOut();
    AWAIT_OK(out, signOut);
}

QTEST_GUILESS_MAIN(tst_JamfContract)
#include "tst_jamfcontract.moc"
