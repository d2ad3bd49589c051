// The Kandji client against the in-process Kandji sandbox: every operation and every client-side
// rule, checking what the server received (and that refused requests were never sent).

#include "kandjiappjob.h"
#include "kandjiassignjob.h"
#include "kandjiclient.h"
#include "kandjiratebudget.h"
#include "kandjirules.h"
#include "kandjisandbox.h"
#include "kandjiservice.h"
#include "kandjisettings.h"
#include "loopbackhttpserver.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QFile>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using TestSupport::await;

namespace {

const char plist[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<plist version=\"1.0\"><dict>"
                     "<key>PayloadIdentifier</key><string>com.example.test</string></dict></plist>\n";

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return path;
}

QJsonObject obj(std::initializer_list<QPair<QString, QJsonValue>> items)
{
    QJsonObject o;
    for (const auto &item : items)
        o.insert(item.first, item.second);
    return o;
}

// A slow uplink in front of the sandbox's storage: a TCP relay that passes the client's bytes on at
// `bytesPerSecond` (none at all when 0: a stalled link) and the answers back at once. Qt's read
// buffer is kept small, so the kernel's flow control holds the sender back as a real link would.
class SlowLink : public QObject
{
public:
    SlowLink(quint16 upstreamPort, qint64 bytesPerSecond)
        : m_upstreamPort(upstreamPort)
        , m_rate(bytesPerSecond)
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *client = m_server.nextPendingConnection())
                relay(client);
        });
        m_tick.setInterval(TickMs);
        connect(&m_tick, &QTimer::timeout, this, &SlowLink::pass);
        m_tick.start();
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    QString origin() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()); }
    qint64 passed() const { return m_passed; }

private:
    static constexpr int TickMs = 20;
    void relay(QTcpSocket *client)
    {
        client->setParent(this);
        client->setReadBufferSize(1 << 20);
        auto *upstream = new QTcpSocket(client);
        upstream->connectToHost(QHostAddress::LocalHost, m_upstreamPort);
        connect(upstream, &QTcpSocket::readyRead, client, [client, upstream] { client->write(upstream->readAll()); });
        connect(upstream, &QTcpSocket::disconnected, client, [client] { client->disconnectFromHost(); });
        connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
        m_pairs.append(qMakePair(QPointer<QTcpSocket>(client), QPointer<QTcpSocket>(upstream)));
    }
    void pass()
    {
        for (const auto &[client, upstream] : std::as_const(m_pairs)) {
            if (!client || !upstream || upstream->state() != QAbstractSocket::ConnectedState)
                continue;
            const QByteArray bytes = client->read(m_rate * TickMs / 1000);
            upstream->write(bytes);
            m_passed += bytes.size();
        }
    }

    QTcpServer m_server;
    QTimer m_tick;
    QList<QPair<QPointer<QTcpSocket>, QPointer<QTcpSocket>>> m_pairs;
    quint16 m_upstreamPort;
    qint64 m_rate;
    qint64 m_passed = 0;
};

// A file of `size` bytes written in 1 MiB chunks; its SHA-256 (hex) in *sha256.
QString writeLargeFile(const QTemporaryDir &dir, const QString &name, qint64 size, QString *sha256)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QByteArray chunk(1 << 20, Qt::Uninitialized);
    for (qint64 written = 0; written < size; written += chunk.size()) {
        for (int i = 0; i < chunk.size(); i += 4096)
            chunk[i] = char((written + i) / 4096);
        hash.addData(chunk);
        if (file.write(chunk) != chunk.size())
            return {};
    }
    *sha256 = QString::fromLatin1(hash.result().toHex());
    return path;
}

} // namespace

class TestKandjiClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void settings_data();
    void settings();
    void listsFollowNextToTheEnd();
    void listsPageByPage();
    void listRefusesNextOffTheTenantOrigin();
    void profiles();
    void profileRules_data();
    void profileRules();
    void scripts();
    void scriptRules_data();
    void scriptRules();
    void appCreateUploadsThroughPresignedPost();
    void appUpdateSkipsUploadWhenSha256Matches();
    void appProcessingRetrySchedule();
    void bigUploadOnASlowLinkOutlivesTheRequestDeadline();
    void stalledUploadEndsAfterInactivity();
    void appProcessingGivesUpAfter300s();
    void appRules_data();
    void appRules();
    void downloadKeepsOnlyAVerifiedFile();
    void blueprints();
    void blueprintAssignment();
    void assignManyReportsEachItem();
    void categories();
    void budgetWarnsThenRefuses();
    void probe();
    void invalidIdsAreRefusedBeforeSending();
    void notFoundIsAnHtmlPage();

private:
    KandjiService &service() { return m_sandbox->service(); }
    int apiRequests() const { return m_sandbox->server()->requestCount(); }

    std::unique_ptr<KandjiSandbox> m_sandbox;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    HttpClient *m_http = nullptr;
    KandjiClient *m_client = nullptr;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestKandjiClient::init()
{
    m_sandbox = std::make_unique<KandjiSandbox>();
    QVERIFY(m_sandbox->start());
    m_nam = std::make_unique<QNetworkAccessManager>();
    QString error;
    const auto settings = KandjiSettings::make(m_sandbox->baseUrl().toString(), m_sandbox->token(), true, &error);
    QVERIFY2(settings, qPrintable(error));
    m_http = KandjiClient::makeHttpClient(m_nam.get(), *settings);
    m_client = KandjiClient::forSession(m_http);
    m_client->setWaitScale(0);
    m_dir = std::make_unique<QTemporaryDir>();
}

void TestKandjiClient::cleanup()
{
    delete m_http; // owns the client
    m_http = nullptr;
    m_client = nullptr;
    m_nam.reset();
    m_sandbox.reset();
    m_dir.reset();
}

