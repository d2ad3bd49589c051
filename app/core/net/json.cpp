#include "json.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

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

} // namespace Json
