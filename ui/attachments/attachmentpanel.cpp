#include "attachments/attachmentpanel.h"

#include "kintoclient.h"
#include "prompt.h"
#include "widgets/tonedlabel.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QLoggingCategory>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

Q_LOGGING_CATEGORY(lcAttachments, "tenantdesk.ui.attachments")

namespace {

constexpr int PreviewSide = 240;

QJsonObject attachmentOf(const QJsonObject &data)
{
    return data.value(QLatin1String("attachment")).toObject();
}

} // namespace

AttachmentPanel::AttachmentPanel(KintoClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_fileName(new QLabel(this))
    , m_size(new QLabel(this))
    , m_mimeType(new QLabel(this))
    , m_hash(new QLabel(this))
    , m_previewLabel(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_upload(new QPushButton(tr("Upload…"), this))
    , m_download(new QPushButton(tr("Download…"), this))
    , m_remove(new QPushButton(tr("Remove"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_status(new QLabel(this))
{
    m_fileName->setObjectName(QStringLiteral("attachmentFileName"));
    m_size->setObjectName(QStringLiteral("attachmentSize"));
    m_mimeType->setObjectName(QStringLiteral("attachmentMimeType"));
    m_hash->setObjectName(QStringLiteral("attachmentHash"));
    m_hash->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // 64 hex digits do not wrap: the label clips them (selecting copies them all; the tooltip shows them).
    m_hash->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_previewLabel->setObjectName(QStringLiteral("attachmentPreview"));
    m_previewLabel->setAlignment(Qt::AlignCenter);
    m_previewLabel->setFixedSize(PreviewSide, PreviewSide);
    m_progress->setObjectName(QStringLiteral("attachmentProgress"));
    m_progress->setVisible(false);
    m_upload->setObjectName(QStringLiteral("attachmentUpload"));
    m_download->setObjectName(QStringLiteral("attachmentDownload"));
    m_remove->setObjectName(QStringLiteral("attachmentRemove"));
    m_cancel->setObjectName(QStringLiteral("attachmentCancel"));
    m_cancel->setVisible(false);
    m_status->setObjectName(QStringLiteral("attachmentStatus"));
    m_status->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("File:"), m_fileName);
    form->addRow(tr("Size:"), m_size);
    form->addRow(tr("Type:"), m_mimeType);
    form->addRow(tr("SHA-256:"), m_hash);
    // One column, the preview under the facts: the pane stays narrow beside the records table.
    auto *top = new QVBoxLayout;
    top->addLayout(form);
    top->addWidget(m_previewLabel, 0, Qt::AlignHCenter);
    auto *transfer = new QHBoxLayout;
    transfer->addWidget(m_progress, 1);
    transfer->addWidget(m_cancel);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_upload);
    buttons->addWidget(m_download);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(transfer);
    layout->addLayout(buttons);
    layout->addWidget(m_status);
    layout->addStretch(1);

    connect(m_upload, &QPushButton::clicked, this, &AttachmentPanel::chooseUploadFile);
    connect(m_download, &QPushButton::clicked, this, &AttachmentPanel::chooseDownloadFile);
    connect(m_remove, &QPushButton::clicked, this, &AttachmentPanel::removeAttachment);
    connect(m_cancel, &QPushButton::clicked, this, &AttachmentPanel::cancel);
    showRecord(QJsonObject());
}

AttachmentPanel::~AttachmentPanel()
{
    // Jobs report to this panel: once it is gone they must not call back.
    for (Job *job : { m_transfer.data(), m_load.data(), m_previewJob.data() }) {
        if (job) {
            job->disconnect(this);
            job->cancel();
        }
    }
}

void AttachmentPanel::setRecord(const QString &bucket, const QString &collection, const QString &id)
{
    m_bucket = bucket;
    m_collection = collection;
    m_id = id;
    m_record = {};
    m_recordExists = false;
    showRecord(QJsonObject());
    reload();
}

void AttachmentPanel::reload()
{
    if (!m_client || m_id.isEmpty())
        return;
    if (m_load)
        m_load->disconnect(this);
    Job *job = m_client->getRecord(m_bucket, m_collection, m_id);
    m_load = job;
    connect(job, &Job::finished, this, [this, job] {
        if (job != m_load)
            return;
        m_load = nullptr;
        if (job->hasError()) {
            m_recordExists = false;
            showRecord(QJsonObject());
            if (job->error().isNotFound())
                setStatus(tr("The record does not exist yet: uploading a file creates it."));
            else
                setStatus(tr("Could not read the record: %1").arg(job->error().toString()), true);
            Q_EMIT recordLoaded(QJsonObject());
            return;
        }
        m_recordExists = true;
        showRecord(job->result().toObject().value(QLatin1String("data")).toObject());
        Q_EMIT recordLoaded(m_record);
    });
    updateButtons();
}

QJsonObject AttachmentPanel::attachment() const
{
    return attachmentOf(m_record);
}

bool AttachmentPanel::isImage(const QJsonObject &attachment)
{
    return attachment.value(QLatin1String("mimetype")).toString().startsWith(QLatin1String("image/"));
}

QString AttachmentPanel::statusText() const
{
    return m_status->text();
}

void AttachmentPanel::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    setTone(m_status, error ? std::optional(Tones::Tone::Error) : std::nullopt);
}

void AttachmentPanel::showRecord(const QJsonObject &data)
{
    m_record = data;
    const QJsonObject a = attachmentOf(data);
    if (a.isEmpty()) {
        m_fileName->setText(tr("(no attachment)"));
        m_size->clear();
        m_mimeType->clear();
        m_hash->clear();
        m_hash->setToolTip({});
    } else {
        m_fileName->setText(a.value(QLatin1String("filename")).toString());
        m_size->setText(QLocale().formattedDataSize(a.value(QLatin1String("size")).toVariant().toLongLong()));
        m_mimeType->setText(a.value(QLatin1String("mimetype")).toString());
        m_hash->setText(a.value(QLatin1String("hash")).toString());
        m_hash->setToolTip(m_hash->text());
        m_fileName->setToolTip(a.value(QLatin1String("location")).toString());
    }
    updateButtons();
    loadPreview();
}

void AttachmentPanel::updateButtons()
{
    const bool busy = isBusy();
    const bool has = !attachment().isEmpty();
    m_upload->setEnabled(!busy && m_client && !m_id.isEmpty());
    m_download->setEnabled(!busy && has);
    m_remove->setEnabled(!busy && has);
    m_cancel->setVisible(busy);
    m_progress->setVisible(busy);
}

void AttachmentPanel::startTransfer(Job *job, const QString &what, bool determinate)
{
    m_transfer = job;
    m_progress->setRange(0, determinate ? 1000 : 0); // 0..0: an indefinite bar
    m_progress->setValue(0);
    if (determinate) {
        connect(job, &Job::progress, m_progress, [this](qint64 done, qint64 total) {
            if (total > 0)
                m_progress->setValue(int(done * 1000 / total));
        });
    }
    setStatus(what);
    updateButtons();
}

void AttachmentPanel::endTransfer()
{
    m_transfer = nullptr;
    updateButtons();
}

void AttachmentPanel::cancel()
{
    if (m_transfer)
        m_transfer->cancel();
}

// --- Upload

void AttachmentPanel::chooseUploadFile()
{
    auto *dialog = new QFileDialog(this, tr("Upload an attachment"));
    dialog->setObjectName(QStringLiteral("attachmentUploadDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) { uploadFile(path); });
    dialog->open();
}

bool AttachmentPanel::uploadFile(const QString &path)
{
    if (!m_client || m_id.isEmpty() || isBusy())
        return false;
    const QFileInfo info(path);
    if (!info.isFile() || !info.isReadable()) {
        setStatus(tr("Cannot read \"%1\".").arg(path), true);
        return false;
    }
    Job *job = m_client->addAttachment(m_bucket, m_collection, m_id, path);
    qCInfo(lcAttachments) << "uploading" << info.fileName() << info.size() << "bytes to record" << m_id;
    startTransfer(job, tr("Uploading %1 (%2)…").arg(info.fileName(), QLocale().formattedDataSize(info.size())), true);
    connect(job, &Job::finished, this, [this, job, name = info.fileName()] {
        endTransfer();
        if (job->hasError()) {
            const ApiError error = job->error();
            if (error.isCancelled())
                setStatus(tr("Upload of %1 cancelled.").arg(name));
            else
                setStatus(tr("Could not upload %1: %2").arg(name, error.toString()), true);
            reload(); // show what the server holds after all
            Q_EMIT uploadFailed(error);
            return;
        }
        setStatus(tr("%1 uploaded.").arg(name));
        reload();
        Q_EMIT uploaded(job->result().toObject());
    });
    return true;
}

// --- Download

void AttachmentPanel::chooseDownloadFile()
{
    const QString name = attachment().value(QLatin1String("filename")).toString();
    auto *dialog = new QFileDialog(this, tr("Save the attachment"), QDir::home().filePath(QFileInfo(name).fileName()));
    dialog->setObjectName(QStringLiteral("attachmentDownloadDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) { downloadTo(path); });
    dialog->open();
}

bool AttachmentPanel::downloadTo(const QString &path)
{
    if (!m_client || isBusy() || attachment().isEmpty() || path.isEmpty())
        return false;
    Job *job = m_client->downloadAttachment(m_record, path, true);
    startTransfer(job, tr("Downloading to %1…").arg(path), false);
    connect(job, &Job::finished, this, [this, job] {
        endTransfer();
        if (job->hasError()) {
            const ApiError error = job->error();
            setStatus(error.isCancelled() ? tr("Download cancelled.")
                                          : tr("Could not download: %1").arg(error.toString()),
                      !error.isCancelled());
            Q_EMIT downloadFailed(error);
            return;
        }
        const QString saved = job->result().toObject().value(QLatin1String("path")).toString();
        setStatus(tr("Saved to %1 (SHA-256 checked).").arg(saved));
        if (isImage(attachment()) && m_preview.isNull())
            showPreviewFrom(saved);
        Q_EMIT downloaded(saved);
    });
    return true;
}

// --- Remove

bool AttachmentPanel::removeAttachment()
{
    if (!m_client || isBusy() || attachment().isEmpty())
        return false;
    const QString name = attachment().value(QLatin1String("filename")).toString();
    if (!Prompt::question(this, tr("Remove attachment"),
                          tr("Remove the attachment %1 from record %2?").arg(name, m_id))) {
        return false;
    }
    Job *job = m_client->removeAttachment(m_bucket, m_collection, m_id);
    startTransfer(job, tr("Removing %1…").arg(name), false);
    connect(job, &Job::finished, this, [this, job, name] {
        endTransfer();
        if (job->hasError()) {
            setStatus(tr("Could not remove %1: %2").arg(name, job->error().toString()), true);
            Q_EMIT removeFailed(job->error());
            return;
        }
        setStatus(tr("%1 removed.").arg(name));
        reload();
        Q_EMIT removed();
    });
    return true;
}

// --- Preview

void AttachmentPanel::loadPreview()
{
    if (m_previewJob) {
        m_previewJob->disconnect(this);
        m_previewJob->cancel();
    }
    const QJsonObject a = attachment();
    const qint64 size = a.value(QLatin1String("size")).toVariant().toLongLong();
    if (!m_client || !isImage(a) || size > PreviewMaxBytes || !m_previewDir.isValid()) {
        m_previewLabel->clear();
        m_previewLabel->setText(a.isEmpty() ? QString() : tr("(no preview)"));
        m_previewLabel->setVisible(!a.isEmpty()); // no empty square where there is no file
        if (!m_preview.isNull()) {
            m_preview = QImage();
            Q_EMIT previewChanged();
        }
        return;
    }
    m_previewLabel->setText(tr("Loading preview…"));
    m_previewLabel->setVisible(true);
    // One file per content: an unchanged attachment is not fetched twice (same hash).
    const QString hash = a.value(QLatin1String("hash")).toString();
    const QString path = m_previewDir.filePath(hash.isEmpty() ? QStringLiteral("preview") : hash);
    Job *job = m_client->downloadAttachment(m_record, path, false);
    m_previewJob = job;
    connect(job, &Job::finished, this, [this, job, path] {
        if (job != m_previewJob)
            return;
        m_previewJob = nullptr;
        if (job->hasError()) {
            m_previewLabel->setText(tr("(preview unavailable)"));
            m_previewLabel->setToolTip(job->error().toString());
            return;
        }
        showPreviewFrom(path);
    });
}

void AttachmentPanel::showPreviewFrom(const QString &path)
{
    const QImage image(path);
    m_preview = image;
    if (image.isNull()) {
        m_previewLabel->setText(tr("(not a readable image)"));
    } else {
        m_previewLabel->setPixmap(QPixmap::fromImage(
            image.scaled(PreviewSide, PreviewSide, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
        m_previewLabel->setToolTip(tr("%1 × %2 pixels").arg(image.width()).arg(image.height()));
    }
    Q_EMIT previewChanged();
}