void TestKandjiClient::settings_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("local");
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("normalized"); // empty = refused
    QTest::addColumn<QString>("errorContains");
    const QString token = QStringLiteral("12345678-1234-4234-8234-123456789012");
    QTest::newRow("us host, no scheme, trailing slash") << "acme.api.kandji.io/" << false << token << "https://acme.api.kandji.io" << "";
    QTest::newRow("eu host") << "https://acme.api.eu.kandji.io" << false << token << "https://acme.api.eu.kandji.io" << "";
    QTest::newRow("iru host") << "https://acme.api.iru.com" << false << token << "https://acme.api.iru.com" << "";
    QTest::newRow("http upgraded to https") << "http://Acme.api.kandji.io" << false << token << "https://acme.api.kandji.io" << "";
    QTest::newRow("web console host") << "https://acme.kandji.io" << false << token << "" << "not a Kandji or Iru API host";
    QTest::newRow("look-alike host") << "https://acme.api.kandji.io.evil.com" << false << token << "" << "not a Kandji or Iru API host";
    QTest::newRow("path") << "https://acme.api.kandji.io/api/v1" << false << token << "" << "must not have a path";
    QTest::newRow("port") << "https://acme.api.kandji.io:8443" << false << token << "" << "must not name a port";
    QTest::newRow("loopback without local setting") << "http://127.0.0.1:8080" << false << token << "" << "must not name a port";
    QTest::newRow("loopback without port or local setting") << "http://127.0.0.1" << false << token << "" << "not a Kandji or Iru API host";
    QTest::newRow("local test server") << "http://127.0.0.1:8080" << true << token << "http://127.0.0.1:8080" << "";
    QTest::newRow("local setting never allows a remote host") << "https://acme.api.kandji.io" << true << token << "" << "must be on this machine";
    QTest::newRow("local without port") << "http://localhost" << true << token << "" << "needs a port";
    QTest::newRow("token not a uuid") << "acme.api.kandji.io" << false << "abc" << "" << "shape of a Kandji token";
    QTest::newRow("empty token") << "acme.api.kandji.io" << false << "" << "" << "token is empty";
    QTest::newRow("empty url") << "" << false << token << "" << "URL is empty";
    QTest::newRow("unclosed IPv6 bracket") << "http://[::1" << true << token << "" << "not a valid URL";
    QTest::newRow("scheme without colon") << "https//acme.api.kandji.io" << false << token << "" << "malformed scheme";
    QTest::newRow("credentials") << "https://me:pw@acme.api.kandji.io" << false << token << "" << "user name or password";
}

void TestKandjiClient::settings()
{
    QFETCH(QString, url);
    QFETCH(bool, local);
    QFETCH(QString, token);
    QFETCH(QString, normalized);
    QFETCH(QString, errorContains);
    QString error;
    const auto settings = KandjiSettings::make(url, token, local, &error);
    if (normalized.isEmpty()) {
        QVERIFY(!settings);
        QVERIFY2(error.contains(errorContains), qPrintable(error));
        QVERIFY2(token.size() < 8 || !error.contains(token), "the token never appears in a message");
    } else {
        QVERIFY2(settings, qPrintable(error));
        QCOMPARE(settings->url.toString(), normalized);
    }
}

void TestKandjiClient::listsFollowNextToTheEnd()
{
    service().setPageSize(5);
    for (int i = 0; i < 23; ++i)
        service().addProfile(obj({ { QStringLiteral("name"), QStringLiteral("P%1").arg(i) } }));
    m_sandbox->server()->resetCounters();
    const auto outcome = await(m_client->list(KandjiClient::Library::Profiles));
    QVERIFY(outcome.finished);
    QVERIFY2(!outcome.error, qPrintable(outcome.error.toString()));
    const QJsonObject result = outcome.result.toObject();
    QCOMPARE(result.value(QLatin1String("count")).toInt(), 23);
    const QJsonArray results = result.value(QLatin1String("results")).toArray();
    QCOMPARE(results.size(), 23);
    QCOMPARE(results.last().toObject().value(QLatin1String("name")).toString(), QStringLiteral("P22"));
    QCOMPARE(apiRequests(), 5);
}

void TestKandjiClient::listsPageByPage()
{
    service().setPageSize(4);
    for (int i = 0; i < 10; ++i)
        service().addScript(obj({ { QStringLiteral("name"), QStringLiteral("S%1").arg(i) } }));
    m_sandbox->server()->resetCounters();
    KandjiListJob *job = TestSupport::keep(m_client->list(KandjiClient::Library::Scripts, KandjiListJob::Mode::OnDemand));
    std::unique_ptr<KandjiListJob> owner(job);
    QSignalSpy pages(job, &KandjiListJob::page);
    QVERIFY(pages.wait());
    QCOMPARE(pages.size(), 1);
    QCOMPARE(pages.at(0).at(0).toJsonArray().size(), 4);
    QCOMPARE(pages.at(0).at(1).toInt(), 10);
    QCOMPARE(pages.at(0).at(2).toBool(), false);
    QTest::qWait(50);
    QCOMPARE(apiRequests(), 1); // waits for fetchMore
    QVERIFY(job->canFetchMore());
    job->fetchMore();
    QVERIFY(pages.wait());
    job->fetchMore();
    QVERIFY(TestSupport::waitFor(job));
    QCOMPARE(pages.size(), 3);
    QCOMPARE(pages.at(2).at(2).toBool(), true);
    QVERIFY(!job->hasError());
    QCOMPARE(apiRequests(), 3);
}

