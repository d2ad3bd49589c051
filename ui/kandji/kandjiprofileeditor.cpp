#include "kandjiprofileeditor.h"

#include "kandjiclient.h"
#include "kandjihighlighters.h"
#include "kandjirules.h"

#include <QCheckBox>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>

KandjiProfileEditor::KandjiProfileEditor(KandjiClient *client, const QJsonObject &profile, QWidget *parent)
    : KandjiItemEditor(client, profile, parent)
    , m_name(new QLineEdit(profile.value(QLatin1String("name")).toString(), this))
    , m_active(new QCheckBox(tr("Active"), this))
    , m_file(new QLineEdit(this))
    , m_xml(new QPlainTextEdit(profile.value(QLatin1String("profile")).toString(), this))
{
    setWindowTitle(isNew() ? tr("New Custom Profile") : tr("Custom Profile: %1").arg(m_name->text()));
    m_name->setObjectName(QStringLiteral("name"));
    m_active->setObjectName(QStringLiteral("active"));
    m_file->setObjectName(QStringLiteral("mobileconfig"));
    m_file->setAccessibleName(tr("Profile file (.mobileconfig)"));
    m_xml->setObjectName(QStringLiteral("profileXml"));
    m_active->setChecked(profile.isEmpty() || profile.value(QLatin1String("active")).toBool());
    m_file->setReadOnly(true);
    m_file->setPlaceholderText(isNew() ? tr("Choose the .mobileconfig") : tr("Keep the current profile"));
    m_xml->setReadOnly(true);
    m_xml->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_xml->setLineWrapMode(QPlainTextEdit::NoWrap);
    new KandjiHighlighter(KandjiHighlighter::Language::Xml, m_xml->document());

    const QStringList labels { tr("macOS"), tr("iPhone"), tr("iPad"), tr("Apple TV"), tr("Vision Pro") };
    auto *platforms = new QHBoxLayout;
    const QStringList flags = KandjiRules::profilePlatformFlags();
    for (int i = 0; i < flags.size(); ++i) {
        auto *box = new QCheckBox(labels.value(i), this);
        box->setObjectName(flags.at(i));
        box->setChecked(profile.isEmpty() ? i == 0 : profile.value(flags.at(i)).toBool());
        platforms->addWidget(box);
        m_platforms << box;
        connect(box, &QCheckBox::toggled, this, [this] { setModified(true); });
    }
    auto *browse = new QPushButton(tr("Choose…"), this);
    browse->setObjectName(QStringLiteral("chooseMobileconfig"));
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browse);
    setTabOrder(m_active, m_platforms.first());
    setTabOrder(m_platforms.last(), m_file);
    setTabOrder(m_file, browse);
    setTabOrder(browse, m_xml);

    auto *form = new QFormLayout;
    form->addRow(tr("Name:"), m_name);
    form->addRow(m_active);
    form->addRow(tr("Runs on:"), platforms);
    form->addRow(tr("Profile file:"), fileRow);
    form->addRow(tr("Profile XML:"), m_xml);
    contentLayout()->addLayout(form);
    resize(720, 600);

    connect(m_name, &QLineEdit::textEdited, this, [this] { setModified(true); });
    connect(m_active, &QCheckBox::toggled, this, [this] { setModified(true); });
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Choose the profile"), QString(),
                                                          tr("Configuration profiles (*.mobileconfig);;All files (*)"));
        if (!path.isEmpty())
            setProfileFile(path);
    });
    setModified(false);
}

void KandjiProfileEditor::setProfileFile(const QString &path)
{
    m_file->setText(path);
    QFile file(path);
    if (file.open(QIODevice::ReadOnly) && file.size() < 4 * 1024 * 1024)
        m_xml->setPlainText(QString::fromUtf8(file.readAll()).replace(QLatin1Char('\t'), QLatin1String("    ")));
    setModified(true);
}

QJsonObject KandjiProfileEditor::fields() const
{
    QJsonObject fields { { QStringLiteral("name"), m_name->text().trimmed() }, { QStringLiteral("active"), m_active->isChecked() } };
    for (QCheckBox *box : m_platforms)
        fields.insert(box->objectName(), box->isChecked());
    return fields;
}

QStringList KandjiProfileEditor::validateInput()
{
    QStringList problems;
    if (const QString problem = KandjiRules::checkProfile(fields(), true); !problem.isEmpty())
        problems << problem;
    if (isNew() && m_file->text().isEmpty())
        problems << tr("Choose the .mobileconfig to upload.");
    else if (!m_file->text().isEmpty()) {
        if (const QString problem = KandjiRules::checkPropertyList(m_file->text()); !problem.isEmpty())
            problems << problem;
    }
    return problems;
}

void KandjiProfileEditor::startApply()
{
    KandjiClient *client = clientForSave();
    if (!client)
        return;
    finishWith(isNew() ? client->createProfile(fields(), m_file->text()) : client->updateProfile(itemId(), fields(), m_file->text()), [this] {
        m_xml->setPlainText(saved().value(QLatin1String("profile")).toString());
        return tr("Saved.");
    });
}
