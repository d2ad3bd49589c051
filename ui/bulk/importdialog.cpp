#include "importdialog.h"

#include "bulkjob.h"
#include "importpreviewmodel.h"
#include "kintoclient.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

using RowState = ImportPreviewModel::RowState;

ImportDialog::ImportDialog(KintoClient *client, const QString &bucket, const QString &collection, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_bucket(bucket)
    , m_collection(collection)
    , m_model(new ImportPreviewModel(this))
{
    setWindowTitle(tr("Import records into %1/%2").arg(bucket, collection));
    resize(820, 600);

    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("pathEdit"));
    m_path->setAccessibleName(tr("File to import"));
    auto *browse = new QToolButton(this);
    browse->setObjectName(QStringLiteral("browseButton"));
    browse->setText(tr("…"));
    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("formatCombo"));
    m_format->addItem(tr("From the file name"), -1);
    m_format->addItem(tr("CSV"), int(RecordFormats::Format::Csv));
    m_format->addItem(tr("JSON"), int(RecordFormats::Format::Json));
    m_loadButton = new QPushButton(tr("&Load"), this);
    m_loadButton->setObjectName(QStringLiteral("loadButton"));
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_path, 1);
    fileRow->addWidget(browse);
    fileRow->addWidget(m_format);
    fileRow->addWidget(m_loadButton);
    auto *form = new QFormLayout;
    form->addRow(tr("&File:"), fileRow);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("previewTable"));
    m_table->setAccessibleName(tr("Preview"));
    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setWordWrap(true);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("progressBar"));
    m_progress->setValue(0);
    m_report = new QPlainTextEdit(this);
    m_report->setObjectName(QStringLiteral("reportText"));
    m_report->setAccessibleName(tr("Report"));
    m_report->setReadOnly(true);
    m_report->setPlaceholderText(tr("Rows that were not created are listed here with the server's message."));

    auto *buttons = new QDialogButtonBox(this);
    m_importButton = buttons->addButton(tr("&Import"), QDialogButtonBox::ActionRole);
    m_importButton->setObjectName(QStringLiteral("importButton"));
    m_cancelButton = buttons->addButton(tr("Cancel i&mport"), QDialogButtonBox::ActionRole);
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_closeButton = buttons->addButton(QDialogButtonBox::Close);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_table, 3);
    layout->addWidget(m_summary);
    layout->addWidget(m_progress);
    layout->addWidget(m_report, 1);
    layout->addWidget(buttons);

    connect(browse, &QToolButton::clicked, this, &ImportDialog::browse);
    connect(m_path, &QLineEdit::returnPressed, this, &ImportDialog::load);
    connect(m_path, &QLineEdit::textChanged, this, &ImportDialog::updateWidgets);
    connect(m_loadButton, &QPushButton::clicked, this, &ImportDialog::load);
    connect(m_importButton, &QPushButton::clicked, this, &ImportDialog::start);
    connect(m_cancelButton, &QPushButton::clicked, this, [this] {
        if (m_job)
            m_job->cancel();
    });
    connect(m_closeButton, &QPushButton::clicked, this, &QDialog::reject);
    updateWidgets();
}

ImportDialog::~ImportDialog()
{
    if (m_job)
        m_job->cancel();
}

void ImportDialog::browse()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import from"), QString(),
                                                      tr("Records (*.csv *.json);;All files (*)"));
    if (!path.isEmpty()) {
        m_path->setText(path);
        load();
    }
}

void ImportDialog::load()
{
    if (m_job)
        return;
    m_report->clear();
    m_progress->setValue(0);
    const QString path = m_path->text().trimmed();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_model->setRows({}, {});
        m_summary->setText(tr("Cannot read %1: %2").arg(path, file.errorString()));
        updateWidgets();
        return;
    }
    int chosen = m_format->currentData().toInt();
    if (chosen < 0)
        chosen = int(path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive) ? RecordFormats::Format::Json
                                                                                : RecordFormats::Format::Csv);
    const QByteArray bytes = file.read(RecordFormats::MaxImportBytes + 1);
    if (bytes.size() > RecordFormats::MaxImportBytes) {
        m_model->setRows({}, {});
        m_summary->setText(tr("Cannot import %1: it is larger than %2 MiB, the limit for an import.")
                               .arg(path).arg(RecordFormats::MaxImportBytes >> 20));
        updateWidgets();
        return;
    }
    QList<RecordFormats::ImportRow> rows;
    QStringList columns;
    QString error;
    if (!RecordFormats::readRecords(bytes, RecordFormats::Format(chosen), &rows, &columns, &error)) {
        m_model->setRows({}, {});
        m_summary->setText(tr("Cannot import %1: %2").arg(path, error));
        updateWidgets();
        return;
    }
    // Ids the client would refuse are flagged now, so that one bad id does not stop the whole batch.
    for (RecordFormats::ImportRow &row : rows) {
        ApiError idError;
        if (row.problem.isEmpty() && !row.id.isEmpty() && m_client
            && m_client->endpoint(KintoEndpoint::Record, m_bucket, m_collection, row.id, &idError).isEmpty())
            row.problem = idError.message();
    }
    m_model->setRows(rows, columns);
    const int shown = m_model->rowCount();
    m_summary->setText(tr("%1 record(s) read, %2 invalid (they will not be sent); columns: %3.%4")
                           .arg(m_model->totalRows())
                           .arg(m_model->invalidRows())
                           .arg(columns.join(QStringLiteral(", ")),
                                shown < m_model->totalRows() ? tr(" Showing the first %1.").arg(shown) : QString()));
    updateWidgets();
}

