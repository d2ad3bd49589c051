#include "auth/authstrategy.h"
#include "loopbackhttpserver.h"
#include "net/httpclient.h"
#include "net/requestlog.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>

#include <memory>

using TestSupport::waitFor;

// The network core against an in-process scripted HTTP server on loopback.
class tst_HttpClient : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void concurrencyCapNeverExceeded_data();
    void concurrencyCapNeverExceeded();
    void queueKeepsOrder();
    void capBelowOneRefused();
    void retriesWithBackoffDelays();
    void retryAfterOverridesBackoff();
    void nonIdempotentNotRetried_data();
    void nonIdempotentNotRetried();
    void droppedConnectionRetried();
    void transferTimeout();
    void deadlineStopsRetries();
    void deadlineCountsFromSending_data();
    void deadlineCountsFromSending();
    void errorBodyMapped_data();
    void errorBodyMapped();
    void bodiesAndQuery();
    void nonJsonResponseKeptAsBytes();
    void invalidJsonIsParseError();
    void malformedUrlFailsAsynchronously();
    void cancelAbortsRequest();
    void dryRunSendsNothing();
    void secretsRedactedInLogAndMessages();
    void redirectToOtherHostDropsCredentials();
    void redirectOnSameHostKeepsCredentials();
    void multipartUploadStreamsFromDisk();
    void downloadStreamsToFile_data();
    void downloadStreamsToFile();
    void tlsVerifiedUnlessPinned_data();
    void tlsVerifiedUnlessPinned();

private:
    std::unique_ptr<HttpJob> sendAndWait(const HttpRequest &request, int timeoutMs = 15000);

    QNetworkAccessManager *m_nam = nullptr;
    LoopbackHttpServer *m_server = nullptr;
    HttpClient *m_client = nullptr;
    RequestLog *m_log = nullptr;
};

void tst_HttpClient::init()
{
    m_nam = new QNetworkAccessManager(this);
    m_server = new LoopbackHttpServer(this);
    QVERIFY(m_server->listen());
    m_log = new RequestLog(this);
    m_client = new HttpClient(m_nam, this);
    m_client->setBaseUrl(QUrl(m_server->baseUrl().toString() + QStringLiteral("/v1")));
    m_client->setRequestLog(m_log);
    RetryPolicy fast;
    fast.backoffFactor = 0.05; // 0, 100, 200, 400 ms: the same formula, quicker
    m_client->setRetryPolicy(fast);
}

void tst_HttpClient::cleanup()
{
    delete m_client;
    delete m_server;
    delete m_nam;
    delete m_log;
}

std::unique_ptr<HttpJob> tst_HttpClient::sendAndWait(const HttpRequest &request, int timeoutMs)
{
    HttpJob *job = m_client->send(request);
    if (!waitFor(job, timeoutMs)) {
        delete job;
        return nullptr;
    }
    return std::unique_ptr<HttpJob>(job);
}

void tst_HttpClient::concurrencyCapNeverExceeded_data()
{
    QTest::addColumn<int>("cap");
    QTest::newRow("one at a time") << 1;
    QTest::newRow("three") << 3;
    QTest::newRow("jamf default five") << 5;
}

void tst_HttpClient::concurrencyCapNeverExceeded()
{
    QFETCH(int, cap);
    QVERIFY(m_client->setMaxConcurrent(cap));
    QCOMPARE(m_client->maxConcurrent(), cap);
    m_server->setHandler([](const HttpServerRequest &, HttpResponder *r) { r->respondLater(60, 200, {}, "{}"); });

    QList<HttpJob *> jobs;
    for (int i = 0; i < 12; ++i)
        jobs << TestSupport::keep(m_client->send(HttpRequest("GET", QStringLiteral("/items/%1").arg(i))));
    QCOMPARE(m_client->inFlight(), 0); // nothing starts inside send()
    for (HttpJob *job : jobs)
        QVERIFY(waitFor(job));
    QCOMPARE(m_server->requestCount(), 12);
    QCOMPARE(m_server->maxInFlight(), cap); // measured by the server
    for (HttpJob *job : jobs) {
        QVERIFY2(!job->hasError(), qPrintable(job->error().toString()));
        delete job;
    }
}

