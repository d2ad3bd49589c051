#include "kintoservice.h"

#include "kintoaccess.h"
#include "kintoattachments.h"
#include "kintobatch.h"
#include "kintohistory.h"
#include "kintoresources.h"

#include <QJsonArray>
#include <QUrl>

using namespace KintoProtocol;

namespace {

const char ProjectVersion[] = "19.4.0";
const char AttachmentVersion[] = "7.1.0";

QJsonObject capability(const QString &description, const QString &url)
{
    return QJsonObject{{QStringLiteral("description"), description}, {QStringLiteral("url"), url}};
}

QJsonObject capabilities(const KintoSettings &settings)
{
    const QString docs = QStringLiteral("https://kinto.readthedocs.io/en/latest/");
    QJsonObject attachments = capability(QStringLiteral("Add file attachments to records"),
                                         QStringLiteral("https://github.com/Kinto/kinto-attachment/"));
    attachments.insert(QStringLiteral("version"), QString::fromLatin1(AttachmentVersion));
    attachments.insert(QStringLiteral("base_url"), QString(settings.origin + QStringLiteral("/attachments/")));
    QJsonObject changes = capability(
        QStringLiteral("Track modifications of records in Kinto and store the collection timestamps into a specific bucket and collection."),
        QStringLiteral("http://kinto.readthedocs.io/en/latest/tutorials/synchronisation.html#polling-for-remote-changes"));
    changes.insert(QStringLiteral("collections"), QJsonArray());
    QJsonObject all{
        {QStringLiteral("history"), capability(QStringLiteral("Track changes on data."), docs + QStringLiteral("api/1.x/history.html"))},
        {QStringLiteral("accounts"), capability(QStringLiteral("Manage user accounts."), docs + QStringLiteral("api/1.x/accounts.html"))},
        {QStringLiteral("attachments"), attachments},
        {QStringLiteral("permissions_endpoint"),
         capability(QStringLiteral("The permissions endpoint can be used to list all user objects permissions."),
                    docs + QStringLiteral("configuration/settings.html#activating-the-permissions-endpoint"))},
        {QStringLiteral("changes"), changes},
        {QStringLiteral("schema"), capability(QStringLiteral("Validates collection records with JSON schemas."),
                                              docs + QStringLiteral("api/1.x/collections.html#collection-json-schema"))},
    };
    if (settings.basicAuth)
        all.insert(QStringLiteral("basicauth"),
                   capability(QStringLiteral("Very basic authentication sessions. Not for production use."),
                              QStringLiteral("http://kinto.readthedocs.io/en/stable/api/1.x/authentication.html")));
    return all;
}

bool allowed(const QByteArray &method, std::initializer_list<const char *> methods)
{
    for (const char *m : methods) {
        if (method == m)
            return true;
    }
    return false;
}

} // namespace

KintoService::KintoService() = default;

void KintoService::setAdminPrincipals(const QStringList &principals)
{
    m_state.settings.adminPrincipals = QSet<QString>(principals.begin(), principals.end());
}

QStringList KintoService::adminPrincipals() const
{
    return QStringList(m_state.settings.adminPrincipals.begin(), m_state.settings.adminPrincipals.end());
}

void KintoService::setBucketCreatePrincipals(const QStringList &principals)
{
    m_state.settings.bucketCreatePrincipals = QSet<QString>(principals.begin(), principals.end());
}

ServiceResponse KintoService::handle(const ServiceRequest &request)
{
    return route(request, KintoAccess::authenticate(m_state, request));
}

