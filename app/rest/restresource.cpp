#include "restresource.h"

#include <QCoreApplication>
#include <QRegularExpression>

static const char *const kindNames[] = { "none", "page", "offset", "next", "link" };

QString RestPaging::kindName(Kind kind)
{
    return QLatin1String(kindNames[int(kind)]);
}

bool RestPaging::kindFromName(const QString &name, Kind *kind)
{
    for (int i = 0; i < 5; ++i) {
        if (name == QLatin1String(kindNames[i])) {
            *kind = Kind(i);
            return true;
        }
    }
    return false;
}

QJsonObject RestResource::toJson() const
{
    QJsonObject json { { QStringLiteral("name"), name }, { QStringLiteral("path"), path },
        { QStringLiteral("idField"), idField }, { QStringLiteral("itemsKey"), itemsKey },
        { QStringLiteral("paging"), RestPaging::kindName(paging.kind) },
        { QStringLiteral("pageParam"), paging.pageParam }, { QStringLiteral("sizeParam"), paging.sizeParam },
        { QStringLiteral("offsetParam"), paging.offsetParam }, { QStringLiteral("limitParam"), paging.limitParam },
        { QStringLiteral("nextField"), paging.nextField }, { QStringLiteral("firstPage"), paging.firstPage },
        { QStringLiteral("pageSize"), paging.pageSize } };
    if (!itemPath.isEmpty())
        json.insert(QStringLiteral("itemPath"), itemPath);
    if (!itemSchema.isEmpty())
        json.insert(QStringLiteral("itemSchema"), itemSchema);
    return json;
}

bool RestResource::fromJson(const QJsonObject &json, RestResource *resource, QString *error)
{
    RestResource r;
    const auto text = [&json](const char *key, const QString &fallback) {
        const QJsonValue value = json.value(QLatin1String(key));
        return value.isString() ? value.toString() : fallback;
    };
    r.path = text("path", {});
    if (r.path.isEmpty()) {
        *error = QCoreApplication::translate("RestResource", "A resource needs a collection path such as /users.");
        return false;
    }
    r.name = text("name", r.path);
    r.idField = text("idField", r.idField);
    r.itemsKey = text("itemsKey", {});
    r.itemPath = text("itemPath", {});
    if (!RestPaging::kindFromName(text("paging", QStringLiteral("none")), &r.paging.kind)) {
        *error = QCoreApplication::translate("RestResource", "Unknown paging \"%1\" (none, page, offset, next or link).")
                     .arg(text("paging", {}));
        return false;
    }
    r.paging.pageParam = text("pageParam", r.paging.pageParam);
    r.paging.sizeParam = text("sizeParam", r.paging.sizeParam);
    r.paging.offsetParam = text("offsetParam", r.paging.offsetParam);
    r.paging.limitParam = text("limitParam", r.paging.limitParam);
    r.paging.nextField = text("nextField", r.paging.nextField);
    r.paging.firstPage = json.value(QLatin1String("firstPage")).toInt(r.paging.firstPage);
    r.paging.pageSize = std::max(0, json.value(QLatin1String("pageSize")).toInt(r.paging.pageSize));
    r.itemSchema = json.value(QLatin1String("itemSchema")).toObject();
    *resource = r;
    return true;
}

QString RestResource::itemEndpoint(const QString &id) const
{
    const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(id));
    if (itemPath.contains(QLatin1String("{")))
        return QString(itemPath).replace(QRegularExpression(QStringLiteral("\\{[^}/]*\\}")), encoded);
    QString base = path;
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    return base + QLatin1Char('/') + encoded;
}

QString RestResource::idOf(const QJsonObject &item) const
{
    const QJsonValue id = valueAt(item, idField);
    if (id.isDouble())
        return QString::number(id.toDouble(), 'g', 17);
    return id.isString() ? id.toString() : QString();
}

