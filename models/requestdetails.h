#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

struct RequestLogEntry;

// Text views of one request log entry, for the request inspector. The entry is already redacted
// (see RequestLogEntry); these never add anything the entry does not hold.
namespace RequestDetails {

// The placeholder written where a secret was: a header value, a query value, a body field.
inline const QString SecretPlaceholder = QStringLiteral("<secret>");

// A readable report: the request line, tenant, status, timing, retries, error, then the request's
// and the response's headers and bodies (JSON pretty-printed; a cut body says so).
QString text(const RequestLogEntry &entry);
// "Name: value" lines, as given (already redacted); "(none)" for no header.
QString headerText(const QList<QPair<QByteArray, QByteArray>> &headers);
// A body for people: pretty JSON when it parses, the text as it is otherwise, "(empty)" for none.
QString prettyBody(const QByteArray &body);
// A curl command line that repeats the request, shell-quoted; every redacted value is
// SecretPlaceholder, for the user to fill in. Empty for a dry run's method-less entry.
QString curl(const RequestLogEntry &entry);

} // namespace RequestDetails
