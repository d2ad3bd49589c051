#include "kintoclient.h"
#include "kintosandbox.h"
#include "loopbackhttpserver.h"
#include "permissions/permissionseditor.h"
#include "prompt.h"
#include "testsupport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QJsonArray>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

#include <memory>

namespace {

using TestSupport::Outcome;

using TestSupport::await;

QStringList strings(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list.append(item.toString());
    list.sort();
    return list;
}

const QString Bucket = QStringLiteral("shop");
const QString Collection = QStringLiteral("items");
const QString Staff = QStringLiteral("/buckets/shop/groups/staff");

} // namespace

// The permissions editor driven like a person against the Kinto sandbox; what counts is what the
// server holds afterwards.
class tst_PermissionsEditor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void addingAPrincipalReachesTheServer_data();
    void addingAPrincipalReachesTheServer();
    void inheritedPermissionsAreShown_data();
    void inheritedPermissionsAreShown();
    void groupsAndKnownAccountsAreOffered();
    void removeAndCheckboxes();
    void theCurrentUserStaysInWrite();
    void aConcurrentChangeIsCaught();

private:
    // bucket shop (read: bob), group staff (alice), collection items (write: staff), record r1;
    // carol created record c1 (so she is in the history), then lost her permission.
    void seed();
    QJsonObject serverPermissions(const KintoRef &ref);
    // Opens the editor and waits until it has loaded.
    std::unique_ptr<PermissionsEditor> open(const KintoRef &ref);
    static void addThroughUi(PermissionsEditor *editor, const QString &permission, const QString &principal);
    static void clickSave(PermissionsEditor *editor);

    QNetworkAccessManager m_nam;
    std::unique_ptr<KintoSandbox> m_sandbox;
    std::unique_ptr<KintoClient> m_client;
    std::unique_ptr<KintoClient> m_observer;
};

void tst_PermissionsEditor::init()
{
    Prompt::setAnswerForTests(true);
    m_sandbox = std::make_unique<KintoSandbox>();
    QVERIFY(m_sandbox->start());
    for (const char *user : { "admin", "alice", "bob", "carol" })
        m_sandbox->addAccount(QLatin1String(user), QLatin1String(user));
    KintoClient::Settings settings;
    settings.serverUrl = m_sandbox->baseUrl();
    settings.auth = QStringLiteral("admin:admin");
    settings.bucket = Bucket;
    m_client = std::make_unique<KintoConnection>(&m_nam, settings);
    m_observer = std::make_unique<KintoConnection>(&m_nam, settings);
    seed();
}

void tst_PermissionsEditor::cleanup()
{
    Prompt::setAnswerForTests(std::nullopt);
    m_client.reset();
    m_observer.reset();
    m_sandbox.reset();
}

void tst_PermissionsEditor::seed()
{
    const auto ok = [](Job *job) {
        const Outcome o = await(job);
        if (o.error)
            qWarning() << o.error.toString();
        return o.finished && !o.error;
    };
    const auto perms = [](const char *permission, const QStringList &principals) {
        return QJsonObject { { QLatin1String(permission), QJsonArray::fromStringList(principals) } };
    };
    QVERIFY(ok(m_observer->createBucket(Bucket, {}, KintoWrite { perms("read", { QStringLiteral("account:bob") }) })));
    QVERIFY(ok(m_observer->createGroup(Bucket, QStringLiteral("staff"),
                                       { { QStringLiteral("members"), QJsonArray { QStringLiteral("account:alice") } } })));
    QVERIFY(ok(m_observer->createCollection(Bucket, Collection, {},
                                            KintoWrite { QJsonObject { { QStringLiteral("write"), QJsonArray { Staff } },
                                                                       { QStringLiteral("record:create"),
                                                                         QJsonArray { QStringLiteral("account:carol") } } } })));
    QVERIFY(ok(m_observer->createRecord(Bucket, Collection, QStringLiteral("r1"), { { QStringLiteral("title"), QStringLiteral("one") } })));

    KintoConnection carol(&m_nam, [this] {
        KintoClient::Settings s = m_observer->settings();
        s.auth = QStringLiteral("carol:carol");
        return s;
    }());
    QVERIFY(ok(carol.createRecord(Bucket, Collection, QStringLiteral("c1"), { { QStringLiteral("title"), QStringLiteral("carol's") } })));
    // Carol loses her permission: only the history still knows her.
    QVERIFY(ok(m_observer->patchCollection(Bucket, Collection,
                                           KintoPatch::basic({}, QJsonObject { { QStringLiteral("record:create"), QJsonArray() } }),
                                           KintoWrite { {}, false })));
}

