#include "attachments/attachmentpanel.h"
#include "kintoclient.h"
#include "kintosandbox.h"
#include "prompt.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

using TestSupport::Outcome;

using TestSupport::await;

QString sha256Of(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return QString::fromLatin1(hash.result().toHex());
}

const QString Bucket = QStringLiteral("shop");
const QString Collection = QStringLiteral("items");
const QString Record = QStringLiteral("r1");

} // namespace

// The attachment panel of a record, driven like a person against the Kinto sandbox.
class tst_AttachmentPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void uploadShowsProgressAndStoresTheFile();
    void cancellingABigUploadLeavesNoAttachment();
    void downloadGivesTheSameBytes();
    void removeAsksFirst_data();
    void removeAsksFirst();
    void aFileThatIsNoImageHasNoPreview();

private:
    QString makePng(const QString &name);
    std::unique_ptr<AttachmentPanel> openPanel();
    // Uploads through the panel and waits; false on failure.
    bool upload(AttachmentPanel *panel, const QString &path);
    QJsonObject serverRecord();

    QTemporaryDir m_dir;
    QNetworkAccessManager m_nam;
    std::unique_ptr<KintoSandbox> m_sandbox;
    std::unique_ptr<KintoClient> m_client;
    std::unique_ptr<KintoClient> m_observer;
};

void tst_AttachmentPanel::init()
{
    Prompt::setAnswerForTests(true);
    m_sandbox = std::make_unique<KintoSandbox>();
    QVERIFY(m_sandbox->start());
    m_sandbox->addAccount(QStringLiteral("admin"), QStringLiteral("admin"));
    KintoClient::Settings settings;
    settings.serverUrl = m_sandbox->baseUrl();
    settings.auth = QStringLiteral("admin:admin");
    settings.bucket = Bucket;
    m_client = std::make_unique<KintoConnection>(&m_nam, settings);
    m_observer = std::make_unique<KintoConnection>(&m_nam, settings);
    QVERIFY(!await(m_observer->createBucket(Bucket)).error);
    QVERIFY(!await(m_observer->createCollection(Bucket, Collection)).error);
    QVERIFY(!await(m_observer->createRecord(Bucket, Collection, Record, { { QStringLiteral("title"), QStringLiteral("one") } })).error);
}

void tst_AttachmentPanel::cleanup()
{
    Prompt::setAnswerForTests(std::nullopt);
    m_client.reset();
    m_observer.reset();
    m_sandbox.reset();
}

