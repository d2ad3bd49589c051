#include "kandjiclient.h"

#include "auth/authstrategy.h"
#include "kandjiappjob.h"
#include "kandjiratebudget.h"
#include "kandjirules.h"
#include "kandjisettings.h"
#include "net/httpjob.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>

Q_LOGGING_CATEGORY(lcKandji, "tenantdesk.kandji", QtInfoMsg)

namespace KandjiForm {
QueryList fromJson(const QJsonObject &fields)
{
    QueryList form;
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
        const QJsonValue v = it.value();
        if (v.isBool())
            form.append({ it.key(), v.toBool() ? QStringLiteral("true") : QStringLiteral("false") });
        else if (v.isDouble())
            form.append({ it.key(), QString::number(v.toDouble()) });
        else if (v.isString())
            form.append({ it.key(), v.toString() });
    }
    return form;
}
} // namespace KandjiForm

KandjiClient::KandjiClient(HttpClient *http, QObject *parent)
    : QObject(parent)
    , m_http(http)
    , m_budget(new KandjiRateBudget(this))
{
    connect(m_budget, &KandjiRateBudget::warning, this, [this](int used, int limit) {
        qCWarning(lcKandji).noquote() << m_http->baseUrl().host() << "used" << used << "of its" << limit
                                      << "Kandji API requests this hour";
    });
}

KandjiClient *KandjiClient::forSession(HttpClient *session)
{
    if (auto *existing = session->findChild<KandjiClient *>(QString(), Qt::FindDirectChildrenOnly))
        return existing;
    return new KandjiClient(session, session);
}

HttpClient *KandjiClient::makeHttpClient(QNetworkAccessManager *nam, const KandjiSettings &settings, QObject *parent)
{
    auto *http = new HttpClient(nam, parent);
    http->setBaseUrl(settings.url);
    http->setLogLabel(settings.url.host());
    http->setAuth(new BearerAuth(settings.token));
    return http;
}

HttpClient *KandjiClient::storageClient()
{
    if (!m_storage) {
        m_storage = new HttpClient(m_http->networkAccessManager(), this);
        m_storage->setDeadline(0); // progress, not total time, decides (the transfer timeout)
        m_storage->setTransferTimeout(m_storageIdleMs);
        m_storage->setRequestLog(m_http->requestLog());
        m_storage->setDryRun(m_http->isDryRun());
        m_storage->setLogLabel(tr("%1 storage").arg(m_http->baseUrl().host()));
    }
    return m_storage;
}

void KandjiClient::setStorageIdleTimeout(int ms)
{
    m_storageIdleMs = ms > 0 ? ms : DefaultStorageIdleTimeoutMs;
    if (m_storage)
        m_storage->setTransferTimeout(m_storageIdleMs);
}

QString KandjiClient::libraryName(Library library)
{
    switch (library) {
    case Library::Profiles: return QStringLiteral("custom-profiles");
    case Library::Scripts: return QStringLiteral("custom-scripts");
    case Library::Apps: return QStringLiteral("custom-apps");
    }
    return {};
}

QString KandjiClient::libraryPath(Library library)
{
    return QStringLiteral("/api/v1/library/") + libraryName(library);
}

bool KandjiClient::isValidId(const QString &id, QString *normalized)
{
    static const QRegularExpression uuid(QStringLiteral("^[0-9A-Fa-f]{8}(-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}$"));
    if (!uuid.match(id).hasMatch())
        return false;
    if (normalized)
        *normalized = id.toLower();
    return true;
}

Job *KandjiClient::refuse(const QString &message, ApiError::Kind kind)
{
    auto *job = new Job(this);
    job->failLater(ApiError(kind, message));
    return job;
}

Job *KandjiClient::send(const HttpRequest &request)
{
    QString why;
    if (!m_budget->consume(&why))
        return refuse(why, ApiError::Kind::Unavailable);
    HttpJob *job = m_http->send(request);
    connect(job, &Job::finished, m_budget, [budget = m_budget, job] { budget->record(job->response().retries); });
    return job;
}