QJsonObject tst_PermissionsEditor::serverPermissions(const KintoRef &ref)
{
    const Outcome o = await(m_observer->get(ref));
    return o.result.toObject().value(QStringLiteral("permissions")).toObject();
}

std::unique_ptr<PermissionsEditor> tst_PermissionsEditor::open(const KintoRef &ref)
{
    auto editor = std::make_unique<PermissionsEditor>(m_client.get(), ref);
    QSignalSpy loaded(editor.get(), &PermissionsEditor::loaded);
    editor->show();
    if (!QTest::qWaitForWindowExposed(editor.get()) || !loaded.wait(10000))
        return nullptr;
    return editor;
}

void tst_PermissionsEditor::addThroughUi(PermissionsEditor *editor, const QString &permission, const QString &principal)
{
    const QString key = PermissionsEditor::widgetKey(permission);
    auto *combo = editor->findChild<QComboBox *>(key + QStringLiteral("Principal"));
    auto *add = editor->findChild<QPushButton *>(key + QStringLiteral("Add"));
    QVERIFY(combo && add);
    QVERIFY(combo->isEnabled());
    combo->lineEdit()->clear();
    QTest::keyClicks(combo->lineEdit(), principal);
    QTest::mouseClick(add, Qt::LeftButton);
}

void tst_PermissionsEditor::clickSave(PermissionsEditor *editor)
{
    auto *save = editor->findChild<QPushButton *>(QStringLiteral("permissionsSave"));
    QVERIFY(save);
    QVERIFY(save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
}

void tst_PermissionsEditor::addingAPrincipalReachesTheServer_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("permission");
    QTest::addColumn<QStringList>("names");
    const QStringList two { QStringLiteral("read"), QStringLiteral("write") };
    QTest::newRow("bucket: collection:create") << int(KintoEndpoint::Bucket) << "" << "collection:create"
                                               << QStringList { QStringLiteral("read"), QStringLiteral("write"),
                                                                QStringLiteral("collection:create"), QStringLiteral("group:create") };
    QTest::newRow("collection: record:create") << int(KintoEndpoint::Collection) << "" << "record:create"
                                               << QStringList { QStringLiteral("read"), QStringLiteral("write"),
                                                                QStringLiteral("record:create") };
    QTest::newRow("group: read") << int(KintoEndpoint::Group) << "staff" << "read" << two;
    QTest::newRow("record: write") << int(KintoEndpoint::Record) << "r1" << "write" << two;
}

void tst_PermissionsEditor::addingAPrincipalReachesTheServer()
{
    QFETCH(int, type);
    QFETCH(QString, id);
    QFETCH(QString, permission);
    QFETCH(QStringList, names);
    const KintoRef ref { KintoEndpoint(type), Bucket, type == int(KintoEndpoint::Record) || type == int(KintoEndpoint::Collection) ? Collection : QString(), id };
    QCOMPARE(PermissionsEditor::permissionNames(ref.type), names);
    const QJsonObject before = serverPermissions(ref);

    auto editor = open(ref);
    QVERIFY(editor);
    for (const QString &name : names)
        QVERIFY2(editor->findChild<QListWidget *>(PermissionsEditor::widgetKey(name) + QStringLiteral("List")), qPrintable(name));
    addThroughUi(editor.get(), permission, QStringLiteral("account:dave"));
    auto *list = editor->findChild<QListWidget *>(PermissionsEditor::widgetKey(permission) + QStringLiteral("List"));
    QCOMPARE(list->findItems(QStringLiteral("account:dave"), Qt::MatchExactly).size(), 1);
    QVERIFY(editor->isModified());

    QSignalSpy saved(editor.get(), &PermissionsEditor::saved);
    QSignalSpy finished(editor.get(), &QDialog::finished);
    clickSave(editor.get());
    QVERIFY(saved.wait());
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().toInt(), int(QDialog::Accepted));

    const QJsonObject after = serverPermissions(ref);
    QVERIFY2(strings(after.value(permission)).contains(QStringLiteral("account:dave")), qPrintable(permission));
    QVERIFY(strings(after.value(QStringLiteral("write"))).contains(QStringLiteral("account:admin")));
    // Nothing else changed.
    for (const QString &name : names) {
        if (name == permission)
            continue;
        QCOMPARE(strings(after.value(name)), strings(before.value(name)));
    }
}

