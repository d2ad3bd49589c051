#include "families.h"
#include "kintofamily.h"
#include "kintosandbox.h"
#include "mainwindow.h"
#include "net/httpclient.h"
#include "net/requestlog.h"
#include "preferences/preferencesdialog.h"
#include "tenants/preferences.h"
#include "tenants/sessionmanager.h"
#include "tenants/tenantregistry.h"
#include "tenanttreemodel.h"
#include "testsupport.h"
#include "windowfixture.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStyle>
#include <QTemporaryDir>
#include <QTest>

// Preferences as a user sets them in the dialog: stored in QSettings, applied at once to the open
// sessions, the request log and the theme, and read again by the next window.
class tst_Preferences : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void concurrencyCapAppliesToOpenSessions();
    void timeoutsApplyToOpenSessions();
    void retryPolicyApplies();
    void requestLogSizeTrimsTheLog();
    void pageSizeIsStoredAndReadAgain();
    void themeChangesThePalette();
    void tenantOptionsWin();
    void sessionsOpenedLaterGetThem();
    void restoreDefaultsAndCancel();
    void handEditedValuesAreClamped();
    void tabOrderFollowsTheForm();

private:
    QString addTenant(const QVariantHash &options = {});
    HttpClient *connectTenant(const QString &id);
    PreferencesDialog *open();
    void setSpin(const char *name, int value);
    void ok(PreferencesDialog *dialog);

    QTemporaryDir m_dir;
    std::unique_ptr<KintoSandbox> m_sandbox;
    WindowFixture m_fx;
    PreferencesDialog *m_dialog = nullptr;
};

void tst_Preferences::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("settings")));
    registerFamilies();
}

void tst_Preferences::init()
{
    QSettings().clear();
    m_sandbox = std::make_unique<KintoSandbox>();
    QVERIFY(m_sandbox->start());
    m_sandbox->addAccount(QStringLiteral("alice"), QStringLiteral("pw"));
    QVERIFY(m_fx.open(m_dir));
    m_fx.window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_fx.window.get()));
}

void tst_Preferences::cleanup()
{
    m_fx.close();
    m_sandbox.reset();
    QApplication::setPalette(QApplication::style()->standardPalette());
}

QString tst_Preferences::addTenant(const QVariantHash &options)
{
    Tenant tenant;
    tenant.displayName = QStringLiteral("Sandbox");
    tenant.family = KintoFamily::Id;
    tenant.baseUrl = m_sandbox->baseUrl();
    tenant.auth = AuthKind::Basic;
    tenant.userName = QStringLiteral("alice");
    for (auto it = options.cbegin(); it != options.cend(); ++it)
        tenant.options.insert(it.key(), it.value());
    return m_fx.addTenant(tenant, SecretPurpose::Password, QStringLiteral("pw"));
}

HttpClient *tst_Preferences::connectTenant(const QString &id)
{
    m_fx.click(m_fx.model->indexForTenant(id));
    if (!QTest::qWaitFor([&] { return m_fx.model->tenantState(id) == TenantTreeModel::State::Ok; }, 10000))
        return nullptr;
    return m_fx.sessions->client(id);
}

PreferencesDialog *tst_Preferences::open()
{
    m_dialog = qobject_cast<PreferencesDialog *>(m_fx.window->openPreferences());
    if (m_dialog)
        (void)QTest::qWaitForWindowExposed(m_dialog); // offscreen platforms may not expose; the test checks what it needs
    return m_dialog;
}

void tst_Preferences::setSpin(const char *name, int value)
{
    auto *box = m_dialog->findChild<QSpinBox *>(QLatin1String(name));
    QVERIFY(box);
    box->setFocus();
    box->selectAll();
    QTest::keyClicks(box, QString::number(value));
    QCOMPARE(box->value(), value);
}

void tst_Preferences::ok(PreferencesDialog *dialog)
{
    auto *buttons = dialog->findChild<QDialogButtonBox *>(QStringLiteral("preferencesButtons"));
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
}

