#pragma once

#include <QDialog>
#include <QList>
#include <QPointer>

class BulkJob;
class ImportPreviewModel;
class KintoClient;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableView;

// Imports records from a CSV or JSON file (RecordFormats) into a collection.
//
// Load reads the file and shows a preview (ImportPreviewModel: the first rows, the detected columns,
// invalid rows flagged — bad ids, duplicated ids, malformed rows — which are never sent). Import
// creates the valid rows through POST /batch (BulkJob), each a safe create (If-None-Match: *), so an
// existing record is never overwritten. Progress and Cancel while it runs; afterwards every row has
// its outcome in the table, and the report lists each row that was not created with the server's
// message (e.g. a schema validation 400). The client is not owned and must outlive the dialog.
class ImportDialog : public QDialog
{
    Q_OBJECT
public:
    ImportDialog(KintoClient *client, const QString &bucket, const QString &collection, QWidget *parent = nullptr);
    ~ImportDialog() override;

    ImportPreviewModel *model() const { return m_model; }

Q_SIGNALS:
    // An import run finished (whatever the outcome); the caller reloads its view.
    void imported(int created, int failed);

private:
    void browse();
    void load();
    void start();
    void showResults(int first, int count);
    void onFinished();
    void updateWidgets();

    QPointer<KintoClient> m_client;
    QString m_bucket;
    QString m_collection;
    ImportPreviewModel *m_model = nullptr;
    QPointer<BulkJob> m_job;
    QList<int> m_sentRows; // request index -> row index in the model

    QLineEdit *m_path = nullptr;
    QComboBox *m_format = nullptr;
    QPushButton *m_loadButton = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_summary = nullptr;
    QProgressBar *m_progress = nullptr;
    QPlainTextEdit *m_report = nullptr;
    QPushButton *m_importButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QPushButton *m_closeButton = nullptr;
};