void tst_PermissionsEditor::inheritedPermissionsAreShown_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("permission");
    QTest::addColumn<QStringList>("inherited");
    QTest::newRow("bucket inherits nothing") << int(KintoEndpoint::Bucket) << "read" << QStringList();
    // Collection read: bucket read (bob) and bucket write (admin, its creator).
    QTest::newRow("collection read from the bucket") << int(KintoEndpoint::Collection) << "read"
                                                     << QStringList { QStringLiteral("account:admin"), QStringLiteral("account:bob") };
    QTest::newRow("collection write from the bucket") << int(KintoEndpoint::Collection) << "write"
                                                      << QStringList { QStringLiteral("account:admin") };
    // Record read: those, plus the collection's writers (staff) and the collection's creator.
    QTest::newRow("record read from bucket and collection") << int(KintoEndpoint::Record) << "read"
                                                            << QStringList { Staff, QStringLiteral("account:admin"),
                                                                             QStringLiteral("account:bob") };
    QTest::newRow("record write from bucket and collection") << int(KintoEndpoint::Record) << "write"
                                                             << QStringList { Staff, QStringLiteral("account:admin") };
}

void tst_PermissionsEditor::inheritedPermissionsAreShown()
{
    QFETCH(int, type);
    QFETCH(QString, permission);
    QFETCH(QStringList, inherited);
    KintoRef ref = KintoRef::ofBucket(Bucket);
    if (type == int(KintoEndpoint::Collection))
        ref = KintoRef::ofCollection(Bucket, Collection);
    else if (type == int(KintoEndpoint::Record))
        ref = KintoRef::ofRecord(Bucket, Collection, QStringLiteral("r1"));
    auto editor = open(ref);
    QVERIFY(editor);
    QCOMPARE(editor->inheritedPrincipals(permission), inherited);
    auto *tree = editor->findChild<QTreeWidget *>(QStringLiteral("inheritedTree"));
    QVERIFY(tree);
    QVERIFY(tree->topLevelItemCount() > 0);
    if (inherited.isEmpty()) {
        QVERIFY(tree->topLevelItem(0)->text(1).contains(QStringLiteral("inherits nothing")));
    } else {
        // Each source is named: "bucket shop: read", "collection items: write".
        bool named = false;
        for (int i = 0; i < tree->topLevelItemCount(); ++i)
            named = named || tree->topLevelItem(i)->text(1).startsWith(QStringLiteral("bucket shop: "));
        QVERIFY(named);
    }
    // Inherited principals are not in the editable lists.
    auto *list = editor->findChild<QListWidget *>(PermissionsEditor::widgetKey(permission) + QStringLiteral("List"));
    if (type != int(KintoEndpoint::Bucket))
        QVERIFY(list->findItems(QStringLiteral("account:bob"), Qt::MatchExactly).isEmpty());
}

