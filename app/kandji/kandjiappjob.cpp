#include "kandjiappjob.h"

#include "kandjiclient.h"
#include "kandjirules.h"
#include "net/httpjob.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QTimer>

KandjiAppJob::KandjiAppJob(KandjiClient *client, const QString &id, const QJsonObject &fields, const QString &installer,
                           QObject *parent)
    : Job(parent)
    , m_client(client)
    , m_id(id)
    , m_fields(fields)
    , m_installer(installer)
{
}

void KandjiAppJob::start()
{
    QMetaObject::invokeMethod(this, &KandjiAppJob::run, Qt::QueuedConnection);
}

int KandjiAppJob::processingDelayMs(int attempt)
{
    return attempt >= 5 ? MaxProcessingDelayMs : qMin(1000 << attempt, MaxProcessingDelayMs);
}

QByteArray KandjiAppJob::fileSha256(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = file.errorString();
        return {};
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QByteArray chunk;
    while (!(chunk = file.read(1 << 20)).isEmpty())
        hash.addData(chunk);
    if (file.error() != QFile::NoError) {
        if (error)
            *error = file.errorString();
        return {};
    }
    return hash.result().toHex();
}

bool KandjiAppJob::forward(Job *child)
{
    if (isFinished())
        return true;
    if (child->hasError()) {
        fail(child->error());
        return true;
    }
    return false;
}

void KandjiAppJob::run()
{
    if (isFinished())
        return;
    if (!m_client) {
        fail(ApiError(ApiError::Kind::Cancelled, tr("The Kandji client went away.")));
        return;
    }
    const bool creating = m_id.isEmpty();
    if (!creating && !KandjiClient::isValidId(m_id, &m_id)) {
        fail(ApiError(ApiError::Kind::Invalid, tr("\"%1\" is not a custom app id (a UUID).").arg(m_id)));
        return;
    }
    if (const QString e = KandjiRules::checkApp(m_fields, creating); !e.isEmpty()) {
        fail(ApiError(ApiError::Kind::Invalid, e));
        return;
    }
    if (m_fields.contains(QLatin1String("file_key"))) {
        fail(ApiError(ApiError::Kind::Invalid, tr("file_key is set by the upload; give the installer file instead.")));
        return;
    }
    if (creating && m_installer.isEmpty()) {
        fail(ApiError(ApiError::Kind::Invalid, tr("A custom app needs its installer file.")));
        return;
    }
    m_form = m_fields;
    if (m_installer.isEmpty()) {
        save({});
        return;
    }
    if (!QFileInfo(m_installer).isFile()) {
        fail(ApiError(ApiError::Kind::Invalid, tr("The installer \"%1\" does not exist.").arg(m_installer)));
        return;
    }
    QString why;
    m_localSha = fileSha256(m_installer, &why);
    if (m_localSha.isEmpty()) {
        fail(ApiError(ApiError::Kind::Invalid, tr("Cannot read \"%1\": %2").arg(m_installer, why)));
        return;
    }
    if (creating)
        requestSlot();
    else
        checkRemote();
}

void KandjiAppJob::checkRemote()
{
    Job *get = m_client->get(KandjiClient::Library::Apps, m_id);
    addChild(get);
    connect(get, &Job::finished, this, [this, get] {
        if (forward(get))
            return;
        const QString remote = get->result().toObject().value(QLatin1String("sha256")).toString().toLower();
        if (remote == QLatin1String(m_localSha))
            save({}); // same bytes: metadata only
        else
            requestSlot();
    });
}

void KandjiAppJob::requestSlot()
{
    const QString fileName = QFileInfo(m_installer).fileName();
    Job *slot = m_client->send(HttpRequest("POST", QStringLiteral("/api/v1/library/custom-apps/upload"))
                                   .setJsonBody(QJsonObject { { QStringLiteral("name"), fileName } }));
    addChild(slot);
    connect(slot, &Job::finished, this, [this, slot] {
        if (forward(slot))
            return;
        uploadTo(slot->result().toObject());
    });
}

