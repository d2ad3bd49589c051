#include "kintolisting.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>

using KintoQuery::Filter;
using KintoQuery::Op;
using KintoQuery::Sort;
using namespace KintoProtocol;

namespace {

// One `[op_]field=value` filter.
Filter parseFilter(const QString &param, const QString &rawValue)
{
    static const QRegularExpression operatorRe(
        QStringLiteral("^(contains_any|contains|exclude|like|has|not|min|max|in|lt|gt|eq)_([\\w\\.]+)$"));
    static const QHash<QString, Op> ops{
        {QStringLiteral("eq"), Op::Eq},           {QStringLiteral("not"), Op::Not},
        {QStringLiteral("min"), Op::Min},         {QStringLiteral("max"), Op::Max},
        {QStringLiteral("lt"), Op::Lt},           {QStringLiteral("gt"), Op::Gt},
        {QStringLiteral("in"), Op::In},           {QStringLiteral("exclude"), Op::Exclude},
        {QStringLiteral("like"), Op::Like},       {QStringLiteral("has"), Op::Has},
        {QStringLiteral("contains"), Op::Contains}, {QStringLiteral("contains_any"), Op::ContainsAny},
    };
    Filter f;
    const QRegularExpressionMatch match = operatorRe.match(param);
    f.field = match.hasMatch() ? match.captured(2) : param;
    f.op = ops.value(match.hasMatch() ? match.captured(1) : QStringLiteral("eq"));
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
    return f;
}

} // namespace

ServiceResult<KintoListing> KintoListing::parse(const KintoSettings &settings, const ServiceRequest &request,
                                                const QString &defaultTiebreak)
{
    KintoListing listing;
    std::optional<int> requestedLimit;
    QStringList sortSpec;
    for (const auto &[key, rawValue] : request.query.queryItems(QUrl::FullyDecoded)) {
        const QString param = key.trimmed();
        const auto bad = [&](const QString &description) {
            return invalid(QStringLiteral("querystring"), param, description);
        };
        if (param == QLatin1String("_limit")) {
            bool ok = false;
            const int limit = rawValue.toInt(&ok);
            if (!ok || limit < 0)
                return bad(QStringLiteral("\"%1\" is not a number").arg(rawValue));
            requestedLimit = limit;
        } else if (param == QLatin1String("_sort")) {
            sortSpec = rawValue.split(QLatin1Char(','), Qt::SkipEmptyParts);
        } else if (param == QLatin1String("_fields")) {
            listing.fields = rawValue.split(QLatin1Char(','), Qt::SkipEmptyParts);
        } else if (param == QLatin1String("_token")) {
            const QByteArray decoded = QByteArray::fromBase64(rawValue.toLatin1(), QByteArray::Base64UrlEncoding);
            const QJsonObject token = QJsonDocument::fromJson(decoded).object();
            if (!token.value(QStringLiteral("last_object")).isObject() || !token.value(QStringLiteral("offset")).isDouble())
                return invalid(QStringLiteral("querystring"), QJsonValue(), QStringLiteral("_token has invalid content"));
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
                return bad(QStringLiteral("Invalid value for %1").arg(param));
            listing.filters.append({QStringLiteral("last_modified"), param == QLatin1String("_since") ? Op::Gt : Op::Lt,
                                    QJsonValue(ts)});
        } else if (!param.startsWith(QLatin1Char('_'))) {
            const Filter f = parseFilter(param, rawValue);
            if (f.field == QLatin1String("last_modified")) {
                const QJsonArray values = f.value.isArray() ? f.value.toArray() : QJsonArray{f.value};
                if (std::any_of(values.begin(), values.end(), [](const QJsonValue &v) { return !v.isDouble(); }))
                    return bad(QStringLiteral("Invalid value for %1").arg(param));
            }
            if (rawValue.contains(QChar(0)) || f.field.contains(QChar(0)))
                return bad(QStringLiteral("Invalid character 0x00"));
            listing.filters.append(f);
        }
    }
    listing.includeDeleted = std::any_of(listing.filters.cbegin(), listing.filters.cend(),
                                         [](const Filter &f) { return f.field == QLatin1String("last_modified"); });

    static const QRegularExpression sortRe(QStringLiteral("^([\\-+]?)([\\w\\.]+)$"));
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
    int limit = requestedLimit.value_or(settings.paginateBy);
    if (limit > 0 && settings.paginateBy > 0)
        limit = qMin(limit, settings.paginateBy);
    listing.limit = limit > 0 ? qMin(limit, MaxFetchSize) : MaxFetchSize;
    return listing;
}

