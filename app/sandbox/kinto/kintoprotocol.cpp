#include "kintoprotocol.h"

#include "kintojsonschema.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>
#include <QUuid>

namespace KintoProtocol {

namespace {

QString errorTitle(int status)
{
    switch (status) {
    case 400: return QStringLiteral("Bad Request");
    case 401: return QStringLiteral("Unauthorized");
    case 403: return QStringLiteral("Forbidden");
    case 404: return QStringLiteral("Not Found");
    case 405: return QStringLiteral("Method Not Allowed");
    case 409: return QStringLiteral("Conflict");
    case 410: return QStringLiteral("Gone");
    case 411: return QStringLiteral("Length Required");
    case 412: return QStringLiteral("Precondition Failed");
    case 413: return QStringLiteral("Request Entity Too Large");
    case 415: return QStringLiteral("Unsupported Media Type");
    case 429: return QStringLiteral("Too Many Requests");
    case 500: return QStringLiteral("Internal Server Error");
    case 503: return QStringLiteral("Service Unavailable");
    default: return QStringLiteral("Error");
    }
}

QByteArray httpDate(qint64 msecs)
{
    const QDateTime dt = QDateTime::fromMSecsSinceEpoch((msecs / 1000) * 1000, QTimeZone::utc());
    return QLocale::c().toString(dt, QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'")).toLatin1();
}

struct Precondition
{
    bool present = false;
    bool star = false;
    qint64 ts = 0;
};

ServiceResult<Precondition> parsePrecondition(const ServiceRequest &request, const QByteArray &name)
{
    Precondition p;
    const QByteArray raw = request.header(name).trimmed();
    if (raw.isEmpty())
        return p;
    p.present = true;
    if (raw == "*") {
        p.star = true;
        return p;
    }
    QByteArray digits = raw;
    if (digits.startsWith('"') && digits.endsWith('"') && digits.size() >= 2)
        digits = digits.mid(1, digits.size() - 2);
    bool ok = false;
    p.ts = digits.toLongLong(&ok);
    if (!ok)
        return invalid(QStringLiteral("header"), QString::fromLatin1(name),
                       QStringLiteral("\"%1\" is not a number").arg(QString::fromLatin1(raw)));
    return p;
}

} // namespace

QByteArray toJson(const QJsonValue &value)
{
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
}

ServiceResponse error(int status, int errnum, const QString &message, const QJsonValue &details, const QString &title)
{
    QJsonObject body{
        {QStringLiteral("code"), status},
        {QStringLiteral("errno"), errnum},
        {QStringLiteral("error"), title.isEmpty() ? errorTitle(status) : title},
    };
    if (!message.isEmpty())
        body.insert(QStringLiteral("message"), message);
    if (!details.isUndefined() && !details.isNull())
        body.insert(QStringLiteral("details"), details);
    return ServiceResponse::json(status, body);
}

ServiceResponse invalid(const QString &location, const QJsonValue &name, const QString &description, int errnum)
{
    QString message;
    if (name.isNull() || name.isUndefined()) {
        message = location + QStringLiteral(": ") + description;
    } else {
        const QString nameText = name.isDouble() ? QString::number(name.toInteger()) : name.toString();
        message = description.contains(nameText)
            ? description
            : nameText + QStringLiteral(" in ") + location + QStringLiteral(": ") + description;
    }
    const QJsonArray details{QJsonObject{
        {QStringLiteral("location"), location},
        {QStringLiteral("name"), name.isUndefined() ? QJsonValue() : name},
        {QStringLiteral("description"), description},
    }};
    return error(400, errnum, message, details, QStringLiteral("Invalid parameters"));
}

ServiceResponse unauthenticated()
{
    ServiceResponse r = error(401, 104, QStringLiteral("Please authenticate yourself to use this endpoint."));
    r.setHeader("WWW-Authenticate", "Basic realm=\"Realm\"");
    return r;
}

ServiceResponse forbidden()
{
    return error(403, 121, QStringLiteral("This user cannot access this resource."));
}

ServiceResponse notFound()
{
    return error(404, 111, QStringLiteral("The resource you are looking for could not be found."));
}

ServiceResponse methodNotAllowed()
{
    return error(405, 115, QStringLiteral("Method not allowed on this endpoint."));
}

ServiceResponse missing(const QString &id, const QString &resourceName, int errnum)
{
    return error(404, errnum, QString(),
                 QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("resource_name"), resourceName}});
}

