#include "loopbackhttpserver.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryFile>
#include <QTest>

#include <memory>

class TestLoopbackHttpServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void largeUploadIsCountedNotKept(); // first: the peak RSS is still low
    void getSeesPathQueryAndHeaders_data();
    void getSeesPathQueryAndHeaders();
    void postBodyArrivesIntact_data();
    void postBodyArrivesIntact();
    void chunkedBodyArrivesIntact();
    void expectContinueGetsInterimAnswer();
    void keepAliveReusesOneConnection();
    void connectionCloseIsHonoured();
    void headAnswerHasLengthButNoBody();
    void noHandlerAnswers404Json();
    void respondLaterDelaysTheAnswer();
    void dropClosesWithoutAnswer();
    void secondAnswerIsIgnored();
    void disconnectBeforeAnswerReleasesRequest();
    void maxInFlightCountsConcurrentRequests();
    void malformedRequestGets400_data();
    void malformedRequestGets400();

private:
    // Waits for the reply to finish; false on timeout.
    static bool waitFor(QNetworkReply *reply, int ms = 15000);
    // Sends raw bytes on a new connection and returns everything read until the server closes
    // it (m_closedByServer tells whether it did within 10 s).
    QByteArray rawExchange(const QByteArray &bytes);
    QNetworkRequest request(const QString &pathAndQuery) const;

    std::unique_ptr<LoopbackHttpServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    bool m_closedByServer = false;
};

void TestLoopbackHttpServer::init()
{
    m_server = std::make_unique<LoopbackHttpServer>();
    QVERIFY(m_server->listen());
    m_nam = std::make_unique<QNetworkAccessManager>();
}

void TestLoopbackHttpServer::cleanup()
{
    m_nam.reset();
    m_server.reset();
}

bool TestLoopbackHttpServer::waitFor(QNetworkReply *reply, int ms)
{
    if (reply->isFinished())
        return true;
    QSignalSpy spy(reply, &QNetworkReply::finished);
    return spy.wait(ms);
}

QByteArray TestLoopbackHttpServer::rawExchange(const QByteArray &bytes)
{
    m_closedByServer = false;
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server->port());
    if (!socket.waitForConnected(5000))
        return "(no connection)";
    socket.write(bytes);
    QByteArray answer;
    QElapsedTimer timer;
    timer.start();
    while (socket.state() != QAbstractSocket::UnconnectedState && timer.elapsed() < 10000) {
        QTest::qWait(10);
        answer += socket.readAll();
    }
    m_closedByServer = socket.state() == QAbstractSocket::UnconnectedState;
    return answer + socket.readAll();
}

QNetworkRequest TestLoopbackHttpServer::request(const QString &pathAndQuery) const
{
    return QNetworkRequest(m_server->baseUrl().resolved(QUrl(pathAndQuery)));
}

void TestLoopbackHttpServer::largeUploadIsCountedNotKept()
{
    constexpr qint64 size = 50 * 1024 * 1024;
    QTemporaryFile file;
    QVERIFY(file.open());
    const QByteArray block(1024 * 1024, 'x');
    for (qint64 written = 0; written < size; written += block.size())
        QCOMPARE(file.write(block), qint64(block.size()));
    QVERIFY(file.flush());
    QVERIFY(file.seek(0));

    m_server->setBodyLimit(1024);
    HttpServerRequest seen;
    m_server->setHandler([&](const HttpServerRequest &r, HttpResponder *responder) {
        seen = r;
        responder->respond(201);
    });

    const qint64 peakBefore = TestSupport::peakRssKiB();
    QNetworkRequest req = request(QStringLiteral("/upload"));
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/octet-stream"));
    std::unique_ptr<QNetworkReply> reply(m_nam->post(req, &file));
    QVERIFY(waitFor(reply.get(), 60000));
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 201);

    QCOMPARE(seen.bodySize, size);
    QVERIFY(seen.body.isEmpty());
    const qint64 growthKiB = TestSupport::peakRssKiB() - peakBefore;
    qInfo() << "peak RSS growth during a 50 MiB upload:" << growthKiB << "KiB";
    if (TestSupport::MemoryFiguresHold)
        QVERIFY2(growthKiB < 20 * 1024, qPrintable(QString::number(growthKiB)));
}

