#pragma once

#include "httprequest.h"

#include <QString>
#include <QUrl>

// A server address typed by a user (a tenant's URL, tenantctl -s), parsed strictly: an http:// or
// https:// URL with a host, nothing else. Without a scheme, "http://" is assumed for a local host
// (localhost, 127.x, [::1]) and "https://" otherwise. A malformed address ("http://[::1",
// "http://exa mple", "http//x") is refused with a reason (a sentence), never rewritten into another
// host. Every family's URL rules (Kinto's "/v1", Jamf's origin, Kandji's hosts) start from this.
namespace UserUrl {
QUrl parseServerUrl(const QString &text, QString *error);

// A request path (relative to `base`, "/buckets/b1?x=1", already percent-encoded where needed) or
// an absolute http(s) URL (parsed strictly, never repaired), with `query` items appended encoded.
QUrl resolve(const QUrl &base, const QString &path, const QueryList &query = {});
}
