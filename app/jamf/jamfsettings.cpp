#include "jamfsettings.h"

#include "net/userurl.h"
#include "secrets/secretstore.h"

#include <QCoreApplication>
#include <QHostAddress>

static QString tr(const char *text)
{
    return QCoreApplication::translate("JamfSettings", text);
}

static bool isLoopback(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QUrl JamfSettings::normalizeServerUrl(const QString &input, QString *error)
{
    if (input.trimmed().isEmpty()) {
        *error = tr("Enter the Jamf Pro server address, e.g. https://yourcompany.jamfcloud.com.");
        return {};
    }
    const QUrl url = UserUrl::parseServerUrl(input, error);
    if (!url.isValid())
        return {};
    // Jamf Pro is its origin: a path, query or fragment typed with it is dropped; plain http is
    // upgraded to https except on this machine (a local test server).
    QUrl normalized;
    normalized.setScheme(url.scheme() == QLatin1String("http") && isLoopback(url.host()) ? QStringLiteral("http")
                                                                                         : QStringLiteral("https"));
    normalized.setHost(url.host().toLower());
    if (url.port() > 0 && !(normalized.scheme() == QLatin1String("https") && url.port() == 443))
        normalized.setPort(url.port());
    return normalized;
}

bool JamfSettings::checkConcurrency(int n, QString *warning, QString *error)
{
    if (n < 1) {
        if (error)
            *error = tr("The concurrency must be at least 1 (it is %1).").arg(n);
        return false;
    }
    if (n > RecommendedConcurrency && warning)
        *warning = tr("%1 connections at once is more than the 5 Jamf recommends: the server may be unable to do "
                      "its other work.").arg(n);
    return true;
}

std::optional<JamfSettings> JamfSettings::fromTenant(const Tenant &tenant, QString *error, QString *warning)
{
    if (tenant.family != QLatin1String("jamf")) {
        *error = tr("Tenant \"%1\" is not a Jamf Pro tenant.").arg(tenant.displayName);
        return std::nullopt;
    }
    JamfSettings s;
    s.serverUrl = normalizeServerUrl(tenant.baseUrl.toString(), error);
    if (!s.serverUrl.isValid())
        return std::nullopt;
    switch (tenant.auth) {
    case AuthKind::Basic: s.mode = Mode::UserAccount; break;
    case AuthKind::OAuth2ClientCredentials: s.mode = Mode::ApiClient; break;
    default:
        *error = tr("A Jamf Pro tenant signs in with a user account or an API client, not \"%1\".")
                     .arg(Tenant::authName(tenant.auth));
        return std::nullopt;
    }
    s.user = tenant.userName.trimmed();
    if (s.user.isEmpty()) {
        *error = s.mode == Mode::UserAccount ? tr("Tenant \"%1\" has no user name.").arg(tenant.displayName)
                                             : tr("Tenant \"%1\" has no API client id.").arg(tenant.displayName);
        return std::nullopt;
    }
    bool ok = true;
    const QVariant concurrency = tenant.options.value(QStringLiteral("maxConcurrent"), RecommendedConcurrency);
    s.maxConcurrent = concurrency.toInt(&ok);
    if (!ok || !checkConcurrency(s.maxConcurrent, warning, error)) {
        if (!ok)
            *error = tr("The concurrency \"%1\" is not a number.").arg(concurrency.toString());
        return std::nullopt;
    }
    return s;
}

QString JamfSettings::secretPurpose() const
{
    return mode == Mode::UserAccount ? SecretPurpose::Password : SecretPurpose::ClientSecret;
}
