#include "kintoclient.h"
#include "kintosandbox.h"
#include "net/requestlog.h"
#include "secrets/memorysecretstore.h"
#include "tenants/sessionmanager.h"
#include "tenants/tenantregistry.h"
#include "testsupport.h"

#include <QJsonArray>
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

QTEST_GUILESS_MAIN(tst_KintoSession)
#include "tst_kintosession.moc"
