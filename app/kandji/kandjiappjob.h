#pragma once

#include "net/job.h"

#include <QJsonObject>
#include <QPointer>

class KandjiClient;
class QTimer;

// Creates or updates a custom app with Kandji's presigned upload flow (iructl's CustomAppsResource
// and S3Client):
// 1. (update with an installer) GET the app; when the installer's SHA-256 equals the server's
//    `sha256` the upload is skipped and only the fields are sent (a metadata-only PATCH);
// 2. POST /library/custom-apps/upload {name: <file name>} -> {post_url, post_data, file_key};
// 3. POST post_url as multipart: every post_data field, then the file as part "file", streamed
//    from disk with an exact Content-Length, without the tenant's Authorization header; 204 = done;
// 4. POST /library/custom-apps (or PATCH /{id}) as a form with `file_key`; a 503 (the upload is
//    still being processed) is retried after min(2^n, 30) s, n = 0, 1, ..., within 300 s in all.
//
// Fields are checked first (KandjiRules::checkApp); an installer is required on create.
// progress(done, total) reports the upload's bytes. waiting(attempt, delayMs) is emitted before each
// wait for a 503 (the nominal delay; the client's waitScale() shortens the real one in tests).
// result(): the app's JSON as the server answered, plus "uploaded": whether bytes were sent.
class KandjiAppJob : public Job
{
    Q_OBJECT
public:
    static constexpr int ProcessingBudgetMs = 300'000;
    static constexpr int MaxProcessingDelayMs = 30'000;

    // An empty `id` creates. Created by KandjiClient, which calls start().
    KandjiAppJob(KandjiClient *client, const QString &id, const QJsonObject &fields, const QString &installer,
                 QObject *parent = nullptr);
    void start();

    // The delay before the n-th retry (n from 0): min(2^n, 30) s.
    static int processingDelayMs(int attempt);
    // SHA-256 (hex, lower case) of a file read in 1 MiB chunks; empty when it cannot be read.
    static QByteArray fileSha256(const QString &path, QString *error = nullptr);

Q_SIGNALS:
    void waiting(int attempt, int delayMs);

private:
    void run();
    void checkRemote();
    void requestSlot();
    void uploadTo(const QJsonObject &slot);
    void save(const QString &fileKey);
    void saveAttempt();
    bool forward(Job *child); // fails this job with the child's error; true when it did

    QPointer<KandjiClient> m_client;
    QString m_id;
    QJsonObject m_fields;
    QString m_installer;
    QByteArray m_localSha;
    QJsonObject m_form;
    QTimer *m_waitTimer = nullptr;
    int m_attempt = 0;
    qint64 m_waitedMs = 0;
    bool m_uploaded = false;
};
