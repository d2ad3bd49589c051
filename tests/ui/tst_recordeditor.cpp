// The record editor driven like a person against a Kinto sandbox: what the server holds afterwards,
// validation before anything is sent, the JSON tab kept in sync, unsaved changes kept.

#include "editors/recordeditor.h"
#include "loopbackhttpserver.h"
#include "prompt.h"
#include "recordeditorfixture.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QJsonArray>
#include <QGroupBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>

using namespace RecordEditorFixture;

class tst_RecordEditor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void createThroughTheForm();
    void invalidInputIsNotSent_data();
    void invalidInputIsNotSent();
    void spinBoxKeepsToTheBounds();
    void jsonAndFormStayInSync();
    void jsonSyntaxErrorShowsLineAndColumn();
    void collectionWithoutSchemaGetsJsonOnly();
    void unknownPropertiesSurviveAFormEdit();
    void serverFailureKeepsTheInput();
    void serverValidationErrorShownUnderTheField();
    void duplicateCreatesACopy();
    void closingWithUnsavedChangesAsks();
    void fieldsFollowTheSchemaOrder_data();
    void fieldsFollowTheSchemaOrder();
    void savingAnUnchangedRecordSendsNothing_data();
    void savingAnUnchangedRecordSendsNothing();

private:
    // An editor on shop/<collection>, loaded (create when `id` is empty, else edit).
    RecordEditor *openEditor(const QString &collection, const QString &id = {});
    template <typename W>
    W *field(const QString &path)
    {
        return m_editor->findChild<W *>(QStringLiteral("field_") + path);
    }
    QLabel *errorLabel(const QString &path) { return m_editor->findChild<QLabel *>(QStringLiteral("error_") + path); }
    void clickSave() { QTest::mouseClick(m_editor->findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton); }

    std::unique_ptr<Server> m_server;
    std::unique_ptr<RecordEditor> m_editor;
};

void tst_RecordEditor::init()
{
    Prompt::setAnswerForTests(true);
    m_server = std::make_unique<Server>();
    QString why;
    QVERIFY2(m_server->start(&why), qPrintable(why));
}

void tst_RecordEditor::cleanup()
{
    m_editor.reset();
    m_server.reset();
    Prompt::setAnswerForTests(std::nullopt);
}

RecordEditor *tst_RecordEditor::openEditor(const QString &collection, const QString &id)
{
    m_editor = std::make_unique<RecordEditor>(m_server->client.get(), QStringLiteral("shop"), collection);
    QSignalSpy loaded(m_editor.get(), &RecordEditor::loaded);
    if (id.isEmpty())
        m_editor->startCreate();
    else
        m_editor->startEdit(id);
    m_editor->show();
    if (!loaded.wait(5000))
        return nullptr;
    return m_editor.get();
}

