// A save refused with 412 (the record changed on the server behind the editor's back) opens the
// conflict dialog; reload, overwrite and merge each leave the server holding what the user chose.

#include "editors/conflictdialog.h"
#include "editors/recordeditor.h"
#include "prompt.h"
#include "recordeditorfixture.h"

#include <QComboBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>

using namespace RecordEditorFixture;

class tst_ConflictDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void tableShowsBothSidesAndDefaults();
    void resolveThroughTheEditor_data();
    void resolveThroughTheEditor();
    void recordDeletedMeanwhileCanBeRecreated();

private:
    std::unique_ptr<Server> m_server;
};

void tst_ConflictDialog::init()
{
    Prompt::setAnswerForTests(true);
    m_server = std::make_unique<Server>();
    QString why;
    QVERIFY2(m_server->start(&why), qPrintable(why));
}

void tst_ConflictDialog::cleanup()
{
    m_server.reset();
    Prompt::setAnswerForTests(std::nullopt);
}

void tst_ConflictDialog::tableShowsBothSidesAndDefaults()
{
    const QJsonObject base = json(R"({"id": "r", "last_modified": 1, "title": "A", "status": "open", "priority": 2})");
    const QJsonObject mine = json(R"({"id": "r", "last_modified": 1, "title": "Mine", "status": "open", "priority": 2})");
    const QJsonObject theirs = json(R"({"id": "r", "last_modified": 9, "title": "Theirs", "status": "open", "priority": 4, "extra": true})");
    ConflictDialog dialog(base, mine, theirs);
    QTableWidget *table = dialog.table();
    QCOMPARE(table->rowCount(), 4); // extra, priority, status, title: id and last_modified are the server's
    QCOMPARE(dialog.differingFields(), (QStringList { QStringLiteral("extra"), QStringLiteral("priority"), QStringLiteral("title") }));
    for (int row = 0; row < table->rowCount(); ++row) {
        const QString field = table->item(row, ConflictDialog::FieldColumn)->text();
        const bool differs = field != QLatin1String("status");
        QCOMPARE(table->item(row, ConflictDialog::FieldColumn)->data(ConflictDialog::DiffersRole).toBool(), differs);
        QCOMPARE(table->item(row, ConflictDialog::MineColumn)->background() != QBrush(), differs); // highlighted
        QCOMPARE(dialog.findChild<QComboBox *>(QStringLiteral("keep_") + field) != nullptr, differs);
    }
    QCOMPARE(table->item(2, ConflictDialog::TheirsColumn)->text(), QStringLiteral("open"));
    QCOMPARE(table->item(0, ConflictDialog::MineColumn)->text(), QStringLiteral("(absent)"));
    // What the user changed defaults to mine, what only the server changed to theirs.
    QVERIFY(dialog.keepsMine(QStringLiteral("title")));
    QVERIFY(!dialog.keepsMine(QStringLiteral("priority")));
    QVERIFY(!dialog.keepsMine(QStringLiteral("extra")));
    QCOMPARE(dialog.merged().value(QLatin1String("title")).toString(), QStringLiteral("Mine"));
    QCOMPARE(dialog.merged().value(QLatin1String("priority")).toInteger(), 4);
    QCOMPARE(dialog.merged().value(QLatin1String("last_modified")).toInteger(), 9);
    // Choosing "Mine" for a field absent on my side removes it.
    dialog.findChild<QComboBox *>(QStringLiteral("keep_extra"))->setCurrentIndex(0);
    QVERIFY(!dialog.merged().contains(QLatin1String("extra")));
}

void tst_ConflictDialog::resolveThroughTheEditor_data()
{
    QTest::addColumn<QString>("button");
    QTest::addColumn<bool>("flipPriorityToMine"); // merge only: keep my priority instead of theirs
    QTest::addColumn<QString>("expectedTitle");   // on the server afterwards
    QTest::addColumn<int>("expectedPriority");
    QTest::addColumn<QString>("expectedStatus");
    QTest::addColumn<bool>("editorOpen");

    // The user changed title (and the status stays); the server meanwhile changed priority and status.
    QTest::newRow("reload takes the server's version") << "reloadButton" << false << "Original" << 5 << "closed" << true;
    QTest::newRow("overwrite saves mine over it") << "overwriteButton" << false << "Mine" << 2 << "open" << false;
    QTest::newRow("merge keeps my title, their priority") << "mergeButton" << false << "Mine" << 5 << "closed" << false;
    QTest::newRow("merge with my priority picked") << "mergeButton" << true << "Mine" << 2 << "closed" << false;
}

