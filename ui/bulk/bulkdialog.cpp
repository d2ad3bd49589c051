#include "bulkdialog.h"

#include "bulkjob.h"
#include "kintoclient.h"
#include "net/json.h"
#include "tones.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

enum Column { IdColumn, RequestColumn, StatusColumn, MessageColumn };

QString describeRequest(int index, const QJsonObject &request)
{
    QString text = QStringLiteral("%1. %2 %3").arg(index + 1)
                       .arg(request.value(QLatin1String("method")).toString(),
                            request.value(QLatin1String("path")).toString());
    const QJsonObject headers = request.value(QLatin1String("headers")).toObject();
    for (auto it = headers.constBegin(); it != headers.constEnd(); ++it)
        text += QStringLiteral("\n   %1: %2").arg(it.key(), it.value().toString());
    if (request.contains(QLatin1String("body")))
        text += QStringLiteral("\n   ") + QString::fromUtf8(Json::toBytes(request.value(QLatin1String("body"))));
    return text;
}

QString stateText(const BulkJob::Item &item)
{
    switch (item.state) {
    case BulkJob::State::Pending: return BulkDialog::tr("pending");
    case BulkJob::State::Ok: return BulkDialog::tr("ok");
    case BulkJob::State::Failed: return BulkDialog::tr("failed");
    case BulkJob::State::Unknown: return BulkDialog::tr("unknown");
    case BulkJob::State::NotSent: return BulkDialog::tr("not sent");
    }
    return {};
}

} // namespace

