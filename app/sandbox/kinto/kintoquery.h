#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

// Listing helpers of the Kinto sandbox: filters, sorting, partial fields and pagination rules,
// with the semantics of Kinto's storage backends (docs/api/1.x/filtering.rst, sorting.rst).
namespace KintoQuery {

// A field value looked up with a dotted path; `found` is false when the field is absent.
struct Lookup
{
    QJsonValue value;
    bool found = false;
};

enum class Op { Eq, Not, Min, Max, Lt, Gt, In, Exclude, Like, Has, Contains, ContainsAny };

struct Filter
{
    QString field; // dotted
    Op op = Op::Eq;
    QJsonValue value; // a list for In, Exclude, Contains, ContainsAny
};

struct Sort
{
    QString field;
    int direction = 1; // 1 ascending, -1 descending
};

// A query string value read as JSON when it parses, else kept as a string ("10" -> 10,
// "true" -> true, "abc" -> "abc"), as Kinto's native_value() does.
QJsonValue nativeValue(const QString &raw);

Lookup lookup(const QJsonObject &object, const QString &dottedField);

// Total order used for sorting and range filters. Like PostgreSQL's JSONB ordering:
// null < strings < numbers < booleans < arrays < objects, and an absent field after everything.
int compare(const Lookup &a, const Lookup &b);

bool matches(const QJsonObject &object, const Filter &filter);
bool matchesAll(const QJsonObject &object, const QList<Filter> &filters);

// Sorts in place by the given fields (stable).
void sort(QList<QJsonObject> &objects, const QList<Sort> &sorting);

// True when `object` comes strictly after `lastObject` in the given sort order: the pagination
// rule Kinto builds from a _token.
bool isAfter(const QJsonObject &object, const QJsonObject &lastObject, const QList<Sort> &sorting);

// Keeps only the given dotted fields (a "_fields" projection).
QJsonObject subset(const QJsonObject &object, const QStringList &fields);

} // namespace KintoQuery