void tst_HttpClient::queueKeepsOrder()
{
    QVERIFY(m_client->setMaxConcurrent(1));
    QStringList seen;
    m_server->setHandler([&](const HttpServerRequest &req, HttpResponder *r) {
        seen << req.path;
        r->respondLater(5, 200, {}, "{}");
    });
    QList<HttpJob *> jobs;
    QStringList expected;
    for (int i = 0; i < 8; ++i) {
        jobs << TestSupport::keep(m_client->send(HttpRequest("GET", QStringLiteral("/n/%1").arg(i))));
        expected << QStringLiteral("/v1/n/%1").arg(i);
    }
    for (HttpJob *job : jobs)
        QVERIFY(waitFor(job));
    qDeleteAll(jobs);
    QCOMPARE(seen, expected);
}

void tst_HttpClient::capBelowOneRefused()
{
    QString error;
    QVERIFY(!m_client->setMaxConcurrent(0, &error));
    QVERIFY(error.contains(QLatin1String("at least 1")));
    QCOMPARE(m_client->maxConcurrent(), 5);
    QVERIFY(!m_client->setMaxConcurrent(-3));
    QCOMPARE(m_client->maxConcurrent(), 5);
}

void tst_HttpClient::retriesWithBackoffDelays()
{
    QList<qint64> arrivals;
    QElapsedTimer clock;
    clock.start();
    m_server->setHandler([&](const HttpServerRequest &, HttpResponder *r) {
        arrivals << clock.elapsed();
        r->respondJson(503, R"({"code":503,"errno":201,"error":"Service Unavailable","message":"Backend down"})");
    });
    auto job = sendAndWait(HttpRequest("GET", QStringLiteral("/buckets")));
    QVERIFY(job);
    QCOMPARE(arrivals.size(), 5); // 1 + 4 retries (the default budget)
    QCOMPARE(job->response().retries, 4);
    QCOMPARE(job->error().httpStatus(), 503);
    QCOMPARE(job->error().serviceCode(), QStringLiteral("201"));
    QVERIFY(job->error().message().contains(QLatin1String("gave up after 4 retries")));
    // Waits of 0, f*2, f*4, f*8 s with f = 0.05: 0, 100, 200, 400 ms.
    const QList<int> expected { 0, 100, 200, 400 };
    for (int i = 0; i < expected.size(); ++i) {
        const qint64 gap = arrivals[i + 1] - arrivals[i];
        QVERIFY2(gap >= expected[i] * 0.95 - 5 && gap < expected[i] + 150,
            qPrintable(QStringLiteral("gap %1 was %2 ms, expected ~%3").arg(i).arg(gap).arg(expected[i])));
    }
    QCOMPARE(m_log->count(), 1);
    QCOMPARE(m_log->entries().constLast().retries, 4);
}

void tst_HttpClient::retryAfterOverridesBackoff()
{
    QList<qint64> arrivals;
    QElapsedTimer clock;
    clock.start();
    m_server->setHandler([&](const HttpServerRequest &, HttpResponder *r) {
        arrivals << clock.elapsed();
        if (arrivals.size() == 1)
            r->respond(429, { { "Retry-After", "1" } }, "slow down");
        else
            r->respondJson(200, R"({"data":[]})");
    });
    auto job = sendAndWait(HttpRequest("GET", QStringLiteral("/buckets")));
    QVERIFY(job);
    QVERIFY2(!job->hasError(), qPrintable(job->error().toString()));
    QCOMPARE(arrivals.size(), 2);
    QVERIFY2(arrivals[1] - arrivals[0] >= 990, qPrintable(QString::number(arrivals[1] - arrivals[0])));
    QCOMPARE(job->response().retries, 1);
}

void tst_HttpClient::nonIdempotentNotRetried_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<bool>("repeatable");
    QTest::addColumn<int>("expectedAttempts");
    QTest::newRow("POST not retried") << QByteArray("POST") << false << 1;
    QTest::newRow("PATCH not retried") << QByteArray("PATCH") << false << 1;
    QTest::newRow("POST marked repeatable") << QByteArray("POST") << true << 5;
    QTest::newRow("PUT is idempotent") << QByteArray("PUT") << false << 5;
    QTest::newRow("DELETE is idempotent") << QByteArray("DELETE") << false << 5;
    QTest::newRow("GET with its own budget of 1") << QByteArray("GET") << false << 2;
}

