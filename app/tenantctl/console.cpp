#include "console.h"

#include <QFile>

#include <cstdio>

namespace Console {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

void writeOut(const QByteArray &bytes)
{
    out().flush();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

int exitCodeFor(const ApiError &error)
{
    if (!error)
        return Ok;
    const int status = error.httpStatus();
    if (status == 404 || error.kind() == ApiError::Kind::NotFound)
        return NotFound;
    if (status == 409 || status == 412 || error.kind() == ApiError::Kind::Conflict)
        return Conflict;
    if (status == 401 || status == 403 || error.kind() == ApiError::Kind::Auth)
        return Auth;
    switch (error.kind()) {
    case ApiError::Kind::Network:
    case ApiError::Kind::Timeout:
    case ApiError::Kind::Tls:
        return Network;
    case ApiError::Kind::Invalid:
        return Usage;
    default:
        return Other;
    }
}

bool readArgument(const QString &argument, QByteArray *bytes, QString *error)
{
    if (!argument.startsWith(QLatin1Char('@'))) {
        *bytes = argument.toUtf8();
        return true;
    }
    const QString path = argument.mid(1);
    QFile file;
    const bool opened = path == QLatin1String("-") ? file.open(stdin, QIODevice::ReadOnly)
                                                   : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!opened) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    *bytes = file.read(MaxInputBytes + 1);
    if (bytes->size() > MaxInputBytes) {
        bytes->clear();
        *error = QStringLiteral("%1 is larger than %2 MiB, the limit for an input file").arg(path).arg(MaxInputBytes >> 20);
        return false;
    }
    return true;
}

} // namespace Console