void TestKandjiClient::listRefusesNextOffTheTenantOrigin()
{
    LoopbackHttpServer tenant;
    LoopbackHttpServer elsewhere;
    QVERIFY(tenant.listen() && elsewhere.listen());
    const QByteArray next = elsewhere.baseUrl().toString().toUtf8() + "/api/v1/library/custom-profiles?page=2";
    tenant.setHandler([next](const HttpServerRequest &, HttpResponder *responder) {
        responder->respondJson(200, "{\"count\":2,\"next\":\"" + next + "\",\"previous\":null,\"results\":[{\"id\":\"a\"}]}");
    });
    const auto settings = KandjiSettings::make(tenant.baseUrl().toString(), m_sandbox->token(), true);
    QVERIFY(settings);
    std::unique_ptr<HttpClient> http(KandjiClient::makeHttpClient(m_nam.get(), *settings));
    const auto outcome = await(KandjiClient::forSession(http.get())->list(KandjiClient::Library::Profiles));
    QVERIFY(outcome.finished);
    QCOMPARE(outcome.error.kind(), ApiError::Kind::Parse);
    QVERIFY2(outcome.error.message().contains(QLatin1String("leaves the tenant")), qPrintable(outcome.error.message()));
    QCOMPARE(elsewhere.requestCount(), 0);

    // A next that loops back to an earlier page stops too.
    const QByteArray loop = tenant.baseUrl().toString().toUtf8() + "/api/v1/library/custom-profiles?page=2";
    tenant.setHandler([loop](const HttpServerRequest &, HttpResponder *responder) {
        responder->respondJson(200, "{\"count\":9,\"next\":\"" + loop + "\",\"previous\":null,\"results\":[]}");
    });
    tenant.resetCounters();
    const auto looped = await(KandjiClient::forSession(http.get())->list(KandjiClient::Library::Profiles));
    QCOMPARE(looped.error.kind(), ApiError::Kind::Parse);
    QVERIFY(looped.error.message().contains(QLatin1String("repeats")));
    QCOMPARE(tenant.requestCount(), 2);
}

void TestKandjiClient::profiles()
{
    const QString file = writeFile(*m_dir, QStringLiteral("wifi.mobileconfig"), plist);
    QList<HttpServerRequest> received;
    connect(m_sandbox->server(), &LoopbackHttpServer::requestReceived, this,
            [&](const HttpServerRequest &r) { received << r; });
    const auto created = await(m_client->createProfile(obj({ { QStringLiteral("name"), QStringLiteral("Wi-Fi") },
                                                              { QStringLiteral("active"), true },
                                                              { QStringLiteral("runs_on_iphone"), true } }),
                                                         file));
    QVERIFY2(!created.error, qPrintable(created.error.toString()));
    const QString id = created.result.toObject().value(QLatin1String("id")).toString();
    QCOMPARE(received.size(), 1);
    QVERIFY(received.first().header("Content-Type").startsWith("multipart/form-data"));
    QVERIFY(received.first().body.contains("name=\"runs_on_iphone\"\r\n\r\ntrue"));
    QVERIFY(received.first().body.contains("filename=\"wifi.mobileconfig\""));
    QVERIFY(received.first().header("Authorization").startsWith("Bearer "));
    const auto stored = service().item(QStringLiteral("custom-profiles"), id);
    QVERIFY(stored);
    QCOMPARE(stored->value(QLatin1String("profile")).toString(), QString::fromUtf8(plist));
    QCOMPARE(stored->value(QLatin1String("runs_on_iphone")).toBool(), true);
    QCOMPARE(stored->value(QLatin1String("runs_on_mac")).toBool(), false);

    const auto got = await(m_client->get(KandjiClient::Library::Profiles, id.toUpper()));
    QCOMPARE(got.result.toObject().value(QLatin1String("name")).toString(), QStringLiteral("Wi-Fi"));

    const auto renamed = await(m_client->updateProfile(id, obj({ { QStringLiteral("name"), QStringLiteral("Wi-Fi 2") } })));
    QVERIFY2(!renamed.error, qPrintable(renamed.error.toString()));
    QCOMPARE(service().item(QStringLiteral("custom-profiles"), id)->value(QLatin1String("name")).toString(), QStringLiteral("Wi-Fi 2"));
    QVERIFY(!received.last().body.contains("filename=")); // the file is optional on update

    const auto removed = await(m_client->remove(KandjiClient::Library::Profiles, id));
    QVERIFY(!removed.error);
    QVERIFY(!service().item(QStringLiteral("custom-profiles"), id));
}

void TestKandjiClient::profileRules_data()
{
    QTest::addColumn<QJsonObject>("fields");
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<QString>("errorContains");
    const QJsonObject ok = obj({ { QStringLiteral("name"), QStringLiteral("P") }, { QStringLiteral("runs_on_mac"), true } });
    QTest::newRow("no platform") << obj({ { QStringLiteral("name"), QStringLiteral("P") } }) << QByteArray(plist) << "at least one platform";
    QTest::newRow("every platform false") << obj({ { QStringLiteral("name"), QStringLiteral("P") }, { QStringLiteral("runs_on_mac"), false } })
                                          << QByteArray(plist) << "at least one platform";
    QTest::newRow("no name") << obj({ { QStringLiteral("runs_on_mac"), true } }) << QByteArray(plist) << "\"name\" is required";
    QTest::newRow("flag not a boolean") << obj({ { QStringLiteral("name"), QStringLiteral("P") }, { QStringLiteral("runs_on_mac"), QStringLiteral("yes") } })
                                        << QByteArray(plist) << "must be true or false";
    QTest::newRow("not xml") << ok << QByteArray("hello") << "not a well-formed property list";
    QTest::newRow("unclosed tag") << ok << QByteArray("<plist><dict><key>a</key></plist>") << "not a well-formed property list";
    QTest::newRow("other root") << ok << QByteArray("<html><body/></html>") << "root element is <html>";
    QTest::newRow("plist without dict") << ok << QByteArray("<plist><array/></plist>") << "must hold one <dict>";
}

void TestKandjiClient::profileRules()
{
    QFETCH(QJsonObject, fields);
    QFETCH(QByteArray, file);
    QFETCH(QString, errorContains);
    const QString path = writeFile(*m_dir, QStringLiteral("p.mobileconfig"), file);
    const auto outcome = await(m_client->createProfile(fields, path));
    QCOMPARE(outcome.error.kind(), ApiError::Kind::Invalid);
    QVERIFY2(outcome.error.message().contains(errorContains), qPrintable(outcome.error.message()));
    QCOMPARE(apiRequests(), 0);
}

