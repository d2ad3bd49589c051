#include "editors/schemaform.h"
#include "restservers.h"
#include "openapireader.h"
#include "rest/restitemeditor.h"
#include "restclient.h"
#include "testsupport.h"

#include <QCheckBox>
#include <QFile>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using TestSupport::await;

// The REST item editor driven like a person (QTest) against real servers: json-server for PATCH and
// PUT through the form and the raw JSON tab, Prism's mock for a refusal whose field-level messages
// land under their fields. Each part skips, saying why, when its server is not installed.
class tst_RestItemEditor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void formEditIsPatched();
    void rawJsonReplaceIsPut();
    void invalidRawJsonKeepsTheTab();
    void newItemFromTheSchema();
    void serverFieldErrorsUnderFields();

private:
    static void typeInto(QWidget *editor, const QString &field, const QString &text);
    static void save(RestItemEditor &editor);
    static RestSettings settingsFor(const QUrl &url)
    {
        RestSettings settings;
        settings.baseUrl = url;
        return settings;
    }
    RestSettings prismSettings() const
    {
        RestSettings settings;
        settings.baseUrl = m_prism.url();
        settings.retries = 0;
        return settings;
    }

    QTemporaryDir m_dir;
    ExternalServer m_jsonServer;
    ExternalServer m_prism;
    QNetworkAccessManager m_nam;
    RestResource m_users;
};

void tst_RestItemEditor::initTestCase()
{
    RestServers::startJsonServer(&m_jsonServer, m_dir);
    RestServers::startPrism(&m_prism);
    m_users.name = QStringLiteral("Users");
    m_users.path = QStringLiteral("/users"); // named by hand: no schema, the form is inferred
}

void tst_RestItemEditor::cleanupTestCase()
{
    m_jsonServer.stop();
    m_prism.stop();
}

void tst_RestItemEditor::typeInto(QWidget *editor, const QString &field, const QString &text)
{
    auto *line = editor->findChild<QLineEdit *>(QStringLiteral("field_") + field);
    QVERIFY2(line, qPrintable(field));
    line->selectAll();
    QTest::keyClick(line, Qt::Key_Backspace);
    QTest::keyClicks(line, text);
}

