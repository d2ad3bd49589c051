#include "bulk/exportdialog.h"
#include "bulk/importdialog.h"
#include "bulk/importpreviewmodel.h"
#include "json/recordformats.h"
#include "kintoclient.h"
#include "kintosandbox.h"
#include "kintoservice.h"
#include "net/json.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QFile>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

// Export and import of records, driven like a person against a Kinto sandbox.
class tst_ExportImport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void csvQuotingFollowsRfc4180_data();
    void csvQuotingFollowsRfc4180();
    void csvKeepsFieldNamesExactly();
    void exportWritesFile_data();
    void exportWritesFile();
    void cancelledExportWritesNothing();
    void importCsvReportsSchemaInvalidRow();
    void importJsonFlagsNonObjects();
    void exportThenImportRoundTrips();
    void endlessFileIsRefusedBySize();

private:
    QString writeFile(const QString &name, const QByteArray &bytes);
    std::optional<QJsonObject> record(const QString &collection, const QString &id)
    {
        return m_sandbox->service().object(QStringLiteral("/buckets/b/collections/%1/records/%2").arg(collection, id));
    }
    void loadAndImport(ImportDialog &dialog, const QString &path);

    std::unique_ptr<KintoSandbox> m_sandbox;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<KintoClient> m_client;
    std::unique_ptr<QTemporaryDir> m_dir;
};

static QJsonObject obj(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}

void tst_ExportImport::init()
{
    m_sandbox = std::make_unique<KintoSandbox>();
    QVERIFY(m_sandbox->start());
    m_sandbox->addAccount(QStringLiteral("admin"), QStringLiteral("admin"));
    m_sandbox->setAdminPrincipals({ QStringLiteral("account:admin") });
    KintoService &service = m_sandbox->service();
    service.writeObject(QStringLiteral("/buckets/b"), {});
    const QJsonObject schema = obj(R"({"type":"object","required":["title"],
        "properties":{"title":{"type":"string"},"count":{"type":"integer"}}})");
    for (const QString &c : { QStringLiteral("c"), QStringLiteral("target") })
        service.writeObject(QStringLiteral("/buckets/b/collections/") + c, QJsonObject { { QStringLiteral("schema"), schema } });
    service.writeObject(QStringLiteral("/buckets/b/collections/c/records/r1"),
                        obj(R"({"title":"Hello, \"world\"","count":1,"kind":"x","meta":{"a":[1,2]}})"));
    service.writeObject(QStringLiteral("/buckets/b/collections/c/records/r2"),
                        obj(R"({"title":"two\nlines","count":2,"kind":"y"})"));
    service.writeObject(QStringLiteral("/buckets/b/collections/c/records/r3"),
                        obj(R"({"title":"plain","count":3,"kind":"x","done":true})"));
    m_nam = std::make_unique<QNetworkAccessManager>();
    KintoClient::Settings settings;
    settings.serverUrl = m_sandbox->baseUrl();
    settings.auth = QStringLiteral("admin:admin");
    m_client = std::make_unique<KintoConnection>(m_nam.get(), settings);
    m_dir = std::make_unique<QTemporaryDir>();
}

void tst_ExportImport::cleanup()
{
    m_client.reset();
    m_nam.reset();
    m_sandbox.reset();
    m_dir.reset();
}

QString tst_ExportImport::writeFile(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir->filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(bytes);
    return path;
}

void tst_ExportImport::csvQuotingFollowsRfc4180_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("quoted");
    QTest::newRow("plain stays bare") << QStringLiteral("abc") << QStringLiteral("abc");
    QTest::newRow("comma is quoted") << QStringLiteral("a,b") << QStringLiteral("\"a,b\"");
    QTest::newRow("quote is doubled") << QStringLiteral("say \"hi\"") << QStringLiteral("\"say \"\"hi\"\"\"");
    QTest::newRow("newline is quoted") << QStringLiteral("a\nb") << QStringLiteral("\"a\nb\"");
    QTest::newRow("carriage return is quoted") << QStringLiteral("a\rb") << QStringLiteral("\"a\rb\"");
}

void tst_ExportImport::csvQuotingFollowsRfc4180()
{
    QFETCH(QString, field);
    QFETCH(QString, quoted);
    QCOMPARE(RecordFormats::quoteCsv(field), quoted);
    // And it reads back as the same single field.
    QList<QStringList> rows;
    QString error;
    QVERIFY(RecordFormats::splitCsv(quoted + QStringLiteral("\r\n"), &rows, &error));
    QCOMPARE(rows, QList<QStringList>({ QStringList { field } }));
}

