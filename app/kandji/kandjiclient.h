#pragma once

#include "kandjilistjob.h"
#include "net/httpclient.h"
#include "net/job.h"

#include <QJsonObject>
#include <QLoggingCategory>
#include <QObject>
#include <QUrl>

Q_DECLARE_LOGGING_CATEGORY(lcKandji) // "tenantdesk.kandji"

class KandjiAppJob;
class KandjiRateBudget;
struct KandjiSettings;
class QNetworkAccessManager;

// The client of one Kandji / Iru tenant's API (/api/v1): library items, blueprints, self-service
// categories (iructl's resources, asynchronous). It sends through the tenant session's HttpClient,
// which it does not own (authentication, concurrency cap, request log stay as the session set them).
//
// Every call returns a Job that finishes exactly once, from the event loop (job.h). A call refused
// before anything is sent (an id that is not a UUID, a field breaking a rule of kandjirules.h, a
// .mobileconfig that is not a property list, a spent hourly budget) fails the same way, with
// Kind::Invalid (Kind::Unavailable for the budget). Results are the server's JSON; listings are
// {"count", "results"} (KandjiListJob). Item ids are UUIDs and are sent lower case.
//
// Every request to the tenant counts against budget() (10,000 per hour), the HTTP client's automatic
// retries included; uploads to and downloads from the presigned storage URLs do not, and never
// carry the tenant's Authorization header.
class KandjiClient : public QObject
{
    Q_OBJECT
public:
    enum class Library { Profiles, Scripts, Apps };

    // Over `http` (not owned; it must outlive the client, e.g. as its parent).
    explicit KandjiClient(HttpClient *http, QObject *parent = nullptr);
    // The Kandji client of a tenant session: created on first use, a child of the session.
    static KandjiClient *forSession(HttpClient *session);
    // An HttpClient for validated settings (base URL, Bearer token), for tools and tests.
    static HttpClient *makeHttpClient(QNetworkAccessManager *nam, const KandjiSettings &settings, QObject *parent = nullptr);

    HttpClient *httpClient() const { return m_http; }
    QUrl baseUrl() const { return m_http->baseUrl(); }
    KandjiRateBudget *budget() const { return m_budget; }

    // The client for the presigned storage URLs (installer uploads, app downloads): over the same
    // network manager and request log, never with the tenant's credentials, and with no whole-request
    // deadline, since a 50 MB installer on a slow link may take many minutes. What ends a stuck
    // transfer is inactivity: storageIdleTimeout() ms without a byte sent or received (default
    // 300 s, iructl's read timeout). Created on first use, owned by this client.
    static constexpr int DefaultStorageIdleTimeoutMs = 300'000;
    HttpClient *storageClient();
    void setStorageIdleTimeout(int ms);
    int storageIdleTimeout() const { return m_storageIdleMs; }

    // Waits between the 503 "still processing" retries of a custom app are min(2^n, 30) s, within
    // 300 s in all; tests scale the real waits (the schedule and budget stay nominal).
    void setWaitScale(double scale) { m_waitScale = scale; }
    double waitScale() const { return m_waitScale; }

    static QString libraryPath(Library library); // "/api/v1/library/custom-profiles", ...
    static QString libraryName(Library library); // "custom-profiles", ...
    // True for a UUID; *normalized gets it lower case.
    static bool isValidId(const QString &id, QString *normalized = nullptr);

    // Sends one request to the tenant, counted against the budget. The job is an HttpJob unless
    // the budget refused it.
    Job *send(const HttpRequest &request);