void tst_RecordEditor::createThroughTheForm()
{
    QVERIFY(openEditor(QStringLiteral("things")));
    QVERIFY(m_editor->form());
    QCOMPARE(m_editor->findChild<QTabWidget *>(QStringLiteral("tabs"))->count(), 2);

    typeInto(field<QLineEdit>(QStringLiteral("title")), QStringLiteral("Blue widget"));
    typeInto(field<QLineEdit>(QStringLiteral("code")), QStringLiteral("ABC-42"));
    auto *status = field<QComboBox>(QStringLiteral("status"));
    QVERIFY(status);
    status->setFocus();
    QTest::keyClicks(status, QStringLiteral("pending"));
    QCOMPARE(status->currentText(), QStringLiteral("pending"));
    typeInto(field<QSpinBox>(QStringLiteral("priority")), QStringLiteral("4"));
    typeInto(field<QLineEdit>(QStringLiteral("price")), QStringLiteral("12.5"));
    typeInto(field<QLineEdit>(QStringLiteral("count")), QStringLiteral("9007199254740993")); // beyond a double's precision
    QTest::mouseClick(field<QCheckBox>(QStringLiteral("done")), Qt::LeftButton);
    field<QDateEdit>(QStringLiteral("due"))->setDate(QDate(2024, 5, 17)); // as picked in the calendar
    typeInto(field<QLineEdit>(QStringLiteral("homepage")), QStringLiteral("https://example.org/blue"));
    typeInto(field<QLineEdit>(QStringLiteral("contact")), QStringLiteral("ann@example.org"));
    QTest::mouseClick(m_editor->findChild<QPushButton *>(QStringLiteral("add_tags")), Qt::LeftButton);
    QTest::mouseClick(m_editor->findChild<QPushButton *>(QStringLiteral("add_tags")), Qt::LeftButton);
    typeInto(field<QLineEdit>(QStringLiteral("tags.0")), QStringLiteral("blue"));
    typeInto(field<QLineEdit>(QStringLiteral("tags.1")), QStringLiteral("small"));
    typeInto(field<QLineEdit>(QStringLiteral("owner.name")), QStringLiteral("Ann"));
    QTest::mouseClick(m_editor->findChild<QPushButton *>(QStringLiteral("add_parts")), Qt::LeftButton);
    typeInto(field<QLineEdit>(QStringLiteral("parts.0.sku")), QStringLiteral("P-1"));
    typeInto(field<QLineEdit>(QStringLiteral("parts.0.qty")), QStringLiteral("3"));
    QVERIFY(m_editor->isModified());

    QSignalSpy saved(m_editor.get(), &RecordEditor::recordSaved);
    clickSave();
    QVERIFY(saved.wait(5000));
    QTRY_VERIFY(!m_editor->isVisible()); // Save closes once the server accepted
    const QString id = m_editor->recordId();
    QVERIFY(!id.isEmpty());

    const QJsonObject held = m_server->record(QStringLiteral("things"), id);
    QCOMPARE(held.value(QLatin1String("title")).toString(), QStringLiteral("Blue widget"));
    QCOMPARE(held.value(QLatin1String("code")).toString(), QStringLiteral("ABC-42"));
    QCOMPARE(held.value(QLatin1String("status")).toString(), QStringLiteral("pending"));
    QCOMPARE(held.value(QLatin1String("priority")).toInteger(), 4);
    QCOMPARE(held.value(QLatin1String("price")).toDouble(), 12.5);
    QCOMPARE(held.value(QLatin1String("count")).toInteger(), Q_INT64_C(9007199254740993));
    QCOMPARE(held.value(QLatin1String("done")), QJsonValue(true));
    QCOMPARE(held.value(QLatin1String("due")).toString(), QStringLiteral("2024-05-17"));
    QCOMPARE(held.value(QLatin1String("homepage")).toString(), QStringLiteral("https://example.org/blue"));
    QCOMPARE(held.value(QLatin1String("contact")).toString(), QStringLiteral("ann@example.org"));
    QCOMPARE(held.value(QLatin1String("tags")).toArray(), (QJsonArray { QStringLiteral("blue"), QStringLiteral("small") }));
    QCOMPARE(held.value(QLatin1String("owner")).toObject(), json(R"({"name": "Ann"})"));
    QCOMPARE(held.value(QLatin1String("parts")).toArray(), (QJsonArray { json(R"({"sku": "P-1", "qty": 3})") }));
    // Fields left blank are not stored at all.
    QVERIFY(!held.contains(QLatin1String("seen")));
}

