#pragma once

#include "net/httpresponse.h"

#include <QList>
#include <QString>

// One problem the server found with one field of a sent item. `path` is dotted ("owner.email",
// "tags.2"), empty for the item as a whole; the form shows each under its field.
struct RestFieldError
{
    QString path;
    QString message;
    bool operator==(const RestFieldError &) const = default;
};

// Field-level messages from a refused write (400, 409, 422), in the shapes APIs commonly use:
// - JSON:API / RFC 7807 lists: {"errors": [{"source": {"pointer": "/data/attributes/title"}, "detail"}]},
//   {"errors": [{"field": "title", "message"|"description"}]}, {"invalid_params": [{"name", "reason"}]};
// - FastAPI / Pydantic: {"detail": [{"loc": ["body", "title"], "msg"}]};
// - Django REST framework / Rails: {"title": ["required"]} or {"errors": {"title": ["can't be blank"]}};
// - Prism's mock: the sl-violations header, [{"location": ["request", "body", "title"], "message"}],
//   or (where the document defines no 422 answer) an RFC 7807 body with the same list in "validation".
// Location prefixes that name the request part ("body", "request", "data", "attributes") are dropped.
// Empty when the answer carries no field-level messages.
QList<RestFieldError> restFieldErrors(const HttpResponse &response);