    // --- Library items (custom profiles, scripts, apps)
    KandjiListJob *list(Library library, KandjiListJob::Mode mode = KandjiListJob::Mode::Collect);
    Job *get(Library library, const QString &id);
    Job *remove(Library library, const QString &id);
    // Profiles: multipart; `mobileconfig` is required on create, optional on update.
    Job *createProfile(const QJsonObject &fields, const QString &mobileconfig);
    Job *updateProfile(const QString &id, const QJsonObject &fields, const QString &mobileconfig = {});
    // Scripts: JSON.
    Job *createScript(const QJsonObject &fields);
    Job *updateScript(const QString &id, const QJsonObject &fields);
    // Apps: the presigned upload flow (kandjiappjob.h). `installer` is required on create; on update
    // it is uploaded only when its SHA-256 differs from the server's.
    KandjiAppJob *createApp(const QJsonObject &fields, const QString &installer);
    KandjiAppJob *updateApp(const QString &id, const QJsonObject &fields, const QString &installer = {});
    // Streams the app's file_url to `path` while hashing; the file is kept only when its SHA-256
    // equals the app's `sha256`. `app` is the app's JSON (get()). Result {"path", "size", "sha256"}.
    Job *downloadApp(const QJsonObject &app, const QString &path);

    // --- Blueprints
    // `name` (contains) and `ids` (id__in) filter when given.
    KandjiListJob *listBlueprints(const QString &name = {}, const QStringList &ids = {},
                                  KandjiListJob::Mode mode = KandjiListJob::Mode::Collect);
    Job *getBlueprint(const QString &id);
    // Form fields: name, type (classic|map), enrollment_code.is_active, enrollment_code.code,
    // source.type, source.id, description.
    Job *createBlueprint(const QJsonObject &fields);
    Job *updateBlueprint(const QString &id, const QJsonObject &fields);
    // Destructive: unmanages every device on the blueprint. Callers confirm first.
    Job *deleteBlueprint(const QString &id);
    KandjiListJob *listTemplates();
    KandjiListJob *listBlueprintItems(const QString &blueprintId);
    // Result {"assigned": [ids now on the blueprint], "alreadyAssigned": false}, or, when Kandji
    // answers that the item is already there, {"assigned": [], "alreadyAssigned": true, "message"}.
    Job *assign(const QString &blueprintId, const QString &itemId, const QString &assignmentNodeId = {});
    // Result {"assigned": [ids still on the blueprint]}.
    Job *unassign(const QString &blueprintId, const QString &itemId, const QString &assignmentNodeId = {});

    // --- One page of a listing, for paged models (NextLinkStrategy): the first page, or the page at
    // `link` (the `next` of an earlier page, which must stay on the tenant's origin). Result
    // {"count", "next": URL or null, "results"} (KandjiListJob::Mode::OnePage). `blueprintId` is
    // the blueprint whose items BlueprintItems lists. `limit` > 0 asks for that many items in the
    // first page of the listings that take a limit (the library's and the blueprints'; the next
    // links carry it on); 0 lets the server choose.
    enum class Listing { Profiles, Scripts, Apps, Blueprints, Categories, BlueprintItems };
    KandjiListJob *listPage(Listing listing, const QString &link = {}, const QString &blueprintId = {}, int limit = 0);
    static bool takesLimit(Listing listing);

    // --- Self Service categories (read-only)
    KandjiListJob *categories();
    // A category name (case-insensitive) or id to {"id", "name"}; NotFound when there is none.
    Job *resolveCategory(const QString &nameOrId);

    // Checks the token against each area. Result: {"user", "authMethod", "serverVersion",
    // "capabilities": [areas the token may read], "warnings": [...]}. Fails on 401 or no answer.
    Job *probe();

private:
    Job *refuse(const QString &message, ApiError::Kind kind = ApiError::Kind::Invalid);
    QString itemPath(Library library, const QString &id, QString *error) const;
    Job *writeProfile(const QByteArray &method, const QString &path, const QJsonObject &fields,
                      const QString &mobileconfig, bool creating);
    Job *assignment(const char *action, const QString &blueprintId, const QString &itemId, const QString &nodeId);

    HttpClient *m_http;
    KandjiRateBudget *m_budget;
    HttpClient *m_storage = nullptr;
    int m_storageIdleMs = DefaultStorageIdleTimeoutMs;
    double m_waitScale = 1.0;
};

namespace KandjiForm {
// JSON fields as form fields: booleans "true"/"false", numbers as text, strings as they are.
QueryList fromJson(const QJsonObject &fields);
}
