#include "restfielderrors.h"

#include "net/json.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

static bool isPrefix(const QString &part)
{
    static const QStringList prefixes { QStringLiteral("request"), QStringLiteral("body"), QStringLiteral("data"),
        QStringLiteral("attributes"), QStringLiteral("query"), QStringLiteral("") };
    return prefixes.contains(part);
}

// ["body", "owner", 0, "email"] or "/data/attributes/owner/email" -> "owner.0.email"
static QString pathFrom(const QJsonValue &location)
{
    QStringList parts;
    if (location.isArray()) {
        for (const QJsonValue &part : location.toArray())
            parts << (part.isDouble() ? QString::number(part.toInt()) : part.toString());
    } else {
        QString text = location.toString();
        parts = text.startsWith(QLatin1Char('/')) ? text.mid(1).split(QLatin1Char('/')) : QStringList { text };
        for (QString &part : parts)
            part.replace(QLatin1String("~1"), QLatin1String("/")).replace(QLatin1String("~0"), QLatin1String("~"));
    }
    while (!parts.isEmpty() && isPrefix(parts.first()))
        parts.removeFirst();
    return parts.join(QLatin1Char('.'));
}

static QString firstText(const QJsonObject &o, std::initializer_list<const char *> keys)
{
    for (const char *key : keys) {
        const QJsonValue value = o.value(QLatin1String(key));
        if (value.isString() && !value.toString().isEmpty())
            return value.toString();
    }
    return {};
}

static void fromList(const QJsonArray &list, QList<RestFieldError> *errors)
{
    for (const QJsonValue &value : list) {
        const QJsonObject e = value.toObject();
        QJsonValue where = e.value(QLatin1String("loc"));
        if (where.isUndefined())
            where = e.value(QLatin1String("location"));
        if (where.isUndefined())
            where = e.value(QLatin1String("source")).toObject().value(QLatin1String("pointer"));
        if (where.isUndefined())
            where = e.value(QLatin1String("field"));
        if (where.isUndefined())
            where = e.value(QLatin1String("name"));
        const QString message = firstText(e, { "msg", "message", "detail", "description", "reason", "title", "code" });
        if (where.isUndefined() || message.isEmpty())
            continue;
        QString path = pathFrom(where);
        // A missing property is reported on its parent ("must have required property 'title'"): move it to the field.
        static const QRegularExpression required(QStringLiteral("required property '([^']+)'"));
        if (const auto match = required.match(message); match.hasMatch())
            path = path.isEmpty() ? match.captured(1) : path + QLatin1Char('.') + match.captured(1);
        errors->append({ path, message });
    }
}

// {"title": ["required", ...], "owner": {"email": ["invalid"]}}
static void fromMap(const QJsonObject &map, const QString &prefix, QList<RestFieldError> *errors)
{
    for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
        const QString path = prefix.isEmpty() ? it.key() : prefix + QLatin1Char('.') + it.key();
        if (it.value().isString()) {
            errors->append({ path, it.value().toString() });
        } else if (it.value().isArray()) {
            for (const QJsonValue &message : it.value().toArray()) {
                if (message.isString())
                    errors->append({ path, message.toString() });
            }
        } else if (it.value().isObject()) {
            fromMap(it.value().toObject(), path, errors);
        }
    }
}

QList<RestFieldError> restFieldErrors(const HttpResponse &response)
{
    QList<RestFieldError> errors;
    if (const QByteArray violations = response.header("sl-violations"); !violations.isEmpty()) {
        QJsonValue list;
        if (Json::parse(violations, &list) && list.isArray())
            fromList(list.toArray(), &errors);
        return errors;
    }
    QJsonValue body = response.json;
    if (body.isUndefined() || body.isNull())
        Json::parse(response.body, &body);
    const QJsonObject o = body.toObject();
    for (const char *key : { "errors", "detail", "invalid_params", "violations", "validation" }) {
        const QJsonValue value = o.value(QLatin1String(key));
        if (value.isArray()) {
            fromList(value.toArray(), &errors);
            return errors;
        }
        if (value.isObject() && QLatin1String(key) == QLatin1String("errors")) {
            fromMap(value.toObject(), {}, &errors);
            return errors;
        }
    }
    // DRF-style: every value a list of strings (a generic {"message": "..."} body is not field-level).
    bool fieldMap = !o.isEmpty();
    for (auto it = o.constBegin(); it != o.constEnd() && fieldMap; ++it)
        fieldMap = it.value().isArray() && !it.value().toArray().isEmpty() && it.value().toArray().first().isString();
    if (fieldMap)
        fromMap(o, {}, &errors);
    return errors;
}
