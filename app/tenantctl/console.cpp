#include "console.h"

namespace Console {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
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

} // namespace Console
