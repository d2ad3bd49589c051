#pragma once

#include "kintotypes.h"
#include "net/job.h"
#include "json/recordformats.h"

#include <QJsonArray>
#include <QPointer>

class KintoClient;
class KintoListJob;

// Writes the records of a collection to a CSV or JSON file (RecordFormats).
//
// Lists every page of the records matching options (its filters and sort; no filters = all
// records), counting them first with a HEAD so progress(done, total) can show how far it is (total
// 0 when the count is unknown). The file is written only once everything arrived, through
// QSaveFile: a cancelled or failed export leaves no file and an existing file untouched. CSV columns
// are `columns`, or when empty every top-level key (RecordFormats::columnsOf). Result:
// {path, count}.
class RecordExportJob : public Job
{
    Q_OBJECT
public:
    RecordExportJob(KintoClient *client, const QString &bucket, const QString &collection,
                    const KintoListOptions &options, RecordFormats::Format format, const QString &filePath,
                    const QStringList &columns = {}, QObject *parent = nullptr);

private:
    void start();
    void write();

    QPointer<KintoClient> m_client;
    QString m_bucket;
    QString m_collection;
    KintoListOptions m_options;
    RecordFormats::Format m_format;
    QString m_path;
    QStringList m_columns;
    QJsonArray m_records;
    qint64 m_total = 0;
};