void tst_PermissionsEditor::groupsAndKnownAccountsAreOffered()
{
    auto editor = open(KintoRef::ofRecord(Bucket, Collection, QStringLiteral("r1")));
    QVERIFY(editor);
    const QStringList offered = editor->offeredPrincipals();
    QVERIFY2(offered.contains(Staff), qPrintable(offered.join(QLatin1Char(' '))));                            // a group
    QVERIFY2(offered.contains(QStringLiteral("account:alice")), qPrintable(offered.join(QLatin1Char(' ')))); // a member
    QVERIFY2(offered.contains(QStringLiteral("account:carol")), qPrintable(offered.join(QLatin1Char(' ')))); // history
    QVERIFY2(offered.contains(QStringLiteral("account:bob")), qPrintable(offered.join(QLatin1Char(' '))));   // inherited
    QCOMPARE(offered.first(), Staff); // groups first

    // Picking the group in the read combo and adding it.
    auto *combo = editor->findChild<QComboBox *>(QStringLiteral("readPrincipal"));
    QVERIFY(combo);
    const int staffIndex = combo->findData(Staff);
    QVERIFY(staffIndex >= 0);
    QVERIFY(combo->itemText(staffIndex).contains(QStringLiteral("staff")));
    combo->setFocus();
    for (int i = 0; i <= staffIndex + 1 && combo->currentIndex() != staffIndex; ++i)
        QTest::keyClick(combo, Qt::Key_Down);
    QCOMPARE(combo->currentIndex(), staffIndex);
    // Choosing an offer puts the principal itself in the field, not its label.
    QCOMPARE(combo->currentText(), Staff);
    QTest::mouseClick(editor->findChild<QPushButton *>(QStringLiteral("readAdd")), Qt::LeftButton);
    QCOMPARE(editor->principals(QStringLiteral("read")), QStringList({ Staff }));

    QSignalSpy saved(editor.get(), &PermissionsEditor::saved);
    clickSave(editor.get());
    QVERIFY(saved.wait());
    QCOMPARE(strings(serverPermissions(KintoRef::ofRecord(Bucket, Collection, QStringLiteral("r1"))).value(QStringLiteral("read"))),
             QStringList({ Staff }));
}

void tst_PermissionsEditor::removeAndCheckboxes()
{
    const KintoRef ref = KintoRef::ofCollection(Bucket, Collection);
    auto editor = open(ref);
    QVERIFY(editor);
    auto *writeList = editor->findChild<QListWidget *>(QStringLiteral("writeList"));
    auto *remove = editor->findChild<QPushButton *>(QStringLiteral("writeRemove"));
    auto *everyone = editor->findChild<QCheckBox *>(QStringLiteral("readEveryone"));
    auto *authenticated = editor->findChild<QCheckBox *>(QStringLiteral("record_createAuthenticated"));
    QVERIFY(writeList && remove && everyone && authenticated);
    const auto staffItems = writeList->findItems(Staff, Qt::MatchExactly);
    QCOMPARE(staffItems.size(), 1);
    QVERIFY(!remove->isEnabled());
    QTest::mouseClick(writeList->viewport(), Qt::LeftButton, {}, writeList->visualItemRect(staffItems.first()).center());
    QVERIFY(remove->isEnabled());
    QTest::mouseClick(remove, Qt::LeftButton);
    QVERIFY(writeList->findItems(Staff, Qt::MatchExactly).isEmpty());
    QTest::mouseClick(everyone, Qt::LeftButton);
    QTest::mouseClick(authenticated, Qt::LeftButton);
    QVERIFY(everyone->isChecked() && authenticated->isChecked());
    // Typing a system principal ticks its box rather than listing it.
    addThroughUi(editor.get(), QStringLiteral("write"), QStringLiteral("system.Authenticated"));
    QVERIFY(editor->findChild<QCheckBox *>(QStringLiteral("writeAuthenticated"))->isChecked());
    QVERIFY(writeList->findItems(QStringLiteral("system.Authenticated"), Qt::MatchExactly).isEmpty());
    // Not a principal.
    addThroughUi(editor.get(), QStringLiteral("read"), QStringLiteral("two words"));
    QVERIFY(editor->statusText().contains(QStringLiteral("not a principal")));

    QSignalSpy saved(editor.get(), &PermissionsEditor::saved);
    clickSave(editor.get());
    QVERIFY(saved.wait());
    const QJsonObject after = serverPermissions(ref);
    QCOMPARE(strings(after.value(QStringLiteral("read"))), QStringList({ QStringLiteral("system.Everyone") }));
    QCOMPARE(strings(after.value(QStringLiteral("write"))),
             QStringList({ QStringLiteral("account:admin"), QStringLiteral("system.Authenticated") }));
    QCOMPARE(strings(after.value(QStringLiteral("record:create"))), QStringList({ QStringLiteral("system.Authenticated") }));
}

