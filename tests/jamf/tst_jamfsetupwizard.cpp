// The API client setup wizard driven like a person against the sandbox: success (the tenant added,
// its secret in the store, the admin password in no file and no log), each failure path (wrong
// password, SSO account, not a web address, missing privilege, role name taken then reused,
// client name taken), and cancelling after something was made (the offer to delete it accepted or
// declined) or while the run is going.

#include "jamf/jamfsetupwizard.h"
#include "jamfsandbox.h"
#include "jamfservice.h"
#include "jamfsetup.h"
#include "jamftestenv.h"
#include "prompt.h"
#include "secrets/memorysecretstore.h"
#include "secrets/secretstore.h"
#include "tenants/tenantregistry.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRadioButton>
#include <QScopeGuard>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

class tst_JamfSetupWizard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void createsClientAndTenant();
    void signInRefusedSaysWhatToDo_data();
    void signInRefusedSaysWhatToDo();
    void missingPrivilegeNamed();
    void roleNameTakenThenReused();
    void reuseWithoutRolesSaysSo();
    void cancelAfterFailureDeletesTheRole();
    void cancelDeclinedKeepsTheRole();
    void cancelDuringTheRunStopsAndDeletes();

private:
    template <typename W>
    W *child(const char *name) { return m_wizard->findChild<W *>(QLatin1String(name)); }
    void signIn(const QString &password, const QString &user = QStringLiteral("admin"), const QString &server = {})
    {
        QTest::keyClicks(child<QLineEdit>("server"), server.isEmpty() ? m_sandbox->baseUrl().toString() : server);
        QTest::keyClicks(child<QLineEdit>("adminUser"), user);
        QTest::keyClicks(child<QLineEdit>("adminPassword"), password);
        QTest::mouseClick(child<QPushButton>("signInButton"), Qt::LeftButton);
        QTRY_VERIFY(!child<QLabel>("serverMessage")->text().startsWith(QLatin1String("Signing")));
    }
    void next() { QTest::mouseClick(m_wizard->button(QWizard::NextButton), Qt::LeftButton); }
    void back() { QTest::mouseClick(m_wizard->button(QWizard::BackButton), Qt::LeftButton); }
    void typeOver(const char *name, const QString &text)
    {
        auto *edit = child<QLineEdit>(name);
        edit->selectAll();
        QTest::keyClicks(edit, text);
    }
    // The run's outcome: the run page's message once it has one.
    QString runOutcome()
    {
        if (!QTest::qWaitFor([this] { return !child<QLabel>("runMessage")->text().isEmpty(); }, 10000))
            return QStringLiteral("(no outcome after 10 s)");
        return child<QLabel>("runMessage")->text();
    }

    std::unique_ptr<JamfSandbox> m_sandbox;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TenantRegistry> m_registry;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<JamfSetupWizard> m_wizard;
};

void tst_JamfSetupWizard::initTestCase()
{
    Prompt::setAnswerForTests(true);
}

void tst_JamfSetupWizard::init()
{
    m_sandbox = std::make_unique<JamfSandbox>();
    QVERIFY(m_sandbox->start());
    m_sandbox->seedDemoData();
    m_dir = std::make_unique<QTemporaryDir>();
    m_registry = std::make_unique<TenantRegistry>(m_dir->filePath(QStringLiteral("tenants.ini")));
    m_secrets = std::make_unique<MemorySecretStore>();
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_wizard = std::make_unique<JamfSetupWizard>(AppContext { m_registry.get(), m_secrets.get(), nullptr, m_nam.get(), nullptr }, std::nullopt);
    m_wizard->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_wizard.get()));
}

void tst_JamfSetupWizard::cleanup()
{
    m_wizard.reset();
    m_nam.reset();
    m_secrets.reset();
    m_registry.reset();
    m_sandbox.reset();
}

namespace {

QStringList *capturedLog = nullptr;

void captureMessage(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    if (capturedLog)
        capturedLog->append(QString::fromLatin1(context.category ? context.category : "") + QLatin1Char(' ') + message);
}

QByteArray filesBelow(const QString &dir)
{
    QByteArray all;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly))
            all += file.readAll();
    }
    return all;
}

} // namespace