HttpRequest RestResource::pageRequest(const QString &cursor) const
{
    if (!cursor.isEmpty() && (paging.kind == RestPaging::Kind::NextLink || paging.kind == RestPaging::Kind::LinkHeader))
        return HttpRequest("GET", cursor); // the server's own link, as given
    HttpRequest request("GET", path);
    const QString size = paging.pageSize > 0 ? QString::number(paging.pageSize) : QString();
    switch (paging.kind) {
    case RestPaging::Kind::None:
        break;
    case RestPaging::Kind::PageSize:
    case RestPaging::Kind::NextLink:
    case RestPaging::Kind::LinkHeader:
        if (!paging.pageParam.isEmpty() && (paging.kind == RestPaging::Kind::PageSize || !paging.sizeParam.isEmpty()))
            request.addQuery(paging.pageParam, cursor.isEmpty() ? QString::number(paging.firstPage) : cursor);
        if (!size.isEmpty() && !paging.sizeParam.isEmpty())
            request.addQuery(paging.sizeParam, size);
        break;
    case RestPaging::Kind::OffsetLimit:
        request.addQuery(paging.offsetParam, cursor.isEmpty() ? QStringLiteral("0") : cursor);
        if (!size.isEmpty())
            request.addQuery(paging.limitParam, size);
        break;
    }
    return request;
}

QJsonValue RestResource::valueAt(const QJsonValue &root, const QString &dottedPath)
{
    QJsonValue value = root;
    for (const QString &key : dottedPath.split(QLatin1Char('.'), Qt::SkipEmptyParts)) {
        if (!value.isObject())
            return QJsonValue(QJsonValue::Undefined);
        value = value.toObject().value(key);
    }
    return value;
}

bool RestResource::itemsOf(const QJsonValue &body, QJsonArray *items, QString *error) const
{
    const QJsonValue list = itemsKey.isEmpty() ? body : valueAt(body, itemsKey);
    if (!list.isArray()) {
        *error = itemsKey.isEmpty()
            ? QCoreApplication::translate("RestResource", "The answer is not a JSON array; name the key that holds the items.")
            : QCoreApplication::translate("RestResource", "The answer has no array at \"%1\".").arg(itemsKey);
        return false;
    }
    *items = list.toArray();
    return true;
}

static bool sameOrigin(const QUrl &a, const QUrl &b)
{
    const auto port = [](const QUrl &u) { return u.port(u.scheme() == QLatin1String("https") ? 443 : 80); };
    return a.scheme() == b.scheme() && a.host().compare(b.host(), Qt::CaseInsensitive) == 0 && port(a) == port(b);
}

QUrl RestResource::nextFromLinkHeader(const QByteArray &header, const QUrl &base)
{
    // <url>; rel="next", <url>; rel="last"  (rel may list several relations)
    static const QRegularExpression link(QStringLiteral("<([^>]*)>([^,<]*)"));
    static const QRegularExpression relNext(QStringLiteral("rel\\s*=\\s*\"?([^\";]*)\"?"));
    auto it = link.globalMatch(QString::fromLatin1(header));
    while (it.hasNext()) {
        const auto match = it.next();
        const auto rel = relNext.match(match.captured(2));
        if (rel.hasMatch() && rel.captured(1).split(QLatin1Char(' ')).contains(QLatin1String("next"), Qt::CaseInsensitive))
            return base.resolved(QUrl(match.captured(1).trimmed()));
    }
    return {};
}

QString RestResource::nextCursor(const QString &cursor, const HttpResponse &response, int itemCount, const QUrl &baseUrl) const
{
    if (itemCount == 0)
        return {};
    const auto link = [&](const QUrl &next) {
        // Only the tenant's own origin, and never the page just fetched (a loop).
        if (!next.isValid() || !sameOrigin(next, baseUrl) || next == response.url)
            return QString();
        return next.toString(QUrl::FullyEncoded);
    };
    switch (paging.kind) {
    case RestPaging::Kind::None:
        return {};
    case RestPaging::Kind::PageSize: {
        if (paging.pageSize > 0 && itemCount < paging.pageSize)
            return {};
        const int page = cursor.isEmpty() ? paging.firstPage : cursor.toInt();
        return QString::number(page + 1);
    }
    case RestPaging::Kind::OffsetLimit: {
        if (paging.pageSize > 0 && itemCount < paging.pageSize)
            return {};
        return QString::number(cursor.toLongLong() + itemCount);
    }
    case RestPaging::Kind::NextLink: {
        const QJsonValue next = valueAt(response.json, paging.nextField);
        return next.isString() && !next.toString().isEmpty() ? link(response.url.resolved(QUrl(next.toString()))) : QString();
    }
    case RestPaging::Kind::LinkHeader:
        return link(nextFromLinkHeader(response.header("Link"), response.url));
    }
    return {};
}