void tst_RecordEditor::invalidInputIsNotSent_data()
{
    QTest::addColumn<QString>("path");   // a line edit of the form
    QTest::addColumn<QString>("input");  // typed into it (empty: cleared)
    QTest::addColumn<QString>("errorAt"); // the field showing the error
    QTest::addColumn<QString>("message");

    QTest::newRow("required title missing") << "title" << "" << "title" << "Required.";
    QTest::newRow("title shorter than minLength") << "title" << "ab" << "title" << "at least 3 characters";
    QTest::newRow("title longer than maxLength") << "title" << QString(41, QLatin1Char('x')) << "title" << "at most 40";
    QTest::newRow("code not matching the pattern") << "code" << "abc-1" << "code" << "pattern ^[A-Z]{3}-[0-9]+$";
    QTest::newRow("price below the minimum") << "price" << "-1" << "price" << "at least 0";
    QTest::newRow("price not a number") << "price" << "cheap" << "price" << "Must be a number.";
    QTest::newRow("count not whole") << "count" << "2.5" << "count" << "whole number";
    QTest::newRow("e-mail without a domain") << "contact" << "ann@" << "contact" << "e-mail";
    QTest::newRow("uri without a scheme") << "homepage" << "example.org" << "homepage" << "URI";
    QTest::newRow("owner given without its required name") << "owner.email" << "ann@example.org" << "owner.name"
                                                           << "Required.";
}

void tst_RecordEditor::invalidInputIsNotSent()
{
    QFETCH(QString, path);
    QFETCH(QString, input);
    QFETCH(QString, errorAt);
    QFETCH(QString, message);

    QVERIFY(openEditor(QStringLiteral("things")));
    typeInto(field<QLineEdit>(QStringLiteral("title")), QStringLiteral("A valid title"));
    auto *status = field<QComboBox>(QStringLiteral("status"));
    status->setFocus();
    QTest::keyClicks(status, QStringLiteral("open"));
    QVERIFY(field<QLineEdit>(path));
    typeInto(field<QLineEdit>(path), input);

    const int servedBefore = m_server->served;
    clickSave();
    QTest::qWait(100);
    QCOMPARE(m_server->served, servedBefore); // nothing was sent
    QVERIFY(m_editor->isVisible());
    QLabel *error = errorLabel(errorAt);
    QVERIFY(error);
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(message), qPrintable(error->text()));
    QVERIFY(m_editor->message().contains(errorAt));

    // Fixing the field lets the save through.
    const QString fix = errorAt == QLatin1String("owner.name") ? QStringLiteral("Ann")
        : path == QLatin1String("title")                      ? QStringLiteral("Fixed title")
                                                              : QString();
    typeInto(field<QLineEdit>(errorAt), fix);
    QSignalSpy saved(m_editor.get(), &RecordEditor::recordSaved);
    clickSave();
    QVERIFY(saved.wait(5000));
    QVERIFY(!error->isVisible());
    QVERIFY(!m_server->record(QStringLiteral("things"), m_editor->recordId()).isEmpty());
}

void tst_RecordEditor::spinBoxKeepsToTheBounds()
{
    QVERIFY(openEditor(QStringLiteral("things")));
    auto *priority = field<QSpinBox>(QStringLiteral("priority"));
    QVERIFY(priority);
    QCOMPARE(priority->maximum(), 5);
    typeInto(priority, QStringLiteral("9")); // refused by the box: above the maximum
    QVERIFY(!m_editor->form()->value().contains(QLatin1String("priority")));
    typeInto(priority, QStringLiteral("5"));
    QCOMPARE(m_editor->form()->value().value(QLatin1String("priority")).toInteger(), 5);
    typeInto(priority, QString()); // cleared: left out again
    QVERIFY(!m_editor->form()->value().contains(QLatin1String("priority")));
}

