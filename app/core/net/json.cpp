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

// Walks the array under `key` of the object `text`, calling `span(first, end)` with each item's
// extent (its validity is left to the caller); false from `span` stops the walk (false returned).
static bool walkArray(const QByteArray &text, QLatin1String key,
                      const std::function<bool(qsizetype first, qsizetype end)> &span, QString *error)
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
        while (i < text.size() && text.at(i) != ']') {
            const qsizetype first = i;
            const qsizetype end = endOfValue(text, i);
            if (end < 0 || end == i)
                return fail(i, QStringLiteral("an array item was expected"));
            i = skipSpace(text, end);
            if (i < text.size() && text.at(i) == ',') {
                i = skipSpace(text, i + 1);
                if (i < text.size() && text.at(i) == ']')
                    return fail(i, QStringLiteral("an array item was expected"));
            } else if (i < text.size() && text.at(i) != ']') {
                return fail(i, QStringLiteral("',' or ']' was expected"));
            }
            if (i >= text.size())
                return fail(i, QStringLiteral("the array does not end"));
            if (!span(first, end))
                return false;
        }
        if (i >= text.size())
            return fail(i, QStringLiteral("the array does not end"));
        return true;
    }
    return fail(i, QStringLiteral("no \"%1\" member").arg(key));
}

bool forEachBatch(const QByteArray &text, QLatin1String key, qsizetype batchSize,
                  const std::function<void(const QJsonArray &)> &batch, QString *error)
{
    // Items first..end of a batch are contiguous with their commas: decoded as one array.
    qsizetype first = -1;
    qsizetype end = -1;
    qsizetype count = 0;
    bool gaveOne = false;
    const auto decode = [&] {
        QJsonParseError parseError;
        const QJsonDocument items = QJsonDocument::fromJson('[' + QByteArrayView(text).sliced(first, end - first).toByteArray() + ']', &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            *error = position(text, int(qMin<qsizetype>(first + qMax(0, parseError.offset - 1), INT_MAX)))
                + QStringLiteral(": ") + parseError.errorString();
            return false;
        }
        batch(items.array());
        gaveOne = true;
        first = -1;
        count = 0;
        return true;
    };
    const bool walked = walkArray(text, key, [&](qsizetype itemFirst, qsizetype itemEnd) {
        if (first < 0)
            first = itemFirst;
        end = itemEnd;
        return ++count < batchSize || decode();
    }, error);
    if (!walked || (first >= 0 && !decode()))
        return false;
    if (!gaveOne)
        batch(QJsonArray());
    return true;
}

bool forEachItemText(const QByteArray &text, QLatin1String key,
                     const std::function<bool(QByteArrayView item, qsizetype offset)> &item, QString *error)
{
    return walkArray(text, key, [&](qsizetype first, qsizetype end) {
        return item(QByteArrayView(text).sliced(first, end - first), first);
    }, error);
}

// The length of the UTF-8 sequence starting at `at` (Unicode's well-formed sequences: no overlong
// forms, no surrogates, nothing above U+10FFFF), or 0 when it is not one.
static qsizetype utf8Length(QByteArrayView text, qsizetype at)
{
    const auto byte = [&](qsizetype i) { return i < text.size() ? uchar(text.at(i)) : 0u; };
    const auto tail = [&](qsizetype i) { return (byte(i) & 0xC0) == 0x80; };
    const uint lead = byte(at);
    if (lead >= 0xC2 && lead <= 0xDF)
        return tail(at + 1) ? 2 : 0;
    if (lead >= 0xE0 && lead <= 0xEF) {
        const uint second = byte(at + 1);
        if ((lead == 0xE0 && second < 0xA0) || (lead == 0xED && second > 0x9F))
            return 0;
        return tail(at + 1) && tail(at + 2) ? 3 : 0;
    }
    if (lead >= 0xF0 && lead <= 0xF4) {
        const uint second = byte(at + 1);
        if ((lead == 0xF0 && second < 0x90) || (lead == 0xF4 && second > 0x8F))
            return 0;
        return tail(at + 1) && tail(at + 2) && tail(at + 3) ? 4 : 0;
    }
    return 0;
}

