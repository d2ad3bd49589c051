#pragma once

class QNetworkAccessManager;
class RequestLog;
class SecretStore;
class SessionManager;
class TenantRegistry;

// What the window and the families' pages and wizards work with, made once by the composition
// root (app/main.cpp) or a test. Nothing is owned; every member must outlive its users. A member
// may be null in tests that do not need it; who needs it says so.
struct AppContext
{
    TenantRegistry *registry = nullptr;
    SecretStore *secrets = nullptr;
    SessionManager *sessions = nullptr;
    QNetworkAccessManager *network = nullptr;
    RequestLog *log = nullptr;
};