ServiceResponse KintoService::route(const ServiceRequest &request, const KintoCaller &caller)
{
    const QString &path = request.path;
    const QByteArray &m = request.method;
    if (path.size() > 1 && path.endsWith(QLatin1Char('/'))) {
        // trailing_slash_redirect_enabled
        ServiceResponse r;
        r.status = 307;
        QUrl target(m_state.settings.origin);
        target.setPath(QStringLiteral("/v1") + path.chopped(1));
        target.setQuery(request.query);
        r.setHeader("Location", target.toEncoded());
        return r;
    }
    const QStringList seg = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const QString first = seg.value(0);
    const auto resource = [&](std::initializer_list<const char *> methods, const KintoResource &res) {
        return allowed(m, methods) ? KintoResources::handle(m_state, request, caller, res) : methodNotAllowed();
    };
    const std::initializer_list<const char *> pluralMethods{"GET", "HEAD", "POST", "DELETE"};
    const std::initializer_list<const char *> objectMethods{"GET", "PUT", "PATCH", "DELETE"};

    if (seg.isEmpty())
        return allowed(m, {"GET"}) ? hello(caller) : methodNotAllowed();
    if (seg.size() == 1 && first == QLatin1String("__heartbeat__")) {
        if (!allowed(m, {"GET"}))
            return methodNotAllowed();
        return ServiceResponse::json(200, QJsonObject{{QStringLiteral("storage"), true},
                                                      {QStringLiteral("permission"), true},
                                                      {QStringLiteral("cache"), true},
                                                      {QStringLiteral("attachments"), true}});
    }
    if (seg.size() == 1 && first == QLatin1String("__lbheartbeat__"))
        return allowed(m, {"GET"}) ? ServiceResponse::json(200, QJsonObject()) : methodNotAllowed();
    if (seg.size() == 1 && first == QLatin1String("__version__")) {
        if (!allowed(m, {"GET"}))
            return methodNotAllowed();
        return ServiceResponse::json(200, QJsonObject{{QStringLiteral("name"), QStringLiteral("kinto")},
                                                      {QStringLiteral("version"), QString::fromLatin1(ProjectVersion)},
                                                      {QStringLiteral("source"), QStringLiteral("https://github.com/Kinto/kinto")},
                                                      {QStringLiteral("commit"), QStringLiteral("sandbox")}});
    }
    if (seg.size() == 1 && first == QLatin1String("batch")) {
        if (!allowed(m, {"POST"}))
            return methodNotAllowed();
        return KintoBatch::handle(m_state, request, [this](const ServiceRequest &sub) { return handle(sub); });
    }
    if (seg.size() == 1 && first == QLatin1String("permissions"))
        return allowed(m, {"GET", "HEAD"}) ? KintoAccess::permissionsEndpoint(m_state, request, caller) : methodNotAllowed();
    if (first == QLatin1String("accounts") && seg.size() <= 2)
        return resource(seg.size() == 1 ? pluralMethods : objectMethods,
                        KintoResource::make(QStringLiteral("account"), {}, {}, seg.value(1)));
    if (first != QLatin1String("buckets"))
        return notFound();

    const bool inCollection = seg.size() >= 4 && seg.at(2) == QLatin1String("collections");
    const bool collectionsOrGroups = seg.size() >= 3
        && (seg.at(2) == QLatin1String("collections") || seg.at(2) == QLatin1String("groups"));
    switch (seg.size()) {
    case 1:
        return resource(pluralMethods, KintoResource::make(QStringLiteral("bucket")));
    case 2:
        return resource(objectMethods, KintoResource::make(QStringLiteral("bucket"), {}, {}, seg.at(1)));
    case 3:
        if (collectionsOrGroups)
            return resource(pluralMethods, KintoResource::make(seg.at(2).chopped(1), seg.at(1)));
        if (seg.at(2) == QLatin1String("history"))
            return resource({"GET", "HEAD", "DELETE"}, KintoResource::make(QStringLiteral("history"), seg.at(1)));
        break;
    case 4:
        if (collectionsOrGroups)
            return resource(objectMethods, KintoResource::make(seg.at(2).chopped(1), seg.at(1), {}, seg.at(3)));
        break;
    case 5:
        if (inCollection && seg.at(4) == QLatin1String("changeset")) {
            if (!allowed(m, {"GET"}))
                return methodNotAllowed();
            return KintoHistory::changeset(m_state, request, caller,
                                           KintoResource::make(QStringLiteral("collection"), seg.at(1), {}, seg.at(3)));
        }
        if (inCollection && seg.at(4) == QLatin1String("records"))
            return resource(pluralMethods, KintoResource::make(QStringLiteral("record"), seg.at(1), seg.at(3)));
        break;
    case 6:
        if (inCollection && seg.at(4) == QLatin1String("records"))
            return resource(objectMethods, KintoResource::make(QStringLiteral("record"), seg.at(1), seg.at(3), seg.at(5)));
        break;
    case 7:
        if (inCollection && seg.at(4) == QLatin1String("records") && seg.at(6) == QLatin1String("attachment")) {
            const KintoResource record = KintoResource::make(QStringLiteral("record"), seg.at(1), seg.at(3), seg.at(5));
            if (m == "POST")
                return KintoAttachments::post(m_state, request, caller, record);
            if (m == "DELETE")
                return KintoAttachments::remove(m_state, request, caller, record);
            return methodNotAllowed();
        }
        break;
    default:
        break;
    }
    return notFound();
}

