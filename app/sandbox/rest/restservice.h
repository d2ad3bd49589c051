#pragma once

#include "servicehttp.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

// A JSON REST API in memory that answers as json-server 0.17 does, for the demo and the tests:
// collections of JSON objects with integer ids, each described by a JSON schema (an object's
// "properties" with "type", "enum", and "required"), and the OpenAPI 3.0 document of them all.
//
// Routes (paths relative to the origin):
//   GET  /openapi.json                  the document (openApiDocument()), without authentication
//   GET  /<collection>                  the items: filters field=value, _sort=field&_order=asc|desc,
//                                       _page (from 1) and _limit (default 10 with _page); always
//                                       X-Total-Count, and with _page a Link header (first, prev,
//                                       next, last) as json-server sends it
//   POST /<collection>                  201 with the item, a fresh id unless one is given
//   GET, PUT, PATCH, DELETE /<collection>/<id>   (PUT replaces, keeping the id; DELETE answers {})
// A write that breaks the schema is refused with 422 {"errors": {"<field>": ["<message>"]}} (the
// shape RestFieldErrors reads); an id already taken with 409 the same way; unknown paths and ids
// with 404 {}; a body that is not a JSON object with 400.
// With an API key set, every other request needs it in the X-API-Key header, else 401.
class RestService
{
public:
    // Adds (or empties) a collection. `itemSchema` describes one item; `title` names it in the
    // document ("Customer").
    void addCollection(const QString &name, const QString &title, const QJsonObject &itemSchema);
    // Appends an item as it is (no validation; an id is given when missing).
    QJsonObject insert(const QString &collection, QJsonObject item);
    QJsonArray items(const QString &collection) const;
    QStringList collections() const;

    void setApiKey(const QString &key) { m_apiKey = key; }
    QString apiKey() const { return m_apiKey; }
    // "http://127.0.0.1:<port>": where Link headers and the document's server point.
    void setOrigin(const QString &origin) { m_origin = origin; }
    QString origin() const { return m_origin; }
    void setTitle(const QString &title) { m_title = title; }

    ServiceResponse handle(const ServiceRequest &request);
    // The OpenAPI 3.0.3 document of the collections (restopenapi.cpp).
    QJsonObject openApiDocument() const;

private:
    struct Collection
    {
        QString name;
        QString title;
        QJsonObject schema;
        QJsonArray items;
        qint64 nextId = 1;
    };
    Collection *find(const QString &name);
    ServiceResponse list(const Collection &collection, const ServiceRequest &request) const;
    ServiceResponse write(Collection &collection, int index, const ServiceRequest &request);
    int indexOf(const Collection &collection, const QString &id) const;

    QList<Collection> m_collections;
    QString m_apiKey;
    QString m_origin;
    QString m_title = QStringLiteral("Demo API");
};