void tst_HttpClient::nonIdempotentNotRetried()
{
    QFETCH(QByteArray, method);
    QFETCH(bool, repeatable);
    QFETCH(int, expectedAttempts);
    m_server->setHandler([](const HttpServerRequest &, HttpResponder *r) { r->respond(502, {}, "bad gateway"); });
    HttpRequest request(method, QStringLiteral("/things"));
    if (method != "GET")
        request.setJsonBody(QJsonObject { { QStringLiteral("a"), 1 } });
    else
        request.setMaxRetries(1);
    request.setRepeatable(repeatable);
    auto job = sendAndWait(request);
    QVERIFY(job);
    QCOMPARE(m_server->requestCount(), expectedAttempts);
    QCOMPARE(job->error().httpStatus(), 502);
}

void tst_HttpClient::droppedConnectionRetried()
{
    // Qt itself may resend once on a fresh connection; three drops get past that to our retries.
    int n = 0;
    m_server->setHandler([&](const HttpServerRequest &, HttpResponder *r) {
        if (++n <= 3)
            r->drop();
        else
            r->respondJson(200, R"({"ok":true})");
    });
    auto job = sendAndWait(HttpRequest("GET", QStringLiteral("/x")));
    QVERIFY(job);
    QVERIFY2(!job->hasError(), qPrintable(job->error().toString()));
    QCOMPARE(job->result().toObject().value(QLatin1String("ok")).toBool(), true);
    QCOMPARE(n, 4);
    QVERIFY(job->response().retries >= 1);
    QCOMPARE(m_log->entries().constLast().retries, job->response().retries);

    // With retries off, the dropped connection is a network error the user sees.
    RetryPolicy none;
    none.maxRetries = 0;
    m_client->setRetryPolicy(none);
    m_server->setHandler([](const HttpServerRequest &, HttpResponder *r) { r->drop(); });
    job = sendAndWait(HttpRequest("GET", QStringLiteral("/x")));
    QCOMPARE(job->error().kind(), ApiError::Kind::Network);
    QCOMPARE(job->error().httpStatus(), 0);
    QVERIFY(!job->error().message().isEmpty());
}

void tst_HttpClient::transferTimeout()
{
    RetryPolicy none;
    none.maxRetries = 0;
    m_client->setRetryPolicy(none);
    m_client->setTransferTimeout(300);
    m_server->setHandler([](const HttpServerRequest &, HttpResponder *r) { r->respondLater(3000, 200, {}, "{}"); });
    QElapsedTimer clock;
    clock.start();
    auto job = sendAndWait(HttpRequest("GET", QStringLiteral("/slow")));
    QVERIFY(job);
    QCOMPARE(job->error().kind(), ApiError::Kind::Timeout);
    QVERIFY(job->error().message().contains(QLatin1String("transfer timeout")));
    QVERIFY(clock.elapsed() < 2500);
}

void tst_HttpClient::deadlineStopsRetries()
{
    m_client->setDeadline(600);
    m_server->setHandler([](const HttpServerRequest &, HttpResponder *r) { r->respond(503, { { "Retry-After", "0" } }); });
    QElapsedTimer clock;
    clock.start();
    m_server->setHandler([](const HttpServerRequest &, HttpResponder *r) { r->respondLater(400, 503, {}, {}); });
    auto job = sendAndWait(HttpRequest("GET", QStringLiteral("/down")));
    QVERIFY(job);
    QCOMPARE(job->error().kind(), ApiError::Kind::Timeout);
    QVERIFY(job->error().message().contains(QLatin1String("deadline")));
    QVERIFY(clock.elapsed() < 1500);
}

void tst_HttpClient::deadlineCountsFromSending_data()
{
    QTest::addColumn<int>("cap");
    QTest::newRow("one at a time") << 1;
    QTest::newRow("two at a time") << 2;
}