ServiceResponse KintoService::hello(const KintoCaller &caller) const
{
    const KintoSettings &settings = m_state.settings;
    QJsonObject body{
        {QStringLiteral("project_name"), QStringLiteral("kinto")},
        {QStringLiteral("project_version"), QString::fromLatin1(ProjectVersion)},
        {QStringLiteral("http_api_version"), QStringLiteral("1.23")},
        {QStringLiteral("project_docs"), QStringLiteral("https://kinto.readthedocs.io/")},
        {QStringLiteral("url"), QString(settings.origin + QStringLiteral("/v1/"))},
        {QStringLiteral("settings"),
         QJsonObject{{QStringLiteral("batch_max_requests"), settings.batchMaxRequests},
                     {QStringLiteral("readonly"), false},
                     {QStringLiteral("explicit_permissions"), true},
                     {QStringLiteral("trailing_slash_redirect_enabled"), true}}},
        {QStringLiteral("capabilities"), capabilities(settings)},
    };
    if (!caller.userId.isEmpty()) {
        QStringList others(caller.principals.begin(), caller.principals.end());
        others.removeAll(caller.userId);
        others.sort();
        body.insert(QStringLiteral("user"),
                    QJsonObject{{QStringLiteral("id"), caller.userId},
                                {QStringLiteral("principals"), QJsonArray::fromStringList(QStringList{caller.userId} + others)}});
    }
    return ServiceResponse::json(200, body);
}

// ---- direct access (seeding, tests)

void KintoService::addAccount(const QString &user, const QString &password)
{
    m_state.store.save(QString(), QStringLiteral("account"),
                       QJsonObject{{QStringLiteral("id"), user}, {QStringLiteral("password"), KintoAccess::hashPassword(password)}});
    m_state.store.setAcl(QStringLiteral("/accounts/") + user, KintoAcl{{QStringLiteral("write"), {QStringLiteral("account:") + user}}});
}

QJsonObject KintoService::writeObject(const QString &uri, QJsonObject data, const KintoAcl &acl, const QString &userId,
                                      bool withHistory, qint64 forcedLastModified)
{
    const std::optional<KintoResource> res = KintoResource::fromObjectUri(uri);
    if (!res)
        return {};
    data.insert(QStringLiteral("id"), res->id);
    data.remove(QStringLiteral("last_modified"));
    const bool created = !m_state.store.get(res->parentUri, res->name, res->id).has_value();
    const QJsonObject stored = m_state.store.save(res->parentUri, res->name, data, forcedLastModified);
    m_state.store.setAcl(uri, acl);
    if (withHistory)
        KintoHistory::record(m_state, created ? QStringLiteral("create") : QStringLiteral("update"), *res, stored, userId);
    return stored;
}

std::optional<QJsonObject> KintoService::object(const QString &uri) const
{
    const std::optional<KintoResource> res = KintoResource::fromObjectUri(uri);
    if (!res)
        return std::nullopt;
    return m_state.store.get(res->parentUri, res->name, res->id);
}

std::optional<KintoAttachmentFile> KintoService::attachmentFile(const QString &relativePath) const
{
    const auto it = m_state.files.constFind(relativePath);
    if (it == m_state.files.cend())
        return std::nullopt;
    return *it;
}
