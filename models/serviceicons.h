#pragma once

#include "tenants/tenant.h"

#include <QIcon>

// The icons of TenantDesk: one per service kind, and the application's. They come from the
// tenantdesk_resources library (":/tenantdesk/icons/..."); without it linked they are null icons.
// GUI thread only (QIcon).
namespace ServiceIcons {

QIcon forService(ServiceKind kind);
// "Kinto", "Jamf Pro", "Kandji", "REST": the service's name for people.
QString displayName(ServiceKind kind);
QString resourcePath(ServiceKind kind);
QIcon application();

} // namespace ServiceIcons
