#pragma once

#include "apierror.h"

#include <QByteArray>
#include <QCryptographicHash>

class HttpJob;
class HttpRequest;
class QHttpMultiPart;
class QJsonValue;
class QSaveFile;

// Request bodies and streamed download files for HttpClient (internal to the network core).
namespace HttpBody {

// A multipart/form-data body: in-memory parts and files streamed from disk; *total is its size.
// Null (and *error set, Kind::Invalid) when a file cannot be opened.
QHttpMultiPart *multipart(const HttpRequest &request, qint64 *total, ApiError *error);
// The bytes of a JSON, form or raw body (empty for none and multipart).
QByteArray encoded(const HttpRequest &request);

// Appends a 2xx body chunk to the download file of the current attempt, opening it on first use;
// false (and the reply's "tenantdesk.sinkError" property set) when the file cannot be written.
bool writeToSink(HttpJob *job, QSaveFile *&sink, QCryptographicHash &hash, qint64 &bytes, const QByteArray &chunk, QObject *reply);
// Completes a streamed download: renamed into place only when whole and, if asked, when its
// SHA-256 matches; *result is then {"path", "size", "sha256"}.
ApiError commitDownload(HttpJob *job, QSaveFile *sink, const QCryptographicHash &hash, qint64 size, QJsonValue *result);

} // namespace HttpBody
