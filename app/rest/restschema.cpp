#include "restschema.h"

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>

static QJsonObject schemaOf(const QJsonValue &value, int depth);

static QJsonObject stringSchema(const QString &text)
{
    QJsonObject schema { { QStringLiteral("type"), QStringLiteral("string") } };
    static const QRegularExpression email(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    if (text.size() >= 20 && QDateTime::fromString(text, Qt::ISODateWithMs).isValid() && text.contains(QLatin1Char('T')))
        schema.insert(QStringLiteral("format"), QStringLiteral("date-time"));
    else if (text.size() == 10 && QDate::fromString(text, Qt::ISODate).isValid())
        schema.insert(QStringLiteral("format"), QStringLiteral("date"));
    else if (email.match(text).hasMatch())
        schema.insert(QStringLiteral("format"), QStringLiteral("email"));
    else if (text.startsWith(QLatin1String("http://")) || text.startsWith(QLatin1String("https://")))
        schema.insert(QStringLiteral("format"), QStringLiteral("uri"));
    return schema;
}

static QJsonObject objectSchema(const QJsonObject &object, int depth)
{
    QJsonObject properties;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it)
        properties.insert(it.key(), schemaOf(it.value(), depth + 1));
    return { { QStringLiteral("type"), QStringLiteral("object") }, { QStringLiteral("properties"), properties } };
}

static QJsonObject schemaOf(const QJsonValue &value, int depth)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return { { QStringLiteral("type"), QStringLiteral("boolean") } };
    case QJsonValue::Double: {
        const double number = value.toDouble();
        const bool whole = number == double(qint64(number));
        return { { QStringLiteral("type"), whole ? QStringLiteral("integer") : QStringLiteral("number") } };
    }
    case QJsonValue::String:
        return stringSchema(value.toString());
    case QJsonValue::Object:
        if (depth < 4)
            return objectSchema(value.toObject(), depth);
        return {};
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        QJsonObject schema { { QStringLiteral("type"), QStringLiteral("array") } };
        if (!array.isEmpty() && !array.first().isArray() && depth < 4)
            schema.insert(QStringLiteral("items"), schemaOf(array.first(), depth + 1));
        return schema;
    }
    default:
        return {}; // null: any value
    }
}

QJsonObject inferItemSchema(const QJsonObject &item, const QString &idField)
{
    QJsonObject schema = objectSchema(item, 0);
    QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
    if (properties.contains(idField)) {
        QJsonObject id = properties.value(idField).toObject();
        id.insert(QStringLiteral("readOnly"), true);
        properties.insert(idField, id);
        schema.insert(QStringLiteral("properties"), properties);
    }
    return schema;
}