void tst_JamfSetupWizard::createsClientAndTenant()
{
    const QString password = QStringLiteral("Unique-Pa55word-93");
    m_sandbox->service().addAccount(QStringLiteral("setup-admin"), password, {}, true);
    QStringList log;
    capturedLog = &log;
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true"));
    const QtMessageHandler previous = qInstallMessageHandler(captureMessage);
    const auto restore = qScopeGuard([previous] {
        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QString());
        capturedLog = nullptr;
    });

    QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled());
    signIn(password, QStringLiteral("setup-admin"));
    QVERIFY(child<QLabel>("serverMessage")->text().contains(QLatin1String("Signed in as setup-admin")));
    QVERIFY(child<QLineEdit>("adminPassword")->text().isEmpty());
    QVERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
    next();
    QCOMPARE(m_wizard->currentId(), int(JamfSetupWizard::RolePage));
    // The preset (Patcher's) is editable: one more privilege, found with the filter.
    auto *count = child<QLabel>("selectedCount");
    QCOMPARE(count->text(), QStringLiteral("12 privileges selected"));
    QTest::keyClicks(child<QLineEdit>("filter"), QStringLiteral("read buildings"));
    auto *tree = child<QTreeView>("privileges");
    const QModelIndex buildings = tree->model()->index(0, 0, tree->model()->index(0, 0));
    QCOMPARE(buildings.data().toString(), QStringLiteral("Read Buildings"));
    tree->setFocus();
    tree->setCurrentIndex(buildings);
    QTest::keyClick(tree, Qt::Key_Space);
    QCOMPARE(count->text(), QStringLiteral("13 privileges selected"));
    next();
    auto *clientName = child<QLineEdit>("clientName");
    clientName->selectAll();
    QTest::keyClicks(clientName, QStringLiteral("Reports client"));
    QTest::keyClicks(child<QLineEdit>("tenantName"), QStringLiteral("Reports"));
    next();
    QCOMPARE(m_wizard->currentId(), int(JamfSetupWizard::RunPage));
    QTRY_VERIFY_WITH_TIMEOUT(m_wizard->button(QWizard::FinishButton)->isEnabled(), 10000);
    QVERIFY(child<QListWidget>("steps")->count() >= 5);
    const std::optional<Tenant> tenant = m_registry->tenant(m_wizard->tenantId());
    QVERIFY(tenant);
    QCOMPARE(tenant->displayName, QStringLiteral("Reports"));
    QCOMPARE(tenant->auth, AuthKind::OAuth2ClientCredentials);
    AWAIT_OK(secret, m_secrets->read(tenant->id, SecretPurpose::ClientSecret));
    // The stored secret works against the server, as the tenant will use it.
    JamfTestSession asTenant(tenant->baseUrl, JamfSettings::Mode::ApiClient, tenant->userName, secret.result.toString());
    AWAIT_OK(works, asTenant.client->listRoles());
    QCOMPARE(tenant->userName, m_sandbox->service().client(m_sandbox->service().clientCount()).value(QLatin1String("clientId")).toString());
    const QJsonObject role = m_sandbox->service().role(QString::number(m_sandbox->service().roleCount()));
    QCOMPARE(role.value(QLatin1String("displayName")).toString(), QStringLiteral("TenantDesk-Role"));
    QCOMPARE(role.value(QLatin1String("privileges")).toArray().size(), 13);
    QVERIFY(role.value(QLatin1String("privileges")).toArray().contains(QStringLiteral("Read Buildings")));
    QTest::mouseClick(m_wizard->button(QWizard::FinishButton), Qt::LeftButton);
    QVERIFY(!m_wizard->isVisible());

    // The administrator's password is in no file, no log and no secret; its token was invalidated
    // (the live tokens are the proof's and the tenant's).
    const QByteArray basic = QStringLiteral("setup-admin:%1").arg(password).toUtf8().toBase64();
    const QByteArray files = filesBelow(m_dir->path());
    QVERIFY(files.contains("setup-admin") == false); // not even the user name is kept
    QVERIFY(!files.contains(password.toUtf8()));
    QVERIFY(!files.contains(basic));
    QVERIFY(log.size() > 0); // the log was captured
    const QString logText = log.join(QLatin1Char('\n'));
    QVERIFY(!logText.contains(password));
    QVERIFY(!logText.contains(QString::fromLatin1(basic)));
    QCOMPARE(m_secrets->keys().size(), 1);
    QVERIFY(secret.result.toString() != password);
    QCOMPARE(m_sandbox->service().tokensIssued(QStringLiteral("basic")), 1);
    QTRY_COMPARE(m_sandbox->service().liveTokenCount(), 2);
    for (QLineEdit *edit : m_wizard->findChildren<QLineEdit *>())
        QVERIFY(!edit->text().contains(password));
}