QString notAMapping(const QJsonValue &value)
{
    return QStringLiteral("\"%1\" is not a mapping type: Does not implement dict-like functionality.")
        .arg(KintoJsonSchema::pythonRepr(value));
}

void addTimestampHeaders(ServiceResponse &response, qint64 ts)
{
    response.setHeader("ETag", '"' + QByteArray::number(ts) + '"');
    response.setHeader("Last-Modified", httpDate(ts));
}

// Resource._raise_304_if_not_modified
ServiceCheck checkNotModified(const ServiceRequest &request, qint64 currentTs)
{
    const ServiceResult<Precondition> ifNoneMatch = parsePrecondition(request, "If-None-Match");
    if (!ifNoneMatch)
        return ifNoneMatch.failure();
    if (!ifNoneMatch->present || ifNoneMatch->star || ifNoneMatch->ts != currentTs)
        return std::nullopt;
    ServiceResponse r;
    r.status = 304;
    addTimestampHeaders(r, currentTs);
    return r;
}

// Resource._raise_412_if_modified. `object` is empty for plural endpoints (which always exist).
ServiceCheck checkPreconditions(const ServiceRequest &request, bool exists, const QJsonObject &object, qint64 currentTs)
{
    const ServiceResult<Precondition> ifMatch = parsePrecondition(request, "If-Match");
    if (!ifMatch)
        return ifMatch.failure();
    const ServiceResult<Precondition> ifNoneMatch = parsePrecondition(request, "If-None-Match");
    if (!ifNoneMatch)
        return ifNoneMatch.failure();
    if (!ifMatch->present && !ifNoneMatch->present)
        return std::nullopt;
    bool raise = false;
    if (ifNoneMatch->star && exists)
        raise = true;
    else if (ifMatch->present && !exists)
        raise = true;
    else if (ifMatch->present && !ifMatch->star)
        raise = currentTs != ifMatch->ts;
    if (!raise)
        return std::nullopt;
    const QJsonValue details = object.isEmpty() ? QJsonValue()
                                                : QJsonValue(QJsonObject{{QStringLiteral("existing"), object}});
    ServiceResponse r = error(412, 114, QStringLiteral("Resource was modified meanwhile"), details);
    addTimestampHeaders(r, currentTs);
    return r;
}

ServiceResult<QJsonValue> parseJsonBody(const ServiceRequest &request)
{
    if (request.body.trimmed().isEmpty())
        return QJsonValue(QJsonObject());
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return invalid(QStringLiteral("body"), QJsonValue(), QStringLiteral("Invalid JSON"), 107);
    if (doc.isArray())
        return QJsonValue(doc.array());
    return QJsonValue(doc.object());
}

ServiceResult<QJsonObject> bodyObject(const ServiceRequest &request)
{
    const ServiceResult<QJsonValue> body = parseJsonBody(request);
    if (!body)
        return body.failure();
    if (!body->isObject())
        return invalid(QStringLiteral("body"), QJsonValue(), QStringLiteral("Invalid JSON: a JSON object is expected"));
    const QJsonObject object = body->toObject();
    const QJsonValue data = object.value(QStringLiteral("data"));
    if (object.contains(QStringLiteral("data")) && !data.isObject())
        return invalid(QStringLiteral("body"), QStringLiteral("data"),
                       QStringLiteral("\"%1\" is not a mapping type: Does not implement dict-like functionality.")
                           .arg(QString::fromUtf8(toJson(QJsonArray{data})).mid(1).chopped(1)));
    return object;
}

