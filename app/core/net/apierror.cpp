#include "apierror.h"

#include "servertext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStringList>

ApiError::ApiError(Kind kind, QString message, int httpStatus)
    : m_kind(kind)
    , m_httpStatus(httpStatus)
    , m_message(ServerText::sanitized(message))
{
}

void ApiError::setServiceCode(const QString &code)
{
    m_serviceCode = ServerText::sanitized(code, 200);
}

void ApiError::setMessage(const QString &message)
{
    m_message = ServerText::sanitized(message);
}

static QString jsonText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toDouble());
    if (value.isArray()) {
        QStringList parts;
        for (const QJsonValue &v : value.toArray())
            parts << jsonText(v);
        return parts.join(QStringLiteral(", "));
    }
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    return {};
}

// Plain text (or HTML) bodies: collapse whitespace, drop tags, keep it to one readable line.
static QString plainTextMessage(const QByteArray &body)
{
    QString text = QString::fromUtf8(body.left(4096));
    static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    text.replace(tags, QStringLiteral(" "));
    text = text.replace(spaces, QStringLiteral(" ")).trimmed();
    if (text.size() > 300)
        text = text.left(300) + QStringLiteral("…");
    return text;
}

ApiError ApiError::fromHttp(int status, const QByteArray &body, const QByteArray &reasonPhrase)
{
    Kind kind = Kind::Http;
    if (status == 401)
        kind = Kind::Auth;
    else if (status == 409 || status == 412)
        kind = Kind::Conflict;

    ApiError error(kind, QString(), status);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    const QJsonObject o = doc.object();

    if (parseError.error == QJsonParseError::NoError && doc.isObject()) {
        if (o.contains(QLatin1String("errno"))) {
            // Kinto: {code, errno, error, message, info?, details?}
            error.m_serviceCode = jsonText(o.value(QLatin1String("errno")));
            error.m_message = o.value(QLatin1String("message")).toString();
            if (error.m_message.isEmpty())
                error.m_message = o.value(QLatin1String("error")).toString();
            error.m_details = o.value(QLatin1String("details"));
        } else if (o.value(QLatin1String("errors")).isArray()) {
            // Jamf Pro: {httpStatus, errors: [{code, field, description, id}]}
            const QJsonArray errors = o.value(QLatin1String("errors")).toArray();
            QStringList parts;
            for (const QJsonValue &v : errors) {
                const QJsonObject e = v.toObject();
                if (error.m_serviceCode.isEmpty())
                    error.m_serviceCode = e.value(QLatin1String("code")).toString();
                QString line = e.value(QLatin1String("description")).toString();
                if (line.isEmpty())
                    line = e.value(QLatin1String("code")).toString();
                const QString field = e.value(QLatin1String("field")).toString();
                if (!field.isEmpty())
                    line = field + QStringLiteral(": ") + line;
                if (!line.isEmpty())
                    parts << line;
            }
            error.m_message = parts.join(QStringLiteral("; "));
            error.m_details = errors;
        } else if (o.contains(QLatin1String("error_description")) || o.value(QLatin1String("error")).isString()) {
            // OAuth2 token endpoint: {error, error_description}
            error.m_serviceCode = o.value(QLatin1String("error")).toString();
            error.m_message = o.value(QLatin1String("error_description")).toString();
            if (error.m_message.isEmpty())
                error.m_message = error.m_serviceCode;
            if (o.contains(QLatin1String("message")) && error.m_message == error.m_serviceCode)
                error.m_message = jsonText(o.value(QLatin1String("message")));
        } else if (o.contains(QLatin1String("detail"))) {
            // Kandji: {detail: "..."}
            error.m_message = jsonText(o.value(QLatin1String("detail")));
        } else if (o.contains(QLatin1String("message"))) {
            error.m_message = jsonText(o.value(QLatin1String("message")));
            error.m_details = o;
        } else if (!o.isEmpty()) {
            // Kandji/DRF validation: {field: ["message", ...], ...}
            QStringList parts;
            for (auto it = o.constBegin(); it != o.constEnd(); ++it)
                parts << it.key() + QStringLiteral(": ") + jsonText(it.value());
            error.m_message = parts.join(QStringLiteral("; "));
            error.m_details = o;
        }
    } else if (parseError.error == QJsonParseError::NoError && doc.isArray()) {
        error.m_message = jsonText(doc.array());
        error.m_details = doc.array();
    } else {
        error.m_message = plainTextMessage(body);
    }

    if (error.m_message.isEmpty())
        error.m_message = reasonPhrase.isEmpty() ? QString() : QString::fromUtf8(reasonPhrase);
    // Server text: no control characters or escape sequences reach a terminal or a widget.
    error.setMessage(error.m_message);
    error.setServiceCode(error.m_serviceCode);
    return error;
}

QString ApiError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None: return QStringLiteral("no error");
    case Kind::Network: return QStringLiteral("network error");
    case Kind::Timeout: return QStringLiteral("timeout");
    case Kind::Tls: return QStringLiteral("TLS error");
    case Kind::Http: return QStringLiteral("HTTP error");
    case Kind::Auth: return QStringLiteral("authentication failed");
    case Kind::Conflict: return QStringLiteral("conflict");
    case Kind::Parse: return QStringLiteral("invalid response");
    case Kind::Cancelled: return QStringLiteral("cancelled");
    case Kind::Invalid: return QStringLiteral("invalid request");
    case Kind::NotFound: return QStringLiteral("not found");
    case Kind::Unavailable: return QStringLiteral("unavailable");
    }
    return {};
}

QString ApiError::toString() const
{
    if (!isError())
        return {};
    QString head = m_httpStatus > 0 ? QStringLiteral("HTTP %1").arg(m_httpStatus) : kindName(m_kind);
    QString text = m_message.isEmpty() ? head : head + QStringLiteral(": ") + m_message;
    if (!m_serviceCode.isEmpty())
        text += QStringLiteral(" (code %1)").arg(m_serviceCode);
    return text;
}
