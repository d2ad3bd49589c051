#include "jamfdemodata.h"

#include "jamfprivileges.h"
#include "jamfservice.h"

namespace JamfDemoData {

void seed(JamfService &service)
{
    const QStringList manageApi { QStringLiteral("Create API Integrations"), QStringLiteral("Read API Integrations"),
        QStringLiteral("Update API Integrations"), QStringLiteral("Delete API Integrations"), QStringLiteral("Create API Roles"),
        QStringLiteral("Read API Roles"), QStringLiteral("Update API Roles"), QStringLiteral("Delete API Roles") };
    const QStringList readApi { QStringLiteral("Read API Integrations"), QStringLiteral("Read API Roles") };

    service.addAccount(QStringLiteral("admin"), QStringLiteral("admin"), {}, true);
    service.addAccount(QStringLiteral("auditor"), QStringLiteral("auditor"), readApi);
    service.addAccount(QStringLiteral("sso.user@example.com"), QStringLiteral("sso"), {}, true, true);

    service.addRole(QStringLiteral("TenantDesk Demo"), manageApi);
    service.addRole(QStringLiteral("Patcher-Role"), JamfPrivileges::patcherPreset());
    service.addRole(QStringLiteral("API Auditor"), readApi);

    // Roles per object, read-only and full, for the objects admins script most.
    const QStringList objects { QStringLiteral("Computers"), QStringLiteral("Mobile Devices"), QStringLiteral("Policies"),
        QStringLiteral("Scripts"), QStringLiteral("Packages"), QStringLiteral("Buildings"), QStringLiteral("Departments"),
        QStringLiteral("Categories"), QStringLiteral("Smart Computer Groups"), QStringLiteral("Static Computer Groups"),
        QStringLiteral("Computer Extension Attributes"), QStringLiteral("Sites"), QStringLiteral("Users") };
    const QStringList &catalogue = JamfPrivileges::catalogue();
    int made = 0;
    for (const QString &object : objects) {
        QStringList read;
        QStringList full;
        for (const QString &verb : { QStringLiteral("Read "), QStringLiteral("Create "), QStringLiteral("Update "), QStringLiteral("Delete ") }) {
            if (catalogue.contains(verb + object)) {
                full << verb + object;
                if (verb == QLatin1String("Read "))
                    read << verb + object;
            }
        }
        if (read.isEmpty())
            continue;
        service.addRole(object + QStringLiteral(" Reader"), read);
        if (++made % 2 == 0 || full.size() > 1)
            service.addRole(object + QStringLiteral(" Manager"), full);
    }

    service.addClient(QStringLiteral("TenantDesk Demo Client"), { QStringLiteral("TenantDesk Demo") }, true, 1800, DemoClientId,
        DemoClientSecret);
    service.addClient(QStringLiteral("Patcher-Client"), { QStringLiteral("Patcher-Role") }, true, 1800, {}, QStringLiteral("unknown"));
    service.addClient(QStringLiteral("Compliance Dashboard"), { QStringLiteral("API Auditor"), QStringLiteral("Computers Reader") },
        true, 3600, {}, QStringLiteral("unknown"));
    const int lifetimes[] = { 900, 1800, 3600, 14400, 28800, 300 };
    int index = 0;
    for (const QString &object : objects) {
        const QString reader = object + QStringLiteral(" Reader");
        const bool enabled = index % 5 != 4;
        service.addClient(object + QStringLiteral(" Sync"), { reader }, enabled, lifetimes[index % 6], {},
            index % 3 == 0 ? QString() : QStringLiteral("unknown"));
        if (index % 2 == 0)
            service.addClient(object + QStringLiteral(" Automation"), { reader, QStringLiteral("API Auditor") }, true,
                lifetimes[(index + 2) % 6], {}, QStringLiteral("unknown"));
        ++index;
    }
}

} // namespace JamfDemoData