QString KandjiClient::itemPath(Library library, const QString &id, QString *error) const
{
    QString normalized;
    if (!isValidId(id, &normalized)) {
        *error = tr("\"%1\" is not a Kandji library item id (a UUID).").arg(id);
        return {};
    }
    return libraryPath(library) + QLatin1Char('/') + normalized;
}

KandjiListJob *KandjiClient::list(Library library, KandjiListJob::Mode mode)
{
    auto *job = new KandjiListJob(this, HttpRequest("GET", libraryPath(library)), mode, this);
    job->start();
    return job;
}

Job *KandjiClient::get(Library library, const QString &id)
{
    QString error;
    const QString path = itemPath(library, id, &error);
    return path.isEmpty() ? refuse(error) : send(HttpRequest("GET", path));
}

Job *KandjiClient::remove(Library library, const QString &id)
{
    QString error;
    const QString path = itemPath(library, id, &error);
    return path.isEmpty() ? refuse(error) : send(HttpRequest("DELETE", path));
}

Job *KandjiClient::writeProfile(const QByteArray &method, const QString &path, const QJsonObject &fields,
                                const QString &mobileconfig, bool creating)
{
    if (const QString e = KandjiRules::checkProfile(fields, creating); !e.isEmpty())
        return refuse(e);
    if (creating && mobileconfig.isEmpty())
        return refuse(tr("A custom profile needs its .mobileconfig file."));
    if (!mobileconfig.isEmpty()) {
        if (const QString e = KandjiRules::checkPropertyList(mobileconfig); !e.isEmpty())
            return refuse(e);
    }
    QList<MultipartPart> parts;
    for (const auto &field : KandjiForm::fromJson(fields))
        parts.append(MultipartPart { field.first.toUtf8(), field.second.toUtf8(), {}, {}, {} });
    if (!mobileconfig.isEmpty())
        parts.append(MultipartPart { "file", {}, mobileconfig, QFileInfo(mobileconfig).fileName(), "application/octet-stream" });
    return send(HttpRequest(method, path).setMultipartBody(parts));
}

Job *KandjiClient::createProfile(const QJsonObject &fields, const QString &mobileconfig)
{
    return writeProfile("POST", libraryPath(Library::Profiles), fields, mobileconfig, true);
}

Job *KandjiClient::updateProfile(const QString &id, const QJsonObject &fields, const QString &mobileconfig)
{
    QString error;
    const QString path = itemPath(Library::Profiles, id, &error);
    return path.isEmpty() ? refuse(error) : writeProfile("PATCH", path, fields, mobileconfig, false);
}

Job *KandjiClient::createScript(const QJsonObject &fields)
{
    if (const QString e = KandjiRules::checkScript(fields, true); !e.isEmpty())
        return refuse(e);
    return send(HttpRequest("POST", libraryPath(Library::Scripts)).setJsonBody(fields));
}

Job *KandjiClient::updateScript(const QString &id, const QJsonObject &fields)
{
    QString error;
    const QString path = itemPath(Library::Scripts, id, &error);
    if (path.isEmpty())
        return refuse(error);
    if (const QString e = KandjiRules::checkScript(fields, false); !e.isEmpty())
        return refuse(e);
    return send(HttpRequest("PATCH", path).setJsonBody(fields));
}

KandjiAppJob *KandjiClient::createApp(const QJsonObject &fields, const QString &installer)
{
    auto *job = new KandjiAppJob(this, {}, fields, installer, this);
    job->start();
    return job;
}

KandjiAppJob *KandjiClient::updateApp(const QString &id, const QJsonObject &fields, const QString &installer)
{
    auto *job = new KandjiAppJob(this, id, fields, installer, this);
    job->start();
    return job;
}

