#pragma once

#include "json/jsonschemacheck.h"
#include "widgets/tonedlabel.h"

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QLabel>
#include <QObject>
#include <QStringList>
#include <QVBoxLayout>
#include <QWidget>

#include <functional>
#include <memory>

// The fields SchemaForm is made of (schemaform.h says what each schema gets): the base of every
// field, and the fields of one value (schemafields.cpp). Objects and arrays are in schemaform.cpp.
namespace SchemaFormDetail {

// One field of the form: an editor widget above a red error label, in a container the parent lays
// out. A QObject only to be the context of its widgets' connections (gone with the field).
class Field : public QObject
{
public:
    using EditCallback = std::function<void()>;

    Field(const QJsonObject &schema, const QString &path, EditCallback onEdit)
        : m_schema(schema)
        , m_path(path)
        , m_onEdit(std::move(onEdit))
        , m_container(new QWidget)
        , m_layout(new QVBoxLayout(m_container))
        , m_error(new QLabel)
    {
        m_layout->setContentsMargins(0, 0, 0, 0);
        m_layout->setSpacing(2);
        setTone(m_error, Tones::Tone::Error);
        m_error->setWordWrap(true);
        m_error->hide();
        m_layout->addWidget(m_error);
    }

    // The widget placed in the parent's layout. Owned by that layout's widget once placed.
    QWidget *container() const { return m_container; }
    QWidget *editor() const { return m_editor; }
    const QString &path() const { return m_path; }
    const QJsonObject &schema() const { return m_schema; }

    // Shows `value` (undefined = absent) as the field's original; the field becomes unedited.
    virtual void load(const QJsonValue &value) = 0;
    // The value to store: undefined = leave the property out.
    virtual QJsonValue value() const = 0;
    // True once the user changed this field (or something inside it).
    virtual bool isEdited() const = 0;
    virtual void collectErrors(QList<FieldError> &out) const = 0;

    // Shows the messages for this field's path (taking them out of `remaining`), clears the label
    // otherwise; containers recurse.
    virtual void applyErrors(QHash<QString, QStringList> &remaining)
    {
        const QStringList messages = remaining.take(m_path);
        m_error->setText(messages.join(QLatin1Char('\n')));
        m_error->setVisible(!messages.isEmpty());
    }

    virtual void setPath(const QString &path)
    {
        m_path = path;
        if (m_editor)
            m_editor->setObjectName(QStringLiteral("field_") + path);
        m_error->setObjectName(QStringLiteral("error_") + path);
    }

    virtual void collectPaths(QStringList &out) const { out << m_path; }

protected:
    // Puts the editor (or a row holding it, `row`) above the error label.
    void setEditor(QWidget *editor, QWidget *row = nullptr)
    {
        m_editor = editor;
        m_layout->insertWidget(0, row ? row : editor);
        setPath(m_path);
    }

    void edited() { m_onEdit(); }

    QJsonObject m_schema;
    QString m_path;
    EditCallback m_onEdit;
    QWidget *m_container;
    QVBoxLayout *m_layout;
    QLabel *m_error;
    QWidget *m_editor = nullptr;
};

// The field of one value for `schema`: an enum's combo box, a string's line edit (a date's date
// edit), a number's or an integer's line edit (a spin box when both bounds are given), a boolean's
// check box; anything else as one line of raw JSON.
std::unique_ptr<Field> makeScalarField(const QJsonObject &schema, const QString &path, Field::EditCallback onEdit);

} // namespace SchemaFormDetail