void tst_RecordEditor::jsonAndFormStayInSync()
{
    const QJsonObject seeded = m_server->put(QStringLiteral("things"), QStringLiteral("r1"),
                                             json(R"({"title": "First", "status": "open", "tags": ["a"]})"));
    QVERIFY(!seeded.isEmpty());
    QVERIFY(openEditor(QStringLiteral("things"), QStringLiteral("r1")));
    auto *jsonEdit = m_editor->findChild<QPlainTextEdit *>(QStringLiteral("jsonEdit"));
    QVERIFY(jsonEdit);
    QVERIFY(jsonEdit->toPlainText().contains(QLatin1String("\"First\"")));

    // Form -> JSON
    typeInto(field<QLineEdit>(QStringLiteral("title")), QStringLiteral("Second"));
    QVERIFY(jsonEdit->toPlainText().contains(QLatin1String("\"title\": \"Second\"")));
    QTest::mouseClick(m_editor->findChild<QPushButton *>(QStringLiteral("remove_tags.0")), Qt::LeftButton);
    QVERIFY(jsonEdit->toPlainText().contains(QLatin1String("\"tags\": [\n    ]"))
            || jsonEdit->toPlainText().contains(QLatin1String("\"tags\": []")));

    // JSON -> form: the user edits the text in the JSON tab.
    auto *tabs = m_editor->findChild<QTabWidget *>(QStringLiteral("tabs"));
    tabs->setCurrentIndex(1);
    QJsonObject edited = m_editor->data();
    edited.insert(QStringLiteral("title"), QStringLiteral("Third"));
    edited.insert(QStringLiteral("tags"), QJsonArray { QStringLiteral("x"), QStringLiteral("y") });
    edited.insert(QStringLiteral("status"), QStringLiteral("closed"));
    jsonEdit->setPlainText(QString::fromUtf8(QJsonDocument(edited).toJson()));
    QCOMPARE(field<QLineEdit>(QStringLiteral("title"))->text(), QStringLiteral("Third"));
    QCOMPARE(field<QLineEdit>(QStringLiteral("tags.1"))->text(), QStringLiteral("y"));
    QCOMPARE(field<QComboBox>(QStringLiteral("status"))->currentText(), QStringLiteral("closed"));
    // ... and a keystroke in the JSON text is a keystroke in the form.
    jsonEdit->setFocus();
    QTextCursor cursor = jsonEdit->document()->find(QStringLiteral("Third"));
    jsonEdit->setTextCursor(cursor);
    QTest::keyClicks(jsonEdit, QStringLiteral("Fourth"));
    QCOMPARE(field<QLineEdit>(QStringLiteral("title"))->text(), QStringLiteral("Fourth"));

    QSignalSpy saved(m_editor.get(), &RecordEditor::recordSaved);
    clickSave();
    QVERIFY(saved.wait(5000));
    const QJsonObject held = m_server->record(QStringLiteral("things"), QStringLiteral("r1"));
    QCOMPARE(held.value(QLatin1String("title")).toString(), QStringLiteral("Fourth"));
    QCOMPARE(held.value(QLatin1String("status")).toString(), QStringLiteral("closed"));
    QCOMPARE(held.value(QLatin1String("tags")).toArray(), (QJsonArray { QStringLiteral("x"), QStringLiteral("y") }));
}

void tst_RecordEditor::jsonSyntaxErrorShowsLineAndColumn()
{
    QVERIFY(openEditor(QStringLiteral("things")));
    m_editor->findChild<QTabWidget *>(QStringLiteral("tabs"))->setCurrentIndex(1);
    auto *jsonEdit = m_editor->findChild<QPlainTextEdit *>(QStringLiteral("jsonEdit"));
    jsonEdit->setPlainText(QStringLiteral("{\n  \"title\": \"Broken\",\n  \"status\": open\n}"));
    auto *error = m_editor->findChild<QLabel *>(QStringLiteral("jsonError"));
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().startsWith(QLatin1String("line 3, column")), qPrintable(error->text()));
    // The form keeps the last valid version.
    QCOMPARE(field<QLineEdit>(QStringLiteral("title"))->text(), QString());

    const int servedBefore = m_server->served;
    clickSave();
    QTest::qWait(100);
    QCOMPARE(m_server->served, servedBefore);
    QVERIFY(m_editor->message().contains(QLatin1String("line 3")));

    // Typing the missing quotes fixes it; the form follows.
    QTextCursor cursor = jsonEdit->document()->find(QStringLiteral("open"));
    cursor.insertText(QStringLiteral("\"open\""));
    QVERIFY(!error->isVisible());
    QCOMPARE(field<QLineEdit>(QStringLiteral("title"))->text(), QStringLiteral("Broken"));
    QSignalSpy saved(m_editor.get(), &RecordEditor::recordSaved);
    clickSave();
    QVERIFY(saved.wait(5000));
    QCOMPARE(m_server->record(QStringLiteral("things"), m_editor->recordId()).value(QLatin1String("status")).toString(),
             QStringLiteral("open"));
}

