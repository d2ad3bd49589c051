#include "kintoservice.h"

#include "kintojsonschema.h"
#include "kintopatch.h"
#include "kintoquery.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QRegularExpression>
#include <QTimeZone>
#include <QUrl>
#include <QUuid>

#include <algorithm>

using KintoQuery::Filter;
using KintoQuery::Op;
using KintoQuery::Sort;

namespace {

constexpr int MaxFetchSize = 10000; // Kinto's storage_max_fetch_size default
const char ProjectVersion[] = "19.4.0";
const char AttachmentVersion[] = "7.1.0";

// Thrown by the request handlers to answer at once (an error, a 304, a redirect). Caught in
// KintoService::handle(), so it never crosses the class boundary.
struct Answer
{
    KintoResponse response;
};

QByteArray toJson(const QJsonValue &value)
{
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
}

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

// kinto.core.errors.http_error: {code, errno, error, message?, details?}.
KintoResponse errorResponse(int status, int errnum, const QString &message, const QJsonValue &details = {},
                            const QString &error = {})
{
    QJsonObject body{
        {QStringLiteral("code"), status},
        {QStringLiteral("errno"), errnum},
        {QStringLiteral("error"), error.isEmpty() ? errorTitle(status) : error},
    };
    if (!message.isEmpty())
        body.insert(QStringLiteral("message"), message);
    if (!details.isUndefined() && !details.isNull())
        body.insert(QStringLiteral("details"), details);
    KintoResponse r;
    r.status = status;
    r.setHeader("Content-Type", "application/json");
    r.body = toJson(body);
    return r;
}

[[noreturn]] void fail(int status, int errnum, const QString &message, const QJsonValue &details = {})
{
    throw Answer{errorResponse(status, errnum, message, details)};
}

// kinto.core.errors.raise_invalid + json_error_handler: a 400 "Invalid parameters" whose message
// is built from the first error.
[[noreturn]] void invalid(const QString &location, const QJsonValue &name, const QString &description,
                          int errnum = 107)
{
    QString message;
    if (name.isNull() || name.isUndefined()) {
        message = location + QStringLiteral(": ") + description;
    } else {
        const QString nameText = name.isDouble() ? QString::number(name.toInteger()) : name.toString();
        message = description.contains(nameText) ? description
                                                 : nameText + QStringLiteral(" in ") + location + QStringLiteral(": ")
                                                       + description;
    }
    const QJsonArray details{QJsonObject{
        {QStringLiteral("location"), location},
        {QStringLiteral("name"), name.isUndefined() ? QJsonValue() : name},
        {QStringLiteral("description"), description},
    }};
    throw Answer{errorResponse(400, errnum, message, details, QStringLiteral("Invalid parameters"))};
}

QByteArray httpDate(qint64 msecs)
{
    const QDateTime dt = QDateTime::fromMSecsSinceEpoch((msecs / 1000) * 1000, QTimeZone::utc());
    return QLocale::c().toString(dt, QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'")).toLatin1();
}

void addTimestampHeaders(KintoResponse &r, qint64 ts)
{
    r.setHeader("ETag", '"' + QByteArray::number(ts) + '"');
    r.setHeader("Last-Modified", httpDate(ts));
}

KintoResponse jsonResponse(int status, const QJsonValue &body)
{
    KintoResponse r;
    r.status = status;
    r.setHeader("Content-Type", "application/json");
    r.body = toJson(body);
    return r;
}

const QRegularExpression &defaultIdPattern()
{
    static const QRegularExpression re(QStringLiteral("^[a-zA-Z0-9][a-zA-Z0-9_-]*$"));
    return re;
}

const QRegularExpression &accountIdPattern()
{
    static const QRegularExpression re(QStringLiteral("^[a-zA-Z0-9][.@a-zA-Z0-9_-]*$"));
    return re;
}

// Kinto's NameGenerator: 8 characters, the first alphanumeric.
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

QString uuid4()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

struct Precondition
{
    bool present = false;
    bool star = false;
    qint64 ts = 0;
};

Precondition parsePrecondition(const KintoRequest &request, const QByteArray &name)
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
        invalid(QStringLiteral("header"), QString::fromLatin1(name),
                QStringLiteral("\"%1\" is not a number").arg(QString::fromLatin1(raw)));
    return p;
}

// Resource._raise_304_if_not_modified
void checkNotModified(const KintoRequest &request, qint64 currentTs)
{
    const Precondition ifNoneMatch = parsePrecondition(request, "If-None-Match");
    if (!ifNoneMatch.present || ifNoneMatch.star || ifNoneMatch.ts != currentTs)
        return;
    KintoResponse r;
    r.status = 304;
    addTimestampHeaders(r, currentTs);
    throw Answer{r};
}

// Resource._raise_412_if_modified. `object` is empty for plural endpoints (which always exist).
void checkPreconditions(const KintoRequest &request, bool exists, const QJsonObject &object, qint64 currentTs)
{
    const Precondition ifMatch = parsePrecondition(request, "If-Match");
    const Precondition ifNoneMatch = parsePrecondition(request, "If-None-Match");
    if (!ifMatch.present && !ifNoneMatch.present)
        return;
    bool raise = false;
    if (ifNoneMatch.star && exists)
        raise = true;
    else if (ifMatch.present && !exists)
        raise = true;
    else if (ifMatch.present && !ifMatch.star)
        raise = currentTs != ifMatch.ts;
    if (!raise)
        return;
    const QJsonValue details = object.isEmpty() ? QJsonValue()
                                                : QJsonValue(QJsonObject{{QStringLiteral("existing"), object}});
    KintoResponse r = errorResponse(412, 114, QStringLiteral("Resource was modified meanwhile"), details);
    addTimestampHeaders(r, currentTs);
    throw Answer{r};
}

QJsonValue parseJsonBody(const KintoRequest &request)
{
    if (request.body.trimmed().isEmpty())
        return QJsonObject();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &error);
    if (error.error != QJsonParseError::NoError)
        invalid(QStringLiteral("body"), QJsonValue(), QStringLiteral("Invalid JSON"), 107);
    if (doc.isArray())
        return doc.array();
    return doc.object();
}

QJsonObject bodyObject(const KintoRequest &request)
{
    const QJsonValue body = parseJsonBody(request);
    if (!body.isObject())
        invalid(QStringLiteral("body"), QJsonValue(), QStringLiteral("Invalid JSON: a JSON object is expected"));
    const QJsonObject object = body.toObject();
    if (object.contains(QStringLiteral("data")) && !object.value(QStringLiteral("data")).isObject())
        invalid(QStringLiteral("body"), QStringLiteral("data"),
                QStringLiteral("\"%1\" is not a mapping type: Does not implement dict-like functionality.")
                    .arg(QString::fromUtf8(toJson(QJsonArray{object.value(QStringLiteral("data"))})).mid(1).chopped(1)));
    return object;
}

QByteArray mediaType(const KintoRequest &request)
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

QString passwordHash(const QString &password, const QByteArray &salt)
{
    const QByteArray digest = QCryptographicHash::hash(QByteArray(salt + password.toUtf8()), QCryptographicHash::Sha256).toHex();
    return QStringLiteral("$sha256$") + QString::fromLatin1(salt) + QLatin1Char('$') + QString::fromLatin1(digest);
}

bool passwordMatches(const QString &stored, const QString &password)
{
    const QStringList parts = stored.split(QLatin1Char('$'));
    if (parts.size() != 4 || parts.at(1) != QLatin1String("sha256"))
        return false;
    return passwordHash(password, parts.at(2).toLatin1()) == stored;
}

QString isoNow()
{
    // Python's datetime.now().isoformat(): local time, microseconds, no offset.
    return QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")) + QStringLiteral("000");
}

using BoundPermissions = QList<QPair<QString, QString>>;

// kinto/authorization.py PERMISSIONS_INHERITANCE_TREE: which (resource, permissions) grant
// `permission` on a resource.
QList<QPair<QString, QStringList>> inheritanceTree(const QString &resource, const QString &permission)
{
    const auto P = [](const char *r, std::initializer_list<const char *> perms) {
        QStringList list;
        for (const char *p : perms)
            list << QString::fromLatin1(p);
        return qMakePair(QString::fromLatin1(r), list);
    };
    if (resource == QLatin1String("bucket")) {
        if (permission == QLatin1String("write")) return {P("bucket", {"write"})};
        if (permission == QLatin1String("read")) return {P("bucket", {"write", "read"})};
        if (permission == QLatin1String("read:attributes"))
            return {P("bucket", {"write", "read", "collection:create", "group:create"})};
        if (permission == QLatin1String("group:create")) return {P("bucket", {"write", "group:create"})};
        if (permission == QLatin1String("collection:create")) return {P("bucket", {"write", "collection:create"})};
        if (permission == QLatin1String("history:create")) return {};
    } else if (resource == QLatin1String("group")) {
        if (permission == QLatin1String("write")) return {P("bucket", {"write"}), P("group", {"write"})};
        if (permission == QLatin1String("read")) return {P("bucket", {"write", "read"}), P("group", {"write", "read"})};
    } else if (resource == QLatin1String("history")) {
        if (permission == QLatin1String("read"))
            return {P("bucket", {"write", "read"}), P("history", {"write", "read"})};
    } else if (resource == QLatin1String("collection")) {
        if (permission == QLatin1String("write")) return {P("bucket", {"write"}), P("collection", {"write"})};
        if (permission == QLatin1String("read"))
            return {P("bucket", {"write", "read"}), P("collection", {"write", "read"})};
        if (permission == QLatin1String("read:attributes"))
            return {P("bucket", {"write", "read"}), P("collection", {"write", "read", "record:create"})};
        if (permission == QLatin1String("record:create"))
            return {P("bucket", {"write"}), P("collection", {"write", "record:create"})};
    } else if (resource == QLatin1String("record")) {
        if (permission == QLatin1String("write"))
            return {P("bucket", {"write"}), P("collection", {"write"}), P("record", {"write"})};
        if (permission == QLatin1String("read"))
            return {P("bucket", {"write", "read"}), P("collection", {"write", "read"}), P("record", {"write", "read"})};
    }
    return {};
}

