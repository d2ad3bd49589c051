#include "families.h"
#include "inspector/requestcomposer.h"
#include "inspector/requestinspector.h"
#include "kintofamily.h"
#include "kintosandbox.h"
#include "mainwindow.h"
#include "net/redaction.h"
#include "net/requestlog.h"
#include "requestdetails.h"
#include "requestlogfilter.h"
#include "requestlogmodel.h"
#include "shell/statusreporter.h"
#include "tenants/tenantregistry.h"
#include "tenanttreemodel.h"
#include "testsupport.h"
#include "windowfixture.h"

#include <QAbstractItemModelTester>
#include <algorithm>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

// The request log as a tool: details, Copy as curl, filters and the composer, checked for what a
// user sees and what the server received; no secret may ever show.
class tst_RequestInspector : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void detailsShowHeadersBodiesAndTiming();
    void secretsNeverShow_data();
    void secretsNeverShow();
    void bodiesAreRedacted_data();
    void bodiesAreRedacted();
    void curlRepeatsTheRequest();
    void filterByTenantAndOutcome();
    void composerSendsThroughTheSession();
    void composerRefusesBadInput();
    void composerTabOrder();

private:
    QString addTenant(const QString &name, const QString &user, const QString &password);
    void connectTenant(const QString &id);
    RequestComposer *openComposer();
    const RequestLogEntry *selectLast();

    QTemporaryDir m_dir;
    std::unique_ptr<KintoSandbox> m_sandbox;
    WindowFixture m_fx;
    RequestInspector *m_inspector = nullptr;
};

namespace {
const QString Password = QStringLiteral("Tr0ub4dor-and-3-pw");
const QString BodySecret = QStringLiteral("bob-Secret-789");
const QString QuerySecret = QStringLiteral("q-Secret-456");

RequestLogEntry logged(const QString &tenant, int status, const QString &error = {})
{
    RequestLogEntry e;
    e.started = QDateTime::currentDateTime();
    e.tenant = tenant;
    e.method = "GET";
    e.url = QStringLiteral("https://%1.example.com/v1/").arg(tenant);
    e.status = status;
    e.error = error;
    return e;
}
} // namespace

void tst_RequestInspector::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("settings")));
    registerFamilies();
}

void tst_RequestInspector::init()
{
    QSettings().clear();
    m_sandbox = std::make_unique<KintoSandbox>();
    QVERIFY(m_sandbox->start());
    m_sandbox->addAccount(QStringLiteral("alice"), Password);
    m_sandbox->setAdminPrincipals({QStringLiteral("account:alice")});
    QVERIFY(m_fx.open(m_dir));
    m_fx.window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_fx.window.get()));
    m_inspector = m_fx.window->requestInspector();
    QVERIFY(m_inspector);
    new QAbstractItemModelTester(m_inspector->logModel(), QAbstractItemModelTester::FailureReportingMode::QtTest,
                                 m_inspector);
}

void tst_RequestInspector::cleanup()
{
    m_fx.close();
    m_sandbox.reset();
}

QString tst_RequestInspector::addTenant(const QString &name, const QString &user, const QString &password)
{
    Tenant tenant;
    tenant.displayName = name;
    tenant.family = KintoFamily::Id;
    tenant.baseUrl = m_sandbox->baseUrl();
    tenant.auth = AuthKind::Basic;
    tenant.userName = user;
    return m_fx.addTenant(tenant, SecretPurpose::Password, password);
}

void tst_RequestInspector::connectTenant(const QString &id)
{
    m_fx.click(m_fx.model->indexForTenant(id));
    QTRY_COMPARE_WITH_TIMEOUT(m_fx.model->tenantState(id), TenantTreeModel::State::Ok, 10000);
}

RequestComposer *tst_RequestInspector::openComposer()
{
    m_inspector->composeAction()->trigger();
    auto *composer = m_fx.window->findChild<RequestComposer *>(QStringLiteral("requestComposer"));
    if (composer)
        (void)QTest::qWaitForWindowExposed(composer); // offscreen platforms may not expose; the test checks what it needs
    return composer;
}