void ImportDialog::start()
{
    if (!m_client || m_job)
        return;
    KintoBatch batch = m_client->batch();
    m_sentRows.clear();
    const QList<RecordFormats::ImportRow> &rows = m_model->rows();
    for (int i = 0; i < rows.size(); ++i) {
        if (m_model->state(i) != RowState::Ready)
            continue;
        // A safe create: If-None-Match: * (an existing id answers 412 instead of being replaced).
        batch.create(KintoRef::ofRecord(m_bucket, m_collection, rows.at(i).id), rows.at(i).data);
        m_sentRows << i;
    }
    if (batch.error()) {
        m_summary->setText(tr("Cannot import: %1").arg(batch.error().message()));
        return;
    }
    if (m_sentRows.isEmpty())
        return;
    m_report->clear();
    m_progress->setRange(0, int(m_sentRows.size()));
    m_progress->setValue(0);
    m_job = new BulkJob(m_client, batch.requests(), 0, this);
    m_job->setAutoDelete(false);
    connect(m_job, &BulkJob::chunkDone, this, &ImportDialog::showResults);
    connect(m_job, &Job::progress, this, [this](qint64 done, qint64) { m_progress->setValue(int(done)); });
    connect(m_job, &Job::finished, this, &ImportDialog::onFinished);
    m_summary->setText(tr("Importing %n record(s)…", nullptr, int(m_sentRows.size())));
    updateWidgets();
}

void ImportDialog::showResults(int first, int count)
{
    if (!m_job)
        return;
    for (int i = first; i < first + count && i < m_sentRows.size(); ++i) {
        const BulkJob::Item &item = m_job->item(i);
        switch (item.state) {
        case BulkJob::State::Pending: break;
        case BulkJob::State::Ok: m_model->setResult(m_sentRows.at(i), RowState::Created, {}); break;
        case BulkJob::State::Failed: {
            const QString message = item.status == 412 ? tr("a record with this id already exists (%1)").arg(item.message)
                                  : item.status > 0   ? QStringLiteral("%1 %2").arg(item.status).arg(item.message)
                                                      : item.message;
            m_model->setResult(m_sentRows.at(i), RowState::Failed, message);
            break;
        }
        case BulkJob::State::Unknown:
        case BulkJob::State::NotSent: m_model->setResult(m_sentRows.at(i), RowState::NotSent, item.message); break;
        }
    }
}

void ImportDialog::onFinished()
{
    BulkJob *job = m_job;
    m_job = nullptr;
    QStringList lines;
    int created = 0;
    int failed = 0;
    const QList<RecordFormats::ImportRow> &rows = m_model->rows();
    for (int i = 0; i < rows.size(); ++i) {
        const RowState state = m_model->state(i);
        if (state == RowState::Created) {
            ++created;
            continue;
        }
        ++failed;
        const QString id = rows.at(i).id.isEmpty() ? QString() : tr(" (id %1)").arg(rows.at(i).id);
        lines << tr("Row %1%2: %3").arg(rows.at(i).number).arg(id, m_model->message(i));
    }
    m_report->setPlainText(lines.join(QLatin1Char('\n')));
    QString text = tr("%1 created, %2 not created.").arg(created).arg(failed);
    if (job->hasError())
        text += QLatin1Char(' ') + job->error().toString();
    m_summary->setText(text);
    job->deleteLater();
    updateWidgets();
    Q_EMIT imported(created, failed);
}

void ImportDialog::updateWidgets()
{
    const bool running = m_job;
    bool ready = false;
    for (int i = 0; i < m_model->totalRows() && !ready; ++i)
        ready = m_model->state(i) == RowState::Ready;
    m_importButton->setEnabled(!running && ready);
    m_cancelButton->setEnabled(running);
    m_closeButton->setEnabled(!running);
    m_loadButton->setEnabled(!running && !m_path->text().trimmed().isEmpty());
    m_path->setEnabled(!running);
}