void tst_RecordEditor::collectionWithoutSchemaGetsJsonOnly()
{
    QVERIFY(openEditor(QStringLiteral("raw")));
    QVERIFY(!m_editor->form());
    auto *tabs = m_editor->findChild<QTabWidget *>(QStringLiteral("tabs"));
    QCOMPARE(tabs->count(), 1);
    QCOMPARE(tabs->tabText(0), QStringLiteral("JSON"));
    auto *jsonEdit = m_editor->findChild<QPlainTextEdit *>(QStringLiteral("jsonEdit"));
    jsonEdit->selectAll();
    QTest::keyClicks(jsonEdit, QStringLiteral(R"({"id": "free-form", "anything": [1, {"deep": true}]})"));
    QSignalSpy saved(m_editor.get(), &RecordEditor::recordSaved);
    clickSave();
    QVERIFY(saved.wait(5000));
    QCOMPARE(m_server->record(QStringLiteral("raw"), QStringLiteral("free-form")).value(QLatin1String("anything")),
             QJsonValue(QJsonArray { 1, json(R"({"deep": true})") }));
}

void tst_RecordEditor::unknownPropertiesSurviveAFormEdit()
{
    // Properties the schema does not describe, and values the widgets cannot show exactly.
    m_server->put(QStringLiteral("things"), QStringLiteral("r2"),
                  json(R"({"title": "Kept", "status": "open", "legacy": {"a": [1, 2]},
                           "seen": "2024-01-02T03:04:05.250+02:00", "owner": {"name": "Bo", "phone": "123"}})"));
    QVERIFY(openEditor(QStringLiteral("things"), QStringLiteral("r2")));
    typeInto(field<QLineEdit>(QStringLiteral("price")), QStringLiteral("3"));
    QSignalSpy saved(m_editor.get(), &RecordEditor::recordSaved);
    clickSave();
    QVERIFY(saved.wait(5000));
    const QJsonObject held = m_server->record(QStringLiteral("things"), QStringLiteral("r2"));
    QCOMPARE(held.value(QLatin1String("price")).toDouble(), 3.0);
    QCOMPARE(held.value(QLatin1String("legacy")).toObject(), json(R"({"a": [1, 2]})"));
    QCOMPARE(held.value(QLatin1String("seen")).toString(), QStringLiteral("2024-01-02T03:04:05.250+02:00"));
    QCOMPARE(held.value(QLatin1String("owner")).toObject(), json(R"({"name": "Bo", "phone": "123"})"));
}

