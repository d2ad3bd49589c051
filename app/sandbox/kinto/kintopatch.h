#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

// The two structured PATCH formats Kinto accepts besides its default shallow merge.
namespace KintoPatch {

// RFC 7396 as Kinto applies it (recursive_update_dict): a null removes the member, objects merge
// recursively, anything else replaces.
void mergePatch(QJsonObject &target, const QJsonObject &changes);

// RFC 6902 operations (add, remove, replace, move, copy, test) applied to `document`.
// Returns false and sets `error` (jsonpatch's wording) when an operation fails; `document` is then
// left unchanged.
bool jsonPatch(QJsonObject &document, const QJsonArray &operations, QString *error);

} // namespace KintoPatch
