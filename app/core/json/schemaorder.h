#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QStringList>

// The order in which a JSON text gives the keys of its objects, which QJsonObject does not keep
// (it sorts them). Used where the order is meaningful to people, e.g. a JSON schema's properties.
class JsonKeyOrder
{
public:
    JsonKeyOrder() = default;
    // Scans `json` once. Text that is not valid JSON gives what was read before the fault.
    explicit JsonKeyOrder(const QByteArray &json);

    // The keys of the object at `path` (the keys leading to it from the top; an array's items
    // count as one step "[]"), in the text's order, without repeats; empty when there is none.
    QStringList keys(const QStringList &path) const;

private:
    QHash<QString, QStringList> m_keys; // by path joined with '\x1f'
};

// The order of a JSON schema's properties for forms, as Kinto Admin (react-jsonschema-form) shows
// them: the uiSchema's "ui:order" at each level ("*" stands for the properties it does not name),
// else the order the schema's text gives.
namespace SchemaOrder {

// An object schema's property names in form order: its "ui:order" (see withUiOrder()), then the
// others by name.
QStringList properties(const QJsonObject &schema);

// `schema` with each object level's "ui:order" copied in from the same place of `uiSchema`
// (uiSchema.<property> for a sub-object, uiSchema.<property>.items for the items of an array).
QJsonObject withUiOrder(QJsonObject schema, const QJsonObject &uiSchema);

// `uiSchema` with a complete "ui:order" at each object level: the properties it names first, then
// (at its "*", else at the end) the others in the order of the text the schema was read from
// (`text`, the schema at `schemaPath` in it). Levels the text does not show are left as they are.
QJsonObject withTextOrder(QJsonObject uiSchema, const QJsonObject &schema, const JsonKeyOrder &text,
                          const QStringList &schemaPath);

} // namespace SchemaOrder
