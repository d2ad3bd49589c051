#include "families.h"
#include "family/familyui.h"
#include "jamf/jamfsetupwizard.h"
#include "jamffamily.h"
#include "jamfsandbox.h"
#include "jamfservice.h"
#include "kandjifamily.h"
#include "kandjisandbox.h"
#include "kintofamily.h"
#include "kintosandbox.h"
#include "mainwindow.h"
#include "net/requestlog.h"
#include "rest/restconnectionwizard.h"
#include "restdemodata.h"
#include "restfamily.h"
#include "restsandbox.h"
#include "windowfixture.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWizard>

// The add-tenant wizards' own requests (connection checks, sign-ins) reach the window's request
// log, as the window hands them its context: named after the new tenant, with no secret in them.
class tst_WizardRequests : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void kintoCheckIsLogged();
    void kandjiTestIsLogged();
    void jamfSetupSignInIsLogged();
    void restCheckIsLogged();

private:
    QWidget *openWizard(const QString &family);
    // The log's entries for `host`, each checked for every secret; fails the test on a leak.
    QList<RequestLogEntry> entriesFor(const QUrl &url, const QStringList &secrets);

    QTemporaryDir m_dir;
    WindowFixture m_fx;
    QPointer<QWidget> m_wizard;
};

namespace {

template <typename W>
W *child(QWidget *root, const char *name)
{
    return root->findChild<W *>(QLatin1String(name));
}

// Everything an entry shows: URL, headers, bodies.
QByteArray shown(const RequestLogEntry &entry)
{
    QByteArray all = entry.url.toUtf8() + '\n' + entry.requestBody + '\n' + entry.responseBody + '\n';
    for (const auto &[name, value] : entry.requestHeaders + entry.responseHeaders)
        all += name + ": " + value + '\n';
    return all;
}

} // namespace

void tst_WizardRequests::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("settings")));
    registerFamilies();
}

void tst_WizardRequests::init()
{
    QSettings().clear();
    QVERIFY(m_fx.open(m_dir));
}

void tst_WizardRequests::cleanup()
{
    if (m_wizard)
        delete m_wizard;
    m_fx.close();
}

QWidget *tst_WizardRequests::openWizard(const QString &family)
{
    const FamilyUi *ui = FamilyUis::find(family);
    m_wizard = ui ? ui->openTenantWizard(m_fx.window.get(), m_fx.context(), std::nullopt) : nullptr;
    if (m_wizard && !QTest::qWaitForWindowExposed(m_wizard))
        return nullptr;
    return m_wizard;
}

QList<RequestLogEntry> tst_WizardRequests::entriesFor(const QUrl &url, const QStringList &secrets)
{
    QList<RequestLogEntry> found;
    for (const RequestLogEntry &entry : m_fx.log->entries()) {
        if (QUrl(entry.url).port() != url.port())
            continue;
        const QByteArray text = shown(entry);
        for (const QString &secret : secrets) {
            if (text.contains(secret.toUtf8()))
                qWarning("secret in the log: %s", text.constData());
            if (text.contains(secret.toUtf8()))
                return {};
        }
        found << entry;
    }
    return found;
}

void tst_WizardRequests::kintoCheckIsLogged()
{
    KintoSandbox sandbox;
    QVERIFY(sandbox.start());
    sandbox.addAccount(QStringLiteral("alice"), QStringLiteral("s3cret-pw"));
    QWidget *wizard = openWizard(KintoFamily::Id);
    QVERIFY(wizard);
    auto *qwizard = qobject_cast<QWizard *>(wizard);
    QVERIFY(qwizard);
    const auto next = [qwizard] { QTest::mouseClick(qwizard->button(QWizard::NextButton), Qt::LeftButton); };
    QTest::keyClicks(child<QLineEdit>(wizard, "urlEdit"), sandbox.baseUrl().toString());
    next();
    auto *basic = child<QRadioButton>(wizard, "authBasicRadio");
    QTest::mouseClick(basic, Qt::LeftButton, {}, QPoint(6, basic->height() / 2));
    next();
    QTest::keyClicks(child<QLineEdit>(wizard, "userEdit"), QStringLiteral("alice"));
    QTest::keyClicks(child<QLineEdit>(wizard, "secretEdit"), QStringLiteral("s3cret-pw"));
    next();
    QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(wizard, "checkResult")->text().contains(QStringLiteral("account:alice")), 10000);

    const QList<RequestLogEntry> entries =
        entriesFor(sandbox.baseUrl(), {QStringLiteral("s3cret-pw"), QString::fromLatin1(QByteArray("alice:s3cret-pw").toBase64())});
    QVERIFY2(!entries.isEmpty(), "the wizard's check is not in the window's request log, or a secret is");
    QCOMPARE(entries.first().tenant, QStringLiteral("New tenant (127.0.0.1)"));
    QCOMPARE(entries.first().status, 200);
}