// kinto/authorization.py _inherited_permissions(object_uri, permission).
BoundPermissions boundPermissions(const QString &uri, const QString &permission)
{
    const QStringList parts = uri.split(QLatin1Char('/'));
    const qsizetype segments = parts.size() - 1;
    if (parts.value(1) == QLatin1String("accounts")) {
        if (segments != 2)
            return {};
        BoundPermissions bound{{uri, QStringLiteral("write")}};
        if (permission == QLatin1String("read"))
            bound.append({uri, QStringLiteral("read")});
        return bound;
    }
    if (parts.value(1) != QLatin1String("buckets"))
        return {};
    QString resource;
    bool plural = false;
    switch (segments) {
    case 2: resource = QStringLiteral("bucket"); break;
    case 3: resource = QStringLiteral("bucket"); plural = true; break;
    case 4:
        if (parts.at(3) == QLatin1String("collections")) resource = QStringLiteral("collection");
        else if (parts.at(3) == QLatin1String("groups")) resource = QStringLiteral("group");
        else if (parts.at(3) == QLatin1String("history")) resource = QStringLiteral("history");
        break;
    case 5: resource = QStringLiteral("collection"); plural = true; break;
    case 6: resource = QStringLiteral("record"); break;
    default: return {}; // the root "/buckets": granted by settings only
    }
    auto tree = inheritanceTree(resource, plural ? permission : permission + QStringLiteral(":attributes"));
    if (tree.isEmpty())
        tree = inheritanceTree(resource, permission);
    BoundPermissions bound;
    for (const auto &[related, perms] : tree) {
        const int length = related == QLatin1String("bucket") ? 3 : (related == QLatin1String("record") ? 7 : 5);
        const QString relatedUri = parts.mid(0, length).join(QLatin1Char('/'));
        for (const QString &p : perms)
            bound.append({relatedUri, p});
    }
    return bound;
}

struct MultipartPart
{
    QByteArray name;
    QByteArray filename;
    bool hasFilename = false;
    QByteArray contentType;
    QByteArray body;
};

QByteArray headerParam(const QByteArray &header, const QByteArray &param)
{
    for (QByteArray piece : header.split(';')) {
        piece = piece.trimmed();
        const qsizetype eq = piece.indexOf('=');
        if (eq < 0 || piece.left(eq).trimmed().toLower() != param)
            continue;
        QByteArray value = piece.mid(eq + 1).trimmed();
        if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
            value = value.mid(1, value.size() - 2);
        return value;
    }
    return {};
}

bool headerHasParam(const QByteArray &header, const QByteArray &param)
{
    for (const QByteArray &piece : header.split(';')) {
        const QByteArray p = piece.trimmed();
        if (p.toLower().startsWith(QByteArray(param + '=')))
            return true;
    }
    return false;
}

std::optional<QList<MultipartPart>> parseMultipart(const QByteArray &contentType, const QByteArray &body)
{
    const QByteArray boundary = headerParam(contentType, "boundary");
    if (boundary.isEmpty())
        return std::nullopt;
    const QByteArray delimiter = "--" + boundary;
    QList<MultipartPart> parts;
    qsizetype pos = body.indexOf(delimiter);
    if (pos < 0)
        return std::nullopt;
    while (true) {
        pos += delimiter.size();
        if (body.mid(pos, 2) == "--")
            break;
        if (body.mid(pos, 2) == "\r\n")
            pos += 2;
        const qsizetype headEnd = body.indexOf("\r\n\r\n", pos);
        if (headEnd < 0)
            return std::nullopt;
        MultipartPart part;
        for (const QByteArray &line : body.mid(pos, headEnd - pos).split('\n')) {
            const QByteArray l = line.trimmed();
            const qsizetype colon = l.indexOf(':');
            if (colon < 0)
                continue;
            const QByteArray name = l.left(colon).trimmed().toLower();
            const QByteArray value = l.mid(colon + 1).trimmed();
            if (name == "content-disposition") {
                part.name = headerParam(value, "name");
                part.hasFilename = headerHasParam(value, "filename");
                part.filename = headerParam(value, "filename");
            } else if (name == "content-type") {
                part.contentType = value;
            }
        }
        const qsizetype next = body.indexOf(QByteArray("\r\n" + delimiter), headEnd + 4);
        if (next < 0)
            return std::nullopt;
        part.body = body.mid(headEnd + 4, next - headEnd - 4);
        parts.append(part);
        pos = next + 2;
    }
    return parts;
}

} // namespace

// ---- request / response value types

// ---- internal types

struct KintoService::Caller
{
    QString userId;           // "account:alice"; empty when anonymous
    QSet<QString> principals; // always holds system.Everyone
    bool admin = false;

    QString currentPrincipal() const { return userId.isEmpty() ? QStringLiteral("system.Everyone") : userId; }
    bool intersects(const QSet<QString> &other) const { return principals.intersects(other); }
};

// One resource endpoint: a plural one when `id` is empty.
struct KintoService::Resource
{
    QString name;      // bucket, group, collection, record, history, account
    QString parentUri; // storage parent
    QString pluralUri; // "/buckets/b/collections"
    QString id;
    QString bucketId;
    QString collectionId;

    QString objectUriFor(const QString &objectId) const { return pluralUri + QLatin1Char('/') + objectId; }
    QString objectUri() const { return objectUriFor(id); }

    QStringList permissionNames() const
    {
        if (name == QLatin1String("bucket"))
            return {QStringLiteral("read"), QStringLiteral("write"), QStringLiteral("collection:create"),
                    QStringLiteral("group:create")};
        if (name == QLatin1String("collection"))
            return {QStringLiteral("read"), QStringLiteral("write"), QStringLiteral("record:create")};
        return {QStringLiteral("read"), QStringLiteral("write")};
    }

    const QRegularExpression &idPattern() const
    {
        return name == QLatin1String("account") ? accountIdPattern() : defaultIdPattern();
    }

    void validateId(const QString &objectId) const
    {
        if (!idPattern().match(objectId).hasMatch())
            invalid(QStringLiteral("path"), QJsonValue(), QStringLiteral("Invalid object id"));
    }

