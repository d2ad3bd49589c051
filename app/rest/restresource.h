#pragma once

#include "net/httprequest.h"
#include "net/httpresponse.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

// How a collection pages (named by hand in the wizard, or detected from an OpenAPI document).
struct RestPaging
{
    enum class Kind {
        None,        // one answer holds every item
        PageSize,    // ?page=N&size=M, N from firstPage
        OffsetLimit, // ?offset=N&limit=M
        NextLink,    // the body holds the next page's URL at nextField ("next", "links.next")
        LinkHeader,  // the Link header's rel="next" (RFC 8288), as json-server and GitHub send
    };

    Kind kind = Kind::None;
    QString pageParam = QStringLiteral("page");     // PageSize (and the first LinkHeader/NextLink request)
    QString sizeParam = QStringLiteral("size");     // PageSize, LinkHeader, NextLink
    QString offsetParam = QStringLiteral("offset"); // OffsetLimit
    QString limitParam = QStringLiteral("limit");   // OffsetLimit
    QString nextField = QStringLiteral("next");     // NextLink: a dotted path in the body
    int firstPage = 1;
    int pageSize = 50; // 0 = let the server choose (no size parameter sent)

    static QString kindName(Kind kind); // "none", "page", "offset", "next", "link"
    static bool kindFromName(const QString &name, Kind *kind);
};

// One REST collection of a tenant: where its items are, how they are identified, how they page.
// A value type, stored in the tenant's options as JSON (toJson/fromJson).
struct RestResource
{
    QString name;           // shown in the tree: "Users"
    QString path;           // the collection endpoint, relative to the base URL: "/users"
    QString idField = QStringLiteral("id");
    QString itemsKey;       // where the list sits: empty = the body is the array; else a dotted path ("data", "result.items")
    RestPaging paging;
    QJsonObject itemSchema; // JSON schema of one item (from OpenAPI), empty when unknown
    QString itemPath;       // the item endpoint with "{id}" ("/users/{id}"); empty = path + "/{id}"

    QJsonObject toJson() const;
    // False (and *error) when the description is unusable: no path, an unknown paging kind.
    static bool fromJson(const QJsonObject &json, RestResource *resource, QString *error);

    // The endpoint of the item with this id (percent-encoded into the path).
    QString itemEndpoint(const QString &id) const;
    // The item's id as text (numbers without a decimal point), empty when absent.
    QString idOf(const QJsonObject &item) const;

    // The request for the page a cursor designates; an empty cursor is the first page.
    HttpRequest pageRequest(const QString &cursor) const;
    // The items of one answer, or false when they are not where the description says.
    bool itemsOf(const QJsonValue &body, QJsonArray *items, QString *error) const;
    // The cursor of the next page after `response` (which brought `itemCount` items for `cursor`);
    // empty when this was the last page. A link is only followed to the base URL's origin.
    QString nextCursor(const QString &cursor, const HttpResponse &response, int itemCount, const QUrl &baseUrl) const;

    // The value at a dotted path ("links.next") in a JSON value; undefined when absent.
    static QJsonValue valueAt(const QJsonValue &root, const QString &dottedPath);
    // The rel="next" target of an RFC 8288 Link header, resolved against `base`; empty when absent.
    static QUrl nextFromLinkHeader(const QByteArray &header, const QUrl &base);
};
