#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

// Jamf Pro's privilege facts, compiled in (data/README.md names the sources): the API role
// privilege catalogue and the privileges each API operation requires. Shared by the client (to
// name a missing privilege) and the sandbox (to enforce them). Loaded once, on first use.
namespace JamfPrivileges {

// Every API role privilege name ("Read Computers", "Create API Integrations", ...), sorted.
const QStringList &catalogue();

// The privileges Jamf requires for a request: `path` is the concrete path below the server
// ("/api/v1/api-roles/12", query excluded); "{id}" segments of the data match any segment. Empty
// when the operation is unknown or needs no privilege.
QStringList requiredFor(const QByteArray &method, const QString &path);

// The object a privilege is about, for grouping: "Read Mobile Devices" -> "Mobile Devices",
// "View License Serial Numbers" -> "License Serial Numbers"; a name without a known verb is its own
// object.
QString objectOf(const QString &privilege);

// "1 privilege", "12 privileges" (English plurals without a translation file loaded).
QString countText(int count);

// Patcher's read-only role (its setup's "Patcher-Role"), a preset for the role editor.
QStringList patcherPreset();

} // namespace JamfPrivileges