QByteArray mediaType(const ServiceRequest &request)
{
    return request.header("Content-Type").split(';').first().trimmed().toLower();
}

QJsonObject aclToJson(const KintoAcl &acl)
{
    QJsonObject out;
    for (auto it = acl.cbegin(); it != acl.cend(); ++it) {
        QStringList principals(it.value().begin(), it.value().end());
        principals.sort();
        out.insert(it.key(), QJsonArray::fromStringList(principals));
    }
    return out;
}

QString uuid4()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString generateName()
{
    static const QString alnum = QStringLiteral("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
    const QByteArray random = QUuid::createUuid().toRfc4122() + QUuid::createUuid().toRfc4122();
    QString name;
    for (int i = 0; i < 8; ++i) {
        const QString alphabet = i == 0 ? alnum : alnum + QStringLiteral("-_");
        name += alphabet.at(quint8(random.at(i)) % alphabet.size());
    }
    return name;
}

QString isoNow()
{
    // Local time, microseconds, no offset.
    return QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")) + QStringLiteral("000");
}

} // namespace KintoProtocol

// ---- KintoResource

QStringList KintoResource::permissionNames() const
{
    if (name == QLatin1String("bucket"))
        return {QStringLiteral("read"), QStringLiteral("write"), QStringLiteral("collection:create"),
                QStringLiteral("group:create")};
    if (name == QLatin1String("collection"))
        return {QStringLiteral("read"), QStringLiteral("write"), QStringLiteral("record:create")};
    return {QStringLiteral("read"), QStringLiteral("write")};
}

ServiceCheck KintoResource::validateId(const QString &objectId) const
{
    static const QRegularExpression defaultPattern(QStringLiteral("^[a-zA-Z0-9][a-zA-Z0-9_-]*$"));
    static const QRegularExpression accountPattern(QStringLiteral("^[a-zA-Z0-9][.@a-zA-Z0-9_-]*$"));
    const QRegularExpression &pattern = name == QLatin1String("account") ? accountPattern : defaultPattern;
    if (pattern.match(objectId).hasMatch())
        return std::nullopt;
    return KintoProtocol::invalid(QStringLiteral("path"), QJsonValue(), QStringLiteral("Invalid object id"));
}

KintoResource KintoResource::make(const QString &name, const QString &bucketId, const QString &collectionId,
                                  const QString &id)
{
    KintoResource r;
    r.name = name;
    r.id = id;
    r.bucketId = bucketId;
    r.collectionId = collectionId;
    const QString bucketUri = QStringLiteral("/buckets/") + bucketId;
    if (name == QLatin1String("bucket")) {
        r.pluralUri = QStringLiteral("/buckets");
    } else if (name == QLatin1String("account")) {
        r.pluralUri = QStringLiteral("/accounts");
    } else if (name == QLatin1String("record")) {
        r.parentUri = bucketUri + QStringLiteral("/collections/") + collectionId;
        r.pluralUri = r.parentUri + QStringLiteral("/records");
    } else {
        r.parentUri = bucketUri;
        r.pluralUri = bucketUri + (name == QLatin1String("history") ? QStringLiteral("/history")
                                                                      : QLatin1Char('/') + name + QLatin1Char('s'));
    }
    return r;
}

std::optional<KintoResource> KintoResource::fromObjectUri(const QString &uri)
{
    const QStringList parts = uri.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (parts.value(0) != QLatin1String("buckets"))
        return std::nullopt;
    if (parts.size() == 2)
        return make(QStringLiteral("bucket"), {}, {}, parts.at(1));
    if (parts.size() == 4 && (parts.at(2) == QLatin1String("collections") || parts.at(2) == QLatin1String("groups")))
        return make(parts.at(2).chopped(1), parts.at(1), {}, parts.at(3));
    if (parts.size() == 6 && parts.at(2) == QLatin1String("collections") && parts.at(4) == QLatin1String("records"))
        return make(QStringLiteral("record"), parts.at(1), parts.at(3), parts.at(5));
    return std::nullopt;
}