void TestKandjiClient::scripts()
{
    const QJsonObject category = service().addCategory(QStringLiteral("Utilities"));
    QList<HttpServerRequest> received;
    connect(m_sandbox->server(), &LoopbackHttpServer::requestReceived, this, [&](const HttpServerRequest &r) { received << r; });
    const auto created = await(m_client->createScript(obj({ { QStringLiteral("name"), QStringLiteral("Hello") },
        { QStringLiteral("script"), QStringLiteral("echo hi") }, { QStringLiteral("execution_frequency"), QStringLiteral("no_enforcement") },
        { QStringLiteral("show_in_self_service"), true }, { QStringLiteral("self_service_category_id"), category.value(QLatin1String("id")) },
        { QStringLiteral("remediation_script"), QStringLiteral("echo fix") } })));
    QVERIFY2(!created.error, qPrintable(created.error.toString()));
    QVERIFY(received.first().header("Content-Type").startsWith("application/json"));
    const QString id = created.result.toObject().value(QLatin1String("id")).toString();
    const auto stored = service().item(QStringLiteral("custom-scripts"), id);
    QCOMPARE(stored->value(QLatin1String("remediation_script")).toString(), QStringLiteral("echo fix"));
    QCOMPARE(stored->value(QLatin1String("execution_frequency")).toString(), QStringLiteral("no_enforcement"));

    const auto updated = await(m_client->updateScript(id, obj({ { QStringLiteral("execution_frequency"), QStringLiteral("every_day") } })));
    QVERIFY2(!updated.error, qPrintable(updated.error.toString()));
    QCOMPARE(service().item(QStringLiteral("custom-scripts"), id)->value(QLatin1String("execution_frequency")).toString(), QStringLiteral("every_day"));
    QCOMPARE(QJsonDocument::fromJson(received.last().body).object().keys(), QStringList { QStringLiteral("execution_frequency") });

    QVERIFY(!await(m_client->remove(KandjiClient::Library::Scripts, id)).error);
    QVERIFY(!service().item(QStringLiteral("custom-scripts"), id));
}

void TestKandjiClient::scriptRules_data()
{
    QTest::addColumn<QJsonObject>("fields");
    QTest::addColumn<QString>("errorContains");
    auto base = [](const QString &frequency) {
        return obj({ { QStringLiteral("name"), QStringLiteral("S") }, { QStringLiteral("script"), QStringLiteral("echo") },
                     { QStringLiteral("execution_frequency"), frequency } });
    };
    QTest::newRow("no_enforcement without self service") << base(QStringLiteral("no_enforcement")) << "must be shown in Self Service";
    QJsonObject noCategory = base(QStringLiteral("once"));
    noCategory.insert(QStringLiteral("show_in_self_service"), true);
    QTest::newRow("self service without category") << noCategory << "needs a Self Service category";
    QTest::newRow("unknown frequency") << base(QStringLiteral("hourly")) << "must be one of once, every_15_min, every_day, no_enforcement";
    QTest::newRow("no script") << obj({ { QStringLiteral("name"), QStringLiteral("S") }, { QStringLiteral("execution_frequency"), QStringLiteral("once") } })
                               << "\"script\" is required";
}

void TestKandjiClient::scriptRules()
{
    QFETCH(QJsonObject, fields);
    QFETCH(QString, errorContains);
    const auto outcome = await(m_client->createScript(fields));
    QCOMPARE(outcome.error.kind(), ApiError::Kind::Invalid);
    QVERIFY2(outcome.error.message().contains(errorContains), qPrintable(outcome.error.message()));
    QCOMPARE(apiRequests(), 0);
}

void TestKandjiClient::appCreateUploadsThroughPresignedPost()
{
    const QByteArray bytes = QByteArray("installer bytes ").repeated(4096);
    const QString file = writeFile(*m_dir, QStringLiteral("Tool.pkg"), bytes);
    QList<HttpServerRequest> storage;
    connect(m_sandbox->storageServer(), &LoopbackHttpServer::requestReceived, this, [&](const HttpServerRequest &r) { storage << r; });
    QList<HttpServerRequest> api;
    connect(m_sandbox->server(), &LoopbackHttpServer::requestReceived, this, [&](const HttpServerRequest &r) { api << r; });

    KandjiAppJob *job = m_client->createApp(obj({ { QStringLiteral("name"), QStringLiteral("Tool") },
        { QStringLiteral("install_type"), QStringLiteral("package") }, { QStringLiteral("install_enforcement"), QStringLiteral("install_once") } }), file);
    QSignalSpy waits(job, &KandjiAppJob::waiting);
    QSignalSpy progress(job, &Job::progress);
    const auto outcome = await(job);
    QVERIFY2(!outcome.error, qPrintable(outcome.error.toString()));
    const QJsonObject app = outcome.result.toObject();
    QCOMPARE(app.value(QLatin1String("uploaded")).toBool(), true);
    QCOMPARE(app.value(QLatin1String("sha256")).toString(),
             QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()));
    QCOMPARE(service().storedFile(app.value(QLatin1String("file_key")).toString()), bytes);
    QCOMPARE(KandjiRules::fileNameFromKey(app.value(QLatin1String("file_key")).toString()), QStringLiteral("Tool.pkg"));

    // The storage POST: no Kandji credentials, an exact Content-Length, the fields then the file.
    QCOMPARE(storage.size(), 1);
    QVERIFY(!storage.first().hasHeader("Authorization"));
    QCOMPARE(storage.first().header("Content-Length").toLongLong(), storage.first().bodySize);
    QVERIFY(!storage.first().hasHeader("Transfer-Encoding"));
    QVERIFY(storage.first().body.indexOf("name=\"key\"") < storage.first().body.indexOf("name=\"file\""));
    QVERIFY(!progress.isEmpty());
    // Slot, then create (503 once while processing, then 201).
    QCOMPARE(api.size(), 3);
    QCOMPARE(api.at(0).path, QStringLiteral("/api/v1/library/custom-apps/upload"));
    QVERIFY(api.at(1).header("Content-Type").startsWith("application/x-www-form-urlencoded"));
    QVERIFY(api.at(1).body.contains("file_key="));
    QCOMPARE(waits.size(), 1);
    QCOMPARE(waits.first().at(1).toInt(), 1000);
}