Job *KandjiClient::downloadApp(const QJsonObject &app, const QString &path)
{
    const QString fileUrl = app.value(QLatin1String("file_url")).toString();
    const QString sha256 = app.value(QLatin1String("sha256")).toString();
    const QUrl url(fileUrl, QUrl::StrictMode);
    if (fileUrl.isEmpty() || !url.isValid() || url.isRelative())
        return refuse(tr("The app has no download URL (file_url)."));
    if (sha256.size() != 64)
        return refuse(tr("The app has no SHA-256 to check the download against."));
    // A presigned storage URL: no Kandji credentials, not counted against the tenant's budget.
    return storageClient()->send(HttpRequest("GET", fileUrl).setAnonymous(true).setDownloadFile(path, sha256.toLatin1()));
}

KandjiListJob *KandjiClient::listBlueprints(const QString &name, const QStringList &ids, KandjiListJob::Mode mode)
{
    HttpRequest request("GET", QStringLiteral("/api/v1/blueprints"));
    if (!name.isEmpty())
        request.addQuery(QStringLiteral("name"), name);
    if (!ids.isEmpty())
        request.addQuery(QStringLiteral("id__in"), ids.join(QLatin1Char(',')));
    auto *job = new KandjiListJob(this, request, mode, this);
    job->start();
    return job;
}

static QString blueprintPath(const QString &id, QString *error)
{
    QString normalized;
    if (!KandjiClient::isValidId(id, &normalized)) {
        *error = KandjiClient::tr("\"%1\" is not a blueprint id (a UUID).").arg(id);
        return {};
    }
    return QStringLiteral("/api/v1/blueprints/") + normalized;
}

Job *KandjiClient::getBlueprint(const QString &id)
{
    QString error;
    const QString path = blueprintPath(id, &error);
    return path.isEmpty() ? refuse(error) : send(HttpRequest("GET", path));
}

static QString checkBlueprint(const QJsonObject &fields, bool creating)
{
    const QString name = fields.value(QLatin1String("name")).toString();
    if ((creating || fields.contains(QLatin1String("name"))) && name.trimmed().isEmpty())
        return KandjiClient::tr("A blueprint needs a name.");
    const QString type = fields.value(QLatin1String("type")).toString();
    if (fields.contains(QLatin1String("type")) && type != QLatin1String("classic") && type != QLatin1String("map"))
        return KandjiClient::tr("A blueprint's type is classic or map (got \"%1\").").arg(type);
    if (!creating && fields.contains(QLatin1String("type")))
        return KandjiClient::tr("A blueprint's type cannot be changed.");
    return {};
}

Job *KandjiClient::createBlueprint(const QJsonObject &fields)
{
    if (const QString e = checkBlueprint(fields, true); !e.isEmpty())
        return refuse(e);
    QJsonObject form = fields;
    if (!form.contains(QLatin1String("enrollment_code.is_active")))
        form.insert(QStringLiteral("enrollment_code.is_active"), false); // required by Kandji
    return send(HttpRequest("POST", QStringLiteral("/api/v1/blueprints")).setFormBody(KandjiForm::fromJson(form)));
}

Job *KandjiClient::updateBlueprint(const QString &id, const QJsonObject &fields)
{
    QString error;
    const QString path = blueprintPath(id, &error);
    if (path.isEmpty())
        return refuse(error);
    if (const QString e = checkBlueprint(fields, false); !e.isEmpty())
        return refuse(e);
    return send(HttpRequest("PATCH", path).setFormBody(KandjiForm::fromJson(fields)));
}

Job *KandjiClient::deleteBlueprint(const QString &id)
{
    QString error;
    const QString path = blueprintPath(id, &error);
    return path.isEmpty() ? refuse(error) : send(HttpRequest("DELETE", path));
}

KandjiListJob *KandjiClient::listTemplates()
{
    auto *job = new KandjiListJob(this, HttpRequest("GET", QStringLiteral("/api/v1/blueprints/templates/")),
                                  KandjiListJob::Mode::Collect, this);
    job->start();
    return job;
}

