#include "kintoquery.h"

#include <QJsonArray>
#include <QHash>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>
#include <numeric>
#include <vector>

namespace KintoQuery {

namespace {

int typeRank(const Lookup &v)
{
    if (!v.found)
        return 6;
    switch (v.value.type()) {
    case QJsonValue::Null: return 0;
    case QJsonValue::String: return 1;
    case QJsonValue::Double: return 2;
    case QJsonValue::Bool: return 3;
    case QJsonValue::Array: return 4;
    case QJsonValue::Object: return 5;
    default: return 6; // Undefined
    }
}

QByteArray canonical(const QJsonValue &v)
{
    if (v.isArray())
        return QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact);
    if (v.isObject())
        return QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact);
    return {};
}

bool sameValue(const QJsonValue &a, const QJsonValue &b)
{
    return a == b;
}

QJsonArray asList(const QJsonValue &v)
{
    return v.isArray() ? v.toArray() : QJsonArray{v};
}

bool arrayHas(const QJsonArray &array, const QJsonValue &needle)
{
    return std::any_of(array.begin(), array.end(), [&](const QJsonValue &v) { return sameValue(v, needle); });
}

void insertNested(QJsonObject &target, const QStringList &parts, int index, const QJsonValue &value)
{
    const QString &key = parts.at(index);
    if (index == parts.size() - 1) {
        target.insert(key, value);
        return;
    }
    QJsonObject child = target.value(key).toObject();
    insertNested(child, parts, index + 1, value);
    target.insert(key, child);
}

// like_ patterns: "*" is the wildcard, no wildcard means "contains", case-insensitive (ILIKE).
// Compiled once per pattern: a filter is matched against every object of a list.
const QRegularExpression &likePattern(const QString &raw)
{
    static QHash<QString, QRegularExpression> cache;
    const auto it = cache.constFind(raw);
    if (it != cache.cend())
        return *it;
    QString pattern = raw;
    if (!pattern.contains(QLatin1Char('*')))
        pattern = QLatin1Char('*') + pattern + QLatin1Char('*');
    QStringList pieces = pattern.split(QLatin1Char('*'));
    for (QString &piece : pieces)
        piece = QRegularExpression::escape(piece);
    if (cache.size() > 256)
        cache.clear();
    return *cache.insert(raw, QRegularExpression(QRegularExpression::anchoredPattern(pieces.join(QStringLiteral(".*"))),
                                                 QRegularExpression::CaseInsensitiveOption
                                                     | QRegularExpression::DotMatchesEverythingOption));
}

} // namespace

QJsonValue nativeValue(const QString &raw)
{
    // Wrapped in an array because QJsonDocument only parses arrays and objects at top level.
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray("[" + raw.toUtf8() + "]"), &error);
    if (error.error == QJsonParseError::NoError && doc.isArray() && doc.array().size() == 1)
        return doc.array().at(0);
    return raw;
}

Lookup lookup(const QJsonObject &object, const QString &dottedField)
{
    const auto direct = object.constFind(dottedField);
    if (direct != object.constEnd())
        return {*direct, true};
    if (!dottedField.contains(QLatin1Char('.')))
        return {};
    QJsonValue current = object;
    for (const QString &part : dottedField.split(QLatin1Char('.'))) {
        if (!current.isObject())
            return {};
        const QJsonObject o = current.toObject();
        const auto it = o.constFind(part);
        if (it == o.constEnd())
            return {};
        current = *it;
    }
    return {current, true};
}