void TestLoopbackHttpServer::getSeesPathQueryAndHeaders_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("encodedPath");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QStringList>("values");

    QTest::newRow("plain path, one item") << QStringLiteral("/v1/buckets?_limit=2") << QStringLiteral("/v1/buckets")
                                          << QByteArray("/v1/buckets") << QStringLiteral("_limit")
                                          << QStringList{QStringLiteral("2")};
    QTest::newRow("repeated keys keep order") << QStringLiteral("/search?tag=a&x=1&tag=b") << QStringLiteral("/search")
                                              << QByteArray("/search") << QStringLiteral("tag")
                                              << QStringList{QStringLiteral("a"), QStringLiteral("b")};
    QTest::newRow("percent-encoded path and value")
        << QStringLiteral("/records/a%20b%2Fc?q=x%26y%3Dz") << QStringLiteral("/records/a b/c")
        << QByteArray("/records/a%20b%2Fc") << QStringLiteral("q") << QStringList{QStringLiteral("x&y=z")};
    QTest::newRow("no query") << QStringLiteral("/") << QStringLiteral("/") << QByteArray("/") << QStringLiteral("q")
                              << QStringList{};
}

void TestLoopbackHttpServer::getSeesPathQueryAndHeaders()
{
    QFETCH(QString, url);
    QFETCH(QString, path);
    QFETCH(QByteArray, encodedPath);
    QFETCH(QString, key);
    QFETCH(QStringList, values);

    HttpServerRequest seen;
    m_server->setHandler([&](const HttpServerRequest &r, HttpResponder *responder) {
        seen = r;
        responder->respondJson(200, R"({"ok":true})");
    });
    QSignalSpy received(m_server.get(), &LoopbackHttpServer::requestReceived);

    QNetworkRequest req(QUrl::fromEncoded(m_server->baseUrl().toEncoded() + url.toUtf8()));
    req.setRawHeader("X-Tenant", "acme");
    req.setRawHeader("Authorization", "Bearer t0k");
    std::unique_ptr<QNetworkReply> reply(m_nam->get(req));
    QVERIFY(waitFor(reply.get()));

    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->header(QNetworkRequest::ContentTypeHeader).toString(), QStringLiteral("application/json"));
    QCOMPARE(reply->readAll(), QByteArray(R"({"ok":true})"));
    QCOMPARE(received.count(), 1);
    QCOMPARE(seen.method, QByteArray("GET"));
    QCOMPARE(seen.target, url.toUtf8());
    QCOMPARE(seen.path, path);
    QCOMPARE(seen.encodedPath, encodedPath);
    QCOMPARE(seen.query.allQueryItemValues(key, QUrl::FullyDecoded), values);
    QCOMPARE(seen.header("x-tenant"), QByteArray("acme"));
    QCOMPARE(seen.header("AUTHORIZATION"), QByteArray("Bearer t0k"));
    QVERIFY(!seen.hasHeader("X-Absent"));
    QCOMPARE(seen.peer, QHostAddress(QHostAddress::LocalHost));
}

void TestLoopbackHttpServer::postBodyArrivesIntact_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("json") << QByteArray(R"({"data":{"title":"été"}})");
    QByteArray binary(3 * 1024 * 1024 + 17, Qt::Uninitialized);
    for (qsizetype i = 0; i < binary.size(); ++i)
        binary[i] = char((i * 7919) % 251);
    QTest::newRow("3 MiB binary") << binary;
}

void TestLoopbackHttpServer::postBodyArrivesIntact()
{
    QFETCH(QByteArray, body);
    HttpServerRequest seen;
    m_server->setHandler([&](const HttpServerRequest &r, HttpResponder *responder) {
        seen = r;
        responder->respond(200, {{"Content-Type", "text/plain"}}, QByteArray::number(r.bodySize));
    });
    QNetworkRequest req = request(QStringLiteral("/echo"));
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/octet-stream"));
    std::unique_ptr<QNetworkReply> reply(m_nam->post(req, body));
    QVERIFY(waitFor(reply.get()));
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->readAll(), QByteArray::number(body.size()));
    QCOMPARE(seen.method, QByteArray("POST"));
    QCOMPARE(seen.bodySize, qint64(body.size()));
    QVERIFY(seen.body == body);
}

void TestLoopbackHttpServer::chunkedBodyArrivesIntact()
{
    HttpServerRequest seen;
    m_server->setHandler([&](const HttpServerRequest &r, HttpResponder *responder) {
        seen = r;
        responder->respond(204);
    });
    const QByteArray answer = rawExchange("PUT /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                                          "Connection: close\r\n\r\n"
                                          "5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\nX-Trailer: 1\r\n\r\n");
    QVERIFY2(answer.startsWith("HTTP/1.1 204 No Content\r\n"), answer.constData());
    QVERIFY(!answer.contains("Content-Length"));
    QCOMPARE(seen.body, QByteArray("hello, world"));
    QCOMPARE(seen.bodySize, qint64(12));
}

