#pragma once

#include "net/apierror.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

// Kandji's client-side rules (iructl's payload validation), shared by the client, tenantctl and the
// forms, so a request that Kandji would refuse, or that iructl refuses, is never sent.
//
// Every check returns an empty string when the fields are fine, else one message naming the problem.
// `creating` = a POST (every required field must be there); otherwise a PATCH, where only the fields
// given are checked against each other.
namespace KandjiRules {

QStringList executionFrequencies(); // once, every_15_min, every_day, no_enforcement
QStringList installTypes();         // package, zip, image
QStringList installEnforcements();  // install_once, continuously_enforce, no_enforcement
QStringList profilePlatformFlags(); // runs_on_mac, runs_on_iphone, runs_on_ipad, runs_on_tv, runs_on_vision
// The platform a runs_on_* flag names, for people: "macOS", "iPhone", "iPad", "tvOS", "visionOS".
QString platformName(const QString &flag);

// Custom profile fields: name (create), active, runs_on_* (booleans; on create at least one true,
// on update not every one of the five false).
QString checkProfile(const QJsonObject &fields, bool creating);
// Custom script fields: name, script and execution_frequency (create); no_enforcement needs
// show_in_self_service; show_in_self_service needs self_service_category_id.
QString checkScript(const QJsonObject &fields, bool creating);
// Custom app fields: name, install_type, install_enforcement (create); audit_script only with
// continuously_enforce; zip needs unzip_location; no_enforcement needs self service and a category.
QString checkApp(const QJsonObject &fields, bool creating);

// A .mobileconfig must be a well-formed property list: XML whose root is <plist> holding one <dict>,
// or a binary plist ("bplist00"). Reads at most 16 MiB.
QString checkPropertyList(const QString &path);

// Kandji's answers to assigning an item that is already there (HTTP 400, plain text): iructl's
// is_duplicate_assignment plus the classic blueprint's "already exists on Blueprint".
bool isDuplicateAssignment(const ApiError &error);

// The file name a file_key was made from: ".../MyApp_0f04055b.pkg" -> "MyApp.pkg".
QString fileNameFromKey(const QString &fileKey);

} // namespace KandjiRules