// A queue that takes far longer than the deadline to drain: every request that answers within
// the deadline once sent succeeds; the one that does not still times out.
void tst_HttpClient::deadlineCountsFromSending()
{
    QFETCH(int, cap);
    QVERIFY(m_client->setMaxConcurrent(cap));
    m_client->setDeadline(500);
    m_server->setHandler([](const HttpServerRequest &request, HttpResponder *r) {
        r->respondLater(request.path.endsWith(QLatin1String("/slow")) ? 3000 : 120, 200, {}, "{}");
    });
    QElapsedTimer clock;
    clock.start();
    QList<HttpJob *> jobs;
    for (int i = 0; i < 20; ++i) {
        const QString path = i == 10 ? QStringLiteral("/items/slow") : QStringLiteral("/items/%1").arg(i);
        jobs << TestSupport::keep(m_client->send(HttpRequest("GET", path)));
    }
    for (HttpJob *job : jobs)
        QVERIFY(waitFor(job, 15000));
    const auto cleanupJobs = qScopeGuard([&] { qDeleteAll(jobs); });
    QVERIFY2(clock.elapsed() > 2 * 500, "the queue must outlast the deadline");
    for (int i = 0; i < jobs.size(); ++i) {
        if (i == 10) {
            QCOMPARE(jobs.at(i)->error().kind(), ApiError::Kind::Timeout);
            QVERIFY2(jobs.at(i)->error().message().contains(QLatin1String("deadline")), qPrintable(jobs.at(i)->error().message()));
        } else {
            QVERIFY2(!jobs.at(i)->hasError(), qPrintable(QStringLiteral("#%1: %2").arg(i).arg(jobs.at(i)->error().toString())));
        }
    }
    QCOMPARE(m_server->requestCount(), 20);
}

void tst_HttpClient::errorBodyMapped_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("kinto") << 403 << QByteArray("application/json")
                           << QByteArray(R"({"code":403,"errno":121,"error":"Forbidden","message":"This user cannot access this resource."})")
                           << QStringLiteral("121") << QStringLiteral("This user cannot access this resource.");
    QTest::newRow("jamf") << 400 << QByteArray("application/json")
                          << QByteArray(R"({"httpStatus":400,"errors":[{"code":"INVALID_PRIVILEGE","field":"privileges","description":"Invalid privilege","id":"0"}]})")
                          << QStringLiteral("INVALID_PRIVILEGE") << QStringLiteral("privileges: Invalid privilege");
    QTest::newRow("kandji") << 404 << QByteArray("application/json") << QByteArray(R"({"detail":"Not found."})") << QString()
                            << QStringLiteral("Not found.");
    QTest::newRow("kandji plain text") << 400 << QByteArray("text/plain")
                                       << QByteArray("Library Item already exists on Blueprint") << QString()
                                       << QStringLiteral("Library Item already exists on Blueprint");
    QTest::newRow("json content type, broken body") << 409 << QByteArray("application/json") << QByteArray("{oops")
                                                    << QString() << QStringLiteral("{oops");
}

void tst_HttpClient::errorBodyMapped()
{
    QFETCH(int, status);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    QFETCH(QString, message);
    m_server->setHandler([&](const HttpServerRequest &, HttpResponder *r) { r->respond(status, { { "Content-Type", contentType } }, body); });
    auto job = sendAndWait(HttpRequest("GET", QStringLiteral("/thing")));
    QVERIFY(job);
    QCOMPARE(job->error().httpStatus(), status);
    QCOMPARE(job->error().serviceCode(), code);
    QCOMPARE(job->error().message(), message);
    QCOMPARE(job->response().status, status);
    QCOMPARE(m_log->entries().constLast().status, status);
}

