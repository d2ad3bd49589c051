#pragma once

#include <QByteArray>
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

} // namespace Redaction
