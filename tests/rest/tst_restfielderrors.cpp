#include "restfielderrors.h"

#include <QTest>

// Field-level messages read from refused writes, in the shapes common APIs use.
class tst_RestFieldErrors : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void shapes_data();
    void shapes();
};

void tst_RestFieldErrors::shapes_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("expected"); // "path: message"
    QTest::newRow("JSON:API source.pointer")
        << QByteArray() << QByteArray(R"({"errors":[{"status":"422","source":{"pointer":"/data/attributes/title"},"detail":"can't be blank"}]})")
        << QStringList { QStringLiteral("title: can't be blank") };
    QTest::newRow("errors with field and description (Jamf-like)")
        << QByteArray() << QByteArray(R"({"httpStatus":400,"errors":[{"code":"INVALID","field":"owner.email","description":"not an e-mail"}]})")
        << QStringList { QStringLiteral("owner.email: not an e-mail") };
    QTest::newRow("FastAPI loc/msg with an index")
        << QByteArray() << QByteArray(R"({"detail":[{"loc":["body","tags",2],"msg":"too long","type":"x"}]})")
        << QStringList { QStringLiteral("tags.2: too long") };
    QTest::newRow("RFC 7807 invalid_params")
        << QByteArray() << QByteArray(R"({"type":"x","title":"Bad","invalid_params":[{"name":"age","reason":"must be positive"}]})")
        << QStringList { QStringLiteral("age: must be positive") };
    QTest::newRow("DRF field map, nested")
        << QByteArray() << QByteArray(R"({"title":["This field is required."],"year":["A valid integer is required.","Too old."]})")
        << QStringList { QStringLiteral("title: This field is required."), QStringLiteral("year: A valid integer is required."),
               QStringLiteral("year: Too old.") };
    QTest::newRow("Rails errors map")
        << QByteArray() << QByteArray(R"({"errors":{"name":["can't be blank"],"owner":{"email":["is invalid"]}}})")
        << QStringList { QStringLiteral("name: can't be blank"), QStringLiteral("owner.email: is invalid") };
    QTest::newRow("Prism sl-violations header, required moved to its field")
        << QByteArray(R"([{"location":["request","body"],"severity":"Error","code":"required","message":"Request body must have required property 'title'"},{"location":["request","body","year"],"code":"minimum","message":"must be >= 1450"}])")
        << QByteArray()
        << QStringList { QStringLiteral("title: Request body must have required property 'title'"), QStringLiteral("year: must be >= 1450") };
    QTest::newRow("Prism RFC 7807 body with validation")
        << QByteArray() << QByteArray(R"({"type":"x","status":422,"detail":"Your request is not valid","validation":[{"location":["body","year"],"code":"minimum","message":"must be >= 1450"}]})")
        << QStringList { QStringLiteral("year: must be >= 1450") };
    QTest::newRow("a plain message is not field-level") << QByteArray() << QByteArray(R"({"message":"Validation failed"})") << QStringList();
    QTest::newRow("not JSON") << QByteArray() << QByteArray("<html>500</html>") << QStringList();
}

void tst_RestFieldErrors::shapes()
{
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, body);
    QFETCH(QStringList, expected);
    HttpResponse response;
    response.status = 422;
    response.body = body;
    if (!header.isEmpty())
        response.headers << qMakePair(QByteArray("sl-violations"), header);
    QStringList got;
    for (const RestFieldError &error : restFieldErrors(response))
        got << error.path + QStringLiteral(": ") + error.message;
    QCOMPARE(got, expected);
}

QTEST_GUILESS_MAIN(tst_RestFieldErrors)
#include "tst_restfielderrors.moc"
