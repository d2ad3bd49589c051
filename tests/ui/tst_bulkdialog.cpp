#include "bulk/bulkdialog.h"
#include "kintoclient.h"
#include "kintosandbox.h"
#include "kintoservice.h"
#include "testsupport.h"

#include <QComboBox>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTest>
#include <QTreeWidget>

// The bulk dialog, driven like a person against a Kinto sandbox; the server is re-read afterwards.
class tst_BulkDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void previewListsRequestsAndSendsNothing_data();
    void previewListsRequestsAndSendsNothing();
    void deleteSixtyInThreeBatches();
    void setFieldStoresTypedValue_data();
    void setFieldStoresTypedValue();
    void recordChangedMeanwhileIsReportedWithServerMessage();
    void cancelStopsLaterChunks();

private:
    QList<QJsonObject> fetchRecords();
    void seed(int count);
    void choose(BulkDialog &dialog, int operation, const QString &field = {}, const QString &value = {});
    QString recordUri(const QString &id) const
    {
        return QStringLiteral("/buckets/b/collections/c/records/") + id;
    }

    std::unique_ptr<KintoSandbox> m_sandbox;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<KintoClient> m_client;
    int m_batchPosts = 0;
    int m_served = 0;
};

void tst_BulkDialog::init()
{
    m_sandbox = std::make_unique<KintoSandbox>();
    QVERIFY(m_sandbox->start());
    m_sandbox->addAccount(QStringLiteral("admin"), QStringLiteral("admin"));
    m_sandbox->setAdminPrincipals({ QStringLiteral("account:admin") });
    m_batchPosts = 0;
    m_served = 0;
    connect(m_sandbox.get(), &KintoSandbox::requestServed, this, [this](const QByteArray &method, const QString &path) {
        ++m_served;
        if (method == "POST" && path.endsWith(QLatin1String("/batch")))
            ++m_batchPosts;
    });
    m_nam = std::make_unique<QNetworkAccessManager>();
    KintoClient::Settings settings;
    settings.serverUrl = m_sandbox->baseUrl();
    settings.auth = QStringLiteral("admin:admin");
    m_client = std::make_unique<KintoConnection>(m_nam.get(), settings);
}

void tst_BulkDialog::cleanup()
{
    m_client.reset();
    m_nam.reset();
    m_sandbox.reset();
}

void tst_BulkDialog::seed(int count)
{
    KintoService &service = m_sandbox->service();
    service.writeObject(QStringLiteral("/buckets/b"), {});
    service.writeObject(QStringLiteral("/buckets/b/collections/c"), {});
    for (int i = 0; i < count; ++i) {
        service.writeObject(recordUri(QStringLiteral("r%1").arg(i, 2, 10, QLatin1Char('0'))),
                            QJsonObject { { QStringLiteral("title"), QStringLiteral("Record %1").arg(i) },
                                          { QStringLiteral("address"), QJsonObject { { QStringLiteral("street"), QStringLiteral("Main") } } } });
    }
}

QList<QJsonObject> tst_BulkDialog::fetchRecords()
{
    std::unique_ptr<Job> job(TestSupport::keep(m_client->getRecords(QStringLiteral("b"), QStringLiteral("c"))));
    if (!TestSupport::waitFor(job.get()) || job->hasError())
        return {};
    QList<QJsonObject> records;
    for (const QJsonValue &v : job->result().toArray())
        records << v.toObject();
    std::sort(records.begin(), records.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return a.value(QLatin1String("id")).toString() < b.value(QLatin1String("id")).toString();
    });
    return records;
}

void tst_BulkDialog::choose(BulkDialog &dialog, int operation, const QString &field, const QString &value)
{
    auto *combo = dialog.findChild<QComboBox *>(QStringLiteral("operationCombo"));
    combo->setCurrentIndex(operation);
    auto *fieldEdit = dialog.findChild<QLineEdit *>(QStringLiteral("fieldEdit"));
    auto *valueEdit = dialog.findChild<QLineEdit *>(QStringLiteral("valueEdit"));
    fieldEdit->clear();
    valueEdit->clear();
    if (!field.isEmpty())
        QTest::keyClicks(fieldEdit, field);
    if (!value.isEmpty())
        QTest::keyClicks(valueEdit, value);
}

