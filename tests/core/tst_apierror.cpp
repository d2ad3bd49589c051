#include "net/apierror.h"
#include "net/retrypolicy.h"

#include <QJsonObject>
#include <QTest>

// ApiError::fromHttp maps each service's error body; RetryPolicy computes CRUDs' delays.
class tst_ApiError : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fromHttp_data();
    void fromHttp();
    void predicates();
    void backoff_data();
    void backoff();
    void retryAfter_data();
    void retryAfter();
};

void tst_ApiError::fromHttp_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<ApiError::Kind>("kind");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");

    QTest::newRow("kinto 412 precondition")
        << 412
        << QByteArray(R"({"code":412,"errno":114,"error":"Precondition Failed","message":"Resource was modified meanwhile","details":{"existing":{"id":"r1","last_modified":12}}})")
        << ApiError::Kind::Conflict << QStringLiteral("114") << QStringLiteral("Resource was modified meanwhile");
    QTest::newRow("kinto 400 schema")
        << 400
        << QByteArray(R"({"code":400,"errno":107,"error":"Invalid parameters","message":"'title' is a required property","details":[{"location":"body","name":"title","description":"'title' is a required property"}]})")
        << ApiError::Kind::Http << QStringLiteral("107") << QStringLiteral("'title' is a required property");
    QTest::newRow("kinto 401")
        << 401 << QByteArray(R"({"code":401,"errno":104,"error":"Unauthorized","message":"Please authenticate yourself to use this endpoint."})")
        << ApiError::Kind::Auth << QStringLiteral("104") << QStringLiteral("Please authenticate yourself to use this endpoint.");
    QTest::newRow("jamf 400 two errors")
        << 400
        << QByteArray(R"({"httpStatus":400,"errors":[{"code":"INVALID_FIELD","field":"displayName","description":"must not be blank","id":"0"},{"code":"DUPLICATE_FIELD","field":"displayName","description":"already exists","id":"0"}]})")
        << ApiError::Kind::Http << QStringLiteral("INVALID_FIELD") << QStringLiteral("displayName: must not be blank; displayName: already exists");
    QTest::newRow("jamf 409 role in use")
        << 409 << QByteArray(R"({"httpStatus":409,"errors":[{"code":"CONFLICT","field":"","description":"API Role is in use","id":"0"}]})")
        << ApiError::Kind::Conflict << QStringLiteral("CONFLICT") << QStringLiteral("API Role is in use");
    QTest::newRow("kandji detail")
        << 404 << QByteArray(R"({"detail":"Not found."})") << ApiError::Kind::Http << QString() << QStringLiteral("Not found.");
    QTest::newRow("kandji field errors")
        << 400 << QByteArray(R"({"name":["This field is required."]})") << ApiError::Kind::Http << QString()
        << QStringLiteral("name: This field is required.");
    QTest::newRow("kandji plain text")
        << 400 << QByteArray("Library Item already exists on Blueprint") << ApiError::Kind::Http << QString()
        << QStringLiteral("Library Item already exists on Blueprint");
    QTest::newRow("oauth invalid_client")
        << 400 << QByteArray(R"({"error":"invalid_client","error_description":"Client authentication failed"})")
        << ApiError::Kind::Http << QStringLiteral("invalid_client") << QStringLiteral("Client authentication failed");
    QTest::newRow("html gateway page")
        << 502 << QByteArray("<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>")
        << ApiError::Kind::Http << QString() << QStringLiteral("502 Bad Gateway 502 Bad Gateway");
    QTest::newRow("malformed json")
        << 500 << QByteArray(R"({"code":500,"errno":)") << ApiError::Kind::Http << QString() << QStringLiteral("{\"code\":500,\"errno\":");
    QTest::newRow("empty body uses reason")
        << 503 << QByteArray() << ApiError::Kind::Http << QString() << QStringLiteral("Service Unavailable");
}

void tst_ApiError::fromHttp()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(ApiError::Kind, kind);
    QFETCH(QString, code);
    QFETCH(QString, message);

    const ApiError error = ApiError::fromHttp(status, body, "Service Unavailable");
    QVERIFY(error.isError());
    QCOMPARE(error.httpStatus(), status);
    QCOMPARE(error.kind(), kind);
    QCOMPARE(error.serviceCode(), code);
    QCOMPARE(error.message(), message);
    QVERIFY(error.toString().startsWith(QStringLiteral("HTTP %1: ").arg(status)));
}

void tst_ApiError::predicates()
{
    const ApiError conflict = ApiError::fromHttp(412, R"({"errno":114,"message":"x","details":{"existing":{"id":"a"}}})");
    QVERIFY(conflict.isConflict());
    QVERIFY(conflict.isPreconditionFailed());
    QCOMPARE(conflict.details().toObject().value(QLatin1String("existing")).toObject().value(QLatin1String("id")).toString(), QStringLiteral("a"));
    QVERIFY(ApiError::fromHttp(404, {}).isNotFound());
    QVERIFY(!ApiError::fromHttp(403, {}).isNotFound());
    QVERIFY(ApiError::fromHttp(403, {}).isForbidden());
    QVERIFY(ApiError::fromHttp(401, {}).isUnauthorized());
    QVERIFY(ApiError::fromHttp(429, {}).isRateLimited());
    QVERIFY(!ApiError().isError());
    QVERIFY(ApiError(ApiError::Kind::Network, QStringLiteral("Connection refused")).toString().contains(QLatin1String("Connection refused")));
}

void tst_ApiError::backoff_data()
{
    QTest::addColumn<double>("factor");
    QTest::addColumn<int>("errors");
    QTest::addColumn<int>("expectedMs");
    QTest::newRow("first failure: no wait") << 0.9 << 1 << 0;
    QTest::newRow("second: 1.8 s") << 0.9 << 2 << 1800;
    QTest::newRow("third: 3.6 s") << 0.9 << 3 << 3600;
    QTest::newRow("fourth: 7.2 s") << 0.9 << 4 << 7200;
    QTest::newRow("capped at 120 s") << 0.9 << 12 << 120000;
}

void tst_ApiError::backoff()
{
    QFETCH(double, factor);
    QFETCH(int, errors);
    QFETCH(int, expectedMs);
    RetryPolicy policy;
    policy.backoffFactor = factor;
    QCOMPARE(policy.backoffMs(errors), expectedMs);
}

void tst_ApiError::retryAfter_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<int>("expectedMs");
    QTest::newRow("seconds") << QByteArray("3") << 3000;
    QTest::newRow("http date 10 s ahead") << QByteArray("Sun, 22 Nov 2026 10:00:10 GMT") << 10000;
    QTest::newRow("http date in the past") << QByteArray("Sun, 22 Nov 2026 09:00:00 GMT") << 0;
    QTest::newRow("garbage") << QByteArray("soon") << -1;
    QTest::newRow("absent") << QByteArray() << -1;
}

void tst_ApiError::retryAfter()
{
    QFETCH(QByteArray, value);
    QFETCH(int, expectedMs);
    const QDateTime now(QDate(2026, 11, 22), QTime(10, 0, 0), Qt::UTC);
    QCOMPARE(RetryPolicy::parseRetryAfter(value, now), expectedMs);
}

QTEST_GUILESS_MAIN(tst_ApiError)
#include "tst_apierror.moc"
