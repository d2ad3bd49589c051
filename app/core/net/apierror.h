#pragma once

#include <QJsonValue>
#include <QMetaType>
#include <QString>

// The one error value of TenantDesk: what went wrong, the HTTP status (0 when the request never got an
// HTTP answer), and the service's own code, message and details parsed from its error body.
class ApiError
{
public:
    enum class Kind {
        None,        // no error
        Network,     // connection refused, reset, DNS, dropped connection
        Timeout,     // transfer timeout or whole-request deadline
        Tls,         // certificate verification failed (and no matching pin)
        Http,        // an HTTP error status not covered by a more specific kind
        Auth,        // 401, or obtaining credentials/tokens failed
        Conflict,    // 409 or 412 (precondition failed)
        Parse,       // the server's answer was not what the protocol says (e.g. invalid JSON)
        Cancelled,   // the caller cancelled
        Invalid,     // the request itself is invalid (bad URL, bad argument); nothing was sent
        NotFound,    // a local lookup found nothing (e.g. a missing keychain entry)
        Unavailable, // a local facility is unavailable (e.g. no keychain backend)
    };

    ApiError() = default;
    ApiError(Kind kind, QString message, int httpStatus = 0);

    // Builds the error for an HTTP error response, parsing Kinto, Jamf Pro, Kandji, OAuth2 and
    // generic JSON error bodies; non-JSON bodies still give a readable message.
    static ApiError fromHttp(int status, const QByteArray &body, const QByteArray &reasonPhrase = {});

    Kind kind() const { return m_kind; }
    bool isError() const { return m_kind != Kind::None; }
    explicit operator bool() const { return isError(); }

    int httpStatus() const { return m_httpStatus; }
    QString serviceCode() const { return m_serviceCode; } // Kinto errno, Jamf error code, ...
    QString message() const { return m_message; }
    QJsonValue details() const { return m_details; }

    // Messages and codes often carry server text: they are stored sanitized (ServerText), without
    // control characters or escape sequences, at most 2,000 characters.
    void setServiceCode(const QString &code);
    void setMessage(const QString &message);
    void setDetails(const QJsonValue &details) { m_details = details; }

    bool isNotFound() const { return m_httpStatus == 404 || m_kind == Kind::NotFound; }
    bool isConflict() const { return m_httpStatus == 409 || m_httpStatus == 412; }
    bool isPreconditionFailed() const { return m_httpStatus == 412; }
    bool isUnauthorized() const { return m_httpStatus == 401 || m_kind == Kind::Auth; }
    bool isForbidden() const { return m_httpStatus == 403; }
    bool isRateLimited() const { return m_httpStatus == 429; }
    bool isCancelled() const { return m_kind == Kind::Cancelled; }

    // One line for a user: "HTTP 412 Precondition Failed: Resource was modified meanwhile (errno 114)".
    QString toString() const;
    static QString kindName(Kind kind);

private:
    Kind m_kind = Kind::None;
    int m_httpStatus = 0;
    QString m_serviceCode;
    QString m_message;
    QJsonValue m_details;
};

Q_DECLARE_METATYPE(ApiError)
