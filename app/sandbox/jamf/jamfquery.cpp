#include "jamfquery.h"

#include <QRegularExpression>

#include <algorithm>

namespace {

struct Comparison
{
    QString field;
    bool equal = true;
    QRegularExpression pattern;
};

QString textOf(const QJsonObject &o, const QString &field)
{
    const QJsonValue v = o.value(field);
    return v.isDouble() ? QString::number(v.toInteger()) : v.toString();
}

// One comparison "field==value" / "field!=value"; false on a syntax error.
bool parseComparison(const QString &text, const QStringList &allowed, Comparison *c, QString *error)
{
    static const QRegularExpression form(QStringLiteral("^\\s*([A-Za-z][A-Za-z0-9_.]*)\\s*(==|!=)\\s*(.*?)\\s*$"));
    const QRegularExpressionMatch m = form.match(text);
    if (!m.hasMatch()) {
        *error = QStringLiteral("Invalid RSQL expression: %1").arg(text);
        return false;
    }
    c->field = m.captured(1);
    if (!allowed.contains(c->field)) {
        *error = QStringLiteral("Filtering on field %1 is not supported").arg(c->field);
        return false;
    }
    c->equal = m.captured(2) == QLatin1String("==");
    QString value = m.captured(3);
    if (value.size() >= 2 && (value.startsWith(QLatin1Char('"')) || value.startsWith(QLatin1Char('\'')))
        && value.endsWith(value.at(0))) {
        value = value.mid(1, value.size() - 2);
        value.replace(QLatin1String("\\\""), QLatin1String("\"")).replace(QLatin1String("\\\\"), QLatin1String("\\"));
    }
    QStringList parts = value.split(QLatin1Char('*'));
    for (QString &part : parts)
        part = QRegularExpression::escape(part);
    const QString regex = parts.join(QStringLiteral(".*"));
    c->pattern = QRegularExpression(QLatin1Char('^') + regex + QLatin1Char('$'), QRegularExpression::CaseInsensitiveOption);
    return true;
}

// OR of ANDs.
using Filter = QList<QList<Comparison>>;

bool parseFilter(const QString &text, const QStringList &allowed, Filter *filter, QString *error)
{
    if (text.trimmed().isEmpty())
        return true;
    if (text.contains(QLatin1Char('(')) || text.contains(QLatin1Char(')'))) {
        *error = QStringLiteral("Parentheses in RSQL filters are not supported by this server");
        return false;
    }
    // Split on , and ; outside quotes.
    QList<QList<QString>> groups { {} };
    QString current;
    QChar quote;
    for (const QChar ch : text) {
        if (!quote.isNull()) {
            if (ch == quote)
                quote = QChar();
            current += ch;
        } else if (ch == QLatin1Char('"') || ch == QLatin1Char('\'')) {
            quote = ch;
            current += ch;
        } else if (ch == QLatin1Char(';') || ch == QLatin1Char(',')) {
            groups.last() << current;
            current.clear();
            if (ch == QLatin1Char(','))
                groups.append(QList<QString>());
        } else {
            current += ch;
        }
    }
    groups.last() << current;
    for (const auto &group : groups) {
        QList<Comparison> all;
        for (const QString &item : group) {
            Comparison c;
            if (!parseComparison(item, allowed, &c, error))
                return false;
            all << c;
        }
        filter->append(all);
    }
    return true;
}

bool matches(const QJsonObject &o, const Filter &filter)
{
    if (filter.isEmpty())
        return true;
    for (const auto &group : filter) {
        const bool all = std::all_of(group.cbegin(), group.cend(), [&o](const Comparison &c) {
            return c.pattern.match(textOf(o, c.field)).hasMatch() == c.equal;
        });
        if (all)
            return true;
    }
    return false;
}

} // namespace

namespace JamfQuery {

Result apply(const QJsonArray &objects, const QString &filterText, const QString &sortText, const QString &pageText,
    const QString &pageSizeText, const QStringList &allowed)
{
    Result result;
    Filter filter;
    if (!parseFilter(filterText, allowed, &filter, &result.error)) {
        result.errorField = QStringLiteral("filter");
        return result;
    }
    struct Key
    {
        QString field;
        bool descending = false;
    };
    QList<Key> keys;
    for (const QString &item : (sortText.isEmpty() ? QStringLiteral("id:asc") : sortText).split(QLatin1Char(','))) {
        const QStringList parts = item.trimmed().split(QLatin1Char(':'));
        const QString direction = parts.value(1, QStringLiteral("asc")).toLower();
        if (!allowed.contains(parts.value(0)) || parts.size() > 2
            || (direction != QLatin1String("asc") && direction != QLatin1String("desc"))) {
            result.error = QStringLiteral("Invalid sort criteria: %1").arg(item);
            result.errorField = QStringLiteral("sort");
            return result;
        }
        keys.append({ parts.value(0), direction == QLatin1String("desc") });
    }
    bool pageOk = true;
    bool sizeOk = true;
    const int page = pageText.isEmpty() ? 0 : pageText.toInt(&pageOk);
    const int pageSize = pageSizeText.isEmpty() ? 100 : pageSizeText.toInt(&sizeOk);
    if (!pageOk || !sizeOk || page < 0 || pageSize < 1 || pageSize > 2000) {
        result.error = QStringLiteral("page must be >= 0 and page-size between 1 and 2000");
        result.errorField = pageOk && page >= 0 ? QStringLiteral("page-size") : QStringLiteral("page");
        return result;
    }

    QList<QJsonObject> selected;
    for (const QJsonValue &v : objects) {
        if (matches(v.toObject(), filter))
            selected << v.toObject();
    }
    std::stable_sort(selected.begin(), selected.end(), [&keys](const QJsonObject &a, const QJsonObject &b) {
        for (const Key &key : keys) {
            int order = 0;
            if (key.field == QLatin1String("id")) {
                const qint64 x = textOf(a, key.field).toLongLong();
                const qint64 y = textOf(b, key.field).toLongLong();
                order = x < y ? -1 : (x > y ? 1 : 0);
            } else {
                order = QString::compare(textOf(a, key.field), textOf(b, key.field), Qt::CaseInsensitive);
            }
            if (order != 0)
                return key.descending ? order > 0 : order < 0;
        }
        return false;
    });
    result.totalCount = int(selected.size());
    const qint64 first = qint64(page) * pageSize;
    for (qint64 i = first; i < qMin<qint64>(first + pageSize, selected.size()); ++i)
        result.page.append(selected.at(i));
    return result;
}

} // namespace JamfQuery
