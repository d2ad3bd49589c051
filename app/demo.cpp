#include "demo.h"

#include "jamfdemodata.h"
#include "jamffamily.h"
#include "jamfsandbox.h"
#include "kandjifamily.h"
#include "kandjisandbox.h"
#include "kintofamily.h"
#include "kintosandbox.h"
#include "openapireader.h"
#include "restdemodata.h"
#include "restfamily.h"
#include "restsandbox.h"
#include "restservice.h"
#include "resttenant.h"
#include "secrets/secretstore.h"
#include "tenants/tenantregistry.h"

namespace {

bool addTenant(TenantRegistry &registry, SecretStore &secrets, Tenant tenant, const QString &purpose,
               const QString &secret, QString *error)
{
    const QString id = registry.add(tenant, error);
    if (id.isEmpty())
        return false;
    registry.storeSecret(id, purpose, secret, &secrets);
    return true;
}

template <typename Sandbox>
Sandbox *started(QObject *owner, const char *name, QString *error)
{
    auto *sandbox = new Sandbox(owner);
    if (!sandbox->start()) {
        *error = QStringLiteral("the %1 sandbox cannot listen on 127.0.0.1").arg(QLatin1String(name));
        return nullptr;
    }
    sandbox->seedDemoData();
    return sandbox;
}

} // namespace

bool startDemo(TenantRegistry &registry, SecretStore &secrets, QObject *owner, QString *error)
{
    auto *kinto = started<KintoSandbox>(owner, "Kinto", error);
    auto *jamf = kinto ? started<JamfSandbox>(owner, "Jamf Pro", error) : nullptr;
    auto *kandji = jamf ? started<KandjiSandbox>(owner, "Kandji", error) : nullptr;
    auto *rest = kandji ? started<RestSandbox>(owner, "REST", error) : nullptr;
    if (!rest)
        return false;

    const struct {
        const char *name;
        const char *user;
        const char *bucket;
    } accounts[] = {
        { "Kinto demo (admin)", "admin", "main" },
        { "Kinto demo (alice)", "alice", "staging" },
    };
    for (const auto &account : accounts) {
        Tenant tenant;
        tenant.displayName = QString::fromUtf8(account.name);
        tenant.family = KintoFamily::Id;
        tenant.baseUrl = kinto->baseUrl();
        tenant.auth = AuthKind::Basic;
        tenant.userName = QString::fromUtf8(account.user);
        tenant.options.insert(QStringLiteral("bucket"), QString::fromUtf8(account.bucket));
        // The demo accounts' passwords are their names.
        if (!addTenant(registry, secrets, tenant, SecretPurpose::Password, tenant.userName, error))
            return false;
    }

    Tenant jamfTenant;
    jamfTenant.displayName = QStringLiteral("Jamf Pro demo");
    jamfTenant.family = JamfFamily::Id;
    jamfTenant.baseUrl = jamf->baseUrl();
    jamfTenant.auth = AuthKind::OAuth2ClientCredentials;
    jamfTenant.userName = JamfDemoData::DemoClientId;
    if (!addTenant(registry, secrets, jamfTenant, SecretPurpose::ClientSecret, JamfDemoData::DemoClientSecret, error))
        return false;

    Tenant kandjiTenant;
    kandjiTenant.displayName = QStringLiteral("Kandji demo");
    kandjiTenant.family = KandjiFamily::Id;
    kandjiTenant.baseUrl = kandji->baseUrl();
    kandjiTenant.auth = AuthKind::Bearer;
    kandjiTenant.options.insert(QStringLiteral("localTestServer"), true);
    if (!addTenant(registry, secrets, kandjiTenant, SecretPurpose::Token, kandji->token(), error))
        return false;

    // The REST tenant's resources come from the API's own OpenAPI document, as the wizard reads it.
    OpenApiImport api;
    if (!OpenApiReader::read(rest->service().openApiDocument(), &api, error))
        return false;
    Tenant restTenant;
    restTenant.displayName = QStringLiteral("REST demo (help desk)");
    restTenant.family = RestFamily::Id;
    restTenant.baseUrl = rest->baseUrl();
    restTenant.auth = AuthKind::Bearer;
    restTenant.options.insert(QStringLiteral("apiKeyIn"), QStringLiteral("header"));
    restTenant.options.insert(QStringLiteral("apiKeyName"), QStringLiteral("X-API-Key"));
    restTenant.options.insert(QStringLiteral("probePath"), QStringLiteral("/agents"));
    RestTenant::setResources(&restTenant, api.resources);
    return addTenant(registry, secrets, restTenant, SecretPurpose::Token, RestDemoData::ApiKey, error);
}
