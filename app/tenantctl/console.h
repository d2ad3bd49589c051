#pragma once

#include "net/apierror.h"

#include <QTextStream>

// What every tenantctl command shares: its output streams and its exit codes.
namespace Console {

enum ExitCode {
    Ok = 0,
    Other = 1,
    Usage = 2,    // bad arguments, or a request refused before sending (invalid id)
    NotFound = 3, // 404
    Conflict = 4, // 409, 412
    Auth = 5,     // 401, 403
    Network = 6,  // no HTTP answer: connection, timeout, TLS
};

QTextStream &out(); // stdout: results
QTextStream &err(); // stderr: messages
// Bytes to stdout as they are (no text conversion), after what out() holds.
void writeOut(const QByteArray &bytes);
int exitCodeFor(const ApiError &error);

// The largest input file a command reads (--data @FILE, batch files, standard input).
constexpr qint64 MaxInputBytes = 256LL << 20;
// An argument's bytes: "@FILE" reads the file, "@-" standard input, anything else is the text itself.
// False, with *error, when the file cannot be read or is larger than MaxInputBytes (so @/dev/zero
// ends with an error instead of filling memory).
bool readArgument(const QString &argument, QByteArray *bytes, QString *error);

} // namespace Console