void tst_JamfSetupWizard::signInRefusedSaysWhatToDo_data()
{
    QTest::addColumn<QString>("server");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("expected");
    QTest::newRow("wrong password") << QString() << "admin" << "Wr0ng-Pass" << "SSO";
    QTest::newRow("SSO account") << QString() << "sso.admin@example.com" << "Sso-Secret-77" << "SSO";
    QTest::newRow("not a web address") << "ftp://jamf.example.com" << "admin" << "admin" << "must start with http";
    QTest::newRow("no password") << QString() << "admin" << "" << "password";
}

void tst_JamfSetupWizard::signInRefusedSaysWhatToDo()
{
    QFETCH(QString, server);
    QFETCH(QString, user);
    QFETCH(QString, password);
    QFETCH(QString, expected);
    m_sandbox->service().addAccount(QStringLiteral("sso.admin@example.com"), QStringLiteral("Sso-Secret-77"), {}, true, true);
    signIn(password, user, server);
    const QString message = child<QLabel>("serverMessage")->text();
    QVERIFY2(message.contains(expected), qPrintable(message));
    if (!password.isEmpty())
        QVERIFY(!message.contains(password));
    QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled());
    QCOMPARE(m_sandbox->service().liveTokenCount(), 0);
}

void tst_JamfSetupWizard::missingPrivilegeNamed()
{
    const int roles = m_sandbox->service().roleCount();
    signIn(QStringLiteral("auditor"), QStringLiteral("auditor")); // may read roles and clients, not create them
    QVERIFY(child<QLabel>("serverMessage")->text().contains(QLatin1String("Signed in as auditor")));
    next();
    next();
    next();
    const QString outcome = runOutcome();
    QVERIFY2(outcome.contains(QLatin1String("Missing privilege \"Create API Roles\"")), qPrintable(outcome));
    QVERIFY(!m_wizard->button(QWizard::FinishButton)->isEnabled());
    QCOMPARE(m_sandbox->service().roleCount(), roles);
    const QString asked = Prompt::lastMessage();
    QTest::mouseClick(m_wizard->button(QWizard::CancelButton), Qt::LeftButton); // nothing made: nothing asked
    QVERIFY(!m_wizard->isVisible());
    QCOMPARE(Prompt::lastMessage(), asked);
    QVERIFY(m_registry->tenants().isEmpty());
    QTRY_COMPARE(m_sandbox->service().liveTokenCount(), 0); // the auditor's token ended with the wizard
}

void tst_JamfSetupWizard::roleNameTakenThenReused()
{
    const int roles = m_sandbox->service().roleCount();
    const int clients = m_sandbox->service().clientCount();
    signIn(QStringLiteral("admin"));
    next();
    QVERIFY(!child<QComboBox>("existingRoles")->isEnabled()); // "Create a role" is chosen
    typeOver("roleName", QStringLiteral("Patcher-Role")); // taken
    next();
    next();
    const QString outcome = runOutcome();
    QVERIFY2(outcome.contains(QLatin1String("name is taken")) && outcome.contains(QLatin1String("Reuse the existing role")),
        qPrintable(outcome));
    QCOMPARE(m_sandbox->service().roleCount(), roles);

    back();
    back();
    QCOMPARE(m_wizard->currentId(), int(JamfSetupWizard::RolePage));
    auto *reuse = child<QRadioButton>("reuseRole");
    QTest::mouseClick(reuse, Qt::LeftButton, {}, QPoint(8, reuse->height() / 2));
    QVERIFY(reuse->isChecked());
    auto *existing = child<QComboBox>("existingRoles");
    QVERIFY(existing->isEnabled());
    QVERIFY(!child<QLineEdit>("roleName")->isEnabled());
    QTRY_VERIFY(existing->count() == roles);
    existing->setFocus();
    QTest::keyClicks(existing, QStringLiteral("Patcher-R"));
    QCOMPARE(existing->currentText(), QStringLiteral("Patcher-Role"));
    next();
    next();
    QTRY_VERIFY_WITH_TIMEOUT(m_wizard->button(QWizard::FinishButton)->isEnabled(), 10000);
    QCOMPARE(m_sandbox->service().roleCount(), roles);
    QCOMPARE(m_sandbox->service().clientCount(), clients + 1);
    const QJsonObject made = m_sandbox->service().client(m_sandbox->service().clientCount());
    QCOMPARE(made.value(QLatin1String("displayName")).toString(), QStringLiteral("TenantDesk-Client"));
    QCOMPARE(made.value(QLatin1String("authorizationScopes")).toArray(), QJsonArray { QStringLiteral("Patcher-Role") });
    const std::optional<Tenant> tenant = m_registry->tenant(m_wizard->tenantId());
    QVERIFY(tenant);
    QCOMPARE(tenant->userName, made.value(QLatin1String("clientId")).toString());
    AWAIT_OK(secret, m_secrets->read(tenant->id, SecretPurpose::ClientSecret));
    QCOMPARE(secret.result.toString(), m_sandbox->service().clientSecret(made.value(QLatin1String("id")).toInt()));
}

