// KintoClient's calls to Kinto's plugins: attachments (kinto-attachment) and the review workflow
// of kinto-signer / Remote Settings (changesets, review requests). kintoclient.cpp has the rest.

#include "kintoclient.h"

#include "net/httpjob.h"
#include "net/json.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QRandomGenerator>
#include <QTimer>
#include <QUrl>

#include <algorithm>

// --- Attachments

Job *KintoClient::addAttachment(const QString &bucket, const QString &collection, const QString &id,
                                const QString &filePath, const KintoAttachmentOptions &options)
{
    ApiError error = checkReady();
    const QString path = error ? QString() : endpoint(KintoEndpoint::Attachment, bucket, collection, id, &error);
    if (error)
        return failed(error);
    const QFileInfo info(filePath);
    if (!info.isFile() || !info.isReadable())
        return failed(ApiError(ApiError::Kind::Invalid, tr("Cannot read the file \"%1\".").arg(filePath)));

    MultipartPart file;
    file.name = "attachment";
    file.filePath = filePath;
    file.fileName = options.fileName.isEmpty() ? info.fileName() : options.fileName;
    file.contentType = options.mimeType;
    if (file.contentType.isEmpty())
        file.contentType = QMimeDatabase().mimeTypeForFile(info, QMimeDatabase::MatchExtension).name().toUtf8();
    QList<MultipartPart> parts { file };
    if (options.data)
        parts.append({ "data", Json::toBytes(*options.data), {}, {}, {} });
    if (options.permissions)
        parts.append({ "permissions", Json::toBytes(*options.permissions), {}, {}, {} });

    HttpRequest request("POST", path);
    request.setMultipartBody(parts);
    request.setRepeatable(true); // a second upload of the same file replaces the first
    auto *job = new Job(this);
    HttpJob *http = send(request);
    job->addChild(http);
    connect(http, &Job::progress, job, &Job::setProgress);
    connect(http, &Job::finished, job, [job, http] {
        if (http->hasError())
            job->fail(http->error());
        else
            job->succeed(http->result());
    });
    return job;
}

Job *KintoClient::removeAttachment(const QString &bucket, const QString &collection, const QString &id)
{
    ApiError error = checkReady();
    const QString path = error ? QString() : endpoint(KintoEndpoint::Attachment, bucket, collection, id, &error);
    if (error)
        return failed(error);
    auto *job = new Job(this);
    relayNamed(job, HttpRequest("DELETE", path), { KintoEndpoint::Attachment, bucket, collection, id }, Operation::Write);
    return job;
}

static QByteArray sha256OfFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result().toHex();
}

