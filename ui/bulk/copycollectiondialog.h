#pragma once

#include <QDialog>
#include <QList>
#include <QPointer>

class CopyCollectionJob;
class KintoClient;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

// Copies a collection (attributes with schema and displayFields, records, permissions) to another
// Kinto tenant, picked from the targets the caller offers (e.g. the open Kinto sessions, the source
// included), into a bucket and collection id the user may change. Progress counts records copied
// out of the total; Cancel stops; the report lists what the target refused (CopyCollectionJob).
// No client is owned; all must outlive the dialog.
class CopyCollectionDialog : public QDialog
{
    Q_OBJECT
public:
    struct Target
    {
        QString name;
        KintoClient *client = nullptr;
    };

    CopyCollectionDialog(KintoClient *source, const QString &bucket, const QString &collection,
                         const QList<Target> &targets, QWidget *parent = nullptr);
    ~CopyCollectionDialog() override;

Q_SIGNALS:
    // A copy finished; `ok` is false when something was not copied.
    void copied(bool ok);

private:
    void start();
    void updateWidgets();

    QPointer<KintoClient> m_source;
    QString m_bucket;
    QString m_collection;
    QList<Target> m_targets;
    QPointer<CopyCollectionJob> m_job;

    QComboBox *m_target = nullptr;
    QLineEdit *m_targetBucket = nullptr;
    QLineEdit *m_targetCollection = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QPlainTextEdit *m_report = nullptr;
    QPushButton *m_copyButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QPushButton *m_closeButton = nullptr;
};