void tst_HttpClient::bodiesAndQuery()
{
    QList<HttpServerRequest> received;
    m_server->setHandler([&](const HttpServerRequest &req, HttpResponder *r) {
        received << req;
        r->respondJson(201, R"({"data":{"id":"x"}})");
    });
    HttpRequest json("POST", QStringLiteral("/buckets/a%2Fb/records"));
    json.addQuery(QStringLiteral("in_id"), QStringLiteral("a,b")).addQuery(QStringLiteral("has_x"), QStringLiteral("true"))
        .addQuery(QStringLiteral("tag"), QStringLiteral("1 & 2")).addQuery(QStringLiteral("tag"), QStringLiteral("3"));
    json.setJsonBody(QJsonObject { { QStringLiteral("data"), QJsonObject { { QStringLiteral("title"), QStringLiteral("é") } } } },
        "application/merge-patch+json");
    auto job = sendAndWait(json);
    QVERIFY(job && !job->hasError());
    QCOMPARE(job->response().status, 201);
    QCOMPARE(job->result().toObject().value(QLatin1String("data")).toObject().value(QLatin1String("id")).toString(), QStringLiteral("x"));

    HttpRequest form("POST", QStringLiteral("/token"));
    form.setFormBody({ { QStringLiteral("grant_type"), QStringLiteral("client_credentials") }, { QStringLiteral("scope"), QStringLiteral("a b+c") } });
    QVERIFY(sendAndWait(form));
    HttpRequest raw("PUT", QStringLiteral("/blob"));
    raw.setRawBody(QByteArray("\x00\x01\x02", 3), "application/octet-stream");
    QVERIFY(sendAndWait(raw));

    QCOMPARE(received.size(), 3);
    const HttpServerRequest &first = received[0];
    QCOMPARE(first.method, QByteArray("POST"));
    QCOMPARE(first.encodedPath, QByteArray("/v1/buckets/a%2Fb/records"));
    QCOMPARE(first.header("content-type"), QByteArray("application/merge-patch+json"));
    QCOMPARE(first.body, QByteArray(R"({"data":{"title":"é"}})"));
    QCOMPARE(first.query.allQueryItemValues(QStringLiteral("tag"), QUrl::FullyDecoded), QStringList({ QStringLiteral("1 & 2"), QStringLiteral("3") }));
    QCOMPARE(first.query.queryItemValue(QStringLiteral("in_id"), QUrl::FullyDecoded), QStringLiteral("a,b"));

    QCOMPARE(received[1].header("content-type"), QByteArray("application/x-www-form-urlencoded; charset=utf-8"));
    const QUrlQuery formFields(QString::fromUtf8(received[1].body));
    QCOMPARE(formFields.queryItemValue(QStringLiteral("scope"), QUrl::FullyDecoded), QStringLiteral("a b+c"));
    QCOMPARE(received[2].body, QByteArray("\x00\x01\x02", 3));
}

void tst_HttpClient::nonJsonResponseKeptAsBytes()
{
    m_server->setHandler([](const HttpServerRequest &, HttpResponder *r) { r->respond(200, { { "Content-Type", "image/png" } }, "\x89PNG"); });
    auto job = sendAndWait(HttpRequest("GET", QStringLiteral("/file.png")));
    QVERIFY(job && !job->hasError());
    QCOMPARE(job->response().body, QByteArray("\x89PNG"));
    QVERIFY(job->result().isUndefined() || job->result().isNull());
}

void tst_HttpClient::invalidJsonIsParseError()
{
    m_server->setHandler([](const HttpServerRequest &, HttpResponder *r) { r->respond(200, { { "Content-Type", "application/json" } }, "{\n  \"data\": [1,2,\n}"); });
    auto job = sendAndWait(HttpRequest("GET", QStringLiteral("/broken")));
    QVERIFY(job);
    QCOMPARE(job->error().kind(), ApiError::Kind::Parse);
    QVERIFY2(job->error().message().contains(QLatin1String("line 3")), qPrintable(job->error().message()));
}

void tst_HttpClient::malformedUrlFailsAsynchronously()
{
    HttpClient client(m_nam);
    client.setBaseUrl(QUrl(QStringLiteral("htp//not a url")));
    HttpJob *job = client.send(HttpRequest("GET", QStringLiteral("/x")));
    QSignalSpy finished(job, &Job::finished);
    QVERIFY(!job->isFinished()); // never finished inside send()
    QVERIFY(waitFor(job));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(job->error().kind(), ApiError::Kind::Invalid);
    QVERIFY(job->error().message().contains(QLatin1String("Malformed URL")));
    delete job;
}

void tst_HttpClient::cancelAbortsRequest()
{
    m_server->setHandler([](const HttpServerRequest &, HttpResponder *r) { r->respondLater(5000, 200, {}, "{}"); });
    HttpJob *job = m_client->send(HttpRequest("GET", QStringLiteral("/slow")));
    job->setAutoDelete(false);
    QSignalSpy finished(job, &Job::finished);
    QTRY_COMPARE(m_server->inFlight(), 1);
    job->cancel();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(job->error().kind(), ApiError::Kind::Cancelled);
    QTRY_COMPARE(m_server->inFlight(), 0); // the connection was closed
    QCOMPARE(m_client->inFlight(), 0);
    job->cancel();
    QCOMPARE(finished.size(), 1);
    delete job;
}

