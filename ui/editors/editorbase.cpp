#include "editorbase.h"

#include "prompt.h"
#include "widgets/tonedlabel.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

EditorBase::EditorBase(QWidget *parent)
    : QDialog(parent)
    , m_content(new QVBoxLayout)
    , m_message(new QLabel)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel))
    , m_save(m_buttons->button(QDialogButtonBox::Save))
{
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_content, 1);
    m_message->setObjectName(QStringLiteral("messageLabel"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    m_save->setObjectName(QStringLiteral("saveButton"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &EditorBase::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &EditorBase::reject);
}

QString EditorBase::message() const
{
    return m_message->text();
}

void EditorBase::apply()
{
    if (m_applying || !m_saveEnabled)
        return;
    const QStringList problems = validateInput();
    if (!problems.isEmpty()) {
        m_closeAfterApply = false;
        setMessage(problems.join(QLatin1Char('\n')), true);
        return;
    }
    m_applying = true;
    updateSaveButton();
    setMessage(tr("Saving…"));
    startApply();
}

void EditorBase::accept()
{
    if (m_applying)
        return;
    m_closeAfterApply = true;
    apply();
}

void EditorBase::reject()
{
    if (m_modified && !Prompt::question(this, tr("Unsaved changes"), tr("Discard the unsaved changes?")))
        return;
    QDialog::reject();
}

void EditorBase::finishApply(bool ok, const QString &message)
{
    if (!m_applying)
        return;
    m_applying = false;
    updateSaveButton();
    const bool close = ok && m_closeAfterApply;
    m_closeAfterApply = false;
    if (ok) {
        setModified(false);
        setMessage(message.isEmpty() ? tr("Saved.") : message);
    } else {
        setMessage(message, true);
    }
    Q_EMIT applied(ok, message);
    if (close)
        QDialog::accept();
}

void EditorBase::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::WindowTitleChange && !windowTitle().contains(QLatin1String("[*]")))
        setWindowTitle(windowTitle() + QLatin1String("[*]"));
    QDialog::changeEvent(event);
}

void EditorBase::setModified(bool modified)
{
    if (m_modified == modified)
        return;
    m_modified = modified;
    setWindowModified(modified);
    Q_EMIT modifiedChanged(modified);
}

void EditorBase::setMessage(const QString &text, bool isError)
{
    m_message->setText(text);
    setTone(m_message, isError ? std::optional(Tones::Tone::Error) : std::nullopt);
    m_message->setVisible(!text.isEmpty());
}

void EditorBase::setSaveEnabled(bool enabled)
{
    m_saveEnabled = enabled;
    updateSaveButton();
}

void EditorBase::updateSaveButton()
{
    m_save->setEnabled(m_saveEnabled && !m_applying);
}