    static Resource make(const QString &name, const QString &bucketId = {}, const QString &collectionId = {},
                         const QString &id = {})
    {
        Resource r;
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
};

struct KintoService::Listing
{
    QList<Filter> filters;
    QList<Sort> sorting;
    int limit = MaxFetchSize;
    QStringList fields;
    std::optional<QJsonObject> lastObject;
    qint64 offset = 0;
    bool includeDeleted = false;
};

// ---- KintoService

KintoService::KintoService() = default;

KintoResponse KintoService::handle(const KintoRequest &request)
{
    try {
        const Caller caller = authenticate(request);
        return dispatch(request, caller);
    } catch (const Answer &answer) {
        return answer.response;
    }
}

KintoService::Caller KintoService::authenticate(const KintoRequest &request) const
{
    Caller caller;
    caller.principals.insert(QStringLiteral("system.Everyone"));
    const QByteArray auth = request.header("Authorization").trimmed();
    if (auth.toLower().startsWith("basic ")) {
        const QString decoded = QString::fromUtf8(QByteArray::fromBase64(auth.mid(6).trimmed()));
        const qsizetype colon = decoded.indexOf(QLatin1Char(':'));
        if (colon > 0) {
            const QString user = decoded.left(colon);
            const auto account = m_store.get(QString(), QStringLiteral("account"), user);
            if (account && passwordMatches(account->value(QStringLiteral("password")).toString(), decoded.mid(colon + 1))) {
                caller.userId = QStringLiteral("account:") + user;
                caller.principals.insert(caller.userId);
                caller.principals.insert(QStringLiteral("system.Authenticated"));
                // Groups listing the user (or every authenticated user) as a member.
                for (const QJsonObject &bucket : m_store.list(QString(), QStringLiteral("bucket"), false)) {
                    const QString bucketUri = QStringLiteral("/buckets/") + bucket.value(QStringLiteral("id")).toString();
                    for (const QJsonObject &group : m_store.list(bucketUri, QStringLiteral("group"), false)) {
                        const QJsonArray members = group.value(QStringLiteral("members")).toArray();
                        if (members.contains(caller.userId) || members.contains(QStringLiteral("system.Authenticated")))
                            caller.principals.insert(bucketUri + QStringLiteral("/groups/")
                                                     + group.value(QStringLiteral("id")).toString());
                    }
                }
            }
        }
    }
    // Invalid credentials leave the caller anonymous, as Kinto's authentication policies do;
    // anything that needs permissions then answers 401.
    caller.admin = caller.intersects(m_adminPrincipals);
    return caller;
}

KintoResponse KintoService::dispatch(const KintoRequest &request, const Caller &caller)
{
    const QString &path = request.path;
    if (path.size() > 1 && path.endsWith(QLatin1Char('/'))) {
        // trailing_slash_redirect_enabled
        KintoResponse r;
        r.status = 307;
        QUrl target(m_origin);
        target.setPath(QStringLiteral("/v1") + path.chopped(1));
        target.setQuery(request.query);
        r.setHeader("Location", target.toEncoded());
        return r;
    }
    const QStringList seg = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const QByteArray &m = request.method;
    const auto allow = [&](std::initializer_list<const char *> methods) {
        for (const char *allowed : methods) {
            if (m == allowed)
                return;
        }
        fail(405, 115, QStringLiteral("Method not allowed on this endpoint."));
    };

    if (seg.isEmpty()) {
        allow({"GET"});
        return hello(caller);
    }
    const QString &first = seg.at(0);
    if (seg.size() == 1 && first == QLatin1String("__heartbeat__")) {
        allow({"GET"});
        return jsonResponse(200, QJsonObject{{QStringLiteral("storage"), true},
                                             {QStringLiteral("permission"), true},
                                             {QStringLiteral("cache"), true},
                                             {QStringLiteral("attachments"), true}});
    }
    if (seg.size() == 1 && first == QLatin1String("__lbheartbeat__")) {
        allow({"GET"});
        return jsonResponse(200, QJsonObject());
    }
    if (seg.size() == 1 && first == QLatin1String("__version__")) {
        allow({"GET"});
        return jsonResponse(200, QJsonObject{{QStringLiteral("name"), QStringLiteral("kinto")},
                                             {QStringLiteral("version"), QString::fromLatin1(ProjectVersion)},
                                             {QStringLiteral("source"), QStringLiteral("https://github.com/Kinto/kinto")},
                                             {QStringLiteral("commit"), QStringLiteral("sandbox")}});
    }
    if (seg.size() == 1 && first == QLatin1String("batch")) {
        allow({"POST"});
        return batch(request);
    }
    if (seg.size() == 1 && first == QLatin1String("permissions")) {
        allow({"GET", "HEAD"});
        return permissionsList(request, caller);
    }
    if (first == QLatin1String("accounts") && seg.size() <= 2) {
        if (seg.size() == 1)
            allow({"GET", "HEAD", "POST", "DELETE"});
        else
            allow({"GET", "PUT", "PATCH", "DELETE"});
        return resourceRequest(request, caller, Resource::make(QStringLiteral("account"), {}, {}, seg.value(1)));
    }
    if (first != QLatin1String("buckets"))
        fail(404, 111, QStringLiteral("The resource you are looking for could not be found."));

    const auto plural = [&] { allow({"GET", "HEAD", "POST", "DELETE"}); };
    const auto object = [&] { allow({"GET", "PUT", "PATCH", "DELETE"}); };
    switch (seg.size()) {
    case 1:
        plural();
        return resourceRequest(request, caller, Resource::make(QStringLiteral("bucket")));
    case 2:
        object();
        return resourceRequest(request, caller, Resource::make(QStringLiteral("bucket"), {}, {}, seg.at(1)));
    case 3:
        if (seg.at(2) == QLatin1String("collections") || seg.at(2) == QLatin1String("groups")) {
            plural();
            return resourceRequest(request, caller, Resource::make(seg.at(2).chopped(1), seg.at(1)));
        }
        if (seg.at(2) == QLatin1String("history")) {
            allow({"GET", "HEAD", "DELETE"});
            return resourceRequest(request, caller, Resource::make(QStringLiteral("history"), seg.at(1)));
        }
        break;
    case 4:
        if (seg.at(2) == QLatin1String("collections") || seg.at(2) == QLatin1String("groups")) {
            object();
            return resourceRequest(request, caller, Resource::make(seg.at(2).chopped(1), seg.at(1), {}, seg.at(3)));
        }
        break;
    case 5:
        if (seg.at(2) == QLatin1String("collections") && seg.at(4) == QLatin1String("changeset")) {
            allow({"GET"});
            return changeset(request, caller, Resource::make(QStringLiteral("collection"), seg.at(1), {}, seg.at(3)));
        }
        if (seg.at(2) == QLatin1String("collections") && seg.at(4) == QLatin1String("records")) {
            plural();
            return resourceRequest(request, caller, Resource::make(QStringLiteral("record"), seg.at(1), seg.at(3)));
        }
        break;
    case 6:
        if (seg.at(2) == QLatin1String("collections") && seg.at(4) == QLatin1String("records")) {
            object();
            return resourceRequest(request, caller,
                                   Resource::make(QStringLiteral("record"), seg.at(1), seg.at(3), seg.at(5)));
        }
        break;
    case 7:
        if (seg.at(2) == QLatin1String("collections") && seg.at(4) == QLatin1String("records")
            && seg.at(6) == QLatin1String("attachment")) {
            allow({"POST", "DELETE"});
            const Resource record = Resource::make(QStringLiteral("record"), seg.at(1), seg.at(3), seg.at(5));
            return m == "POST" ? attachmentPost(request, caller, record) : attachmentDelete(request, caller, record);
        }
        break;
    default:
        break;
    }
    fail(404, 111, QStringLiteral("The resource you are looking for could not be found."));
}

KintoResponse KintoService::hello(const Caller &caller) const
{
    const QString docs = QStringLiteral("https://kinto.readthedocs.io/en/latest/");
    QJsonObject capabilities{
        {QStringLiteral("history"),
         QJsonObject{{QStringLiteral("description"), QStringLiteral("Track changes on data.")},
                     {QStringLiteral("url"), QString(docs + QStringLiteral("api/1.x/history.html"))}}},
        {QStringLiteral("accounts"),
         QJsonObject{{QStringLiteral("description"), QStringLiteral("Manage user accounts.")},
                     {QStringLiteral("url"), QString(docs + QStringLiteral("api/1.x/accounts.html"))}}},
        {QStringLiteral("attachments"),
         QJsonObject{{QStringLiteral("description"), QStringLiteral("Add file attachments to records")},
                     {QStringLiteral("url"), QStringLiteral("https://github.com/Kinto/kinto-attachment/")},
                     {QStringLiteral("version"), QString::fromLatin1(AttachmentVersion)},
                     {QStringLiteral("base_url"), QString(m_origin + QStringLiteral("/attachments/"))}}},
        {QStringLiteral("permissions_endpoint"),
         QJsonObject{{QStringLiteral("description"),
                      QStringLiteral("The permissions endpoint can be used to list all user objects permissions.")},
                     {QStringLiteral("url"),
                      QString(docs + QStringLiteral("configuration/settings.html#activating-the-permissions-endpoint"))}}},
        {QStringLiteral("changes"),
         QJsonObject{{QStringLiteral("description"),
                      QStringLiteral("Track modifications of records in Kinto and store the collection timestamps into a specific bucket and collection.")},
                     {QStringLiteral("url"), QStringLiteral("http://kinto.readthedocs.io/en/latest/tutorials/synchronisation.html#polling-for-remote-changes")},
                     {QStringLiteral("collections"), QJsonArray{}}}},
        {QStringLiteral("schema"),
         QJsonObject{{QStringLiteral("description"), QStringLiteral("Validates collection records with JSON schemas.")},
                     {QStringLiteral("url"), QString(docs + QStringLiteral("api/1.x/collections.html#collection-json-schema"))}}},
    };
    QJsonObject body{
        {QStringLiteral("project_name"), QStringLiteral("kinto")},
        {QStringLiteral("project_version"), QString::fromLatin1(ProjectVersion)},
        {QStringLiteral("http_api_version"), QStringLiteral("1.23")},
        {QStringLiteral("project_docs"), QStringLiteral("https://kinto.readthedocs.io/")},
        {QStringLiteral("url"), QString(m_origin + QStringLiteral("/v1/"))},
        {QStringLiteral("settings"),
         QJsonObject{{QStringLiteral("batch_max_requests"), m_batchMaxRequests},
                     {QStringLiteral("readonly"), false},
                     {QStringLiteral("explicit_permissions"), true},
                     {QStringLiteral("trailing_slash_redirect_enabled"), true}}},
        {QStringLiteral("capabilities"), capabilities},
    };
    if (!caller.userId.isEmpty()) {
        QStringList others(caller.principals.begin(), caller.principals.end());
        others.removeAll(caller.userId);
        others.sort();
        body.insert(QStringLiteral("user"),
                    QJsonObject{{QStringLiteral("id"), caller.userId},
                                {QStringLiteral("principals"), QJsonArray::fromStringList(QStringList{caller.userId} + others)}});
    }
    return jsonResponse(200, body);
}

// ---- permissions

bool KintoService::hasAny(const BoundPermissions &bound, const Caller &caller, const QString &resourceName,
                          const QString &requiredPermission) const
{
    BoundPermissions perms = bound;
    if (perms.isEmpty())
        perms.append({resourceName, requiredPermission});
    for (const auto &[uri, perm] : perms) {
        // Principals granted by settings (kinto.bucket_create_principals, account_create_principals).
        const QString setting = perm.startsWith(resourceName) ? perm : resourceName + QLatin1Char(':') + perm;
        if (setting == QLatin1String("bucket:create") && caller.intersects(m_bucketCreatePrincipals))
            return true;
        if (setting == QLatin1String("account:create"))
            return true; // account_create_principals = system.Everyone
        if (caller.intersects(m_store.acl(uri).value(perm)))
            return true;
    }
    return false;
}

std::optional<QSet<QString>> KintoService::authorize(const KintoRequest &request, const Caller &caller,
                                                     const Resource &res, bool plural,
                                                     const std::optional<QJsonObject> &current) const
{
    if (caller.admin)
        return std::nullopt;
    const QByteArray &m = request.method;
    QString objectId;
    QString required;
    if (plural) {
        if (m == "GET" || m == "HEAD") {
            objectId = res.pluralUri;
            required = QStringLiteral("read");
        } else if (m == "DELETE") {
            objectId = res.pluralUri;
            required = QStringLiteral("write");
        } else if (current) {
            // POST of an existing id returns it: reading it is enough.
            objectId = res.objectUriFor(current->value(QStringLiteral("id")).toString());
            required = QStringLiteral("read");
        } else {
            objectId = res.pluralUri;
            required = QStringLiteral("create");
        }
    } else {
        objectId = res.objectUri();
        if (m == "GET") {
            required = QStringLiteral("read");
        } else if (m == "PUT") {
            if (!current || request.header("If-None-Match").trimmed() == "*") {
                objectId = res.pluralUri;
                required = QStringLiteral("create");
            } else {
                required = QStringLiteral("write");
            }
        } else {
            required = QStringLiteral("write");
        }
    }
    const QString permission = required == QLatin1String("create") ? res.name + QStringLiteral(":create") : required;
    BoundPermissions bound = boundPermissions(objectId, permission);
    bool allowed = hasAny(bound, caller, res.name, required);

    // Writing a missing object is allowed (and answers 404) when the parent can be read.
    if (required == QLatin1String("write") && !plural && !current) {
        const QString parentUri = objectId.section(QLatin1Char('/'), 0, -2);
        allowed = hasAny(boundPermissions(parentUri, QStringLiteral("read")), caller, res.name, required);
    }

    std::optional<QSet<QString>> shared;
    const bool isList = plural && !permission.endsWith(QLatin1String("create")) && !current;
    if (!allowed && isList) {
        // Not allowed on the whole list: the objects shared with the caller are listed.
        QSet<QString> ids;
        for (const QJsonObject &o : m_store.list(res.parentUri, res.name, false)) {
            const QString id = o.value(QStringLiteral("id")).toString();
            const KintoAcl acl = m_store.acl(res.objectUriFor(id));
            if (caller.intersects(acl.value(QStringLiteral("write")))
                || (permission == QLatin1String("read") && caller.intersects(acl.value(QStringLiteral("read")))))
                ids.insert(id);
        }
        if (!ids.isEmpty()) {
            allowed = true;
        } else {
            // Allowed to create such objects: allowed to get the (empty) list.
            const QString createPermission = res.name + QStringLiteral(":create");
            const QString parentUri = objectId.section(QLatin1Char('/'), 0, -2);
            const BoundPermissions createBound = bound.isEmpty()
                ? BoundPermissions{{QString(), QStringLiteral("create")}}
                : BoundPermissions{{parentUri, createPermission}};
            allowed = hasAny(createBound, caller, res.name, QStringLiteral("create"));
        }
        shared = ids;
    }
    if (!allowed) {
        if (caller.userId.isEmpty()) {
            KintoResponse r = errorResponse(401, 104, QStringLiteral("Please authenticate yourself to use this endpoint."));
            r.setHeader("WWW-Authenticate", "Basic realm=\"Realm\"");
            throw Answer{r};
        }
        fail(403, 121, QStringLiteral("This user cannot access this resource."));
    }
    return shared;
}

QJsonObject KintoService::visiblePermissions(const QString &uri, const Caller &caller) const
{
    // Kinto shows an object's permissions to its writers only.
    const KintoAcl acl = m_store.acl(uri);
    if (!caller.admin && !caller.intersects(acl.value(QStringLiteral("write"))))
        return {};
    return aclToJson(acl);
}

// ---- storage helpers

void KintoService::ensureParents(const Resource &res) const
{
    const auto missing = [](const QString &id, const char *resourceName) {
        fail(404, 111, QString(),
             QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("resource_name"), QString::fromLatin1(resourceName)}});
    };
    if (res.name == QLatin1String("bucket") || res.name == QLatin1String("account"))
        return;
    if (!m_store.get(QString(), QStringLiteral("bucket"), res.bucketId))
        missing(res.bucketId, "bucket");
    if (res.name == QLatin1String("record")
        && !m_store.get(QStringLiteral("/buckets/") + res.bucketId, QStringLiteral("collection"), res.collectionId))
        missing(res.collectionId, "collection");
}

