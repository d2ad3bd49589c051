#pragma once

#include "servicehttp.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

// Kandji's API (/api/v1: custom profiles, scripts and apps, blueprints, self-service categories)
// and the storage service its presigned uploads go to, as a synchronous protocol layer (servicehttp.h).
//
// API behaviour (shared/specs/kandji.md): Bearer token required (401 JSON {"detail"}); areas can be
// made forbidden (403); lists are {count, next (absolute URL or null), previous, results}, paged by
// `page` for library items and `limit`/`offset` (with `name`, `id`, `id__in`) for blueprints;
// self-service categories are a bare array; validation errors are 400 JSON {field: [messages]},
// but blueprint assignment answers 400 in plain text; an unknown item or path answers 404 with an
// HTML page; DELETE answers 204 (a blueprint's 200, as Kandji's API description says).
//
// The upload flow: POST /library/custom-apps/upload gives a post_url on the storage origin, its
// post_data fields and a file_key. The storage answers 204 to a multipart POST that carries every
// field unchanged, then the part "file", with an exact Content-Length and no Authorization header
// (else an S3-style XML error). A custom app created or updated with a file_key whose upload is
// fresh answers 503 the first processingAnswers() times (default 1). Stored files are served
// (GET /files/<file_key>) at the app's file_url; `sha256` is the stored bytes' hash.
class KandjiService
{
public:
    KandjiService();

    // "http://127.0.0.1:<port>" of the API and of the storage (they are separate origins).
    void setOrigin(const QString &origin) { m_origin = origin; }
    QString origin() const { return m_origin; }
    void setStorageOrigin(const QString &origin) { m_storageOrigin = origin; }

    void setToken(const QString &token) { m_token = token; }
    QString token() const { return m_token; }
    void setPageSize(int size) { m_pageSize = qMax(1, size); }
    // Areas answering 403: "custom-profiles", "custom-scripts", "custom-apps", "blueprints",
    // "self-service-categories".
    void setForbiddenAreas(const QStringList &areas) { m_forbidden = QSet<QString>(areas.begin(), areas.end()); }
    void setProcessingAnswers(int count) { m_processingAnswers = qMax(0, count); }

    // `request.path` starts with "/api/v1/".
    ServiceResponse handle(const ServiceRequest &request);
    // Kandji's 404: an HTML page.
    static ServiceResponse htmlNotFound();
    // The storage origin: POST /upload, GET /files/<file_key>.
    ServiceResponse handleStorage(const ServiceRequest &request);

    // --- Seeding and inspection (no checks, no HTTP)
    QJsonObject addProfile(const QJsonObject &fields);
    QJsonObject addScript(const QJsonObject &fields);
    QJsonObject addApp(const QJsonObject &fields, const QByteArray &bytes, const QString &fileName);
    QJsonObject addBlueprint(const QString &name, const QString &type, const QString &description = {});
    QJsonObject addCategory(const QString &name);
    QJsonObject addTemplate(const QString &name);
    // Assigns straight into storage (to the map's first node for a map blueprint).
    void assignDirect(const QString &blueprintId, const QString &itemId);
    std::optional<QJsonObject> item(const QString &area, const QString &id) const; // area as in setForbiddenAreas
    QStringList blueprintItems(const QString &blueprintId) const;
    // The assignment node ids of a map blueprint (one per map).
    QStringList assignmentNodes(const QString &blueprintId) const;
    QByteArray storedFile(const QString &fileKey) const;
    // Flips one byte of a stored file, keeping the app's recorded sha256 (a corrupted download).
    void corruptStoredFile(const QString &fileKey);
    int storageUploads() const { return m_storageUploads; }
    int itemCount(const QString &area) const;

private:
    struct Blueprint
    {
        QJsonObject data;
        QStringList items;       // classic: the blueprint's items
        QStringList nodes;       // map: its assignment nodes
        QHash<QString, QStringList> nodeItems;
    };
    struct Upload
    {
        QJsonObject postData;
        QString fileName;
        bool received = false;
        QByteArray bytes;
        int processingLeft = 0;
    };

    ServiceResponse dispatch(const ServiceRequest &request, const QStringList &segments);
    ServiceResponse library(const ServiceRequest &request, const QString &area, const QString &id);
    ServiceResponse writeProfile(const ServiceRequest &request, QJsonObject *item);
    ServiceResponse writeScript(const ServiceRequest &request, QJsonObject *item);
    ServiceResponse writeApp(const ServiceRequest &request, QJsonObject *item);
    ServiceResponse createUploadSlot(const ServiceRequest &request);
    ServiceResponse blueprints(const ServiceRequest &request, const QStringList &segments);
    ServiceResponse writeBlueprint(const ServiceRequest &request, Blueprint *blueprint);
    ServiceResponse assignment(const ServiceRequest &request, Blueprint &blueprint, bool assign);
    ServiceResponse page(const ServiceRequest &request, const QJsonArray &all, const QString &path);
    ServiceResponse storageUpload(const ServiceRequest &request);
    void applyFile(QJsonObject *app, const QString &fileKey, const QByteArray &bytes);
    QJsonObject *findItem(const QString &area, const QString &id);
    Blueprint *findBlueprint(const QString &id);
    QString newId();
    QString now() const;

    QString m_origin;
    QString m_storageOrigin;
    QString m_token;
    QHash<QString, QList<QJsonObject>> m_items; // area -> items in creation order
    QList<Blueprint> m_blueprints;
    QJsonArray m_categories;
    QJsonArray m_templates;
    QHash<QString, Upload> m_uploads;           // file_key -> upload
    QHash<QString, QByteArray> m_files;         // file_key -> stored bytes
    QSet<QString> m_forbidden;
    int m_pageSize = 50;
    int m_processingAnswers = 1;
    int m_storageUploads = 0;
    quint64 m_counter = 0;
};
