#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

// Jamf Pro's /api/v1 listing parameters, applied to the objects of a sandbox collection:
// RSQL `filter`, `sort` ("field:asc|desc", comma separated) and zero-based `page` / `page-size`.
//
// The RSQL subset: comparisons `field==value` and `field!=value` (value quoted or bare, `*` a
// wildcard), joined by `;` (and) or `,` (or; `;` binds tighter), parentheses not supported.
// Only the fields in `allowed` may be filtered and sorted on ("id" compares as a number).
namespace JamfQuery {

struct Result
{
    QJsonArray page;
    int totalCount = 0;
    QString error; // set when a parameter is invalid (the caller answers 400, field = errorField)
    QString errorField;
};

Result apply(const QJsonArray &objects, const QString &filter, const QString &sort, const QString &page,
    const QString &pageSize, const QStringList &allowed);

} // namespace JamfQuery
