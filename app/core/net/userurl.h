#pragma once

#include <QString>
#include <QUrl>

// A server address typed by a user (a tenant's URL, tenantctl -s), parsed strictly: an http:// or
// https:// URL with a host, nothing else. Without a scheme, "http://" is assumed for a local host
// (localhost, 127.x, [::1]) and "https://" otherwise. A malformed address ("http://[::1",
// "http://exa mple", "http//x") is refused with a reason, never rewritten into another host.
namespace UserUrl {
QUrl parseServerUrl(const QString &text, QString *error);
}