// The end of the string starting at `at` (a '"'), checked, or -1 (*errorAt set).
static qsizetype endOfString(QByteArrayView text, qsizetype at, qsizetype *errorAt)
{
    const auto isHex = [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); };
    qsizetype i = at + 1;
    while (i < text.size()) {
        const uchar c = uchar(text.at(i));
        if (c == '"')
            return i + 1;
        if (c < 0x20)
            break;
        if (c == '\\') {
            const char escaped = i + 1 < text.size() ? text.at(i + 1) : '\0';
            if (escaped == 'u') {
                for (qsizetype h = i + 2; h < i + 6; ++h) {
                    if (h >= text.size() || !isHex(text.at(h))) {
                        *errorAt = h;
                        return -1;
                    }
                }
                i += 6;
            } else if (escaped && QByteArrayView("\"\\/bfnrt").contains(escaped)) {
                i += 2;
            } else {
                *errorAt = i + 1;
                return -1;
            }
        } else if (c < 0x80) {
            ++i;
        } else if (const qsizetype length = utf8Length(text, i)) {
            i += length;
        } else {
            break;
        }
    }
    *errorAt = i;
    return -1;
}

// The end of the number starting at `at`, checked, or -1 (*errorAt set).
static qsizetype endOfNumber(QByteArrayView text, qsizetype at, qsizetype *errorAt)
{
    const auto digit = [&](qsizetype i) { return i < text.size() && text.at(i) >= '0' && text.at(i) <= '9'; };
    const auto digits = [&](qsizetype i) {
        if (!digit(i)) {
            *errorAt = i;
            return qsizetype(-1);
        }
        while (digit(i))
            ++i;
        return i;
    };
    qsizetype i = at;
    if (text.at(i) == '-')
        ++i;
    if (i < text.size() && text.at(i) == '0')
        ++i;
    else if ((i = digits(i)) < 0)
        return -1;
    if (i < text.size() && text.at(i) == '.' && (i = digits(i + 1)) < 0)
        return -1;
    if (i < text.size() && (text.at(i) == 'e' || text.at(i) == 'E')) {
        ++i;
        if (i < text.size() && (text.at(i) == '+' || text.at(i) == '-'))
            ++i;
        if ((i = digits(i)) < 0)
            return -1;
    }
    // A number no double holds (1e400, 1e-400) is refused, as QJsonDocument refuses it. An integer
    // of up to 16 characters (a timestamp, a count) cannot be out of range: not converted.
    const QByteArrayView number = text.sliced(at, i - at);
    const bool shortInteger = number.size() <= 16 && !number.contains('.') && !number.contains('e') && !number.contains('E');
    bool ok = shortInteger;
    if (!shortInteger)
        QByteArray::fromRawData(number.data(), number.size()).toDouble(&ok);
    if (!ok) {
        *errorAt = at;
        return -1;
    }
    return i;
}

