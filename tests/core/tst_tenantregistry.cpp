#include "net/job.h"
#include "secrets/keychainsecretstore.h"
#include "secrets/memorysecretstore.h"
#include "tenants/tenantregistry.h"
#include "testsupport.h"

#include <QDirIterator>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

// TenantRegistry: persistence through QSettings, validation, and the secret index (names in the
// settings, values only in the SecretStore).

enum class StoreKind { Memory, Keychain };
Q_DECLARE_METATYPE(StoreKind)

namespace {

using TestSupport::Outcome;

// Runs job to completion and deletes it.
Outcome run(Job *job)
{
    return TestSupport::await(job);
}

Tenant sampleTenant(const QString &name = QStringLiteral("Kinto staging"))
{
    Tenant t;
    t.displayName = name;
    t.family = QStringLiteral("kinto");
    t.baseUrl = QUrl(QStringLiteral("https://kinto.example.com/v1"));
    t.auth = AuthKind::Basic;
    t.userName = QStringLiteral("alice");
    t.options = {{QStringLiteral("bucket"), QStringLiteral("main")},
                 {QStringLiteral("maxConcurrent"), 4},
                 {QStringLiteral("verifyTls"), true}};
    return t;
}

// Every regular file under dir (recursively, hidden ones included), or none if dir is empty/absent.
QStringList filesUnder(const QString &dir)
{
    QStringList files;
    if (dir.isEmpty() || !QFileInfo(dir).isDir())
        return files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::NoSymLinks,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    return files;
}

// Whether the file contains text in UTF-8, UTF-16 (either byte order) or Latin-1.
bool fileContains(const QString &path, const QString &text)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray content = file.readAll();
    QByteArray utf16le, utf16be;
    for (const QChar c : text) {
        utf16le.append(char(c.unicode() & 0xff)).append(char(c.unicode() >> 8));
        utf16be.append(char(c.unicode() >> 8)).append(char(c.unicode() & 0xff));
    }
    return content.contains(text.toUtf8()) || content.contains(text.toLatin1())
        || content.contains(utf16le) || content.contains(utf16be);
}

} // namespace

// Readable QCOMPARE failures (found by argument-dependent lookup).
char *toString(const Tenant &t)
{
    const QString text
        = QStringLiteral("Tenant(%1, \"%2\", %3, %4, %5, user \"%6\", options %7, secrets %8)")
              .arg(t.id, t.displayName, t.family, t.baseUrl.toString(),
                   Tenant::authName(t.auth), t.userName,
                   QStringList(t.options.keys()).join(QLatin1Char(',')),
                   t.secretPurposes.join(QLatin1Char(',')));
    return qstrdup(text.toUtf8().constData());
}

class TestTenantRegistry : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void addUpdateRemoveRoundTrip();
    void settingsOwnedByCaller();
    void tenantsSortedByName();
    void invalidTenantRefused_data();
    void invalidTenantRefused();
    void duplicateIdAndUnknownIdRefused();
    void staleUpdateKeepsSecretIndex();
    void unknownFamilyIsKept();

    void storeSecretRecordsPurposeNotValue();
    void storeSecretFailureForgetsPurpose();
    void storeSecretForUnknownTenantFails();
    void removeSecretDropsPurpose();
    void secretAppearsInNoConfigFile();
    void removeDeletesSecrets_data();
    void removeDeletesSecrets();
    void removeKeepsTenantWhenSecretsCannotBeDeleted();
    void removeUnknownTenantFails();

private:
    QString settingsPath() const { return m_dir->filePath(QStringLiteral("tenants.ini")); }
    std::unique_ptr<SecretStore> makeStore(StoreKind kind) const;

    bool m_keychainAvailable = false;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestTenantRegistry::initTestCase()
{
    const bool required = qEnvironmentVariable("TENANTDESK_REQUIRE_KEYCHAIN") == QLatin1String("1");
    KeychainSecretStore probe(QStringLiteral("TenantDeskTest"));
    const QString tenantId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const Outcome written
        = run(probe.write(tenantId, QStringLiteral("probe"), QStringLiteral("x")));
    run(probe.remove(tenantId, QStringLiteral("probe")));
    m_keychainAvailable = written.finished && !written.error;
    if (!m_keychainAvailable) {
        const QString why = written.finished
            ? written.error.message()
            : QStringLiteral("the keychain did not answer in time");
        if (required)
            QFAIL(qPrintable(QStringLiteral("TENANTDESK_REQUIRE_KEYCHAIN=1 but: ") + why));
        qWarning("Keychain rows will be skipped (memory store used instead): %s", qPrintable(why));
    }
}