void TestKandjiClient::bigUploadOnASlowLinkOutlivesTheRequestDeadline()
{
    // 50 MB through a link of 6 MB/s takes some 8 s; the tenant's requests must answer within
    // 4 s in all. The upload keeps going because it makes progress: only inactivity ends it.
    constexpr qint64 size = 50 * 1024 * 1024;
    QString sha256;
    const QString file = writeLargeFile(*m_dir, QStringLiteral("Large.pkg"), size, &sha256);
    QVERIFY(!file.isEmpty());
    SlowLink link(m_sandbox->storageServer()->port(), 6 * 1024 * 1024);
    QVERIFY(link.listen());
    service().setStorageOrigin(link.origin());
    m_http->setDeadline(4000);
    m_client->setStorageIdleTimeout(10000); // far above the deadline, and above a loaded machine's stalls
    QElapsedTimer clock;
    clock.start();
    const auto outcome = await(m_client->createApp(obj({ { QStringLiteral("name"), QStringLiteral("Large") },
        { QStringLiteral("install_type"), QStringLiteral("package") }, { QStringLiteral("install_enforcement"), QStringLiteral("install_once") } }), file), 60000);
    QVERIFY2(!outcome.error, qPrintable(outcome.error.toString()));
    QVERIFY2(clock.elapsed() > 4000, "the link was not slow: the test proves nothing");
    qInfo("50 MB upload through a 6 MB/s link took %lld ms (request deadline 4 s)", clock.elapsed());
    QCOMPARE(outcome.result.toObject().value(QLatin1String("sha256")).toString(), sha256);
    QCOMPARE(link.passed() > size, true);
}

void TestKandjiClient::stalledUploadEndsAfterInactivity()
{
    // A link that stops passing bytes: the upload fails after the idle timeout, and nothing is created.
    QString sha256;
    const QString file = writeLargeFile(*m_dir, QStringLiteral("Stuck.pkg"), 40 * 1024 * 1024, &sha256);
    QVERIFY(!file.isEmpty());
    SlowLink link(m_sandbox->storageServer()->port(), 0);
    QVERIFY(link.listen());
    service().setStorageOrigin(link.origin());
    m_client->setStorageIdleTimeout(800);
    QElapsedTimer clock;
    clock.start();
    const auto outcome = await(m_client->createApp(obj({ { QStringLiteral("name"), QStringLiteral("Stuck") },
        { QStringLiteral("install_type"), QStringLiteral("package") }, { QStringLiteral("install_enforcement"), QStringLiteral("install_once") } }), file), 60000);
    QVERIFY(outcome.finished);
    QCOMPARE(outcome.error.kind(), ApiError::Kind::Timeout);
    QVERIFY2(outcome.error.message().contains(QLatin1String("0.8 s")), qPrintable(outcome.error.message()));
    QVERIFY(clock.elapsed() < 30000);
    QCOMPARE(service().storageUploads(), 0);
    QCOMPARE(service().itemCount(QStringLiteral("custom-apps")), 0);
}

void TestKandjiClient::appUpdateSkipsUploadWhenSha256Matches()
{
    const QByteArray bytes("same installer");
    const QJsonObject app = service().addApp(obj({ { QStringLiteral("name"), QStringLiteral("App") } }), bytes, QStringLiteral("App.pkg"));
    const QString id = app.value(QLatin1String("id")).toString();
    const QString same = writeFile(*m_dir, QStringLiteral("App.pkg"), bytes);
    const auto metadataOnly = await(m_client->updateApp(id, obj({ { QStringLiteral("restart"), true } }), same));
    QVERIFY2(!metadataOnly.error, qPrintable(metadataOnly.error.toString()));
    QCOMPARE(metadataOnly.result.toObject().value(QLatin1String("uploaded")).toBool(), false);
    QCOMPARE(service().storageUploads(), 0);
    QCOMPARE(service().item(QStringLiteral("custom-apps"), id)->value(QLatin1String("restart")).toBool(), true);

    const QString changed = writeFile(*m_dir, QStringLiteral("App2.pkg"), "a new build");
    const auto uploaded = await(m_client->updateApp(id, {}, changed));
    QVERIFY2(!uploaded.error, qPrintable(uploaded.error.toString()));
    QCOMPARE(uploaded.result.toObject().value(QLatin1String("uploaded")).toBool(), true);
    QCOMPARE(service().storageUploads(), 1);
    QCOMPARE(service().item(QStringLiteral("custom-apps"), id)->value(QLatin1String("sha256")).toString(),
             QString::fromLatin1(QCryptographicHash::hash("a new build", QCryptographicHash::Sha256).toHex()));
}

void TestKandjiClient::appProcessingRetrySchedule()
{
    service().setProcessingAnswers(6);
    const QString file = writeFile(*m_dir, QStringLiteral("Big.pkg"), "x");
    KandjiAppJob *job = m_client->createApp(obj({ { QStringLiteral("name"), QStringLiteral("Big") },
        { QStringLiteral("install_type"), QStringLiteral("package") }, { QStringLiteral("install_enforcement"), QStringLiteral("install_once") } }), file);
    QSignalSpy waits(job, &KandjiAppJob::waiting);
    const auto outcome = await(job);
    QVERIFY2(!outcome.error, qPrintable(outcome.error.toString()));
    QList<int> delays;
    for (const auto &args : waits)
        delays << args.at(1).toInt();
    QCOMPARE(delays, (QList<int> { 1000, 2000, 4000, 8000, 16000, 30000 }));
}