void tst_Preferences::concurrencyCapAppliesToOpenSessions()
{
    HttpClient *client = connectTenant(addTenant());
    QVERIFY(client);
    QCOMPARE(client->maxConcurrent(), 5);
    QVERIFY(open());
    setSpin("prefMaxConcurrent", 2);
    ok(m_dialog);
    QCOMPARE(client->maxConcurrent(), 2);
    QCOMPARE(QSettings().value(QStringLiteral("preferences/maxConcurrent")).toInt(), 2);
}

void tst_Preferences::timeoutsApplyToOpenSessions()
{
    HttpClient *client = connectTenant(addTenant());
    QVERIFY(client);
    QVERIFY(open());
    setSpin("prefTimeout", 15);
    setSpin("prefDeadline", 120);
    // Apply keeps the dialog open.
    auto *buttons = m_dialog->findChild<QDialogButtonBox *>(QStringLiteral("preferencesButtons"));
    QTest::mouseClick(buttons->button(QDialogButtonBox::Apply), Qt::LeftButton);
    QVERIFY(m_dialog->isVisible());
    QCOMPARE(client->transferTimeout(), 15000);
    QCOMPARE(client->deadline(), 120000);
    QCOMPARE(QSettings().value(QStringLiteral("preferences/timeoutSeconds")).toInt(), 15);
}

void tst_Preferences::retryPolicyApplies()
{
    HttpClient *client = connectTenant(addTenant());
    QVERIFY(client);
    const QSet<int> statuses = client->retryPolicy().statuses;
    QVERIFY(open());
    setSpin("prefMaxRetries", 1);
    auto *backoff = m_dialog->findChild<QDoubleSpinBox *>(QStringLiteral("prefBackoff"));
    backoff->setValue(2.5);
    QTest::mouseClick(m_dialog->findChild<QCheckBox *>(QStringLiteral("prefRetryNetwork")), Qt::LeftButton);
    ok(m_dialog);
    QCOMPARE(client->retryPolicy().maxRetries, 1);
    QCOMPARE(client->retryPolicy().backoffFactor, 2.5);
    QVERIFY(!client->retryPolicy().retryNetworkErrors);
    QCOMPARE(client->retryPolicy().statuses, statuses); // the family's part is kept

    // One retry means two attempts against a failing server.
    int served = 0;
    connect(m_sandbox.get(), &KintoSandbox::requestServed, this, [&served](const QByteArray &, const QString &, int) { ++served; });
    m_sandbox->failNext(5, 503, 0);
    const TestSupport::Outcome outcome = TestSupport::await(client->send(HttpRequest("GET", QStringLiteral("/buckets"))));
    QVERIFY(outcome.finished);
    QVERIFY(outcome.error);
    QCOMPARE(served, 2);
}

void tst_Preferences::requestLogSizeTrimsTheLog()
{
    for (int i = 0; i < 150; ++i) {
        RequestLogEntry e;
        e.method = "GET";
        e.url = QStringLiteral("https://example.com/%1").arg(i);
        m_fx.log->append(e);
    }
    QVERIFY(open());
    setSpin("prefLogSize", 100);
    ok(m_dialog);
    QCOMPARE(m_fx.log->capacity(), 100);
    QCOMPARE(m_fx.log->count(), 100);
    QCOMPARE(m_fx.log->entries().constFirst().url, QStringLiteral("https://example.com/50"));
}

void tst_Preferences::pageSizeIsStoredAndReadAgain()
{
    QVERIFY(open());
    setSpin("prefPageSize", 250);
    ok(m_dialog);
    QCOMPARE(m_fx.window->preferences().pageSize, 250);
    QCOMPARE(QSettings().value(QStringLiteral("preferences/pageSize")).toInt(), 250);

    // The next window starts with it, and its dialog shows it.
    m_fx.close();
    QVERIFY(m_fx.open(m_dir));
    QCOMPARE(m_fx.window->preferences().pageSize, 250);
    QVERIFY(open());
    QCOMPARE(m_dialog->findChild<QSpinBox *>(QStringLiteral("prefPageSize"))->value(), 250);
}

