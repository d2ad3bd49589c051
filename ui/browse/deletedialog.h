#pragma once

#include "kintotypes.h"

#include <QDialog>
#include <QPointer>

class Job;
class KintoClient;
class QLabel;
class QLineEdit;
class QPushButton;

// Deletes a bucket, collection or group once the user typed its id (Kinto Admin's DeleteForm):
// Delete is enabled only while the typed text equals the id. The DELETE carries If-Match with the
// object's last_modified when known, so a version changed meanwhile is not deleted unseen: the 412
// is shown with the server's message and a second Delete removes the newer version. Failures keep
// the dialog open. The dialog does not block: open() it and listen to deleted().
class DeleteDialog : public QDialog
{
    Q_OBJECT
public:
    // `ref` names the object; `lastModified` 0 = delete whatever version the server holds;
    // `what` describes it for the user, e.g. "the collection \"devices\" of bucket \"main\"".
    DeleteDialog(KintoClient *client, const KintoRef &ref, qint64 lastModified, const QString &what,
                 QWidget *parent = nullptr);

    QString objectId() const { return m_id; }
    QString message() const;

Q_SIGNALS:
    // The server deleted it; emitted once, before the dialog closes.
    void deleted();

private:
    void submit();
    void onDeleted(Job *job);
    void updateButton();

    QPointer<KintoClient> m_client;
    KintoRef m_ref;
    QString m_id;
    qint64 m_lastModified;
    bool m_busy = false;
    QLineEdit *m_confirm;
    QLabel *m_message;
    QPushButton *m_delete;
};
