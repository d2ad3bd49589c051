#include "restservers.h"
#include "openapireader.h"
#include "restclient.h"
#include "restfielderrors.h"
#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTest>

using TestSupport::await;

// OpenAPI import: the reader on the shipped document (tests/rest/data/library-openapi.json) and on
// inline 3.1 documents, then the resources it found used against Prism 5.14.2's mock of that same
// document (started on a free port; skipped, saying why, when Prism is not installed).
class tst_RestOpenApi : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase() { m_prism.stop(); }
    void resourcesFound_data();
    void resourcesFound();
    void notCollectionsWarned();
    void openApi31TypeListsAndRefSiblings();
    void refused_data();
    void refused();
    void refCycleBounded();
    void resourceJsonRoundTrip();
    void listsFromPrismMock_data();
    void listsFromPrismMock();
    void prismValidatesWhatWeSend();

private:
    static QByteArray libraryDocument();
    const RestResource *find(const QString &path) const;
    // Prism's mock of the library document, started on first use and stopped with the suite.
    ExternalServer *prism(QString *skip);
    RestSettings prismSettings() const
    {
        RestSettings settings;
        settings.baseUrl = m_prism.url();
        settings.retries = 0;
        return settings;
    }
    OpenApiImport m_import;
    ExternalServer m_prism;
    bool m_prismTried = false;
};

QByteArray tst_RestOpenApi::libraryDocument()
{
    QFile file(QStringLiteral(TENANTDESK_REST_DATA "/library-openapi.json"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

const RestResource *tst_RestOpenApi::find(const QString &path) const
{
    for (const RestResource &resource : m_import.resources) {
        if (resource.path == path)
            return &resource;
    }
    return nullptr;
}

void tst_RestOpenApi::initTestCase()
{
    QString error;
    QVERIFY2(OpenApiReader::read(libraryDocument(), &m_import, &error), qPrintable(error));
    QCOMPARE(m_import.title, QStringLiteral("Library API"));
    QCOMPARE(m_import.apiVersion, QStringLiteral("1.4.0"));
    QCOMPARE(m_import.openapiVersion, QStringLiteral("3.0.3"));
}

void tst_RestOpenApi::resourcesFound_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("itemsKey");
    QTest::addColumn<QString>("idField");
    QTest::addColumn<QString>("itemPath");
    QTest::addColumn<QString>("paging");
    QTest::addColumn<int>("pageSize");
    QTest::addColumn<QString>("params"); // page,size or offset,limit or nextField
    QTest::newRow("array, Link header, _page/_limit") << "/books" << "Books" << "" << "id" << "/books/{bookId}" << "link" << 10 << "_page,_limit";
    QTest::newRow("wrapper data, $ref offset/limit") << "/authors" << "Authors" << "data" << "authorId" << "/authors/{authorId}" << "offset" << 20 << "offset,limit";
    QTest::newRow("wrapper results, links.next") << "/loans" << "Loans" << "results" << "id" << "" << "next" << 50 << "links.next";
    QTest::newRow("wrapper items, zero-based page/per_page") << "/members" << "Members" << "items" << "id" << "" << "page" << 25 << "page,per_page";
}

void tst_RestOpenApi::resourcesFound()
{
    QFETCH(QString, path);
    QFETCH(QString, name);
    QFETCH(QString, itemsKey);
    QFETCH(QString, idField);
    QFETCH(QString, itemPath);
    QFETCH(QString, paging);
    QFETCH(int, pageSize);
    QFETCH(QString, params);
    const RestResource *resource = find(path);
    QVERIFY2(resource, qPrintable(path));
    QCOMPARE(resource->name, name);
    QCOMPARE(resource->itemsKey, itemsKey);
    QCOMPARE(resource->idField, idField);
    QCOMPARE(resource->itemPath, itemPath);
    QCOMPARE(RestPaging::kindName(resource->paging.kind), paging);
    QCOMPARE(resource->paging.pageSize, pageSize);
    const RestPaging &p = resource->paging;
    const QString got = p.kind == RestPaging::Kind::NextLink ? p.nextField
        : p.kind == RestPaging::Kind::OffsetLimit            ? p.offsetParam + QLatin1Char(',') + p.limitParam
                                                             : p.pageParam + QLatin1Char(',') + p.sizeParam;
    QCOMPARE(got, params);
    if (path == QLatin1String("/members"))
        QCOMPARE(p.firstPage, 0);
    QVERIFY(resource->itemSchema.value(QLatin1String("properties")).toObject().contains(idField));
}

void tst_RestOpenApi::notCollectionsWarned()
{
    QCOMPARE(m_import.resources.size(), 4); // not /status (one object), not /books/{bookId}/reviews (nested)
    QVERIFY(!find(QStringLiteral("/status")));
    QVERIFY(m_import.warnings.join(QLatin1Char('\n')).contains(QLatin1String("/status")));
    // allOf merged: the Book form knows every field and what is required.
    const QJsonObject book = find(QStringLiteral("/books"))->itemSchema;
    QCOMPARE(book.value(QLatin1String("properties")).toObject().keys(),
        (QStringList { QStringLiteral("id"), QStringLiteral("isbn"), QStringLiteral("title"), QStringLiteral("year") }));
    QVERIFY(book.value(QLatin1String("required")).toArray().contains(QStringLiteral("title")));
    QCOMPARE(m_import.serverUrl, QUrl(QStringLiteral("http://127.0.0.1:4010")));
}

void tst_RestOpenApi::openApi31TypeListsAndRefSiblings()
{
    const QByteArray doc = R"({"openapi":"3.1.0","info":{"title":"T","version":"1"},"paths":{
        "/things":{"get":{"responses":{"200":{"content":{"application/vnd.api+json":{"schema":
            {"type":["object","null"],"properties":{"meta":{"type":"object"},"records":{"type":["array","null"],"items":{"$ref":"#/components/schemas/Thing","description":"one"}},
             "paging":{"type":"object","properties":{"next":{"type":["string","null"]}}}}}}}}}}},
        "/things/{uuid}":{"get":{"responses":{"200":{"description":"x"}}}}},
        "components":{"schemas":{"Thing":{"type":"object","properties":{"uuid":{"type":"string"},"label":{"type":"string"}}}}}})";
    OpenApiImport import;
    QString error;
    QVERIFY2(OpenApiReader::read(doc, &import, &error), qPrintable(error));
    QCOMPARE(import.resources.size(), 1);
    const RestResource &things = import.resources.first();
    QCOMPARE(things.itemsKey, QStringLiteral("records"));
    QCOMPARE(things.idField, QStringLiteral("uuid"));
    QCOMPARE(things.paging.kind, RestPaging::Kind::NextLink);
    QCOMPARE(things.paging.nextField, QStringLiteral("paging.next"));
    QCOMPARE(things.itemSchema.value(QLatin1String("description")).toString(), QStringLiteral("one"));
    QCOMPARE(things.itemEndpoint(QStringLiteral("a b/c")), QStringLiteral("/things/a%20b%2Fc"));
}

