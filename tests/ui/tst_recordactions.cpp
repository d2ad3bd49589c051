// Create / edit / delete through RecordActions, then undo and redo: each step changes what the
// server holds, and a step refused by the server leaves the stack where the server is.

#include "editors/recordactions.h"
#include "prompt.h"
#include "recordeditorfixture.h"

#include <QAction>
#include <QComboBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QUndoStack>

using namespace RecordEditorFixture;

// Waits until the running server operation (if any) ended.
#define SETTLE(actions) QTRY_VERIFY_WITH_TIMEOUT(!(actions).isBusy(), 5000)

class tst_RecordActions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void undoRedoCreate();
    void undoRedoEdit();
    void undoRedoDelete();
    void declinedDeleteSendsNothing();
    void undoRefusedWhenChangedMeanwhile();

private:
    QString title(const QString &id)
    {
        return m_server->record(QStringLiteral("things"), id).value(QLatin1String("title")).toString();
    }

    std::unique_ptr<Server> m_server;
    std::unique_ptr<QWidget> m_window;
};

void tst_RecordActions::init()
{
    Prompt::setAnswerForTests(true);
    m_server = std::make_unique<Server>();
    QString why;
    QVERIFY2(m_server->start(&why), qPrintable(why));
    m_window = std::make_unique<QWidget>();
}

void tst_RecordActions::cleanup()
{
    m_window.reset(); // editors are its children
    m_server.reset();
    Prompt::setAnswerForTests(std::nullopt);
}

void tst_RecordActions::undoRedoCreate()
{
    RecordActions actions(m_server->client.get(), QStringLiteral("shop"), QStringLiteral("things"), m_window.get());
    QSignalSpy changed(&actions, &RecordActions::recordChanged);
    QSignalSpy removed(&actions, &RecordActions::recordsRemoved);
    QVERIFY(!actions.undoAction()->isEnabled());

    actions.create();
    RecordEditor *editor = actions.editor();
    QVERIFY(editor);
    QTRY_VERIFY(editor->isLoaded());
    typeInto(editor->findChild<QLineEdit *>(QStringLiteral("field_title")), QStringLiteral("Fresh"));
    auto *status = editor->findChild<QComboBox *>(QStringLiteral("field_status"));
    status->setFocus();
    QTest::keyClicks(status, QStringLiteral("open"));
    QTest::mouseClick(editor->findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
    QTRY_COMPARE(changed.count(), 1);
    const QString id = changed.first().at(0).toJsonObject().value(QLatin1String("id")).toString();
    QCOMPARE(title(id), QStringLiteral("Fresh"));
    QCOMPARE(actions.undoStack()->count(), 1);
    QVERIFY(actions.undoAction()->isEnabled());
    QVERIFY(actions.undoAction()->text().contains(id));

    actions.undoAction()->trigger();
    SETTLE(actions);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.first().at(0).toStringList(), QStringList { id });
    QVERIFY(m_server->record(QStringLiteral("things"), id).isEmpty());

    actions.redoAction()->trigger();
    SETTLE(actions);
    QCOMPARE(title(id), QStringLiteral("Fresh"));
    QCOMPARE(changed.count(), 2);
    QCOMPARE(actions.undoStack()->index(), 1);

    // And once more, with the timestamp of the re-created record.
    actions.undoAction()->trigger();
    SETTLE(actions);
    QVERIFY(m_server->record(QStringLiteral("things"), id).isEmpty());
}

