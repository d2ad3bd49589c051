#include "serviceicons.h"

namespace ServiceIcons {

QString resourcePath(ServiceKind kind)
{
    switch (kind) {
    case ServiceKind::Kinto:
        return QStringLiteral(":/tenantdesk/icons/kinto.png");
    case ServiceKind::JamfPro:
        return QStringLiteral(":/tenantdesk/icons/jamf.png");
    case ServiceKind::Kandji:
        return QStringLiteral(":/tenantdesk/icons/kandji.png");
    case ServiceKind::Rest:
        return QStringLiteral(":/tenantdesk/icons/rest.png");
    }
    return QStringLiteral(":/tenantdesk/icons/rest.png");
}

QString displayName(ServiceKind kind)
{
    switch (kind) {
    case ServiceKind::Kinto:
        return QStringLiteral("Kinto");
    case ServiceKind::JamfPro:
        return QStringLiteral("Jamf Pro");
    case ServiceKind::Kandji:
        return QStringLiteral("Kandji");
    case ServiceKind::Rest:
        return QStringLiteral("REST");
    }
    return QStringLiteral("REST");
}

QIcon forService(ServiceKind kind)
{
    return QIcon(resourcePath(kind));
}

QIcon application()
{
    return QIcon(QStringLiteral(":/tenantdesk/icons/tenantdesk.png"));
}

} // namespace ServiceIcons
