#include "resttenant.h"

#include "auth/apikeyauth.h"
#include "auth/oauth2auth.h"
#include "net/job.h"
#include "secrets/secretstore.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace RestTenant {

static QString tr(const char *text)
{
    return QCoreApplication::translate("RestTenant", text);
}

bool settings(const Tenant &tenant, RestSettings *settings, QString *error)
{
    return RestSettings::fromOptions(tenant.baseUrl, tenant.options, settings, error);
}

bool resources(const Tenant &tenant, QList<RestResource> *resources, QString *error)
{
    const QString text = tenant.options.value(QStringLiteral("resources")).toString();
    resources->clear();
    if (text.isEmpty())
        return true;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &parseError);
    if (!doc.isArray()) {
        *error = tr("The tenant's resources are not a JSON array: %1").arg(parseError.errorString());
        return false;
    }
    for (const QJsonValue &value : doc.array()) {
        RestResource resource;
        if (!RestResource::fromJson(value.toObject(), &resource, error))
            return false;
        resources->append(resource);
    }
    return true;
}

void setResources(Tenant *tenant, const QList<RestResource> &resources)
{
    QJsonArray array;
    for (const RestResource &resource : resources)
        array.append(resource.toJson());
    tenant->options.insert(QStringLiteral("resources"), QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact)));
}

QStringList secretPurposes(const Tenant &tenant, bool *refreshTokenOptional)
{
    if (refreshTokenOptional)
        *refreshTokenOptional = false;
    switch (tenant.auth) {
    case AuthKind::None: return {};
    case AuthKind::Basic: return { SecretPurpose::Password };
    case AuthKind::Bearer: return { SecretPurpose::Token };
    case AuthKind::OAuth2ClientCredentials: return { SecretPurpose::ClientSecret };
    case AuthKind::OAuth2Password: return { SecretPurpose::ClientSecret, SecretPurpose::Password };
    case AuthKind::OAuth2AuthorizationCode:
        if (refreshTokenOptional)
            *refreshTokenOptional = true;
        return { SecretPurpose::ClientSecret, SecretPurpose::RefreshToken }; // a public client's secret is empty
    }
    return {};
}

static OAuth2Auth *createOAuth2(const Tenant &tenant, const QHash<QString, QString> &secrets, QNetworkAccessManager *nam,
    SecretStore *store, QString *error)
{
    const auto option = [&tenant](const char *name) { return tenant.options.value(QLatin1String(name)).toString(); };
    OAuth2Auth::Settings oauth;
    oauth.tokenUrl = tenant.baseUrl.resolved(QUrl(option("tokenUrl")));
    if (option("tokenUrl").isEmpty() || !oauth.tokenUrl.isValid()) {
        *error = tr("Tenant \"%1\" has no valid token URL.").arg(tenant.displayName);
        return nullptr;
    }
    oauth.clientId = tenant.userName;
    oauth.clientSecret = secrets.value(SecretPurpose::ClientSecret);
    oauth.scope = option("scope");
    oauth.clientAuth = option("clientAuth") == QLatin1String("form") ? OAuth2Auth::ClientAuth::FormFields : OAuth2Auth::ClientAuth::Basic;
    if (const QString details = option("authorizationDetails"); !details.isEmpty()) {
        const QJsonDocument doc = QJsonDocument::fromJson(details.toUtf8());
        if (!doc.isArray()) {
            *error = tr("The authorization details (RAR) of tenant \"%1\" are not a JSON array.").arg(tenant.displayName);
            return nullptr;
        }
        oauth.authorizationDetails = doc.array();
    }
    if (tenant.auth == AuthKind::OAuth2Password) {
        oauth.grant = OAuth2Auth::Grant::Password;
        oauth.username = option("oauthUser");
        oauth.password = secrets.value(SecretPurpose::Password);
    } else if (tenant.auth == AuthKind::OAuth2AuthorizationCode) {
        oauth.grant = OAuth2Auth::Grant::AuthorizationCode;
        oauth.authorizationUrl = QUrl(option("authorizationUrl"));
        oauth.redirectUri = QUrl(option("redirectUri").isEmpty() ? QStringLiteral("http://127.0.0.1/callback") : option("redirectUri"));
    }
    auto *auth = new OAuth2Auth(nam, oauth);
    auth->setRefreshToken(secrets.value(SecretPurpose::RefreshToken));
    const QString tenantId = tenant.id;
    if (!store)
        return auth; // a connection check: nothing to keep yet
    QObject::connect(auth, &OAuth2Auth::refreshTokenChanged, store, [store, tenantId](const QString &token) {
        // Fire and forget: the store reports its own failures; the token is kept in memory meanwhile.
        if (token.isEmpty())
            store->remove(tenantId, SecretPurpose::RefreshToken);
        else
            store->write(tenantId, SecretPurpose::RefreshToken, token);
    });
    return auth;
}

AuthStrategy *createAuth(const Tenant &tenant, const QHash<QString, QString> &secrets, QNetworkAccessManager *nam,
    SecretStore *store, QString *error)
{
    error->clear();
    const QString apiKeyIn = tenant.options.value(QStringLiteral("apiKeyIn")).toString();
    if (!apiKeyIn.isEmpty()) {
        const QString name = tenant.options.value(QStringLiteral("apiKeyName")).toString();
        if ((apiKeyIn != QLatin1String("header") && apiKeyIn != QLatin1String("query")) || name.isEmpty()) {
            *error = tr("Tenant \"%1\": an API key goes in a \"header\" or \"query\" item with a name.").arg(tenant.displayName);
            return nullptr;
        }
        return new ApiKeyAuth(apiKeyIn == QLatin1String("header") ? ApiKeyAuth::Placement::Header : ApiKeyAuth::Placement::Query,
            name, secrets.value(SecretPurpose::Token));
    }
    switch (tenant.auth) {
    case AuthKind::None:
    case AuthKind::Basic:
    case AuthKind::Bearer:
        return nullptr;
    case AuthKind::OAuth2ClientCredentials:
    case AuthKind::OAuth2Password:
    case AuthKind::OAuth2AuthorizationCode:
        return createOAuth2(tenant, secrets, nam, store, error);
    }
    return nullptr;
}

} // namespace RestTenant