void TestLoopbackHttpServer::expectContinueGetsInterimAnswer()
{
    m_server->setHandler([](const HttpServerRequest &r, HttpResponder *responder) {
        responder->respond(200, {}, r.body);
    });
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server->port());
    QVERIFY(socket.waitForConnected(5000));
    socket.write("POST /e HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n");
    QByteArray answer;
    QTRY_VERIFY((answer += socket.readAll()) == "HTTP/1.1 100 Continue\r\n\r\n");
    QCOMPARE(m_server->requestCount(), 0);
    socket.write("ping");
    QTRY_VERIFY((answer += socket.readAll()).endsWith("\r\n\r\nping"));
    QVERIFY(answer.contains("HTTP/1.1 200 OK\r\n"));
}

void TestLoopbackHttpServer::keepAliveReusesOneConnection()
{
    int n = 0;
    m_server->setHandler([&](const HttpServerRequest &, HttpResponder *responder) {
        responder->respond(200, {}, QByteArray::number(++n));
    });
    for (int i = 1; i <= 3; ++i) {
        std::unique_ptr<QNetworkReply> reply(m_nam->get(request(QStringLiteral("/n"))));
        QVERIFY(waitFor(reply.get()));
        QCOMPARE(reply->readAll(), QByteArray::number(i));
    }
    QCOMPARE(m_server->requestCount(), 3);
    QCOMPARE(m_server->connectionCount(), 1);
}

void TestLoopbackHttpServer::connectionCloseIsHonoured()
{
    m_server->setHandler([](const HttpServerRequest &, HttpResponder *responder) { responder->respond(200, {}, "a"); });
    // The second request on the same connection must never be answered.
    const QByteArray answer = rawExchange("GET /1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                                          "GET /2 HTTP/1.1\r\nHost: x\r\n\r\n");
    QVERIFY2(answer.startsWith("HTTP/1.1 200 OK\r\n"), answer.constData());
    QVERIFY(answer.contains("Connection: close\r\n"));
    QVERIFY(answer.endsWith("\r\n\r\na"));
    QVERIFY(m_closedByServer);
    QCOMPARE(answer.count("HTTP/1.1"), 1);
    QCOMPARE(m_server->requestCount(), 1);
}

void TestLoopbackHttpServer::headAnswerHasLengthButNoBody()
{
    m_server->setHandler([](const HttpServerRequest &r, HttpResponder *responder) {
        responder->respond(200, {{"X-Method", r.method}}, "hello");
    });
    // Raw, so that stray body bytes would show.
    const QByteArray answer = rawExchange("HEAD /h HTTP/1.1\r\nHost: x\r\n\r\n"
                                          "GET /g HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    const QByteArray expectedHead = "HTTP/1.1 200 OK\r\nX-Method: HEAD\r\nContent-Length: 5\r\n\r\n";
    QVERIFY2(answer.startsWith(expectedHead), answer.constData());
    QVERIFY2(answer.mid(expectedHead.size()).startsWith("HTTP/1.1 200 OK\r\nX-Method: GET\r\n"), answer.constData());
    QVERIFY(answer.endsWith("\r\n\r\nhello"));

    std::unique_ptr<QNetworkReply> reply(m_nam->head(request(QStringLiteral("/h"))));
    QVERIFY(waitFor(reply.get()));
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(), 5);
    QVERIFY(reply->readAll().isEmpty());
}

void TestLoopbackHttpServer::noHandlerAnswers404Json()
{
    std::unique_ptr<QNetworkReply> reply(m_nam->get(request(QStringLiteral("/nothing"))));
    QVERIFY(waitFor(reply.get()));
    QCOMPARE(reply->error(), QNetworkReply::ContentNotFoundError);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 404);
    QCOMPARE(reply->header(QNetworkRequest::ContentTypeHeader).toString(), QStringLiteral("application/json"));
    QVERIFY(reply->readAll().startsWith('{'));
}

void TestLoopbackHttpServer::respondLaterDelaysTheAnswer()
{
    m_server->setHandler([](const HttpServerRequest &, HttpResponder *responder) {
        responder->respondLater(400, 202, {}, "later");
    });
    QElapsedTimer timer;
    timer.start();
    std::unique_ptr<QNetworkReply> reply(m_nam->get(request(QStringLiteral("/slow"))));
    QTRY_COMPARE(m_server->inFlight(), 1);
    QVERIFY(waitFor(reply.get()));
    const qint64 elapsed = timer.elapsed();
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 202);
    QCOMPARE(reply->readAll(), QByteArray("later"));
    QVERIFY2(elapsed >= 390 && elapsed < 5000, qPrintable(QString::number(elapsed)));
    QCOMPARE(m_server->inFlight(), 0);
}

