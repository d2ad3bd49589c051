#include "kintosandbox.h"
#include "kintoservice.h"
#include "net/job.h"
#include "secrets/memorysecretstore.h"
#include "tenants/tenantregistry.h"
#include "testsupport.h"
#include "kintofamily.h"
#include "kinto/addkintotenantcontroller.h"
#include "kinto/addkintotenantwizard.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QRadioButton>
#include <QTemporaryDir>
#include <QTest>

// The Add Kinto Tenant wizard, driven page by page like a person against a Kinto sandbox.
class tst_AddKintoTenantWizard : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void normaliseUrl_data();
    void normaliseUrl();
    void malformedUrlIsRefused_data();
    void malformedUrlIsRefused();
    void goodCredentialsAddTenant();
    void wrongPasswordBlocksNext();
    void anonymousTenantStoresNoSecret();
    void bearerTokenIsStoredAsToken();
    void unavailableKeychainKeepsWizardOpen();

private:
    void next() { QTest::mouseClick(m_wizard->button(QWizard::NextButton), Qt::LeftButton); }
    template <typename T>
    T *child(const char *name) { return m_wizard->findChild<T *>(QLatin1String(name)); }
    void fillUntilCheck(const QString &url, const char *auth, const QString &user, const QString &password);

    QTemporaryDir m_dir;
    std::unique_ptr<KintoSandbox> m_sandbox;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<TenantRegistry> m_registry;
    std::unique_ptr<AddKintoTenantWizard> m_wizard;
};

void tst_AddKintoTenantWizard::init()
{
    m_sandbox = std::make_unique<KintoSandbox>();
    QVERIFY(m_sandbox->start());
    m_sandbox->addAccount(QStringLiteral("alice"), QStringLiteral("s3cret-pw"));
    KintoAcl acl;
    acl.insert(QStringLiteral("read"), { QStringLiteral("account:alice") });
    m_sandbox->service().writeObject(QStringLiteral("/buckets/inventory"), {}, acl);
    m_sandbox->service().writeObject(QStringLiteral("/buckets/hidden"), {});
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_secrets = std::make_unique<MemorySecretStore>();
    m_registry = std::make_unique<TenantRegistry>(
        m_dir.filePath(QStringLiteral("%1.ini").arg(QLatin1String(QTest::currentTestFunction()))));
    m_wizard = std::make_unique<AddKintoTenantWizard>(m_registry.get(), m_secrets.get(), m_nam.get());
    m_wizard->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_wizard.get()));
}

void tst_AddKintoTenantWizard::cleanup()
{
    m_wizard.reset();
    m_registry.reset();
    m_secrets.reset();
    m_nam.reset();
    m_sandbox.reset();
}

void tst_AddKintoTenantWizard::normaliseUrl_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("expected");
    QTest::newRow("without /v1") << QStringLiteral("https://kinto.example.com") << QStringLiteral("https://kinto.example.com/v1");
    QTest::newRow("trailing slash") << QStringLiteral("https://kinto.example.com/") << QStringLiteral("https://kinto.example.com/v1");
    QTest::newRow("with /v1/") << QStringLiteral("https://kinto.example.com/v1/") << QStringLiteral("https://kinto.example.com/v1");
    QTest::newRow("prefix path kept") << QStringLiteral(" http://host:8888/kinto ") << QStringLiteral("http://host:8888/kinto/v1");
    QTest::newRow("scheme case") << QStringLiteral("HTTPS://Host.Example/v1") << QStringLiteral("https://host.example/v1");
    QTest::newRow("no scheme: https") << QStringLiteral("kinto.example.com") << QStringLiteral("https://kinto.example.com/v1");
    QTest::newRow("no scheme, loopback: http") << QStringLiteral("127.0.0.1:8888") << QStringLiteral("http://127.0.0.1:8888/v1");
}

void tst_AddKintoTenantWizard::normaliseUrl()
{
    QFETCH(QString, typed);
    QFETCH(QString, expected);
    QString error;
    QCOMPARE(AddKintoTenantController::normaliseUrl(typed, &error).toString(), expected);
    QVERIFY(error.isEmpty());
}

void tst_AddKintoTenantWizard::malformedUrlIsRefused_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("spaces") << QStringLiteral("not a url") << QStringLiteral("contains spaces");
    QTest::newRow("ftp") << QStringLiteral("ftp://kinto.example.com/v1") << QStringLiteral("must start with http");
    QTest::newRow("no host") << QStringLiteral("http://") << QStringLiteral("no host name");
    QTest::newRow("space in host") << QStringLiteral("http://kin to.example.com") << QStringLiteral("contains spaces");
    QTest::newRow("unclosed IPv6 bracket") << QStringLiteral("http://[::1") << QStringLiteral("not a valid URL");
    QTest::newRow("scheme without colon") << QStringLiteral("http//kinto.example.com") << QStringLiteral("malformed scheme");
    QTest::newRow("credentials in URL") << QStringLiteral("https://alice:pw@kinto.example.com") << QStringLiteral("user name or password");
    QTest::newRow("query") << QStringLiteral("https://kinto.example.com/v1?x=1") << QStringLiteral("query");
}

