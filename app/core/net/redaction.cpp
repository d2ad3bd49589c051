#include "redaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

namespace Redaction {

bool isSecretName(QStringView name)
{
    static const QStringList needles { QStringLiteral("authorization"), QStringLiteral("password"),
        QStringLiteral("passwd"), QStringLiteral("token"), QStringLiteral("secret"), QStringLiteral("apikey"),
        QStringLiteral("api_key"), QStringLiteral("api-key"), QStringLiteral("cookie"), QStringLiteral("session"),
        QStringLiteral("signature"), QStringLiteral("code") };
    for (const QString &needle : needles) {
        if (name.contains(needle, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

QString url(const QUrl &url)
{
    QUrl clean = url.adjusted(QUrl::RemoveUserInfo);
    if (clean.hasQuery()) {
        QUrlQuery query(clean);
        QList<QPair<QString, QString>> items = query.queryItems(QUrl::FullyEncoded);
        bool changed = false;
        for (auto &item : items) {
            if (isSecretName(item.first)) {
                item.second = Mask;
                changed = true;
            }
        }
        if (changed) {
            query.setQueryItems(items);
            clean.setQuery(query);
        }
    }
    return clean.toString(QUrl::FullyEncoded);
}

QByteArray headerValue(const QByteArray &name, const QByteArray &value)
{
    if (!isSecretName(QString::fromLatin1(name)))
        return value;
    const int space = value.indexOf(' ');
    if (name.compare("authorization", Qt::CaseInsensitive) == 0 && space > 0)
        return value.left(space) + ' ' + Mask.toLatin1();
    return Mask.toLatin1();
}

QList<QPair<QByteArray, QByteArray>> headers(const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QList<QPair<QByteArray, QByteArray>> clean;
    clean.reserve(headers.size());
    for (const auto &header : headers)
        clean.append({header.first, headerValue(header.first, header.second)});
    return clean;
}

static QJsonValue maskJson(const QJsonValue &value)
{
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            array[i] = maskJson(array.at(i));
        return array;
    }
    if (!value.isObject())
        return value;
    QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it)
        it.value() = isSecretName(it.key()) && it.value().isString() ? QJsonValue(Mask) : maskJson(it.value());
    return object;
}

QByteArray body(const QByteArray &contentType, const QByteArray &body)
{
    if (body.isEmpty())
        return body;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error == QJsonParseError::NoError) {
        const QJsonValue masked = maskJson(document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object()));
        return masked.isArray() ? QJsonDocument(masked.toArray()).toJson(QJsonDocument::Compact)
                                : QJsonDocument(masked.toObject()).toJson(QJsonDocument::Compact);
    }
    if (contentType.contains("x-www-form-urlencoded")) {
        QUrlQuery form(QString::fromUtf8(body));
        QList<QPair<QString, QString>> items = form.queryItems(QUrl::FullyEncoded);
        for (auto &item : items) {
            if (isSecretName(item.first))
                item.second = Mask;
        }
        form.setQueryItems(items);
        return form.toString(QUrl::FullyEncoded).toUtf8();
    }
    // Text we cannot take apart: keep it only when nothing in it looks like a secret's name.
    if (isSecretName(QString::fromUtf8(body)))
        return QByteArray("(") + QByteArray::number(body.size()) + " bytes not shown: they may hold a secret)";
    return body;
}

} // namespace Redaction