QJsonObject KintoService::getOr404(const Resource &res, const QString &id) const
{
    const auto object = m_store.get(res.parentUri, res.name, id);
    if (!object)
        fail(404, 110, QString(),
             QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("resource_name"), res.name}});
    return *object;
}

void KintoService::processData(const Resource &res, QJsonObject &data, const std::optional<QJsonObject> &old) const
{
    if (res.name == QLatin1String("group")) {
        const QJsonValue members = data.value(QStringLiteral("members"));
        if (members.isUndefined())
            data.insert(QStringLiteral("members"), QJsonArray());
        else if (!members.isArray()
                 || std::any_of(members.toArray().begin(), members.toArray().end(),
                                [](const QJsonValue &v) { return !v.isString(); }))
            invalid(QStringLiteral("body"), QStringLiteral("data.members"),
                    QStringLiteral("%1 is not iterable").arg(KintoJsonSchema::pythonRepr(members)));
    } else if (res.name == QLatin1String("collection")) {
        if (data.contains(QStringLiteral("schema"))) {
            const QJsonValue schema = data.value(QStringLiteral("schema"));
            if (!schema.isObject())
                invalid(QStringLiteral("body"), QStringLiteral("data.schema"),
                        QStringLiteral("\"%1\" is not a mapping type").arg(KintoJsonSchema::pythonRepr(schema)));
            const QString problem = KintoJsonSchema::checkSchema(schema.toObject());
            if (!problem.isEmpty())
                invalid(QStringLiteral("body"), QStringLiteral("data.schema"), problem);
        }
        if (data.contains(QStringLiteral("cache_expires")) && !data.value(QStringLiteral("cache_expires")).isDouble())
            invalid(QStringLiteral("body"), QStringLiteral("data.cache_expires"),
                    QStringLiteral("\"%1\" is not a number")
                        .arg(data.value(QStringLiteral("cache_expires")).toVariant().toString()));
    } else if (res.name == QLatin1String("record")) {
        const QString bucketUri = QStringLiteral("/buckets/") + res.bucketId;
        const auto collection = m_store.get(bucketUri, QStringLiteral("collection"), res.collectionId);
        if (collection && collection->contains(QStringLiteral("schema"))) {
            const auto failure = KintoJsonSchema::validateRecord(data, collection->value(QStringLiteral("schema")).toObject());
            if (failure)
                invalid(QStringLiteral("body"), failure->field, failure->message);
            data.insert(QStringLiteral("schema"), collection->value(QStringLiteral("last_modified")));
        }
        const auto bucket = m_store.get(QString(), QStringLiteral("bucket"), res.bucketId);
        if (bucket && bucket->value(QStringLiteral("record:schema")).isObject()) {
            const auto failure =
                KintoJsonSchema::validateRecord(data, bucket->value(QStringLiteral("record:schema")).toObject());
            if (failure)
                invalid(QStringLiteral("body"), failure->field, failure->message);
        }
    } else if (res.name == QLatin1String("account")) {
        const QJsonValue password = data.value(QStringLiteral("password"));
        if (!password.isString() || password.toString().isEmpty())
            invalid(QStringLiteral("body"), QStringLiteral("data.password"), QStringLiteral("Required"));
        if (!old || old->value(QStringLiteral("password")) != password) {
            const QByteArray salt = QUuid::createUuid().toRfc4122().toHex().left(16);
            data.insert(QStringLiteral("password"), passwordHash(password.toString(), salt));
        }
    }
}

KintoAcl KintoService::newAcl(const Resource &res, const std::optional<QJsonObject> &old,
                              const QJsonValue &permissionsPayload, const QByteArray &method,
                              const QByteArray &contentType, const Caller &caller,
                              const std::optional<KintoAcl> &jsonPatched) const
{
    const QString uri = res.objectUri();
    KintoAcl acl = old ? m_store.acl(uri) : KintoAcl();
    const QStringList names = res.permissionNames();

    if (!permissionsPayload.isUndefined() && !permissionsPayload.isNull() && !permissionsPayload.isObject())
        invalid(QStringLiteral("body"), QStringLiteral("permissions"), QStringLiteral("Should be a mapping"));
    const QJsonObject payload = permissionsPayload.toObject();
    for (auto it = payload.constBegin(); it != payload.constEnd(); ++it) {
        if (!names.contains(it.key()))
            invalid(QStringLiteral("body"), QStringLiteral("permissions"),
                    QStringLiteral("Unrecognized keys in mapping: \"{%1: %2}\"")
                        .arg(KintoJsonSchema::pythonRepr(it.key()), KintoJsonSchema::pythonRepr(it.value())));
        if (it.value().isNull())
            continue;
        const QJsonArray principals = it.value().toArray();
        if (!it.value().isArray() || std::any_of(principals.begin(), principals.end(),
                                                 [](const QJsonValue &v) { return !v.isString(); }))
            invalid(QStringLiteral("body"), QString(QStringLiteral("permissions.") + it.key()),
                    QStringLiteral("%1 is not iterable").arg(KintoJsonSchema::pythonRepr(it.value())));
    }
    const auto principalsOf = [](const QJsonValue &v) {
        QSet<QString> set;
        for (const QJsonValue &p : v.toArray())
            set.insert(p.toString());
        return set;
    };

    if (jsonPatched) {
        acl = *jsonPatched;
    } else if (contentType == "application/merge-patch+json") {
        for (auto it = payload.constBegin(); it != payload.constEnd(); ++it) {
            if (it.value().isNull())
                acl.remove(it.key());
            else
                acl.insert(it.key(), principalsOf(it.value()));
        }
    } else if (!payload.isEmpty()) {
        KintoAcl given;
        for (auto it = payload.constBegin(); it != payload.constEnd(); ++it) {
            if (!it.value().isNull())
                given.insert(it.key(), principalsOf(it.value()));
        }
        if (method == "PUT") {
            // A PUT replaces every permission: unnamed ones become empty.
            acl = given;
        } else {
            for (auto it = given.cbegin(); it != given.cend(); ++it)
                acl.insert(it.key(), it.value());
        }
    }
    // The author always keeps write access (accounts belong to themselves).
    const QString owner = res.name == QLatin1String("account") ? QStringLiteral("account:") + res.id
                                                                : caller.currentPrincipal();
    acl[QStringLiteral("write")].insert(owner);
    return acl;
}

QJsonObject KintoService::saveObject(const Resource &res, QJsonObject data, const KintoAcl &acl, bool created,
                                     const Caller &caller, qint64 forcedLastModified)
{
    const QJsonObject stored = m_store.save(res.parentUri, res.name, data, forcedLastModified);
    m_store.setAcl(res.objectUri(), acl);
    recordHistory(created ? QStringLiteral("create") : QStringLiteral("update"), res, stored, caller.userId);
    return stored;
}

QJsonObject KintoService::deleteObject(const Resource &res, const QString &id, const Caller &caller,
                                       qint64 forcedLastModified)
{
    const auto old = m_store.get(res.parentUri, res.name, id);
    const QJsonObject tombstone = m_store.remove(res.parentUri, res.name, id, forcedLastModified);
    const QString uri = res.objectUriFor(id);
    m_store.removeAcl(uri);
    if (res.name == QLatin1String("bucket") || res.name == QLatin1String("collection")) {
        forgetAttachmentsUnder(uri);
        m_store.purgeChildren(uri);
    } else if (res.name == QLatin1String("record") && old) {
        const QString location = old->value(QStringLiteral("attachment")).toObject().value(QStringLiteral("location")).toString();
        m_files.remove(location.section(QStringLiteral("/attachments/"), 1));
    }
    Resource target = res;
    target.id = id;
    recordHistory(QStringLiteral("delete"), target, tombstone, caller.userId);
    return tombstone;
}

void KintoService::forgetAttachmentsUnder(const QString &uriPrefix)
{
    // Files live under "<bucket>/<collection>/" below /attachments/.
    const QStringList parts = uriPrefix.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    QString folder = parts.value(1) + QLatin1Char('/');
    if (parts.size() >= 4)
        folder += parts.value(3) + QLatin1Char('/');
    for (auto it = m_files.begin(); it != m_files.end();) {
        if (it.key().startsWith(folder))
            it = m_files.erase(it);
        else
            ++it;
    }
}

void KintoService::recordHistory(const QString &action, const Resource &res, const QJsonObject &target,
                                 const QString &userId)
{
    if (res.name == QLatin1String("history") || res.name == QLatin1String("account"))
        return;
    const QString objectId = target.value(QStringLiteral("id")).toString();
    const QString bucketId = res.name == QLatin1String("bucket") ? objectId : res.bucketId;
    const QString bucketUri = QStringLiteral("/buckets/") + bucketId;
    const QString uri = res.objectUriFor(objectId);
    const KintoAcl objectAcl = m_store.acl(uri);

    QJsonObject entry{
        {QStringLiteral("id"), uuid4()},
        {QStringLiteral("action"), action},
        {QStringLiteral("resource_name"), res.name},
        {QStringLiteral("uri"), uri},
        {QStringLiteral("user_id"), userId.isEmpty() ? QJsonValue() : QJsonValue(userId)},
        {QStringLiteral("date"), isoNow()},
        {QStringLiteral("target"), QJsonObject{{QStringLiteral("data"), target},
                                               {QStringLiteral("permissions"), aclToJson(objectAcl)}}},
    };
    entry.insert(res.name + QStringLiteral("_id"), objectId);
    if (res.name == QLatin1String("record"))
        entry.insert(QStringLiteral("collection_id"), res.collectionId);

    // Readable by whoever can read the bucket, the collection (for records) or the object.
    QSet<QString> readers;
    const auto addReaders = [&](const KintoAcl &acl) {
        readers.unite(acl.value(QStringLiteral("read")));
        readers.unite(acl.value(QStringLiteral("write")));
    };
    addReaders(m_store.acl(bucketUri));
    if (res.name == QLatin1String("record"))
        addReaders(m_store.acl(res.parentUri));
    addReaders(objectAcl);

    const QJsonObject stored = m_store.save(bucketUri, QStringLiteral("history"), entry);
    m_store.setAcl(bucketUri + QStringLiteral("/history/") + stored.value(QStringLiteral("id")).toString(),
                   KintoAcl{{QStringLiteral("read"), readers}});
}

// ---- listing

