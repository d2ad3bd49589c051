#include "bulk/copycollectiondialog.h"
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

// Copying a collection between two tenants (two sandbox servers), driven like a person.
class tst_CopyCollection : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void copyToOtherTenant_data();
    void copyToOtherTenant();
    void existingTargetIsRefused();
    void recordRefusedByTargetIsReported();

private:
    KintoClient *clientFor(KintoSandbox *sandbox);
    CopyCollectionDialog *openDialog(const QString &bucket, const QString &collection);

    std::unique_ptr<KintoSandbox> m_source;
    std::unique_ptr<KintoSandbox> m_target;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::vector<std::unique_ptr<KintoClient>> m_clients;
    std::unique_ptr<CopyCollectionDialog> m_dialog;
};

static QJsonObject obj(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}

static const char *const Schema = R"({"type":"object","required":["name"],"properties":{"name":{"type":"string"}}})";

void tst_CopyCollection::init()
{
    m_nam = std::make_unique<QNetworkAccessManager>();
    for (auto *sandbox : { &m_source, &m_target }) {
        *sandbox = std::make_unique<KintoSandbox>();
        QVERIFY((*sandbox)->start());
        (*sandbox)->addAccount(QStringLiteral("admin"), QStringLiteral("admin"));
        (*sandbox)->setAdminPrincipals({ QStringLiteral("account:admin") });
    }
    KintoService &service = m_source->service();
    service.writeObject(QStringLiteral("/buckets/main"), {});
    QJsonObject collection = obj(R"({"displayFields":["name","owner.name"],"sort":"-name"})");
    collection.insert(QStringLiteral("schema"), obj(Schema));
    KintoAcl acl;
    acl.insert(QStringLiteral("read"), { QStringLiteral("system.Authenticated") });
    acl.insert(QStringLiteral("record:create"), { QStringLiteral("account:alice") });
    acl.insert(QStringLiteral("write"), { QStringLiteral("account:admin") });
    service.writeObject(QStringLiteral("/buckets/main/collections/devices"), collection, acl);
    for (int i = 0; i < 60; ++i) {
        service.writeObject(QStringLiteral("/buckets/main/collections/devices/records/d%1").arg(i),
                            QJsonObject { { QStringLiteral("name"), QStringLiteral("Device %1").arg(i) },
                                          { QStringLiteral("owner"), QJsonObject { { QStringLiteral("name"), QStringLiteral("Alice") } } } });
    }
}

void tst_CopyCollection::cleanup()
{
    m_dialog.reset();
    m_clients.clear();
    m_nam.reset();
    m_source.reset();
    m_target.reset();
}

KintoClient *tst_CopyCollection::clientFor(KintoSandbox *sandbox)
{
    KintoClient::Settings settings;
    settings.serverUrl = sandbox->baseUrl();
    settings.auth = QStringLiteral("admin:admin");
    m_clients.push_back(std::make_unique<KintoConnection>(m_nam.get(), settings));
    return m_clients.back().get();
}

CopyCollectionDialog *tst_CopyCollection::openDialog(const QString &bucket, const QString &collection)
{
    KintoClient *source = clientFor(m_source.get());
    KintoClient *target = clientFor(m_target.get());
    m_dialog = std::make_unique<CopyCollectionDialog>(source, QStringLiteral("main"), QStringLiteral("devices"),
        QList<CopyCollectionDialog::Target> { { QStringLiteral("Production"), source }, { QStringLiteral("Staging"), target } });
    m_dialog->show();
    auto *combo = m_dialog->findChild<QComboBox *>(QStringLiteral("targetCombo"));
    combo->setCurrentIndex(combo->findText(QStringLiteral("Staging")));
    auto *bucketEdit = m_dialog->findChild<QLineEdit *>(QStringLiteral("bucketEdit"));
    auto *collectionEdit = m_dialog->findChild<QLineEdit *>(QStringLiteral("collectionEdit"));
    if (!bucket.isEmpty()) {
        bucketEdit->clear();
        QTest::keyClicks(bucketEdit, bucket);
    }
    if (!collection.isEmpty()) {
        collectionEdit->clear();
        QTest::keyClicks(collectionEdit, collection);
    }
    return m_dialog.get();
}

void tst_CopyCollection::copyToOtherTenant_data()
{
    QTest::addColumn<QString>("bucket");
    QTest::addColumn<QString>("collection");
    QTest::newRow("same ids on the other tenant") << QString() << QString();
    QTest::newRow("renamed into a new bucket") << QStringLiteral("copies") << QStringLiteral("devices-2024");
}