int compare(const Lookup &a, const Lookup &b)
{
    const int ra = typeRank(a);
    const int rb = typeRank(b);
    if (ra != rb)
        return ra < rb ? -1 : 1;
    switch (ra) {
    case 1: {
        const int c = a.value.toString().compare(b.value.toString());
        return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    case 2: {
        const double x = a.value.toDouble();
        const double y = b.value.toDouble();
        return x < y ? -1 : (x > y ? 1 : 0);
    }
    case 3:
        return int(a.value.toBool()) - int(b.value.toBool());
    case 4:
    case 5: {
        const QByteArray x = canonical(a.value);
        const QByteArray y = canonical(b.value);
        return x < y ? -1 : (x > y ? 1 : 0);
    }
    default:
        return 0;
    }
}

bool matches(const QJsonObject &object, const Filter &filter)
{
    const Lookup v = lookup(object, filter.field);
    const Lookup f{filter.value, true};
    switch (filter.op) {
    case Op::Eq:
        return v.found && sameValue(v.value, filter.value);
    case Op::Not:
        return !v.found || !sameValue(v.value, filter.value);
    case Op::Min:
        return v.found && compare(v, f) >= 0;
    case Op::Max:
        return v.found && compare(v, f) <= 0;
    case Op::Lt:
        return v.found && compare(v, f) < 0;
    case Op::Gt:
        return v.found && compare(v, f) > 0;
    case Op::In:
        return v.found && arrayHas(asList(filter.value), v.value);
    case Op::Exclude:
        return !v.found || !arrayHas(asList(filter.value), v.value);
    case Op::Like: {
        if (!v.found || !v.value.isString())
            return false;
        return likePattern(filter.value.toVariant().toString()).match(v.value.toString()).hasMatch();
    }
    case Op::Has: {
        const bool wanted = filter.value.isBool() ? filter.value.toBool()
                                                  : (filter.value.isDouble() ? filter.value.toDouble() != 0
                                                                             : true);
        return v.found == wanted;
    }
    case Op::Contains: {
        if (!v.found || !v.value.isArray())
            return false;
        const QJsonArray have = v.value.toArray();
        const QJsonArray wanted = asList(filter.value);
        return std::all_of(wanted.begin(), wanted.end(), [&](const QJsonValue &w) { return arrayHas(have, w); });
    }
    case Op::ContainsAny: {
        if (!v.found || !v.value.isArray())
            return false;
        const QJsonArray have = v.value.toArray();
        const QJsonArray wanted = asList(filter.value);
        return std::any_of(wanted.begin(), wanted.end(), [&](const QJsonValue &w) { return arrayHas(have, w); });
    }
    }
    return false;
}

bool matchesAll(const QJsonObject &object, const QList<Filter> &filters)
{
    return std::all_of(filters.begin(), filters.end(), [&](const Filter &f) { return matches(object, f); });
}

namespace {

// A looked-up value ready to compare without converting it again (compare() on Lookups
// converts both values at every comparison: too slow for sorting 100,000 objects).
struct SortKey
{
    int rank = 0;
    QString text;      // strings
    double number = 0; // numbers, booleans
    QByteArray json;   // arrays, objects: canonical JSON
};

SortKey sortKey(const Lookup &v)
{
    SortKey key;
    key.rank = typeRank(v);
    switch (key.rank) {
    case 1:
        key.text = v.value.toString();
        break;
    case 2:
        key.number = v.value.toDouble();
        break;
    case 3:
        key.number = v.value.toBool() ? 1 : 0;
        break;
    case 4:
    case 5:
        key.json = canonical(v.value);
        break;
    default:
        break;
    }
    return key;
}

// As compare() on the Lookups the keys were made from.
int compareKeys(const SortKey &a, const SortKey &b)
{
    if (a.rank != b.rank)
        return a.rank < b.rank ? -1 : 1;
    switch (a.rank) {
    case 1: {
        const int c = a.text.compare(b.text);
        return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    case 2:
    case 3:
        return a.number < b.number ? -1 : (a.number > b.number ? 1 : 0);
    case 4:
    case 5:
        return a.json < b.json ? -1 : (a.json > b.json ? 1 : 0);
    default:
        return 0;
    }
}

} // namespace

void sort(QList<QJsonObject> &objects, const QList<Sort> &sorting)
{
    if (sorting.isEmpty() || objects.size() < 2)
        return;
    // Look every key up and convert it once: comparisons then only compare plain values.
    const qsizetype n = objects.size();
    const qsizetype k = sorting.size();
    std::vector<SortKey> keys(size_t(n * k));
    for (qsizetype i = 0; i < n; ++i) {
        for (qsizetype j = 0; j < k; ++j)
            keys[size_t(i * k + j)] = sortKey(lookup(objects.at(i), sorting.at(j).field));
    }
    QList<qsizetype> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) {
        for (qsizetype j = 0; j < k; ++j) {
            const int c = compareKeys(keys[size_t(a * k + j)], keys[size_t(b * k + j)]) * sorting.at(j).direction;
            if (c != 0)
                return c < 0;
        }
        return false;
    });
    QList<QJsonObject> sorted;
    sorted.reserve(n);
    for (qsizetype i : order)
        sorted.append(objects.at(i));
    objects = sorted;
}

bool isAfter(const QJsonObject &object, const QJsonObject &lastObject, const QList<Sort> &sorting)
{
    for (const Sort &s : sorting) {
        const int c = compare(lookup(object, s.field), lookup(lastObject, s.field)) * s.direction;
        if (c != 0)
            return c > 0;
    }
    return false;
}

QJsonObject subset(const QJsonObject &object, const QStringList &fields)
{
    QJsonObject out;
    for (const QString &field : fields) {
        const Lookup v = lookup(object, field);
        if (v.found)
            insertNested(out, field.split(QLatin1Char('.')), 0, v.value);
    }
    return out;
}

} // namespace KintoQuery