void tst_WizardRequests::kandjiTestIsLogged()
{
    KandjiSandbox sandbox;
    QVERIFY(sandbox.start());
    QWidget *wizard = openWizard(KandjiFamily::Id);
    QVERIFY(wizard);
    QTest::keyClicks(child<QLineEdit>(wizard, "displayName"), QStringLiteral("Kandji lab"));
    QTest::keyClicks(child<QLineEdit>(wizard, "url"), sandbox.baseUrl().toString());
    QTest::mouseClick(child<QCheckBox>(wizard, "localTestServer"), Qt::LeftButton, {}, QPoint(5, 5));
    QTest::keyClicks(child<QLineEdit>(wizard, "token"), sandbox.token());
    auto *test = child<QPushButton>(wizard, "testButton");
    QVERIFY(test->isEnabled());
    QTest::mouseClick(test, Qt::LeftButton);

    QTRY_VERIFY_WITH_TIMEOUT(!entriesFor(sandbox.baseUrl(), {sandbox.token()}).isEmpty(), 10000);
    const QList<RequestLogEntry> entries = entriesFor(sandbox.baseUrl(), {sandbox.token()});
    QCOMPARE(entries.first().tenant, QStringLiteral("Kandji lab"));
}

void tst_WizardRequests::jamfSetupSignInIsLogged()
{
    JamfSandbox sandbox;
    QVERIFY(sandbox.start());
    sandbox.seedDemoData();
    const QString password = QStringLiteral("Unique-Pa55word-93");
    sandbox.service().addAccount(QStringLiteral("setup-admin"), password, {}, true);
    // The Jamf dialog's other way in: its setup wizard, given the window's context.
    m_wizard = new JamfSetupWizard(m_fx.context(), std::nullopt, m_fx.window.get());
    m_wizard->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_wizard));
    QTest::keyClicks(child<QLineEdit>(m_wizard, "server"), sandbox.baseUrl().toString());
    QTest::keyClicks(child<QLineEdit>(m_wizard, "adminUser"), QStringLiteral("setup-admin"));
    QTest::keyClicks(child<QLineEdit>(m_wizard, "adminPassword"), password);
    QTest::mouseClick(child<QPushButton>(m_wizard, "signInButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(m_wizard, "serverMessage")->text().contains(QLatin1String("Signed in")), 10000);

    const QString basic = QString::fromLatin1(QByteArray(QByteArray("setup-admin:") + password.toUtf8()).toBase64());
    const QList<RequestLogEntry> entries = entriesFor(sandbox.baseUrl(), {password, basic});
    QVERIFY2(entries.size() >= 2, "the token request and the probe are not both in the window's request log");
    QVERIFY(std::any_of(entries.begin(), entries.end(), [](const RequestLogEntry &e) {
        return e.method == "POST" && e.url.contains(QLatin1String("/api/v1/auth/token"));
    }));
    for (const RequestLogEntry &entry : entries)
        QCOMPARE(entry.tenant, QStringLiteral("New tenant (127.0.0.1)"));
}

void tst_WizardRequests::restCheckIsLogged()
{
    RestSandbox sandbox;
    QVERIFY(sandbox.start());
    sandbox.seedDemoData();
    auto *wizard = qobject_cast<RestConnectionWizard *>(openWizard(RestFamily::Id));
    QVERIFY(wizard);
    const auto type = [wizard](const char *name, const QString &text) {
        auto *edit = child<QLineEdit>(wizard, name);
        edit->clear();
        QTest::keyClicks(edit, text);
    };
    type("name", QStringLiteral("Help desk"));
    type("url", sandbox.baseUrl().toString());
    QTest::mouseClick(wizard->button(QWizard::NextButton), Qt::LeftButton);
    auto *auth = child<QComboBox>(wizard, "auth");
    auth->setCurrentIndex(auth->findData(QStringLiteral("api-key-header")));
    type("apiKeyName", QStringLiteral("X-API-Key"));
    type("secret", RestDemoData::ApiKey);
    type("probePath", QStringLiteral("/agents"));
    QSignalSpy checked(wizard, &RestConnectionWizard::checkFinished);
    QTest::mouseClick(wizard->button(QWizard::NextButton), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!checked.isEmpty(), 10000);
    QVERIFY2(checked.last().first().toBool(), qPrintable(child<QLabel>(wizard, "checkResult")->text()));

    const QList<RequestLogEntry> entries = entriesFor(sandbox.baseUrl(), {RestDemoData::ApiKey});
    QVERIFY2(!entries.isEmpty(), "the wizard's check is not in the window's request log, or the API key is");
    QCOMPARE(entries.last().tenant, QStringLiteral("Help desk"));
    QVERIFY(entries.last().url.endsWith(QLatin1String("/agents")));
}

QTEST_MAIN(tst_WizardRequests)
#include "tst_wizardrequests.moc"
