#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

// Everything written to a log or the request log passes through here, so that no secret leaves.
namespace Redaction {

inline const QString Mask = QStringLiteral("(redacted)");

// True for names that carry secrets: authorization, password, token, secret, api key, cookie, ...
bool isSecretName(QStringView name);

// The URL without user info, with the values of secret-looking query items replaced by Mask.
QString url(const QUrl &url);

// A header value for display: secret headers show Mask (or "Bearer (redacted)").
QByteArray headerValue(const QByteArray &name, const QByteArray &value);
// Every header through headerValue().
QList<QPair<QByteArray, QByteArray>> headers(const QList<QPair<QByteArray, QByteArray>> &headers);

// A body for display: a JSON body (compact) with the string values of secret-named keys replaced by Mask
// at any depth; a form body with secret-named fields masked; any other body as it is. A body that
// does not parse as its content type says is kept only if it has no secret name in it at all.
QByteArray body(const QByteArray &contentType, const QByteArray &body);

} // namespace Redaction
