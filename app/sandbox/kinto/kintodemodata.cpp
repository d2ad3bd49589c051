#include "kintodemodata.h"

#include "kintoservice.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace KintoDemoData {

namespace {

QJsonObject parse(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

KintoAcl acl(std::initializer_list<std::pair<const char *, std::initializer_list<const char *>>> entries)
{
    KintoAcl out;
    for (const auto &[perm, principals] : entries) {
        QSet<QString> set;
        for (const char *p : principals)
            set.insert(QString::fromLatin1(p));
        out.insert(QString::fromLatin1(perm), set);
    }
    return out;
}

const char DevicesSchema[] = R"json({
  "type": "object",
  "title": "Device",
  "required": ["name", "serial", "platform", "status"],
  "properties": {
    "name": {"type": "string", "title": "Name", "minLength": 1, "maxLength": 80},
    "serial": {"type": "string", "title": "Serial number", "pattern": "^[A-Z0-9]{8,14}$"},
    "platform": {"type": "string", "title": "Platform",
                 "enum": ["macOS", "iOS", "iPadOS", "Windows", "Linux", "Android"]},
    "status": {"type": "string", "title": "Status", "enum": ["active", "in-repair", "retired", "lost"]},
    "owner": {"type": "object", "title": "Owner", "required": ["name"],
              "properties": {"name": {"type": "string"}, "email": {"type": "string", "format": "email"}}},
    "purchased": {"type": "string", "title": "Purchase date", "format": "date"},
    "price": {"type": "number", "title": "Price (EUR)", "minimum": 0},
    "storage_gb": {"type": "integer", "title": "Storage (GB)", "minimum": 0},
    "tags": {"type": "array", "title": "Tags", "items": {"type": "string"}, "uniqueItems": true},
    "managed": {"type": "boolean", "title": "Managed"}
  }
})json";

const char TicketsSchema[] = R"json({
  "type": "object",
  "required": ["title", "status"],
  "properties": {
    "title": {"type": "string", "title": "Title", "minLength": 3},
    "status": {"type": "string", "enum": ["open", "pending", "closed"]},
    "priority": {"type": "integer", "minimum": 1, "maximum": 5},
    "description": {"type": "string"}
  }
})json";

} // namespace