void TestTenantRegistry::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

std::unique_ptr<SecretStore> TestTenantRegistry::makeStore(StoreKind kind) const
{
    if (kind == StoreKind::Keychain)
        return std::make_unique<KeychainSecretStore>(QStringLiteral("TenantDeskTest"));
    return std::make_unique<MemorySecretStore>();
}

void TestTenantRegistry::addUpdateRemoveRoundTrip()
{
    Tenant tenant = sampleTenant();
    {
        TenantRegistry registry(settingsPath());
        QSignalSpy added(&registry, &TenantRegistry::tenantAdded);
        QString error;
        tenant.id = registry.add(tenant, &error);
        QVERIFY2(!tenant.id.isEmpty(), qPrintable(error));
        QVERIFY(!QUuid::fromString(tenant.id).isNull());
        QCOMPARE(added.count(), 1);
        QCOMPARE(added.at(0).at(0).toString(), tenant.id);
        QCOMPARE(registry.tenant(tenant.id).value_or(Tenant()), tenant);
    }
    {
        // The settings layout other tools rely on.
        QSettings raw(settingsPath(), QSettings::IniFormat);
        raw.beginGroup(QStringLiteral("tenants/") + tenant.id);
        QCOMPARE(raw.value(QStringLiteral("id")).toString(), tenant.id);
        QCOMPARE(raw.value(QStringLiteral("service")).toString(), QStringLiteral("kinto"));
        QCOMPARE(raw.value(QStringLiteral("auth")).toString(), QStringLiteral("basic"));
        QCOMPARE(raw.value(QStringLiteral("baseUrl")).toString(),
                 QStringLiteral("https://kinto.example.com/v1"));
        // Options are readable JSON text, not a binary blob.
        QCOMPARE(raw.value(QStringLiteral("options")).toString(),
                 QStringLiteral(R"({"bucket":"main","maxConcurrent":4,"verifyTls":true})"));
    }
    {
        TenantRegistry registry(settingsPath());
        QCOMPARE(registry.tenants(), QList<Tenant>{tenant});

        QSignalSpy changed(&registry, &TenantRegistry::tenantChanged);
        tenant.displayName = QStringLiteral("Kinto production");
        tenant.family = QStringLiteral("jamf");
        tenant.auth = AuthKind::OAuth2ClientCredentials;
        tenant.options.insert(QStringLiteral("tokenUrl"),
                              QStringLiteral("https://id.example.com/t"));
        QString error;
        QVERIFY2(registry.update(tenant, &error), qPrintable(error));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toString(), tenant.id);
        // Saving the same values again is no change.
        QVERIFY(registry.update(tenant));
        QCOMPARE(changed.count(), 1);
    }
    {
        TenantRegistry registry(settingsPath());
        QCOMPARE(registry.tenant(tenant.id).value_or(Tenant()), tenant);

        QSignalSpy removed(&registry, &TenantRegistry::tenantRemoved);
        const Outcome outcome = run(registry.remove(tenant.id, nullptr));
        QVERIFY(outcome.finished);
        QVERIFY2(!outcome.error, qPrintable(outcome.error.message()));
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.at(0).at(0).toString(), tenant.id);
        QVERIFY(registry.tenants().isEmpty());
    }
    TenantRegistry registry(settingsPath());
    QVERIFY(registry.tenants().isEmpty());
    QVERIFY(!registry.tenant(tenant.id));
}

void TestTenantRegistry::settingsOwnedByCaller()
{
    QSettings settings(settingsPath(), QSettings::IniFormat);
    QString id;
    {
        TenantRegistry registry(&settings);
        id = registry.add(sampleTenant());
        QVERIFY(!id.isEmpty());
    }
    QCOMPARE(settings.value(QStringLiteral("tenants/%1/displayName").arg(id)).toString(),
             QStringLiteral("Kinto staging"));
    TenantRegistry again(&settings);
    QCOMPARE(again.tenants().size(), 1);
}