void tst_RestOpenApi::refused_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("why");
    QTest::newRow("Swagger 2.0") << QByteArray(R"({"swagger":"2.0","paths":{}})") << "Swagger 2.0";
    QTest::newRow("YAML") << QByteArray("openapi: 3.0.0\npaths: {}\n") << "YAML";
    QTest::newRow("broken JSON") << QByteArray(R"({"openapi":"3.0.0",)") << "not valid JSON";
    QTest::newRow("no openapi key") << QByteArray(R"({"paths":{}})") << "Not an OpenAPI";
}

void tst_RestOpenApi::refused()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, why);
    OpenApiImport import;
    QString error;
    QVERIFY(!OpenApiReader::read(text, &import, &error));
    QVERIFY2(error.contains(why), qPrintable(error));
}

void tst_RestOpenApi::refCycleBounded()
{
    const QByteArray doc = R"({"openapi":"3.0.0","info":{"title":"T","version":"1"},"paths":{
        "/nodes":{"get":{"responses":{"200":{"content":{"application/json":{"schema":{"type":"array","items":{"$ref":"#/components/schemas/Node"}}}}}}}}},
        "components":{"schemas":{"Node":{"type":"object","properties":{"id":{"type":"string"},"parent":{"$ref":"#/components/schemas/Node"}}}}}})";
    OpenApiImport import;
    QString error;
    QVERIFY(OpenApiReader::read(doc, &import, &error));
    QCOMPARE(import.resources.size(), 1);
    QVERIFY(import.resources.first().itemSchema.value(QLatin1String("properties")).toObject().contains(QLatin1String("parent")));
}