KintoService::Listing KintoService::parseListing(const KintoRequest &request, const QString &defaultTiebreak) const
{
    Listing listing;
    std::optional<int> requestedLimit;
    QStringList sortSpec;
    static const QRegularExpression operatorRe(
        QStringLiteral("^(contains_any|contains|exclude|like|has|not|min|max|in|lt|gt|eq)_([\\w\\.]+)$"));
    static const QRegularExpression sortRe(QStringLiteral("^([\\-+]?)([\\w\\.]+)$"));

    for (const auto &[key, rawValue] : request.query.queryItems(QUrl::FullyDecoded)) {
        const QString param = key.trimmed();
        const auto bad = [&](const QString &description) {
            invalid(QStringLiteral("querystring"), param, description);
        };
        if (param == QLatin1String("_limit")) {
            bool ok = false;
            const int limit = rawValue.toInt(&ok);
            if (!ok || limit < 0)
                bad(QStringLiteral("\"%1\" is not a number").arg(rawValue));
            requestedLimit = limit;
        } else if (param == QLatin1String("_sort")) {
            sortSpec = rawValue.split(QLatin1Char(','), Qt::SkipEmptyParts);
        } else if (param == QLatin1String("_fields")) {
            listing.fields = rawValue.split(QLatin1Char(','), Qt::SkipEmptyParts);
        } else if (param == QLatin1String("_token")) {
            const QByteArray decoded = QByteArray::fromBase64(rawValue.toLatin1(), QByteArray::Base64UrlEncoding);
            const QJsonObject token = QJsonDocument::fromJson(decoded).object();
            if (!token.value(QStringLiteral("last_object")).isObject() || !token.value(QStringLiteral("offset")).isDouble())
                invalid(QStringLiteral("querystring"), QJsonValue(), QStringLiteral("_token has invalid content"));
            listing.lastObject = token.value(QStringLiteral("last_object")).toObject();
            listing.offset = token.value(QStringLiteral("offset")).toInteger();
        } else if (param == QLatin1String("_since") || param == QLatin1String("_before") || param == QLatin1String("_to")) {
            QString value = rawValue;
            if (value.size() >= 2 && value.startsWith(QLatin1Char('"')) && value.endsWith(QLatin1Char('"')))
                value = value.mid(1, value.size() - 2);
            if (value == QLatin1String("null"))
                continue;
            bool ok = false;
            const qint64 ts = value.toLongLong(&ok);
            if (!ok)
                bad(QStringLiteral("Invalid value for %1").arg(param));
            listing.filters.append({QStringLiteral("last_modified"), param == QLatin1String("_since") ? Op::Gt : Op::Lt,
                                    QJsonValue(ts)});
        } else if (param.startsWith(QLatin1Char('_'))) {
            continue;
        } else {
            Filter f;
            const QRegularExpressionMatch match = operatorRe.match(param);
            QString op = QStringLiteral("eq");
            f.field = param;
            if (match.hasMatch()) {
                op = match.captured(1);
                f.field = match.captured(2);
            }
            static const QHash<QString, Op> ops{
                {QStringLiteral("eq"), Op::Eq},           {QStringLiteral("not"), Op::Not},
                {QStringLiteral("min"), Op::Min},         {QStringLiteral("max"), Op::Max},
                {QStringLiteral("lt"), Op::Lt},           {QStringLiteral("gt"), Op::Gt},
                {QStringLiteral("in"), Op::In},           {QStringLiteral("exclude"), Op::Exclude},
                {QStringLiteral("like"), Op::Like},       {QStringLiteral("has"), Op::Has},
                {QStringLiteral("contains"), Op::Contains}, {QStringLiteral("contains_any"), Op::ContainsAny},
            };
            f.op = ops.value(op);
            // Ids are strings even when they look like numbers.
            const bool keepString = f.field == QLatin1String("id");
            const auto parse = [&](const QString &v) { return keepString ? QJsonValue(v) : KintoQuery::nativeValue(v); };
            if (f.op == Op::In || f.op == Op::Exclude) {
                QJsonArray values;
                for (const QString &v : rawValue.split(QLatin1Char(',')))
                    values.append(parse(v.trimmed()));
                f.value = values;
            } else if (f.op == Op::Like) {
                f.value = rawValue;
            } else {
                f.value = parse(rawValue);
            }
            if (f.field == QLatin1String("last_modified")) {
                const QJsonArray values = f.value.isArray() ? f.value.toArray() : QJsonArray{f.value};
                if (std::any_of(values.begin(), values.end(), [](const QJsonValue &v) { return !v.isDouble(); }))
                    bad(QStringLiteral("Invalid value for %1").arg(param));
            }
            if (rawValue.contains(QChar(0)) || f.field.contains(QChar(0)))
                bad(QStringLiteral("Invalid character 0x00"));
            listing.filters.append(f);
        }
    }
    for (const Filter &f : std::as_const(listing.filters)) {
        if (f.field == QLatin1String("last_modified"))
            listing.includeDeleted = true;
    }

    bool tiebreakUsed = false;
    for (const QString &spec : std::as_const(sortSpec)) {
        const QRegularExpressionMatch match = sortRe.match(spec.trimmed());
        if (!match.hasMatch())
            continue;
        listing.sorting.append({match.captured(2), match.captured(1) == QLatin1String("-") ? -1 : 1});
        if (match.captured(2) == defaultTiebreak)
            tiebreakUsed = true;
    }
    if (!tiebreakUsed)
        listing.sorting.append({defaultTiebreak, defaultTiebreak == QLatin1String("last_modified") ? -1 : 1});

    // Resource._extract_limit: paginate_by caps any requested limit; the storage fetch size caps all.
    int limit = requestedLimit.value_or(m_paginateBy);
    if (limit > 0 && m_paginateBy > 0)
        limit = qMin(limit, m_paginateBy);
    listing.limit = limit > 0 ? qMin(limit, MaxFetchSize) : MaxFetchSize;
    return listing;
}

KintoResponse KintoService::listResponse(const KintoRequest &request, QList<QJsonObject> objects,
                                         const Listing &listing, KintoResponse response) const
{
    KintoQuery::sort(objects, listing.sorting);
    if (listing.lastObject) {
        objects.erase(std::remove_if(objects.begin(), objects.end(),
                                     [&](const QJsonObject &o) {
                                         return !KintoQuery::isAfter(o, *listing.lastObject, listing.sorting);
                                     }),
                      objects.end());
    }
    if (objects.size() > listing.limit) {
        objects.resize(listing.limit);
        const QJsonObject &last = objects.last();
        QJsonObject lastObject;
        for (const Sort &s : listing.sorting) {
            const KintoQuery::Lookup v = KintoQuery::lookup(last, s.field);
            if (v.found)
                lastObject.insert(s.field, v.value);
        }
        const QJsonObject token{
            {QStringLiteral("last_object"), lastObject},
            {QStringLiteral("offset"), qint64(listing.offset + objects.size())},
            {QStringLiteral("nonce"), QString(QStringLiteral("pagination-token-") + uuid4())},
        };
        QUrlQuery query = request.query;
        query.removeAllQueryItems(QStringLiteral("_limit"));
        query.removeAllQueryItems(QStringLiteral("_token"));
        query.addQueryItem(QStringLiteral("_limit"), QString::number(listing.limit));
        query.addQueryItem(QStringLiteral("_token"),
                           QString::fromLatin1(toJson(token).toBase64(QByteArray::Base64UrlEncoding)));
        QUrl next(m_origin);
        next.setPath(QStringLiteral("/v1") + request.path);
        next.setQuery(query);
        response.setHeader("Next-Page", next.toEncoded());
    }
    QJsonArray data;
    if (listing.fields.isEmpty()) {
        for (const QJsonObject &o : std::as_const(objects))
            data.append(o);
    } else {
        const QStringList fields = listing.fields + QStringList{QStringLiteral("id"), QStringLiteral("last_modified")};
        for (const QJsonObject &o : std::as_const(objects))
            data.append(KintoQuery::subset(o, fields));
    }
    response.setHeader("Content-Type", "application/json");
    response.body = toJson(QJsonObject{{QStringLiteral("data"), data}});
    return response;
}

// ---- generic resource endpoints

KintoResponse KintoService::resourceRequest(const KintoRequest &request, const Caller &caller, const Resource &res)
{
    const bool plural = res.id.isEmpty();
    const QByteArray &m = request.method;
    // As in Kinto, parents are looked up before authorization for writes on an object and for
    // creations, after it for reads and plural deletions.
    const bool writeFlow = plural ? m == "POST" : (m == "PUT" || m == "PATCH" || m == "DELETE");
    if (writeFlow)
        ensureParents(res);

    std::optional<QJsonObject> current;
    if (!plural && writeFlow) {
        current = m_store.get(res.parentUri, res.name, res.id);
    } else if (plural && m == "POST") {
        const QJsonObject body = bodyObject(request);
        const QJsonValue id = body.value(QStringLiteral("data")).toObject().value(QStringLiteral("id"));
        if (!id.isUndefined()) {
            if (!id.isString())
                invalid(QStringLiteral("path"), QJsonValue(), QStringLiteral("Invalid object id"));
            res.validateId(id.toString());
            current = m_store.get(res.parentUri, res.name, id.toString());
        }
    }

    const std::optional<QSet<QString>> shared = authorize(request, caller, res, plural, current);
    if (!writeFlow)
        ensureParents(res);

    if (plural) {
        if (m == "GET" || m == "HEAD")
            return pluralGet(request, caller, res, shared, m == "HEAD");
        if (m == "POST")
            return pluralPost(request, caller, res, current);
        return pluralDelete(request, caller, res, shared);
    }
    if (m == "GET")
        return objectGet(request, caller, res);
    if (m == "PUT")
        return objectPut(request, caller, res);
    if (m == "PATCH")
        return objectPatch(request, caller, res);
    return objectDelete(request, caller, res);
}

KintoResponse KintoService::pluralGet(const KintoRequest &request, const Caller &, const Resource &res,
                                      const std::optional<QSet<QString>> &shared, bool head)
{
    const qint64 ts = m_store.timestamp(res.parentUri, res.name);
    KintoResponse response;
    addTimestampHeaders(response, ts);
    response.setHeader("Cache-Control", "no-cache, no-store");
    checkNotModified(request, ts);
    checkPreconditions(request, true, {}, ts);

    const Listing listing = parseListing(request, QStringLiteral("last_modified"));
    QList<QJsonObject> objects = m_store.list(res.parentUri, res.name, listing.includeDeleted && !head);
    objects.erase(std::remove_if(objects.begin(), objects.end(),
                                 [&](const QJsonObject &o) {
                                     return (shared && !shared->contains(o.value(QStringLiteral("id")).toString()))
                                         || !KintoQuery::matchesAll(o, listing.filters);
                                 }),
                  objects.end());
    if (head) {
        response.setHeader("Total-Objects", QByteArray::number(objects.size()));
        response.setHeader("Total-Records", QByteArray::number(objects.size()));
        response.setHeader("Content-Type", "application/json");
        return response;
    }
    return listResponse(request, objects, listing, response);
}