void tst_RecordActions::undoRedoEdit()
{
    m_server->put(QStringLiteral("things"), QStringLiteral("e1"), json(R"({"title": "Before", "status": "open", "note": "kept"})"));
    RecordActions actions(m_server->client.get(), QStringLiteral("shop"), QStringLiteral("things"), m_window.get());
    QSignalSpy changed(&actions, &RecordActions::recordChanged);

    // Two edits in a row: undo must chain their timestamps.
    for (const QString &text : { QStringLiteral("After"), QStringLiteral("Latest") }) {
        actions.edit(QStringLiteral("e1"));
        RecordEditor *editor = actions.editor();
        QTRY_VERIFY(editor->isLoaded());
        typeInto(editor->findChild<QLineEdit *>(QStringLiteral("field_title")), text);
        QTest::mouseClick(editor->findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
        QTRY_COMPARE(title(QStringLiteral("e1")), text);
    }
    QCOMPARE(actions.undoStack()->count(), 2);

    actions.undo();
    SETTLE(actions);
    QCOMPARE(title(QStringLiteral("e1")), QStringLiteral("After"));
    actions.undo();
    SETTLE(actions);
    QCOMPARE(title(QStringLiteral("e1")), QStringLiteral("Before"));
    QCOMPARE(m_server->record(QStringLiteral("things"), QStringLiteral("e1")).value(QLatin1String("note")).toString(),
             QStringLiteral("kept"));
    QCOMPARE(changed.last().at(0).toJsonObject().value(QLatin1String("title")).toString(), QStringLiteral("Before"));

    actions.redo();
    SETTLE(actions);
    QCOMPARE(title(QStringLiteral("e1")), QStringLiteral("After"));
    actions.redo();
    SETTLE(actions);
    QCOMPARE(title(QStringLiteral("e1")), QStringLiteral("Latest"));
}

void tst_RecordActions::undoRedoDelete()
{
    m_server->put(QStringLiteral("things"), QStringLiteral("d1"), json(R"({"title": "One", "status": "open"})"));
    m_server->put(QStringLiteral("things"), QStringLiteral("d2"), json(R"({"title": "Two", "status": "closed", "priority": 3})"));
    RecordActions actions(m_server->client.get(), QStringLiteral("shop"), QStringLiteral("things"), m_window.get());
    QSignalSpy removed(&actions, &RecordActions::recordsRemoved);
    QSignalSpy changed(&actions, &RecordActions::recordChanged);

    actions.remove({ QStringLiteral("d1"), QStringLiteral("d2") });
    QVERIFY(Prompt::lastMessage().contains(QLatin1String("2 records")));
    SETTLE(actions);
    QVERIFY(m_server->record(QStringLiteral("things"), QStringLiteral("d1")).isEmpty());
    QVERIFY(m_server->record(QStringLiteral("things"), QStringLiteral("d2")).isEmpty());
    QStringList gone;
    for (const QList<QVariant> &signal : removed)
        gone += signal.at(0).toStringList();
    gone.sort();
    QCOMPARE(gone, (QStringList { QStringLiteral("d1"), QStringLiteral("d2") }));

    changed.clear();
    actions.undo();
    SETTLE(actions);
    QCOMPARE(title(QStringLiteral("d1")), QStringLiteral("One"));
    const QJsonObject two = m_server->record(QStringLiteral("things"), QStringLiteral("d2"));
    QCOMPARE(two.value(QLatin1String("title")).toString(), QStringLiteral("Two"));
    QCOMPARE(two.value(QLatin1String("priority")).toInteger(), 3);
    QCOMPARE(changed.count(), 2);

    actions.redo();
    SETTLE(actions);
    QVERIFY(m_server->record(QStringLiteral("things"), QStringLiteral("d1")).isEmpty());
    QVERIFY(m_server->record(QStringLiteral("things"), QStringLiteral("d2")).isEmpty());
}

void tst_RecordActions::declinedDeleteSendsNothing()
{
    m_server->put(QStringLiteral("things"), QStringLiteral("k"), json(R"({"title": "Keep me", "status": "open"})"));
    RecordActions actions(m_server->client.get(), QStringLiteral("shop"), QStringLiteral("things"), m_window.get());
    Prompt::setAnswerForTests(false);
    const int servedBefore = m_server->served;
    actions.remove({ QStringLiteral("k") });
    QTest::qWait(50);
    QCOMPARE(m_server->served, servedBefore);
    QCOMPARE(actions.undoStack()->count(), 0);
    QCOMPARE(title(QStringLiteral("k")), QStringLiteral("Keep me"));
}

void tst_RecordActions::undoRefusedWhenChangedMeanwhile()
{
    m_server->put(QStringLiteral("things"), QStringLiteral("c"), json(R"({"title": "Mine v1", "status": "open"})"));
    RecordActions actions(m_server->client.get(), QStringLiteral("shop"), QStringLiteral("things"), m_window.get());
    QSignalSpy failed(&actions, &RecordActions::failed);
    actions.edit(QStringLiteral("c"));
    RecordEditor *editor = actions.editor();
    QTRY_VERIFY(editor->isLoaded());
    typeInto(editor->findChild<QLineEdit *>(QStringLiteral("field_title")), QStringLiteral("Mine v2"));
    QTest::mouseClick(editor->findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
    QTRY_COMPARE(title(QStringLiteral("c")), QStringLiteral("Mine v2"));

    // Someone else edits the record; undoing my edit must not overwrite theirs.
    m_server->put(QStringLiteral("things"), QStringLiteral("c"), json(R"({"title": "Theirs", "status": "open"})"));
    actions.undo();
    SETTLE(actions);
    QCOMPARE(failed.count(), 1);
    QVERIFY2(failed.first().at(0).toString().contains(QLatin1String("412")), qPrintable(failed.first().at(0).toString()));
    QCOMPARE(title(QStringLiteral("c")), QStringLiteral("Theirs"));
    // The stack still says the edit is done, as on the server.
    QCOMPARE(actions.undoStack()->index(), 1);
    QVERIFY(actions.undoAction()->isEnabled());
}

QTEST_MAIN(tst_RecordActions)
#include "tst_recordactions.moc"
