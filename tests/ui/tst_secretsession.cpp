// A whole session with a tenant of every family, each with its secrets: a Kinto account password,
// a Jamf API client secret, a Kandji API token, a REST API's OAuth2 client secret (and the access
// token it gets). The window connects every tenant and lists what is below it, then quits; the
// same servers are used by tenantctl with every message on (-v, -D and all logging categories).
// Then every file the session wrote under its HOME, every log message, the request log, and
// tenantctl's standard output and error are searched for each secret, as it is and in Base64
// (alone, and as Basic credentials "user:secret"): none may appear.

#include "families.h"
#include "jamfdemodata.h"
#include "jamffamily.h"
#include "jamfsandbox.h"
#include "kandjifamily.h"
#include "kandjisandbox.h"
#include "kintofamily.h"
#include "kintosandbox.h"
#include "loopbackhttpserver.h"
#include "prompt.h"
#include "restfamily.h"
#include "restresource.h"
#include "resttenant.h"
#include "tenantconnector.h"
#include "testsupport.h"
#include "windowfixture.h"

#include <QApplication>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMutex>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace {

const QString KintoPassword = QStringLiteral("kinto-Pa55-VbQx7");
const QString RestClientSecret = QStringLiteral("rest-client-secret-Hq93Lw");
const QString RestAccessToken = QStringLiteral("rest-access-token-Zt61Mr");

QMutex messagesMutex;
QByteArray messages; // every Qt message of the process, whatever the category or level

void captureMessage(QtMsgType, const QMessageLogContext &context, const QString &text)
{
    QMutexLocker lock(&messagesMutex);
    messages += QByteArray(context.category ? context.category : "") + ": " + text.toUtf8() + '\n';
}

struct Secret
{
    QString name;
    QByteArray value;
    QByteArray user; // for Basic credentials "user:value"; empty when not sent that way
};

// The forms a secret may leak in.
QList<QByteArray> formsOf(const Secret &secret)
{
    QList<QByteArray> forms { secret.value, secret.value.toBase64(), secret.value.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals) };
    if (!secret.user.isEmpty())
        forms << QByteArray(secret.user + ':' + secret.value).toBase64();
    return forms;
}

} // namespace

class tst_SecretSession : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void noSecretLeavesTheSession();

private:
    QString addTenants();
    void checkNowhere(const QList<QPair<QString, QByteArray>> &places);
    QPair<QString, QByteArray> tenantctl(const QString &what, const QStringList &arguments, const QProcessEnvironment &env);

    QTemporaryDir m_home;
    std::unique_ptr<KintoSandbox> m_kinto;
    std::unique_ptr<JamfSandbox> m_jamf;
    std::unique_ptr<KandjiSandbox> m_kandji;
    std::unique_ptr<LoopbackHttpServer> m_rest;
    QList<Secret> m_secrets;
    WindowFixture m_fx;
};

void tst_SecretSession::initTestCase()
{
    QVERIFY(m_home.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("TenantDesk"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_home.filePath(QStringLiteral("settings")));
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_home.filePath(QStringLiteral("settings")));
    Prompt::setAnswerForTests(true);
    registerFamilies();

    m_kinto = std::make_unique<KintoSandbox>();
    QVERIFY(m_kinto->start());
    m_kinto->seedDemoData();
    m_kinto->addAccount(QStringLiteral("alice"), KintoPassword);
    m_jamf = std::make_unique<JamfSandbox>();
    QVERIFY(m_jamf->start());
    m_jamf->seedDemoData();
    m_kandji = std::make_unique<KandjiSandbox>();
    QVERIFY(m_kandji->start());
    m_kandji->seedDemoData();

    // A REST API behind OAuth2 client credentials: /token checks the client's Basic credentials,
    // /users wants the access token it handed out.
    m_rest = std::make_unique<LoopbackHttpServer>();
    m_rest->setHandler([](const HttpServerRequest &request, HttpResponder *responder) {
        if (request.path == QLatin1String("/token")) {
            if (request.header("authorization") != "Basic " + QByteArray("rest-client:" + RestClientSecret.toUtf8()).toBase64())
                return responder->respondJson(401, R"({"error":"invalid_client"})");
            return responder->respondJson(200, R"({"access_token":")" + RestAccessToken.toUtf8()
                                                    + R"(","token_type":"Bearer","expires_in":3600})");
        }
        if (request.header("authorization") != "Bearer " + RestAccessToken.toUtf8())
            return responder->respondJson(401, R"({"error":"invalid_token"})");
        responder->respondJson(200, R"([{"id":1,"name":"Ada"},{"id":2,"name":"Grace"}])");
    });
    QVERIFY(m_rest->listen());

    m_secrets = {
        { QStringLiteral("Kinto password"), KintoPassword.toUtf8(), "alice" },
        { QStringLiteral("Jamf client secret"), JamfDemoData::DemoClientSecret.toUtf8(), JamfDemoData::DemoClientId.toUtf8() },
        { QStringLiteral("Kandji token"), m_kandji->token().toUtf8(), {} },
        { QStringLiteral("REST client secret"), RestClientSecret.toUtf8(), "rest-client" },
        { QStringLiteral("REST access token"), RestAccessToken.toUtf8(), {} },
    };
}

