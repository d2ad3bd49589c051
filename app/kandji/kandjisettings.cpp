#include "kandjisettings.h"

#include "net/userurl.h"

#include <QCoreApplication>
#include <QRegularExpression>

static QString tr(const char *text)
{
    return QCoreApplication::translate("KandjiSettings", text);
}

static bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

std::optional<QUrl> KandjiSettings::normalizeUrl(const QString &input, bool localTestServer, QString *error)
{
    if (input.trimmed().isEmpty()) {
        fail(error, tr("The tenant URL is empty."));
        return std::nullopt;
    }
    QString why;
    QUrl url = UserUrl::parseServerUrl(input, &why);
    if (!url.isValid()) {
        fail(error, why);
        return std::nullopt;
    }
    if (url.hasQuery() || url.hasFragment()) {
        fail(error, tr("The tenant URL must not contain a query or a fragment."));
        return std::nullopt;
    }
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path);
    if (!path.isEmpty()) {
        fail(error, tr("The tenant URL must not have a path (\"%1\"): give only https://<sub>.api.kandji.io.").arg(url.path()));
        return std::nullopt;
    }

    if (localTestServer) {
        static const QStringList loopback { QStringLiteral("127.0.0.1"), QStringLiteral("localhost"), QStringLiteral("::1") };
        if (!loopback.contains(url.host().toLower())) {
            fail(error, tr("A local test server must be on this machine (127.0.0.1, localhost or [::1]), not \"%1\".").arg(url.host()));
            return std::nullopt;
        }
        if (url.port() <= 0) {
            fail(error, tr("A local test server URL needs a port (e.g. http://127.0.0.1:8080)."));
            return std::nullopt;
        }
        return url;
    }

    url.setScheme(QStringLiteral("https")); // parsed as http(s); iructl upgrades http to https
    if (url.port() != -1) {
        fail(error, tr("The tenant URL must not name a port."));
        return std::nullopt;
    }
    static const QRegularExpression host(QStringLiteral("^[A-Za-z0-9-]+\\.api((\\.eu)?\\.kandji\\.io|\\.iru\\.com)$"));
    if (!host.match(url.host()).hasMatch()) {
        fail(error, tr("\"%1\" is not a Kandji or Iru API host: expected <sub>.api.kandji.io, <sub>.api.eu.kandji.io "
                       "or <sub>.api.iru.com.").arg(url.host()));
        return std::nullopt;
    }
    url.setHost(url.host().toLower());
    return url;
}

bool KandjiSettings::isValidToken(const QString &token, QString *error)
{
    static const QRegularExpression uuid(
        QStringLiteral("^[0-9A-Fa-f]{8}(-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}$"));
    if (token.isEmpty())
        return fail(error, tr("The API token is empty."));
    if (!uuid.match(token).hasMatch())
        return fail(error, tr("The API token does not have the shape of a Kandji token (a UUID such as "
                              "12345678-1234-4234-8234-123456789012)."));
    return true;
}

std::optional<KandjiSettings> KandjiSettings::make(const QString &url, const QString &token, bool localTestServer,
                                                   QString *error)
{
    const std::optional<QUrl> normalized = normalizeUrl(url, localTestServer, error);
    if (!normalized || !isValidToken(token.trimmed(), error))
        return std::nullopt;
    return KandjiSettings { *normalized, token.trimmed(), localTestServer };
}