void tst_PermissionsEditor::theCurrentUserStaysInWrite()
{
    const KintoRef ref = KintoRef::ofRecord(Bucket, Collection, QStringLiteral("r1"));
    auto editor = open(ref);
    QVERIFY(editor);
    QCOMPARE(editor->currentUser(), QStringLiteral("account:admin"));
    auto *writeList = editor->findChild<QListWidget *>(QStringLiteral("writeList"));
    const auto mine = writeList->findItems(QStringLiteral("account:admin"), Qt::MatchExactly);
    QCOMPARE(mine.size(), 1);
    QTest::mouseClick(writeList->viewport(), Qt::LeftButton, {}, writeList->visualItemRect(mine.first()).center());
    QTest::mouseClick(editor->findChild<QPushButton *>(QStringLiteral("writeRemove")), Qt::LeftButton);
    QCOMPARE(writeList->findItems(QStringLiteral("account:admin"), Qt::MatchExactly).size(), 1);
    QVERIFY(editor->statusText().contains(QStringLiteral("stays in write")));
    QVERIFY(!editor->isModified());
    QVERIFY(editor->permissionsToSave().value(QStringLiteral("write")).toArray().contains(QStringLiteral("account:admin")));
}

void tst_PermissionsEditor::aConcurrentChangeIsCaught()
{
    const KintoRef ref = KintoRef::ofCollection(Bucket, Collection);
    auto editor = open(ref);
    QVERIFY(editor);
    // Someone else changes the collection meanwhile.
    QVERIFY(!await(m_observer->patchCollection(Bucket, Collection, KintoPatch::basic({ { QStringLiteral("note"), 1 } }),
                                                KintoWrite { {}, false })).error);

    QList<QByteArray> ifMatch;
    connect(m_sandbox->server(), &LoopbackHttpServer::requestReceived, this, [&ifMatch](const HttpServerRequest &r) {
        if (r.method == "PATCH")
            ifMatch.append(r.header("If-Match"));
    });
    addThroughUi(editor.get(), QStringLiteral("read"), QStringLiteral("account:dave"));
    QSignalSpy failed(editor.get(), &PermissionsEditor::saveFailed);
    QSignalSpy finished(editor.get(), &QDialog::finished);
    clickSave(editor.get());
    QVERIFY(failed.wait());
    QCOMPARE(ifMatch.size(), 1);
    QVERIFY(!ifMatch.first().isEmpty());
    QCOMPARE(failed.first().first().value<ApiError>().httpStatus(), 412);
    QVERIFY(editor->statusText().contains(QStringLiteral("412")));
    QCOMPARE(finished.size(), 0);                                                     // still open
    QVERIFY(editor->principals(QStringLiteral("read")).contains(QStringLiteral("account:dave"))); // edits kept
    QVERIFY(!strings(serverPermissions(ref).value(QStringLiteral("read"))).contains(QStringLiteral("account:dave")));

    // Reload shows the server's version; saving then works.
    QSignalSpy loaded(editor.get(), &PermissionsEditor::loaded);
    QTest::mouseClick(editor->findChild<QPushButton *>(QStringLiteral("permissionsReload")), Qt::LeftButton);
    QVERIFY(loaded.wait());
    QVERIFY(!editor->principals(QStringLiteral("read")).contains(QStringLiteral("account:dave")));
    addThroughUi(editor.get(), QStringLiteral("read"), QStringLiteral("account:dave"));
    QSignalSpy saved(editor.get(), &PermissionsEditor::saved);
    clickSave(editor.get());
    QVERIFY(saved.wait());
    QVERIFY(strings(serverPermissions(ref).value(QStringLiteral("read"))).contains(QStringLiteral("account:dave")));
}

QTEST_MAIN(tst_PermissionsEditor)
#include "tst_permissionseditor.moc"
