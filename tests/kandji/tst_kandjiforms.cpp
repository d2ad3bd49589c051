// The Kandji forms driven like a person (QTest) against the sandbox: Kandji's rules keep a form
// open with a message and send nothing; a valid form saves what the server then holds; an upload
// shows its SHA-256 and progress and can be cancelled.

#include "kandjiappeditor.h"
#include "kandjiclient.h"
#include "kandjiprofileeditor.h"
#include "kandjisandbox.h"
#include "kandjiscripteditor.h"
#include "kandjiselfservice.h"
#include "kandjiservice.h"
#include "kandjisettings.h"
#include "loopbackhttpserver.h"
#include "testsupport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCryptographicHash>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

class TestKandjiForms : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void scriptRulesKeepTheFormOpen();
    void scriptSavesWithCategory();
    void appRulesAndUpload();
    void appUploadCanBeCancelled();
    void profileChecksThePropertyList();

private:
    template <typename T>
    T *child(QWidget *w, const char *name)
    {
        T *found = w->findChild<T *>(QLatin1String(name));
        if (!found)
            qWarning("no child %s", name);
        return found;
    }
    void save(QWidget *editor) { QTest::mouseClick(child<QPushButton>(editor, "saveButton"), Qt::LeftButton); }
    void choose(QComboBox *combo, const QString &value)
    {
        const int index = combo->findData(value);
        QVERIFY(index >= 0);
        combo->setCurrentIndex(index);
        Q_EMIT combo->activated(index); // what picking it with the mouse emits
    }
    QString writeFile(const QString &name, const QByteArray &bytes)
    {
        QFile file(m_dir->filePath(name));
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(bytes);
        return file.fileName();
    }

    std::unique_ptr<KandjiSandbox> m_sandbox;
    QNetworkAccessManager m_nam;
    std::unique_ptr<HttpClient> m_http;
    KandjiClient *m_client = nullptr;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_category;
};

void TestKandjiForms::init()
{
    m_sandbox = std::make_unique<KandjiSandbox>();
    QVERIFY(m_sandbox->start());
    m_category = m_sandbox->service().addCategory(QStringLiteral("Utilities")).value(QLatin1String("id")).toString();
    const auto settings = KandjiSettings::make(m_sandbox->baseUrl().toString(), m_sandbox->token(), true);
    m_http.reset(KandjiClient::makeHttpClient(&m_nam, *settings));
    m_client = KandjiClient::forSession(m_http.get());
    m_client->setWaitScale(0);
    m_dir = std::make_unique<QTemporaryDir>();
}

void TestKandjiForms::cleanup()
{
    m_http.reset();
    m_sandbox.reset();
    m_dir.reset();
}

void TestKandjiForms::scriptRulesKeepTheFormOpen()
{
    KandjiScriptEditor editor(m_client);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QTest::keyClicks(child<QLineEdit>(&editor, "name"), QStringLiteral("Clean caches"));
    QTest::keyClicks(child<QPlainTextEdit>(&editor, "script"), QStringLiteral("rm -rf ~/Library/Caches/x"));
    choose(child<QComboBox>(&editor, "frequency"), QStringLiteral("no_enforcement"));
    QVERIFY(editor.isModified());
    m_sandbox->server()->resetCounters();
    save(&editor);
    QVERIFY(editor.isVisible());
    QVERIFY2(editor.message().contains(QLatin1String("must be shown in Self Service")), qPrintable(editor.message()));
    QTest::mouseClick(child<QCheckBox>(&editor, "showInSelfService"), Qt::LeftButton, {}, QPoint(5, 5));
    save(&editor);
    QVERIFY2(editor.message().contains(QLatin1String("needs a Self Service category")), qPrintable(editor.message()));
    QCOMPARE(m_sandbox->server()->requestCount(), 0);
    QCOMPARE(m_sandbox->service().itemCount(QStringLiteral("custom-scripts")), 0);
}