void seed(KintoService &service)
{
    service.addAccount(QStringLiteral("admin"), QStringLiteral("admin"));
    service.addAccount(QStringLiteral("alice"), QStringLiteral("alice"));
    service.addAccount(QStringLiteral("bob"), QStringLiteral("bob"));
    QStringList admins = service.adminPrincipals();
    if (!admins.contains(QStringLiteral("account:admin")))
        service.setAdminPrincipals(admins << QStringLiteral("account:admin"));

    const QString admin = QStringLiteral("account:admin");
    // Everything is dated in the past hour, in order, so later real writes come after it.
    qint64 ts = QDateTime::currentMSecsSinceEpoch() - 3600 * 1000;
    const auto next = [&ts](qint64 step = 1000) { return ts += step; };

    // Bucket "main": readable by every authenticated user, written by admins and editors.
    service.writeObject(QStringLiteral("/buckets/main"), parse(R"json({"title": "Main inventory"})json"),
                        acl({{"read", {"system.Authenticated"}}, {"write", {"account:admin"}}}), admin, true, next());
    service.writeObject(QStringLiteral("/buckets/main/groups/editors"),
                        parse(R"json({"members": ["account:alice"], "title": "Editors"})json"),
                        acl({{"write", {"account:admin"}}}), admin, true, next());
    service.writeObject(QStringLiteral("/buckets/main/groups/auditors"),
                        parse(R"json({"members": ["account:bob"], "title": "Auditors"})json"),
                        acl({{"write", {"account:admin"}}}), admin, true, next());

    QJsonObject devices{
        {QStringLiteral("title"), QStringLiteral("Devices")},
        {QStringLiteral("schema"), parse(DevicesSchema)},
        {QStringLiteral("uiSchema"), parse(R"json({"ui:order": ["name", "serial", "platform", "status", "*"]})json")},
        {QStringLiteral("displayFields"), QJsonArray{QStringLiteral("name"), QStringLiteral("platform"),
                                                     QStringLiteral("status"), QStringLiteral("owner.name")}},
        {QStringLiteral("sort"), QStringLiteral("-last_modified")},
        {QStringLiteral("attachment"), QJsonObject{{QStringLiteral("enabled"), true}, {QStringLiteral("required"), false}}},
    };
    const QJsonObject devicesStored = service.writeObject(
        QStringLiteral("/buckets/main/collections/devices"), devices,
        acl({{"write", {"account:admin", "/buckets/main/groups/editors"}},
             {"read", {"/buckets/main/groups/auditors"}}}),
        admin, true, next());
    const qint64 devicesSchemaVersion = devicesStored.value(QStringLiteral("last_modified")).toInteger();

    static const char *const platforms[] = {"macOS", "iOS", "iPadOS", "Windows", "Linux", "Android"};
    static const char *const statuses[] = {"active", "active", "active", "in-repair", "retired", "lost"};
    static const char *const people[] = {"Alice Martin", "Bob Durand", "Chloé Petit", "David Moreau",
                                         "Emma Laurent", "Farid Benali", "Gaëlle Roux", "Hugo Lefèvre"};
    static const char *const tagPool[] = {"finance", "engineering", "sales", "loaner", "vip", "remote"};
    quint32 seed = 20240611;
    const auto random = [&seed] {
        seed = seed * 1664525u + 1013904223u;
        return seed >> 8;
    };
    const int deviceCount = 10000;
    for (int i = 1; i <= deviceCount; ++i) {
        const QString platform = QString::fromLatin1(platforms[random() % 6]);
        const QString person = QString::fromUtf8(people[random() % 8]);
        QJsonArray tags;
        for (int t = 0; t < 6; ++t) {
            if (random() % 4 == 0)
                tags.append(QString::fromLatin1(tagPool[t]));
        }
        const QJsonObject record{
            {QStringLiteral("name"), QStringLiteral("%1-%2").arg(platform.left(3).toUpper()).arg(i, 5, 10, QLatin1Char('0'))},
            {QStringLiteral("serial"), QStringLiteral("C02%1").arg(random() % 0xFFFFFFu, 8, 16, QLatin1Char('0')).toUpper()},
            {QStringLiteral("platform"), platform},
            {QStringLiteral("status"), QString::fromLatin1(statuses[random() % 6])},
            {QStringLiteral("owner"), QJsonObject{{QStringLiteral("name"), person},
                                                  {QStringLiteral("email"),
                                                   QString(person.section(QLatin1Char(' '), 0, 0).toLower() + QStringLiteral("@example.com"))}}},
            {QStringLiteral("purchased"), QDate(2019, 1, 1).addDays(random() % 1900).toString(Qt::ISODate)},
            {QStringLiteral("price"), double(300 + random() % 3000) + 0.99},
            {QStringLiteral("storage_gb"), int(64 << (random() % 5))},
            {QStringLiteral("tags"), tags},
            {QStringLiteral("managed"), random() % 5 != 0},
            {QStringLiteral("schema"), devicesSchemaVersion},
        };
        // Only the most recent ones get history entries: the demo history stays readable.
        const QString id = QStringLiteral("dev-%1").arg(i, 5, 10, QLatin1Char('0'));
        service.writeObject(QStringLiteral("/buckets/main/collections/devices/records/") + id, record,
                            acl({{"write", {"account:admin"}}}), admin, i > deviceCount - 20, next(250));
    }

    // A small collection with a schema, one without.
    QJsonObject tickets = parse(R"json({"title": "Tickets", "displayFields": ["title", "status", "priority"]})json");
    tickets.insert(QStringLiteral("schema"), parse(TicketsSchema));
    const qint64 ticketsSchema =
        service.writeObject(QStringLiteral("/buckets/main/collections/tickets"), tickets,
                            acl({{"write", {"account:admin"}}, {"record:create", {"system.Authenticated"}}}), admin,
                            true, next())
            .value(QStringLiteral("last_modified"))
            .toInteger();
    static const char *const ticketTitles[] = {"Laptop does not boot", "VPN drops every hour", "New hire setup",
                                               "Printer on floor 3", "Replace broken screen", "Email quota",
                                               "Install design tools", "Phone lost in taxi", "Badge reader",
                                               "Slow Wi-Fi in room B"};
    for (int i = 0; i < 10; ++i) {
        QJsonObject t{{QStringLiteral("title"), QString::fromLatin1(ticketTitles[i])},
                      {QStringLiteral("status"), i % 3 == 0 ? QStringLiteral("closed") : QStringLiteral("open")},
                      {QStringLiteral("priority"), 1 + i % 5},
                      {QStringLiteral("schema"), ticketsSchema}};
        const QString owner = i % 2 ? QStringLiteral("account:alice") : QStringLiteral("account:bob");
        service.writeObject(QStringLiteral("/buckets/main/collections/tickets/records/ticket-%1").arg(i + 1), t,
                            KintoAcl{{QStringLiteral("write"), {owner}}}, owner, true, next());
    }
    service.writeObject(QStringLiteral("/buckets/main/collections/notes"),
                        parse(R"json({"title": "Notes", "displayFields": ["text"]})json"),
                        acl({{"write", {"account:admin", "/buckets/main/groups/editors"}}}), admin, true, next());
    for (int i = 1; i <= 5; ++i) {
        service.writeObject(QStringLiteral("/buckets/main/collections/notes/records/note-%1").arg(i),
                            QJsonObject{{QStringLiteral("text"), QStringLiteral("Note number %1").arg(i)},
                                        {QStringLiteral("pinned"), i == 1}},
                            acl({{"write", {"account:alice"}}}), QStringLiteral("account:alice"), true, next());
    }

    // Bucket "staging": alice's own space.
    service.writeObject(QStringLiteral("/buckets/staging"), parse(R"json({"title": "Staging"})json"),
                        acl({{"write", {"account:alice"}}}), QStringLiteral("account:alice"), true, next());
    service.writeObject(QStringLiteral("/buckets/staging/collections/drafts"), parse(R"json({"title": "Drafts"})json"),
                        acl({{"write", {"account:alice"}}}), QStringLiteral("account:alice"), true, next());
    for (int i = 1; i <= 3; ++i) {
        service.writeObject(QStringLiteral("/buckets/staging/collections/drafts/records/draft-%1").arg(i),
                            QJsonObject{{QStringLiteral("title"), QStringLiteral("Draft %1").arg(i)}},
                            acl({{"write", {"account:alice"}}}), QStringLiteral("account:alice"), true, next());
    }

    // Bucket "public": readable without credentials.
    service.writeObject(QStringLiteral("/buckets/public"), parse(R"json({"title": "Public"})json"),
                        acl({{"read", {"system.Everyone"}}, {"write", {"account:admin"}}}), admin, true, next());
    service.writeObject(QStringLiteral("/buckets/public/collections/announcements"),
                        parse(R"json({"title": "Announcements", "displayFields": ["title", "date"]})json"),
                        acl({{"write", {"account:admin"}}}), admin, true, next());
    static const char *const news[] = {"Maintenance window on Saturday", "New laptop models available",
                                       "Security training due"};
    for (int i = 0; i < 3; ++i) {
        service.writeObject(QStringLiteral("/buckets/public/collections/announcements/records/news-%1").arg(i + 1),
                            QJsonObject{{QStringLiteral("title"), QString::fromLatin1(news[i])},
                                        {QStringLiteral("date"), QDate(2024, 5, 1 + 7 * i).toString(Qt::ISODate)}},
                            acl({{"write", {"account:admin"}}}), admin, true, next());
    }
}

} // namespace KintoDemoData