void TestTenantRegistry::tenantsSortedByName()
{
    TenantRegistry registry(settingsPath());
    for (const char *name : {"gamma", "Alpha", "beta"})
        QVERIFY(!registry.add(sampleTenant(QString::fromLatin1(name))).isEmpty());
    QStringList names;
    for (const Tenant &t : TenantRegistry(settingsPath()).tenants())
        names << t.displayName;
    QCOMPARE(
        names,
        (QStringList{QStringLiteral("Alpha"), QStringLiteral("beta"), QStringLiteral("gamma")}));
}

void TestTenantRegistry::unknownFamilyIsKept()
{
    // A tenant of a family this build does not have (written by a newer TenantDesk) is loaded,
    // shown and saved back as it is, never dropped.
    {
        QSettings raw(settingsPath(), QSettings::IniFormat);
        raw.setValue(QStringLiteral("tenants/future-1/id"), QStringLiteral("future-1"));
        raw.setValue(QStringLiteral("tenants/future-1/displayName"), QStringLiteral("From the future"));
        raw.setValue(QStringLiteral("tenants/future-1/service"), QStringLiteral("quantum-crm"));
        raw.setValue(QStringLiteral("tenants/future-1/baseUrl"), QStringLiteral("https://crm.example.com"));
        raw.setValue(QStringLiteral("tenants/future-1/auth"), QStringLiteral("bearer"));
    }
    TenantRegistry registry(settingsPath());
    const std::optional<Tenant> kept = registry.tenant(QStringLiteral("future-1"));
    QVERIFY(kept);
    QCOMPARE(kept->family, QStringLiteral("quantum-crm"));
    Tenant renamed = *kept;
    renamed.displayName = QStringLiteral("Still from the future");
    QVERIFY(registry.update(renamed));
    QCOMPARE(QSettings(settingsPath(), QSettings::IniFormat).value(QStringLiteral("tenants/future-1/service")).toString(),
             QStringLiteral("quantum-crm"));
    Tenant noFamily = renamed;
    noFamily.id.clear();
    noFamily.family.clear();
    QString error;
    QVERIFY(registry.add(noFamily, &error).isEmpty());
    QVERIFY2(error.contains(QStringLiteral("family")), qPrintable(error));
}

void TestTenantRegistry::invalidTenantRefused_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("displayName");
    QTest::addColumn<QString>("baseUrl");
    QTest::addColumn<QString>("messagePart");

    const QString goodUrl = QStringLiteral("https://kinto.example.com/v1");
    const QString needsName = QStringLiteral("The tenant needs a name.");
    const QString badUrl
        = QStringLiteral("The base URL must be an http:// or https:// address with a host name");
    const QString badId = QStringLiteral("may only contain letters, digits");
    const QString name = QStringLiteral("Name");
    QTest::newRow("empty name") << QString() << QString() << goodUrl << needsName;
    QTest::newRow("blank name") << QString() << QStringLiteral("   ") << goodUrl << needsName;
    QTest::newRow("empty URL") << QString() << name << QString() << badUrl;
    QTest::newRow("ftp URL") << QString() << name << QStringLiteral("ftp://a.example/") << badUrl;
    QTest::newRow("file URL") << QString() << name << QStringLiteral("file:///etc/x") << badUrl;
    QTest::newRow("https without host") << QString() << name << QStringLiteral("https:///v1") << badUrl;
    QTest::newRow("relative URL") << QString() << name << QStringLiteral("/v1/buckets") << badUrl;
    QTest::newRow("host without scheme") << QString() << name << QStringLiteral("a.example") << badUrl;
    QTest::newRow("id with slash") << QStringLiteral("a/b") << name << goodUrl << badId;
    QTest::newRow("id with colon") << QStringLiteral("a:b") << name << goodUrl << badId;
}