BulkDialog::BulkDialog(KintoClient *client, const QString &bucket, const QString &collection,
                       const QList<QJsonObject> &records, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_bucket(bucket)
    , m_collection(collection)
    , m_records(records)
{
    setWindowTitle(tr("Bulk edit %n record(s)", nullptr, int(records.size())));
    resize(760, 560);

    m_operation = new QComboBox(this);
    m_operation->setObjectName(QStringLiteral("operationCombo"));
    m_operation->addItem(tr("Delete selected"), int(Operation::Delete));
    m_operation->addItem(tr("Set field"), int(Operation::SetField));
    m_field = new QLineEdit(this);
    m_field->setObjectName(QStringLiteral("fieldEdit"));
    m_field->setPlaceholderText(tr("field, or a dotted path such as address.city"));
    m_value = new QLineEdit(this);
    m_value->setObjectName(QStringLiteral("valueEdit"));
    m_value->setPlaceholderText(tr("JSON (42, true, null, {\"a\":1}, \"text\") or plain text"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Operation:"), m_operation);
    form->addRow(tr("&Field:"), m_field);
    form->addRow(tr("&Value:"), m_value);

    m_previewButton = new QPushButton(tr("&Preview requests"), this);
    m_previewButton->setObjectName(QStringLiteral("previewButton"));
    m_previewText = new QPlainTextEdit(this);
    m_previewText->setObjectName(QStringLiteral("previewText"));
    m_previewText->setReadOnly(true);
    m_previewText->setPlaceholderText(tr("Preview lists the exact requests before anything is sent."));

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("progressBar"));
    m_progress->setValue(0);
    m_results = new QTreeWidget(this);
    m_results->setObjectName(QStringLiteral("resultList"));
    m_results->setRootIsDecorated(false);
    m_results->setHeaderLabels({ tr("Record"), tr("Request"), tr("Result"), tr("Message") });
    m_results->header()->setStretchLastSection(true);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(this);
    m_sendButton = buttons->addButton(tr("&Send"), QDialogButtonBox::ActionRole);
    m_sendButton->setObjectName(QStringLiteral("sendButton"));
    m_cancelButton = buttons->addButton(tr("Cancel &run"), QDialogButtonBox::ActionRole);
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_closeButton = buttons->addButton(QDialogButtonBox::Close);
    m_closeButton->setObjectName(QStringLiteral("closeButton"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_previewButton, 0, Qt::AlignLeft);
    layout->addWidget(m_previewText, 2);
    layout->addWidget(m_progress);
    layout->addWidget(m_results, 3);
    layout->addWidget(m_summary);
    layout->addWidget(buttons);

    connect(m_operation, &QComboBox::currentIndexChanged, this, &BulkDialog::invalidatePreview);
    connect(m_field, &QLineEdit::textChanged, this, &BulkDialog::invalidatePreview);
    connect(m_value, &QLineEdit::textChanged, this, &BulkDialog::invalidatePreview);
    connect(m_previewButton, &QPushButton::clicked, this, &BulkDialog::preview);
    connect(m_sendButton, &QPushButton::clicked, this, &BulkDialog::send);
    connect(m_cancelButton, &QPushButton::clicked, this, &BulkDialog::cancel);
    connect(m_closeButton, &QPushButton::clicked, this, &QDialog::reject);
    updateWidgets();
}

BulkDialog::~BulkDialog()
{
    if (m_job)
        m_job->cancel();
}

QJsonValue BulkDialog::parseValue(const QString &text)
{
    QJsonValue value;
    if (Json::parse(text.toUtf8(), &value))
        return value;
    return text;
}

QJsonObject BulkDialog::withField(QJsonObject data, const QStringList &path, const QJsonValue &value)
{
    if (path.isEmpty())
        return data;
    if (path.size() == 1) {
        data.insert(path.first(), value);
        return data;
    }
    data.insert(path.first(), withField(data.value(path.first()).toObject(), path.mid(1), value));
    return data;
}

QJsonArray BulkDialog::buildRequests(KintoClient *client, const QString &bucket, const QString &collection,
                                     const QList<QJsonObject> &records, Operation operation,
                                     const QString &fieldPath, const QJsonValue &value, QString *error)
{
    QStringList path;
    if (operation == Operation::SetField) {
        path = fieldPath.trimmed().split(QLatin1Char('.'));
        const bool emptyPart = std::any_of(path.cbegin(), path.cend(), [](const QString &p) { return p.isEmpty(); });
        if (fieldPath.trimmed().isEmpty() || emptyPart) {
            *error = tr("Name the field to set (a dotted path such as address.city).");
            return {};
        }
        if (path.first() == QLatin1String("id") || path.first() == QLatin1String("last_modified")) {
            *error = tr("\"%1\" is managed by the server and cannot be set.").arg(path.first());
            return {};
        }
    }
    KintoBatch batch = client->batch();
    for (const QJsonObject &record : records) {
        const QString id = record.value(QLatin1String("id")).toString();
        const KintoRef ref = KintoRef::ofRecord(bucket, collection, id);
        if (operation == Operation::Delete) {
            batch.remove(ref);
            continue;
        }
        // The top-level key is replaced as a whole (a basic PATCH); for a dotted path it is the
        // record's own sub-object with the one field changed. If-Match guarantees that the sub-object
        // is the one on the server.
        const QJsonObject changed = withField(record, path, value);
        KintoWrite write;
        write.ifMatch = record.value(QLatin1String("last_modified")).toVariant().toLongLong();
        const QJsonObject data { { path.first(), changed.value(path.first()) } };
        batch.patch(ref, KintoPatch::basic(data), write);
    }
    if (batch.error()) {
        *error = batch.error().message();
        return {};
    }
    return batch.requests();
}

void BulkDialog::invalidatePreview()
{
    if (m_job)
        return;
    m_requests = {};
    m_previewText->clear();
    updateWidgets();
}

void BulkDialog::preview()
{
    if (!m_client)
        return;
    const auto operation = Operation(m_operation->currentData().toInt());
    QString error;
    m_requests = buildRequests(m_client, m_bucket, m_collection, m_records, operation, m_field->text(),
                               parseValue(m_value->text()), &error);
    if (!error.isEmpty()) {
        m_previewText->setPlainText(error);
        updateWidgets();
        return;
    }
    QStringList lines;
    lines << tr("%n request(s), sent as POST /batch (one transaction per chunk of the server's "
                "batch_max_requests):", nullptr, int(m_requests.size()));
    for (int i = 0; i < m_requests.size(); ++i)
        lines << describeRequest(i, m_requests.at(i).toObject());
    m_previewText->setPlainText(lines.join(QLatin1Char('\n')));
    updateWidgets();
}

void BulkDialog::send()
{
    if (!m_client || m_requests.isEmpty() || m_job)
        return;
    m_results->clear();
    for (int i = 0; i < m_requests.size(); ++i) {
        const QJsonObject request = m_requests.at(i).toObject();
        auto *row = new QTreeWidgetItem(m_results);
        row->setText(IdColumn, m_records.value(i).value(QLatin1String("id")).toString());
        row->setText(RequestColumn, request.value(QLatin1String("method")).toString() + QLatin1Char(' ')
                                        + request.value(QLatin1String("path")).toString());
        row->setText(StatusColumn, tr("pending"));
    }
    m_progress->setRange(0, int(m_requests.size()));
    m_progress->setValue(0);
    m_summary->setText(tr("Sending…"));
    m_job = new BulkJob(m_client, m_requests, 0, this);
    m_job->setAutoDelete(false);
    connect(m_job, &BulkJob::chunkDone, this, &BulkDialog::showResults);
    connect(m_job, &Job::progress, this, [this](qint64 done, qint64) { m_progress->setValue(int(done)); });
    connect(m_job, &Job::finished, this, &BulkDialog::onFinished);
    updateWidgets();
}

void BulkDialog::cancel()
{
    if (m_job)
        m_job->cancel();
}

void BulkDialog::showResults(int first, int count)
{
    if (!m_job)
        return;
    for (int i = first; i < first + count && i < m_results->topLevelItemCount(); ++i) {
        const BulkJob::Item &item = m_job->item(i);
        QTreeWidgetItem *row = m_results->topLevelItem(i);
        row->setText(StatusColumn, item.status > 0 ? QStringLiteral("%1 %2").arg(stateText(item)).arg(item.status)
                                                   : stateText(item));
        row->setText(MessageColumn, item.message);
        row->setForeground(StatusColumn, item.state == BulkJob::State::Ok ? palette().text()
                                                                          : QBrush(Tones::color(Tones::Tone::Error, palette())));
    }
}

void BulkDialog::onFinished()
{
    BulkJob *job = m_job;
    m_job = nullptr;
    const int failed = job->count() - job->okCount();
    QString text = tr("%1 of %2 succeeded, %3 did not.").arg(job->okCount()).arg(job->count()).arg(failed);
    if (job->hasError())
        text += QLatin1Char(' ') + job->error().toString();
    m_summary->setText(text);
    if (!job->error().isCancelled())
        m_progress->setValue(m_progress->maximum());
    job->deleteLater();
    // The records changed on the server: the preview no longer describes what a new run would do.
    m_requests = {};
    updateWidgets();
    Q_EMIT applied();
}

void BulkDialog::updateWidgets()
{
    const bool running = m_job;
    const bool setField = Operation(m_operation->currentData().toInt()) == Operation::SetField;
    m_field->setEnabled(setField && !running);
    m_value->setEnabled(setField && !running);
    m_operation->setEnabled(!running);
    m_previewButton->setEnabled(!running && !m_records.isEmpty());
    m_sendButton->setEnabled(!running && !m_requests.isEmpty());
    m_sendButton->setText(m_requests.isEmpty() ? tr("&Send")
                                               : tr("&Send %n request(s)", nullptr, int(m_requests.size())));
    m_cancelButton->setEnabled(running);
    m_closeButton->setEnabled(!running);
}
