// The Jamf API role editor driven like a person (keyClicks, Space on a privilege, the preset box,
// Save) against the sandbox; what the sandbox holds afterwards.

#include "jamfprivilegemodel.h"
#include "jamf/jamfroleeditor.h"
#include "jamfsandbox.h"
#include "jamfservice.h"
#include "jamftestenv.h"
#include "prompt.h"

#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

class tst_JamfRoleEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void createWithFilterAndSpace();
    void presetAndDuplicateName();
    void editExistingRole();

private:
    std::unique_ptr<JamfTestSession> admin()
    {
        return std::make_unique<JamfTestSession>(m_sandbox.baseUrl(), JamfSettings::Mode::UserAccount, QStringLiteral("admin"),
            QStringLiteral("admin"));
    }
    // Finds the role the sandbox holds under this name (empty when none).
    QJsonObject stored(const QString &name)
    {
        for (int id = 1; id < 200; ++id) {
            const QJsonObject role = m_sandbox.service().role(QString::number(id));
            if (role.value(QLatin1String("displayName")).toString() == name)
                return role;
        }
        return {};
    }

    JamfSandbox m_sandbox;
};

void tst_JamfRoleEditor::initTestCase()
{
    QVERIFY(m_sandbox.start());
    m_sandbox.seedDemoData();
    Prompt::setAnswerForTests(true);
}

void tst_JamfRoleEditor::createWithFilterAndSpace()
{
    auto s = admin();
    JamfRoleEditor editor(s->client, JamfRole());
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    auto *name = editor.findChild<QLineEdit *>(QStringLiteral("displayName"));
    auto *filter = editor.findChild<QLineEdit *>(QStringLiteral("filter"));
    auto *tree = editor.findChild<QTreeView *>(QStringLiteral("privileges"));
    auto *count = editor.findChild<QLabel *>(QStringLiteral("selectedCount"));
    QVERIFY(name && filter && tree && count);

    QTest::keyClicks(name, QStringLiteral("Computer Inventory"));
    QTest::keyClicks(filter, QStringLiteral("read computers"));
    QCOMPARE(tree->model()->rowCount(), 1); // the "Computers" group
    const QModelIndex group = tree->model()->index(0, 0);
    const QModelIndex read = tree->model()->index(0, 0, group);
    QCOMPARE(read.data().toString(), QStringLiteral("Read Computers"));
    tree->setFocus();
    tree->setCurrentIndex(read);
    QTest::keyClick(tree, Qt::Key_Space);
    QCOMPARE(editor.privilegeModel()->selected(), QStringList { QStringLiteral("Read Computers") });
    QCOMPARE(count->text(), QStringLiteral("1 privilege selected"));

    filter->clear();
    QTest::keyClicks(filter, QStringLiteral("buildings"));
    tree->setCurrentIndex(tree->model()->index(0, 0)); // the "Buildings" group: all of it
    QTest::keyClick(tree, Qt::Key_Space);
    QVERIFY(editor.privilegeModel()->selectedCount() > 2);

    QSignalSpy saved(&editor, &JamfRoleEditor::saved);
    QTest::mouseClick(editor.findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
    QVERIFY(saved.wait(10000));
    const QJsonObject role = stored(QStringLiteral("Computer Inventory"));
    QVERIFY(!role.isEmpty());
    QStringList privileges;
    for (const QJsonValue &v : role.value(QLatin1String("privileges")).toArray())
        privileges << v.toString();
    QVERIFY(privileges.contains(QLatin1String("Read Computers")));
    QVERIFY(privileges.contains(QLatin1String("Create Buildings")));
    QCOMPARE(privileges.size(), editor.privilegeModel()->selectedCount());
    QVERIFY(!editor.isVisible()); // Save closes once saved
}

void tst_JamfRoleEditor::presetAndDuplicateName()
{
    auto s = admin();
    const int before = m_sandbox.service().roleCount();
    JamfRoleEditor editor(s->client, JamfRole());
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    auto *preset = editor.findChild<QComboBox *>(QStringLiteral("preset"));
    preset->setFocus();
    QTest::keyClick(preset, Qt::Key_Down); // "Patcher (read-only reports)"
    QCOMPARE(editor.privilegeModel()->selectedCount(), 12);
    QCOMPARE(editor.findChild<QLineEdit *>(QStringLiteral("displayName"))->text(), QStringLiteral("Patcher-Role"));

    QSignalSpy applied(&editor, &EditorBase::applied);
    QTest::mouseClick(editor.findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
    QVERIFY(applied.wait(10000));
    QCOMPARE(applied.last().at(0).toBool(), false); // the demo tenant has a Patcher-Role already
    QVERIFY(editor.message().contains(QLatin1String("exists already")));
    QVERIFY(editor.isVisible());
    QCOMPARE(m_sandbox.service().roleCount(), before);

    auto *name = editor.findChild<QLineEdit *>(QStringLiteral("displayName"));
    name->selectAll();
    QTest::keyClicks(name, QStringLiteral("Patcher-Role 2"));
    QTest::mouseClick(editor.findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
    QVERIFY(applied.wait(10000));
    QCOMPARE(applied.last().at(0).toBool(), true);
    QCOMPARE(stored(QStringLiteral("Patcher-Role 2")).value(QLatin1String("privileges")).toArray().size(), 12);
}

void tst_JamfRoleEditor::editExistingRole()
{
    auto s = admin();
    const QJsonObject api = m_sandbox.service().role(QStringLiteral("3")); // API Auditor
    // An unsaved edit shows in the title ("*"): no editor is left without the placeholder.
    QTest::failOnWarning(QRegularExpression(QStringLiteral("does not contain a '\\[\\*\\]' placeholder")));
    JamfRoleEditor editor(s->client, JamfRole::fromJson(api));
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QCOMPARE(editor.privilegeModel()->selectedCount(), 2);
    QVERIFY(!editor.isModified());
    QVERIFY(editor.windowTitle().endsWith(QLatin1String("[*]")));
    auto *filter = editor.findChild<QLineEdit *>(QStringLiteral("filter"));
    auto *tree = editor.findChild<QTreeView *>(QStringLiteral("privileges"));
    QTest::keyClicks(filter, QStringLiteral("read api roles"));
    tree->setFocus();
    tree->setCurrentIndex(tree->model()->index(0, 0, tree->model()->index(0, 0)));
    QTest::keyClick(tree, Qt::Key_Space); // unchecks it
    QVERIFY(editor.isModified());
    QVERIFY(editor.isWindowModified());
    QSignalSpy saved(&editor, &JamfRoleEditor::saved);
    QTest::mouseClick(editor.findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
    QVERIFY(saved.wait(10000));
    QCOMPARE(m_sandbox.service().role(QStringLiteral("3")).value(QLatin1String("privileges")).toArray(),
        QJsonArray { QStringLiteral("Read API Integrations") });
}

QTEST_MAIN(tst_JamfRoleEditor)
#include "tst_jamfroleeditor.moc"