void tst_BulkDialog::previewListsRequestsAndSendsNothing_data()
{
    QTest::addColumn<int>("operation");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QStringList>("expectedLines");
    QTest::newRow("delete lists one DELETE per record")
        << 0 << QString() << QString()
        << QStringList { QStringLiteral("1. DELETE /buckets/b/collections/c/records/r00"),
                         QStringLiteral("3. DELETE /buckets/b/collections/c/records/r02") };
    QTest::newRow("set field lists safe PATCHes with the body")
        << 1 << QStringLiteral("owner") << QStringLiteral("\"bob\"")
        << QStringList { QStringLiteral("1. PATCH /buckets/b/collections/c/records/r00"), QStringLiteral("If-Match: \""),
                         QStringLiteral("{\"data\":{\"owner\":\"bob\"}}") };
}

void tst_BulkDialog::previewListsRequestsAndSendsNothing()
{
    QFETCH(int, operation);
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QStringList, expectedLines);
    seed(3);
    const QList<QJsonObject> records = fetchRecords();
    QCOMPARE(records.size(), 3);
    // The client asks for the server info once; the preview itself must send nothing.
    std::unique_ptr<Job> info(TestSupport::keep(m_client->serverInfo()));
    QVERIFY(TestSupport::waitFor(info.get()));

    BulkDialog dialog(m_client.get(), QStringLiteral("b"), QStringLiteral("c"), records);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    choose(dialog, operation, field, value);
    auto *send = dialog.findChild<QPushButton *>(QStringLiteral("sendButton"));
    QVERIFY(!send->isEnabled()); // nothing is sent before the preview was seen
    const int servedBefore = m_served;
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("previewButton")), Qt::LeftButton);
    QTest::qWait(100);
    QCOMPARE(m_served, servedBefore);
    const QString text = dialog.findChild<QPlainTextEdit *>(QStringLiteral("previewText"))->toPlainText();
    for (const QString &line : std::as_const(expectedLines))
        QVERIFY2(text.contains(line), qPrintable(text));
    QVERIFY(send->isEnabled());
    for (const QJsonObject &record : records)
        QVERIFY(m_sandbox->service().object(recordUri(record.value(QLatin1String("id")).toString())));
    // Changing the value discards the preview.
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("valueEdit")), QStringLiteral("x"));
    if (operation == 1)
        QVERIFY(!send->isEnabled());
}

void tst_BulkDialog::deleteSixtyInThreeBatches()
{
    seed(60);
    const QList<QJsonObject> records = fetchRecords();
    QCOMPARE(records.size(), 60);
    BulkDialog dialog(m_client.get(), QStringLiteral("b"), QStringLiteral("c"), records);
    dialog.show();
    choose(dialog, 0);
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("previewButton")), Qt::LeftButton);
    QSignalSpy applied(&dialog, &BulkDialog::applied);
    m_batchPosts = 0;
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("sendButton")), Qt::LeftButton);
    QVERIFY(applied.wait(15000));
    QCOMPARE(m_batchPosts, 3); // 25 + 25 + 10 (batch_max_requests 25)
    for (const QJsonObject &record : records)
        QVERIFY(!m_sandbox->service().object(recordUri(record.value(QLatin1String("id")).toString())));
    auto *progress = dialog.findChild<QProgressBar *>(QStringLiteral("progressBar"));
    QCOMPARE(progress->value(), progress->maximum());
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("summaryLabel"))->text().startsWith(QStringLiteral("60 of 60")));
    auto *results = dialog.findChild<QTreeWidget *>(QStringLiteral("resultList"));
    QCOMPARE(results->topLevelItemCount(), 60);
    QVERIFY(results->topLevelItem(59)->text(2).startsWith(QStringLiteral("ok")));
}

void tst_BulkDialog::setFieldStoresTypedValue_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("topField");
    QTest::addColumn<QString>("expectedJson"); // the top-level field on the server, compact JSON
    QTest::newRow("number") << QStringLiteral("priority") << QStringLiteral("42") << QStringLiteral("priority") << QStringLiteral("42");
    QTest::newRow("boolean") << QStringLiteral("done") << QStringLiteral("true") << QStringLiteral("done") << QStringLiteral("true");
    QTest::newRow("plain text is a string") << QStringLiteral("owner") << QStringLiteral("bob smith") << QStringLiteral("owner")
                                            << QStringLiteral("\"bob smith\"");
    QTest::newRow("object") << QStringLiteral("meta") << QStringLiteral("{\"a\":[1,2]}") << QStringLiteral("meta")
                            << QStringLiteral("{\"a\":[1,2]}");
    QTest::newRow("dotted path keeps siblings") << QStringLiteral("address.city") << QStringLiteral("Lyon")
                                                << QStringLiteral("address")
                                                << QStringLiteral("{\"city\":\"Lyon\",\"street\":\"Main\"}");
}