void TestKandjiForms::scriptSavesWithCategory()
{
    KandjiScriptEditor editor(m_client);
    editor.show();
    auto *selfService = editor.findChild<KandjiSelfServiceBox *>();
    QTRY_VERIFY(selfService->categoriesLoaded());
    QTest::keyClicks(child<QLineEdit>(&editor, "name"), QStringLiteral("Rename Mac"));
    QTest::keyClicks(child<QPlainTextEdit>(&editor, "script"), QStringLiteral("scutil --set ComputerName \"$NAME\""));
    QTest::keyClicks(child<QPlainTextEdit>(&editor, "remediation"), QStringLiteral("echo fix"));
    choose(child<QComboBox>(&editor, "frequency"), QStringLiteral("no_enforcement"));
    QTest::mouseClick(child<QCheckBox>(&editor, "showInSelfService"), Qt::LeftButton, {}, QPoint(5, 5));
    choose(child<QComboBox>(&editor, "selfServiceCategory"), m_category);
    QSignalSpy applied(&editor, &EditorBase::applied);
    save(&editor);
    QVERIFY(applied.wait());
    QVERIFY2(applied.first().at(0).toBool(), qPrintable(applied.first().at(1).toString()));
    QVERIFY(!editor.isVisible()); // Save closes after success
    const auto stored = m_sandbox->service().item(QStringLiteral("custom-scripts"), editor.saved().value(QLatin1String("id")).toString());
    QVERIFY(stored);
    QCOMPARE(stored->value(QLatin1String("self_service_category_id")).toString(), m_category);
    QCOMPARE(stored->value(QLatin1String("script")).toString(), QStringLiteral("scutil --set ComputerName \"$NAME\""));
    QCOMPARE(stored->value(QLatin1String("remediation_script")).toString(), QStringLiteral("echo fix"));

    // Editing it again sends an update.
    KandjiScriptEditor again(m_client, *stored);
    again.show(); // saved before its categories arrive: the script keeps its category
    choose(child<QComboBox>(&again, "frequency"), QStringLiteral("every_day"));
    QSignalSpy appliedAgain(&again, &EditorBase::applied);
    save(&again);
    QVERIFY(appliedAgain.wait());
    QCOMPARE(m_sandbox->service().item(QStringLiteral("custom-scripts"), stored->value(QLatin1String("id")).toString())
                 ->value(QLatin1String("execution_frequency")).toString(), QStringLiteral("every_day"));
}

void TestKandjiForms::appRulesAndUpload()
{
    KandjiAppEditor editor(m_client);
    editor.show();
    QTest::keyClicks(child<QLineEdit>(&editor, "name"), QStringLiteral("Tool"));
    choose(child<QComboBox>(&editor, "installType"), QStringLiteral("zip"));
    QVERIFY(child<QLineEdit>(&editor, "unzipLocation")->isEnabled());
    QVERIFY(!child<QPlainTextEdit>(&editor, "auditScript")->isEnabled()); // only with continuous enforcement
    m_sandbox->server()->resetCounters();
    save(&editor);
    QVERIFY2(editor.message().contains(QLatin1String("unzip location")), qPrintable(editor.message()));
    QVERIFY(editor.message().contains(QLatin1String("Choose the installer")));
    QCOMPARE(m_sandbox->server()->requestCount(), 0);

    QTest::keyClicks(child<QLineEdit>(&editor, "unzipLocation"), QStringLiteral("/Applications"));
    const QByteArray bytes = QByteArray("zip bytes").repeated(5000);
    editor.setInstaller(writeFile(QStringLiteral("Tool.zip"), bytes));
    const QString sha = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    QCOMPARE(child<QLabel>(&editor, "sha256")->text(), sha);
    QSignalSpy applied(&editor, &EditorBase::applied);
    child<QPushButton>(&editor, "saveButton")->setFocus();
    QTest::mouseClick(child<QPushButton>(&editor, "saveButton"), Qt::LeftButton);
    QVERIFY(child<QPushButton>(&editor, "cancelUpload")->isVisibleTo(&editor));
    QVERIFY(applied.wait());
    QVERIFY2(applied.first().at(0).toBool(), qPrintable(applied.first().at(1).toString()));
    const auto stored = m_sandbox->service().item(QStringLiteral("custom-apps"), editor.saved().value(QLatin1String("id")).toString());
    QVERIFY(stored);
    QCOMPARE(stored->value(QLatin1String("sha256")).toString(), sha);
    QCOMPARE(stored->value(QLatin1String("unzip_location")).toString(), QStringLiteral("/Applications"));
    QCOMPARE(stored->value(QLatin1String("install_type")).toString(), QStringLiteral("zip"));
}