void KandjiAppJob::uploadTo(const QJsonObject &slot)
{
    const QString postUrl = slot.value(QLatin1String("post_url")).toString();
    const QString fileKey = slot.value(QLatin1String("file_key")).toString();
    const QJsonValue postData = slot.value(QLatin1String("post_data"));
    const QUrl url(postUrl, QUrl::StrictMode);
    if (postUrl.isEmpty() || url.isRelative() || fileKey.isEmpty() || !postData.isObject()) {
        fail(ApiError(ApiError::Kind::Parse, tr("Kandji's upload answer lacks post_url, post_data or file_key.")));
        return;
    }
    QList<MultipartPart> parts;
    const QJsonObject fields = postData.toObject();
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it)
        parts.append(MultipartPart { it.key().toUtf8(), it.value().toString().toUtf8(), {}, {}, {} });
    parts.append(MultipartPart { "file", {}, m_installer, QFileInfo(m_installer).fileName(), "application/octet-stream" });

    // The storage service, not Kandji: anonymous, not counted against the hourly budget, no retry
    // of a half-sent body (the flow starts over instead), ended by inactivity rather than by a
    // total deadline (KandjiClient::storageClient()).
    HttpJob *upload = m_client->storageClient()->send(HttpRequest("POST", postUrl)
                                                          .setAnonymous(true)
                                                          .setMultipartBody(parts)
                                                          .setMaxRetries(0));
    addChild(upload);
    connect(upload, &Job::progress, this, &Job::setProgress);
    connect(upload, &Job::finished, this, [this, upload, fileKey] {
        if (forward(upload))
            return;
        if (upload->response().status != 204) {
            fail(ApiError(ApiError::Kind::Http, tr("The installer upload answered %1, not 204: the transfer failed.")
                                                    .arg(upload->response().status),
                          upload->response().status));
            return;
        }
        m_uploaded = true;
        save(fileKey);
    });
}

void KandjiAppJob::save(const QString &fileKey)
{
    if (!fileKey.isEmpty())
        m_form.insert(QStringLiteral("file_key"), fileKey);
    m_attempt = 0;
    m_waitedMs = 0;
    saveAttempt();
}

void KandjiAppJob::saveAttempt()
{
    if (isFinished() || !m_client)
        return;
    const bool creating = m_id.isEmpty();
    const QString path = creating ? KandjiClient::libraryPath(KandjiClient::Library::Apps)
                                  : KandjiClient::libraryPath(KandjiClient::Library::Apps) + QLatin1Char('/') + m_id;
    // 503 is handled here (the processing schedule), not by the HTTP client's retry policy.
    Job *write = m_client->send(HttpRequest(creating ? "POST" : "PATCH", path)
                                    .setFormBody(KandjiForm::fromJson(m_form))
                                    .setMaxRetries(0));
    addChild(write);
    connect(write, &Job::finished, this, [this, write] {
        if (isFinished())
            return;
        if (write->error().httpStatus() == 503) {
            const int delay = processingDelayMs(m_attempt);
            if (m_waitedMs + delay > ProcessingBudgetMs) {
                ApiError e = write->error();
                e.setMessage(tr("Kandji was still processing the upload after %1 s: %2").arg(m_waitedMs / 1000).arg(e.message()));
                fail(e);
                return;
            }
            Q_EMIT waiting(m_attempt, delay);
            m_waitedMs += delay;
            ++m_attempt;
            if (!m_waitTimer) {
                m_waitTimer = new QTimer(this);
                m_waitTimer->setSingleShot(true);
                connect(m_waitTimer, &QTimer::timeout, this, &KandjiAppJob::saveAttempt);
            }
            m_waitTimer->start(int(delay * m_client->waitScale()));
            return;
        }
        if (forward(write))
            return;
        QJsonObject app = write->result().toObject();
        app.insert(QStringLiteral("uploaded"), m_uploaded);
        succeed(app);
    });
}
