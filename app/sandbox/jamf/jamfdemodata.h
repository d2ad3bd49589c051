#pragma once

#include <QString>

class JamfService;

// The demo Jamf Pro tenant: 30 API roles (Patcher's, read-only auditors, per-team operators, ...)
// and 24 API clients using them, some disabled, with various token lifetimes. Accounts:
// admin/admin (administrator), auditor/auditor (read-only on roles and clients), and
// sso.user@example.com (an SSO account: Basic is refused). One client has a known secret, so the
// demo can connect as an API client: DemoClientId / DemoClientSecret (role "TenantDesk Demo", all
// API role and client privileges).
namespace JamfDemoData {

inline const QString DemoClientId = QStringLiteral("8c7f2e1a-0d3b-4f59-9a61-tenantdesk00");
inline const QString DemoClientSecret = QStringLiteral("demo-client-secret");

void seed(JamfService &service);

} // namespace JamfDemoData