void TestKandjiForms::appUploadCanBeCancelled()
{
    m_sandbox->service().setProcessingAnswers(1000);
    m_client->setWaitScale(1); // real waits: the upload stays in its 503 retries
    KandjiAppEditor editor(m_client);
    editor.show();
    QTest::keyClicks(child<QLineEdit>(&editor, "name"), QStringLiteral("Slow"));
    editor.setInstaller(writeFile(QStringLiteral("Slow.pkg"), "pkg"));
    QSignalSpy applied(&editor, &EditorBase::applied);
    save(&editor);
    QTRY_VERIFY(editor.message().contains(QLatin1String("still processing")));
    QTest::mouseClick(child<QPushButton>(&editor, "cancelUpload"), Qt::LeftButton);
    QTRY_COMPARE(applied.size(), 1);
    QCOMPARE(applied.first().at(0).toBool(), false);
    QCOMPARE(editor.message(), QStringLiteral("Cancelled."));
    QVERIFY(editor.isVisible());
    QVERIFY(!editor.isApplying());
    QCOMPARE(m_sandbox->service().itemCount(QStringLiteral("custom-apps")), 0);
}

void TestKandjiForms::profileChecksThePropertyList()
{
    KandjiProfileEditor editor(m_client);
    editor.show();
    QTest::keyClicks(child<QLineEdit>(&editor, "name"), QStringLiteral("Wi-Fi"));
    editor.setProfileFile(writeFile(QStringLiteral("broken.mobileconfig"), "<plist><dict><key>x</key></plist>"));
    m_sandbox->server()->resetCounters();
    save(&editor);
    QVERIFY2(editor.message().contains(QLatin1String("not a well-formed property list")), qPrintable(editor.message()));
    QTest::mouseClick(child<QCheckBox>(&editor, "runs_on_mac"), Qt::LeftButton, {}, QPoint(5, 5)); // now no platform
    save(&editor);
    QVERIFY(editor.message().contains(QLatin1String("at least one platform")));
    QCOMPARE(m_sandbox->server()->requestCount(), 0);

    const QByteArray xml = "<?xml version=\"1.0\"?>\n<plist version=\"1.0\">\n<dict>\n\t<key>PayloadType</key>\n\t<string>Configuration</string>\n</dict>\n</plist>\n";
    editor.setProfileFile(writeFile(QStringLiteral("wifi.mobileconfig"), xml));
    QVERIFY(child<QPlainTextEdit>(&editor, "profileXml")->toPlainText().contains(QLatin1String("    <key>PayloadType</key>")));
    QTest::mouseClick(child<QCheckBox>(&editor, "runs_on_ipad"), Qt::LeftButton, {}, QPoint(5, 5));
    QSignalSpy applied(&editor, &EditorBase::applied);
    save(&editor);
    QVERIFY(applied.wait());
    QVERIFY2(applied.first().at(0).toBool(), qPrintable(applied.first().at(1).toString()));
    const auto stored = m_sandbox->service().item(QStringLiteral("custom-profiles"), editor.saved().value(QLatin1String("id")).toString());
    QCOMPARE(stored->value(QLatin1String("runs_on_ipad")).toBool(), true);
    QCOMPARE(stored->value(QLatin1String("runs_on_mac")).toBool(), false);
    QCOMPARE(stored->value(QLatin1String("profile")).toString(), QString::fromUtf8(xml));
}

QTEST_MAIN(TestKandjiForms)
#include "tst_kandjiforms.moc"