KandjiListJob *KandjiClient::listBlueprintItems(const QString &blueprintId)
{
    QString error;
    const QString path = blueprintPath(blueprintId, &error);
    // An invalid id still gives a list job, failing from the event loop like every refusal.
    auto *job = new KandjiListJob(this, HttpRequest("GET", path.isEmpty() ? QString() : path + QStringLiteral("/list-library-items")),
                                  KandjiListJob::Mode::Collect, this);
    if (path.isEmpty())
        job->failLater(ApiError(ApiError::Kind::Invalid, error));
    else
        job->start();
    return job;
}

Job *KandjiClient::assignment(const char *action, const QString &blueprintId, const QString &itemId, const QString &nodeId)
{
    QString error;
    const QString path = blueprintPath(blueprintId, &error);
    if (path.isEmpty())
        return refuse(error);
    QString item;
    QString node;
    if (!isValidId(itemId, &item))
        return refuse(tr("\"%1\" is not a library item id (a UUID).").arg(itemId));
    if (!nodeId.isEmpty() && !isValidId(nodeId, &node))
        return refuse(tr("\"%1\" is not an assignment node id (a UUID).").arg(nodeId));
    QJsonObject body { { QStringLiteral("library_item_id"), item } };
    if (!node.isEmpty())
        body.insert(QStringLiteral("assignment_node_id"), node);

    auto *job = new Job(this);
    Job *http = send(HttpRequest("POST", path + QLatin1Char('/') + QLatin1String(action)).setJsonBody(body));
    job->addChild(http);
    const bool assigning = qstrcmp(action, "assign-library-item") == 0;
    connect(http, &Job::finished, job, [job, http, assigning] {
        if (assigning && KandjiRules::isDuplicateAssignment(http->error())) {
            job->succeed(QJsonObject { { QStringLiteral("assigned"), QJsonArray() }, { QStringLiteral("alreadyAssigned"), true },
                                       { QStringLiteral("message"), http->error().message() } });
        } else if (http->hasError()) {
            job->fail(http->error());
        } else {
            job->succeed(QJsonObject { { QStringLiteral("assigned"), http->result().toArray() },
                                       { QStringLiteral("alreadyAssigned"), false } });
        }
    });
    return job;
}

Job *KandjiClient::assign(const QString &blueprintId, const QString &itemId, const QString &assignmentNodeId)
{
    return assignment("assign-library-item", blueprintId, itemId, assignmentNodeId);
}

Job *KandjiClient::unassign(const QString &blueprintId, const QString &itemId, const QString &assignmentNodeId)
{
    return assignment("remove-library-item", blueprintId, itemId, assignmentNodeId);
}

bool KandjiClient::takesLimit(Listing listing)
{
    return listing == Listing::Profiles || listing == Listing::Scripts || listing == Listing::Apps
        || listing == Listing::Blueprints;
}

KandjiListJob *KandjiClient::listPage(Listing listing, const QString &link, const QString &blueprintId, int limit)
{
    QString path;
    QString error;
    switch (listing) {
    case Listing::Profiles: path = libraryPath(Library::Profiles); break;
    case Listing::Scripts: path = libraryPath(Library::Scripts); break;
    case Listing::Apps: path = libraryPath(Library::Apps); break;
    case Listing::Blueprints: path = QStringLiteral("/api/v1/blueprints"); break;
    case Listing::Categories: path = QStringLiteral("/api/v1/self-service/categories"); break;
    case Listing::BlueprintItems:
        path = blueprintPath(blueprintId, &error);
        if (!path.isEmpty())
            path += QStringLiteral("/list-library-items");
        break;
    }
    HttpRequest request("GET", path);
    if (limit > 0 && link.isEmpty() && takesLimit(listing))
        request.addQuery(QStringLiteral("limit"), QString::number(limit));
    auto *job = new KandjiListJob(this, request, KandjiListJob::Mode::OnePage, this);
    job->setLink(link);
    if (path.isEmpty())
        job->failLater(ApiError(ApiError::Kind::Invalid, error));
    else
        job->start();
    return job;
}

