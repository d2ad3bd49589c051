#include "serviceicons.h"

#include "family/servicefamily.h"

namespace ServiceIcons {

QIcon forFamily(const QString &familyId)
{
    const ServiceFamily *family = ServiceFamilies::find(familyId);
    return QIcon(family ? family->iconPath() : QStringLiteral(":/tenantdesk/icons/rest.png"));
}

QString displayName(const QString &familyId)
{
    const ServiceFamily *family = ServiceFamilies::find(familyId);
    return family ? family->displayName() : familyId;
}

QIcon fromName(const QString &name)
{
    if (name.isEmpty())
        return {};
    return name.startsWith(QLatin1Char(':')) ? QIcon(name) : QIcon::fromTheme(name);
}

QIcon application()
{
    QIcon icon;
    for (int size : {16, 24, 32, 48, 64, 128, 256})
        icon.addFile(QStringLiteral(":/tenantdesk/icons/hicolor/%1x%1/tenantdesk.png").arg(size), QSize(size, size));
    return icon;
}

} // namespace ServiceIcons