void tst_JamfSetupWizard::cancelAfterFailureDeletesTheRole()
{
    const int roles = m_sandbox->service().roleCount();
    signIn(QStringLiteral("admin"));
    next();
    next();
    auto *clientName = child<QLineEdit>("clientName");
    clientName->selectAll();
    QTest::keyClicks(clientName, QStringLiteral("Patcher-Client")); // taken
    next();
    QTRY_VERIFY_WITH_TIMEOUT(!child<QLabel>("runMessage")->text().isEmpty(), 10000);
    QVERIFY(child<QLabel>("runMessage")->text().contains(QLatin1String("another client name")));
    QCOMPARE(m_sandbox->service().roleCount(), roles + 1);
    QTest::mouseClick(m_wizard->button(QWizard::CancelButton), Qt::LeftButton); // "Delete it?" answered yes
    QTRY_COMPARE(m_sandbox->service().roleCount(), roles);
    QTRY_VERIFY(!m_wizard->isVisible());
    QVERIFY(m_registry->tenants().isEmpty());
}

void tst_JamfSetupWizard::reuseWithoutRolesSaysSo()
{
    // An account that may create roles and clients but not read roles: nothing to reuse is listed.
    m_sandbox->service().addAccount(QStringLiteral("creator"), QStringLiteral("Cre8tor-Pass"),
        { QStringLiteral("Create API Roles"), QStringLiteral("Create API Integrations"), QStringLiteral("Read API Integrations") });
    const int roles = m_sandbox->service().roleCount();
    signIn(QStringLiteral("Cre8tor-Pass"), QStringLiteral("creator"));
    QVERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
    next();
    auto *reuse = child<QRadioButton>("reuseRole");
    QTest::mouseClick(reuse, Qt::LeftButton, {}, QPoint(8, reuse->height() / 2));
    QCOMPARE(child<QComboBox>("existingRoles")->count(), 0);
    next();
    next();
    QVERIFY2(runOutcome().contains(QLatin1String("No role to reuse")), qPrintable(runOutcome()));
    QCOMPARE(m_sandbox->service().roleCount(), roles); // no role made instead
}

void tst_JamfSetupWizard::cancelDeclinedKeepsTheRole()
{
    const int roles = m_sandbox->service().roleCount();
    signIn(QStringLiteral("admin"));
    next();
    next();
    typeOver("clientName", QStringLiteral("Patcher-Client")); // taken
    next();
    QVERIFY(runOutcome().contains(QLatin1String("another client name")));
    Prompt::setAnswerForTests(false);
    QTest::mouseClick(m_wizard->button(QWizard::CancelButton), Qt::LeftButton);
    Prompt::setAnswerForTests(true);
    QCOMPARE(Prompt::lastMessage(), QStringLiteral("This wizard created API role \"TenantDesk-Role\". Delete it?"));
    QTRY_VERIFY(!m_wizard->isVisible());
    QTest::qWait(100);
    QCOMPARE(m_sandbox->service().roleCount(), roles + 1);
    QVERIFY(m_registry->tenants().isEmpty());
    QVERIFY(m_secrets->keys().isEmpty());
}

void tst_JamfSetupWizard::cancelDuringTheRunStopsAndDeletes()
{
    const int roles = m_sandbox->service().roleCount();
    const int clients = m_sandbox->service().clientCount();
    signIn(QStringLiteral("admin"));
    next();
    next();
    m_sandbox->setLatency(300); // the role's creation is still in flight when Cancel is clicked
    next();
    QTest::mouseClick(m_wizard->button(QWizard::CancelButton), Qt::LeftButton);
    QVERIFY(m_wizard->isVisible());
    QCOMPARE(child<QLabel>("runMessage")->text(), QStringLiteral("Stopping after the current step…"));
    QTRY_VERIFY_WITH_TIMEOUT(!m_wizard->isVisible(), 10000);
    QCOMPARE(Prompt::lastMessage(), QStringLiteral("This wizard created API role \"TenantDesk-Role\". Delete it?"));
    QCOMPARE(m_sandbox->service().roleCount(), roles);
    QCOMPARE(m_sandbox->service().clientCount(), clients);
    QVERIFY(m_registry->tenants().isEmpty());
    QVERIFY(m_secrets->keys().isEmpty());
}

QTEST_MAIN(tst_JamfSetupWizard)
#include "tst_jamfsetupwizard.moc"