void tst_HttpClient::dryRunSendsNothing()
{
    m_client->setDryRun(true);
    HttpRequest request("DELETE", QStringLiteral("/buckets/b1"));
    auto job = sendAndWait(request);
    QVERIFY(job && !job->hasError());
    QVERIFY(job->response().dryRun);
    QCOMPARE(m_server->requestCount(), 0);
    QCOMPARE(m_log->count(), 1);
    QVERIFY(m_log->entries().first().dryRun);
    QCOMPARE(m_log->entries().first().method, QByteArray("DELETE"));
    QVERIFY(m_log->entries().first().url.endsWith(QLatin1String("/v1/buckets/b1")));
}

static QStringList *s_messages = nullptr;
static void captureMessage(QtMsgType, const QMessageLogContext &, const QString &message)
{
    if (s_messages)
        s_messages->append(message);
}

void tst_HttpClient::secretsRedactedInLogAndMessages()
{
    QStringList messages;
    s_messages = &messages;
    QLoggingCategory::setFilterRules(QStringLiteral("tenantdesk.*=true"));
    const QtMessageHandler previous = qInstallMessageHandler(captureMessage);

    m_client->setAuth(new BasicAuth(QStringLiteral("alice"), QStringLiteral("s3cr3t-pw")));
    QByteArray authorization;
    m_server->setHandler([&](const HttpServerRequest &req, HttpResponder *r) {
        authorization = req.header("authorization");
        r->respondJson(req.path.endsWith(QLatin1String("fail")) ? 500 : 200, "{}");
    });
    HttpRequest request("GET", QStringLiteral("/x"));
    request.addQuery(QStringLiteral("access_token"), QStringLiteral("tok-123456")).addQuery(QStringLiteral("page"), QStringLiteral("2"));
    auto job = sendAndWait(request);
    HttpRequest failing("POST", QStringLiteral("/fail"));
    failing.addQuery(QStringLiteral("client_secret"), QStringLiteral("cs-987654"));
    auto failed = sendAndWait(failing);

    qInstallMessageHandler(previous);
    QLoggingCategory::setFilterRules(QString());
    s_messages = nullptr;

    QVERIFY(job && !job->hasError());
    QVERIFY(failed && failed->hasError());
    QCOMPARE(authorization, "Basic " + QByteArray("alice:s3cr3t-pw").toBase64()); // the server did get it
    QCOMPARE(m_log->count(), 2);
    QVERIFY(!messages.isEmpty());
    QStringList shown = messages;
    for (const RequestLogEntry &entry : m_log->entries())
        shown << entry.url << entry.error;
    QVERIFY(m_log->entries().first().url.contains(QLatin1String("page=2")));
    for (const QString &text : std::as_const(shown)) {
        for (const QString &secret : { QStringLiteral("s3cr3t-pw"), QStringLiteral("tok-123456"), QStringLiteral("cs-987654"),
                 QString::fromLatin1(QByteArray("alice:s3cr3t-pw").toBase64()) })
            QVERIFY2(!text.contains(secret), qPrintable(text));
    }
}

void tst_HttpClient::redirectToOtherHostDropsCredentials()
{
    LoopbackHttpServer other;
    QVERIFY(other.listen());
    QByteArray otherAuthorization = "unset";
    other.setHandler([&](const HttpServerRequest &req, HttpResponder *r) {
        otherAuthorization = req.header("authorization");
        r->respondJson(200, R"({"where":"other"})");
    });
    // "localhost" vs "127.0.0.1": another host name, so another origin.
    const QString target = QStringLiteral("http://localhost:%1/landing").arg(other.port());
    m_server->setHandler([&](const HttpServerRequest &, HttpResponder *r) { r->respond(302, { { "Location", target.toUtf8() } }); });
    m_client->setAuth(new BearerAuth(QStringLiteral("tok-abc"), QStringLiteral("Bearer+OIDC")));
    auto job = sendAndWait(HttpRequest("GET", QStringLiteral("/start")));
    QVERIFY(job);
    QVERIFY2(!job->hasError(), qPrintable(job->error().toString()));
    QCOMPARE(job->result().toObject().value(QLatin1String("where")).toString(), QStringLiteral("other"));
    QCOMPARE(otherAuthorization, QByteArray());
    QCOMPARE(job->response().url.host(), QStringLiteral("localhost"));
}

