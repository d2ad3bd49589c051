#include "kintoattachments.h"

#include "kintoaccess.h"
#include "kintojsonschema.h"
#include "kintovalidation.h"
#include "kintowrites.h"
#include "serviceform.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QJsonDocument>
#include <QMimeDatabase>

using namespace KintoProtocol;

namespace {

// The upload's fields: the file, and the optional "data" and "permissions".
struct Upload
{
    ServiceForm::Part file;
    QJsonObject data;
    QJsonValue permissions;
};

ServiceResult<Upload> readUpload(const ServiceRequest &request)
{
    const QByteArray contentType = request.header("Content-Type");
    if (!contentType.trimmed().toLower().startsWith("multipart/form-data"))
        return invalid(QStringLiteral("body"), QJsonValue(), QStringLiteral("Content-Type should be multipart/form-data"));
    const auto parts = ServiceForm::parseMultipart(contentType, request.body);
    if (!parts)
        return invalid(QStringLiteral("body"), QJsonValue(), QStringLiteral("Invalid multipart body"));
    Upload upload;
    bool hasFile = false;
    for (const ServiceForm::Part &part : *parts) {
        const QString name = QString::fromUtf8(part.name);
        if (name == QLatin1String("attachment")) {
            upload.file = part;
            hasFile = part.isFile;
        } else if (name == QLatin1String("data") || name == QLatin1String("permissions")) {
            QJsonParseError parseError;
            const QJsonDocument doc = QJsonDocument::fromJson(part.body, &parseError);
            if (parseError.error != QJsonParseError::NoError || !doc.isObject())
                return invalid(QStringLiteral("body"), name, QStringLiteral("Invalid JSON"));
            if (name == QLatin1String("data"))
                upload.data = doc.object();
            else
                upload.permissions = doc.object();
        } else {
            return invalid(QStringLiteral("body"), QJsonValue(),
                           QStringLiteral("%1 not in ('data', 'permissions')").arg(KintoJsonSchema::pythonRepr(name)), 109);
        }
    }
    if (!hasFile)
        return invalid(QStringLiteral("body"), QStringLiteral("file"), QStringLiteral("Attachment missing."), 109);
    return upload;
}

QByteArray mimetypeOf(const ServiceForm::Part &file)
{
    QByteArray mimetype = file.contentType.split(';').first().trimmed();
    if (mimetype.isEmpty() || mimetype == "application/octet-stream") {
        const QByteArray guessed = QMimeDatabase()
                                       .mimeTypeForFile(QString::fromUtf8(file.fileName), QMimeDatabase::MatchExtension)
                                       .name()
                                       .toLatin1();
        if (!guessed.isEmpty() && guessed != "application/octet-stream")
            mimetype = guessed;
        else if (mimetype.isEmpty())
            mimetype = "application/octet-stream";
    }
    return mimetype;
}

} // namespace

namespace KintoAttachments {

ServiceResponse post(KintoState &state, const ServiceRequest &request, const KintoCaller &caller,
                     const KintoResource &record)
{
    if (const ServiceCheck missingParent = KintoWrites::ensureParents(state.store, record))
        return *missingParent;
    const auto existing = state.store.get(record.parentUri, record.name, record.id);
    // Uploading creates the record when missing: the same permissions as a PUT.
    ServiceRequest asPut = request;
    asPut.method = "PUT";
    if (const auto allowed = KintoAccess::authorize(state, asPut, caller, record, false, existing); !allowed)
        return allowed.failure();
    if (const ServiceCheck badId = record.validateId(record.id))
        return *badId;
    const ServiceResult<Upload> upload = readUpload(request);
    if (!upload)
        return upload.failure();

    const QString filename = QString::fromUtf8(upload->file.fileName);
    const QString suffix = QFileInfo(filename).suffix();
    const QByteArray mimetype = mimetypeOf(upload->file);
    const QByteArray &bytes = upload->file.body;
    const QString relativePath = record.bucketId + QLatin1Char('/') + record.collectionId + QLatin1Char('/') + uuid4()
        + (suffix.isEmpty() ? QString() : QLatin1Char('.') + suffix);
    const QJsonObject attachment{
        {QStringLiteral("filename"), filename},
        {QStringLiteral("hash"), QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex())},
        {QStringLiteral("location"), QString(state.settings.origin + QStringLiteral("/attachments/") + relativePath)},
        {QStringLiteral("mimetype"), QString::fromLatin1(mimetype)},
        {QStringLiteral("size"), qint64(bytes.size())},
    };