void TestKandjiClient::appProcessingGivesUpAfter300s()
{
    service().setProcessingAnswers(1000);
    const QString file = writeFile(*m_dir, QStringLiteral("Stuck.pkg"), "x");
    KandjiAppJob *job = m_client->createApp(obj({ { QStringLiteral("name"), QStringLiteral("Stuck") },
        { QStringLiteral("install_type"), QStringLiteral("package") }, { QStringLiteral("install_enforcement"), QStringLiteral("install_once") } }), file);
    QSignalSpy waits(job, &KandjiAppJob::waiting);
    const auto outcome = await(job);
    QCOMPARE(outcome.error.httpStatus(), 503);
    QVERIFY2(outcome.error.message().contains(QLatin1String("still processing")), qPrintable(outcome.error.message()));
    int total = 0;
    for (const auto &args : waits)
        total += args.at(1).toInt();
    QVERIFY(total <= KandjiAppJob::ProcessingBudgetMs);
    QVERIFY(total + 30000 > KandjiAppJob::ProcessingBudgetMs); // the next wait would pass 300 s
    QCOMPARE(waits.size(), 13); // 1+2+4+8+16 = 31 s, then eight waits of 30 s: 271 s; a ninth would make 301
}

void TestKandjiClient::appRules_data()
{
    QTest::addColumn<QJsonObject>("fields");
    QTest::addColumn<bool>("withFile");
    QTest::addColumn<QString>("errorContains");
    auto app = [](const QString &type, const QString &enforcement) {
        return obj({ { QStringLiteral("name"), QStringLiteral("A") }, { QStringLiteral("install_type"), type },
                     { QStringLiteral("install_enforcement"), enforcement } });
    };
    QJsonObject audit = app(QStringLiteral("package"), QStringLiteral("install_once"));
    audit.insert(QStringLiteral("audit_script"), QStringLiteral("exit 0"));
    QTest::newRow("audit script without continuous enforcement") << audit << true << "only allowed with continuously_enforce";
    QTest::newRow("zip without unzip location") << app(QStringLiteral("zip"), QStringLiteral("install_once")) << true << "unzip location";
    QTest::newRow("no enforcement without self service") << app(QStringLiteral("package"), QStringLiteral("no_enforcement")) << true
                                                         << "must be shown in Self Service";
    QTest::newRow("unknown install type") << app(QStringLiteral("msi"), QStringLiteral("install_once")) << true << "must be one of package, zip, image";
    QTest::newRow("no installer") << app(QStringLiteral("package"), QStringLiteral("install_once")) << false << "needs its installer";
    QJsonObject key = app(QStringLiteral("package"), QStringLiteral("install_once"));
    key.insert(QStringLiteral("file_key"), QStringLiteral("x"));
    QTest::newRow("file_key given by hand") << key << true << "file_key is set by the upload";
}

void TestKandjiClient::appRules()
{
    QFETCH(QJsonObject, fields);
    QFETCH(bool, withFile);
    QFETCH(QString, errorContains);
    const QString file = withFile ? writeFile(*m_dir, QStringLiteral("a.pkg"), "x") : QString();
    const auto outcome = await(m_client->createApp(fields, file));
    QCOMPARE(outcome.error.kind(), ApiError::Kind::Invalid);
    QVERIFY2(outcome.error.message().contains(errorContains), qPrintable(outcome.error.message()));
    QCOMPARE(apiRequests(), 0);
    QCOMPARE(m_sandbox->storageServer()->requestCount(), 0);
}

void TestKandjiClient::downloadKeepsOnlyAVerifiedFile()
{
    const QByteArray bytes = QByteArray("payload").repeated(10000);
    const QJsonObject app = service().addApp(obj({ { QStringLiteral("name"), QStringLiteral("D") } }), bytes, QStringLiteral("D.pkg"));
    QList<HttpServerRequest> storage;
    connect(m_sandbox->storageServer(), &LoopbackHttpServer::requestReceived, this, [&](const HttpServerRequest &r) { storage << r; });
    const QString good = m_dir->filePath(QStringLiteral("good.pkg"));
    const auto ok = await(m_client->downloadApp(app, good));
    QVERIFY2(!ok.error, qPrintable(ok.error.toString()));
    QFile file(good);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), bytes);
    QVERIFY(!storage.first().hasHeader("Authorization"));

    service().corruptStoredFile(app.value(QLatin1String("file_key")).toString());
    const QString bad = m_dir->filePath(QStringLiteral("bad.pkg"));
    const auto corrupted = await(m_client->downloadApp(app, bad));
    QCOMPARE(corrupted.error.kind(), ApiError::Kind::Parse);
    QVERIFY(corrupted.error.message().contains(QLatin1String("integrity")));
    QVERIFY(!QFile::exists(bad));
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files).size(), 1); // no temporary file left either
}

