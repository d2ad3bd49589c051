#include "attachments/attachmentpanel.h"
#include "editors/recordactions.h"
#include "history/historyview.h"
#include "editors/recordeditor.h"
#include "kintoclient.h"
#include "kintosandbox.h"
#include "prompt.h"
#include "recordtablemodel.h"
#include "records/collectionview.h"
#include "records/collectionworkspace.h"
#include "testsupport.h"

#include <QAction>
#include <QFile>
#include <QTemporaryDir>
#include <QToolBar>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QTableView>
#include <QTest>

using TestSupport::keep;
using TestSupport::waitFor;

// The collection page as a user works with it: edit a record from the table, delete it, undo,
// and the other tools opening from the toolbar; what the server holds is checked each time.
class tst_CollectionWorkspace : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void editFromTableThenDeleteAndUndo();
    void historyAskedOnlyWhenOpened();
    void toolbarOpensTools_data();
    void toolbarOpensTools();
    void attachmentPaneOnlyWhenThereIsOne();
    void aRecordDeletedOnTheServerLeavesTheTable_data();
    void aRecordDeletedOnTheServerLeavesTheTable();

private:
    QJsonObject serverRecord(const QString &id, int *status = nullptr);
    int rowOf(const QString &id) const;

    KintoSandbox m_sandbox;
    QNetworkAccessManager m_nam;
    std::unique_ptr<KintoClient> m_client;
    std::unique_ptr<KintoClient> m_checker; // a separate client reading what the server holds
    std::unique_ptr<CollectionWorkspace> m_workspace;
};

void tst_CollectionWorkspace::initTestCase()
{
    QVERIFY(m_sandbox.start());
    m_sandbox.seedDemoData();
    Prompt::setAnswerForTests(true);
}

void tst_CollectionWorkspace::init()
{
    KintoClient::Settings settings;
    settings.serverUrl = m_sandbox.baseUrl();
    settings.auth = QStringLiteral("admin:admin");
    m_client = std::make_unique<KintoConnection>(&m_nam, settings);
    m_checker = std::make_unique<KintoConnection>(&m_nam, settings);
    m_workspace = std::make_unique<CollectionWorkspace>(m_client.get(), QStringLiteral("main"), QStringLiteral("tickets"),
        [this] { return QList<CopyCollectionDialog::Target> { { QStringLiteral("Same tenant"), m_client.get() } }; });
    m_workspace->resize(1100, 700);
    m_workspace->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_workspace.get()));
    QTRY_VERIFY(m_workspace->view()->model()->rowCount() > 0);
}

void tst_CollectionWorkspace::cleanup()
{
    m_workspace.reset();
    QTest::qWait(50); // let aborted requests settle before the clients go
    m_checker.reset();
    m_client.reset();
}

QJsonObject tst_CollectionWorkspace::serverRecord(const QString &id, int *status)
{
    std::unique_ptr<Job> job(keep(m_checker->getRecord(QStringLiteral("main"), QStringLiteral("tickets"), id)));
    if (!waitFor(job.get()))
        return {};
    if (status)
        *status = job->hasError() ? job->error().httpStatus() : 200;
    return job->result().toObject().value(QLatin1String("data")).toObject();
}

int tst_CollectionWorkspace::rowOf(const QString &id) const
{
    RecordTableModel *model = m_workspace->view()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->recordId(row) == id)
            return row;
    }
    return -1;
}