void TestLoopbackHttpServer::dropClosesWithoutAnswer()
{
    m_server->setHandler([](const HttpServerRequest &, HttpResponder *responder) { responder->drop(); });
    std::unique_ptr<QNetworkReply> reply(m_nam->get(request(QStringLiteral("/drop"))));
    QVERIFY(waitFor(reply.get()));
    QCOMPARE(reply->error(), QNetworkReply::RemoteHostClosedError);
    QCOMPARE(m_server->inFlight(), 0);
}

void TestLoopbackHttpServer::secondAnswerIsIgnored()
{
    m_server->setHandler([](const HttpServerRequest &, HttpResponder *responder) {
        responder->respond(200, {}, "first");
        responder->respond(500, {}, "second");
        responder->drop();
    });
    const QByteArray answer = rawExchange("GET /a HTTP/1.1\r\nHost: x\r\n\r\n"
                                          "GET /b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    QCOMPARE(answer.count("HTTP/1.1 200 OK"), 2);
    QVERIFY(!answer.contains("second"));
    QCOMPARE(m_server->inFlight(), 0);
}

void TestLoopbackHttpServer::disconnectBeforeAnswerReleasesRequest()
{
    QPointer<HttpResponder> pending;
    m_server->setHandler([&](const HttpServerRequest &, HttpResponder *responder) { pending = responder; });
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_server->port());
        QVERIFY(socket.waitForConnected(5000));
        socket.write("GET /gone HTTP/1.1\r\nHost: x\r\n\r\n");
        QTRY_COMPARE(m_server->inFlight(), 1);
        socket.abort();
    }
    QTRY_COMPARE(m_server->inFlight(), 0);
    QVERIFY(pending);
    pending->respond(200, {}, "too late"); // no socket any more: must not crash
    QVERIFY(pending->isAnswered());
    QTRY_VERIFY(!pending); // deleted after answering
    QCOMPARE(m_server->inFlight(), 0);
}

void TestLoopbackHttpServer::maxInFlightCountsConcurrentRequests()
{
    m_server->setHandler([](const HttpServerRequest &, HttpResponder *responder) {
        responder->respondLater(300, 200, {}, "ok");
    });
    std::vector<std::unique_ptr<QNetworkReply>> replies;
    for (int i = 0; i < 5; ++i)
        replies.emplace_back(m_nam->get(request(QStringLiteral("/c/%1").arg(i))));
    for (const auto &reply : replies) {
        QVERIFY(waitFor(reply.get()));
        QCOMPARE(reply->error(), QNetworkReply::NoError);
    }
    QCOMPARE(m_server->maxInFlight(), 5);
    QCOMPARE(m_server->inFlight(), 0);
    QCOMPARE(m_server->requestCount(), 5);

    m_server->resetCounters();
    QCOMPARE(m_server->maxInFlight(), 0);
    QCOMPARE(m_server->requestCount(), 0);
}

void TestLoopbackHttpServer::malformedRequestGets400_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("request line without version") << QByteArray("GET /\r\n\r\n");
    QTest::newRow("unknown protocol version") << QByteArray("GET / HTTP/9.9\r\n\r\n");
    QTest::newRow("garbage request line") << QByteArray("\x01\x02 hello there\r\n\r\n");
    QTest::newRow("target not a path") << QByteArray("GET index.html HTTP/1.1\r\n\r\n");
    QTest::newRow("header without colon") << QByteArray("GET / HTTP/1.1\r\nHost x\r\n\r\n");
    QTest::newRow("folded header") << QByteArray("GET / HTTP/1.1\r\nX-A: 1\r\n  continued\r\n\r\n");
    QTest::newRow("negative content length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: -3\r\n\r\n");
    QTest::newRow("bad chunk size") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");
}

void TestLoopbackHttpServer::malformedRequestGets400()
{
    QFETCH(QByteArray, bytes);
    bool handled = false;
    m_server->setHandler([&](const HttpServerRequest &, HttpResponder *responder) {
        handled = true;
        responder->respond(200);
    });
    const QByteArray answer = rawExchange(bytes);
    QVERIFY2(answer.startsWith("HTTP/1.1 400 Bad Request\r\n"), answer.constData());
    QVERIFY(m_closedByServer);
    QVERIFY(!handled);
    QCOMPARE(m_server->requestCount(), 0);
}

QTEST_GUILESS_MAIN(TestLoopbackHttpServer)
#include "tst_loopbackhttpserver.moc"
