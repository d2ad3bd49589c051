#pragma once

#include "json/jsonschemacheck.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QWidget>

#include <memory>

namespace SchemaFormDetail {
class ObjectField;
}

// A form generated from a JSON schema (the subset Kinto collections use, as Kinto Admin's
// react-jsonschema-form does): string (line edit; format date -> QDateEdit, date-time ->
// QDateTimeEdit, uri/email checked), number (line edit), integer (QSpinBox when both minimum and
// maximum are given, else a line edit), boolean (check box), enum (combo box), array (a list with
// add/remove, items of any supported kind), nested object (a group box with its own form). Anything
// else (anyOf, several types, tuple items) gets a one-line raw JSON field. Properties appear in the
// order of the uiSchema's "ui:order" at each level (react-jsonschema-form's, "*" for the rest),
// the others by name (QJsonObject keeps no order); required ones are labelled with '*'. Values are
// checked with JsonSchemaCheck (app/core/json), field by field; FieldError comes from there.
//
// Object names, for tests and accessibility: each field's editor "field_<path>", its error label
// "error_<path>", array buttons "add_<path>" and "remove_<path>.<index>", date buttons "clear_<path>".
//
// Nothing is lost: value() is the object given to setValue() with only the fields the user edited
// changed. Properties the schema does not describe, and untouched values the widgets could not show
// exactly (a date-time with an offset, a value of the wrong type), come back unchanged. A field the
// user empties is left out of the object.
class SchemaForm : public QWidget
{
    Q_OBJECT
public:
    explicit SchemaForm(const QJsonObject &schema, QWidget *parent = nullptr);
    // With a uiSchema (Kinto Admin's collection uiSchema): its "ui:order" entries order the fields.
    SchemaForm(const QJsonObject &schema, const QJsonObject &uiSchema, QWidget *parent = nullptr);
    ~SchemaForm() override;

    // True when `schema` describes an object with properties, i.e. there is a form to show.
    static bool canShow(const QJsonObject &schema);

    const QJsonObject &schema() const { return m_schema; }

    // Shows `value` (no changed() signal; error labels are cleared).
    void setValue(const QJsonObject &value);
    QJsonObject value() const;

    // The problems of the current input, without showing them.
    QList<FieldError> errors() const;
    // Computes the problems and shows each under its field (others are cleared). Empty = valid.
    QList<FieldError> validate();
    // Shows `errors` under their fields (e.g. the server's); every other error label is cleared.
    // Returns the errors that matched no field.
    QList<FieldError> showErrors(const QList<FieldError> &errors);

    // The dotted paths of every field, in form order (nested ones included).
    QStringList fieldPaths() const;

Q_SIGNALS:
    // The user changed a field (typing, picking, adding or removing a list item).
    void changed();

private:
    QJsonObject m_schema;
    std::unique_ptr<SchemaFormDetail::ObjectField> m_root;
};