const RequestLogEntry *tst_RequestInspector::selectLast()
{
    QTableView *view = m_inspector->view();
    view->setCurrentIndex(view->model()->index(view->model()->rowCount() - 1, 0));
    return m_inspector->currentEntry();
}

void tst_RequestInspector::detailsShowHeadersBodiesAndTiming()
{
    const QString id = addTenant(QStringLiteral("Sandbox"), QStringLiteral("alice"), Password);
    connectTenant(id);
    // The connection check read Kinto's hello ("/v1/").
    QAbstractItemModel *rows = m_inspector->view()->model();
    int hello = -1;
    for (int row = 0; row < rows->rowCount(); ++row) {
        if (rows->index(row, 0).data(RequestLogModel::UrlRole).toString().endsWith(QStringLiteral("/v1/")))
            hello = row;
    }
    QVERIFY(hello >= 0);
    m_inspector->view()->setCurrentIndex(rows->index(hello, 0));

    const QString details = m_inspector->detailsText();
    QVERIFY(details.startsWith(QStringLiteral("GET ") + m_sandbox->baseUrl().toString()));
    QVERIFY(details.contains(QStringLiteral("Tenant: Sandbox")));
    QVERIFY(details.contains(QStringLiteral("Status: 200")));
    QVERIFY(details.contains(QStringLiteral("Duration: ")));
    QVERIFY(details.contains(QStringLiteral("Retries: 0")));
    QVERIFY(details.contains(QStringLiteral("Request headers\n")));
    QVERIFY(details.contains(QStringLiteral("User-Agent: TenantDesk/")));
    QVERIFY(details.contains(QStringLiteral("Accept: application/json")));
    QVERIFY(details.contains(QStringLiteral("Authorization: Basic (redacted)")));
    QVERIFY(details.contains(QStringLiteral("Response headers\n")));
    // Kinto's hello, pretty-printed.
    QVERIFY(details.contains(QStringLiteral("\"project_name\": ")));
    // The tenant column.
    const QModelIndex last = m_inspector->view()->currentIndex();
    QCOMPARE(last.siblingAtColumn(RequestLogModel::TenantColumn).data().toString(), QStringLiteral("Sandbox"));
}

void tst_RequestInspector::secretsNeverShow_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("body");
    QTest::newRow("password in a JSON body") << "PUT" << "/accounts/bob"
                                             << QStringLiteral("{\"data\": {\"password\": \"%1\"}}").arg(BodySecret);
    QTest::newRow("token in the query") << "GET" << QStringLiteral("/buckets?token=%1").arg(QuerySecret) << QString();
    QTest::newRow("credentials of the session only") << "GET" << "/buckets" << QString();
}

void tst_RequestInspector::secretsNeverShow()
{
    QFETCH(QString, method);
    QFETCH(QString, path);
    QFETCH(QString, body);
    const QString id = addTenant(QStringLiteral("Sandbox"), QStringLiteral("alice"), Password);
    connectTenant(id);
    RequestComposer *composer = openComposer();
    QVERIFY(composer);
    composer->methodField()->setCurrentText(method);
    QTest::keyClicks(composer->pathField(), path);
    if (!body.isEmpty())
        QTest::keyClicks(composer->bodyField(), body);
    const int before = m_fx.log->count();
    QTest::mouseClick(composer->sendButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_fx.log->count() > before, 10000);
    QTRY_VERIFY(!composer->statusText().startsWith(QStringLiteral("Sending")));

    const RequestLogEntry *entry = selectLast();
    QVERIFY(entry);
    const QByteArray basic = QByteArray("alice:" + Password.toUtf8()).toBase64();
    const QString curl = RequestDetails::curl(*entry);
    QTest::mouseClick(m_inspector->findChild<QWidget *>(QStringLiteral("copyAsCurlButton")), Qt::LeftButton);
    const QStringList shown {m_inspector->detailsText(), curl, QApplication::clipboard()->text(),
                             composer->responseText(), composer->statusText()};
    for (const QString &text : shown) {
        for (const QString &secret : {Password, BodySecret, QuerySecret, QString::fromLatin1(basic)})
            QVERIFY2(!text.contains(secret), qPrintable(text));
    }
    QVERIFY(curl.contains(QStringLiteral("Authorization: Basic <secret>")));
    if (!body.isEmpty())
        QVERIFY(curl.contains(QStringLiteral("\"password\":\"<secret>\"")));
    if (path.contains(QStringLiteral("token=")))
        QVERIFY(curl.contains(QStringLiteral("token=<secret>")));
}