KintoResponse KintoService::pluralPost(const KintoRequest &request, const Caller &caller, const Resource &res,
                                       const std::optional<QJsonObject> &existing)
{
    const QJsonObject body = bodyObject(request);
    checkPreconditions(request, existing.has_value(), existing.value_or(QJsonObject()),
                       existing ? existing->value(QStringLiteral("last_modified")).toInteger()
                                : m_store.timestamp(res.parentUri, res.name));
    Resource target = res;
    if (existing) {
        target.id = existing->value(QStringLiteral("id")).toString();
        KintoResponse r = jsonResponse(200, QJsonObject{{QStringLiteral("data"), *existing},
                                                        {QStringLiteral("permissions"),
                                                         visiblePermissions(target.objectUri(), caller)}});
        addTimestampHeaders(r, existing->value(QStringLiteral("last_modified")).toInteger());
        return r;
    }
    QJsonObject data = body.value(QStringLiteral("data")).toObject();
    if (!data.contains(QStringLiteral("id"))) {
        if (res.name == QLatin1String("account"))
            invalid(QStringLiteral("body"), QStringLiteral("data.id"), QStringLiteral("Required"));
        data.insert(QStringLiteral("id"), res.name == QLatin1String("record") ? uuid4() : generateName());
    }
    target.id = data.value(QStringLiteral("id")).toString();
    const QJsonValue forced = data.value(QStringLiteral("last_modified"));
    data.remove(QStringLiteral("last_modified"));
    processData(target, data, std::nullopt);
    const KintoAcl acl = newAcl(target, std::nullopt, body.value(QStringLiteral("permissions")), "POST",
                                mediaType(request), caller, std::nullopt);
    const QJsonObject stored = saveObject(target, data, acl, true, caller, forced.isDouble() ? forced.toInteger() : 0);
    KintoResponse r = jsonResponse(201, QJsonObject{{QStringLiteral("data"), stored},
                                                    {QStringLiteral("permissions"),
                                                     visiblePermissions(target.objectUri(), caller)}});
    addTimestampHeaders(r, stored.value(QStringLiteral("last_modified")).toInteger());
    return r;
}

KintoResponse KintoService::pluralDelete(const KintoRequest &request, const Caller &caller, const Resource &res,
                                         const std::optional<QSet<QString>> &shared)
{
    checkPreconditions(request, true, {}, m_store.timestamp(res.parentUri, res.name));
    Listing listing = parseListing(request, QStringLiteral("last_modified"));
    QList<QJsonObject> objects = m_store.list(res.parentUri, res.name, false);
    objects.erase(std::remove_if(objects.begin(), objects.end(),
                                 [&](const QJsonObject &o) {
                                     return (shared && !shared->contains(o.value(QStringLiteral("id")).toString()))
                                         || !KintoQuery::matchesAll(o, listing.filters);
                                 }),
                  objects.end());
    KintoResponse page = listResponse(request, objects, listing, KintoResponse());
    QJsonArray tombstones;
    qint64 newest = 0;
    for (const QJsonValue &v : QJsonDocument::fromJson(page.body).object().value(QStringLiteral("data")).toArray()) {
        const QJsonObject tomb = deleteObject(res, v.toObject().value(QStringLiteral("id")).toString(), caller, 0);
        newest = qMax(newest, tomb.value(QStringLiteral("last_modified")).toInteger());
        tombstones.append(tomb);
    }
    KintoResponse r = jsonResponse(200, QJsonObject{{QStringLiteral("data"), tombstones}});
    if (!page.header("Next-Page").isEmpty())
        r.setHeader("Next-Page", page.header("Next-Page"));
    addTimestampHeaders(r, newest > 0 ? newest : m_store.timestamp(res.parentUri, res.name));
    return r;
}

KintoResponse KintoService::objectGet(const KintoRequest &request, const Caller &caller, const Resource &res)
{
    res.validateId(res.id);
    QJsonObject object = getOr404(res, res.id);
    const qint64 ts = object.value(QStringLiteral("last_modified")).toInteger();
    checkNotModified(request, ts);
    checkPreconditions(request, true, object, ts);
    const Listing listing = parseListing(request, QStringLiteral("last_modified"));
    if (!listing.fields.isEmpty())
        object = KintoQuery::subset(object, listing.fields + QStringList{QStringLiteral("id"), QStringLiteral("last_modified")});
    KintoResponse r = jsonResponse(200, QJsonObject{{QStringLiteral("data"), object},
                                                    {QStringLiteral("permissions"),
                                                     visiblePermissions(res.objectUri(), caller)}});
    addTimestampHeaders(r, ts);
    r.setHeader("Cache-Control", "no-cache, no-store");
    return r;
}

KintoResponse KintoService::objectPut(const KintoRequest &request, const Caller &caller, const Resource &res)
{
    res.validateId(res.id);
    const auto existing = m_store.get(res.parentUri, res.name, res.id);
    checkPreconditions(request, existing.has_value(), existing.value_or(QJsonObject()),
                       existing ? existing->value(QStringLiteral("last_modified")).toInteger()
                                : m_store.timestamp(res.parentUri, res.name));
    const QJsonObject body = bodyObject(request);
    QJsonObject data = body.contains(QStringLiteral("data")) ? body.value(QStringLiteral("data")).toObject()
                                                              : existing.value_or(QJsonObject());
    if (!data.contains(QStringLiteral("id")))
        data.insert(QStringLiteral("id"), res.id);
    if (data.value(QStringLiteral("id")) != QJsonValue(res.id))
        invalid(QStringLiteral("body"), QStringLiteral("id"), QStringLiteral("Object id does not match existing object"));
    qint64 forced = data.value(QStringLiteral("last_modified")).toInteger();
    if (existing && forced <= existing->value(QStringLiteral("last_modified")).toInteger())
        forced = 0;
    data.remove(QStringLiteral("last_modified"));
    processData(res, data, existing);
    const KintoAcl acl = newAcl(res, existing, body.value(QStringLiteral("permissions")), "PUT", mediaType(request),
                                caller, std::nullopt);
    const QJsonObject stored = saveObject(res, data, acl, !existing, caller, forced);
    KintoResponse r = jsonResponse(existing ? 200 : 201,
                                   QJsonObject{{QStringLiteral("data"), stored},
                                               {QStringLiteral("permissions"), visiblePermissions(res.objectUri(), caller)}});
    addTimestampHeaders(r, stored.value(QStringLiteral("last_modified")).toInteger());
    return r;
}

KintoResponse KintoService::objectPatch(const KintoRequest &request, const Caller &caller, const Resource &res)
{
    res.validateId(res.id);
    const QJsonObject existing = getOr404(res, res.id);
    checkPreconditions(request, true, existing, existing.value(QStringLiteral("last_modified")).toInteger());

    const QByteArray contentType = mediaType(request);
    QJsonObject updated;
    QJsonObject changes; // what the client asked to change, for Response-Behavior
    QJsonValue permissionsPayload;
    std::optional<KintoAcl> patchedAcl;
    if (contentType == "application/json-patch+json") {
        const QJsonValue ops = parseJsonBody(request);
        if (!ops.isArray())
            invalid(QStringLiteral("body"), QJsonValue(), QStringLiteral("Invalid JSON Patch: a list of operations is expected"));
        QJsonArray operations;
        for (const QJsonValue &opValue : ops.toArray()) {
            QJsonObject op = opValue.toObject();
            const QString path = op.value(QStringLiteral("path")).toString();
            if (!path.startsWith(QLatin1String("/data")) && !path.startsWith(QLatin1String("/permissions")))
                invalid(QStringLiteral("body"), QStringLiteral("path"),
                        QStringLiteral("%1 does not start with /data or /permissions").arg(KintoJsonSchema::pythonRepr(path)));
            // The principal is the key and the value of permission maps: "value" may be omitted.
            if (path.startsWith(QLatin1String("/permissions/read/")) || path.startsWith(QLatin1String("/permissions/write/")))
                op.insert(QStringLiteral("value"), path.section(QLatin1Char('/'), -1).replace(QStringLiteral("~1"), QStringLiteral("/")).replace(QStringLiteral("~0"), QStringLiteral("~")));
            operations.append(op);
        }
        QJsonObject permissionMaps{{QStringLiteral("read"), QJsonObject()}, {QStringLiteral("write"), QJsonObject()}};
        const KintoAcl oldAcl = m_store.acl(res.objectUri());
        for (auto it = oldAcl.cbegin(); it != oldAcl.cend(); ++it) {
            QJsonObject map;
            for (const QString &p : it.value())
                map.insert(p, p);
            permissionMaps.insert(it.key(), map);
        }
        QJsonObject document{{QStringLiteral("data"), existing}, {QStringLiteral("permissions"), permissionMaps}};
        QString error;
        if (!KintoPatch::jsonPatch(document, operations, &error))
            invalid(QStringLiteral("body"), QJsonValue(), QStringLiteral("JSON Patch operation failed: ") + error);
        updated = document.value(QStringLiteral("data")).toObject();
        changes = updated;
        KintoAcl acl;
        const QJsonObject perms = document.value(QStringLiteral("permissions")).toObject();
        for (auto it = perms.constBegin(); it != perms.constEnd(); ++it) {
            if (!res.permissionNames().contains(it.key()))
                invalid(QStringLiteral("body"), QStringLiteral("permissions"),
                        QStringLiteral("Unrecognized keys in mapping: %1").arg(KintoJsonSchema::pythonRepr(it.key())));
            const QStringList keys = it.value().toObject().keys();
            acl.insert(it.key(), QSet<QString>(keys.begin(), keys.end()));
        }
        patchedAcl = acl;
    } else {
        const QJsonObject body = bodyObject(request);
        if (!body.contains(QStringLiteral("data")) && !body.contains(QStringLiteral("permissions")))
            invalid(QStringLiteral("body"), QStringLiteral("data"), QStringLiteral("Provide at least one of data or permissions"));
        changes = body.value(QStringLiteral("data")).toObject();
        permissionsPayload = body.value(QStringLiteral("permissions"));
        updated = existing;
        if (contentType == "application/merge-patch+json") {
            KintoPatch::mergePatch(updated, changes);
        } else {
            for (auto it = changes.constBegin(); it != changes.constEnd(); ++it)
                updated.insert(it.key(), it.value());
        }
    }
    if (!updated.contains(QStringLiteral("id")))
        updated.insert(QStringLiteral("id"), res.id);
    if (updated.value(QStringLiteral("id")) != QJsonValue(res.id))
        invalid(QStringLiteral("body"), QStringLiteral("id"), QStringLiteral("Object id does not match existing object"));
    qint64 forced = changes.value(QStringLiteral("last_modified")).toInteger();
    if (forced <= existing.value(QStringLiteral("last_modified")).toInteger())
        forced = 0;
    updated.remove(QStringLiteral("last_modified"));
    processData(res, updated, existing);
    const KintoAcl acl = newAcl(res, existing, permissionsPayload, "PATCH", contentType, caller, patchedAcl);

    QStringList changedFields;
    for (auto it = changes.constBegin(); it != changes.constEnd(); ++it) {
        if (existing.value(it.key()) != updated.value(it.key()))
            changedFields << it.key();
    }
    const QJsonObject stored = saveObject(res, updated, acl, false, caller, forced);

    QJsonObject data = stored;
    const QByteArray behavior = request.header("Response-Behavior").trimmed().toLower();
    if (behavior == "light" || behavior == "diff") {
        data = {};
        for (const QString &field : std::as_const(changedFields)) {
            if (behavior == "light" || changes.value(field) != stored.value(field))
                data.insert(field, stored.value(field));
        }
    }
    KintoResponse r = jsonResponse(200, QJsonObject{{QStringLiteral("data"), data},
                                                    {QStringLiteral("permissions"),
                                                     visiblePermissions(res.objectUri(), caller)}});
    addTimestampHeaders(r, stored.value(QStringLiteral("last_modified")).toInteger());
    return r;
}

