#include "userurl.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QRegularExpression>

namespace UserUrl {

static QString tr(const char *text)
{
    return QCoreApplication::translate("UserUrl", text);
}

QUrl parseServerUrl(const QString &input, QString *error)
{
    const QString text = input.trimmed();
    if (text.isEmpty()) {
        *error = tr("The server address is empty.");
        return {};
    }
    for (const QChar c : text) {
        if (c.unicode() < 0x21 || c.unicode() == 0x7F) {
            *error = tr("The server address \"%1\" contains spaces or control characters.").arg(text.simplified());
            return {};
        }
    }
    // "http//host", "https:/host", "http:host": a scheme mistyped, not a host named "http".
    static const QRegularExpression mistypedScheme(QStringLiteral("^[A-Za-z][A-Za-z0-9+.-]*(//|:(?![0-9]))"));
    if (!text.contains(QLatin1String("://")) && mistypedScheme.match(text).hasMatch()) {
        *error = tr("The server address \"%1\" has a malformed scheme: write http://… or https://….").arg(text);
        return {};
    }
    QString withScheme = text;
    if (!text.contains(QLatin1String("://"))) {
        // Only a bare host[:port][/path]; anything with a scheme-like prefix ("http//x", "ftp:x") is refused below.
        const QString host = text.section(QLatin1Char('/'), 0, 0).section(QLatin1Char(':'), 0, 0);
        const bool local = host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0 || QHostAddress(host).isLoopback()
            || text.startsWith(QLatin1String("[::1]"));
        withScheme = (local ? QLatin1String("http://") : QLatin1String("https://")) + text;
    }
    const QUrl url(withScheme, QUrl::StrictMode);
    if (!url.isValid()) {
        *error = tr("The server address \"%1\" is not a valid URL (%2).").arg(text, url.errorString());
        return {};
    }
    if (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")) {
        *error = tr("The server address \"%1\" must start with http:// or https://.").arg(text);
        return {};
    }
    if (url.host().isEmpty()) {
        *error = tr("The server address \"%1\" has no host name.").arg(text);
        return {};
    }
    if (!url.userInfo().isEmpty()) {
        *error = tr("The server address must not carry a user name or password: give them as credentials.");
        return {};
    }
    return url;
}

QUrl resolve(const QUrl &base, const QString &path, const QueryList &query)
{
    QUrl url;
    if (path.startsWith(QLatin1String("http://")) || path.startsWith(QLatin1String("https://"))) {
        url = QUrl(path, QUrl::StrictMode);
    } else {
        url = base;
        QString basePath = url.path(QUrl::FullyEncoded);
        while (basePath.endsWith(QLatin1Char('/')))
            basePath.chop(1);
        QString rest = path;
        const int q = rest.indexOf(QLatin1Char('?'));
        QString inlineQuery;
        if (q >= 0) {
            inlineQuery = rest.mid(q + 1);
            rest.truncate(q);
        }
        if (!rest.isEmpty() && !rest.startsWith(QLatin1Char('/')))
            rest.prepend(QLatin1Char('/'));
        url.setPath(basePath + rest, QUrl::TolerantMode);
        url.setQuery(inlineQuery.isEmpty() ? QString() : inlineQuery, QUrl::TolerantMode);
    }
    if (!query.isEmpty()) {
        QString encoded = url.query(QUrl::FullyEncoded);
        for (const auto &item : query) {
            if (!encoded.isEmpty())
                encoded += QLatin1Char('&');
            encoded += QString::fromLatin1(QUrl::toPercentEncoding(item.first)) + QLatin1Char('=')
                + QString::fromLatin1(QUrl::toPercentEncoding(item.second));
        }
        url.setQuery(encoded, QUrl::StrictMode);
    }
    return url;
}

} // namespace UserUrl