void tst_SecretSession::cleanupTestCase()
{
    m_fx.close();
    Prompt::setAnswerForTests(std::nullopt);
}

QString tst_SecretSession::addTenants()
{
    Tenant kinto;
    kinto.displayName = QStringLiteral("Kinto");
    kinto.family = KintoFamily::Id;
    kinto.baseUrl = m_kinto->baseUrl();
    kinto.auth = AuthKind::Basic;
    kinto.userName = QStringLiteral("alice");
    if (m_fx.addTenant(kinto, SecretPurpose::Password, KintoPassword).isEmpty())
        return QStringLiteral("kinto");

    Tenant jamf;
    jamf.displayName = QStringLiteral("Jamf");
    jamf.family = JamfFamily::Id;
    jamf.baseUrl = m_jamf->baseUrl();
    jamf.auth = AuthKind::OAuth2ClientCredentials;
    jamf.userName = JamfDemoData::DemoClientId;
    if (m_fx.addTenant(jamf, SecretPurpose::ClientSecret, JamfDemoData::DemoClientSecret).isEmpty())
        return QStringLiteral("jamf");

    Tenant kandji;
    kandji.displayName = QStringLiteral("Kandji");
    kandji.family = KandjiFamily::Id;
    kandji.baseUrl = m_kandji->baseUrl();
    kandji.auth = AuthKind::Bearer;
    kandji.options.insert(QStringLiteral("localTestServer"), true);
    if (m_fx.addTenant(kandji, SecretPurpose::Token, m_kandji->token()).isEmpty())
        return QStringLiteral("kandji");

    Tenant rest;
    rest.displayName = QStringLiteral("REST");
    rest.family = RestFamily::Id;
    rest.baseUrl = m_rest->baseUrl();
    rest.auth = AuthKind::OAuth2ClientCredentials;
    rest.userName = QStringLiteral("rest-client");
    rest.options.insert(QStringLiteral("tokenUrl"), QStringLiteral("/token"));
    rest.options.insert(QStringLiteral("probePath"), QStringLiteral("/users"));
    RestResource users;
    users.name = QStringLiteral("Users");
    users.path = QStringLiteral("/users");
    RestTenant::setResources(&rest, { users });
    if (m_fx.addTenant(rest, SecretPurpose::ClientSecret, RestClientSecret).isEmpty())
        return QStringLiteral("rest");
    return {};
}

QPair<QString, QByteArray> tst_SecretSession::tenantctl(const QString &what, const QStringList &arguments,
                                                        const QProcessEnvironment &base)
{
    QProcessEnvironment env = base;
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*=true"));
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(TENANTCTL_PATH), arguments);
    process.closeWriteChannel();
    QSignalSpy finished(&process, &QProcess::finished);
    if (!finished.wait(60000))
        process.kill();
    const QByteArray output = process.readAllStandardOutput() + process.readAllStandardError();
    [&] { QVERIFY2(process.exitCode() == 0, qPrintable(what + QStringLiteral(": ") + QString::fromUtf8(output.right(2000)))); }();
    return { QStringLiteral("tenantctl ") + what, output };
}

void tst_SecretSession::checkNowhere(const QList<QPair<QString, QByteArray>> &places)
{
    for (const auto &[where, text] : places) {
        for (const Secret &secret : std::as_const(m_secrets)) {
            for (const QByteArray &form : formsOf(secret))
                QVERIFY2(!text.contains(form), qPrintable(QStringLiteral("%1 found in %2").arg(secret.name, where)));
        }
    }
}