void tst_ExportImport::csvKeepsFieldNamesExactly()
{
    // Field names with spaces around them are distinct fields and come back as they were; a value
    // under a column without a name flags its row instead of refusing the whole file.
    const QJsonArray records { obj(R"({"id":"r1"," a":"spaced","a":"plain"})"), obj(R"({"id":"r2","":"unnamed"})") };
    const QByteArray csv = RecordFormats::toCsv(records, RecordFormats::columnsOf(records));
    QList<RecordFormats::ImportRow> rows;
    QStringList columns;
    QString error;
    QVERIFY2(RecordFormats::readRecords(csv, RecordFormats::Format::Csv, &rows, &columns, &error), qPrintable(error));
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(0).data, obj(R"({" a":"spaced","a":"plain"})"));
    QVERIFY(rows.at(0).problem.isEmpty());
    QVERIFY2(rows.at(1).problem.contains(QLatin1String("no name")), qPrintable(rows.at(1).problem));
}

void tst_ExportImport::exportWritesFile_data()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<bool>("filtered");
    QTest::addColumn<QString>("columns");
    QTest::addColumn<QStringList>("expectedLines"); // CSV: lines the file holds; JSON: the ids
    QTest::addColumn<int>("expectedCount");
    QTest::newRow("csv, chosen columns, nested as JSON, quoting")
        << 0 << false << QStringLiteral("id, title, meta")
        << QStringList { QStringLiteral("id,title,meta"), QStringLiteral("r1,\"Hello, \"\"world\"\"\",\"{\"\"a\"\":[1,2]}\""),
                         QStringLiteral("r2,\"two\nlines\","), QStringLiteral("r3,plain,") }
        << 3;
    QTest::newRow("csv, all top-level keys")
        << 0 << false << QString()
        << QStringList { QStringLiteral("id,"), QStringLiteral("done"), QStringLiteral("last_modified"), QStringLiteral(",true") }
        << 3;
    QTest::newRow("csv, only the filtered ones")
        << 0 << true << QStringLiteral("id,kind")
        << QStringList { QStringLiteral("id,kind\r\n"), QStringLiteral("r1,x\r\n"), QStringLiteral("r3,x\r\n") }
        << 2;
    QTest::newRow("json, all") << 1 << false << QString() << QStringList { QStringLiteral("r1"), QStringLiteral("r2"), QStringLiteral("r3") } << 3;
    QTest::newRow("json, filtered") << 1 << true << QString() << QStringList { QStringLiteral("r1"), QStringLiteral("r3") } << 2;
}

void tst_ExportImport::exportWritesFile()
{
    QFETCH(int, format);
    QFETCH(bool, filtered);
    QFETCH(QString, columns);
    QFETCH(QStringList, expectedLines);
    QFETCH(int, expectedCount);

    KintoListOptions view;
    view.filters << KintoFilter { QStringLiteral("kind"), QString(), QStringLiteral("x") };
    ExportDialog dialog(m_client.get(), QStringLiteral("b"), QStringLiteral("c"), view);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(dialog.findChild<QRadioButton *>(QStringLiteral("filteredRadio"))->isChecked());
    if (!filtered) {
        auto *all = dialog.findChild<QRadioButton *>(QStringLiteral("allRadio"));
        // On the indicator: a radio button reacts to clicks on its indicator and label only.
        QTest::mouseClick(all, Qt::LeftButton, {}, QPoint(6, all->height() / 2));
        QVERIFY(all->isChecked());
    }
    dialog.findChild<QComboBox *>(QStringLiteral("formatCombo"))->setCurrentIndex(format);
    auto *columnsEdit = dialog.findChild<QLineEdit *>(QStringLiteral("columnsEdit"));
    columnsEdit->clear();
    QTest::keyClicks(columnsEdit, columns);
    const QString path = m_dir->filePath(format == 0 ? QStringLiteral("out.csv") : QStringLiteral("out.json"));
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("pathEdit")), path);
    QSignalSpy exported(&dialog, &ExportDialog::exported);
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("exportButton")), Qt::LeftButton);
    QVERIFY(exported.wait(10000));
    QCOMPARE(exported.first().at(1).toInt(), expectedCount);

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    if (format == 0) {
        const QString text = QString::fromUtf8(bytes);
        for (const QString &line : std::as_const(expectedLines))
            QVERIFY2(text.contains(line), qPrintable(text));
        QVERIFY(text.startsWith(QStringLiteral("id,")));
        QVERIFY(text.endsWith(QStringLiteral("\r\n")));
        QList<QStringList> rows;
        QString error;
        QVERIFY(RecordFormats::splitCsv(text, &rows, &error));
        QCOMPARE(rows.size(), expectedCount + 1);
    } else {
        const QJsonArray array = QJsonDocument::fromJson(bytes).array();
        QCOMPARE(array.size(), expectedCount);
        QStringList ids;
        for (const QJsonValue &v : array)
            ids << v.toObject().value(QLatin1String("id")).toString();
        ids.sort();
        QCOMPARE(ids, expectedLines);
        for (const QJsonValue &v : array) {
            if (v.toObject().value(QLatin1String("id")) == QLatin1String("r1"))
                QCOMPARE(v.toObject().value(QLatin1String("meta")).toObject(), obj(R"({"a":[1,2]})"));
        }
    }
}