void tst_Preferences::themeChangesThePalette()
{
    QVERIFY(open());
    auto *theme = m_dialog->findChild<QComboBox *>(QStringLiteral("prefTheme"));
    theme->setCurrentIndex(theme->findText(QStringLiteral("Dark")));
    ok(m_dialog);
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 128);
    QVERIFY(QApplication::palette().color(QPalette::WindowText).lightness() > 128);
    QCOMPARE(QSettings().value(QStringLiteral("preferences/theme")).toString(), QStringLiteral("dark"));

    QVERIFY(open());
    theme = m_dialog->findChild<QComboBox *>(QStringLiteral("prefTheme"));
    theme->setCurrentIndex(theme->findText(QStringLiteral("Light")));
    ok(m_dialog);
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 128);

    QVERIFY(open());
    theme = m_dialog->findChild<QComboBox *>(QStringLiteral("prefTheme"));
    theme->setCurrentIndex(theme->findText(QStringLiteral("System")));
    ok(m_dialog);
    QCOMPARE(QApplication::palette().color(QPalette::Window), QApplication::style()->standardPalette().color(QPalette::Window));
}

void tst_Preferences::tenantOptionsWin()
{
    HttpClient *client = connectTenant(addTenant({{QStringLiteral("maxConcurrent"), 3}, {QStringLiteral("timeoutSeconds"), 20}}));
    QVERIFY(client);
    QVERIFY(open());
    setSpin("prefMaxConcurrent", 8);
    setSpin("prefTimeout", 90);
    ok(m_dialog);
    QCOMPARE(client->maxConcurrent(), 3);
    QCOMPARE(client->transferTimeout(), 20000);
}

void tst_Preferences::sessionsOpenedLaterGetThem()
{
    QVERIFY(open());
    setSpin("prefMaxConcurrent", 7);
    ok(m_dialog);
    HttpClient *client = connectTenant(addTenant());
    QVERIFY(client);
    QCOMPARE(client->maxConcurrent(), 7);
}

void tst_Preferences::restoreDefaultsAndCancel()
{
    QVERIFY(open());
    setSpin("prefMaxRetries", 9);
    ok(m_dialog);
    QCOMPARE(m_fx.window->preferences().maxRetries, 9);

    QVERIFY(open());
    auto *buttons = m_dialog->findChild<QDialogButtonBox *>(QStringLiteral("preferencesButtons"));
    QTest::mouseClick(buttons->button(QDialogButtonBox::RestoreDefaults), Qt::LeftButton);
    QCOMPARE(m_dialog->preferences(), Preferences());
    QTest::mouseClick(buttons->button(QDialogButtonBox::Cancel), Qt::LeftButton);
    QCOMPARE(m_fx.window->preferences().maxRetries, 9); // cancelled: nothing applied
}

void tst_Preferences::handEditedValuesAreClamped()
{
    QSettings settings;
    settings.setValue(QStringLiteral("preferences/maxConcurrent"), 0);
    settings.setValue(QStringLiteral("preferences/timeoutSeconds"), QStringLiteral("soon"));
    settings.setValue(QStringLiteral("preferences/requestLogSize"), 10'000'000);
    settings.setValue(QStringLiteral("preferences/theme"), QStringLiteral("purple"));
    const Preferences p = Preferences::load(settings);
    QCOMPARE(p.maxConcurrent, 1);
    QCOMPARE(p.timeoutSeconds, 60);
    QCOMPARE(p.requestLogSize, 100000);
    QCOMPARE(p.theme, Preferences::Theme::System);
}

void tst_Preferences::tabOrderFollowsTheForm()
{
    QVERIFY(open());
    QStringList expected;
    for (const char *name : {"prefMaxConcurrent", "prefTimeout", "prefDeadline", "prefMaxRetries", "prefBackoff",
                             "prefRetryNetwork", "prefLogSize", "prefPageSize", "prefTheme"})
        expected << QLatin1String(name);
    QWidget *first = m_dialog->findChild<QWidget *>(expected.first());
    first->setFocus();
    QTRY_VERIFY(first->hasFocus());
    for (qsizetype i = 1; i < expected.size(); ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QTRY_COMPARE(QApplication::focusWidget()->objectName(), expected.at(i));
    }
}

QTEST_MAIN(tst_Preferences)
#include "tst_preferences.moc"
