#pragma once

#include "net/apierror.h"

#include <QImage>
#include <QJsonObject>
#include <QPointer>
#include <QTemporaryDir>
#include <QWidget>

class Job;
class KintoClient;
class QLabel;
class QProgressBar;
class QPushButton;

// The attachment of one Kinto record (kinto-attachment plugin): its filename, size, type and
// SHA-256, with Upload, Download, Remove and, for images, a scaled preview.
//
// Every transfer is a Job: the progress bar shows it (upload progress as bytes sent; a download
// shows an indefinite bar) and Cancel cancels it; a cancelled upload leaves the record as it was
// whenever the server had not received the whole file. After any upload, cancel or removal the
// record is read again, so what is shown is what the server holds. One transfer at a time.
// Image previews are downloaded to a private temporary folder (checked against the hash like any
// download) when the attachment's mimetype is image/* and it is at most PreviewMaxBytes.
class AttachmentPanel : public QWidget
{
    Q_OBJECT
public:
    static constexpr qint64 PreviewMaxBytes = 20 * 1024 * 1024;

    // client: not owned; it must outlive the panel.
    explicit AttachmentPanel(KintoClient *client, QWidget *parent = nullptr);
    ~AttachmentPanel() override;

    // Shows the attachment of that record (reads it).
    void setRecord(const QString &bucket, const QString &collection, const QString &id);
    void reload();

    // The record's data as last read (empty when it does not exist), and its attachment (empty
    // when there is none).
    QJsonObject recordData() const { return m_record; }
    QJsonObject attachment() const;
    bool isBusy() const { return !m_transfer.isNull(); }
    QString statusText() const;
    // The preview shown, full size (null when none).
    QImage previewImage() const { return m_preview; }

    // Uploads the file at `path` as the record's attachment (what Upload… does after its file
    // dialog). False when busy, without a record, or the file is unreadable.
    bool uploadFile(const QString &path);
    // Downloads the attachment to `path` (a file; an existing one is replaced). False when busy
    // or there is no attachment.
    bool downloadTo(const QString &path);
    // Asks, then removes the attachment. False when busy, there is none, or the user said no.
    bool removeAttachment();
    // Cancels the transfer in progress, if any.
    void cancel();

    static bool isImage(const QJsonObject &attachment);

Q_SIGNALS:
    // The record was read (data may be empty when it does not exist).
    void recordLoaded(const QJsonObject &data);
    void uploaded(const QJsonObject &attachment);
    void uploadFailed(const ApiError &error); // a cancel included (Kind::Cancelled)
    void downloaded(const QString &path);
    void downloadFailed(const ApiError &error);
    void removed();
    void removeFailed(const ApiError &error);
    // The preview image changed (null when cleared).
    void previewChanged();

private:
    void showRecord(const QJsonObject &data);
    void setStatus(const QString &text, bool error = false);
    void startTransfer(Job *job, const QString &what, bool determinate);
    void endTransfer();
    void updateButtons();
    void loadPreview();
    void showPreviewFrom(const QString &path);
    void chooseUploadFile();
    void chooseDownloadFile();

    QPointer<KintoClient> m_client;
    QString m_bucket;
    QString m_collection;
    QString m_id;
    QJsonObject m_record;
    bool m_recordExists = false;
    QPointer<Job> m_transfer; // upload, download or removal in flight
    QPointer<Job> m_load;
    QPointer<Job> m_previewJob;
    QTemporaryDir m_previewDir;
    QImage m_preview;

    QLabel *m_fileName;
    QLabel *m_size;
    QLabel *m_mimeType;
    QLabel *m_hash;
    QLabel *m_previewLabel;
    QProgressBar *m_progress;
    QPushButton *m_upload;
    QPushButton *m_download;
    QPushButton *m_remove;
    QPushButton *m_cancel;
    QLabel *m_status;
};
