#pragma once

// Steps the Kandji window suites share: a Kandji tenant on a sandbox in the window's registry,
// connected as the user's "Connect" does, and its Blueprints folder listed.

#include "kandjifamily.h"
#include "kandjisandbox.h"
#include "secrets/secretstore.h"
#include "tenantconnector.h"
#include "windowfixture.h"

#include <QSignalSpy>
#include <QTest>

namespace KandjiWindowHelpers {

// Adds a tenant named `name` on `sandbox` (its token in the secret store); its id.
inline QString addTenant(WindowFixture &fx, const KandjiSandbox &sandbox, const QString &name, bool local = true)
{
    Tenant tenant;
    tenant.displayName = name;
    tenant.family = KandjiFamily::Id;
    tenant.baseUrl = sandbox.baseUrl();
    tenant.auth = AuthKind::Bearer;
    if (local)
        tenant.options.insert(QStringLiteral("localTestServer"), true);
    return fx.addTenant(tenant, SecretPurpose::Token, sandbox.token());
}

// Connects the tenant; false unless it ends connected.
inline bool connectTenant(WindowFixture &fx, const QString &id)
{
    QSignalSpy checked(fx.window->connector(), &TenantConnector::checked);
    fx.window->connector()->connectTenant(id);
    return checked.wait(10000) && fx.model->tenantState(id) == TenantTreeModel::State::Ok;
}

// The tenant's Blueprints folder, expanded, once `count` blueprints are listed (else invalid).
inline QModelIndex listedBlueprints(WindowFixture &fx, const QString &tenantId, int count = 3)
{
    const QModelIndex blueprints = fx.reveal(tenantId, { QStringLiteral("blueprints") });
    fx.window->tenantTree()->expand(blueprints);
    if (!QTest::qWaitFor([&] { return fx.model->rowCount(blueprints) == count; }, 10000))
        return {};
    return blueprints;
}

} // namespace KandjiWindowHelpers
