#include "redaction.h"

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

} // namespace Redaction