void tst_RecordEditor::serverFailureKeepsTheInput()
{
    QVERIFY(openEditor(QStringLiteral("things")));
    typeInto(field<QLineEdit>(QStringLiteral("title")), QStringLiteral("Survivor"));
    auto *status = field<QComboBox>(QStringLiteral("status"));
    status->setFocus();
    QTest::keyClicks(status, QStringLiteral("open"));
    m_server->sandbox->failNext(1, 503);
    QSignalSpy applied(m_editor.get(), &EditorBase::applied);
    clickSave();
    QVERIFY(!m_editor->findChild<QPushButton *>(QStringLiteral("saveButton"))->isEnabled()); // while saving
    QVERIFY(field<QLineEdit>(QStringLiteral("title"))->isEnabled());
    QVERIFY(applied.wait(5000));
    QCOMPARE(applied.first().at(0).toBool(), false);
    QVERIFY(m_editor->isVisible());
    QVERIFY2(m_editor->message().contains(QLatin1String("503")), qPrintable(m_editor->message()));
    QCOMPARE(field<QLineEdit>(QStringLiteral("title"))->text(), QStringLiteral("Survivor"));
    QVERIFY(m_editor->isModified());
    QVERIFY(m_editor->findChild<QPushButton *>(QStringLiteral("saveButton"))->isEnabled());

    clickSave();
    QTRY_VERIFY_WITH_TIMEOUT(!m_editor->isVisible(), 5000);
    QCOMPARE(m_server->record(QStringLiteral("things"), m_editor->recordId()).value(QLatin1String("title")).toString(),
             QStringLiteral("Survivor"));
}

void tst_RecordEditor::serverValidationErrorShownUnderTheField()
{
    // The server's schema is stricter than the one the editor loaded (changed meanwhile).
    QJsonObject strict = json(ThingsSchema);
    QJsonObject properties = strict.value(QLatin1String("properties")).toObject();
    properties.insert(QStringLiteral("title"), json(R"({"type": "string", "maxLength": 5})"));
    strict.insert(QStringLiteral("properties"), properties);
    QVERIFY(openEditor(QStringLiteral("things")));
    std::unique_ptr<Job> change(TestSupport::keep(m_server->checker->patchCollection(
        QStringLiteral("shop"), QStringLiteral("things"), KintoPatch::basic({ { QStringLiteral("schema"), strict } }))));
    QVERIFY(TestSupport::waitFor(change.get()));
    QVERIFY2(!change->hasError(), qPrintable(change->error().toString()));

    typeInto(field<QLineEdit>(QStringLiteral("title")), QStringLiteral("Too long for the server"));
    auto *status = field<QComboBox>(QStringLiteral("status"));
    status->setFocus();
    QTest::keyClicks(status, QStringLiteral("open"));
    QSignalSpy applied(m_editor.get(), &EditorBase::applied);
    clickSave();
    QVERIFY(applied.wait(5000));
    QCOMPARE(applied.first().at(0).toBool(), false);
    QVERIFY(m_editor->isVisible());
    QVERIFY2(m_editor->message().contains(QLatin1String("400")), qPrintable(m_editor->message()));
    QVERIFY(errorLabel(QStringLiteral("title"))->isVisible());
    QCOMPARE(field<QLineEdit>(QStringLiteral("title"))->text(), QStringLiteral("Too long for the server"));
}

void tst_RecordEditor::duplicateCreatesACopy()
{
    m_server->put(QStringLiteral("things"), QStringLiteral("orig"), json(R"({"title": "Original", "status": "open", "priority": 2})"));
    m_editor = std::make_unique<RecordEditor>(m_server->client.get(), QStringLiteral("shop"), QStringLiteral("things"));
    QSignalSpy loaded(m_editor.get(), &RecordEditor::loaded);
    m_editor->startDuplicate(QStringLiteral("orig"));
    m_editor->show();
    QVERIFY(loaded.wait(5000));
    QCOMPARE(field<QLineEdit>(QStringLiteral("title"))->text(), QStringLiteral("Original"));
    typeInto(field<QLineEdit>(QStringLiteral("title")), QStringLiteral("Copy"));
    QSignalSpy saved(m_editor.get(), &RecordEditor::recordSaved);
    clickSave();
    QVERIFY(saved.wait(5000));
    const QString copyId = m_editor->recordId();
    QVERIFY(!copyId.isEmpty());
    QVERIFY(copyId != QLatin1String("orig"));
    const QJsonObject copy = m_server->record(QStringLiteral("things"), copyId);
    QCOMPARE(copy.value(QLatin1String("title")).toString(), QStringLiteral("Copy"));
    QCOMPARE(copy.value(QLatin1String("priority")).toInteger(), 2);
    QCOMPARE(m_server->record(QStringLiteral("things"), QStringLiteral("orig")).value(QLatin1String("title")).toString(),
             QStringLiteral("Original"));
}

