#include "json.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <climits>

namespace Json {

QByteArray toBytes(const QJsonValue &value)
{
    if (value.isObject())
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    const QByteArray wrapped = QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

static QString position(const QByteArray &text, int offset)
{
    int line = 1;
    int column = 1;
    for (int i = 0; i < offset && i < text.size(); ++i) {
        if (text.at(i) == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return QStringLiteral("line %1, column %2").arg(line).arg(column);
}

bool parse(const QByteArray &text, QJsonValue *value, QString *error)
{
    QJsonParseError parseError;
    QJsonDocument doc = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error == QJsonParseError::NoError) {
        *value = doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
        return true;
    }
    // QJsonDocument only takes objects and arrays at the top level: try a scalar wrapped in [].
    const QByteArray trimmed = text.trimmed();
    if (!trimmed.isEmpty() && trimmed.front() != '{' && trimmed.front() != '[') {
        QJsonParseError wrappedError;
        doc = QJsonDocument::fromJson('[' + trimmed + ']', &wrappedError);
        if (wrappedError.error == QJsonParseError::NoError && doc.array().size() == 1) {
            *value = doc.array().first();
            return true;
        }
    }
    if (error)
        *error = position(text, parseError.offset) + QStringLiteral(": ") + parseError.errorString();
    return false;
}

// The end of the JSON value starting at `from` (past leading whitespace), or -1 when the text ends
// first. Strings are skipped with their escapes and containers by depth, without recursion; the
// value's validity is left to whoever decodes it.
static qsizetype endOfValue(const QByteArray &text, qsizetype from)
{
    const qsizetype size = text.size();
    qsizetype depth = 0;
    for (qsizetype i = from; i < size; ++i) {
        const char c = text.at(i);
        if (c == '"') {
            for (++i; i < size && text.at(i) != '"'; ++i) {
                if (text.at(i) == '\\')
                    ++i;
            }
            if (i >= size)
                return -1;
            if (depth == 0)
                return i + 1;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (depth == 0)
                return i; // the end of a scalar at the end of its container
            if (--depth == 0)
                return i + 1;
        } else if (depth == 0 && (c == ',' || c == ' ' || c == '\n' || c == '\r' || c == '\t')) {
            return i; // the end of a scalar
        }
    }
    return depth == 0 ? size : -1;
}

static qsizetype skipSpace(const QByteArray &text, qsizetype i)
{
    while (i < text.size() && (text.at(i) == ' ' || text.at(i) == '\n' || text.at(i) == '\r' || text.at(i) == '\t'))
        ++i;
    return i;
}

bool forEachBatch(const QByteArray &text, QLatin1String key, qsizetype batchSize,
                  const std::function<void(const QJsonArray &)> &batch, QString *error)
{
    const auto fail = [&](qsizetype at, const QString &why) {
        *error = position(text, int(qMin<qsizetype>(at, INT_MAX))) + QStringLiteral(": ") + why;
        return false;
    };
    qsizetype i = skipSpace(text, 0);
    if (i >= text.size() || text.at(i) != '{')
        return fail(i, QStringLiteral("not a JSON object"));
    i = skipSpace(text, i + 1);
    while (i < text.size() && text.at(i) != '}') {
        const qsizetype keyEnd = text.at(i) == '"' ? endOfValue(text, i) : -1;
        if (keyEnd < 0)
            return fail(i, QStringLiteral("a member name was expected"));
        QJsonValue name;
        if (!parse(text.mid(i, keyEnd - i), &name) || !name.isString())
            return fail(i, QStringLiteral("a member name was expected"));
        i = skipSpace(text, keyEnd);
        if (i >= text.size() || text.at(i) != ':')
            return fail(i, QStringLiteral("':' was expected"));
        i = skipSpace(text, i + 1);
        if (name.toString() != key) {
            const qsizetype end = endOfValue(text, i);
            if (end < 0 || end == i)
                return fail(i, QStringLiteral("a value was expected"));
            i = skipSpace(text, end);
            if (i < text.size() && text.at(i) == ',')
                i = skipSpace(text, i + 1);
            continue;
        }
        if (i >= text.size() || text.at(i) != '[')
            return fail(i, QStringLiteral("\"%1\" is not an array").arg(key));
        i = skipSpace(text, i + 1);
        bool gaveOne = false;
        while (i < text.size() && text.at(i) != ']') {
            // Items i..end are contiguous with their commas: decoded as one array.
            const qsizetype first = i;
            qsizetype end = i;
            for (qsizetype n = 0; n < batchSize && i < text.size() && text.at(i) != ']'; ++n) {
                end = endOfValue(text, i);
                if (end < 0 || end == i)
                    return fail(i, QStringLiteral("an array item was expected"));
                i = skipSpace(text, end);
                if (i < text.size() && text.at(i) == ',') {
                    i = skipSpace(text, i + 1);
                    if (i < text.size() && text.at(i) == ']')
                        return fail(i, QStringLiteral("an array item was expected"));
                }
            }
            if (i >= text.size())
                return fail(i, QStringLiteral("the array does not end"));
            QJsonParseError parseError;
            const QJsonDocument items = QJsonDocument::fromJson('[' + QByteArrayView(text).sliced(first, end - first).toByteArray() + ']', &parseError);
            if (parseError.error != QJsonParseError::NoError)
                return fail(first + qMax(0, parseError.offset - 1), parseError.errorString());
            batch(items.array());
            gaveOne = true;
        }
        if (i >= text.size())
            return fail(i, QStringLiteral("the array does not end"));
        if (!gaveOne)
            batch(QJsonArray());
        return true;
    }
    return fail(i, QStringLiteral("no \"%1\" member").arg(key));
}

} // namespace Json
