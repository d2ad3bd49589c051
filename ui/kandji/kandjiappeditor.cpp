#include "kandjiappeditor.h"

#include "kandjiappjob.h"
#include "kandjiclient.h"
#include "kandjihighlighters.h"
#include "kandjirules.h"
#include "kandjiselfservice.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>

static QPlainTextEdit *scriptEdit(const QString &name, const QString &text, QWidget *parent)
{
    auto *edit = new QPlainTextEdit(text, parent);
    edit->setObjectName(name);
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    edit->setMaximumHeight(120);
    new KandjiHighlighter(KandjiHighlighter::Language::Shell, edit->document());
    return edit;
}

static QComboBox *choices(const QString &name, const QStringList &values, const QStringList &labels, const QString &current, QWidget *parent)
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(name);
    for (int i = 0; i < values.size(); ++i)
        combo->addItem(labels.value(i, values.at(i)), values.at(i));
    combo->setCurrentIndex(qMax(0, values.indexOf(current)));
    return combo;
}

KandjiAppEditor::KandjiAppEditor(KandjiClient *client, const QJsonObject &app, QWidget *parent)
    : KandjiItemEditor(client, app, parent)
    , m_name(new QLineEdit(app.value(QLatin1String("name")).toString(), this))
    , m_active(new QCheckBox(tr("Active"), this))
    , m_type(choices(QStringLiteral("installType"), KandjiRules::installTypes(), { tr("Package (.pkg)"), tr("Zip archive"), tr("Disk image (.dmg)") },
                     app.value(QLatin1String("install_type")).toString(), this))
    , m_enforcement(choices(QStringLiteral("enforcement"), KandjiRules::installEnforcements(),
                            { tr("Install once"), tr("Continuously enforce"), tr("No enforcement (Self Service only)") },
                            app.value(QLatin1String("install_enforcement")).toString(), this))
    , m_unzip(new QLineEdit(app.value(QLatin1String("unzip_location")).toString(), this))
    , m_audit(scriptEdit(QStringLiteral("auditScript"), app.value(QLatin1String("audit_script")).toString(), this))
    , m_preinstall(scriptEdit(QStringLiteral("preinstallScript"), app.value(QLatin1String("preinstall_script")).toString(), this))
    , m_postinstall(scriptEdit(QStringLiteral("postinstallScript"), app.value(QLatin1String("postinstall_script")).toString(), this))
    , m_restart(new QCheckBox(tr("Restart after installing"), this))
    , m_selfService(new KandjiSelfServiceBox(client, app, this))
    , m_file(new QLineEdit(this))
    , m_sha(new QLabel(app.value(QLatin1String("sha256")).toString(), this))
    , m_progress(new QProgressBar(this))
    , m_cancelUpload(new QPushButton(tr("Cancel upload"), this))
{
    setWindowTitle(isNew() ? tr("New Custom App") : tr("Custom App: %1").arg(m_name->text()));
    m_name->setObjectName(QStringLiteral("name"));
    m_active->setObjectName(QStringLiteral("active"));
    m_unzip->setObjectName(QStringLiteral("unzipLocation"));
    m_restart->setObjectName(QStringLiteral("restart"));
    m_file->setObjectName(QStringLiteral("installer"));
    m_sha->setObjectName(QStringLiteral("sha256"));
    m_progress->setObjectName(QStringLiteral("uploadProgress"));
    m_cancelUpload->setObjectName(QStringLiteral("cancelUpload"));
    m_sha->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_sha->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_file->setReadOnly(true);
    m_file->setPlaceholderText(isNew() ? tr("Choose the installer") : tr("Keep the current installer"));
    m_active->setChecked(app.isEmpty() || app.value(QLatin1String("active")).toBool());
    m_restart->setChecked(app.value(QLatin1String("restart")).toBool());
    m_progress->setVisible(false);
    m_cancelUpload->setVisible(false);

    auto *browse = new QPushButton(tr("Choose…"), this);
    browse->setObjectName(QStringLiteral("chooseInstaller"));
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browse);
    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_cancelUpload);

    auto *form = new QFormLayout;
    form->addRow(tr("Name:"), m_name);
    form->addRow(m_active);
    form->addRow(tr("Install type:"), m_type);
    form->addRow(tr("Unzip to:"), m_unzip);
    form->addRow(tr("Enforcement:"), m_enforcement);
    form->addRow(tr("Audit script:"), m_audit);
    form->addRow(tr("Preinstall script:"), m_preinstall);
    form->addRow(tr("Postinstall script:"), m_postinstall);
    form->addRow(m_restart);
    form->addRow(tr("Self Service:"), m_selfService);
    form->addRow(tr("Installer:"), fileRow);
    form->addRow(tr("SHA-256:"), m_sha);
    form->addRow(progressRow);
    contentLayout()->addLayout(form);
    resize(720, 760);

    auto modified = [this] { setModified(true); };
    connect(m_name, &QLineEdit::textEdited, this, modified);
    connect(m_unzip, &QLineEdit::textEdited, this, modified);
    connect(m_active, &QCheckBox::toggled, this, modified);
    connect(m_restart, &QCheckBox::toggled, this, modified);
    for (QComboBox *combo : { m_type, m_enforcement })
        connect(combo, &QComboBox::activated, this, [this, modified] { syncEnabled(); modified(); });
    for (QPlainTextEdit *edit : { m_audit, m_preinstall, m_postinstall })
        connect(edit, &QPlainTextEdit::textChanged, this, modified);
    connect(m_selfService, &KandjiSelfServiceBox::changed, this, modified);
    connect(browse, &QPushButton::clicked, this, &KandjiAppEditor::chooseFile);
    connect(m_cancelUpload, &QPushButton::clicked, this, [this] {
        if (m_upload)
            m_upload->cancel();
    });
    syncEnabled();
    setModified(false);
}