void tst_ExportImport::cancelledExportWritesNothing()
{
    m_sandbox->setLatency(400);
    ExportDialog dialog(m_client.get(), QStringLiteral("b"), QStringLiteral("c"));
    dialog.show();
    const QString path = m_dir->filePath(QStringLiteral("cancelled.csv"));
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("pathEdit")), path);
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("exportButton")), Qt::LeftButton);
    auto *cancel = dialog.findChild<QPushButton *>(QStringLiteral("cancelButton"));
    QVERIFY(cancel->isEnabled());
    QTest::qWait(50);
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_VERIFY(dialog.findChild<QLabel *>(QStringLiteral("statusLabel"))->text().contains(QStringLiteral("Cancelled")));
    QTest::qWait(600);
    QVERIFY(!QFile::exists(path));
}

void tst_ExportImport::loadAndImport(ImportDialog &dialog, const QString &path)
{
    dialog.show();
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("pathEdit")), path);
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("loadButton")), Qt::LeftButton);
}

void tst_ExportImport::importCsvReportsSchemaInvalidRow()
{
    const QString path = writeFile(QStringLiteral("in.csv"),
        "id,title,count\r\n"
        "a1,First,1\r\n"
        "a2,,2\r\n"                    // no title: the schema refuses it (400)
        "bad id,Spaced,3\r\n"          // an id the client refuses: flagged, never sent
        "a4,\"Fourth, with comma\",4\r\n"
        "a5,Five,5,extra\r\n");        // more cells than columns: flagged
    ImportDialog dialog(m_client.get(), QStringLiteral("b"), QStringLiteral("target"));
    QAbstractItemModelTester tester(dialog.model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    loadAndImport(dialog, path);

    ImportPreviewModel *model = dialog.model();
    QCOMPARE(model->totalRows(), 5);
    QCOMPARE(model->invalidRows(), 2);
    QCOMPARE(model->columns(), QStringList({ QStringLiteral("title"), QStringLiteral("count") }));
    QCOMPARE(model->data(model->index(2, 0), ImportPreviewModel::StateRole).toInt(),
             int(ImportPreviewModel::RowState::Invalid));
    QCOMPARE(model->data(model->index(4, ImportPreviewModel::StatusColumn)).toString(),
             QStringLiteral("invalid: 4 cells for 3 columns"));
    auto *summary = dialog.findChild<QLabel *>(QStringLiteral("summaryLabel"));
    QVERIFY2(summary->text().contains(QStringLiteral("2 invalid")), qPrintable(summary->text()));
    QVERIFY(!record(QStringLiteral("target"), QStringLiteral("a1"))); // nothing sent by the preview

    QSignalSpy imported(&dialog, &ImportDialog::imported);
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("importButton")), Qt::LeftButton);
    QVERIFY(imported.wait(10000));
    QCOMPARE(imported.first().at(0).toInt(), 2);
    QCOMPARE(imported.first().at(1).toInt(), 3);

    // The server holds the good rows, typed: "1" became the number 1.
    QCOMPARE(record(QStringLiteral("target"), QStringLiteral("a1"))->value(QLatin1String("count")), QJsonValue(1));
    QCOMPARE(record(QStringLiteral("target"), QStringLiteral("a4"))->value(QLatin1String("title")).toString(),
             QStringLiteral("Fourth, with comma"));
    QVERIFY(!record(QStringLiteral("target"), QStringLiteral("a2")));
    QVERIFY(!record(QStringLiteral("target"), QStringLiteral("a5")));

    const QString report = dialog.findChild<QPlainTextEdit *>(QStringLiteral("reportText"))->toPlainText();
    const QStringList lines = report.split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 3);
    QVERIFY2(lines.at(0).startsWith(QStringLiteral("Row 2 (id a2): 400")), qPrintable(report));
    QVERIFY2(lines.at(0).contains(QStringLiteral("title")) && lines.at(0).contains(QStringLiteral("required")),
             qPrintable(report));
    QVERIFY2(lines.at(1).startsWith(QStringLiteral("Row 3 (id bad id): Invalid record id")), qPrintable(report));
    QVERIFY2(lines.at(2).startsWith(QStringLiteral("Row 5 (id a5)")), qPrintable(report));
    QCOMPARE(model->state(1), ImportPreviewModel::RowState::Failed);
    QCOMPARE(model->state(0), ImportPreviewModel::RowState::Created);
}