Job *KintoClient::downloadAttachment(const QJsonObject &record, const QString &destination, bool overwrite)
{
    if (const ApiError error = checkReady())
        return failed(error);
    const QJsonValue dataValue = record.value(QLatin1String("data"));
    const QJsonObject data = dataValue.isObject() ? dataValue.toObject() : record;
    const QJsonObject attachment = data.value(QLatin1String("attachment")).toObject();
    const QString location = attachment.value(QLatin1String("location")).toString();
    if (location.isEmpty())
        return failed(ApiError(ApiError::Kind::Invalid, tr("The record has no attachment.")));
    if (destination.isEmpty())
        return failed(ApiError(ApiError::Kind::Invalid, tr("No destination given for the attachment.")));

    QString path = destination;
    if (QFileInfo(destination).isDir() || destination.endsWith(QLatin1Char('/'))) {
        QString name = QFileInfo(attachment.value(QLatin1String("filename")).toString()).fileName();
        if (name.isEmpty())
            name = QFileInfo(QUrl(location).path()).fileName();
        path = QDir(destination).filePath(name);
    }
    const QString hash = attachment.value(QLatin1String("hash")).toString().toLower();
    auto *job = new Job(this);

    if (!overwrite && !hash.isEmpty() && QFileInfo::exists(path) && QString::fromLatin1(sha256OfFile(path)) == hash) {
        qCInfo(lcKinto) << "attachment" << path << "is already up to date";
        job->succeedLater(QJsonObject { { QLatin1String("path"), path },
                                        { QLatin1String("size"), double(QFileInfo(path).size()) },
                                        { QLatin1String("hash"), hash },
                                        { QLatin1String("downloaded"), false } });
        return job;
    }

    const auto fetch = [this, job, path, hash](const QUrl &url) {
        if (hash.isEmpty())
            qCWarning(lcKinto) << "attachment" << path << "has no hash to check against";
        QDir().mkpath(QFileInfo(path).absolutePath());
        // Streamed to disk by the HTTP client, kept only when whole and matching the record's hash.
        HttpRequest request("GET", url.toString(QUrl::FullyEncoded));
        request.setDownloadFile(path, hash.toLatin1());
        chain(job, request, [job, path](HttpJob *http) {
            if (http->hasError()) {
                job->fail(http->error());
                return;
            }
            if (http->response().dryRun) {
                job->succeed(QJsonObject { { QLatin1String("path"), path }, { QLatin1String("downloaded"), false },
                                           { QLatin1String("dryRun"), true } });
                return;
            }
            const QJsonObject written = http->result().toObject();
            job->succeed(QJsonObject { { QLatin1String("path"), path },
                                       { QLatin1String("size"), written.value(QLatin1String("size")) },
                                       { QLatin1String("hash"), written.value(QLatin1String("sha256")) },
                                       { QLatin1String("downloaded"), true } });
        });
    };

    const QUrl absolute(location);
    if (absolute.scheme() == QLatin1String("http") || absolute.scheme() == QLatin1String("https")) {
        // Possibly another origin (a CDN): the HTTP client sends no credentials there.
        QTimer::singleShot(0, job, [fetch, absolute] { fetch(absolute); });
        return job;
    }
    // A relative location is joined to the attachments base_url (kinto-http's download_attachment).
    Job *info = serverInfo();
    job->addChild(info);
    connect(info, &Job::finished, job, [this, job, info, location, fetch] {
        if (info->hasError()) {
            job->fail(info->error());
            return;
        }
        QString base = info->result().toObject().value(QLatin1String("capabilities")).toObject()
                           .value(QLatin1String("attachments")).toObject()
                           .value(QLatin1String("base_url")).toString();
        if (base.isEmpty()) {
            QUrl origin = m_settings.serverUrl;
            origin.setPath(QStringLiteral("/"));
            base = origin.toString();
        }
        while (base.endsWith(QLatin1Char('/')))
            base.chop(1);
        QString rest = location;
        while (rest.startsWith(QLatin1Char('/')))
            rest.remove(0, 1);
        fetch(QUrl(base + QLatin1Char('/') + rest));
    });
    return job;
}

// --- Review workflow (kinto-signer)

Job *KintoClient::getChangeset(const QString &bucket, const QString &collection, bool bustCache, const QueryList &query)
{
    QueryList params = query;
    const bool hasExpected = std::any_of(params.cbegin(), params.cend(),
        [](const auto &item) { return item.first == QLatin1String("_expected"); });
    if (!hasExpected) {
        // As kinto-http: a random value in [999999000000, 999999999999] busts caches, 0 does not.
        const qint64 expected = bustCache ? 999999000000LL + qint64(QRandomGenerator::global()->bounded(1000000)) : 0;
        params.prepend({ QStringLiteral("_expected"), QString::number(expected) });
    }
    return get(KintoRef { KintoEndpoint::Changeset, bucket, collection, {} }, params);
}

static KintoPatch signoffPatch(const QString &status, const char *commentField, const QString &message)
{
    QJsonObject data { { QStringLiteral("status"), status } };
    if (commentField)
        data.insert(QLatin1String(commentField), message);
    return KintoPatch::basic(data);
}

Job *KintoClient::requestReview(const QString &message, const QString &collection, const QString &bucket)
{
    return patchCollection(bucket, collection, signoffPatch(QStringLiteral("to-review"), "last_editor_comment", message));
}

Job *KintoClient::declineChanges(const QString &message, const QString &collection, const QString &bucket)
{
    return patchCollection(bucket, collection, signoffPatch(QStringLiteral("work-in-progress"), "last_reviewer_comment", message));
}

Job *KintoClient::approveChanges(const QString &collection, const QString &bucket)
{
    return patchCollection(bucket, collection, signoffPatch(QStringLiteral("to-sign"), nullptr, {}));
}

Job *KintoClient::rollbackChanges(const QString &message, const QString &collection, const QString &bucket)
{
    return patchCollection(bucket, collection, signoffPatch(QStringLiteral("to-rollback"), "last_editor_comment", message));
}