void tst_HttpClient::redirectOnSameHostKeepsCredentials()
{
    QByteArray authorization;
    m_server->setHandler([&](const HttpServerRequest &req, HttpResponder *r) {
        if (req.path == QLatin1String("/v1/start"))
            r->respond(307, { { "Location", "/v1/landing" } });
        else {
            authorization = req.header("authorization");
            r->respondJson(200, "{}");
        }
    });
    m_client->setAuth(new BearerAuth(QStringLiteral("tok-abc"), QStringLiteral("Bearer+OIDC")));
    auto job = sendAndWait(HttpRequest("GET", QStringLiteral("/start")));
    QVERIFY(job && !job->hasError());
    QCOMPARE(authorization, QByteArray("Bearer+OIDC tok-abc"));
}

void tst_HttpClient::multipartUploadStreamsFromDisk()
{
#if defined(__SANITIZE_ADDRESS__)
    QSKIP("Under AddressSanitizer freed memory stays in quarantine: RSS growth says nothing here.");
#endif
    constexpr qint64 size = 50 * 1024 * 1024;
    QTemporaryFile file;
    QVERIFY(file.open());
    const QByteArray chunk(1024 * 1024, 'x');
    for (qint64 written = 0; written < size; written += chunk.size())
        QVERIFY(file.write(chunk) == chunk.size());
    file.close();

    m_server->setBodyLimit(1024 * 1024); // the server counts the bytes and drops them
    qint64 received = 0;
    QByteArray contentType;
    m_server->setHandler([&](const HttpServerRequest &req, HttpResponder *r) {
        received = req.bodySize;
        contentType = req.header("content-type");
        r->respondJson(201, R"({"filename":"big.bin"})");
    });
    const qint64 rssBefore = TestSupport::peakRssKiB();
    HttpRequest request("POST", QStringLiteral("/upload"));
    request.setMultipartBody({ { "data", R"({"a":1})", {}, {}, "application/json" },
        { "attachment", {}, file.fileName(), QStringLiteral("big.bin"), "application/octet-stream" } });
    HttpJob *job = m_client->send(request);
    QSignalSpy progress(job, &Job::progress);
    QVERIFY(waitFor(job, 60000));
    std::unique_ptr<HttpJob> owner(job);
    QVERIFY2(!job->hasError(), qPrintable(job->error().toString()));
    QVERIFY(received > size);
    QVERIFY(contentType.startsWith("multipart/form-data; boundary="));
    QVERIFY(progress.size() > 1);
    const qint64 growthMiB = (TestSupport::peakRssKiB() - rssBefore) / 1024;
    if (TestSupport::MemoryFiguresHold)
        QVERIFY2(growthMiB < 25, qPrintable(QStringLiteral("peak RSS grew by %1 MiB for a 50 MiB upload").arg(growthMiB)));
    QCOMPARE(m_log->entries().constLast().bytesOut, size + 7);
}

void tst_HttpClient::downloadStreamsToFile_data()
{
    QTest::addColumn<QString>("serve");    // ok, truncated, missing
    QTest::addColumn<bool>("rightHash");
    QTest::addColumn<bool>("kept");
    QTest::addColumn<ApiError::Kind>("kind");
    QTest::newRow("whole file, hash matches") << QStringLiteral("ok") << true << true << ApiError::Kind::None;
    QTest::newRow("hash differs: nothing kept") << QStringLiteral("ok") << false << false << ApiError::Kind::Parse;
    QTest::newRow("connection cut mid-body: nothing kept") << QStringLiteral("truncated") << true << false << ApiError::Kind::Network;
    QTest::newRow("404: message, nothing kept") << QStringLiteral("missing") << true << false << ApiError::Kind::Http;
}

