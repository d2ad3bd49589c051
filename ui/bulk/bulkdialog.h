#pragma once

#include <QDialog>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPointer>

class BulkJob;
class KintoClient;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTreeWidget;

// Bulk work on records the user selected: delete them, or set one field on each of them.
//
// The user picks the operation, clicks Preview to see the exact requests (method, path, headers,
// body) — built with KintoBatch, nothing is sent — then Send, which runs them through POST /batch in
// chunks of the server's batch_max_requests (BulkJob) with a progress bar and Cancel. Every record
// gets a result line; failures show the server's message. Set field is a safe write: each PATCH
// carries If-Match with the record's last_modified, so a record changed meanwhile fails with 412
// instead of being overwritten. Changing the operation, field or value discards the preview.
//
// The client is not owned and must outlive the dialog.
class BulkDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Operation { Delete, SetField };

    BulkDialog(KintoClient *client, const QString &bucket, const QString &collection,
               const QList<QJsonObject> &records, QWidget *parent = nullptr);
    ~BulkDialog() override;

    // The sub-requests for `operation` on `records`, as KintoBatch builds them. On an invalid
    // field path or record id returns an empty array and the reason in *error.
    static QJsonArray buildRequests(KintoClient *client, const QString &bucket, const QString &collection,
                                    const QList<QJsonObject> &records, Operation operation,
                                    const QString &fieldPath, const QJsonValue &value, QString *error);
    // The value typed by the user: JSON when it parses ("42", "true", "{\"a\":1}", "\"x\""), else the
    // text itself as a string.
    static QJsonValue parseValue(const QString &text);
    // `data` with the dotted `path` set to `value` (intermediate objects created or replaced).
    static QJsonObject withField(QJsonObject data, const QStringList &path, const QJsonValue &value);

Q_SIGNALS:
    // The bulk run finished (whatever the outcome); the caller reloads its view.
    void applied();

private:
    void invalidatePreview();
    void preview();
    void send();
    void cancel();
    void showResults(int first, int count);
    void onFinished();
    void updateWidgets();

    QPointer<KintoClient> m_client;
    QString m_bucket;
    QString m_collection;
    QList<QJsonObject> m_records;
    QJsonArray m_requests; // the previewed requests, sent as they are
    QPointer<BulkJob> m_job;

    QComboBox *m_operation = nullptr;
    QLineEdit *m_field = nullptr;
    QLineEdit *m_value = nullptr;
    QPushButton *m_previewButton = nullptr;
    QPlainTextEdit *m_previewText = nullptr;
    QPushButton *m_sendButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QPushButton *m_closeButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QTreeWidget *m_results = nullptr;
    QLabel *m_summary = nullptr;
};