void TestKandjiClient::blueprints()
{
    service().setPageSize(2);
    const QString a = service().addBlueprint(QStringLiteral("Staging"), QStringLiteral("classic")).value(QLatin1String("id")).toString();
    const QString b = service().addBlueprint(QStringLiteral("Production"), QStringLiteral("classic")).value(QLatin1String("id")).toString();
    service().addBlueprint(QStringLiteral("Stage two"), QStringLiteral("map"));
    service().addTemplate(QStringLiteral("Recommended"));

    auto names = [](const TestSupport::Outcome &o) {
        QStringList list;
        for (const QJsonValue &v : o.result.toObject().value(QLatin1String("results")).toArray())
            list << v.toObject().value(QLatin1String("name")).toString();
        return list;
    };
    QCOMPARE(names(await(m_client->listBlueprints())), (QStringList { QStringLiteral("Staging"), QStringLiteral("Production"), QStringLiteral("Stage two") }));
    QCOMPARE(names(await(m_client->listBlueprints(QStringLiteral("stag")))), (QStringList { QStringLiteral("Staging"), QStringLiteral("Stage two") }));
    QCOMPARE(names(await(m_client->listBlueprints({}, { a, b }))), (QStringList { QStringLiteral("Staging"), QStringLiteral("Production") }));
    QCOMPARE(names(await(m_client->listTemplates())), QStringList { QStringLiteral("Recommended") });
    QCOMPARE(await(m_client->getBlueprint(b)).result.toObject().value(QLatin1String("name")).toString(), QStringLiteral("Production"));

    QList<HttpServerRequest> received;
    connect(m_sandbox->server(), &LoopbackHttpServer::requestReceived, this, [&](const HttpServerRequest &r) { received << r; });
    const auto created = await(m_client->createBlueprint(obj({ { QStringLiteral("name"), QStringLiteral("Lab") }, { QStringLiteral("type"), QStringLiteral("map") } })));
    QVERIFY2(!created.error, qPrintable(created.error.toString()));
    QVERIFY(received.last().header("Content-Type").startsWith("application/x-www-form-urlencoded"));
    QVERIFY(received.last().body.contains("enrollment_code.is_active=false"));
    const QString lab = created.result.toObject().value(QLatin1String("id")).toString();
    QCOMPARE(created.result.toObject().value(QLatin1String("type")).toString(), QStringLiteral("map"));

    const auto duplicate = await(m_client->createBlueprint(obj({ { QStringLiteral("name"), QStringLiteral("Lab") } })));
    QCOMPARE(duplicate.error.httpStatus(), 400);
    QVERIFY(duplicate.error.message().contains(QLatin1String("already exists")));

    QVERIFY(!await(m_client->updateBlueprint(lab, obj({ { QStringLiteral("description"), QStringLiteral("Lab Macs") } }))).error);
    QCOMPARE(service().item(QStringLiteral("blueprints"), lab)->value(QLatin1String("description")).toString(), QStringLiteral("Lab Macs"));
    QCOMPARE(await(m_client->updateBlueprint(lab, obj({ { QStringLiteral("type"), QStringLiteral("classic") } }))).error.kind(), ApiError::Kind::Invalid);

    QVERIFY(!await(m_client->deleteBlueprint(lab)).error);
    QVERIFY(!service().item(QStringLiteral("blueprints"), lab));
}

void TestKandjiClient::blueprintAssignment()
{
    const QString classic = service().addBlueprint(QStringLiteral("Classic"), QStringLiteral("classic")).value(QLatin1String("id")).toString();
    const QString map = service().addBlueprint(QStringLiteral("Map"), QStringLiteral("map")).value(QLatin1String("id")).toString();
    const QString node = service().assignmentNodes(map).value(0);
    const QString item = service().addScript(obj({ { QStringLiteral("name"), QStringLiteral("S") } })).value(QLatin1String("id")).toString();

    const auto assigned = await(m_client->assign(classic, item));
    QVERIFY2(!assigned.error, qPrintable(assigned.error.toString()));
    QCOMPARE(assigned.result.toObject().value(QLatin1String("assigned")).toArray(), QJsonArray { item });
    QCOMPARE(assigned.result.toObject().value(QLatin1String("alreadyAssigned")).toBool(), false);
    QCOMPARE(service().blueprintItems(classic), QStringList { item });

    const auto again = await(m_client->assign(classic, item));
    QVERIFY2(!again.error, "a duplicate is not a failure");
    QCOMPARE(again.result.toObject().value(QLatin1String("alreadyAssigned")).toBool(), true);

    const auto items = await(m_client->listBlueprintItems(classic));
    QCOMPARE(items.result.toObject().value(QLatin1String("count")).toInt(), 1);

    const auto noNode = await(m_client->assign(map, item));
    QCOMPARE(noNode.error.httpStatus(), 400);
    QCOMPARE(noNode.error.message(), QStringLiteral("Must provide assignment_node_id for Assignment Map Blueprint"));
    const auto nodeOnClassic = await(m_client->assign(classic, item, node));
    QCOMPARE(nodeOnClassic.error.message(), QStringLiteral("assignment_node_id cannot be provided for Classic Blueprint"));
    QVERIFY(!await(m_client->assign(map, item, node)).error);
    const auto mapDuplicate = await(m_client->assign(map, item, node));
    QCOMPARE(mapDuplicate.result.toObject().value(QLatin1String("alreadyAssigned")).toBool(), true);

    const auto removed = await(m_client->unassign(classic, item));
    QVERIFY(!removed.error);
    QCOMPARE(service().blueprintItems(classic), QStringList());
    const auto notThere = await(m_client->unassign(classic, item));
    QCOMPARE(notThere.error.message(), QStringLiteral("Library Item does not exist on Blueprint"));

    // Removing from a map takes the node too.
    QCOMPARE(await(m_client->unassign(map, item)).error.message(), QStringLiteral("Must provide assignment_node_id for Assignment Map Blueprint"));
    QCOMPARE(service().blueprintItems(map), QStringList { item });
    QVERIFY(!await(m_client->unassign(map, item, node)).error);
    QCOMPARE(service().blueprintItems(map), QStringList());
    QCOMPARE(await(m_client->unassign(map, item, node)).error.message(), QStringLiteral("Library Item does not exist in Assignment Node"));
}

