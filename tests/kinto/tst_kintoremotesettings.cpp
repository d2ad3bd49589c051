// The Remote Settings additions of kinto-http: the changeset endpoint and the signoff workflow.
// Like tst_kintocontract, runs on the sandbox, or on the real server named by KINTO_SERVER_URL
// (and KINTO_AUTH), in its own bucket, removed at the end. The changeset test needs the kinto-changes
// plugin: on a server without the "changes" capability it is skipped, saying so.

#include "kintoclient.h"
#include "kintosandbox.h"
#include "net/requestlog.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QTest>
#include <QUuid>

using TestSupport::keep;
using TestSupport::waitFor;

class tst_KintoRemoteSettings : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void signoffWorkflow_data();
    void signoffWorkflow();
    void changeset();

private:
    QJsonValue run(Job *job);

    std::unique_ptr<KintoSandbox> m_sandbox;
    QNetworkAccessManager m_nam;
    RequestLog m_log;
    std::unique_ptr<KintoClient> m_client;
    QUrl m_url;
    QString m_auth;
    QString m_bucket;
};

void tst_KintoRemoteSettings::initTestCase()
{
    const QByteArray url = qgetenv("KINTO_SERVER_URL");
    if (!url.isEmpty()) {
        m_url = QUrl(QString::fromUtf8(url));
        m_auth = QString::fromUtf8(qgetenv("KINTO_AUTH"));
        return;
    }
    m_sandbox = std::make_unique<KintoSandbox>();
    QVERIFY(m_sandbox->start());
    m_sandbox->addAccount(QStringLiteral("editor"), QStringLiteral("editor-pw"));
    m_url = m_sandbox->baseUrl();
    m_auth = QStringLiteral("editor:editor-pw");
}

QJsonValue tst_KintoRemoteSettings::run(Job *job)
{
    std::unique_ptr<Job> owned(keep(job));
    if (!waitFor(job)) {
        qWarning() << "job timed out";
        return QJsonValue(QJsonValue::Undefined);
    }
    if (job->hasError()) {
        qWarning() << job->error().toString();
        return QJsonValue(QJsonValue::Undefined);
    }
    return job->result();
}

void tst_KintoRemoteSettings::init()
{
    KintoClient::Settings settings;
    settings.serverUrl = m_url;
    settings.auth = m_auth;
    m_bucket = QStringLiteral("rs-") + QUuid::createUuid().toString(QUuid::Id128).left(12);
    settings.bucket = m_bucket;
    settings.collection = QStringLiteral("main");
    m_client = std::make_unique<KintoConnection>(&m_nam, settings);
    m_client->httpClient()->setRequestLog(&m_log);
    QVERIFY(!run(m_client->createBucket(m_bucket)).isUndefined());
    QVERIFY(!run(m_client->createCollection(m_bucket, QStringLiteral("main"))).isUndefined());
}

void tst_KintoRemoteSettings::cleanup()
{
    KintoWrite ifExists;
    ifExists.ifExists = true;
    run(m_client->deleteBucket(m_bucket, ifExists));
    m_client.reset();
}

void tst_KintoRemoteSettings::signoffWorkflow_data()
{
    QTest::addColumn<QString>("step");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("commentField");
    QTest::newRow("request review") << QStringLiteral("request") << QStringLiteral("to-review") << QStringLiteral("last_editor_comment");
    QTest::newRow("decline") << QStringLiteral("decline") << QStringLiteral("work-in-progress") << QStringLiteral("last_reviewer_comment");
    QTest::newRow("approve") << QStringLiteral("approve") << QStringLiteral("to-sign") << QString();
    QTest::newRow("rollback") << QStringLiteral("rollback") << QStringLiteral("to-rollback") << QStringLiteral("last_editor_comment");
}

void tst_KintoRemoteSettings::signoffWorkflow()
{
    QFETCH(QString, step);
    QFETCH(QString, status);
    QFETCH(QString, commentField);
    const QString message = QStringLiteral("please look at %1").arg(step);
    Job *job = step == QLatin1String("request") ? m_client->requestReview(message)
        : step == QLatin1String("decline")      ? m_client->declineChanges(message)
        : step == QLatin1String("approve")      ? m_client->approveChanges()
                                                : m_client->rollbackChanges(message);
    QVERIFY(!run(job).isUndefined());
    QCOMPARE(m_log.entries().constLast().method, QByteArray("PATCH"));
    const QJsonObject held = run(m_client->getCollection(m_bucket, QStringLiteral("main"))).toObject().value(QLatin1String("data")).toObject();
    QCOMPARE(held.value(QLatin1String("status")).toString(), status);
    if (!commentField.isEmpty())
        QCOMPARE(held.value(commentField).toString(), message);
}

void tst_KintoRemoteSettings::changeset()
{
    const QJsonObject info = run(m_client->serverInfo()).toObject();
    if (!info.value(QLatin1String("capabilities")).toObject().contains(QLatin1String("changes")))
        QSKIP("This server has no kinto-changes plugin (no \"changes\" capability): no changeset endpoint.");

    for (const char *id : { "a", "b", "c" })
        QVERIFY(!run(m_client->createRecord({}, {}, QString::fromLatin1(id), { { QStringLiteral("n"), QString::fromLatin1(id) } })).isUndefined());
    const QJsonObject before = run(m_client->getChangeset()).toObject();
    QVERIFY(m_log.entries().constLast().url.contains(QLatin1String("_expected=0")));
    QCOMPARE(before.value(QLatin1String("metadata")).toObject().value(QLatin1String("id")).toString(), QStringLiteral("main"));
    const QJsonArray changes = before.value(QLatin1String("changes")).toArray();
    QCOMPARE(changes.size(), 3);
    QCOMPARE(changes.first().toObject().value(QLatin1String("id")).toString(), QStringLiteral("c")); // newest first
    const qint64 timestamp = before.value(QLatin1String("timestamp")).toInteger();
    QCOMPARE(QString::number(timestamp), run(m_client->getRecordsTimestamp()).toString());

    QVERIFY(!run(m_client->deleteRecord({}, {}, QStringLiteral("a"))).isUndefined());
    const QJsonObject since = run(m_client->getChangeset({}, {}, true, { { QStringLiteral("_since"), QStringLiteral("\"%1\"").arg(timestamp) } })).toObject();
    const QString url = m_log.entries().constLast().url;
    QVERIFY2(url.contains(QLatin1String("_expected=999999")), qPrintable(url)); // cache busting
    const QJsonArray delta = since.value(QLatin1String("changes")).toArray();
    QCOMPARE(delta.size(), 1);
    QCOMPARE(delta.first().toObject().value(QLatin1String("id")).toString(), QStringLiteral("a"));
    QCOMPARE(delta.first().toObject().value(QLatin1String("deleted")).toBool(), true);
}

QTEST_GUILESS_MAIN(tst_KintoRemoteSettings)
#include "tst_kintoremotesettings.moc"