std::optional<qint64> KintoListing::seekTimestamp() const
{
    if (!lastObject)
        return std::nullopt;
    return lastObject->value(QStringLiteral("last_modified")).toInteger();
}

KintoPage KintoListing::pageOf(const KintoStore &store, const QString &parentUri, const QString &resource,
                               const std::function<bool(const QJsonObject &)> &keep) const
{
    const bool byLastModified = sorting.size() == 1 && sorting.first().field == QLatin1String("last_modified")
        && (!lastObject || lastObject->value(QStringLiteral("last_modified")).isDouble());
    KintoPage page;
    if (!byLastModified) {
        // The container in this order (sorted once, see KintoStore::sorted); the page starts after
        // the token's object, found by bisection: the order is total (it ends with last_modified).
        const QList<QJsonObject> objects = store.sorted(parentUri, resource, includeDeleted, sorting);
        auto it = objects.cbegin();
        if (lastObject)
            it = std::partition_point(objects.cbegin(), objects.cend(),
                                      [&](const QJsonObject &o) { return !KintoQuery::isAfter(o, *lastObject, sorting); });
        for (; it != objects.cend(); ++it) {
            if (!keep(*it))
                continue;
            if (page.objects.size() == limit) {
                page.more = true;
                break;
            }
            page.objects.append(*it);
        }
        return page;
    }
    store.scan(parentUri, resource, includeDeleted, sorting.first().direction < 0, seekTimestamp(),
               [&](const QJsonObject &o) {
                   if (!keep(o))
                       return true;
                   if (page.objects.size() == limit) {
                       page.more = true;
                       return false;
                   }
                   page.objects.append(o);
                   return true;
               });
    return page;
}

KintoPage KintoListing::pageOf(QList<QJsonObject> objects) const
{
    KintoQuery::sort(objects, sorting);
    if (lastObject) {
        objects.erase(std::remove_if(objects.begin(), objects.end(),
                                     [&](const QJsonObject &o) { return !KintoQuery::isAfter(o, *lastObject, sorting); }),
                      objects.end());
    }
    KintoPage page;
    page.more = objects.size() > limit;
    if (page.more)
        objects.resize(limit);
    page.objects = objects;
    return page;
}

void KintoListing::addNextPage(ServiceResponse &response, const KintoSettings &settings, const ServiceRequest &request,
                               const KintoPage &page) const
{
    if (!page.more || page.objects.isEmpty())
        return;
    const QJsonObject &last = page.objects.last();
    QJsonObject last_object;
    for (const Sort &s : sorting) {
        const KintoQuery::Lookup v = KintoQuery::lookup(last, s.field);
        if (v.found)
            last_object.insert(s.field, v.value);
    }
    const QJsonObject token{
        {QStringLiteral("last_object"), last_object},
        {QStringLiteral("offset"), qint64(offset + page.objects.size())},
        {QStringLiteral("nonce"), QString(QStringLiteral("pagination-token-") + uuid4())},
    };
    QUrlQuery query = request.query;
    query.removeAllQueryItems(QStringLiteral("_limit"));
    query.removeAllQueryItems(QStringLiteral("_token"));
    query.addQueryItem(QStringLiteral("_limit"), QString::number(limit));
    query.addQueryItem(QStringLiteral("_token"), QString::fromLatin1(toJson(token).toBase64(QByteArray::Base64UrlEncoding)));
    QUrl next(settings.origin);
    next.setPath(QStringLiteral("/v1") + request.path);
    next.setQuery(query);
    response.setHeader("Next-Page", next.toEncoded());
}

ServiceResponse KintoListing::respond(const KintoSettings &settings, const ServiceRequest &request,
                                      const KintoPage &page, ServiceResponse response) const
{
    addNextPage(response, settings, request, page);
    QJsonArray data;
    if (fields.isEmpty()) {
        for (const QJsonObject &o : page.objects)
            data.append(o);
    } else {
        const QStringList shown = fields + QStringList{QStringLiteral("id"), QStringLiteral("last_modified")};
        for (const QJsonObject &o : page.objects)
            data.append(KintoQuery::subset(o, shown));
    }
    response.setHeader("Content-Type", "application/json");
    response.body = toJson(QJsonObject{{QStringLiteral("data"), data}});
    return response;
}
