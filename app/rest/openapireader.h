#pragma once

#include "restresource.h"

#include <QJsonObject>
#include <QStringList>
#include <QUrl>

// What an OpenAPI document says about an API, as REST resources.
struct OpenApiImport
{
    QString title;
    QString apiVersion;     // info.version
    QString openapiVersion; // "3.0.3", "3.1.0"
    QUrl serverUrl;         // servers[0].url (may be relative; empty when absent)
    QList<RestResource> resources;
    QStringList warnings;   // paths skipped and why, guesses made
};

// Reads an OpenAPI 3.0 or 3.1 document (JSON) into REST resources, without any network access:
// - a collection is a path without parameters whose GET answers (2xx, JSON) either an array or an
//   object wrapping one array (the wrapper key becomes itemsKey: data, results, items, ...);
// - the item schema is the array's items ($ref, allOf and 3.1 type lists resolved); the item path
//   is the sibling "<path>/{param}", and the id field the parameter if the schema has it, else "id";
// - paging from the GET's parameters and answer: a Link response header (link), a next-URL
//   property in the wrapper (next, links.next, _links.next.href, meta.next, paging.next),
//   offset/limit, page/size parameters (json-server's _page/_limit and _start/_limit too), else none;
//   the page size is the size parameter's default (50 when none), within its maximum.
// Documents are untrusted: $ref cycles and depth are bounded, unknown shapes are skipped with a warning.
class OpenApiReader
{
public:
    // False, with *error, when the text is not an OpenAPI 3.x JSON document.
    static bool read(const QByteArray &text, OpenApiImport *result, QString *error);
    static bool read(const QJsonObject &document, OpenApiImport *result, QString *error);

    // A schema with local $refs ("#/components/...") followed and allOf merged, to `depth` levels.
    static QJsonObject resolve(const QJsonObject &document, const QJsonValue &schema, int depth = 8);
};