void tst_CollectionWorkspace::editFromTableThenDeleteAndUndo()
{
    auto *table = m_workspace->view()->findChild<QTableView *>(QStringLiteral("recordsView"));
    QVERIFY(table);
    RecordTableModel *model = m_workspace->view()->model();
    const QString id = model->recordId(0);
    QVERIFY(!id.isEmpty());

    // Double-click the first row: the record editor opens on it.
    QSignalSpy opened(m_workspace->recordActions(), &RecordActions::editorOpened);
    const QRect cell = table->visualRect(table->model()->index(0, 0));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QTRY_COMPARE(opened.size(), 1);
    auto *editor = opened.first().first().value<RecordEditor *>();
    QVERIFY(editor);
    QLineEdit *title = nullptr;
    QTRY_VERIFY((title = editor->findChild<QLineEdit *>(QStringLiteral("field_title"))) && title->isEnabled()
        && !title->text().isEmpty());
    title->selectAll();
    QTest::keyClicks(title, QStringLiteral("Printer on fire"));
    QTest::mouseClick(editor->findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
    QTRY_COMPARE(serverRecord(id).value(QLatin1String("title")).toString(), QStringLiteral("Printer on fire"));
    QTRY_COMPARE(model->record(rowOf(id)).value(QLatin1String("title")).toString(), QStringLiteral("Printer on fire"));

    // Select it and delete it from the toolbar (the prompt is answered "yes").
    table->selectRow(rowOf(id));
    QAction *remove = m_workspace->view()->findChild<QAction *>(QStringLiteral("deleteAction"));
    QVERIFY(remove && remove->isEnabled());
    remove->trigger();
    int status = 0;
    QTRY_VERIFY((serverRecord(id, &status), status == 404));
    QTRY_COMPARE(rowOf(id), -1);

    // Undo brings it back on the server, as it was after the edit.
    QAction *undo = m_workspace->action(CollectionWorkspace::Action::Undo);
    QTRY_VERIFY(undo->isEnabled());
    undo->trigger();
    QTRY_COMPARE(serverRecord(id).value(QLatin1String("title")).toString(), QStringLiteral("Printer on fire"));
    QTRY_VERIFY(rowOf(id) >= 0);
}

void tst_CollectionWorkspace::historyAskedOnlyWhenOpened()
{
    int historyRequests = 0;
    QObject scope; // the counter lives on this stack frame: so does the connection
    connect(&m_sandbox, &KintoSandbox::requestServed, &scope, [&](const QByteArray &, const QString &path, int) {
        if (path.contains(QLatin1String("/history")))
            ++historyRequests;
    });
    QTest::qWait(200);
    QCOMPARE(historyRequests, 0); // the Records tab is showing: nothing asked yet
    HistoryView *history = m_workspace->showHistory();
    QVERIFY(history && history->isVisible());
    QTRY_VERIFY(historyRequests > 0);
    QCOMPARE(m_workspace->showHistory(), history); // created once
}

void tst_CollectionWorkspace::toolbarOpensTools_data()
{
    QTest::addColumn<int>("action");
    QTest::addColumn<QString>("dialog");
    QTest::addColumn<bool>("needsSelection");
    QTest::newRow("bulk edit") << int(CollectionWorkspace::Action::BulkEdit) << QStringLiteral("bulkDialog") << true;
    QTest::newRow("export") << int(CollectionWorkspace::Action::Export) << QStringLiteral("exportDialog") << false;
    QTest::newRow("import") << int(CollectionWorkspace::Action::Import) << QStringLiteral("importDialog") << false;
    QTest::newRow("copy") << int(CollectionWorkspace::Action::Copy) << QStringLiteral("copyCollectionDialog") << false;
    QTest::newRow("permissions") << int(CollectionWorkspace::Action::Permissions) << QStringLiteral("permissionsEditor") << false;
    QTest::newRow("record permissions") << int(CollectionWorkspace::Action::RecordPermissions)
                                        << QStringLiteral("recordPermissionsEditor") << true;
}

void tst_CollectionWorkspace::toolbarOpensTools()
{
    QFETCH(int, action);
    QFETCH(QString, dialog);
    QFETCH(bool, needsSelection);
    QAction *tool = m_workspace->action(CollectionWorkspace::Action(action));
    QVERIFY(tool);
    QCOMPARE(tool->isEnabled(), !needsSelection);
    if (needsSelection) {
        auto *table = m_workspace->view()->findChild<QTableView *>(QStringLiteral("recordsView"));
        table->selectRow(0);
        QTRY_VERIFY(tool->isEnabled());
    }
    tool->trigger();
    QWidget *opened = m_workspace->findChild<QWidget *>(dialog);
    QVERIFY2(opened, qPrintable(dialog));
    QTRY_VERIFY(opened->isVisible());
    opened->close();
}

void tst_CollectionWorkspace::attachmentPaneOnlyWhenThereIsOne()
{
    auto *table = m_workspace->view()->findChild<QTableView *>(QStringLiteral("recordsView"));
    RecordTableModel *model = m_workspace->view()->model();
    QWidget *pane = m_workspace->attachmentPane();
    QVERIFY(!pane->isVisible()); // nothing selected: the table has the whole width
    const QString withFile = model->recordId(2);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("note.txt"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly) && file.write("a note") > 0);
    file.close();
    std::unique_ptr<Job> upload(keep(m_checker->addAttachment(QStringLiteral("main"), QStringLiteral("tickets"), withFile, path)));
    QVERIFY(waitFor(upload.get()));
    QVERIFY2(!upload->hasError(), qPrintable(upload->error().toString()));
    auto *toolBar = m_workspace->view()->findChild<QToolBar *>(QStringLiteral("recordsToolBar"));
    QTest::mouseClick(toolBar->widgetForAction(m_workspace->view()->findChild<QAction *>(QStringLiteral("reloadAction"))),
        Qt::LeftButton);
    QTRY_VERIFY(rowOf(withFile) >= 0 && model->record(rowOf(withFile)).value(QLatin1String("attachment")).isObject());

    // A record without an attachment: no pane, and nothing asked about it.
    const int sizeOfTable = m_workspace->view()->width();
    const QString plain = model->recordId(rowOf(withFile) == 0 ? 1 : 0);
    table->selectRow(rowOf(plain));
    QTest::qWait(100);
    QVERIFY(!pane->isVisible());
    QCOMPARE(m_workspace->view()->width(), sizeOfTable);

    // The record with one: the pane shows it.
    QSignalSpy loaded(m_workspace->attachmentPanel(), &AttachmentPanel::recordLoaded);
    table->selectRow(rowOf(withFile));
    QTRY_VERIFY(pane->isVisible());
    QTRY_COMPARE(m_workspace->attachmentPanel()->attachment().value(QLatin1String("filename")).toString(),
        QStringLiteral("note.txt"));

    // Back to the plain one: hidden; the Attachment action opens it there, to upload one.
    table->selectRow(rowOf(plain));
    QTRY_VERIFY(!pane->isVisible());
    QAction *attachment = m_workspace->action(CollectionWorkspace::Action::Attachment);
    QVERIFY(attachment->isEnabled());
    loaded.clear();
    attachment->trigger();
    QVERIFY(pane->isVisible());
    QTRY_COMPARE(loaded.size(), 1);
    QCOMPARE(loaded.first().first().toJsonObject().value(QLatin1String("id")).toString(), plain);
}

