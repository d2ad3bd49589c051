#include "kandjiscripteditor.h"

#include "kandjiclient.h"
#include "kandjihighlighters.h"
#include "kandjirules.h"
#include "kandjiselfservice.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLineEdit>
#include <QPlainTextEdit>

static QPlainTextEdit *codeEditor(const QString &name, const QString &text, QWidget *parent)
{
    auto *edit = new QPlainTextEdit(text, parent);
    edit->setObjectName(name);
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    edit->setTabChangesFocus(true); // Tab leaves the editor for keyboard users; indent with spaces
    new KandjiHighlighter(KandjiHighlighter::Language::Shell, edit->document());
    return edit;
}

KandjiScriptEditor::KandjiScriptEditor(KandjiClient *client, const QJsonObject &script, QWidget *parent)
    : KandjiItemEditor(client, script, parent)
    , m_name(new QLineEdit(script.value(QLatin1String("name")).toString(), this))
    , m_active(new QCheckBox(tr("Active"), this))
    , m_frequency(new QComboBox(this))
    , m_restart(new QCheckBox(tr("Restart after running"), this))
    , m_script(codeEditor(QStringLiteral("script"), script.value(QLatin1String("script")).toString(), this))
    , m_remediation(codeEditor(QStringLiteral("remediation"), script.value(QLatin1String("remediation_script")).toString(), this))
    , m_selfService(new KandjiSelfServiceBox(client, script, this))
{
    setWindowTitle(isNew() ? tr("New Custom Script") : tr("Custom Script: %1").arg(m_name->text()));
    m_name->setObjectName(QStringLiteral("name"));
    m_active->setObjectName(QStringLiteral("active"));
    m_frequency->setObjectName(QStringLiteral("frequency"));
    m_restart->setObjectName(QStringLiteral("restart"));
    m_active->setChecked(script.isEmpty() || script.value(QLatin1String("active")).toBool());
    m_restart->setChecked(script.value(QLatin1String("restart")).toBool());
    const QStringList labels { tr("Once"), tr("Every 15 minutes"), tr("Every day"), tr("No enforcement (Self Service only)") };
    const QStringList values = KandjiRules::executionFrequencies();
    for (int i = 0; i < values.size(); ++i)
        m_frequency->addItem(labels.value(i, values.at(i)), values.at(i));
    m_frequency->setCurrentIndex(qMax(0, values.indexOf(script.value(QLatin1String("execution_frequency")).toString())));

    auto *form = new QFormLayout;
    form->addRow(tr("Name:"), m_name);
    form->addRow(m_active);
    form->addRow(tr("Runs:"), m_frequency);
    form->addRow(m_restart);
    form->addRow(tr("Script:"), m_script);
    form->addRow(tr("Remediation:"), m_remediation);
    form->addRow(tr("Self Service:"), m_selfService);
    contentLayout()->addLayout(form);
    resize(720, 640);

    auto modified = [this] { setModified(true); };
    connect(m_name, &QLineEdit::textEdited, this, modified);
    connect(m_active, &QCheckBox::toggled, this, modified);
    connect(m_restart, &QCheckBox::toggled, this, modified);
    connect(m_frequency, &QComboBox::activated, this, modified);
    connect(m_script, &QPlainTextEdit::textChanged, this, modified);
    connect(m_remediation, &QPlainTextEdit::textChanged, this, modified);
    connect(m_selfService, &KandjiSelfServiceBox::changed, this, modified);
    setModified(false);
}

QJsonObject KandjiScriptEditor::fields() const
{
    QJsonObject fields = m_selfService->fields();
    fields.insert(QStringLiteral("name"), m_name->text().trimmed());
    fields.insert(QStringLiteral("active"), m_active->isChecked());
    fields.insert(QStringLiteral("execution_frequency"), m_frequency->currentData().toString());
    fields.insert(QStringLiteral("restart"), m_restart->isChecked());
    fields.insert(QStringLiteral("script"), m_script->toPlainText());
    fields.insert(QStringLiteral("remediation_script"), m_remediation->toPlainText());
    return fields;
}

QStringList KandjiScriptEditor::validateInput()
{
    const QString problem = KandjiRules::checkScript(fields(), true);
    return problem.isEmpty() ? QStringList() : QStringList { problem };
}

void KandjiScriptEditor::startApply()
{
    if (KandjiClient *client = clientForSave())
        finishWith(isNew() ? client->createScript(fields()) : client->updateScript(itemId(), fields()), {});
}
