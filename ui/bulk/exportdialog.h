#pragma once

#include "kintotypes.h"

#include <QDialog>
#include <QPointer>

class KintoClient;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class RecordExportJob;

// Exports the records of a collection to a CSV or JSON file: all of them, or the ones matching the
// filters the records view has applied (given by the caller; without filters that choice is
// disabled). CSV columns default to `columns` (e.g. the view's columns) and may be edited; empty
// means every top-level key. Progress and Cancel while it runs (RecordExportJob: nothing is
// written unless everything arrived). The client is not owned and must outlive the dialog.
class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    ExportDialog(KintoClient *client, const QString &bucket, const QString &collection,
                 const KintoListOptions &filtered = {}, const QStringList &columns = {}, QWidget *parent = nullptr);
    ~ExportDialog() override;

Q_SIGNALS:
    // An export finished successfully, `count` records written to `path`.
    void exported(const QString &path, int count);

private:
    void browse();
    void start();
    void updateWidgets();

    QPointer<KintoClient> m_client;
    QString m_bucket;
    QString m_collection;
    KintoListOptions m_filtered;
    QPointer<RecordExportJob> m_job;

    QRadioButton *m_all = nullptr;
    QRadioButton *m_onlyFiltered = nullptr;
    QComboBox *m_format = nullptr;
    QLineEdit *m_columns = nullptr;
    QLineEdit *m_path = nullptr;
    QPushButton *m_exportButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QPushButton *m_closeButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
};