void tst_CollectionWorkspace::aRecordDeletedOnTheServerLeavesTheTable_data()
{
    QTest::addColumn<bool>("open"); // double-click the row, else select it and press Delete
    QTest::newRow("opened") << true;
    QTest::newRow("deleted again") << false;
}

void tst_CollectionWorkspace::aRecordDeletedOnTheServerLeavesTheTable()
{
    QFETCH(bool, open);
    auto *table = m_workspace->view()->findChild<QTableView *>(QStringLiteral("recordsView"));
    RecordTableModel *model = m_workspace->view()->model();
    const QString id = model->recordId(1);
    const qint64 total = model->total();
    QVERIFY(!id.isEmpty() && total > 1);
    // Someone else deletes it after the list was read.
    std::unique_ptr<Job> gone(keep(m_checker->deleteRecord(QStringLiteral("main"), QStringLiteral("tickets"), id)));
    QVERIFY(waitFor(gone.get()) && !gone->hasError());

    QSignalSpy opened(m_workspace->recordActions(), &RecordActions::editorOpened);
    QSignalSpy failed(m_workspace->recordActions(), &RecordActions::failed);
    const QRect cell = table->visualRect(table->model()->index(1, 0));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    if (open) {
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QTRY_COMPARE(opened.size(), 1);
        auto *editor = opened.first().first().value<RecordEditor *>();
        QTRY_VERIFY2(editor->message().contains(QLatin1String("no longer exists")), qPrintable(editor->message()));
        editor->close();
    } else {
        QTest::keyClick(table, Qt::Key_Delete);
    }
    QTRY_COMPARE(rowOf(id), -1);
    QCOMPARE(model->total(), total - 1);
    QCOMPARE(failed.size(), 0); // the user is not told of a failure: the record is gone, as shown
}

QTEST_MAIN(tst_CollectionWorkspace)
#include "tst_collectionworkspace.moc"