KintoResponse KintoService::objectDelete(const KintoRequest &request, const Caller &caller, const Resource &res)
{
    res.validateId(res.id);
    const QJsonObject existing = getOr404(res, res.id);
    const qint64 ts = existing.value(QStringLiteral("last_modified")).toInteger();
    checkPreconditions(request, true, existing, ts);
    qint64 forced = request.query.queryItemValue(QStringLiteral("last_modified")).toLongLong();
    if (forced <= ts)
        forced = 0;
    const QJsonObject tombstone = deleteObject(res, res.id, caller, forced);
    KintoResponse r = jsonResponse(200, QJsonObject{{QStringLiteral("data"), tombstone}});
    addTimestampHeaders(r, tombstone.value(QStringLiteral("last_modified")).toInteger());
    return r;
}

// ---- batch

KintoResponse KintoService::batch(const KintoRequest &request)
{
    const QJsonValue parsed = parseJsonBody(request);
    if (!parsed.isObject())
        invalid(QStringLiteral("body"), QJsonValue(), QStringLiteral("Invalid JSON: a JSON object is expected"));
    const QJsonObject body = parsed.toObject();
    for (const QString &key : body.keys()) {
        if (key != QLatin1String("defaults") && key != QLatin1String("requests"))
            invalid(QStringLiteral("body"), key, QStringLiteral("Unrecognized key"));
    }
    if (!body.value(QStringLiteral("requests")).isArray())
        invalid(QStringLiteral("body"), QStringLiteral("requests"), QStringLiteral("Required"));
    const QJsonObject defaults = body.value(QStringLiteral("defaults")).toObject();
    const QJsonArray requests = body.value(QStringLiteral("requests")).toArray();

    // Defaults fill what each request leaves out (recursively for headers and body).
    const std::function<QJsonObject(QJsonObject, const QJsonObject &)> mergeDefaults =
        [&](QJsonObject target, const QJsonObject &fallback) {
            for (auto it = fallback.constBegin(); it != fallback.constEnd(); ++it) {
                if (!target.contains(it.key()))
                    target.insert(it.key(), it.value());
                else if (target.value(it.key()).isObject() && it.value().isObject())
                    target.insert(it.key(), mergeDefaults(target.value(it.key()).toObject(), it.value().toObject()));
            }
            return target;
        };
    QList<QJsonObject> subrequests;
    for (qsizetype i = 0; i < requests.size(); ++i) {
        const QJsonObject sub = mergeDefaults(requests.at(i).toObject(), defaults);
        const QString prefix = QStringLiteral("requests.%1.").arg(i);
        if (!requests.at(i).isObject())
            invalid(QStringLiteral("body"), QStringLiteral("requests.%1").arg(i), QStringLiteral("Should be a mapping"));
        if (!sub.value(QStringLiteral("path")).toString().startsWith(QLatin1Char('/')))
            invalid(QStringLiteral("body"), QString(prefix + QStringLiteral("path")),
                    sub.contains(QStringLiteral("path")) ? QStringLiteral("String does not match expected pattern")
                                                         : QStringLiteral("Required"));
        static const QStringList methods{QStringLiteral("GET"), QStringLiteral("HEAD"), QStringLiteral("DELETE"),
                                         QStringLiteral("TRACE"), QStringLiteral("POST"), QStringLiteral("PUT"),
                                         QStringLiteral("PATCH")};
        if (sub.contains(QStringLiteral("method")) && !methods.contains(sub.value(QStringLiteral("method")).toString().toUpper()))
            invalid(QStringLiteral("body"), QString(prefix + QStringLiteral("method")),
                    QStringLiteral("\"%1\" is not one of GET, HEAD, DELETE, TRACE, POST, PUT, PATCH")
                        .arg(sub.value(QStringLiteral("method")).toString()));
        subrequests.append(sub);
    }
    if (subrequests.size() > m_batchMaxRequests)
        invalid(QStringLiteral("body"), QStringLiteral("requests"),
                QStringLiteral("Number of requests is limited to %1").arg(m_batchMaxRequests));
    for (const QJsonObject &sub : std::as_const(subrequests)) {
        if (sub.value(QStringLiteral("path")).toString().contains(QLatin1String("/batch")))
            invalid(QStringLiteral("body"), QStringLiteral("requests"),
                    QStringLiteral("Recursive call on /batch endpoint is forbidden."));
    }

    // One transaction: a 5xx in any sub-request rolls every change back.
    const KintoStore snapshot = m_store;
    const QHash<QString, KintoAttachmentFile> filesSnapshot = m_files;
    QJsonArray responses;
    for (const QJsonObject &sub : std::as_const(subrequests)) {
        KintoRequest subrequest;
        subrequest.method = sub.value(QStringLiteral("method")).toString(QStringLiteral("GET")).toUpper().toLatin1();
        QString path = sub.value(QStringLiteral("path")).toString();
        if (path.startsWith(QLatin1String("/v1/")) || path == QLatin1String("/v1"))
            path = path.mid(3);
        const QUrl url(QStringLiteral("http://sandbox") + path);
        subrequest.path = url.path(QUrl::FullyDecoded);
        if (subrequest.path.isEmpty())
            subrequest.path = QStringLiteral("/");
        subrequest.query = QUrlQuery(url.query(QUrl::FullyEncoded));
        const QByteArray authorization = request.header("Authorization");
        if (!authorization.isEmpty())
            subrequest.headers.append({QByteArray("Authorization"), authorization});
        const QJsonObject headers = sub.value(QStringLiteral("headers")).toObject();
        for (auto it = headers.constBegin(); it != headers.constEnd(); ++it)
            subrequest.headers.append({it.key().toLatin1(), it.value().toString().toUtf8()});
        if (sub.contains(QStringLiteral("body"))) {
            subrequest.body = toJson(sub.value(QStringLiteral("body")));
            if (subrequest.header("Content-Type").isEmpty())
                subrequest.headers.append({QByteArray("Content-Type"), QByteArray("application/json")});
        }

        const KintoResponse response = handle(subrequest);
        if (response.status >= 500) {
            m_store = snapshot;
            m_files = filesSnapshot;
            return response;
        }
        QJsonObject headerMap;
        for (const auto &[name, value] : response.headers)
            headerMap.insert(QString::fromLatin1(name), QString::fromUtf8(value));
        QJsonObject item{
            {QStringLiteral("status"), response.status},
            {QStringLiteral("path"), QString(QStringLiteral("/v1") + subrequest.path)},
            {QStringLiteral("headers"), headerMap},
        };
        if (!response.body.isEmpty()) {
            const QJsonDocument doc = QJsonDocument::fromJson(response.body);
            item.insert(QStringLiteral("body"), doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object()));
        }
        responses.append(item);
    }
    return jsonResponse(200, QJsonObject{{QStringLiteral("responses"), responses}});
}

// ---- permissions endpoint

KintoResponse KintoService::permissionsList(const KintoRequest &request, const Caller &caller)
{
    // Which permissions a directly granted permission implies on the same object.
    const auto implied = [](const QString &resource, const QString &perm) -> QStringList {
        if (perm != QLatin1String("write"))
            return {perm};
        if (resource == QLatin1String("bucket"))
            return {QStringLiteral("write"), QStringLiteral("read"), QStringLiteral("collection:create"),
                    QStringLiteral("group:create")};
        if (resource == QLatin1String("collection"))
            return {QStringLiteral("write"), QStringLiteral("read"), QStringLiteral("record:create")};
        return {QStringLiteral("write"), QStringLiteral("read")};
    };
    QList<QJsonObject> entries;
    const QHash<QString, KintoAcl> &acls = m_store.acls();
    for (auto it = acls.cbegin(); it != acls.cend(); ++it) {
        const QStringList parts = it.key().split(QLatin1Char('/'), Qt::SkipEmptyParts);
        QJsonObject entry;
        QString resource;
        if (parts.size() == 2 && parts.at(0) == QLatin1String("accounts")) {
            resource = QStringLiteral("account");
        } else if (parts.size() >= 2 && parts.at(0) == QLatin1String("buckets")) {
            entry.insert(QStringLiteral("bucket_id"), parts.at(1));
            if (parts.size() == 2)
                resource = QStringLiteral("bucket");
            else if (parts.size() == 4 && parts.at(2) == QLatin1String("collections"))
                resource = QStringLiteral("collection");
            else if (parts.size() == 4 && parts.at(2) == QLatin1String("groups"))
                resource = QStringLiteral("group");
            else if (parts.size() == 6 && parts.at(4) == QLatin1String("records")) {
                resource = QStringLiteral("record");
                entry.insert(QStringLiteral("collection_id"), parts.at(3));
            }
        }
        if (resource.isEmpty())
            continue; // history entries
        QSet<QString> granted;
        for (auto p = it.value().cbegin(); p != it.value().cend(); ++p) {
            if (caller.intersects(p.value())) {
                for (const QString &perm : implied(resource, p.key()))
                    granted.insert(perm);
            }
        }
        if (granted.isEmpty())
            continue;
        QStringList perms(granted.begin(), granted.end());
        perms.sort();
        entry.insert(QStringLiteral("id"), parts.last());
        entry.insert(QStringLiteral("uri"), it.key());
        entry.insert(QStringLiteral("resource_name"), resource);
        entry.insert(QStringLiteral("permissions"), QJsonArray::fromStringList(perms));
        entries.append(entry);
    }
    const Listing listing = parseListing(request, QStringLiteral("uri"));
    entries.erase(std::remove_if(entries.begin(), entries.end(),
                                 [&](const QJsonObject &o) { return !KintoQuery::matchesAll(o, listing.filters); }),
                  entries.end());
    KintoResponse response;
    if (request.method == "HEAD") {
        response.setHeader("Total-Objects", QByteArray::number(entries.size()));
        response.setHeader("Total-Records", QByteArray::number(entries.size()));
        return response;
    }
    return listResponse(request, entries, listing, response);
}