void tst_SecretSession::noSecretLeavesTheSession()
{
    QLoggingCategory::setFilterRules(QStringLiteral("*=true"));
    const QtMessageHandler previous = qInstallMessageHandler(captureMessage);

    // The window: every tenant connected, and what is below it listed.
    QVERIFY(m_fx.open(m_home));
    const QString failed = addTenants();
    QVERIFY2(failed.isEmpty(), qPrintable(failed));
    const QList<Tenant> tenants = m_fx.registry->tenants();
    QCOMPARE(tenants.size(), 4);
    for (const Tenant &tenant : tenants) {
        const QString id = tenant.id;
        QSignalSpy checked(m_fx.window->connector(), &TenantConnector::checked);
        m_fx.click(m_fx.model->indexForTenant(id));
        QVERIFY(checked.wait(15000) || m_fx.model->tenantState(id) == TenantTreeModel::State::Ok);
        QTRY_COMPARE_WITH_TIMEOUT(m_fx.model->tenantState(id), TenantTreeModel::State::Ok, 15000);
        const QModelIndex first = m_fx.reveal(id, {});
        QVERIFY(first.isValid());
        QTRY_VERIFY_WITH_TIMEOUT(m_fx.model->rowCount(first) > 0, 15000);
        m_fx.click(m_fx.model->index(0, 0, first)); // the first node's page, with its requests
        QTest::qWait(300);
    }
    QString requestLog;
    for (const RequestLogEntry &entry : m_fx.log->entries())
        requestLog += QString::fromLatin1(entry.method) + u' ' + entry.url + u' ' + entry.tenant + u' ' + entry.error + u'\n';
    QVERIFY(m_fx.log->entries().size() >= 8);
    m_fx.window->close(); // quitting writes the window's state
    m_fx.close();

    // tenantctl over the same servers, every message on.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), m_home.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral(".config")));
    env.insert(QStringLiteral("KINTO_AUTH"), QStringLiteral("alice:") + KintoPassword);
    env.insert(QStringLiteral("JAMF_CLIENT_SECRET"), JamfDemoData::DemoClientSecret);
    env.insert(QStringLiteral("KANDJI_TOKEN"), m_kandji->token());
    env.insert(QStringLiteral("TENANTCTL_CLIENT_SECRET"), RestClientSecret);
    QList<QPair<QString, QByteArray>> places {
        tenantctl(QStringLiteral("kinto -D"), { QStringLiteral("kinto"), QStringLiteral("-s"), m_kinto->baseUrl().toString(), QStringLiteral("-D"),
                                                QStringLiteral("list"), QStringLiteral("buckets") }, env),
        tenantctl(QStringLiteral("kinto -v"), { QStringLiteral("kinto"), QStringLiteral("-s"), m_kinto->baseUrl().toString(), QStringLiteral("-v"),
                                                QStringLiteral("list"), QStringLiteral("buckets") }, env),
        tenantctl(QStringLiteral("jamf -v"), { QStringLiteral("jamf"), QStringLiteral("-s"), m_jamf->baseUrl().toString(),
                                               QStringLiteral("--client-id"), JamfDemoData::DemoClientId, QStringLiteral("-v"),
                                               QStringLiteral("roles"), QStringLiteral("list") }, env),
        tenantctl(QStringLiteral("kandji"), { QStringLiteral("kandji"), QStringLiteral("--url"), m_kandji->baseUrl().toString(),
                                              QStringLiteral("--local-test-server"), QStringLiteral("profiles"), QStringLiteral("list") }, env),
        tenantctl(QStringLiteral("rest -v"), { QStringLiteral("rest"), QStringLiteral("-s"), m_rest->baseUrl().toString(), QStringLiteral("-v"),
                                               QStringLiteral("--auth"), QStringLiteral("oauth2-client-credentials"),
                                               QStringLiteral("--token-url"), m_rest->baseUrl().toString() + QStringLiteral("/token"),
                                               QStringLiteral("--user"), QStringLiteral("rest-client"), QStringLiteral("read"), QStringLiteral("/users") }, env),
    };
    if (QTest::currentTestFailed())
        return;

    qInstallMessageHandler(previous);
    QLoggingCategory::setFilterRules(QString());
    {
        QMutexLocker lock(&messagesMutex);
        QVERIFY(messages.contains("tenantdesk")); // the log was on and did capture the session
        places.append({ QStringLiteral("the log messages"), messages });
    }
    places.append({ QStringLiteral("the request log"), requestLog.toUtf8() });
    int files = 0;
    QDirIterator it(m_home.path(), QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        places.append({ file.fileName(), file.readAll() });
        ++files;
    }
    QVERIFY2(files >= 2, "the session wrote no files: the search would prove nothing"); // tenants and window state
    checkNowhere(places);
}

QTEST_MAIN(tst_SecretSession)
#include "tst_secretsession.moc"