void tst_BulkDialog::setFieldStoresTypedValue()
{
    QFETCH(QString, field);
    QFETCH(QString, typed);
    QFETCH(QString, topField);
    QFETCH(QString, expectedJson);
    seed(4);
    const QList<QJsonObject> all = fetchRecords();
    const QList<QJsonObject> records = all.mid(0, 3); // r03 is not selected
    BulkDialog dialog(m_client.get(), QStringLiteral("b"), QStringLiteral("c"), records);
    dialog.show();
    choose(dialog, 1, field, typed);
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("previewButton")), Qt::LeftButton);
    QSignalSpy applied(&dialog, &BulkDialog::applied);
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("sendButton")), Qt::LeftButton);
    QVERIFY(applied.wait(15000));
    for (const QJsonObject &record : records) {
        const auto stored = m_sandbox->service().object(recordUri(record.value(QLatin1String("id")).toString()));
        QVERIFY(stored);
        const QJsonValue value = stored->value(topField);
        const QByteArray json = value.isObject() ? QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact)
                                                 : QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact).mid(1).chopped(1);
        QCOMPARE(QString::fromUtf8(json), expectedJson);
    }
    QCOMPARE(m_sandbox->service().object(recordUri(QStringLiteral("r03")))->value(topField), all.at(3).value(topField));
}

void tst_BulkDialog::recordChangedMeanwhileIsReportedWithServerMessage()
{
    seed(5);
    const QList<QJsonObject> records = fetchRecords();
    // Someone else edits r02 after the selection was made.
    m_sandbox->service().writeObject(recordUri(QStringLiteral("r02")),
                                     QJsonObject { { QStringLiteral("title"), QStringLiteral("changed elsewhere") } });
    BulkDialog dialog(m_client.get(), QStringLiteral("b"), QStringLiteral("c"), records);
    dialog.show();
    choose(dialog, 1, QStringLiteral("title"), QStringLiteral("bulk"));
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("previewButton")), Qt::LeftButton);
    QSignalSpy applied(&dialog, &BulkDialog::applied);
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("sendButton")), Qt::LeftButton);
    QVERIFY(applied.wait(15000));
    auto *results = dialog.findChild<QTreeWidget *>(QStringLiteral("resultList"));
    QTreeWidgetItem *bad = results->topLevelItem(2);
    QCOMPARE(bad->text(0), QStringLiteral("r02"));
    QVERIFY2(bad->text(2).contains(QStringLiteral("412")), qPrintable(bad->text(2)));
    QVERIFY2(bad->text(3).contains(QStringLiteral("modified meanwhile")), qPrintable(bad->text(3)));
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("summaryLabel"))->text().startsWith(QStringLiteral("4 of 5")));
    // The concurrent edit survived; the others got the value.
    QCOMPARE(m_sandbox->service().object(recordUri(QStringLiteral("r02")))->value(QLatin1String("title")).toString(),
             QStringLiteral("changed elsewhere"));
    QCOMPARE(m_sandbox->service().object(recordUri(QStringLiteral("r04")))->value(QLatin1String("title")).toString(),
             QStringLiteral("bulk"));
}

void tst_BulkDialog::cancelStopsLaterChunks()
{
    // Eight chunks of 25: the first goes alone, then a few side by side; Cancel after the first
    // answer leaves the last chunk unsent.
    seed(200);
    const QList<QJsonObject> records = fetchRecords();
    m_sandbox->setLatency(300);
    BulkDialog dialog(m_client.get(), QStringLiteral("b"), QStringLiteral("c"), records);
    dialog.show();
    choose(dialog, 0);
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("previewButton")), Qt::LeftButton);
    QSignalSpy applied(&dialog, &BulkDialog::applied);
    auto *progress = dialog.findChild<QProgressBar *>(QStringLiteral("progressBar"));
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("sendButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(progress->value() >= 25, 10000); // the first chunk was answered
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("cancelButton")), Qt::LeftButton);
    QCOMPARE(applied.count(), 1);
    QTest::qWait(800); // anything still on its way would arrive now
    QVERIFY(m_batchPosts < 8);
    QVERIFY(m_sandbox->service().object(recordUri(QStringLiteral("r99")))); // the last chunk (ids in order) was never sent
    QVERIFY(!m_sandbox->service().object(recordUri(QStringLiteral("r00"))));
    auto *results = dialog.findChild<QTreeWidget *>(QStringLiteral("resultList"));
    QCOMPARE(results->topLevelItem(199)->text(2), QStringLiteral("not sent"));
}

QTEST_MAIN(tst_BulkDialog)
#include "tst_bulkdialog.moc"
