#include "serviceform.h"


namespace ServiceForm {

static bool hasParam(const QByteArray &header, const QByteArray &param)
{
    for (const QByteArray &piece : header.split(';')) {
        if (piece.trimmed().toLower().startsWith(QByteArray(param + '=')))
            return true;
    }
    return false;
}

QByteArray headerParam(const QByteArray &header, const QByteArray &param)
{
    for (const QByteArray &raw : header.split(';')) {
        const QByteArray piece = raw.trimmed();
        const qsizetype eq = piece.indexOf('=');
        if (eq < 0 || piece.left(eq).trimmed().toLower() != param)
            continue;
        QByteArray value = piece.mid(eq + 1).trimmed();
        if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
            value = value.mid(1, value.size() - 2);
        return value;
    }
    return {};
}

static void readPartHeaders(const QByteArray &head, Part *part)
{
    for (const QByteArray &line : head.split('\n')) {
        const QByteArray l = line.trimmed();
        const qsizetype colon = l.indexOf(':');
        if (colon < 0)
            continue;
        const QByteArray name = l.left(colon).trimmed().toLower();
        const QByteArray value = l.mid(colon + 1).trimmed();
        if (name == "content-disposition") {
            part->name = headerParam(value, "name");
            part->isFile = hasParam(value, "filename");
            part->fileName = headerParam(value, "filename");
        } else if (name == "content-type") {
            part->contentType = value;
        }
    }
}

std::optional<QList<Part>> parseMultipart(const QByteArray &contentType, const QByteArray &body)
{
    if (!contentType.trimmed().toLower().startsWith("multipart/form-data"))
        return std::nullopt;
    const QByteArray boundary = headerParam(contentType, "boundary");
    if (boundary.isEmpty())
        return std::nullopt;
    const QByteArray delimiter = "--" + boundary;
    const QByteArray separator = "\r\n" + delimiter;
    QList<Part> parts;
    qsizetype pos = body.startsWith(delimiter) ? 0 : body.indexOf(separator);
    if (pos < 0)
        return std::nullopt;
    if (pos > 0)
        pos += 2;
    while (true) {
        pos += delimiter.size();
        if (body.mid(pos, 2) == "--")
            return parts;
        if (body.mid(pos, 2) != "\r\n")
            return std::nullopt;
        pos += 2;
        const qsizetype headEnd = body.indexOf("\r\n\r\n", pos);
        if (headEnd < 0)
            return std::nullopt;
        Part part;
        readPartHeaders(body.mid(pos, headEnd - pos), &part);
        const qsizetype next = body.indexOf(separator, headEnd + 4);
        if (next < 0)
            return std::nullopt;
        part.body = body.mid(headEnd + 4, next - headEnd - 4);
        parts.append(part);
        pos = next + 2;
    }
}

QString queryValue(const QUrlQuery &query, const QString &key)
{
    QString raw = query.queryItemValue(key, QUrl::FullyEncoded);
    raw.replace(QLatin1Char('+'), QLatin1String("%20"));
    return QUrl::fromPercentEncoding(raw.toLatin1());
}

QUrlQuery parseUrlEncoded(const QByteArray &body)
{
    QByteArray plus = body;
    plus.replace('+', ' ');
    return QUrlQuery(QString::fromUtf8(plus));
}

} // namespace ServiceForm