void tst_RecordEditor::closingWithUnsavedChangesAsks()
{
    m_server->put(QStringLiteral("things"), QStringLiteral("r3"), json(R"({"title": "Untouched", "status": "open"})"));
    QVERIFY(openEditor(QStringLiteral("things"), QStringLiteral("r3")));
    QVERIFY(!m_editor->isModified());
    typeInto(field<QLineEdit>(QStringLiteral("title")), QStringLiteral("Half typed"));
    QVERIFY(m_editor->isModified());

    // "No, keep editing": Cancel, then the window's close button.
    Prompt::setAnswerForTests(false);
    QTest::mouseClick(m_editor->findChild<QPushButton *>(QStringLiteral("cancelButton")), Qt::LeftButton);
    QVERIFY(m_editor->isVisible());
    QVERIFY(Prompt::lastMessage().contains(QLatin1String("Discard")));
    QVERIFY(!m_editor->close());
    QVERIFY(m_editor->isVisible());
    QCOMPARE(field<QLineEdit>(QStringLiteral("title"))->text(), QStringLiteral("Half typed"));

    // "Yes, discard": closed, nothing written.
    Prompt::setAnswerForTests(true);
    const int servedBefore = m_server->served;
    QTest::mouseClick(m_editor->findChild<QPushButton *>(QStringLiteral("cancelButton")), Qt::LeftButton);
    QVERIFY(!m_editor->isVisible());
    QCOMPARE(m_server->served, servedBefore);
    QCOMPARE(m_server->record(QStringLiteral("things"), QStringLiteral("r3")).value(QLatin1String("title")).toString(),
             QStringLiteral("Untouched"));
}

QTEST_MAIN(tst_RecordEditor)
#include "tst_recordeditor.moc"

void tst_RecordEditor::savingAnUnchangedRecordSendsNothing_data()
{
    QTest::addColumn<QString>("typed"); // typed into the title, then the original typed back
    QTest::newRow("untouched") << QString();
    QTest::newRow("typed, then typed back") << QStringLiteral("Changed");
}

void tst_RecordEditor::savingAnUnchangedRecordSendsNothing()
{
    QFETCH(QString, typed);
    const QJsonObject before = m_server->put(QStringLiteral("things"), QStringLiteral("same"),
        json(R"({"title": "Same", "status": "open", "legacy": [1, 2]})"));
    QVERIFY(!before.isEmpty());
    QVERIFY(openEditor(QStringLiteral("things"), QStringLiteral("same")));
    if (!typed.isEmpty()) {
        typeInto(field<QLineEdit>(QStringLiteral("title")), typed);
        typeInto(field<QLineEdit>(QStringLiteral("title")), QStringLiteral("Same"));
    }
    const int servedBefore = m_server->served;
    QSignalSpy saved(m_editor.get(), &RecordEditor::recordSaved);
    clickSave();
    QTRY_VERIFY(!m_editor->isVisible()); // Save closes: there was nothing to keep
    QCOMPARE(m_server->served, servedBefore); // no PUT
    QCOMPARE(saved.size(), 0);                // so nothing to undo either
    // No new version, no history entry.
    QCOMPARE(m_server->record(QStringLiteral("things"), QStringLiteral("same")).value(QLatin1String("last_modified")),
             before.value(QLatin1String("last_modified")));
    KintoListOptions about;
    about.extra.append({ QStringLiteral("uri"), QStringLiteral("/buckets/shop/collections/things/records/same") });
    std::unique_ptr<Job> history(TestSupport::keep(m_server->checker->getHistory(QStringLiteral("shop"), about)));
    QVERIFY(TestSupport::waitFor(history.get()));
    QVERIFY2(!history->hasError(), qPrintable(history->error().toString()));
    QCOMPARE(history->result().toArray().size(), 1); // the put above only
}

