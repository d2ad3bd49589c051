#include "recordexportjob.h"

#include "kintoclient.h"
#include "kintolistjob.h"

#include <QSaveFile>
#include <QTimer>

RecordExportJob::RecordExportJob(KintoClient *client, const QString &bucket, const QString &collection,
                                 const KintoListOptions &options, RecordFormats::Format format,
                                 const QString &filePath, const QStringList &columns, QObject *parent)
    : Job(parent)
    , m_client(client)
    , m_bucket(bucket)
    , m_collection(collection)
    , m_options(options)
    , m_format(format)
    , m_path(filePath)
    , m_columns(columns)
{
    m_options.pages = KintoListOptions::AllPages;
    QTimer::singleShot(0, this, &RecordExportJob::start);
}

void RecordExportJob::start()
{
    if (isFinished())
        return;
    if (!m_client) {
        fail(ApiError(ApiError::Kind::Cancelled, tr("The Kinto client is gone.")));
        return;
    }
    if (m_path.isEmpty()) {
        fail(ApiError(ApiError::Kind::Invalid, tr("Choose the file to export to.")));
        return;
    }
    // The count only feeds the progress bar: a failure there does not stop the export.
    Job *count = m_client->countRecords(m_bucket, m_collection, m_options);
    addChild(count);
    connect(count, &Job::finished, this, [this, count] {
        if (!count->hasError()) {
            m_total = count->result().toInteger();
            setProgress(m_records.size(), m_total);
        }
    });
    KintoListJob *list = m_client->getPaginatedRecords(m_bucket, m_collection, m_options, KintoListJob::Mode::Stream);
    addChild(list);
    connect(list, &KintoListJob::page, this, [this](const QJsonArray &items) {
        for (const QJsonValue &item : items)
            m_records.append(item);
        setProgress(m_records.size(), qMax(m_total, qint64(m_records.size())));
    });
    connect(list, &Job::finished, this, [this, list] {
        if (isFinished())
            return;
        if (list->hasError())
            fail(list->error());
        else
            write();
    });
}

void RecordExportJob::write()
{
    const QByteArray bytes = m_format == RecordFormats::Format::Json
        ? RecordFormats::toJson(m_records)
        : RecordFormats::toCsv(m_records, m_columns.isEmpty() ? RecordFormats::columnsOf(m_records) : m_columns);
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        fail(ApiError(ApiError::Kind::Invalid, tr("Cannot write %1: %2").arg(m_path, file.errorString())));
        return;
    }
    setProgress(m_records.size(), m_records.size());
    succeed(QJsonObject { { QLatin1String("path"), m_path }, { QLatin1String("count"), m_records.size() } });
}