void TestTenantRegistry::invalidTenantRefused()
{
    QFETCH(QString, id);
    QFETCH(QString, displayName);
    QFETCH(QString, baseUrl);
    QFETCH(QString, messagePart);

    TenantRegistry registry(settingsPath());
    QSignalSpy added(&registry, &TenantRegistry::tenantAdded);
    Tenant tenant = sampleTenant();
    tenant.id = id;
    tenant.displayName = displayName;
    tenant.baseUrl = QUrl(baseUrl);

    QCOMPARE(TenantRegistry::validationError(tenant).isEmpty(), false);
    QString error;
    QCOMPARE(registry.add(tenant, &error), QString());
    QVERIFY2(error.contains(messagePart), qPrintable(error));
    QCOMPARE(added.count(), 0);
    QVERIFY(registry.tenants().isEmpty());
    QVERIFY(TenantRegistry(settingsPath()).tenants().isEmpty());

    if (!id.isEmpty())
        return; // an id cannot be changed by update()
    // The same fields are refused by update(), which keeps the saved tenant.
    const Tenant good = sampleTenant();
    tenant.id = registry.add(good);
    QVERIFY(!tenant.id.isEmpty());
    QSignalSpy changed(&registry, &TenantRegistry::tenantChanged);
    error.clear();
    QVERIFY(!registry.update(tenant, &error));
    QVERIFY2(error.contains(messagePart), qPrintable(error));
    QCOMPARE(changed.count(), 0);
    QCOMPARE(TenantRegistry(settingsPath()).tenant(tenant.id)->displayName, good.displayName);
}

void TestTenantRegistry::duplicateIdAndUnknownIdRefused()
{
    TenantRegistry registry(settingsPath());
    Tenant tenant = sampleTenant();
    tenant.id = QStringLiteral("kinto-staging");
    QCOMPARE(registry.add(tenant), QStringLiteral("kinto-staging"));

    QString error;
    QCOMPARE(registry.add(tenant, &error), QString());
    QCOMPARE(error, QStringLiteral("A tenant with id kinto-staging already exists."));

    tenant.id = QStringLiteral("nobody");
    QVERIFY(!registry.update(tenant, &error));
    QCOMPARE(error, QStringLiteral("No tenant with id nobody"));
    QCOMPARE(registry.tenants().size(), 1);
}

void TestTenantRegistry::staleUpdateKeepsSecretIndex()
{
    MemorySecretStore store;
    TenantRegistry registry(settingsPath());
    const QString id = registry.add(sampleTenant());
    const Tenant stale = *registry.tenant(id);
    QVERIFY(!run(registry.storeSecret(id, SecretPurpose::Password, QStringLiteral("pw"), &store))
                 .error);

    Tenant edited = stale; // secretPurposes still empty in this copy
    edited.userName = QStringLiteral("bob");
    QVERIFY(registry.update(edited));
    QCOMPARE(registry.tenant(id)->userName, QStringLiteral("bob"));
    QCOMPARE(registry.tenant(id)->secretPurposes, QStringList{SecretPurpose::Password});
}