void tst_RestOpenApi::resourceJsonRoundTrip()
{
    for (const RestResource &resource : std::as_const(m_import.resources)) {
        RestResource back;
        QString error;
        QVERIFY2(RestResource::fromJson(resource.toJson(), &back, &error), qPrintable(error));
        QCOMPARE(back.toJson(), resource.toJson());
    }
    RestResource bad;
    QString error;
    QVERIFY(!RestResource::fromJson(QJsonObject { { QStringLiteral("path"), QStringLiteral("/x") }, { QStringLiteral("paging"), QStringLiteral("weird") } }, &bad, &error));
    QVERIFY(error.contains(QLatin1String("weird")));
}

ExternalServer *tst_RestOpenApi::prism(QString *skip)
{
    ExternalServer &server = m_prism;
    if (!m_prismTried) {
        m_prismTried = true;
        RestServers::startPrism(&server);
    }
    *skip = server.skipReason();
    return skip->isEmpty() ? &server : nullptr;
}

void tst_RestOpenApi::listsFromPrismMock_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("items");
    QTest::addColumn<QString>("firstId");
    QTest::addColumn<bool>("hasNext");
    QTest::newRow("books") << "/books" << 2 << "1" << true;
    QTest::newRow("authors") << "/authors" << 2 << "a-1" << false; // 2 < page size 20: the last page
    QTest::newRow("loans") << "/loans" << 1 << "l-9" << true;
    QTest::newRow("members") << "/members" << 1 << "7" << false;
}

void tst_RestOpenApi::listsFromPrismMock()
{
    QFETCH(QString, path);
    QFETCH(int, items);
    QFETCH(QString, firstId);
    QFETCH(bool, hasNext);
    QString skip;
    ExternalServer *server = prism(&skip);
    if (!server)
        QSKIP(qPrintable(skip));
    QNetworkAccessManager nam;
    HttpClient http(&nam);
    RestClient client(&http, prismSettings());
    const RestResource *resource = find(path);
    QVERIFY(resource);
    const auto outcome = await(client.listPage(*resource));
    QVERIFY2(!outcome.error, qPrintable(outcome.error.toString()));
    const QJsonArray list = outcome.result[QLatin1String("items")].toArray();
    QCOMPARE(list.size(), items);
    QCOMPARE(resource->idOf(list.first().toObject()), firstId);
    QCOMPARE(!outcome.result[QLatin1String("next")].isNull(), hasNext);
    if (hasNext)
        QVERIFY(outcome.result[QLatin1String("next")].toString().startsWith(server->url().toString()));
}

void tst_RestOpenApi::prismValidatesWhatWeSend()
{
    QString skip;
    if (!prism(&skip))
        QSKIP(qPrintable(skip));
    QNetworkAccessManager nam;
    HttpClient http(&nam);
    RestClient client(&http, prismSettings());
    // Prism checks the request against the document: a book without its required title is refused.
    RestJob *refused = TestSupport::keep(client.create(QStringLiteral("books"),
        RestBody::fromJson(QJsonObject { { QStringLiteral("year"), 1200 } })));
    QVERIFY(TestSupport::waitFor(refused));
    QCOMPARE(refused->error().httpStatus(), 422);
    // ...and says which fields were wrong: what the item form shows under each field.
    QStringList fields;
    for (const RestFieldError &error : restFieldErrors(refused->response()))
        fields << error.path;
    delete refused;
    QCOMPARE(fields, (QStringList { QStringLiteral("title"), QStringLiteral("year") }));
    auto outcome = await(client.read(QStringLiteral("books")));
    outcome = await(client.create(QStringLiteral("books"), RestBody::fromJson(QJsonObject { { QStringLiteral("title"), QStringLiteral("Neuromancer") } })));
    QVERIFY2(!outcome.error, qPrintable(outcome.error.toString()));
    QCOMPARE(outcome.result[QLatin1String("id")].toInt(), 3);
    const RestResource *books = find(QStringLiteral("/books"));
    outcome = await(client.read(books->itemEndpoint(QStringLiteral("1"))));
    QCOMPARE(outcome.result[QLatin1String("title")].toString(), QStringLiteral("Dune"));
    outcome = await(client.remove(books->itemEndpoint(QStringLiteral("not-a-number"))));
    QCOMPARE(outcome.error.httpStatus(), 422); // the path parameter is an integer
}

QTEST_GUILESS_MAIN(tst_RestOpenApi)
#include "tst_restopenapi.moc"
