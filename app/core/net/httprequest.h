#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

using HeaderList = QList<QPair<QByteArray, QByteArray>>;
using QueryList = QList<QPair<QString, QString>>;

// One part of a multipart/form-data body: either in-memory data or a file streamed from disk.
struct MultipartPart
{
    QByteArray name;
    QByteArray data;        // used when filePath is empty
    QString filePath;       // streamed from disk, never read whole into memory
    QString fileName;       // the part's filename (defaults to the file's name for file parts)
    QByteArray contentType; // defaults to application/octet-stream for files
};

// Describes one HTTP request. A value type: the client builds a fresh QNetworkRequest (and body device)
// from it for every attempt, so retries and redirects replay it exactly.
class HttpRequest
{
public:
    enum class BodyKind { None, Json, Form, Multipart, Raw };

    HttpRequest() = default;
    HttpRequest(QByteArray method, QString path);

    QByteArray method() const { return m_method; }
    // A path relative to the client's base URL ("/buckets/b1"), already percent-encoded where needed,
    // or an absolute http(s) URL (e.g. a Next-Page link).
    QString path() const { return m_path; }

    HttpRequest &addQuery(const QString &key, const QString &value); // keys may repeat
    QueryList query() const { return m_query; }

    HttpRequest &setHeader(const QByteArray &name, const QByteArray &value);
    HeaderList headers() const { return m_headers; }
    QByteArray header(const QByteArray &name) const;

    HttpRequest &setJsonBody(const QJsonValue &body, const QByteArray &contentType = "application/json");
    HttpRequest &setFormBody(const QueryList &fields);
    HttpRequest &setMultipartBody(const QList<MultipartPart> &parts);
    HttpRequest &setRawBody(const QByteArray &body, const QByteArray &contentType);

    BodyKind bodyKind() const { return m_bodyKind; }
    QJsonValue jsonBody() const { return m_json; }
    QueryList formBody() const { return m_form; }
    QList<MultipartPart> multipartBody() const { return m_parts; }
    QByteArray rawBody() const { return m_raw; }
    QByteArray contentType() const { return m_contentType; }

    // The caller vouches that sending this (non-idempotent) request twice is harmless.
    HttpRequest &setRepeatable(bool repeatable);
    // GET, HEAD, PUT, DELETE, OPTIONS, or marked repeatable.
    bool isRetryable() const;

    // Skip authentication for this request (e.g. a token request, a public endpoint).
    HttpRequest &setAnonymous(bool anonymous);
    bool isAnonymous() const { return m_anonymous; }

    // Streams a successful (2xx) response body into `path` instead of memory (written to a temporary
    // file, renamed into place only when complete). With `expectedSha256` (hex) the file is kept only
    // if its SHA-256 matches; otherwise the job fails with Kind::Parse and no file is left. The
    // job's result is then {"path", "size", "sha256"}. Error bodies still arrive in memory.
    HttpRequest &setDownloadFile(const QString &path, const QByteArray &expectedSha256 = {});
    QString downloadFile() const { return m_downloadFile; }
    QByteArray expectedSha256() const { return m_expectedSha256; }

    // Redirects are followed by default (see HttpClient). A request that must never be re-sent
    // elsewhere (an OAuth2 token request) turns this off: a 3xx answer then fails the job.
    HttpRequest &setFollowRedirects(bool follow);
    bool followsRedirects() const { return m_followRedirects; }

    // A successful response's body is decoded into HttpResponse::json by default. A caller that
    // decodes it itself, in parts (a long list: Json::forEachBatch), turns this off.
    HttpRequest &setDecodeJson(bool decode);
    bool decodesJson() const { return m_decodeJson; }

    // Overrides the client's retry budget for this request (-1 = the client's RetryPolicy).
    HttpRequest &setMaxRetries(int retries);
    int maxRetries() const { return m_maxRetries; }

    // Overrides the client's transfer timeout (ms) for this request; 0 = the client's default.
    HttpRequest &setTransferTimeout(int ms);
    int transferTimeout() const { return m_transferTimeout; }

    // Bytes of the body as far as known up front (file parts counted by size), for the request log.
    qint64 estimatedBodySize() const;

private:
    QByteArray m_method = "GET";
    QString m_path;
    QueryList m_query;
    HeaderList m_headers;
    BodyKind m_bodyKind = BodyKind::None;
    QJsonValue m_json;
    QueryList m_form;
    QList<MultipartPart> m_parts;
    QByteArray m_raw;
    QByteArray m_contentType;
    int m_transferTimeout = 0;
    int m_maxRetries = -1;
    QString m_downloadFile;
    QByteArray m_expectedSha256;
    bool m_repeatable = false;
    bool m_anonymous = false;
    bool m_followRedirects = true;
    bool m_decodeJson = true;
};
