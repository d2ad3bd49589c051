#include "net/job.h"
#include "secrets/keychainsecretstore.h"
#include "secrets/memorysecretstore.h"
#include "testsupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

#include <cstdio>
#include <cstring>
#include <functional>
#include <memory>

// The SecretStore contract, checked on the in-memory store and on the real keychain (the Secret
// Service of the session bus; scripts/test.sh starts a private one with gnome-keyring unlocked).
// Keychain rows are skipped when no keychain answers, and fail instead when
// TENANTDESK_REQUIRE_KEYCHAIN=1.

enum class StoreKind { Memory, Keychain };
Q_DECLARE_METATYPE(StoreKind)

namespace {

const QString testService = QStringLiteral("TenantDeskTest");
// Set in the environment of the child process that runs the keychain store without a session bus.
const char childModeVariable[] = "TST_SECRETSTORE_NO_BUS_CHILD";

using TestSupport::Outcome;

// Runs job to completion and deletes it.
Outcome run(Job *job)
{
    return TestSupport::await(job);
}

QString newTenantId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// Child mode: one read, write and remove against the keychain, printed as JSON lines
// {"op", "kind", "message"} for the parent test to judge.
int runChild()
{
    KeychainSecretStore store(testService);
    const QString tenantId = newTenantId();
    const std::pair<const char *, Job *> jobs[] = {
        {"read", store.read(tenantId, SecretPurpose::Password)},
        {"write", store.write(tenantId, SecretPurpose::Password, QStringLiteral("child-secret"))},
        {"remove", store.remove(tenantId, SecretPurpose::Password)},
    };
    for (const auto &[op, job] : jobs) {
        const Outcome outcome = run(job);
        const QJsonObject line{
            {QStringLiteral("op"), QLatin1String(op)},
            {QStringLiteral("finished"), outcome.finished},
            {QStringLiteral("kind"), static_cast<int>(outcome.error.kind())},
            {QStringLiteral("message"), outcome.error.message()},
        };
        std::fputs(QJsonDocument(line).toJson(QJsonDocument::Compact).append('\n').constData(),
                   stdout);
    }
    return 0;
}

// Captures log messages for secretsAreNotLogged().
QStringList *capturedMessages = nullptr;
void captureMessage(QtMsgType, const QMessageLogContext &, const QString &message)
{
    if (capturedMessages)
        capturedMessages->append(message);
}

} // namespace

// Fetches the row's store kind and makes m_store; skips keychain rows when no keychain answered.
#define USE_ROW_STORE()                                                                            \
    do {                                                                                           \
        QFETCH(StoreKind, storeKind);                                                              \
        if (storeKind == StoreKind::Keychain && !m_keychainAvailable)                              \
            QSKIP(                                                                                 \
                "No keychain answered (run under scripts/test.sh for a private Secret Service)");  \
        m_store = makeStore(storeKind, testService);                                               \
    } while (false)

class TestSecretStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void roundTrip_data();
    void roundTrip();
    void overwrite_data() { addStoreColumnAndRows(); }
    void overwrite();
    void readMissingIsNotFound_data() { addStoreColumnAndRows(); }
    void readMissingIsNotFound();
    void removeThenReadIsNotFound_data() { addStoreColumnAndRows(); }
    void removeThenReadIsNotFound();
    void removeMissingSucceeds_data() { addStoreColumnAndRows(); }
    void removeMissingSucceeds();
    void tenantsDoNotCollide_data() { addStoreColumnAndRows(); }
    void tenantsDoNotCollide();
    void finishesFromEventLoop_data() { addStoreColumnAndRows(); }
    void finishesFromEventLoop();
    void secretsAreNotLogged_data() { addStoreColumnAndRows(); }
    void secretsAreNotLogged();

    void keychainServiceNamesKeepEntriesApart();
    void keychainUnavailableWithoutSessionBus();
    void memoryKeysListNamesNotValues();
    void memoryUnavailableFailsEveryJob();

private:
    static void addStoreColumnAndRows();
    std::unique_ptr<SecretStore> makeStore(StoreKind kind, const QString &service);
    // Writes and remembers the entry so cleanup() removes it from the keychain.
    Outcome write(SecretStore *store, const QString &tenantId, const QString &purpose,
                  const QString &secret);

    bool m_keychainAvailable = false;
    std::unique_ptr<SecretStore> m_store;
    QList<std::pair<QString, QString>> m_written; // (tenant id, purpose)
};

