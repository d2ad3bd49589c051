#include "restdemodata.h"

#include "restservice.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace {

QJsonObject schema(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}

} // namespace

void RestDemoData::addCollections(RestService &service)
{
    service.setTitle(QStringLiteral("Help desk demo API"));
    service.addCollection(QStringLiteral("customers"), QStringLiteral("Customer"), schema(R"({
        "required": ["name", "email", "plan"],
        "properties": {
            "id": {"type": "integer", "readOnly": true},
            "name": {"type": "string", "description": "Company name"},
            "email": {"type": "string", "format": "email"},
            "plan": {"type": "string", "enum": ["free", "team", "enterprise"]},
            "country": {"type": "string"},
            "seats": {"type": "integer", "minimum": 1},
            "active": {"type": "boolean"}
        }})"));
    service.addCollection(QStringLiteral("agents"), QStringLiteral("Agent"), schema(R"({
        "required": ["name", "email", "team"],
        "properties": {
            "id": {"type": "integer", "readOnly": true},
            "name": {"type": "string"},
            "email": {"type": "string", "format": "email"},
            "team": {"type": "string", "enum": ["support", "billing", "engineering"]},
            "onCall": {"type": "boolean"}
        }})"));
    service.addCollection(QStringLiteral("tickets"), QStringLiteral("Ticket"), schema(R"({
        "required": ["subject", "status", "customerId"],
        "properties": {
            "id": {"type": "integer", "readOnly": true},
            "subject": {"type": "string"},
            "status": {"type": "string", "enum": ["open", "pending", "solved", "closed"]},
            "priority": {"type": "string", "enum": ["low", "normal", "high", "urgent"]},
            "customerId": {"type": "integer"},
            "agentId": {"type": "integer"},
            "tags": {"type": "array", "items": {"type": "string"}},
            "createdAt": {"type": "string", "format": "date-time"}
        }})"));
}

void RestDemoData::seed(RestService &service)
{
    addCollections(service);
    service.setApiKey(ApiKey);
    const struct { const char *name, *domain, *plan, *country; int seats; } customers[] = {
        { "Northwind Traders", "northwind.example", "enterprise", "US", 250 },
        { "Contoso Pharmacy", "contoso.example", "team", "GB", 40 },
        { "Fabrikam Studio", "fabrikam.example", "team", "DE", 18 },
        { "Tailspin Toys", "tailspin.example", "free", "CA", 3 },
        { "Wide World Importers", "wideworld.example", "enterprise", "AU", 600 },
        { "Adventure Works Cycles", "adventure-works.example", "team", "NL", 35 },
        { "Alpine Ski House", "alpineski.example", "free", "CH", 5 },
        { "Blue Yonder Airlines", "blueyonder.example", "enterprise", "FR", 1200 },
        { "Coho Winery", "cohowinery.example", "team", "ES", 12 },
        { "Litware Labs", "litware.example", "free", "SE", 2 },
        { "Margie's Travel", "margiestravel.example", "team", "IE", 22 },
        { "Proseware Health", "proseware.example", "enterprise", "JP", 430 },
    };
    for (const auto &c : customers) {
        service.insert(QStringLiteral("customers"), QJsonObject { { QStringLiteral("name"), QString::fromUtf8(c.name) },
            { QStringLiteral("email"), QString(QStringLiteral("it@") + QLatin1String(c.domain)) }, { QStringLiteral("plan"), QLatin1String(c.plan) },
            { QStringLiteral("country"), QLatin1String(c.country) }, { QStringLiteral("seats"), c.seats },
            { QStringLiteral("active"), bool(QLatin1String(c.plan) != QLatin1String("free") || c.seats > 2) } });
    }
    const struct { const char *name, *team; } agents[] = {
        { "Priya Raman", "support" }, { "Tomás Ortega", "support" }, { "Mei Chen", "billing" },
        { "Jonas Berg", "engineering" }, { "Amara Okafor", "support" }, { "Luca Bianchi", "engineering" },
    };
    for (int i = 0; i < 6; ++i) {
        const QString name = QString::fromUtf8(agents[i].name);
        service.insert(QStringLiteral("agents"), QJsonObject { { QStringLiteral("name"), name },
            { QStringLiteral("email"), QString(name.section(QLatin1Char(' '), 0, 0).toLower() + QStringLiteral("@helpdesk.example")) },
            { QStringLiteral("team"), QLatin1String(agents[i].team) }, { QStringLiteral("onCall"), bool(i % 3 == 0) } });
    }
    const char *subjects[] = {
        "Cannot sign in after password reset", "Invoice shows the wrong VAT number", "Sync stalls at 99%",
        "Add five seats to our plan", "Export to CSV drops accents", "SSO certificate expires next week",
        "Mobile app crashes on launch", "Refund for duplicate charge", "API rate limit too low for nightly job",
        "Webhook deliveries delayed", "Dark mode text unreadable in reports", "Need audit log for last quarter",
        "Calendar invites arrive twice", "Attachment upload fails over 20 MB",
    };
    const char *statuses[] = { "open", "pending", "solved", "closed", "open", "pending" };
    const char *priorities[] = { "normal", "high", "low", "urgent", "normal" };
    const char *tags[][2] = { { "login", "sso" }, { "billing", "invoice" }, { "sync", "desktop" }, { "api", "limits" } };
    const QDateTime start(QDate(2026, 10, 1), QTime(9, 0), Qt::UTC);
    for (int i = 0; i < 42; ++i) {
        QJsonObject ticket { { QStringLiteral("subject"), QLatin1String(subjects[i % 14]) },
            { QStringLiteral("status"), QLatin1String(statuses[i % 6]) }, { QStringLiteral("priority"), QLatin1String(priorities[i % 5]) },
            { QStringLiteral("customerId"), 1 + (i * 5) % 12 },
            { QStringLiteral("tags"), QJsonArray { QLatin1String(tags[i % 4][0]), QLatin1String(tags[i % 4][1]) } },
            { QStringLiteral("createdAt"), start.addSecs(qint64(i) * 37 * 3600).toString(Qt::ISODate) } };
        if (i % 6 != 0) // a few not yet assigned
            ticket.insert(QStringLiteral("agentId"), 1 + i % 6);
        service.insert(QStringLiteral("tickets"), ticket);
    }
}