void tst_ConflictDialog::resolveThroughTheEditor()
{
    QFETCH(QString, button);
    QFETCH(bool, flipPriorityToMine);
    QFETCH(QString, expectedTitle);
    QFETCH(int, expectedPriority);
    QFETCH(QString, expectedStatus);
    QFETCH(bool, editorOpen);

    const QJsonObject original = m_server->put(QStringLiteral("things"), QStringLiteral("r"),
                                               json(R"({"title": "Original", "status": "open", "priority": 2})"));
    QVERIFY(!original.isEmpty());
    RecordEditor editor(m_server->client.get(), QStringLiteral("shop"), QStringLiteral("things"));
    QSignalSpy loaded(&editor, &RecordEditor::loaded);
    editor.startEdit(QStringLiteral("r"));
    editor.show();
    QVERIFY(loaded.wait(5000));
    typeInto(editor.findChild<QLineEdit *>(QStringLiteral("field_title")), QStringLiteral("Mine"));

    // Behind the editor's back.
    const QJsonObject changed = m_server->put(QStringLiteral("things"), QStringLiteral("r"),
                                              json(R"({"title": "Original", "status": "closed", "priority": 5})"));
    QVERIFY(changed.value(QLatin1String("last_modified")).toInteger() > original.value(QLatin1String("last_modified")).toInteger());

    QSignalSpy conflict(&editor, &RecordEditor::conflictShown);
    QTest::mouseClick(editor.findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
    QVERIFY(conflict.wait(5000));
    ConflictDialog *dialog = editor.conflictDialog();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QVERIFY(editor.isVisible()); // nothing lost: the editor is still there with the input
    QCOMPARE(editor.findChild<QLineEdit *>(QStringLiteral("field_title"))->text(), QStringLiteral("Mine"));
    QCOMPARE(dialog->differingFields(), (QStringList { QStringLiteral("priority"), QStringLiteral("status"), QStringLiteral("title") }));
    // The server's version was not touched by the refused save.
    QCOMPARE(m_server->record(QStringLiteral("things"), QStringLiteral("r")), changed);

    if (flipPriorityToMine) {
        auto *keep = dialog->findChild<QComboBox *>(QStringLiteral("keep_priority"));
        keep->setFocus();
        QTest::keyClicks(keep, QStringLiteral("Mine"));
    }
    QSignalSpy applied(&editor, &EditorBase::applied);
    QTest::mouseClick(dialog->findChild<QPushButton *>(button), Qt::LeftButton);
    if (editorOpen) {
        QTRY_VERIFY(!editor.conflictDialog());
        QCOMPARE(editor.findChild<QLineEdit *>(QStringLiteral("field_title"))->text(), QStringLiteral("Original"));
        QVERIFY(!editor.isModified());
    } else {
        QVERIFY(applied.wait(5000));
        QVERIFY2(applied.last().at(0).toBool(), qPrintable(applied.last().at(1).toString()));
        QTRY_VERIFY(!editor.isVisible());
    }
    const QJsonObject held = m_server->record(QStringLiteral("things"), QStringLiteral("r"));
    QCOMPARE(held.value(QLatin1String("title")).toString(), expectedTitle);
    QCOMPARE(held.value(QLatin1String("priority")).toInteger(), expectedPriority);
    QCOMPARE(held.value(QLatin1String("status")).toString(), expectedStatus);
    QCOMPARE(editor.isVisible(), editorOpen);

    if (editorOpen) {
        // After a reload, a save is an ordinary safe update of the server's version.
        typeInto(editor.findChild<QLineEdit *>(QStringLiteral("field_title")), QStringLiteral("Again"));
        QTest::mouseClick(editor.findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
        QVERIFY(applied.wait(5000));
        QVERIFY(applied.last().at(0).toBool());
        QCOMPARE(m_server->record(QStringLiteral("things"), QStringLiteral("r")).value(QLatin1String("title")).toString(),
                 QStringLiteral("Again"));
    }
}

void tst_ConflictDialog::recordDeletedMeanwhileCanBeRecreated()
{
    m_server->put(QStringLiteral("things"), QStringLiteral("gone"), json(R"({"title": "Soon gone", "status": "open"})"));
    RecordEditor editor(m_server->client.get(), QStringLiteral("shop"), QStringLiteral("things"));
    QSignalSpy loaded(&editor, &RecordEditor::loaded);
    editor.startEdit(QStringLiteral("gone"));
    editor.show();
    QVERIFY(loaded.wait(5000));
    typeInto(editor.findChild<QLineEdit *>(QStringLiteral("field_title")), QStringLiteral("Still wanted"));
    std::unique_ptr<Job> removal(TestSupport::keep(
        m_server->checker->deleteRecord(QStringLiteral("shop"), QStringLiteral("things"), QStringLiteral("gone"))));
    QVERIFY(TestSupport::waitFor(removal.get()));

    QSignalSpy conflict(&editor, &RecordEditor::conflictShown);
    QTest::mouseClick(editor.findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
    QVERIFY(conflict.wait(5000));
    ConflictDialog *dialog = editor.conflictDialog();
    QVERIFY(!dialog->findChild<QPushButton *>(QStringLiteral("reloadButton"))->isEnabled());
    QVERIFY(!dialog->findChild<QPushButton *>(QStringLiteral("mergeButton"))->isEnabled());
    QSignalSpy applied(&editor, &EditorBase::applied);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("overwriteButton")), Qt::LeftButton);
    QVERIFY(applied.wait(5000));
    QVERIFY2(applied.last().at(0).toBool(), qPrintable(applied.last().at(1).toString()));
    QCOMPARE(m_server->record(QStringLiteral("things"), QStringLiteral("gone")).value(QLatin1String("title")).toString(),
             QStringLiteral("Still wanted"));
}

QTEST_MAIN(tst_ConflictDialog)
#include "tst_conflictdialog.moc"