void tst_AddKintoTenantWizard::malformedUrlIsRefused()
{
    QFETCH(QString, typed);
    QFETCH(QString, messagePart);
    QTest::keyClicks(child<QLineEdit>("urlEdit"), typed);
    next();
    QCOMPARE(m_wizard->currentId(), int(AddKintoTenantWizard::UrlPage));
    const QString shown = child<QLabel>("urlError")->text();
    QVERIFY2(shown.contains(messagePart), qPrintable(shown));
}

void tst_AddKintoTenantWizard::fillUntilCheck(const QString &url, const char *auth, const QString &user,
                                              const QString &password)
{
    QTest::keyClicks(child<QLineEdit>("urlEdit"), url);
    QTest::keyClicks(child<QLineEdit>("nameEdit"), QStringLiteral("Sandbox"));
    next();
    QCOMPARE(m_wizard->currentId(), int(AddKintoTenantWizard::AuthPage));
    auto *radio = child<QRadioButton>(auth);
    // On the indicator: a radio button reacts to clicks on its indicator and label only.
    QTest::mouseClick(radio, Qt::LeftButton, {}, QPoint(6, radio->height() / 2));
    QVERIFY(radio->isChecked());
    next();
    if (!user.isEmpty() || !password.isEmpty()) {
        QCOMPARE(m_wizard->currentId(), int(AddKintoTenantWizard::CredentialsPage));
        QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled());
        QTest::keyClicks(child<QLineEdit>("userEdit"), user);
        QTest::keyClicks(child<QLineEdit>("secretEdit"), password);
        next();
    }
    QCOMPARE(m_wizard->currentId(), int(AddKintoTenantWizard::CheckPage));
}

void tst_AddKintoTenantWizard::goodCredentialsAddTenant()
{
    // The URL as a user might paste it: no /v1, a trailing slash.
    QString url = m_sandbox->baseUrl().toString();
    url.chop(2);
    fillUntilCheck(url, "authBasicRadio", QStringLiteral("alice"), QStringLiteral("s3cret-pw"));
    QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>("checkResult")->text().contains(QStringLiteral("account:alice")), 10000);
    const QString shown = child<QLabel>("checkResult")->text();
    QVERIFY2(shown.contains(QStringLiteral("HTTP API version: 1.")), qPrintable(shown));
    QVERIFY2(shown.contains(QStringLiteral("Project version:")), qPrintable(shown));
    QVERIFY(!child<QListWidget>("capabilityList")->findItems(QStringLiteral("accounts"), Qt::MatchStartsWith).isEmpty());
    QVERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
    next();
    QCOMPARE(m_wizard->currentId(), int(AddKintoTenantWizard::BucketPage));
    auto *buckets = child<QComboBox>("bucketCombo");
    QTRY_COMPARE_WITH_TIMEOUT(buckets->count(), 1, 10000); // only the bucket alice may read
    QCOMPARE(buckets->itemText(0), QStringLiteral("inventory"));
    QVERIFY(m_registry->tenants().isEmpty()); // nothing is written before Finish

    QSignalSpy added(m_wizard.get(), &AddKintoTenantWizard::tenantAdded);
    QTest::mouseClick(m_wizard->button(QWizard::FinishButton), Qt::LeftButton);
    QCOMPARE(child<QLineEdit>("secretEdit")->text(), QString()); // cleared once handed to the store
    QVERIFY(added.wait(5000));
    QTRY_VERIFY(!m_wizard->isVisible());
    QCOMPARE(m_wizard->result(), int(QDialog::Accepted));

    const QString id = added.first().at(0).toString();
    const std::optional<Tenant> tenant = m_registry->tenant(id);
    QVERIFY(tenant);
    QCOMPARE(tenant->displayName, QStringLiteral("Sandbox"));
    QCOMPARE(tenant->family, KintoFamily::Id);
    QCOMPARE(tenant->baseUrl, m_sandbox->baseUrl());
    QCOMPARE(tenant->auth, AuthKind::Basic);
    QCOMPARE(tenant->userName, QStringLiteral("alice"));
    QCOMPARE(tenant->options.value(QStringLiteral("bucket")).toString(), QStringLiteral("inventory"));
    QCOMPARE(tenant->secretPurposes, QStringList { SecretPurpose::Password });
    QCOMPARE(m_secrets->keys(), QStringList { SecretStore::key(id, SecretPurpose::Password) });
    std::unique_ptr<Job> read(TestSupport::keep(m_secrets->read(id, SecretPurpose::Password)));
    QVERIFY(TestSupport::waitFor(read.get()));
    QCOMPARE(read->result().toString(), QStringLiteral("s3cret-pw"));
    // The settings file never holds the password.
    QFile ini(m_dir.filePath(QStringLiteral("goodCredentialsAddTenant.ini")));
    QVERIFY(ini.open(QIODevice::ReadOnly));
    QVERIFY(!ini.readAll().contains("s3cret-pw"));
}