    QJsonObject data = existing.value_or(QJsonObject{{QStringLiteral("id"), record.id}});
    for (auto it = upload->data.constBegin(); it != upload->data.constEnd(); ++it)
        data.insert(it.key(), it.value());
    data.insert(QStringLiteral("id"), record.id);
    data.insert(QStringLiteral("attachment"), attachment);
    data.remove(QStringLiteral("last_modified"));
    if (const ServiceCheck invalidData = KintoValidation::checkData(state, record, data, existing))
        return *invalidData;
    const ServiceResult<KintoAcl> acl = KintoWrites::newAcl(state, record, existing, upload->permissions,
                                                            existing ? "PATCH" : "PUT", "application/json", caller,
                                                            std::nullopt);
    if (!acl)
        return acl.failure();
    if (existing)
        forgetFileOf(state, *existing);
    state.files.insert(relativePath, KintoAttachmentFile{mimetype, bytes});
    const QJsonObject stored = KintoWrites::save(state, record, data, *acl, !existing, caller.userId, 0);

    ServiceResponse r = ServiceResponse::json(201, attachment);
    r.setHeader("Location", (state.settings.origin + QStringLiteral("/v1") + record.objectUri()).toUtf8());
    addTimestampHeaders(r, stored.value(QStringLiteral("last_modified")).toInteger());
    return r;
}

ServiceResponse remove(KintoState &state, const ServiceRequest &request, const KintoCaller &caller,
                       const KintoResource &record)
{
    if (const ServiceCheck missingParent = KintoWrites::ensureParents(state.store, record))
        return *missingParent;
    const auto existing = state.store.get(record.parentUri, record.name, record.id);
    if (const auto allowed = KintoAccess::authorize(state, request, caller, record, false, existing); !allowed)
        return allowed.failure();
    if (const ServiceCheck badId = record.validateId(record.id))
        return *badId;
    if (!existing)
        return missing(record.id, record.name, 110);
    forgetFileOf(state, *existing);
    QJsonObject data = *existing;
    data.insert(QStringLiteral("attachment"), QJsonValue());
    data.remove(QStringLiteral("last_modified"));
    const ServiceResult<KintoAcl> acl =
        KintoWrites::newAcl(state, record, existing, QJsonValue(), "PATCH", "application/json", caller, std::nullopt);
    if (!acl)
        return acl.failure();
    KintoWrites::save(state, record, data, *acl, false, caller.userId, 0);
    ServiceResponse r;
    r.status = 204;
    return r;
}

void forgetFileOf(KintoState &state, const QJsonObject &record)
{
    const QString location = record.value(QStringLiteral("attachment")).toObject().value(QStringLiteral("location")).toString();
    state.files.remove(location.section(QStringLiteral("/attachments/"), 1));
}

void forgetFilesUnder(KintoState &state, const QString &uriPrefix)
{
    // Files live under "<bucket>/<collection>/" below /attachments/.
    const QStringList parts = uriPrefix.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    QString folder = parts.value(1) + QLatin1Char('/');
    if (parts.size() >= 4)
        folder += parts.value(3) + QLatin1Char('/');
    for (auto it = state.files.begin(); it != state.files.end();) {
        if (it.key().startsWith(folder))
            it = state.files.erase(it);
        else
            ++it;
    }
}

} // namespace KintoAttachments
