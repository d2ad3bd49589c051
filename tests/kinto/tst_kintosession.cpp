#include "kintoclient.h"
#include "kintosandbox.h"
#include "net/requestlog.h"
#include "secrets/memorysecretstore.h"
#include "tenants/sessionmanager.h"
#include "tenants/tenantregistry.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>

using TestSupport::keep;
using TestSupport::waitFor;

// A Kinto tenant of the registry, opened by the session manager, used through KintoClient::forSession.
class tst_KintoSession : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sessionClientUsesTenantCredentials();
    void compactListingHoldsTheSameRecords();
};

void tst_KintoSession::sessionClientUsesTenantCredentials()
{
    KintoSandbox sandbox;
    QVERIFY(sandbox.start());
    sandbox.seedDemoData();
    QTemporaryDir dir;
    RequestLog log;
    MemorySecretStore secrets;
    TenantRegistry registry(dir.filePath(QStringLiteral("t.ini")));
    Tenant tenant;
    tenant.displayName = QStringLiteral("Demo");
    tenant.family = QStringLiteral("kinto");
    QUrl root = sandbox.baseUrl();
    root.setPath(QString()); // the user typed the server without /v1
    tenant.baseUrl = root;
    tenant.auth = AuthKind::Basic;
    tenant.userName = QStringLiteral("alice");
    const QString id = registry.add(tenant);
    std::unique_ptr<Job> stored(keep(registry.storeSecret(id, SecretPurpose::Password, QStringLiteral("alice"), &secrets)));
    QVERIFY(waitFor(stored.get()));
    QNetworkAccessManager nam;
    SessionManager sessions(&registry, &secrets, &nam, &log);
    std::unique_ptr<Job> opened(keep(sessions.open(id)));
    QVERIFY(waitFor(opened.get()) && !opened->hasError());

    QPointer<KintoClient> kinto = KintoClient::forSession(sessions.client(id), QStringLiteral("staging"));
    QCOMPARE(KintoClient::forSession(sessions.client(id)), kinto.data()); // one per session
    QVERIFY(kinto->serverUrl().path().endsWith(QLatin1String("/v1")));
    std::unique_ptr<Job> info(keep(kinto->serverInfo()));
    QVERIFY(waitFor(info.get()));
    QVERIFY2(!info->hasError(), qPrintable(info->error().toString()));
    QCOMPARE(info->result().toObject().value(QLatin1String("user")).toObject().value(QLatin1String("id")).toString(),
        QStringLiteral("account:alice"));
    std::unique_ptr<KintoListJob> collections(keep(kinto->getCollections(QString())));
    QVERIFY(waitFor(collections.get()));
    QVERIFY2(!collections->hasError(), qPrintable(collections->error().toString()));
    QCOMPARE(log.entries().constLast().tenant, QStringLiteral("Demo"));
    QVERIFY(log.entries().constLast().url.contains(QLatin1String("/v1/buckets/staging/collections")));

    info.reset();
    collections.reset();
    sessions.close(id);
    QVERIFY(kinto.isNull()); // gone with its session
}

void tst_KintoSession::compactListingHoldsTheSameRecords()
{
    KintoSandbox sandbox;
    QVERIFY(sandbox.start());
    sandbox.seedDemoData();
    QNetworkAccessManager nam;
    KintoClient::Settings settings;
    settings.serverUrl = sandbox.baseUrl();
    settings.auth = QStringLiteral("admin:admin");
    KintoConnection client(&nam, settings);
    KintoListOptions options;
    options.limit = 3000; // several pages
    options.pages = KintoListOptions::AllPages;
    std::unique_ptr<KintoListJob> collect(keep(client.getRecords(QStringLiteral("main"), QStringLiteral("devices"), options)));
    std::unique_ptr<KintoListJob> compact(keep(client.getPaginatedRecords(QStringLiteral("main"), QStringLiteral("devices"), options,
        KintoListJob::Mode::Compact)));
    QVERIFY(waitFor(collect.get()) && waitFor(compact.get()));
    QVERIFY2(!compact->hasError(), qPrintable(compact->error().toString()));
    const QJsonArray all = collect->result().toArray();
    QCOMPARE(all.size(), 10000);
    QCOMPARE(compact->pagesFetched(), 4);
    QCOMPARE(compact->result().toArray().size(), 0); // kept in records(), not in result()
    const KintoRecordSet &records = compact->records();
    QCOMPARE(records.size(), all.size());
    for (qsizetype i : { qsizetype(0), qsizetype(4321), qsizetype(9999) })
        QCOMPARE(records.at(i), all.at(i).toObject());
    QCOMPARE(records.indexOf(all.at(777).toObject().value(QLatin1String("id")).toString()), 777);
    // Held close to (here: below) the JSON size.
    const qint64 json = QJsonDocument(all).toJson(QJsonDocument::Compact).size();
    QVERIFY2(records.encodedBytes() < json, qPrintable(QStringLiteral("%1 vs %2").arg(records.encodedBytes()).arg(json)));
}

QTEST_GUILESS_MAIN(tst_KintoSession)
#include "tst_kintosession.moc"