bool appendCompact(QByteArrayView text, QByteArray *out, qsizetype *errorAt)
{
    constexpr qsizetype MaxDepth = 1024; // QJsonDocument's nesting limit
    qsizetype ignored = 0;
    qsizetype &at = errorAt ? *errorAt : ignored;
    QByteArray open; // '{' or '[' per level
    enum class Expect { Value, ValueOrEnd, Key, KeyOrEnd, Colon, CommaOrEnd, Nothing } expect = Expect::Value;
    const auto isSpace = [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; };
    // After a container closes: the end, or what follows a value in the enclosing one.
    const auto closeContainer = [&] {
        open.chop(1);
        return open.isEmpty() ? Expect::Nothing : Expect::CommaOrEnd;
    };
    out->reserve(out->size() + text.size());
    qsizetype i = 0;
    while (i < text.size()) {
        const char c = text.at(i);
        if (isSpace(c)) {
            ++i;
            continue;
        }
        at = i;
        qsizetype end = -1;
        switch (expect) {
        case Expect::Colon:
            if (c != ':')
                return false;
            end = i + 1;
            expect = Expect::Value;
            break;
        case Expect::CommaOrEnd:
            if (c == ',') {
                expect = open.back() == '{' ? Expect::Key : Expect::Value;
            } else if (c == (open.back() == '{' ? '}' : ']')) {
                expect = closeContainer();
            } else {
                return false;
            }
            end = i + 1;
            break;
        case Expect::Key:
        case Expect::KeyOrEnd:
            if (c == '}' && expect == Expect::KeyOrEnd) {
                expect = closeContainer();
                end = i + 1;
            } else if (c == '"') {
                if ((end = endOfString(text, i, &at)) < 0)
                    return false;
                expect = Expect::Colon;
            } else {
                return false;
            }
            break;
        case Expect::Value:
        case Expect::ValueOrEnd:
            if (c == ']' && expect == Expect::ValueOrEnd) {
                expect = closeContainer();
                end = i + 1;
                break;
            }
            if (c == '{' || c == '[') {
                if (open.size() >= MaxDepth)
                    return false;
                open.append(c);
                expect = c == '{' ? Expect::KeyOrEnd : Expect::ValueOrEnd;
                end = i + 1;
                break;
            }
            if (c == '"') {
                end = endOfString(text, i, &at);
            } else if (c == '-' || (c >= '0' && c <= '9')) {
                end = endOfNumber(text, i, &at);
            } else {
                for (const QByteArrayView literal : { QByteArrayView("true"), QByteArrayView("false"), QByteArrayView("null") }) {
                    if (text.sliced(i).startsWith(literal))
                        end = i + literal.size();
                }
            }
            if (end < 0)
                return false;
            expect = open.isEmpty() ? Expect::Nothing : Expect::CommaOrEnd;
            break;
        case Expect::Nothing:
            return false;
        }
        out->append(text.sliced(i, end - i));
        i = end;
    }
    at = text.size();
    return expect == Expect::Nothing;
}

void appendIndented(QByteArrayView compact, QByteArray *out, int depth)
{
    const auto newline = [&] {
        out->append('\n');
        out->append(QByteArray(4 * depth, ' '));
    };
    out->reserve(out->size() + compact.size() * 2);
    for (qsizetype i = 0; i < compact.size(); ++i) {
        const char c = compact.at(i);
        switch (c) {
        case '"': {
            const qsizetype start = i;
            for (++i; i < compact.size() && compact.at(i) != '"'; ++i) {
                if (compact.at(i) == '\\')
                    ++i;
            }
            out->append(compact.sliced(start, qMin(i + 1, compact.size()) - start));
            break;
        }
        case '{':
        case '[':
            out->append(c);
            if (i + 1 < compact.size() && compact.at(i + 1) == (c == '{' ? '}' : ']')) {
                newline(); // empty: its end on the next line, as QJsonDocument writes it
                out->append(compact.at(++i));
                break;
            }
            ++depth;
            newline();
            break;
        case '}':
        case ']':
            --depth;
            newline();
            out->append(c);
            break;
        case ',':
            out->append(c);
            newline();
            break;
        case ':':
            out->append(": ");
            break;
        default:
            out->append(c);
        }
    }
}

bool appendCompactOrReencoded(QByteArrayView text, QByteArray *out, qsizetype *errorAt)
{
    const qsizetype before = out->size();
    if (appendCompact(text, out, errorAt))
        return true;
    out->truncate(before);
    QJsonValue value;
    if (!parse(text.toByteArray(), &value))
        return false;
    out->append(toBytes(value));
    return true;
}

} // namespace Json