void TestKandjiClient::assignManyReportsEachItem()
{
    const QString blueprint = service().addBlueprint(QStringLiteral("Many"), QStringLiteral("classic")).value(QLatin1String("id")).toString();
    QStringList items;
    for (int i = 0; i < 4; ++i)
        items << service().addScript(obj({ { QStringLiteral("name"), QStringLiteral("S%1").arg(i) } })).value(QLatin1String("id")).toString();
    service().assignDirect(blueprint, items.at(1));
    items << QStringLiteral("12345678-1234-4234-8234-123456789012"); // not in the library
    auto *job = new KandjiAssignJob(m_client, blueprint, items, KandjiAssignJob::Action::Assign);
    QSignalSpy progress(job, &Job::progress);
    job->start();
    const auto outcome = await(job);
    QVERIFY(!outcome.error);
    QStringList statuses;
    for (const QJsonValue &v : outcome.result.toArray())
        statuses << v.toObject().value(QLatin1String("status")).toString();
    QCOMPARE(statuses, (QStringList { QStringLiteral("assigned"), QStringLiteral("already assigned"), QStringLiteral("assigned"),
                                      QStringLiteral("assigned"), QStringLiteral("failed") }));
    QVERIFY(outcome.result.toArray().last().toObject().value(QLatin1String("error")).toString().contains(QLatin1String("Library Item does not exist")));
    QCOMPARE(progress.last().at(0).toLongLong(), 5);
    QCOMPARE(service().blueprintItems(blueprint).size(), 4);

    auto *removal = new KandjiAssignJob(m_client, blueprint, items.mid(0, 2), KandjiAssignJob::Action::Remove);
    removal->start();
    const auto removed = await(removal);
    QCOMPARE(removed.result.toArray().at(0).toObject().value(QLatin1String("status")).toString(), QStringLiteral("removed"));
    QCOMPARE(service().blueprintItems(blueprint).size(), 2);
}

void TestKandjiClient::categories()
{
    service().addCategory(QStringLiteral("Apps"));
    const QString utilities = service().addCategory(QStringLiteral("Utilities")).value(QLatin1String("id")).toString();
    const auto list = await(m_client->categories());
    QCOMPARE(list.result.toObject().value(QLatin1String("count")).toInt(), 2);
    QCOMPARE(await(m_client->resolveCategory(QStringLiteral("uTiLiTiEs"))).result.toObject().value(QLatin1String("id")).toString(), utilities);
    QCOMPARE(await(m_client->resolveCategory(utilities.toUpper())).result.toObject().value(QLatin1String("name")).toString(), QStringLiteral("Utilities"));
    const auto unknown = await(m_client->resolveCategory(QStringLiteral("Games")));
    QCOMPARE(unknown.error.kind(), ApiError::Kind::NotFound);
    QCOMPARE(unknown.error.message(), QStringLiteral("Unable to get ID for category 'Games'. Ensure the category exists."));
}

void TestKandjiClient::budgetWarnsThenRefuses()
{
    qint64 now = 1'000'000;
    m_client->budget()->setClock([&now] { return now; });
    m_client->budget()->setLimit(5);
    QSignalSpy warnings(m_client->budget(), &KandjiRateBudget::warning);
    for (int i = 0; i < 5; ++i)
        QVERIFY(!await(m_client->categories()).error);
    QCOMPARE(warnings.size(), 1);
    QCOMPARE(warnings.first().at(0).toInt(), 4); // 80 % of 5, before the limit
    const int sent = apiRequests();
    const auto refused = await(m_client->categories());
    QCOMPARE(refused.error.kind(), ApiError::Kind::Unavailable);
    QVERIFY(refused.error.message().contains(QLatin1String("5 requests per hour")));
    QCOMPARE(apiRequests(), sent);
    now += 3'600'001; // the window slides
    QVERIFY(!await(m_client->categories()).error);
    QCOMPARE(m_client->budget()->used(), 1);

    // The HTTP client's own retries are requests too.
    m_sandbox->failNext(1, 503);
    QVERIFY(!await(m_client->categories()).error);
    QCOMPARE(m_client->budget()->used(), 3);
}

void TestKandjiClient::probe()
{
    const auto ok = await(m_client->probe());
    QVERIFY2(!ok.error, qPrintable(ok.error.toString()));
    const QJsonObject identity = ok.result.toObject();
    QCOMPARE(identity.value(QLatin1String("authMethod")).toString(), QStringLiteral("Bearer token"));
    QCOMPARE(identity.value(QLatin1String("capabilities")).toArray().size(), 5);
    QVERIFY(identity.value(QLatin1String("warnings")).toArray().isEmpty());
    for (const char *key : { "user", "serverVersion" })
        QVERIFY(identity.value(QLatin1String(key)).isString());

    service().setForbiddenAreas({ QStringLiteral("custom-apps") });
    const auto partial = await(m_client->probe());
    QVERIFY(!partial.error);
    QCOMPARE(partial.result.toObject().value(QLatin1String("capabilities")).toArray(),
             (QJsonArray { QStringLiteral("custom-profiles"), QStringLiteral("custom-scripts"), QStringLiteral("blueprints"), QStringLiteral("self-service-categories") }));
    QVERIFY(partial.result.toObject().value(QLatin1String("warnings")).toArray().first().toString().contains(QLatin1String("custom-apps")));

    service().setToken(QStringLiteral("11111111-1111-4111-8111-111111111111"));
    const auto denied = await(m_client->probe());
    QCOMPARE(denied.error.kind(), ApiError::Kind::Auth);
}

void TestKandjiClient::invalidIdsAreRefusedBeforeSending()
{
    QCOMPARE(await(m_client->get(KandjiClient::Library::Apps, QStringLiteral("../../blueprints"))).error.kind(), ApiError::Kind::Invalid);
    QCOMPARE(await(m_client->deleteBlueprint(QStringLiteral("x"))).error.kind(), ApiError::Kind::Invalid);
    QCOMPARE(await(m_client->assign(QStringLiteral("12345678-1234-4234-8234-123456789012"), QStringLiteral("nope"))).error.kind(), ApiError::Kind::Invalid);
    QCOMPARE(await(m_client->listBlueprintItems(QStringLiteral("?"))).error.kind(), ApiError::Kind::Invalid);
    QCOMPARE(apiRequests(), 0);
}

void TestKandjiClient::notFoundIsAnHtmlPage()
{
    const auto missing = await(m_client->get(KandjiClient::Library::Scripts, QStringLiteral("12345678-1234-4234-8234-123456789012")));
    QVERIFY(missing.error.isNotFound());
    QCOMPARE(missing.error.message(), QStringLiteral("Not Found Not Found The requested resource was not found on this server."));
}

QTEST_GUILESS_MAIN(TestKandjiClient)
#include "tst_kandjiclient.moc"
