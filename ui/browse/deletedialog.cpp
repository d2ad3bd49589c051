#include "deletedialog.h"

#include "kintoclient.h"
#include "widgets/tonedlabel.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace {
QString idOf(const KintoRef &ref)
{
    switch (ref.type) {
    case KintoEndpoint::Bucket:
        return ref.bucket;
    case KintoEndpoint::Collection:
        return ref.collection;
    default:
        return ref.id;
    }
}
} // namespace

DeleteDialog::DeleteDialog(KintoClient *client, const KintoRef &ref, qint64 lastModified, const QString &what,
                           QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_ref(ref)
    , m_id(idOf(ref))
    , m_lastModified(lastModified)
    , m_confirm(new QLineEdit)
    , m_message(new QLabel)
{
    setObjectName(QStringLiteral("deleteDialog"));
    setWindowTitle(tr("Delete %1").arg(m_id));

    auto *explanation = new QLabel(
        tr("<p>This permanently deletes %1, and everything it contains, from the server.</p>"
           "<p>Type <b>%2</b> to confirm.</p>")
            .arg(what.toHtmlEscaped(), m_id.toHtmlEscaped()));
    explanation->setWordWrap(true);
    m_confirm->setObjectName(QStringLiteral("confirmIdEdit"));
    m_confirm->setAccessibleName(tr("Id to confirm"));
    m_confirm->setAccessibleDescription(tr("Type %1 to confirm the deletion").arg(m_id));
    m_confirm->setPlaceholderText(m_id);
    m_message->setObjectName(QStringLiteral("messageLabel"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    setTone(m_message, Tones::Tone::Error);
    m_message->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_delete = buttons->addButton(tr("Delete"), QDialogButtonBox::DestructiveRole);
    m_delete->setObjectName(QStringLiteral("deleteButton"));
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    // Return does nothing here: deleting takes a press on Delete, and typing the id then Return
    // should not close the dialog either.
    m_delete->setAutoDefault(false);
    buttons->button(QDialogButtonBox::Cancel)->setAutoDefault(false);
    connect(m_delete, &QPushButton::clicked, this, &DeleteDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_confirm, &QLineEdit::textChanged, this, &DeleteDialog::updateButton);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(explanation);
    layout->addWidget(m_confirm);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    updateButton();
}

QString DeleteDialog::message() const
{
    return m_message->text();
}

void DeleteDialog::updateButton()
{
    m_delete->setEnabled(!m_busy && m_client && m_confirm->text() == m_id);
}

void DeleteDialog::submit()
{
    if (m_busy || !m_client || m_confirm->text() != m_id)
        return;
    m_busy = true;
    m_message->hide();
    updateButton();
    KintoWrite write;
    write.ifMatch = m_lastModified;
    Job *job = m_client->remove(m_ref, write);
    connect(job, &Job::finished, this, &DeleteDialog::onDeleted);
}

void DeleteDialog::onDeleted(Job *job)
{
    m_busy = false;
    const ApiError &error = job->error();
    if (!error) {
        Q_EMIT deleted();
        accept();
        return;
    }
    QString text = error.toString();
    if (error.isPreconditionFailed()) {
        const qint64 current = qint64(KintoClient::existingObject(error).value(QLatin1String("last_modified")).toDouble());
        m_lastModified = current; // 0: the next Delete removes whatever the server holds
        text += QLatin1Char('\n') + tr("It was changed on the server since it was loaded. Press Delete again to delete "
                                       "the newer version, or Cancel.");
    }
    m_message->setText(text);
    m_message->show();
    updateButton();
}