QString tst_AttachmentPanel::makePng(const QString &name)
{
    QImage image(64, 48, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.fillRect(8, 8, 30, 20, Qt::darkCyan);
    painter.end();
    const QString path = m_dir.filePath(name);
    return image.save(path, "PNG") ? path : QString();
}

std::unique_ptr<AttachmentPanel> tst_AttachmentPanel::openPanel()
{
    auto panel = std::make_unique<AttachmentPanel>(m_client.get());
    panel->resize(640, 400);
    panel->show();
    if (!QTest::qWaitForWindowExposed(panel.get()))
        return nullptr;
    QSignalSpy loaded(panel.get(), &AttachmentPanel::recordLoaded);
    panel->setRecord(Bucket, Collection, Record);
    if (!loaded.wait())
        return nullptr;
    return panel;
}

bool tst_AttachmentPanel::upload(AttachmentPanel *panel, const QString &path)
{
    QSignalSpy uploaded(panel, &AttachmentPanel::uploaded);
    QSignalSpy loaded(panel, &AttachmentPanel::recordLoaded);
    return panel->uploadFile(path) && uploaded.wait() && loaded.wait();
}

QJsonObject tst_AttachmentPanel::serverRecord()
{
    return await(m_observer->getRecord(Bucket, Collection, Record)).result.toObject().value(QStringLiteral("data")).toObject();
}

void tst_AttachmentPanel::uploadShowsProgressAndStoresTheFile()
{
    const QString png = makePng(QStringLiteral("logo.png"));
    QVERIFY(!png.isEmpty());
    auto panel = openPanel();
    QVERIFY(panel);
    auto *progress = panel->findChild<QProgressBar *>(QStringLiteral("attachmentProgress"));
    auto *cancel = panel->findChild<QPushButton *>(QStringLiteral("attachmentCancel"));
    auto *download = panel->findChild<QPushButton *>(QStringLiteral("attachmentDownload"));
    QVERIFY(progress && cancel && download);
    QVERIFY(!progress->isVisible());
    QVERIFY(!download->isEnabled()); // nothing to download yet
    QCOMPARE(panel->findChild<QLabel *>(QStringLiteral("attachmentFileName"))->text(), QStringLiteral("(no attachment)"));

    QList<int> values;
    connect(progress, &QProgressBar::valueChanged, this, [&values](int value) { values.append(value); });
    QSignalSpy uploaded(panel.get(), &AttachmentPanel::uploaded);
    QSignalSpy preview(panel.get(), &AttachmentPanel::previewChanged);
    QVERIFY(panel->uploadFile(png));
    QVERIFY(progress->isVisible());
    QVERIFY(cancel->isVisible());
    QVERIFY(panel->isBusy());
    QVERIFY(!panel->uploadFile(png)); // one transfer at a time
    QVERIFY(uploaded.wait());
    QVERIFY(!values.isEmpty());
    QCOMPARE(values.last(), progress->maximum()); // all sent
    QVERIFY(!progress->isVisible());

    // The server holds the file, with the right hash.
    const QJsonObject attachment = serverRecord().value(QStringLiteral("attachment")).toObject();
    QCOMPARE(attachment.value(QStringLiteral("hash")).toString(), sha256Of(png));
    QCOMPARE(attachment.value(QStringLiteral("filename")).toString(), QStringLiteral("logo.png"));
    QCOMPARE(attachment.value(QStringLiteral("mimetype")).toString(), QStringLiteral("image/png"));
    QCOMPARE(attachment.value(QStringLiteral("size")).toInteger(), QFileInfo(png).size());
    QCOMPARE(serverRecord().value(QStringLiteral("title")).toString(), QStringLiteral("one")); // the data stays

    // The panel shows it, and previews the image.
    QTRY_COMPARE(panel->findChild<QLabel *>(QStringLiteral("attachmentHash"))->text(), sha256Of(png));
    QCOMPARE(panel->findChild<QLabel *>(QStringLiteral("attachmentFileName"))->text(), QStringLiteral("logo.png"));
    QCOMPARE(panel->findChild<QLabel *>(QStringLiteral("attachmentMimeType"))->text(), QStringLiteral("image/png"));
    QTRY_VERIFY(!panel->previewImage().isNull());
    QCOMPARE(panel->previewImage().size(), QSize(64, 48));
    QCOMPARE(panel->previewImage().pixelColor(20, 15), QColor(Qt::darkCyan));
    auto *previewLabel = panel->findChild<QLabel *>(QStringLiteral("attachmentPreview"));
    QVERIFY(!previewLabel->pixmap().isNull());
    QVERIFY(download->isEnabled());
}

void tst_AttachmentPanel::cancellingABigUploadLeavesNoAttachment()
{
    // 48 MiB: far more than socket buffers hold, so the upload is still going when Cancel is hit.
    const QString big = m_dir.filePath(QStringLiteral("big.bin"));
    {
        QFile file(big);
        QVERIFY(file.open(QIODevice::WriteOnly));
        const QByteArray chunk(1024 * 1024, 'x');
        for (int i = 0; i < 48; ++i)
            QVERIFY(file.write(chunk) == chunk.size());
    }
    m_sandbox->setLatency(500); // and the answer would come late anyway
    auto panel = openPanel();
    QVERIFY(panel);
    auto *progress = panel->findChild<QProgressBar *>(QStringLiteral("attachmentProgress"));
    auto *cancel = panel->findChild<QPushButton *>(QStringLiteral("attachmentCancel"));
    QSignalSpy failed(panel.get(), &AttachmentPanel::uploadFailed);
    QSignalSpy loaded(panel.get(), &AttachmentPanel::recordLoaded);
    // Cancel as soon as the bar moves, like an impatient person.
    bool clicked = false;
    connect(progress, &QProgressBar::valueChanged, this, [&](int value) {
        if (!clicked && value > 0 && value < progress->maximum()) {
            clicked = true;
            QTest::mouseClick(cancel, Qt::LeftButton);
        }
    });
    QVERIFY(panel->uploadFile(big));
    QVERIFY(failed.wait(20000));
    QVERIFY(clicked);
    QVERIFY(failed.first().first().value<ApiError>().isCancelled());
    QVERIFY(panel->statusText().contains(QStringLiteral("cancelled")));
    QVERIFY(!panel->isBusy());
    QVERIFY(loaded.wait()); // the panel reads the record again
    QTest::qWait(700);      // anything the server might still do, it has done by now
    m_sandbox->setLatency(0);
    QVERIFY(serverRecord().value(QStringLiteral("attachment")).toObject().isEmpty());
    QVERIFY(panel->attachment().isEmpty());
}

void tst_AttachmentPanel::downloadGivesTheSameBytes()
{
    const QString png = makePng(QStringLiteral("chart.png"));
    auto panel = openPanel();
    QVERIFY(panel);
    QVERIFY(upload(panel.get(), png));
    const QString target = m_dir.filePath(QStringLiteral("saved/copy.png"));
    QSignalSpy downloaded(panel.get(), &AttachmentPanel::downloaded);
    QVERIFY(panel->downloadTo(target));
    QVERIFY(panel->findChild<QProgressBar *>(QStringLiteral("attachmentProgress"))->isVisible());
    QVERIFY(downloaded.wait());
    QCOMPARE(downloaded.first().first().toString(), target);
    QCOMPARE(sha256Of(target), sha256Of(png));
    QVERIFY(panel->statusText().contains(QStringLiteral("SHA-256 checked")));
}

void tst_AttachmentPanel::removeAsksFirst_data()
{
    QTest::addColumn<bool>("answer");
    QTest::newRow("yes") << true;
    QTest::newRow("no") << false;
}

void tst_AttachmentPanel::removeAsksFirst()
{
    QFETCH(bool, answer);
    const QString png = makePng(QStringLiteral("gone.png"));
    auto panel = openPanel();
    QVERIFY(panel);
    QVERIFY(upload(panel.get(), png));
    QVERIFY(!serverRecord().value(QStringLiteral("attachment")).toObject().isEmpty());

    Prompt::setAnswerForTests(answer);
    QSignalSpy removed(panel.get(), &AttachmentPanel::removed);
    QSignalSpy loaded(panel.get(), &AttachmentPanel::recordLoaded);
    auto *remove = panel->findChild<QPushButton *>(QStringLiteral("attachmentRemove"));
    QVERIFY(remove->isEnabled());
    QTest::mouseClick(remove, Qt::LeftButton);
    QVERIFY(Prompt::lastMessage().contains(QStringLiteral("gone.png")));
    if (!answer) {
        QTest::qWait(100);
        QCOMPARE(removed.size(), 0);
        QCOMPARE(serverRecord().value(QStringLiteral("attachment")).toObject().value(QStringLiteral("hash")).toString(),
                 sha256Of(png));
        return;
    }
    QVERIFY(removed.wait());
    QVERIFY(loaded.wait());
    const QJsonObject record = serverRecord();
    QVERIFY(record.contains(QStringLiteral("attachment")));
    QVERIFY(record.value(QStringLiteral("attachment")).isNull());
    QCOMPARE(panel->findChild<QLabel *>(QStringLiteral("attachmentFileName"))->text(), QStringLiteral("(no attachment)"));
    QVERIFY(panel->previewImage().isNull());
    QVERIFY(!remove->isEnabled());
}

void tst_AttachmentPanel::aFileThatIsNoImageHasNoPreview()
{
    const QString text = m_dir.filePath(QStringLiteral("notes.txt"));
    {
        QFile file(text);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("plain text, not a picture\n");
    }
    auto panel = openPanel();
    QVERIFY(panel);
    QVERIFY(upload(panel.get(), text));
    QCOMPARE(panel->attachment().value(QStringLiteral("mimetype")).toString(), QStringLiteral("text/plain"));
    QTest::qWait(100);
    QVERIFY(panel->previewImage().isNull());
    QCOMPARE(panel->findChild<QLabel *>(QStringLiteral("attachmentPreview"))->text(), QStringLiteral("(no preview)"));
}

QTEST_MAIN(tst_AttachmentPanel)
#include "tst_attachmentpanel.moc"