void tst_RestItemEditor::save(RestItemEditor &editor)
{
    QSignalSpy applied(&editor, &EditorBase::applied);
    QTest::mouseClick(editor.findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
    QVERIFY(applied.wait(15000));
}

void tst_RestItemEditor::formEditIsPatched()
{
    if (!m_jsonServer.skipReason().isEmpty())
        QSKIP(qPrintable(m_jsonServer.skipReason()));
    HttpClient http(&m_nam);
    RestClient client(&http, settingsFor(m_jsonServer.url()));
    const QJsonObject ada = await(client.read(QStringLiteral("users/1"))).result.toObject();
    RestItemEditor editor(&client, m_users, ada);
    editor.show();
    QVERIFY(editor.form());
    QCOMPARE(editor.findChild<QLineEdit *>(QStringLiteral("field_email"))->text(), QStringLiteral("ada@example.org"));
    typeInto(&editor, QStringLiteral("role"), QStringLiteral("owner"));
    QVERIFY(editor.isModified());
    QSignalSpy saved(&editor, &RestItemEditor::itemSaved);
    save(editor);
    QCOMPARE(saved.size(), 1);
    QVERIFY(!editor.isModified());
    const QJsonObject back = await(client.read(QStringLiteral("users/1"))).result.toObject();
    QCOMPARE(back.value(QLatin1String("role")).toString(), QStringLiteral("owner"));
    QCOMPARE(back.value(QLatin1String("email")).toString(), QStringLiteral("ada@example.org"));
}

void tst_RestItemEditor::rawJsonReplaceIsPut()
{
    if (!m_jsonServer.skipReason().isEmpty())
        QSKIP(qPrintable(m_jsonServer.skipReason()));
    HttpClient http(&m_nam);
    RestClient client(&http, settingsFor(m_jsonServer.url()));
    const QJsonObject alan = await(client.read(QStringLiteral("users/2"))).result.toObject();
    RestItemEditor editor(&client, m_users, alan);
    editor.show();
    auto *tabs = editor.findChild<QTabWidget *>(QStringLiteral("tabs"));
    auto *raw = editor.findChild<QPlainTextEdit *>(QStringLiteral("rawJson"));
    tabs->setCurrentWidget(raw);
    raw->selectAll();
    QTest::keyClicks(raw, QStringLiteral(R"({"id": 2, "name": "A. M. Turing"})"));
    tabs->setCurrentWidget(editor.form()); // back to the form: it shows what was typed
    QCOMPARE(editor.findChild<QLineEdit *>(QStringLiteral("field_name"))->text(), QStringLiteral("A. M. Turing"));
    QTest::mouseClick(editor.findChild<QCheckBox *>(QStringLiteral("replace")), Qt::LeftButton);
    save(editor);
    const QJsonObject back = await(client.read(QStringLiteral("users/2"))).result.toObject();
    QCOMPARE(back.value(QLatin1String("name")).toString(), QStringLiteral("A. M. Turing"));
    QVERIFY(!back.contains(QLatin1String("email"))); // PUT replaced the whole item
}

void tst_RestItemEditor::invalidRawJsonKeepsTheTab()
{
    HttpClient http(&m_nam);
    RestClient client(&http, settingsFor(QUrl(QStringLiteral("http://127.0.0.1:9"))));
    RestItemEditor editor(&client, m_users, QJsonObject { { QStringLiteral("id"), 9 }, { QStringLiteral("name"), QStringLiteral("x") } });
    editor.show();
    auto *tabs = editor.findChild<QTabWidget *>(QStringLiteral("tabs"));
    auto *raw = editor.findChild<QPlainTextEdit *>(QStringLiteral("rawJson"));
    tabs->setCurrentWidget(raw);
    raw->selectAll();
    QTest::keyClicks(raw, QStringLiteral("{\"name\": "));
    tabs->setCurrentIndex(0);
    QCOMPARE(tabs->currentWidget(), raw);
    QVERIFY(editor.message().contains(QLatin1String("not valid")));
}

void tst_RestItemEditor::newItemFromTheSchema()
{
    if (!m_prism.skipReason().isEmpty())
        QSKIP(qPrintable(m_prism.skipReason()));
    QFile doc(RestServers::dataFile(QStringLiteral("library-openapi.json")));
    QVERIFY(doc.open(QIODevice::ReadOnly));
    OpenApiImport import;
    QString error;
    QVERIFY(OpenApiReader::read(doc.readAll(), &import, &error));
    const RestResource books = *std::find_if(import.resources.cbegin(), import.resources.cend(),
        [](const RestResource &r) { return r.path == QLatin1String("/books"); });
    HttpClient http(&m_nam);
    RestClient client(&http, prismSettings());
    RestItemEditor editor(&client, books, {});
    editor.show();
    QVERIFY(editor.isNew());
    typeInto(&editor, QStringLiteral("year"), QStringLiteral("1200"));
    QSignalSpy applied(&editor, &EditorBase::applied);
    QTest::mouseClick(editor.findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
    // The schema's own rules (required title, minimum year) keep the save from starting.
    QCOMPARE(applied.size(), 0);
    QVERIFY(!editor.findChild<QLabel *>(QStringLiteral("error_year"))->text().isEmpty());
    typeInto(&editor, QStringLiteral("title"), QStringLiteral("Neuromancer"));
    typeInto(&editor, QStringLiteral("year"), QStringLiteral("1984"));
    QSignalSpy saved(&editor, &RestItemEditor::itemSaved);
    save(editor);
    QCOMPARE(saved.size(), 1);
    QCOMPARE(saved.first().first().toJsonObject().value(QLatin1String("id")).toInt(), 3); // Prism's example answer
}

void tst_RestItemEditor::serverFieldErrorsUnderFields()
{
    if (!m_prism.skipReason().isEmpty())
        QSKIP(qPrintable(m_prism.skipReason()));
    RestResource books;
    books.name = QStringLiteral("Books");
    books.path = QStringLiteral("/books"); // named by hand: the form is inferred and knows no rules
    HttpClient http(&m_nam);
    RestClient client(&http, prismSettings());
    RestItemEditor editor(&client, books,
        QJsonObject { { QStringLiteral("id"), 1 }, { QStringLiteral("title"), QStringLiteral("Dune") }, { QStringLiteral("year"), 1965 } });
    editor.show();
    typeInto(&editor, QStringLiteral("year"), QStringLiteral("1200"));
    save(editor);
    QVERIFY(editor.isModified()); // still open with the input
    QVERIFY(editor.message().contains(QLatin1String("422")));
    const QString shown = editor.findChild<QLabel *>(QStringLiteral("error_year"))->text();
    QVERIFY2(shown.contains(QLatin1String("1450")), qPrintable(shown)); // Prism's own words, under the field
    QVERIFY(editor.findChild<QLabel *>(QStringLiteral("error_title"))->text().isEmpty());
}

QTEST_MAIN(tst_RestItemEditor)
#include "tst_restitemeditor.moc"