void TestSecretStore::initTestCase()
{
    const bool required = qEnvironmentVariable("TENANTDESK_REQUIRE_KEYCHAIN") == QLatin1String("1");
    KeychainSecretStore probe(testService);
    const QString tenantId = newTenantId();
    const Outcome written
        = run(probe.write(tenantId, QStringLiteral("probe"), QStringLiteral("x")));
    const Outcome read = run(probe.read(tenantId, QStringLiteral("probe")));
    run(probe.remove(tenantId, QStringLiteral("probe")));
    m_keychainAvailable
        = written.finished && !written.error && read.result.toString() == QLatin1String("x");
    if (!m_keychainAvailable) {
        const QString why = written.finished
            ? written.error.message()
            : QStringLiteral("the keychain did not answer in time");
        if (required)
            QFAIL(qPrintable(QStringLiteral("TENANTDESK_REQUIRE_KEYCHAIN=1 but: ") + why));
        qWarning("Keychain rows will be skipped: %s", qPrintable(why));
    }
}

void TestSecretStore::cleanup()
{
    if (m_store) {
        for (const auto &[tenantId, purpose] : std::as_const(m_written))
            run(m_store->remove(tenantId, purpose));
    }
    m_written.clear();
    m_store.reset();
}

void TestSecretStore::addStoreColumnAndRows()
{
    QTest::addColumn<StoreKind>("storeKind");
    QTest::newRow("memory") << StoreKind::Memory;
    QTest::newRow("keychain") << StoreKind::Keychain;
}

std::unique_ptr<SecretStore> TestSecretStore::makeStore(StoreKind kind, const QString &service)
{
    if (kind == StoreKind::Keychain)
        return std::make_unique<KeychainSecretStore>(service);
    return std::make_unique<MemorySecretStore>();
}

Outcome TestSecretStore::write(SecretStore *store, const QString &tenantId, const QString &purpose,
                               const QString &secret)
{
    m_written.append({tenantId, purpose});
    return run(store->write(tenantId, purpose, secret));
}

void TestSecretStore::roundTrip_data()
{
    QTest::addColumn<StoreKind>("storeKind");
    QTest::addColumn<QString>("purpose");
    QTest::addColumn<QString>("secret");
    const std::pair<const char *, StoreKind> stores[]
        = {{"memory", StoreKind::Memory}, {"keychain", StoreKind::Keychain}};
    for (const auto &[name, kind] : stores) {
        QTest::addRow("%s: ascii password", name)
            << kind << SecretPurpose::Password << QStringLiteral("correct horse battery staple");
        QTest::addRow("%s: unicode token", name)
            << kind << SecretPurpose::Token << QStringLiteral("jeton-été-🔑-トークン");
        QTest::addRow("%s: long client secret with punctuation", name)
            << kind << SecretPurpose::ClientSecret
            << QStringLiteral("a:b;c=d&e\"f'g\\h\n").repeated(40);
    }
}

void TestSecretStore::roundTrip()
{
    USE_ROW_STORE();
    QFETCH(QString, purpose);
    QFETCH(QString, secret);
    const QString tenantId = newTenantId();

    const Outcome written = write(m_store.get(), tenantId, purpose, secret);
    QVERIFY(written.finished);
    QVERIFY2(!written.error, qPrintable(written.error.message()));

    const Outcome read = run(m_store->read(tenantId, purpose));
    QVERIFY(read.finished);
    QVERIFY2(!read.error, qPrintable(read.error.message()));
    QCOMPARE(read.result.toString(), secret);
}

void TestSecretStore::overwrite()
{
    USE_ROW_STORE();
    const QString tenantId = newTenantId();
    QVERIFY(!write(m_store.get(), tenantId, SecretPurpose::Password, QStringLiteral("old")).error);
    QVERIFY(!write(m_store.get(), tenantId, SecretPurpose::Password, QStringLiteral("new")).error);

    const Outcome read = run(m_store->read(tenantId, SecretPurpose::Password));
    QVERIFY2(!read.error, qPrintable(read.error.message()));
    QCOMPARE(read.result.toString(), QStringLiteral("new"));
}

void TestSecretStore::readMissingIsNotFound()
{
    USE_ROW_STORE();
    const QString tenantId = newTenantId();
    const Outcome read = run(m_store->read(tenantId, SecretPurpose::Password));
    QVERIFY(read.finished);
    QCOMPARE(read.error.kind(), ApiError::Kind::NotFound);
    QVERIFY(read.error.isNotFound());
    QCOMPARE(read.error.message(),
             QStringLiteral("No secret stored for ")
                 + SecretStore::key(tenantId, SecretPurpose::Password));
    QVERIFY(read.result.isNull() || read.result.isUndefined());
}

