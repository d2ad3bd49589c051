#include "httprequest.h"
#include "httpresponse.h"

#include <QFileInfo>
#include "json.h"

HttpRequest::HttpRequest(QByteArray method, QString path)
    : m_method(std::move(method))
    , m_path(std::move(path))
{
}

HttpRequest &HttpRequest::addQuery(const QString &key, const QString &value)
{
    m_query.append({ key, value });
    return *this;
}

HttpRequest &HttpRequest::setHeader(const QByteArray &name, const QByteArray &value)
{
    for (auto &header : m_headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0) {
            header.second = value;
            return *this;
        }
    }
    m_headers.append({ name, value });
    return *this;
}

static QByteArray findHeader(const HeaderList &headers, const QByteArray &name)
{
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

QByteArray HttpRequest::header(const QByteArray &name) const
{
    return findHeader(m_headers, name);
}

HttpRequest &HttpRequest::setJsonBody(const QJsonValue &body, const QByteArray &contentType)
{
    m_bodyKind = BodyKind::Json;
    m_json = body;
    m_contentType = contentType;
    return *this;
}

HttpRequest &HttpRequest::setFormBody(const QueryList &fields)
{
    m_bodyKind = BodyKind::Form;
    m_form = fields;
    m_contentType = "application/x-www-form-urlencoded; charset=utf-8";
    return *this;
}

HttpRequest &HttpRequest::setMultipartBody(const QList<MultipartPart> &parts)
{
    m_bodyKind = BodyKind::Multipart;
    m_parts = parts;
    m_contentType = "multipart/form-data";
    return *this;
}

HttpRequest &HttpRequest::setRawBody(const QByteArray &body, const QByteArray &contentType)
{
    m_bodyKind = BodyKind::Raw;
    m_raw = body;
    m_contentType = contentType;
    return *this;
}

HttpRequest &HttpRequest::setRepeatable(bool repeatable)
{
    m_repeatable = repeatable;
    return *this;
}

bool HttpRequest::isRetryable() const
{
    static const QList<QByteArray> idempotent { "GET", "HEAD", "PUT", "DELETE", "OPTIONS" };
    return m_repeatable || idempotent.contains(m_method);
}

HttpRequest &HttpRequest::setAnonymous(bool anonymous)
{
    m_anonymous = anonymous;
    return *this;
}

HttpRequest &HttpRequest::setDecodeJson(bool decode)
{
    m_decodeJson = decode;
    return *this;
}

HttpRequest &HttpRequest::setFollowRedirects(bool follow)
{
    m_followRedirects = follow;
    return *this;
}

HttpRequest &HttpRequest::setDownloadFile(const QString &path, const QByteArray &expectedSha256)
{
    m_downloadFile = path;
    m_expectedSha256 = expectedSha256.toLower();
    return *this;
}

HttpRequest &HttpRequest::setMaxRetries(int retries)
{
    m_maxRetries = retries;
    return *this;
}

HttpRequest &HttpRequest::setTransferTimeout(int ms)
{
    m_transferTimeout = ms;
    return *this;
}

qint64 HttpRequest::estimatedBodySize() const
{
    switch (m_bodyKind) {
    case BodyKind::None: return 0;
    case BodyKind::Json: return Json::toBytes(m_json).size();
    case BodyKind::Form: {
        qint64 size = 0;
        for (const auto &field : m_form)
            size += field.first.size() + field.second.size() + 2;
        return size;
    }
    case BodyKind::Multipart: {
        qint64 size = 0;
        for (const MultipartPart &part : m_parts)
            size += part.filePath.isEmpty() ? part.data.size() : QFileInfo(part.filePath).size();
        return size;
    }
    case BodyKind::Raw: return m_raw.size();
    }
    return 0;
}

QByteArray HttpResponse::header(const QByteArray &name) const
{
    return findHeader(headers, name);
}

bool HttpResponse::hasHeader(const QByteArray &name) const
{
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}