void tst_CopyCollection::copyToOtherTenant()
{
    QFETCH(QString, bucket);
    QFETCH(QString, collection);
    CopyCollectionDialog *dialog = openDialog(bucket, collection);
    const QString b = bucket.isEmpty() ? QStringLiteral("main") : bucket;
    const QString c = collection.isEmpty() ? QStringLiteral("devices") : collection;
    QSignalSpy copied(dialog, &CopyCollectionDialog::copied);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("copyButton")), Qt::LeftButton);
    QVERIFY(copied.wait(15000));
    QVERIFY2(copied.first().at(0).toBool(), qPrintable(dialog->findChild<QLabel *>(QStringLiteral("statusLabel"))->text()));
    auto *progress = dialog->findChild<QProgressBar *>(QStringLiteral("progressBar"));
    QCOMPARE(progress->maximum(), 60);
    QCOMPARE(progress->value(), 60);

    // The target server holds the schema, the other attributes, the permissions and every record.
    KintoService &target = m_target->service();
    const auto stored = target.object(QStringLiteral("/buckets/%1/collections/%2").arg(b, c));
    QVERIFY(stored);
    QCOMPARE(stored->value(QLatin1String("schema")).toObject(), obj(Schema));
    QCOMPARE(stored->value(QLatin1String("displayFields")).toArray(),
             QJsonArray({ QStringLiteral("name"), QStringLiteral("owner.name") }));
    QCOMPARE(stored->value(QLatin1String("sort")).toString(), QStringLiteral("-name"));
    const KintoAcl acl = target.store().acl(QStringLiteral("/buckets/%1/collections/%2").arg(b, c));
    QCOMPARE(acl.value(QStringLiteral("read")), QSet<QString>({ QStringLiteral("system.Authenticated") }));
    QCOMPARE(acl.value(QStringLiteral("record:create")), QSet<QString>({ QStringLiteral("account:alice") }));
    QVERIFY(acl.value(QStringLiteral("write")).contains(QStringLiteral("account:admin")));
    const QList<QJsonObject> records = target.store().list(QStringLiteral("/buckets/%1/collections/%2").arg(b, c),
                                                           QStringLiteral("record"), false);
    QCOMPARE(records.size(), 60);
    const auto d7 = target.object(QStringLiteral("/buckets/%1/collections/%2/records/d7").arg(b, c));
    QVERIFY(d7);
    QCOMPARE(d7->value(QLatin1String("name")).toString(), QStringLiteral("Device 7"));
    QCOMPARE(d7->value(QLatin1String("owner")).toObject().value(QLatin1String("name")).toString(), QStringLiteral("Alice"));
}

void tst_CopyCollection::existingTargetIsRefused()
{
    m_target->service().writeObject(QStringLiteral("/buckets/main"), {});
    m_target->service().writeObject(QStringLiteral("/buckets/main/collections/devices"),
                                    obj(R"({"displayFields":["keep-me"]})"));
    CopyCollectionDialog *dialog = openDialog({}, {});
    QSignalSpy copied(dialog, &CopyCollectionDialog::copied);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("copyButton")), Qt::LeftButton);
    QVERIFY(copied.wait(15000));
    QVERIFY(!copied.first().at(0).toBool());
    const QString status = dialog->findChild<QLabel *>(QStringLiteral("statusLabel"))->text();
    QVERIFY2(status.contains(QStringLiteral("already exists")), qPrintable(status));
    QCOMPARE(m_target->service().object(QStringLiteral("/buckets/main/collections/devices"))->value(QLatin1String("displayFields")).toArray(),
             QJsonArray { QStringLiteral("keep-me") });
    QVERIFY(m_target->service().store().list(QStringLiteral("/buckets/main/collections/devices"), QStringLiteral("record"), false).isEmpty());
}

void tst_CopyCollection::recordRefusedByTargetIsReported()
{
    // A record written behind the schema's back: the target validates it and refuses it.
    m_source->service().writeObject(QStringLiteral("/buckets/main/collections/devices/records/broken"),
                                    obj(R"({"label":"no name"})"));
    CopyCollectionDialog *dialog = openDialog({}, {});
    QSignalSpy copied(dialog, &CopyCollectionDialog::copied);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("copyButton")), Qt::LeftButton);
    QVERIFY(copied.wait(15000));
    QVERIFY(!copied.first().at(0).toBool());
    const QString report = dialog->findChild<QPlainTextEdit *>(QStringLiteral("reportText"))->toPlainText();
    QVERIFY2(report.startsWith(QStringLiteral("broken: 400")) && report.contains(QStringLiteral("name")), qPrintable(report));
    QCOMPARE(m_target->service().store().list(QStringLiteral("/buckets/main/collections/devices"), QStringLiteral("record"), false).size(), 60);
}

QTEST_MAIN(tst_CopyCollection)
#include "tst_copycollection.moc"