// ---- changeset (remote-settings' kinto-changes): a collection's metadata and records in one answer

KintoResponse KintoService::changeset(const KintoRequest &request, const Caller &caller, const Resource &collection)
{
    authorize(request, caller, collection, false, {});
    ensureParents(collection);
    const std::optional<QJsonObject> metadata = m_store.get(collection.parentUri, collection.name, collection.id);
    if (!metadata)
        fail(404, 111, QStringLiteral("The resource you are looking for could not be found."));
    if (!request.query.hasQueryItem(QStringLiteral("_expected")))
        invalid(QStringLiteral("querystring"), QStringLiteral("_expected"), QStringLiteral("_expected is missing"));

    const QString recordsParent = collection.objectUri();
    const qint64 timestamp = m_store.timestamp(recordsParent, QStringLiteral("record"));
    const QString sinceText = request.query.queryItemValue(QStringLiteral("_since"), QUrl::FullyDecoded).remove(QLatin1Char('"'));
    bool hasSince = false;
    const qint64 since = sinceText.toLongLong(&hasSince);
    QList<QJsonObject> changes = m_store.list(recordsParent, QStringLiteral("record"), hasSince);
    if (hasSince)
        changes.erase(std::remove_if(changes.begin(), changes.end(),
                          [since](const QJsonObject &o) { return o.value(QStringLiteral("last_modified")).toInteger() <= since; }),
            changes.end());
    std::sort(changes.begin(), changes.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return a.value(QStringLiteral("last_modified")).toInteger() > b.value(QStringLiteral("last_modified")).toInteger();
    });
    QJsonArray list;
    for (const QJsonObject &o : std::as_const(changes))
        list.append(o);
    KintoResponse response;
    addTimestampHeaders(response, timestamp);
    response.setHeader("Content-Type", "application/json");
    response.body = QJsonDocument(QJsonObject { { QStringLiteral("metadata"), *metadata },
                                      { QStringLiteral("timestamp"), timestamp },
                                      { QStringLiteral("changes"), list } })
                        .toJson(QJsonDocument::Compact);
    return response;
}

// ---- attachments (kinto-attachment)

KintoResponse KintoService::attachmentPost(const KintoRequest &request, const Caller &caller, const Resource &record)
{
    ensureParents(record);
    const auto existing = m_store.get(record.parentUri, record.name, record.id);
    // Uploading creates the record when missing: the same permissions as a PUT.
    KintoRequest asPut = request;
    asPut.method = "PUT";
    authorize(asPut, caller, record, false, existing);
    record.validateId(record.id);

    const QByteArray contentType = request.header("Content-Type");
    if (!contentType.trimmed().toLower().startsWith("multipart/form-data"))
        invalid(QStringLiteral("body"), QJsonValue(), QStringLiteral("Content-Type should be multipart/form-data"));
    const auto parts = parseMultipart(contentType, request.body);
    if (!parts)
        invalid(QStringLiteral("body"), QJsonValue(), QStringLiteral("Invalid multipart body"));

    const MultipartPart *file = nullptr;
    QJsonObject postedData;
    QJsonValue postedPermissions;
    for (const MultipartPart &part : *parts) {
        const QString name = QString::fromUtf8(part.name);
        if (name == QLatin1String("attachment")) {
            file = &part;
        } else if (name == QLatin1String("data") || name == QLatin1String("permissions")) {
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(part.body, &error);
            if (error.error != QJsonParseError::NoError || !doc.isObject())
                invalid(QStringLiteral("body"), name, QStringLiteral("Invalid JSON"));
            if (name == QLatin1String("data"))
                postedData = doc.object();
            else
                postedPermissions = doc.object();
        } else {
            invalid(QStringLiteral("body"), QJsonValue(),
                    QStringLiteral("%1 not in ('data', 'permissions')").arg(KintoJsonSchema::pythonRepr(name)), 109);
        }
    }
    if (!file || !file->hasFilename)
        invalid(QStringLiteral("body"), QStringLiteral("file"), QStringLiteral("Attachment missing."), 109);

    const QString filename = QString::fromUtf8(file->filename);
    const QString suffix = QFileInfo(filename).suffix();
    QByteArray mimetype = file->contentType.split(';').first().trimmed();
    if (mimetype.isEmpty() || mimetype == "application/octet-stream") {
        const QByteArray guessed = QMimeDatabase().mimeTypeForFile(filename, QMimeDatabase::MatchExtension).name().toLatin1();
        if (!guessed.isEmpty() && guessed != "application/octet-stream")
            mimetype = guessed;
        else if (mimetype.isEmpty())
            mimetype = "application/octet-stream";
    }
    const QString relativePath = record.bucketId + QLatin1Char('/') + record.collectionId + QLatin1Char('/') + uuid4()
        + (suffix.isEmpty() ? QString() : QLatin1Char('.') + suffix);
    const QJsonObject attachment{
        {QStringLiteral("filename"), filename},
        {QStringLiteral("hash"), QString::fromLatin1(QCryptographicHash::hash(file->body, QCryptographicHash::Sha256).toHex())},
        {QStringLiteral("location"), QString(m_origin + QStringLiteral("/attachments/") + relativePath)},
        {QStringLiteral("mimetype"), QString::fromLatin1(mimetype)},
        {QStringLiteral("size"), qint64(file->body.size())},
    };

    QJsonObject data = existing.value_or(QJsonObject{{QStringLiteral("id"), record.id}});
    for (auto it = postedData.constBegin(); it != postedData.constEnd(); ++it)
        data.insert(it.key(), it.value());
    data.insert(QStringLiteral("id"), record.id);
    data.insert(QStringLiteral("attachment"), attachment);
    data.remove(QStringLiteral("last_modified"));
    processData(record, data, existing);
    const KintoAcl acl = newAcl(record, existing, postedPermissions, existing ? "PATCH" : "PUT", "application/json",
                                caller, std::nullopt);
    if (existing) {
        const QString old = existing->value(QStringLiteral("attachment")).toObject().value(QStringLiteral("location")).toString();
        m_files.remove(old.section(QStringLiteral("/attachments/"), 1));
    }
    m_files.insert(relativePath, KintoAttachmentFile{mimetype, file->body});
    const QJsonObject stored = saveObject(record, data, acl, !existing, caller, 0);

    KintoResponse r = jsonResponse(201, attachment);
    r.setHeader("Location", (m_origin + QStringLiteral("/v1") + record.objectUri()).toUtf8());
    addTimestampHeaders(r, stored.value(QStringLiteral("last_modified")).toInteger());
    return r;
}

KintoResponse KintoService::attachmentDelete(const KintoRequest &request, const Caller &caller, const Resource &record)
{
    ensureParents(record);
    const auto existing = m_store.get(record.parentUri, record.name, record.id);
    authorize(request, caller, record, false, existing);
    record.validateId(record.id);
    const QJsonObject object = getOr404(record, record.id);
    const QString location = object.value(QStringLiteral("attachment")).toObject().value(QStringLiteral("location")).toString();
    m_files.remove(location.section(QStringLiteral("/attachments/"), 1));
    QJsonObject data = object;
    data.insert(QStringLiteral("attachment"), QJsonValue());
    data.remove(QStringLiteral("last_modified"));
    const KintoAcl acl = newAcl(record, object, QJsonValue(), "PATCH", "application/json", caller, std::nullopt);
    saveObject(record, data, acl, false, caller, 0);
    KintoResponse r;
    r.status = 204;
    return r;
}

std::optional<KintoAttachmentFile> KintoService::attachmentFile(const QString &relativePath) const
{
    const auto it = m_files.constFind(relativePath);
    if (it == m_files.cend())
        return std::nullopt;
    return *it;
}

// ---- direct access (seeding, tests)

void KintoService::addAccount(const QString &user, const QString &password)
{
    const QByteArray salt = QUuid::createUuid().toRfc4122().toHex().left(16);
    m_store.save(QString(), QStringLiteral("account"),
                 QJsonObject{{QStringLiteral("id"), user}, {QStringLiteral("password"), passwordHash(password, salt)}});
    m_store.setAcl(QStringLiteral("/accounts/") + user,
                   KintoAcl{{QStringLiteral("write"), {QStringLiteral("account:") + user}}});
}

namespace {

// The resource an object URI names ("/buckets/b/collections/c" -> collection c of bucket b).
std::optional<QStringList> uriParts(const QString &uri)
{
    const QStringList parts = uri.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (parts.size() == 2 && parts.at(0) == QLatin1String("buckets"))
        return parts;
    if (parts.size() == 4 && parts.at(0) == QLatin1String("buckets")
        && (parts.at(2) == QLatin1String("collections") || parts.at(2) == QLatin1String("groups")))
        return parts;
    if (parts.size() == 6 && parts.at(0) == QLatin1String("buckets") && parts.at(2) == QLatin1String("collections")
        && parts.at(4) == QLatin1String("records"))
        return parts;
    return std::nullopt;
}

} // namespace

QJsonObject KintoService::writeObject(const QString &uri, QJsonObject data, const KintoAcl &acl, const QString &userId,
                                      bool withHistory, qint64 forcedLastModified)
{
    const auto parts = uriParts(uri);
    if (!parts)
        return {};
    Resource res;
    if (parts->size() == 2)
        res = Resource::make(QStringLiteral("bucket"), {}, {}, parts->at(1));
    else if (parts->size() == 4)
        res = Resource::make(parts->at(2).chopped(1), parts->at(1), {}, parts->at(3));
    else
        res = Resource::make(QStringLiteral("record"), parts->at(1), parts->at(3), parts->at(5));
    data.insert(QStringLiteral("id"), res.id);
    data.remove(QStringLiteral("last_modified"));
    const bool created = !m_store.get(res.parentUri, res.name, res.id).has_value();
    const QJsonObject stored = m_store.save(res.parentUri, res.name, data, forcedLastModified);
    m_store.setAcl(uri, acl);
    if (withHistory)
        recordHistory(created ? QStringLiteral("create") : QStringLiteral("update"), res, stored, userId);
    return stored;
}

std::optional<QJsonObject> KintoService::object(const QString &uri) const
{
    const auto parts = uriParts(uri);
    if (!parts)
        return std::nullopt;
    if (parts->size() == 2)
        return m_store.get(QString(), QStringLiteral("bucket"), parts->at(1));
    if (parts->size() == 4)
        return m_store.get(QStringLiteral("/buckets/") + parts->at(1), parts->at(2).chopped(1), parts->at(3));
    return m_store.get(QStringLiteral("/buckets/") + parts->at(1) + QStringLiteral("/collections/") + parts->at(3),
                       QStringLiteral("record"), parts->at(5));
}