void TestTenantRegistry::storeSecretRecordsPurposeNotValue()
{
    const QString secret
        = QStringLiteral("pw-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    MemorySecretStore store;
    TenantRegistry registry(settingsPath());
    const QString id = registry.add(sampleTenant());
    QSignalSpy changed(&registry, &TenantRegistry::tenantChanged);

    const Outcome outcome = run(registry.storeSecret(id, SecretPurpose::Password, secret, &store));
    QVERIFY(outcome.finished);
    QVERIFY2(!outcome.error, qPrintable(outcome.error.message()));
    QVERIFY(outcome.result.isNull() || outcome.result.isUndefined());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(registry.tenant(id)->secretPurposes, QStringList{SecretPurpose::Password});
    QCOMPARE(store.keys(), QStringList{SecretStore::key(id, SecretPurpose::Password)});
    QCOMPARE(run(store.read(id, SecretPurpose::Password)).result.toString(), secret);

    // Storing it again (a new value) records the name once.
    QVERIFY(
        !run(registry.storeSecret(id, SecretPurpose::Password, secret + QLatin1Char('2'), &store))
             .error);
    QVERIFY(
        !run(registry.storeSecret(id, SecretPurpose::Token, QStringLiteral("tok"), &store)).error);
    const QStringList both{SecretPurpose::Password, SecretPurpose::Token};
    QCOMPARE(registry.tenant(id)->secretPurposes, both);
    QCOMPARE(TenantRegistry(settingsPath()).tenant(id)->secretPurposes, both);
    QVERIFY(!fileContains(settingsPath(), secret));
    QVERIFY(fileContains(settingsPath(), SecretPurpose::Password)); // the name is there
}

void TestTenantRegistry::storeSecretFailureForgetsPurpose()
{
    MemorySecretStore store;
    store.setUnavailable(QStringLiteral("no keyring"));
    TenantRegistry registry(settingsPath());
    const QString id = registry.add(sampleTenant());

    const Outcome outcome
        = run(registry.storeSecret(id, SecretPurpose::Token, QStringLiteral("t"), &store));
    QCOMPARE(outcome.error.kind(), ApiError::Kind::Unavailable);
    QCOMPARE(outcome.error.message(),
             QStringLiteral("The system keychain is not available: no keyring"));
    QVERIFY(registry.tenant(id)->secretPurposes.isEmpty());
    QVERIFY(TenantRegistry(settingsPath()).tenant(id)->secretPurposes.isEmpty());
}

void TestTenantRegistry::storeSecretForUnknownTenantFails()
{
    MemorySecretStore store;
    TenantRegistry registry(settingsPath());
    const Outcome outcome = run(registry.storeSecret(
        QStringLiteral("nobody"), SecretPurpose::Password, QStringLiteral("pw"), &store));
    QCOMPARE(outcome.error.kind(), ApiError::Kind::NotFound);
    QVERIFY(store.keys().isEmpty());

    const QString id = registry.add(sampleTenant());
    QCOMPARE(run(registry.storeSecret(id, QString(), QStringLiteral("pw"), &store)).error.kind(),
             ApiError::Kind::Invalid);
    QVERIFY(store.keys().isEmpty());
}

void TestTenantRegistry::removeSecretDropsPurpose()
{
    MemorySecretStore store;
    TenantRegistry registry(settingsPath());
    const QString id = registry.add(sampleTenant());
    QVERIFY(!run(registry.storeSecret(id, SecretPurpose::Password, QStringLiteral("pw"), &store))
                 .error);
    QVERIFY(
        !run(registry.storeSecret(id, SecretPurpose::Token, QStringLiteral("tok"), &store)).error);

    QVERIFY(!run(registry.removeSecret(id, SecretPurpose::Token, &store)).error);
    QCOMPARE(registry.tenant(id)->secretPurposes, QStringList{SecretPurpose::Password});
    QCOMPARE(store.keys(), QStringList{SecretStore::key(id, SecretPurpose::Password)});
}

void TestTenantRegistry::secretAppearsInNoConfigFile()
{
    const std::unique_ptr<SecretStore> store
        = makeStore(m_keychainAvailable ? StoreKind::Keychain : StoreKind::Memory);
    const QString secret
        = QStringLiteral("s3cr3t-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString token
        = QStringLiteral("tok3n-") + QUuid::createUuid().toString(QUuid::WithoutBraces);

    TenantRegistry registry(settingsPath());
    const QString id = registry.add(sampleTenant());
    QVERIFY(!run(registry.storeSecret(id, SecretPurpose::Password, secret, store.get())).error);
    QVERIFY(!run(registry.storeSecret(id, SecretPurpose::Token, token, store.get())).error);
    Tenant edited = *registry.tenant(id);
    edited.displayName = QStringLiteral("Edited after storing secrets");
    QVERIFY(registry.update(edited));
    // The secret is really stored, so its absence from the files below means something.
    QCOMPARE(run(store->read(id, SecretPurpose::Password)).result.toString(), secret);

    const QStringList settingsFiles = filesUnder(m_dir->path());
    QVERIFY(settingsFiles.contains(settingsPath()));
    const QStringList files = settingsFiles
        + filesUnder(QDir::homePath() + QStringLiteral("/.config"))
        + filesUnder(qEnvironmentVariable("XDG_CONFIG_HOME"));
    for (const QString &file : files) {
        QVERIFY2(!fileContains(file, secret),
                 qPrintable(QStringLiteral("secret found in ") + file));
        QVERIFY2(!fileContains(file, token), qPrintable(QStringLiteral("token found in ") + file));
    }

    QVERIFY(!run(registry.remove(id, store.get())).error);
}

void TestTenantRegistry::removeDeletesSecrets_data()
{
    QTest::addColumn<StoreKind>("storeKind");
    QTest::newRow("memory") << StoreKind::Memory;
    QTest::newRow("keychain") << StoreKind::Keychain;
}

void TestTenantRegistry::removeDeletesSecrets()
{
    QFETCH(StoreKind, storeKind);
    if (storeKind == StoreKind::Keychain && !m_keychainAvailable)
        QSKIP("No keychain answered (run under scripts/test.sh for a private Secret Service)");
    const std::unique_ptr<SecretStore> store = makeStore(storeKind);

    TenantRegistry registry(settingsPath());
    const QString id = registry.add(sampleTenant());
    const QString other = registry.add(sampleTenant(QStringLiteral("Other")));
    QVERIFY(!run(registry.storeSecret(id, SecretPurpose::ClientSecret, QStringLiteral("cs"),
                                      store.get()))
                 .error);
    QVERIFY(!run(registry.storeSecret(id, SecretPurpose::RefreshToken, QStringLiteral("rt"),
                                      store.get()))
                 .error);
    QVERIFY(!run(registry.storeSecret(other, SecretPurpose::ClientSecret, QStringLiteral("other"),
                                      store.get()))
                 .error);

    QSignalSpy removed(&registry, &TenantRegistry::tenantRemoved);
    const Outcome outcome = run(registry.remove(id, store.get()));
    QVERIFY(outcome.finished);
    QVERIFY2(!outcome.error, qPrintable(outcome.error.message()));
    QCOMPARE(removed.count(), 1);
    QVERIFY(!registry.tenant(id));
    QVERIFY(!TenantRegistry(settingsPath()).tenant(id));

    QCOMPARE(run(store->read(id, SecretPurpose::ClientSecret)).error.kind(),
             ApiError::Kind::NotFound);
    QCOMPARE(run(store->read(id, SecretPurpose::RefreshToken)).error.kind(),
             ApiError::Kind::NotFound);
    QCOMPARE(run(store->read(other, SecretPurpose::ClientSecret)).result.toString(),
             QStringLiteral("other"));

    QVERIFY(!run(registry.remove(other, store.get())).error);
}

void TestTenantRegistry::removeKeepsTenantWhenSecretsCannotBeDeleted()
{
    MemorySecretStore store;
    TenantRegistry registry(settingsPath());
    const QString id = registry.add(sampleTenant());
    QVERIFY(!run(registry.storeSecret(id, SecretPurpose::Password, QStringLiteral("pw"), &store))
                 .error);

    QSignalSpy removed(&registry, &TenantRegistry::tenantRemoved);
    store.setUnavailable(QStringLiteral("locked"));
    const Outcome failed = run(registry.remove(id, &store));
    QCOMPARE(failed.error.kind(), ApiError::Kind::Unavailable);
    QCOMPARE(removed.count(), 0);
    QCOMPARE(registry.tenant(id)->secretPurposes, QStringList{SecretPurpose::Password});

    QCOMPARE(run(registry.remove(id, nullptr)).error.kind(), ApiError::Kind::Invalid);

    store.setUnavailable(QString());
    QVERIFY(!run(registry.remove(id, &store)).error);
    QCOMPARE(removed.count(), 1);
    QVERIFY(store.keys().isEmpty());
}

void TestTenantRegistry::removeUnknownTenantFails()
{
    TenantRegistry registry(settingsPath());
    QSignalSpy removed(&registry, &TenantRegistry::tenantRemoved);
    const Outcome outcome = run(registry.remove(QStringLiteral("nobody"), nullptr));
    QCOMPARE(outcome.error.kind(), ApiError::Kind::NotFound);
    QCOMPARE(outcome.error.message(), QStringLiteral("No tenant with id nobody"));
    QCOMPARE(removed.count(), 0);
}

QTEST_GUILESS_MAIN(TestTenantRegistry)
#include "tst_tenantregistry.moc"
