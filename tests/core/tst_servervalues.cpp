// Parsers of what a server sends (header values, error text) and the pagination cursor: every
// hostile value gives "absent" or an error, never a wrong number, a raw escape sequence or a link
// that leaves the tenant.

#include "net/apierror.h"
#include "net/headervalues.h"
#include "net/pagecursor.h"
#include "net/servertext.h"

#include <QTest>

using OptInt = qint64; // -1 in the tables = std::nullopt

class tst_ServerValues : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void delaySeconds_data();
    void delaySeconds();
    void count_data();
    void count();
    void nextLink_data();
    void nextLink();
    void entityTagAndContentRange();
    void serverTextSanitized_data();
    void serverTextSanitized();
    void pageCursor_data();
    void pageCursor();
    void pageCursorBounds();
};

void tst_ServerValues::delaySeconds_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<OptInt>("seconds");
    QTest::newRow("30") << QByteArray("30") << OptInt(30);
    QTest::newRow(" 7 ") << QByteArray(" 7 ") << OptInt(7);
    QTest::newRow("0.2 rounds up") << QByteArray("0.2") << OptInt(1);
    QTest::newRow("a day") << QByteArray("86400") << OptInt(86400);
    QTest::newRow("int max: capped at a year") << QByteArray("2147483647") << OptInt(365LL * 24 * 3600);
    QTest::newRow("30 digits: capped") << QByteArray(30, '9') << OptInt(365LL * 24 * 3600);
    QTest::newRow("1e300: capped") << QByteArray("1e300") << OptInt(365LL * 24 * 3600);
    QTest::newRow("-1") << QByteArray("-1") << OptInt(-1);
    QTest::newRow("nan") << QByteArray("nan") << OptInt(-1);
    QTest::newRow("inf") << QByteArray("inf") << OptInt(-1);
    QTest::newRow("empty") << QByteArray() << OptInt(-1);
    QTest::newRow("words") << QByteArray("soon") << OptInt(-1);
}

void tst_ServerValues::delaySeconds()
{
    QFETCH(QByteArray, value);
    QFETCH(OptInt, seconds);
    QCOMPARE(HeaderValues::delaySeconds(value).value_or(-1), seconds);
}

void tst_ServerValues::count_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<OptInt>("count");
    QTest::newRow("42") << QByteArray("42") << OptInt(42);
    QTest::newRow("0") << QByteArray("0") << OptInt(0);
    QTest::newRow("-1") << QByteArray("-1") << OptInt(-1);
    QTest::newRow("1e9") << QByteArray("1e9") << OptInt(-1);
    QTest::newRow("12abc") << QByteArray("12abc") << OptInt(-1);
    QTest::newRow("absurd: 10^15") << QByteArray("1000000000000000") << OptInt(-1);
    QTest::newRow("overflow") << QByteArray("99999999999999999999999") << OptInt(-1);
}

void tst_ServerValues::count()
{
    QFETCH(QByteArray, value);
    QFETCH(OptInt, count);
    QCOMPARE(HeaderValues::count(value).value_or(-1), count);
}

void tst_ServerValues::nextLink_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("next");
    QTest::newRow("GitHub style") << QByteArray(R"(<https://h/x?page=2>; rel="next", <https://h/x?page=9>; rel="last")") << "https://h/x?page=2";
    QTest::newRow("next second") << QByteArray(R"(<https://h/1>; rel="prev", <https://h/3>; rel=next)") << "https://h/3";
    QTest::newRow("several rels") << QByteArray(R"(<https://h/3>; rel="next last")") << "https://h/3";
    QTest::newRow("comma in a title") << QByteArray(R"(<https://h/1>; title="a, b"; rel="prev", <https://h/2>; rel="next")") << "https://h/2";
    QTest::newRow("no next") << QByteArray(R"(<https://h/1>; rel="prev")") << QString();
    QTest::newRow("unclosed") << QByteArray("<https://h/1; rel=next") << QString();
    QTest::newRow("garbage") << QByteArray("\x01\x02<>;;,,\"") << QString();
}

void tst_ServerValues::nextLink()
{
    QFETCH(QByteArray, value);
    QFETCH(QString, next);
    QCOMPARE(HeaderValues::nextLink(value), next);
}

void tst_ServerValues::entityTagAndContentRange()
{
    QCOMPARE(HeaderValues::entityTag("\"1700000000000\""), QStringLiteral("1700000000000"));
    QCOMPARE(HeaderValues::entityTag("W/\"abc\""), QStringLiteral("abc"));
    QCOMPARE(HeaderValues::entityTag("abc"), QString());
    QCOMPARE(HeaderValues::entityTag("\"a\"b\""), QString());
    const auto range = HeaderValues::contentRange("bytes 0-99/1234");
    QVERIFY(range);
    QCOMPARE(range->last, 99);
    QCOMPARE(range->total, 1234);
    QVERIFY(HeaderValues::contentRange("bytes 5-4/10") == std::nullopt);
    QVERIFY(HeaderValues::contentRange("bytes 0-10/10") == std::nullopt);
    QVERIFY(HeaderValues::contentRange("bytes -1-3/10") == std::nullopt);
    QCOMPARE(HeaderValues::contentRange("bytes 0-3/*")->total, -1);
}