void tst_ExportImport::importJsonFlagsNonObjects()
{
    const QString path = writeFile(QStringLiteral("in.json"),
        R"([{"id":"j1","title":"one","count":1,"tags":["a"]}, 5, {"title":"generated id"}, {"id":"j1","title":"dup"}])");
    ImportDialog dialog(m_client.get(), QStringLiteral("b"), QStringLiteral("target"));
    QAbstractItemModelTester tester(dialog.model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    loadAndImport(dialog, path);
    QCOMPARE(dialog.model()->totalRows(), 4);
    QCOMPARE(dialog.model()->message(1), QStringLiteral("not a JSON object"));
    QVERIFY(dialog.model()->message(3).contains(QStringLiteral("more than once")));
    QSignalSpy imported(&dialog, &ImportDialog::imported);
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("importButton")), Qt::LeftButton);
    QVERIFY(imported.wait(10000));
    QCOMPARE(imported.first().at(0).toInt(), 2);
    QCOMPARE(record(QStringLiteral("target"), QStringLiteral("j1"))->value(QLatin1String("tags")).toArray(),
             QJsonArray { QStringLiteral("a") });
    QCOMPARE(m_sandbox->service().store().list(QStringLiteral("/buckets/b/collections/target"), QStringLiteral("record"), false).size(), 2);
}

void tst_ExportImport::endlessFileIsRefusedBySize()
{
    // /dev/zero never ends: the import reads up to its limit and says so, it does not fill memory.
    ImportDialog dialog(m_client.get(), QStringLiteral("b"), QStringLiteral("target"));
    loadAndImport(dialog, QStringLiteral("/dev/zero"));
    const QString summary = dialog.findChild<QLabel *>(QStringLiteral("summaryLabel"))->text();
    QVERIFY2(summary.contains(QLatin1String("larger than 64 MiB")), qPrintable(summary));
    QCOMPARE(dialog.model()->totalRows(), 0);
    QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("importButton"))->isEnabled());
}

void tst_ExportImport::exportThenImportRoundTrips()
{
    ExportDialog exportDialog(m_client.get(), QStringLiteral("b"), QStringLiteral("c"));
    exportDialog.show();
    const QString path = m_dir->filePath(QStringLiteral("round.csv"));
    QTest::keyClicks(exportDialog.findChild<QLineEdit *>(QStringLiteral("pathEdit")), path);
    QSignalSpy exported(&exportDialog, &ExportDialog::exported);
    QTest::mouseClick(exportDialog.findChild<QPushButton *>(QStringLiteral("exportButton")), Qt::LeftButton);
    QVERIFY(exported.wait(10000));

    ImportDialog importDialog(m_client.get(), QStringLiteral("b"), QStringLiteral("target"));
    loadAndImport(importDialog, path);
    QSignalSpy imported(&importDialog, &ImportDialog::imported);
    QTest::mouseClick(importDialog.findChild<QPushButton *>(QStringLiteral("importButton")), Qt::LeftButton);
    QVERIFY(imported.wait(10000));
    QCOMPARE(imported.first().at(0).toInt(), 3);
    for (const QString &id : { QStringLiteral("r1"), QStringLiteral("r2"), QStringLiteral("r3") }) {
        QJsonObject source = *record(QStringLiteral("c"), id);
        QJsonObject copy = *record(QStringLiteral("target"), id);
        for (const char *managed : { "last_modified", "schema" }) {
            source.remove(QLatin1String(managed));
            copy.remove(QLatin1String(managed));
        }
        QCOMPARE(copy, source);
    }
}

QTEST_MAIN(tst_ExportImport)
#include "tst_exportimport.moc"
