#include "httpbody.h"

#include "httpclient.h"
#include "json.h"

#include <QFile>
#include <QFileInfo>
#include <QHttpMultiPart>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QSaveFile>

namespace HttpBody {

// A multipart/form-data body: in-memory parts and files streamed from disk. Null (and *error set)
// when a file cannot be opened.
QHttpMultiPart *multipart(const HttpRequest &request, qint64 *total, ApiError *error)
{
    auto *multi = new QHttpMultiPart(QHttpMultiPart::FormDataType);
    *total = 0;
    for (const MultipartPart &part : request.multipartBody()) {
        QHttpPart httpPart;
        QByteArray disposition = "form-data; name=\"" + part.name + '"';
        QString fileName = part.fileName;
        if (fileName.isEmpty() && !part.filePath.isEmpty())
            fileName = QFileInfo(part.filePath).fileName();
        if (!fileName.isEmpty())
            disposition += "; filename=\"" + fileName.toUtf8().replace('"', "%22") + '"';
        httpPart.setHeader(QNetworkRequest::ContentDispositionHeader, disposition);
        QByteArray type = part.contentType;
        if (type.isEmpty() && !part.filePath.isEmpty())
            type = "application/octet-stream";
        if (!type.isEmpty())
            httpPart.setHeader(QNetworkRequest::ContentTypeHeader, type);
        if (part.filePath.isEmpty()) {
            httpPart.setBody(part.data);
            *total += part.data.size();
        } else {
            auto *file = new QFile(part.filePath, multi);
            if (!file->open(QIODevice::ReadOnly)) {
                *error = ApiError(ApiError::Kind::Invalid, HttpClient::tr("Cannot read \"%1\": %2").arg(part.filePath, file->errorString()));
                delete multi;
                return nullptr;
            }
            httpPart.setBodyDevice(file); // streamed from disk in chunks
            *total += file->size();
        }
        multi->append(httpPart);
    }
    return multi;
}

// The bytes of a JSON, form or raw body.
QByteArray encoded(const HttpRequest &request)
{
    switch (request.bodyKind()) {
    case HttpRequest::BodyKind::Json:
        return Json::toBytes(request.jsonBody());
    case HttpRequest::BodyKind::Form: {
        QByteArrayList pairs;
        for (const auto &field : request.formBody())
            pairs << QUrl::toPercentEncoding(field.first) + '=' + QUrl::toPercentEncoding(field.second);
        return pairs.join('&');
    }
    case HttpRequest::BodyKind::Raw:
        return request.rawBody();
    case HttpRequest::BodyKind::None:
    case HttpRequest::BodyKind::Multipart:
        break;
    }
    return {};
}

// Appends a 2xx body chunk to the download file of the current attempt; false (and the reply's
// "tenantdesk.sinkError" set) when the file cannot be written.
bool writeToSink(HttpJob *job, QSaveFile *&sink, QCryptographicHash &hash, qint64 &bytes, const QByteArray &chunk, QObject *reply)
{
    if (!sink) {
        sink = new QSaveFile(job->request().downloadFile(), job);
        if (!sink->open(QIODevice::WriteOnly)) {
            reply->setProperty("tenantdesk.sinkError", sink->errorString());
            return false;
        }
    }
    hash.addData(chunk);
    bytes += chunk.size();
    if (sink->write(chunk) != chunk.size()) {
        reply->setProperty("tenantdesk.sinkError", sink->errorString());
        return false;
    }
    return true;
}

// Completes a streamed download: the file is renamed into place only when whole and, if asked, when
// its SHA-256 matches.
ApiError commitDownload(HttpJob *job, QSaveFile *sink, const QCryptographicHash &hash, qint64 size, QJsonValue *result)
{
    const HttpRequest &request = job->request();
    const QByteArray sha256 = hash.result().toHex();
    if (!request.expectedSha256().isEmpty() && sha256 != request.expectedSha256()) {
        if (sink)
            sink->cancelWriting();
        return ApiError(ApiError::Kind::Parse,
            HttpClient::tr("The download's integrity check failed: SHA-256 %1, expected %2; the file was not kept.")
                .arg(QString::fromLatin1(sha256), QString::fromLatin1(request.expectedSha256())));
    }
    if (!sink) { // an empty body: no data ever arrived
        QSaveFile empty(request.downloadFile());
        if (!empty.open(QIODevice::WriteOnly) || !empty.commit())
            return ApiError(ApiError::Kind::Invalid, HttpClient::tr("Cannot write \"%1\": %2").arg(request.downloadFile(), empty.errorString()));
    } else if (!sink->commit()) {
        return ApiError(ApiError::Kind::Invalid, HttpClient::tr("Cannot write \"%1\": %2").arg(request.downloadFile(), sink->errorString()));
    }
    *result = QJsonObject { { QStringLiteral("path"), request.downloadFile() }, { QStringLiteral("size"), double(size) },
        { QStringLiteral("sha256"), QString::fromLatin1(sha256) } };
    return {};
}

} // namespace HttpBody
