#pragma once

#include "kintoprotocol.h"
#include "kintostate.h"

#include <optional>

// kinto-attachment: POST {record}/attachment (multipart/form-data: "attachment" file, optional
// "data" and "permissions" JSON fields) and DELETE {record}/attachment. Files are kept in
// KintoState::files and served below "/attachments/" by the sandbox.
namespace KintoAttachments {

// 201 with the attachment's {filename, hash, location, mimetype, size}; creates the record when
// missing (the permissions of a PUT). 400 errno 107/109 as kinto-attachment answers.
ServiceResponse post(KintoState &state, const ServiceRequest &request, const KintoCaller &caller,
                     const KintoResource &record);
// 204; the record's "attachment" becomes null.
ServiceResponse remove(KintoState &state, const ServiceRequest &request, const KintoCaller &caller,
                       const KintoResource &record);

// Forgets the file of a record (its data as stored), if it has one.
void forgetFileOf(KintoState &state, const QJsonObject &record);
// Forgets every file of a bucket or collection (its object URI).
void forgetFilesUnder(KintoState &state, const QString &uriPrefix);

} // namespace KintoAttachments