KandjiListJob *KandjiClient::categories()
{
    auto *job = new KandjiListJob(this, HttpRequest("GET", QStringLiteral("/api/v1/self-service/categories")),
                                  KandjiListJob::Mode::Collect, this);
    job->start();
    return job;
}

Job *KandjiClient::resolveCategory(const QString &nameOrId)
{
    auto *job = new Job(this);
    KandjiListJob *list = categories();
    job->addChild(list);
    connect(list, &Job::finished, job, [job, list, nameOrId] {
        if (list->hasError()) {
            job->fail(list->error());
            return;
        }
        const QString wanted = nameOrId.trimmed();
        for (const QJsonValue &v : list->result().toObject().value(QLatin1String("results")).toArray()) {
            const QJsonObject c = v.toObject();
            if (c.value(QLatin1String("name")).toString().compare(wanted, Qt::CaseInsensitive) == 0
                || c.value(QLatin1String("id")).toString().compare(wanted, Qt::CaseInsensitive) == 0) {
                job->succeed(c);
                return;
            }
        }
        job->fail(ApiError(ApiError::Kind::NotFound,
                           tr("Unable to get ID for category '%1'. Ensure the category exists.").arg(wanted)));
    });
    return job;
}

Job *KandjiClient::probe()
{
    struct Area { const char *name; const char *path; };
    static const Area areas[] = {
        { "custom-profiles", "/api/v1/library/custom-profiles" },
        { "custom-scripts", "/api/v1/library/custom-scripts" },
        { "custom-apps", "/api/v1/library/custom-apps" },
        { "blueprints", "/api/v1/blueprints" },
        { "self-service-categories", "/api/v1/self-service/categories" },
    };
    auto *job = new Job(this);
    auto pending = std::make_shared<int>(int(std::size(areas)));
    auto readable = std::make_shared<QList<bool>>(int(std::size(areas)), false);
    auto warnings = std::make_shared<QJsonArray>();
    for (int i = 0; i < int(std::size(areas)); ++i) {
        const Area &area = areas[i];
        HttpRequest request("GET", QLatin1String(area.path));
        if (qstrcmp(area.name, "blueprints") == 0)
            request.addQuery(QStringLiteral("limit"), QStringLiteral("1"));
        Job *http = send(request);
        job->addChild(http);
        const QString name = QLatin1String(area.name);
        connect(http, &Job::finished, job, [this, job, http, i, name, pending, readable, warnings] {
            if (job->isFinished())
                return;
            const ApiError &e = http->error();
            if (!e)
                (*readable)[i] = true;
            else if (e.isForbidden())
                warnings->append(tr("The token may not read %1 (HTTP 403).").arg(name));
            else {
                job->fail(e); // 401, no answer, or a server error: the tenant is not usable as set
                return;
            }
            if (--*pending > 0)
                return;
            QJsonArray capabilities;
            for (int k = 0; k < readable->size(); ++k) {
                if (readable->at(k))
                    capabilities.append(QLatin1String(areas[k].name));
            }
            if (capabilities.isEmpty())
                warnings->append(tr("The token may read none of the areas TenantDesk uses."));
            const int used = m_budget->used();
            if (used >= m_budget->limit() * 8 / 10)
                warnings->append(tr("%1 of %2 API requests used this hour.").arg(used).arg(m_budget->limit()));
            job->succeed(QJsonObject {
                { QStringLiteral("user"), tr("API token") },
                { QStringLiteral("authMethod"), tr("Bearer token") },
                { QStringLiteral("serverVersion"), QStringLiteral("Kandji API v1") },
                { QStringLiteral("capabilities"), capabilities },
                { QStringLiteral("warnings"), *warnings },
            });
        });
    }
    return job;
}