void TestSecretStore::removeThenReadIsNotFound()
{
    USE_ROW_STORE();
    const QString tenantId = newTenantId();
    QVERIFY(!write(m_store.get(), tenantId, SecretPurpose::Token, QStringLiteral("t0k3n")).error);

    const Outcome removed = run(m_store->remove(tenantId, SecretPurpose::Token));
    QVERIFY(removed.finished);
    QVERIFY2(!removed.error, qPrintable(removed.error.message()));

    const Outcome read = run(m_store->read(tenantId, SecretPurpose::Token));
    QCOMPARE(read.error.kind(), ApiError::Kind::NotFound);
}

void TestSecretStore::removeMissingSucceeds()
{
    USE_ROW_STORE();
    const Outcome removed = run(m_store->remove(newTenantId(), SecretPurpose::RefreshToken));
    QVERIFY(removed.finished);
    QVERIFY2(!removed.error, qPrintable(removed.error.message()));
}

void TestSecretStore::tenantsDoNotCollide()
{
    USE_ROW_STORE();
    const QString first = newTenantId();
    const QString second = newTenantId();
    QVERIFY(
        !write(m_store.get(), first, SecretPurpose::Password, QStringLiteral("first-pw")).error);
    QVERIFY(
        !write(m_store.get(), second, SecretPurpose::Password, QStringLiteral("second-pw")).error);
    QVERIFY(
        !write(m_store.get(), first, SecretPurpose::Token, QStringLiteral("first-token")).error);

    QCOMPARE(run(m_store->read(first, SecretPurpose::Password)).result.toString(),
             QStringLiteral("first-pw"));
    QCOMPARE(run(m_store->read(second, SecretPurpose::Password)).result.toString(),
             QStringLiteral("second-pw"));
    QCOMPARE(run(m_store->read(first, SecretPurpose::Token)).result.toString(),
             QStringLiteral("first-token"));

    // Removing one tenant's secret leaves the other tenant's secret of the same purpose alone.
    QVERIFY(!run(m_store->remove(first, SecretPurpose::Password)).error);
    QCOMPARE(run(m_store->read(first, SecretPurpose::Password)).error.kind(),
             ApiError::Kind::NotFound);
    QCOMPARE(run(m_store->read(second, SecretPurpose::Password)).result.toString(),
             QStringLiteral("second-pw"));
}

void TestSecretStore::finishesFromEventLoop()
{
    USE_ROW_STORE();
    const QString tenantId = newTenantId();
    m_written.append({tenantId, SecretPurpose::Password});
    const std::function<Job *()> calls[] = {
        [&] { return m_store->read(tenantId, SecretPurpose::Password); }, // missing
        [&] { return m_store->write(tenantId, SecretPurpose::Password, QStringLiteral("s")); },
        [&] { return m_store->read(tenantId, SecretPurpose::Password); }, // present
        [&] { return m_store->remove(tenantId, SecretPurpose::Password); },
        [&] { return m_store->remove(tenantId, SecretPurpose::Password); }, // missing
    };
    for (const auto &call : calls) {
        Job *job = call();
        QSignalSpy finished(job, &Job::finished);
        QVERIFY(!job->isFinished());
        QVERIFY(run(job).finished);
        QCOMPARE(finished.count(), 1);
    }
}

void TestSecretStore::secretsAreNotLogged()
{
    USE_ROW_STORE();
    const QString secret = QStringLiteral("never-log-me-") + newTenantId();
    const QString tenantId = newTenantId();

    QStringList messages;
    capturedMessages = &messages;
    QLoggingCategory::setFilterRules(QStringLiteral("tenantdesk.*=true"));
    const QtMessageHandler previous = qInstallMessageHandler(captureMessage);
    write(m_store.get(), tenantId, SecretPurpose::Password, secret);
    const Outcome read = run(m_store->read(tenantId, SecretPurpose::Password));
    run(m_store->remove(tenantId, SecretPurpose::Password));
    qInstallMessageHandler(previous);
    QLoggingCategory::setFilterRules(QString());
    capturedMessages = nullptr;

    QCOMPARE(read.result.toString(), secret);
    // The store does log its operations (with debug output on), so the check below means something.
    QVERIFY2(!messages.isEmpty(), "expected debug messages from tenantdesk.secrets");
    for (const QString &message : std::as_const(messages))
        QVERIFY2(!message.contains(secret), qPrintable(message));
}