void tst_AddKintoTenantWizard::wrongPasswordBlocksNext()
{
    fillUntilCheck(m_sandbox->baseUrl().toString(), "authBasicRadio", QStringLiteral("alice"), QStringLiteral("wrong"));
    QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>("checkResult")->text().contains(QStringLiteral("credentials not accepted")), 10000);
    QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled());
    QVERIFY(child<QLabel>("checkResult")->text().contains(QStringLiteral("User: (anonymous)")));
    QVERIFY(m_registry->tenants().isEmpty());
    QVERIFY(m_secrets->keys().isEmpty());

    // Back, fix the password, and the check passes.
    QTest::mouseClick(m_wizard->button(QWizard::BackButton), Qt::LeftButton);
    auto *secret = child<QLineEdit>("secretEdit");
    secret->clear();
    QTest::keyClicks(secret, QStringLiteral("s3cret-pw"));
    next();
    QTRY_VERIFY_WITH_TIMEOUT(m_wizard->button(QWizard::NextButton)->isEnabled(), 10000);
}

void tst_AddKintoTenantWizard::anonymousTenantStoresNoSecret()
{
    fillUntilCheck(m_sandbox->baseUrl().toString(), "authNoneRadio", {}, {});
    QTRY_VERIFY_WITH_TIMEOUT(m_wizard->button(QWizard::NextButton)->isEnabled(), 10000);
    QVERIFY(child<QLabel>("checkResult")->text().contains(QStringLiteral("anonymous")));
    next();
    QSignalSpy added(m_wizard.get(), &AddKintoTenantWizard::tenantAdded);
    QTest::mouseClick(m_wizard->button(QWizard::FinishButton), Qt::LeftButton);
    QVERIFY(added.wait(5000));
    const std::optional<Tenant> tenant = m_registry->tenant(added.first().at(0).toString());
    QVERIFY(tenant);
    QCOMPARE(tenant->auth, AuthKind::None);
    QCOMPARE(tenant->displayName, QStringLiteral("Sandbox"));
    QVERIFY(m_secrets->keys().isEmpty());
}

void tst_AddKintoTenantWizard::bearerTokenIsStoredAsToken()
{
    AddKintoTenantController controller(m_registry.get(), m_secrets.get(), m_nam.get());
    AddKintoTenantController::Draft draft;
    draft.serverUrl = m_sandbox->baseUrl();
    draft.auth = AuthKind::Bearer;
    draft.bearerType = QStringLiteral("Bearer+OIDC");
    std::unique_ptr<Job> commit(TestSupport::keep(controller.commit(draft, QStringLiteral("tok-123"))));
    QVERIFY(TestSupport::waitFor(commit.get()));
    QVERIFY2(!commit->hasError(), qPrintable(commit->error().toString()));
    const std::optional<Tenant> tenant = m_registry->tenant(commit->result().toString());
    QVERIFY(tenant);
    QCOMPARE(tenant->displayName, QStringLiteral("127.0.0.1")); // the host when no name was given
    QCOMPARE(tenant->auth, AuthKind::Bearer);
    QCOMPARE(tenant->options.value(QStringLiteral("bearerType")).toString(), QStringLiteral("Bearer+OIDC"));
    QCOMPARE(m_secrets->keys(), QStringList { SecretStore::key(tenant->id, SecretPurpose::Token) });
}

void tst_AddKintoTenantWizard::unavailableKeychainKeepsWizardOpen()
{
    fillUntilCheck(m_sandbox->baseUrl().toString(), "authBasicRadio", QStringLiteral("alice"), QStringLiteral("s3cret-pw"));
    QTRY_VERIFY_WITH_TIMEOUT(m_wizard->button(QWizard::NextButton)->isEnabled(), 10000);
    next();
    m_secrets->setUnavailable(QStringLiteral("no keyring daemon"));
    QTest::mouseClick(m_wizard->button(QWizard::FinishButton), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>("finishError")->text().contains(QStringLiteral("no keyring daemon")), 5000);
    QVERIFY(m_wizard->isVisible());
    QCOMPARE(child<QLineEdit>("secretEdit")->text(), QString());
    QVERIFY(m_secrets->keys().isEmpty());
}

QTEST_MAIN(tst_AddKintoTenantWizard)
#include "tst_addkintotenantwizard.moc"
