#include "logging.h"

Q_LOGGING_CATEGORY(lcHttp, "tenantdesk.http", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAuth, "tenantdesk.auth", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSecrets, "tenantdesk.secrets", QtInfoMsg)
Q_LOGGING_CATEGORY(lcTenants, "tenantdesk.tenants", QtInfoMsg)