void tst_RequestInspector::bodiesAreRedacted_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("shown");
    QTest::newRow("nested JSON") << QByteArray("application/json")
        << QByteArray(R"x({"data":[{"id":"a","client_secret":"s1","auth":{"refresh_token":"s2"}}]})x")
        << QByteArray(R"x({"data":[{"auth":{"refresh_token":"(redacted)"},"client_secret":"(redacted)","id":"a"}]})x");
    QTest::newRow("error codes stay") << QByteArray("application/json") << QByteArray(R"x({"code":404,"errno":110})x")
        << QByteArray(R"x({"code":404,"errno":110})x");
    QTest::newRow("form") << QByteArray("application/x-www-form-urlencoded")
        << QByteArray("grant_type=password&username=al&password=s3") << QByteArray("grant_type=password&username=al&password=(redacted)");
    QTest::newRow("plain text") << QByteArray("text/plain") << QByteArray("all good") << QByteArray("all good");
    QTest::newRow("text naming a secret") << QByteArray("text/xml") << QByteArray("<password>s4</password>")
        << QByteArray("(23 bytes not shown: they may hold a secret)");
}

void tst_RequestInspector::bodiesAreRedacted()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, shown);
    QCOMPARE(Redaction::body(contentType, body), shown);
}

void tst_RequestInspector::curlRepeatsTheRequest()
{
    RequestLogEntry e;
    e.method = "POST";
    e.url = QStringLiteral("https://api.example.com/v1/items?q=it's");
    e.requestHeaders = {{"Accept", "application/json"}, {"X-Api-Key", "(redacted)"}, {"Content-Length", "12"}};
    e.requestBody = R"x({"name":"O'Brien"})x";
    const QString curl = RequestDetails::curl(e);
    QCOMPARE(curl, QStringLiteral("curl -X POST 'https://api.example.com/v1/items?q=it'\\''s' \\\n"
                                  "  -H 'Accept: application/json' \\\n"
                                  "  -H 'X-Api-Key: <secret>' \\\n"
                                  "  --data-binary '{\"name\":\"O'\\''Brien\"}'"));
    e.method = "GET";
    e.requestBody.clear();
    e.requestHeaders.clear();
    e.url = QStringLiteral("https://api.example.com/?token=%28redacted%29");
    QCOMPARE(RequestDetails::curl(e), QStringLiteral("curl 'https://api.example.com/?token=<secret>'"));
}