void tst_HttpClient::downloadStreamsToFile()
{
    QFETCH(QString, serve);
    QFETCH(bool, rightHash);
    QFETCH(bool, kept);
    QFETCH(ApiError::Kind, kind);
    RetryPolicy none;
    none.maxRetries = 0;
    m_client->setRetryPolicy(none);

    QByteArray content(5 * 1024 * 1024, Qt::Uninitialized);
    for (qsizetype i = 0; i < content.size(); ++i)
        content[i] = char(i * 7 % 251);
    m_server->setHandler([&](const HttpServerRequest &, HttpResponder *r) {
        if (serve == QLatin1String("missing"))
            r->respondJson(404, R"({"detail":"No such file."})");
        else if (serve == QLatin1String("truncated"))
            r->respondRaw("HTTP/1.1 200 OK\r\nContent-Length: " + QByteArray::number(content.size()) + "\r\n\r\n" + content.left(1024 * 1024));
        else
            r->respond(200, { { "Content-Type", "application/octet-stream" } }, content);
    });
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("payload.bin"));
    const QByteArray sha = QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex();
    HttpRequest request("GET", QStringLiteral("/files/payload.bin"));
    request.setDownloadFile(path, rightHash ? sha.toUpper() : QByteArray(64, 'a'));
    auto job = sendAndWait(request);
    QVERIFY(job);
    QCOMPARE(job->error().kind(), kind);
    QCOMPARE(QFileInfo::exists(path), kept);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), kept ? 1 : 0); // no temporary left over
    if (kept) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll() == content);
        QCOMPARE(job->result().toObject().value(QLatin1String("sha256")).toString(), QString::fromLatin1(sha));
        QCOMPARE(job->response().body.size(), 0); // never held in memory
    }
    if (serve == QLatin1String("missing"))
        QCOMPARE(job->error().message(), QStringLiteral("No such file."));
}

void tst_HttpClient::tlsVerifiedUnlessPinned_data()
{
    QTest::addColumn<QString>("pin");
    QTest::addColumn<bool>("caTrusted"); // a CA the client trusts vouches for the server's certificate
    QTest::addColumn<bool>("accepted");
    QTest::newRow("self-signed, no pin: refused") << QString() << false << false;
    QTest::newRow("pinned fingerprint: accepted") << QStringLiteral("match") << false << true;
    QTest::newRow("pinned fingerprint with colons, upper case") << QStringLiteral("match-colons") << false << true;
    QTest::newRow("another fingerprint: refused") << QStringLiteral("00ff") << false << false;
    QTest::newRow("CA-vouched, no pin: accepted") << QString() << true << true;
    QTest::newRow("CA-vouched and pinned: accepted") << QStringLiteral("match") << true << true;
    QTest::newRow("CA-vouched, another pin: refused (a pin is a pin)") << QStringLiteral("00ff") << true << false;
}

void tst_HttpClient::tlsVerifiedUnlessPinned()
{
    QFETCH(QString, pin);
    QFETCH(bool, caTrusted);
    QFETCH(bool, accepted);
    QTemporaryDir dir;
    QSslConfiguration tls;
    QByteArray fingerprint;
    QVERIFY(TestSupport::makeSelfSignedTls(dir.path(), &tls, &fingerprint));
    LoopbackHttpServer secure;
    QVERIFY(secure.listenTls(tls));
    secure.setHandler([](const HttpServerRequest &, HttpResponder *r) { r->respondJson(200, R"({"secure":true})"); });

    const QSslConfiguration saved = QSslConfiguration::defaultConfiguration();
    auto restore = qScopeGuard([&] { QSslConfiguration::setDefaultConfiguration(saved); });
    if (caTrusted) {
        QSslConfiguration trusting = saved;
        trusting.addCaCertificate(tls.localCertificate());
        QSslConfiguration::setDefaultConfiguration(trusting);
    }

    m_client->setBaseUrl(secure.baseUrl());
    if (pin == QLatin1String("match"))
        m_client->setPinnedCertificate(fingerprint);
    else if (pin == QLatin1String("match-colons")) {
        QByteArray withColons;
        for (int i = 0; i < fingerprint.size(); i += 2)
            withColons += (i ? ":" : "") + fingerprint.mid(i, 2).toUpper();
        m_client->setPinnedCertificate(withColons);
    } else if (!pin.isEmpty())
        m_client->setPinnedCertificate(pin.toLatin1());

    auto job = sendAndWait(HttpRequest("GET", QStringLiteral("/hello")));
    QVERIFY(job);
    if (accepted) {
        QVERIFY2(!job->hasError(), qPrintable(job->error().toString()));
        QCOMPARE(job->result().toObject().value(QLatin1String("secure")).toBool(), true);
    } else {
        QCOMPARE(job->error().kind(), ApiError::Kind::Tls);
        QVERIFY2(job->error().message().contains(caTrusted ? QLatin1String("pinned") : QLatin1String("self-signed"), Qt::CaseInsensitive),
            qPrintable(job->error().message()));
        QCOMPARE(secure.requestCount(), 0);
        QCOMPARE(job->response().retries, 0); // certificate errors are not retried
    }
}

QTEST_GUILESS_MAIN(tst_HttpClient)
#include "tst_httpclient.moc"