void KandjiAppEditor::syncEnabled()
{
    m_unzip->setEnabled(m_type->currentData().toString() == QLatin1String("zip"));
    m_audit->setEnabled(m_enforcement->currentData().toString() == QLatin1String("continuously_enforce"));
}

void KandjiAppEditor::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose the installer"), QString(),
                                                      tr("Installers (*.pkg *.zip *.dmg);;All files (*)"));
    if (!path.isEmpty())
        setInstaller(path);
}

void KandjiAppEditor::setInstaller(const QString &path)
{
    m_file->setText(path);
    QString why;
    const QByteArray sha = KandjiAppJob::fileSha256(path, &why);
    m_sha->setText(sha.isEmpty() ? tr("cannot read the file: %1").arg(why) : QString::fromLatin1(sha));
    setModified(true);
}

QString KandjiAppEditor::installer() const
{
    return m_file->text();
}

QJsonObject KandjiAppEditor::fields() const
{
    QJsonObject fields = m_selfService->fields();
    fields.insert(QStringLiteral("name"), m_name->text().trimmed());
    fields.insert(QStringLiteral("active"), m_active->isChecked());
    fields.insert(QStringLiteral("install_type"), m_type->currentData().toString());
    fields.insert(QStringLiteral("install_enforcement"), m_enforcement->currentData().toString());
    if (m_type->currentData().toString() == QLatin1String("zip"))
        fields.insert(QStringLiteral("unzip_location"), m_unzip->text().trimmed());
    // A disabled script box still shows its text; only what applies is sent.
    fields.insert(QStringLiteral("audit_script"), m_audit->isEnabled() ? m_audit->toPlainText() : QString());
    fields.insert(QStringLiteral("preinstall_script"), m_preinstall->toPlainText());
    fields.insert(QStringLiteral("postinstall_script"), m_postinstall->toPlainText());
    fields.insert(QStringLiteral("restart"), m_restart->isChecked());
    return fields;
}

QStringList KandjiAppEditor::validateInput()
{
    QStringList problems;
    if (const QString problem = KandjiRules::checkApp(fields(), true); !problem.isEmpty())
        problems << problem;
    if (isNew() && installer().isEmpty())
        problems << tr("Choose the installer to upload.");
    if (!m_audit->isEnabled() && !m_audit->toPlainText().trimmed().isEmpty())
        problems << tr("An audit script is only allowed with continuously_enforce: clear it or change the enforcement.");
    return problems;
}

void KandjiAppEditor::startApply()
{
    KandjiClient *client = clientForSave();
    if (!client)
        return;
    KandjiAppJob *job = isNew() ? client->createApp(fields(), installer()) : client->updateApp(itemId(), fields(), installer());
    m_upload = job;
    m_progress->setValue(0);
    m_progress->setVisible(!installer().isEmpty());
    m_cancelUpload->setVisible(!installer().isEmpty());
    connect(job, &Job::progress, this, [this](qint64 done, qint64 total) {
        m_progress->setMaximum(total > 0 ? 1000 : 0);
        m_progress->setValue(total > 0 ? int(done * 1000 / total) : 0);
    });
    connect(job, &KandjiAppJob::waiting, this, [this](int, int delayMs) {
        setMessage(tr("Kandji is still processing the upload; trying again in %1 s…").arg(delayMs / 1000));
    });
    connect(job, &Job::finished, this, [this] {
        m_progress->setVisible(false);
        m_cancelUpload->setVisible(false);
    });
    finishWith(job, [this] {
        m_sha->setText(saved().value(QLatin1String("sha256")).toString());
        return saved().value(QLatin1String("uploaded")).toBool() ? tr("Saved; the installer was uploaded.")
                                                                : tr("Saved; the installer was unchanged.");
    });
}
