// The tenant settings loader: any INI file (a user's, or one edited by hand) loads without a crash,
// and only valid tenants come out of it.
#include "fuzzsupport.h"
#include "tenants/tenantregistry.h"

#include <QFile>
#include <QTemporaryDir>

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzSupport::app();
    static QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tenants.ini"));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return 0;
        file.write(reinterpret_cast<const char *>(data), qint64(size));
    }
    TenantRegistry registry(path);
    for (const Tenant &tenant : registry.tenants())
        (void)TenantRegistry::validationError(tenant);
    return 0;
}
