#include "exportdialog.h"

#include "kintoclient.h"
#include "recordexportjob.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QToolButton>
#include <QVBoxLayout>

ExportDialog::ExportDialog(KintoClient *client, const QString &bucket, const QString &collection,
                           const KintoListOptions &filtered, const QStringList &columns, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_bucket(bucket)
    , m_collection(collection)
    , m_filtered(filtered)
{
    setWindowTitle(tr("Export records of %1/%2").arg(bucket, collection));
    resize(560, 0);

    m_all = new QRadioButton(tr("&All records"), this);
    m_all->setObjectName(QStringLiteral("allRadio"));
    m_onlyFiltered = new QRadioButton(tr("Only the &filtered ones (%n filter(s))", nullptr,
                                         int(filtered.filters.size())), this);
    m_onlyFiltered->setObjectName(QStringLiteral("filteredRadio"));
    m_onlyFiltered->setEnabled(!filtered.filters.isEmpty());
    (filtered.filters.isEmpty() ? m_all : m_onlyFiltered)->setChecked(true);

    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("formatCombo"));
    m_format->addItem(tr("CSV"), int(RecordFormats::Format::Csv));
    m_format->addItem(tr("JSON"), int(RecordFormats::Format::Json));
    m_columns = new QLineEdit(columns.join(QStringLiteral(", ")), this);
    m_columns->setObjectName(QStringLiteral("columnsEdit"));
    m_columns->setPlaceholderText(tr("every top-level field"));
    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("pathEdit"));
    m_path->setAccessibleName(tr("File to export to"));
    auto *browse = new QToolButton(this);
    browse->setObjectName(QStringLiteral("browseButton"));
    browse->setText(tr("…"));
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path);
    pathRow->addWidget(browse);

    auto *form = new QFormLayout;
    form->addRow(m_all);
    form->addRow(m_onlyFiltered);
    form->addRow(tr("F&ormat:"), m_format);
    form->addRow(tr("CSV &columns:"), m_columns);
    form->addRow(tr("&File:"), pathRow);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("progressBar"));
    m_progress->setValue(0);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(this);
    m_exportButton = buttons->addButton(tr("&Export"), QDialogButtonBox::ActionRole);
    m_exportButton->setObjectName(QStringLiteral("exportButton"));
    m_cancelButton = buttons->addButton(tr("Cancel e&xport"), QDialogButtonBox::ActionRole);
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_closeButton = buttons->addButton(QDialogButtonBox::Close);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    connect(browse, &QToolButton::clicked, this, &ExportDialog::browse);
    connect(m_path, &QLineEdit::textChanged, this, &ExportDialog::updateWidgets);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::updateWidgets);
    connect(m_exportButton, &QPushButton::clicked, this, &ExportDialog::start);
    connect(m_cancelButton, &QPushButton::clicked, this, [this] {
        if (m_job)
            m_job->cancel();
    });
    connect(m_closeButton, &QPushButton::clicked, this, &QDialog::reject);
    updateWidgets();
}

ExportDialog::~ExportDialog()
{
    if (m_job)
        m_job->cancel();
}

void ExportDialog::browse()
{
    const bool json = RecordFormats::Format(m_format->currentData().toInt()) == RecordFormats::Format::Json;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export to"), m_collection + (json ? QStringLiteral(".json") : QStringLiteral(".csv")),
        json ? tr("JSON files (*.json)") : tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        m_path->setText(path);
}

void ExportDialog::start()
{
    if (!m_client || m_job || m_path->text().trimmed().isEmpty())
        return;
    KintoListOptions options;
    if (m_onlyFiltered->isChecked())
        options = m_filtered;
    QStringList columns;
    for (const QString &column : m_columns->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!column.trimmed().isEmpty())
            columns << column.trimmed();
    }
    m_job = new RecordExportJob(m_client, m_bucket, m_collection, options,
                                RecordFormats::Format(m_format->currentData().toInt()), m_path->text().trimmed(),
                                columns, this);
    m_progress->setRange(0, 0);
    m_status->setText(tr("Exporting…"));
    connect(m_job, &Job::progress, this, [this](qint64 done, qint64 total) {
        m_progress->setRange(0, int(total));
        m_progress->setValue(int(done));
        m_status->setText(tr("%1 of %2 records read…").arg(done).arg(total));
    });
    connect(m_job, &Job::finished, this, [this](Job *job) {
        m_job = nullptr;
        if (job->hasError()) {
            m_progress->setRange(0, 1);
            m_progress->setValue(0);
            m_status->setText(job->error().isCancelled() ? tr("Cancelled: no file was written.")
                                                         : tr("Export failed: %1").arg(job->error().toString()));
        } else {
            const QJsonObject result = job->result().toObject();
            const int count = result.value(QLatin1String("count")).toInt();
            m_progress->setRange(0, qMax(1, count));
            m_progress->setValue(qMax(1, count));
            m_status->setText(tr("%n record(s) written to %1.", nullptr, count).arg(result.value(QLatin1String("path")).toString()));
            Q_EMIT exported(result.value(QLatin1String("path")).toString(), count);
        }
        updateWidgets();
    });
    updateWidgets();
}

void ExportDialog::updateWidgets()
{
    const bool running = m_job;
    m_exportButton->setEnabled(!running && !m_path->text().trimmed().isEmpty());
    m_cancelButton->setEnabled(running);
    m_closeButton->setEnabled(!running);
    m_columns->setEnabled(!running && RecordFormats::Format(m_format->currentData().toInt()) == RecordFormats::Format::Csv);
    m_format->setEnabled(!running);
    m_path->setEnabled(!running);
}
