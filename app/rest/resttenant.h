#pragma once

#include "restresource.h"
#include "restsettings.h"
#include "tenants/tenant.h"

#include <QHash>

class AuthStrategy;
class QNetworkAccessManager;
class SecretStore;

// A REST tenant's stored form: what lives in Tenant::options, and the authentication built from it.
//
// Options (besides RestSettings' keys):
// - "resources": JSON text, an array of RestResource::toJson() objects;
// - "apiKeyIn": "header" or "query", with "apiKeyName": the tenant's token (SecretPurpose::Token,
//   auth Bearer) is then sent as an API key instead of "Authorization: Bearer";
// - OAuth2: "tokenUrl", "authorizationUrl", "redirectUri" (loopback, port optional), "scope",
//   "clientAuth" ("basic" or "form", from the server's metadata), "oauthUser" (password grant),
//   "authorizationDetails" (RAR, JSON text of an array).
// Secrets are never options: Password, Token, ClientSecret and RefreshToken live in the SecretStore.
namespace RestTenant {

bool settings(const Tenant &tenant, RestSettings *settings, QString *error);

bool resources(const Tenant &tenant, QList<RestResource> *resources, QString *error);
void setResources(Tenant *tenant, const QList<RestResource> &resources);

// The secrets a session needs (RefreshToken is optional: absent until the first sign-in).
QStringList secretPurposes(const Tenant &tenant, bool *refreshTokenOptional = nullptr);

// The tenant's AuthStrategy, or nullptr with *error empty when the core's default for tenant.auth
// fits (none, Basic, Bearer). Built here: API keys, and OAuth2 with RAR and a kept refresh token;
// a new refresh token from the server is written to `store` (an empty one removes it), never
// anywhere else (with `store` null, e.g. for a check before the tenant exists, it is only kept in
// memory). `nam` and `store` are not owned and must outlive the strategy.
AuthStrategy *createAuth(const Tenant &tenant, const QHash<QString, QString> &secrets, QNetworkAccessManager *nam,
    SecretStore *store, QString *error);

} // namespace RestTenant
