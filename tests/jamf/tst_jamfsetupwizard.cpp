// The API client setup wizard driven like a person against the sandbox: success (the tenant added,
// its secret in the store, the admin password nowhere), a wrong password / SSO account, and a
// failure after the role was made, cancelled with the offer to delete it accepted.

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
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

class tst_JamfSetupWizard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void createsClientAndTenant();
    void wrongPasswordSaysWhatToDo();
    void cancelAfterFailureDeletesTheRole();

private:
    template <typename W>
    W *child(const char *name) { return m_wizard->findChild<W *>(QLatin1String(name)); }
    void signIn(const QString &password)
    {
        QTest::keyClicks(child<QLineEdit>("server"), m_sandbox->baseUrl().toString());
        QTest::keyClicks(child<QLineEdit>("adminUser"), QStringLiteral("admin"));
        QTest::keyClicks(child<QLineEdit>("adminPassword"), password);
        QTest::mouseClick(child<QPushButton>("signInButton"), Qt::LeftButton);
        QTRY_VERIFY(!child<QLabel>("serverMessage")->text().startsWith(QLatin1String("Signing")));
    }
    void next() { QTest::mouseClick(m_wizard->button(QWizard::NextButton), Qt::LeftButton); }

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

void tst_JamfSetupWizard::createsClientAndTenant()
{
    QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled());
    signIn(QStringLiteral("admin"));
    QVERIFY(child<QLabel>("serverMessage")->text().contains(QLatin1String("Signed in as admin")));
    QVERIFY(child<QLineEdit>("adminPassword")->text().isEmpty());
    QVERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
    next();
    QCOMPARE(m_wizard->currentId(), int(JamfSetupWizard::RolePage));
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
    // The admin's password is in no file: not in the settings, and the store holds only the client's secret.
    QFile ini(m_dir->filePath(QStringLiteral("tenants.ini")));
    QVERIFY(ini.open(QIODevice::ReadOnly));
    const QByteArray settings = ini.readAll();
    QVERIFY(!settings.contains("admin"));
    QCOMPARE(m_secrets->keys().size(), 1);
    QTest::mouseClick(m_wizard->button(QWizard::FinishButton), Qt::LeftButton);
    QVERIFY(!m_wizard->isVisible());
}

void tst_JamfSetupWizard::wrongPasswordSaysWhatToDo()
{
    signIn(QStringLiteral("wrong"));
    QVERIFY(child<QLabel>("serverMessage")->text().contains(QLatin1String("SSO")));
    QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled());
    QVERIFY(!child<QLabel>("serverMessage")->text().contains(QLatin1String("wrong")));
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

QTEST_MAIN(tst_JamfSetupWizard)
#include "tst_jamfsetupwizard.moc"