void tst_RecordEditor::fieldsFollowTheSchemaOrder_data()
{
    QTest::addColumn<QByteArray>("uiSchema"); // the collection's, as JSON text ("" = none)
    QTest::addColumn<QStringList>("order");   // the fields, top to bottom
    const QStringList all { QStringLiteral("serial"), QStringLiteral("name"), QStringLiteral("owner.zip"),
                            QStringLiteral("owner.city"), QStringLiteral("active") };
    QTest::newRow("the schema's own order") << QByteArray() << all;
    QTest::newRow("ui:order, * for the rest")
        << QByteArray(R"({"ui:order": ["active", "*", "serial"], "owner": {"ui:order": ["city", "*"]}})")
        << QStringList { QStringLiteral("active"), QStringLiteral("name"), QStringLiteral("owner.city"),
                         QStringLiteral("owner.zip"), QStringLiteral("serial") };
    QTest::newRow("ui:order naming some") << QByteArray(R"({"ui:order": ["name"]})")
        << QStringList { QStringLiteral("name"), QStringLiteral("serial"), QStringLiteral("owner.zip"),
                         QStringLiteral("owner.city"), QStringLiteral("active") };
}

void tst_RecordEditor::fieldsFollowTheSchemaOrder()
{
    QFETCH(QByteArray, uiSchema);
    QFETCH(QStringList, order);
    // A server that keeps the schema as written, not sorted (as Kinto does): a loopback one here.
    const QByteArray collection = R"({"data": {"id": "c", "last_modified": 1, )"
        + (uiSchema.isEmpty() ? QByteArray() : QByteArray("\"uiSchema\": " + uiSchema + ", "))
        + R"("schema": {"type": "object", "properties": {
            "serial": {"type": "string"}, "name": {"type": "string", "title": "Name"},
            "owner": {"type": "object", "properties": {"zip": {"type": "string"}, "city": {"type": "string"}}},
            "active": {"type": "boolean"}}}}})";
    LoopbackHttpServer server;
    QVERIFY(server.listen());
    server.setHandler([&collection](const HttpServerRequest &request, HttpResponder *responder) {
        if (request.path == QLatin1String("/v1/buckets/b/collections/c"))
            responder->respondJson(200, collection);
        else
            responder->respondJson(404, R"({"code": 404, "errno": 110, "error": "Not Found"})");
    });
    KintoClient::Settings settings;
    settings.serverUrl = server.baseUrl();
    QNetworkAccessManager nam;
    KintoConnection client(&nam, settings);
    m_editor = std::make_unique<RecordEditor>(&client, QStringLiteral("b"), QStringLiteral("c"));
    QSignalSpy loaded(m_editor.get(), &RecordEditor::loaded);
    m_editor->startCreate();
    m_editor->show();
    QVERIFY(loaded.wait(5000));
    QVERIFY(m_editor->form());

    // Top to bottom as a person sees them.
    for (const QString &path : std::as_const(order))
        QVERIFY2(field<QWidget>(path), qPrintable(path));
    const auto topToBottom = [&] {
        QMap<int, QString> byPosition;
        for (const QString &path : std::as_const(order))
            byPosition.insert(field<QWidget>(path)->mapTo(m_editor->form(), QPoint(0, 0)).y(), path);
        return byPosition.values();
    };
    QTRY_COMPARE(topToBottom(), order);
    // A nested object is named once, by its row's label: its frame shows no title of its own.
    QStringList texts;
    for (const QLabel *label : m_editor->form()->findChildren<QLabel *>())
        texts << label->text();
    for (const QGroupBox *box : m_editor->form()->findChildren<QGroupBox *>())
        texts << box->title();
    QCOMPARE(texts.count(QStringLiteral("owner")), 1);
    m_editor.reset(); // before the client
}