void tst_ServerValues::serverTextSanitized_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message");
    QTest::newRow("terminal title and clear screen in a Kinto message")
        << QByteArray(R"({"errno":110,"message":"bad\u001b]0;pwned\u0007\u001b[2J thing"})") << "bad]0;pwned[2J thing";
    QTest::newRow("C1 CSI and DEL in plain text") << QByteArray("oops \xc2\x9b" "31m red\x7f") << "oops 31m red";
    QTest::newRow("bidi override") << QByteArray(R"({"detail":"file\u202egpj.exe"})") << "filegpj.exe";
    QTest::newRow("newlines become spaces") << QByteArray(R"({"message":"a\nb\r\nc"})") << "a b  c";
}

void tst_ServerValues::serverTextSanitized()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, message);
    const ApiError error = ApiError::fromHttp(400, body, "Bad\x1b[5mRequest");
    QCOMPARE(error.message(), message);
    const QString shown = error.toString();
    for (const QChar c : shown)
        QVERIFY2(c.unicode() >= 0x20 && c.unicode() != 0x7f && !(c.unicode() >= 0x80 && c.unicode() < 0xa0), qPrintable(shown));
    QCOMPARE(ApiError::fromHttp(502, {}, "Bad\x1b[5mGateway").message(), QStringLiteral("Bad[5mGateway"));
    QVERIFY(ServerText::sanitized(QString(5000, QLatin1Char('x'))).size() <= 2001);
}

void tst_ServerValues::pageCursor_data()
{
    QTest::addColumn<QStringList>("links");      // the next link of each page, in order
    QTest::addColumn<int>("followed");            // how many were followed before the end or refusal
    QTest::addColumn<bool>("refused");
    const QString p2 = QStringLiteral("http://h:8888/v1/buckets?_token=2");
    const QString p3 = QStringLiteral("http://h:8888/v1/buckets?_token=3");
    QTest::newRow("two more pages, then the end") << QStringList { p2, p3, QString() } << 2 << false;
    QTest::newRow("relative link") << QStringList { QStringLiteral("/v1/buckets?_token=2"), QString() } << 1 << false;
    QTest::newRow("loop back to page 2") << QStringList { p2, p3, p2 } << 2 << true;
    QTest::newRow("back to the first page") << QStringList { QStringLiteral("http://h:8888/v1/buckets") } << 0 << true;
    QTest::newRow("another host") << QStringList { QStringLiteral("http://evil:8888/v1/buckets?_token=2") } << 0 << true;
    QTest::newRow("another port") << QStringList { QStringLiteral("http://h:9999/v1/buckets?_token=2") } << 0 << true;
    QTest::newRow("https instead of http") << QStringList { QStringLiteral("https://h:8888/v1/buckets?_token=2") } << 0 << true;
    QTest::newRow("file:") << QStringList { QStringLiteral("file:///etc/passwd") } << 0 << true;
    QTest::newRow("outside the path prefix") << QStringList { QStringLiteral("http://h:8888/admin/x") } << 0 << true;
    QTest::newRow("prefix lookalike /v10") << QStringList { QStringLiteral("http://h:8888/v10/x") } << 0 << true;
    QTest::newRow("dot-dot out of the prefix") << QStringList { QStringLiteral("http://h:8888/v1/../admin") } << 0 << true;
    QTest::newRow("malformed") << QStringList { QStringLiteral("http://[::1") } << 0 << true;
}

void tst_ServerValues::pageCursor()
{
    QFETCH(QStringList, links);
    QFETCH(int, followed);
    QFETCH(bool, refused);
    PageCursor cursor(QUrl(QStringLiteral("http://h:8888/v1")), QUrl(QStringLiteral("http://h:8888/v1/buckets")));
    int count = 0;
    ApiError error;
    for (const QString &link : std::as_const(links)) {
        error = cursor.advance(link, 100);
        if (error || cursor.atEnd())
            break;
        ++count;
    }
    QCOMPARE(count, followed);
    QCOMPARE(error.isError(), refused);
    if (refused)
        QVERIFY(cursor.atEnd());
}

void tst_ServerValues::pageCursorBounds()
{
    const QUrl base(QStringLiteral("http://h/v1"));
    PageCursor pages(base, QUrl(QStringLiteral("http://h/v1/x")), PageLimits { 5, 1LL << 40 });
    ApiError error;
    int followed = 0;
    for (int i = 2; i < 100 && !error; ++i) {
        error = pages.advance(QStringLiteral("http://h/v1/x?page=%1").arg(i), 10);
        followed += error ? 0 : 1;
    }
    QCOMPARE(followed, 4);
    QCOMPARE(error.kind(), ApiError::Kind::Invalid);
    QVERIFY(error.message().contains(QLatin1String("5 pages")));

    PageCursor bytes(base, QUrl(QStringLiteral("http://h/v1/x")), PageLimits { 1000, 1000 });
    error = {};
    followed = 0;
    for (int i = 2; i < 100 && !error; ++i) {
        error = bytes.advance(QStringLiteral("http://h/v1/x?page=%1").arg(i), 300);
        followed += error ? 0 : 1;
    }
    QCOMPARE(followed, 3);
    QVERIFY(error.message().contains(QLatin1String("size limit")));
}

QTEST_GUILESS_MAIN(tst_ServerValues)
#include "tst_servervalues.moc"
