#pragma once

#include <QIcon>
#include <QString>

// The icons of TenantDesk: one per service family (named by the family: ServiceFamily::iconPath),
// and the application's. They come from the tenantdesk_resources library
// (":/tenantdesk/icons/..."); without it linked they are null icons. GUI thread only (QIcon).
namespace ServiceIcons {

// The family's icon, or a generic one for a family this build does not know.
QIcon forFamily(const QString &familyId);
// The family's name for people ("Kinto"), or the id itself for an unknown family.
QString displayName(const QString &familyId);
// A node's icon: a resource path (":/..."), or a theme icon name.
QIcon fromName(const QString &name);
QIcon application();

} // namespace ServiceIcons