void tst_RequestInspector::filterByTenantAndOutcome()
{
    QAbstractItemModelTester tester(m_inspector->filter(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_fx.log->append(logged(QStringLiteral("prod"), 200));
    m_fx.log->append(logged(QStringLiteral("prod"), 404));
    m_fx.log->append(logged(QStringLiteral("stage"), 503));
    m_fx.log->append(logged(QStringLiteral("stage"), 0, QStringLiteral("Connection refused")));
    QAbstractItemModel *shown = m_inspector->view()->model();
    QCOMPARE(shown->rowCount(), 4);

    auto *tenant = m_inspector->findChild<QComboBox *>(QStringLiteral("requestLogTenant"));
    auto *outcome = m_inspector->findChild<QComboBox *>(QStringLiteral("requestLogOutcome"));
    QVERIFY(tenant && outcome);
    QCOMPARE(tenant->count(), 3); // all, prod, stage
    tenant->setCurrentIndex(tenant->findText(QStringLiteral("stage")));
    QCOMPARE(shown->rowCount(), 2);
    outcome->setCurrentIndex(outcome->findText(QStringLiteral("5xx")));
    QCOMPARE(shown->rowCount(), 1);
    QCOMPARE(shown->index(0, RequestLogModel::StatusColumn).data().toString(), QStringLiteral("503"));
    outcome->setCurrentIndex(outcome->findText(QStringLiteral("No answer")));
    QCOMPARE(shown->rowCount(), 1);
    tenant->setCurrentIndex(0);
    outcome->setCurrentIndex(outcome->findText(QStringLiteral("Failed")));
    QCOMPARE(shown->rowCount(), 3);
    outcome->setCurrentIndex(outcome->findText(QStringLiteral("4xx")));
    QCOMPARE(shown->rowCount(), 1);
    QTest::keyClicks(m_inspector->filterField(), QStringLiteral("stage"));
    QCOMPARE(shown->rowCount(), 0);
}

void tst_RequestInspector::composerSendsThroughTheSession()
{
    const QString id = addTenant(QStringLiteral("Sandbox"), QStringLiteral("alice"), Password);
    connectTenant(id);
    QList<QPair<QByteArray, QString>> served;
    connect(m_sandbox.get(), &KintoSandbox::requestServed, this,
            [&served](const QByteArray &method, const QString &path, int) { served.append({method, path}); });

    RequestComposer *composer = openComposer();
    QVERIFY(composer);
    composer->methodField()->setCurrentText(QStringLiteral("PUT"));
    QTest::keyClicks(composer->pathField(), QStringLiteral("buckets/made-by-hand"));
    QTest::keyClicks(composer->bodyField(), QStringLiteral("{\"data\": {\"note\": \"hi\"}}"));
    QTest::mouseClick(composer->sendButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(composer->statusText().startsWith(QStringLiteral("PUT 201")), 10000);
    QVERIFY(std::any_of(served.cbegin(), served.cend(), [](const auto &request) {
        return request.first == "PUT" && request.second.endsWith(QStringLiteral("/buckets/made-by-hand"));
    }));
    QVERIFY(composer->responseText().contains(QStringLiteral("\"note\": \"hi\"")));
    // The answer is logged under the tenant, and the outcome is in the status bar.
    const RequestLogEntry &last = m_fx.log->entries().constLast();
    QCOMPARE(last.tenant, QStringLiteral("Sandbox"));
    QCOMPARE(last.method, QByteArray("PUT"));
    QCOMPARE(m_fx.window->status() ? m_fx.window->status()->lastOutcome() : QString(), QStringLiteral("Sandbox: PUT 201"));
}

void tst_RequestInspector::composerRefusesBadInput()
{
    // No tenant selected: no composer, a message says why.
    QVERIFY(!openComposer());
    QVERIFY(m_fx.window->status()->lastOutcome().startsWith(QStringLiteral("Select a tenant first")));

    const QString id = addTenant(QStringLiteral("Sandbox"), QStringLiteral("alice"), Password);
    connectTenant(id);
    RequestComposer *composer = openComposer();
    QVERIFY(composer);
    const int before = m_fx.log->count();
    QTest::mouseClick(composer->sendButton(), Qt::LeftButton);
    QCOMPARE(composer->statusText(), QStringLiteral("Enter a path, e.g. / or /buckets."));

    composer->methodField()->setCurrentText(QStringLiteral("POST"));
    QTest::keyClicks(composer->pathField(), QStringLiteral("/buckets"));
    QTest::keyClicks(composer->bodyField(), QStringLiteral("{\"data\": "));
    QTest::mouseClick(composer->sendButton(), Qt::LeftButton);
    QVERIFY(composer->statusText().startsWith(QStringLiteral("The body is not valid JSON: ")));
    QTest::qWait(50);
    QCOMPARE(m_fx.log->count(), before);
}

void tst_RequestInspector::composerTabOrder()
{
    const QString id = addTenant(QStringLiteral("Sandbox"), QStringLiteral("alice"), Password);
    connectTenant(id);
    RequestComposer *composer = openComposer();
    QVERIFY(composer);
    composer->methodField()->setCurrentText(QStringLiteral("POST"));
    composer->methodField()->setFocus();
    QTRY_VERIFY(composer->methodField()->hasFocus());
    // Reading order: the response pane above the button row comes before Send.
    auto *response = composer->findChild<QWidget *>(QStringLiteral("composerResponse"));
    QVERIFY(response);
    const QList<QWidget *> expected {composer->pathField(), composer->bodyField(), response, composer->sendButton()};
    for (QWidget *next : expected) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QTRY_COMPARE(QApplication::focusWidget(), next);
    }
}

QTEST_MAIN(tst_RequestInspector)
#include "tst_requestinspector.moc"
