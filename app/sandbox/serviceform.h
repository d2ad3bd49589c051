#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrlQuery>

#include <optional>

// Request bodies the sandboxes read, as a web framework would: multipart/form-data (Kinto
// attachments, Kandji custom profiles and storage uploads) and application/x-www-form-urlencoded.
namespace ServiceForm {

struct Part
{
    QByteArray name;
    QByteArray fileName;
    bool isFile = false; // the Content-Disposition had a filename
    QByteArray contentType;
    QByteArray body;
};

// nullopt when the Content-Type has no boundary or the body is not well-formed multipart.
std::optional<QList<Part>> parseMultipart(const QByteArray &contentType, const QByteArray &body);
// The value of a header parameter: `boundary` in "multipart/form-data; boundary=x".
QByteArray headerParam(const QByteArray &header, const QByteArray &param);
// A query parameter as a web framework reads it: '+' as space, then percent-decoded.
QString queryValue(const QUrlQuery &query, const QString &key);
// Form fields, '+' as space, percent-decoded.
QUrlQuery parseUrlEncoded(const QByteArray &body);

} // namespace ServiceForm