void TestSecretStore::keychainServiceNamesKeepEntriesApart()
{
    if (!m_keychainAvailable)
        QSKIP("No keychain answered (run under scripts/test.sh for a private Secret Service)");
    KeychainSecretStore other(testService + QStringLiteral("-other"));
    m_store = std::make_unique<KeychainSecretStore>(testService);
    const QString tenantId = newTenantId();
    QVERIFY(!write(m_store.get(), tenantId, SecretPurpose::Password, QStringLiteral("mine")).error);

    QCOMPARE(run(other.read(tenantId, SecretPurpose::Password)).error.kind(),
             ApiError::Kind::NotFound);
    QCOMPARE(KeychainSecretStore().serviceName(), QStringLiteral("TenantDesk"));
}

void TestSecretStore::keychainUnavailableWithoutSessionBus()
{
    // QtKeychain picks its backend once per process, so the "no keychain" case runs in a child
    // process whose session bus address points nowhere.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QString::fromLatin1(childModeVariable), QStringLiteral("1"));
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
               QStringLiteral("unix:path=/nonexistent"));
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "XDG_CURRENT_DESKTOP", "DESKTOP_SESSION",
                             "KDE_FULL_SESSION"})
        env.remove(QString::fromLatin1(name));

    QProcess child;
    child.setProcessEnvironment(env);
    child.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY2(child.waitForFinished(60000), "the child process did not finish");
    const QByteArray errors = child.readAllStandardError();
    QCOMPARE(child.exitStatus(), QProcess::NormalExit);
    QVERIFY2(child.exitCode() == 0, errors.constData());

    QStringList ops;
    for (const QByteArray &line : child.readAllStandardOutput().split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        const QString op = o.value(QLatin1String("op")).toString();
        const QString message = o.value(QLatin1String("message")).toString();
        ops << op;
        QVERIFY2(o.value(QLatin1String("finished")).toBool(), qPrintable(op));
        QCOMPARE(o.value(QLatin1String("kind")).toInt(),
                 static_cast<int>(ApiError::Kind::Unavailable));
        QVERIFY2(message.startsWith(QLatin1String("The system keychain is not available: ")),
                 qPrintable(message));
        // The backend's own explanation follows the prefix.
        QVERIFY2(message.size() > qsizetype(strlen("The system keychain is not available: ")),
                 qPrintable(message));
    }
    QCOMPARE(
        ops,
        (QStringList{QStringLiteral("read"), QStringLiteral("write"), QStringLiteral("remove")}));
}

void TestSecretStore::memoryKeysListNamesNotValues()
{
    MemorySecretStore store;
    QVERIFY(
        !run(store.write(QStringLiteral("b"), SecretPurpose::Token, QStringLiteral("v1"))).error);
    QVERIFY(!run(store.write(QStringLiteral("a"), SecretPurpose::Password, QStringLiteral("v2")))
                 .error);
    QCOMPARE(store.keys(),
             (QStringList{QStringLiteral("tenantdesk:a:password"),
                          QStringLiteral("tenantdesk:b:token")}));
    QVERIFY(!run(store.remove(QStringLiteral("b"), SecretPurpose::Token)).error);
    QCOMPARE(store.keys(), QStringList{QStringLiteral("tenantdesk:a:password")});
}

void TestSecretStore::memoryUnavailableFailsEveryJob()
{
    MemorySecretStore store;
    QVERIFY(
        !run(store.write(QStringLiteral("a"), SecretPurpose::Password, QStringLiteral("v"))).error);
    store.setUnavailable(QStringLiteral("locked for the test"));
    for (Job *job : {store.read(QStringLiteral("a"), SecretPurpose::Password),
                     store.write(QStringLiteral("a"), SecretPurpose::Password, QStringLiteral("w")),
                     store.remove(QStringLiteral("a"), SecretPurpose::Password)}) {
        const Outcome outcome = run(job);
        QCOMPARE(outcome.error.kind(), ApiError::Kind::Unavailable);
        QCOMPARE(outcome.error.message(),
                 QStringLiteral("The system keychain is not available: locked for the test"));
    }
    store.setUnavailable(QString());
    QCOMPARE(run(store.read(QStringLiteral("a"), SecretPurpose::Password)).result.toString(),
             QStringLiteral("v"));
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIsSet(childModeVariable))
        return runChild();
    TestSecretStore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_secretstore.moc"
