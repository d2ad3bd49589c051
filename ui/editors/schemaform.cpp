#include "schemaform.h"

#include "json/jsonschemacheck.h"
#include "json/schemaorder.h"
#include "schemafields.h"

#include <QFormLayout>
#include <QFrame>
#include <QHash>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include <vector>

namespace SchemaFormDetail {

namespace {

using JsonSchemaCheck::childPath;

} // namespace

std::unique_ptr<Field> makeField(const QJsonObject &schema, const QString &path, Field::EditCallback onEdit);


// A nested object: a frame (without a title: the parent's row label names it) with a form of its
// properties; the root is the same, unframed.
class ObjectField : public Field
{
public:
    ObjectField(const QJsonObject &schema, const QString &path, EditCallback onEdit, bool root = false)
        : Field(schema, path, onEdit)
    {
        QWidget *box = nullptr;
        if (root) {
            box = new QWidget;
        } else {
            const QString title = schema.value(QLatin1String("title")).toString();
            auto *frame = new QFrame;
            frame->setFrameShape(QFrame::StyledPanel);
            frame->setAccessibleName(title.isEmpty() ? path.section(QLatin1Char('.'), -1) : title);
            box = frame;
        }
        auto *form = new QFormLayout(box);
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        if (root)
            form->setContentsMargins(0, 0, 0, 0);
        const QJsonArray required = schema.value(QLatin1String("required")).toArray();
        const QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
        for (const QString &key : SchemaOrder::properties(schema)) {
            const QJsonObject propertySchema = properties.value(key).toObject();
            auto field = makeField(propertySchema, childPath(path, key), onEdit);
            QString label = propertySchema.value(QLatin1String("title")).toString();
            if (label.isEmpty())
                label = key;
            if (required.contains(key))
                label += QStringLiteral(" *");
            auto *labelWidget = new QLabel(label);
            labelWidget->setToolTip(propertySchema.value(QLatin1String("description")).toString());
            labelWidget->setBuddy(field->editor());
            // The editor sits in its field's container, where no buddy label is looked for.
            if (field->editor() && field->editor()->accessibleName().isEmpty()) {
                field->editor()->setAccessibleName(label);
                field->editor()->setAccessibleDescription(labelWidget->toolTip());
            }
            form->addRow(labelWidget, field->container());
            m_children.push_back({ key, std::move(field) });
        }
        setEditor(box);
        load(root ? QJsonValue(QJsonObject()) : QJsonValue(QJsonValue::Undefined));
    }

    void load(const QJsonValue &value) override
    {
        m_original = value;
        const QJsonObject object = value.toObject();
        for (const Child &child : m_children)
            child.field->load(object.contains(child.key) ? object.value(child.key) : QJsonValue(QJsonValue::Undefined));
    }

    QJsonValue value() const override
    {
        if (!isEdited())
            return m_original;
        // The loaded object with the described properties replaced: the rest stays as it came.
        QJsonObject out = m_original.toObject();
        for (const Child &child : m_children) {
            const QJsonValue v = child.field->value();
            if (v.isUndefined())
                out.remove(child.key);
            else
                out.insert(child.key, v);
        }
        if (out.isEmpty() && m_original.isUndefined())
            return QJsonValue(QJsonValue::Undefined); // an absent sub-object left empty stays absent
        return out;
    }

    bool isEdited() const override
    {
        for (const Child &child : m_children) {
            if (child.field->isEdited())
                return true;
        }
        return false;
    }

    void collectErrors(QList<FieldError> &out) const override
    {
        const QJsonValue v = value();
        if (v.isUndefined())
            return; // an absent object's required properties are not required
        if (!v.isObject()) {
            out << FieldError { m_path, JsonSchemaCheck::typeProblem(QStringLiteral("object"), v) };
            return;
        }
        out << JsonSchemaCheck::checkRequired(m_schema, v.toObject(), m_path);
        for (const Child &child : m_children)
            child.field->collectErrors(out);
    }

    void applyErrors(QHash<QString, QStringList> &remaining) override
    {
        Field::applyErrors(remaining);
        for (const Child &child : m_children)
            child.field->applyErrors(remaining);
    }

    void setPath(const QString &path) override
    {
        Field::setPath(path);
        for (const Child &child : m_children)
            child.field->setPath(childPath(path, child.key));
    }

    void collectPaths(QStringList &out) const override
    {
        if (!m_path.isEmpty())
            out << m_path;
        for (const Child &child : m_children)
            child.field->collectPaths(out);
    }

private:
    struct Child
    {
        QString key;
        std::unique_ptr<Field> field;
    };
    std::vector<Child> m_children;
    QJsonValue m_original;
};

// A list: one row per item (an editor of the items' schema and a Remove button), and an Add button.
class ArrayField : public Field
{
public:
    ArrayField(const QJsonObject &schema, const QString &path, EditCallback onEdit)
        : Field(schema, path, std::move(onEdit))
        , m_itemSchema(schema.value(QLatin1String("items")).toObject())
    {
        auto *box = new QWidget;
        auto *layout = new QVBoxLayout(box);
        layout->setContentsMargins(0, 0, 0, 0);
        m_rowsLayout = new QVBoxLayout;
        m_rowsLayout->setContentsMargins(0, 0, 0, 0);
        layout->addLayout(m_rowsLayout);
        m_add = new QPushButton(SchemaForm::tr("Add"));
        QObject::connect(m_add, &QPushButton::clicked, this, [this] {
            addRow(QJsonValue(QJsonValue::Undefined));
            m_structureEdited = true;
            edited();
        });
        layout->addWidget(m_add, 0, Qt::AlignLeft);
        setEditor(box);
    }

    void load(const QJsonValue &value) override
    {
        m_original = value;
        m_structureEdited = false;
        for (Row &row : m_rows)
            discard(row);
        m_rows.clear();
        for (const QJsonValue &item : value.toArray())
            addRow(item);
    }

    QJsonValue value() const override
    {
        if (!isEdited())
            return m_original;
        QJsonArray out;
        for (const Row &row : m_rows) {
            const QJsonValue v = row.field->value();
            if (!v.isUndefined()) // an added item left blank is not stored
                out.append(v);
        }
        return out;
    }

    bool isEdited() const override
    {
        if (m_structureEdited)
            return true;
        for (const Row &row : m_rows) {
            if (row.field->isEdited())
                return true;
        }
        return false;
    }

    void collectErrors(QList<FieldError> &out) const override
    {
        const QJsonValue v = value();
        if (v.isUndefined())
            return;
        if (!v.isArray()) {
            out << FieldError { m_path, JsonSchemaCheck::typeProblem(QStringLiteral("array"), v) };
            return;
        }
        for (const QString &problem : JsonSchemaCheck::checkArray(m_schema, v.toArray()))
            out << FieldError { m_path, problem };
        for (const Row &row : m_rows)
            row.field->collectErrors(out);
    }

    void applyErrors(QHash<QString, QStringList> &remaining) override
    {
        Field::applyErrors(remaining);
        for (const Row &row : m_rows)
            row.field->applyErrors(remaining);
    }

    void setPath(const QString &path) override
    {
        Field::setPath(path);
        m_add->setObjectName(QStringLiteral("add_") + path);
        renumber();
    }

    void collectPaths(QStringList &out) const override
    {
        out << m_path;
        for (const Row &row : m_rows)
            row.field->collectPaths(out);
    }

private:
    struct Row
    {
        QWidget *widget;
        QPushButton *remove;
        std::unique_ptr<Field> field;
    };

    void addRow(const QJsonValue &item)
    {
        const QString itemPath = childPath(m_path, QString::number(m_rows.size()));
        auto field = makeField(m_itemSchema, itemPath, m_onEdit);
        field->load(item);
        if (field->editor() && field->editor()->accessibleName().isEmpty())
            field->editor()->setAccessibleName(SchemaForm::tr("%1, item %2").arg(m_path.section(QLatin1Char('.'), -1)).arg(m_rows.size() + 1));
        auto *widget = new QWidget;
        auto *layout = new QHBoxLayout(widget);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(field->container(), 1);
        auto *remove = new QPushButton(SchemaForm::tr("Remove"));
        remove->setObjectName(QStringLiteral("remove_") + itemPath);
        layout->addWidget(remove, 0, Qt::AlignTop);
        m_rowsLayout->addWidget(widget);
        // Keyboard order: the new row's widgets come just before Add, as they are shown.
        QWidget *previous = m_add->previousInFocusChain();
        for (QWidget *w : widget->findChildren<QWidget *>()) {
            if (w->focusPolicy() & Qt::TabFocus) {
                QWidget::setTabOrder(previous, w);
                previous = w;
            }
        }
        QWidget::setTabOrder(previous, m_add);
        QObject::connect(remove, &QPushButton::clicked, this, [this, widget] { removeRow(widget); });
        m_rows.push_back({ widget, remove, std::move(field) });
    }

    void removeRow(QWidget *widget)
    {
        const auto it = std::find_if(m_rows.begin(), m_rows.end(), [widget](const Row &r) { return r.widget == widget; });
        if (it == m_rows.end())
            return;
        discard(*it);
        m_rows.erase(it);
        renumber();
        m_structureEdited = true;
        edited();
    }

    // The row leaves the form now; its widgets are deleted from the event loop, since the click
    // that removes it is still being delivered to its Remove button.
    static void discard(Row &row)
    {
        row.widget->hide();
        for (QWidget *child : row.widget->findChildren<QWidget *>())
            child->setObjectName(QString());
        row.widget->deleteLater();
        row.field.release()->deleteLater(); // the field is the context of the button's connection
    }

    void renumber()
    {
        for (size_t i = 0; i < m_rows.size(); ++i) {
            const QString itemPath = childPath(m_path, QString::number(i));
            m_rows[i].field->setPath(itemPath);
            m_rows[i].remove->setObjectName(QStringLiteral("remove_") + itemPath);
        }
    }

    QJsonObject m_itemSchema;
    QVBoxLayout *m_rowsLayout = nullptr;
    QPushButton *m_add = nullptr;
    std::vector<Row> m_rows;
    QJsonValue m_original;
    bool m_structureEdited = false;
};

std::unique_ptr<Field> makeField(const QJsonObject &schema, const QString &path, Field::EditCallback onEdit)
{
    if (!schema.value(QLatin1String("enum")).isArray()) {
        const QString type = schema.value(QLatin1String("type")).toString();
        if ((type == QLatin1String("object") || type.isEmpty()) && schema.value(QLatin1String("properties")).isObject())
            return std::make_unique<ObjectField>(schema, path, onEdit);
        if (type == QLatin1String("array") && schema.value(QLatin1String("items")).isObject())
            return std::make_unique<ArrayField>(schema, path, onEdit);
    }
    return makeScalarField(schema, path, onEdit);
}

} // namespace SchemaFormDetail

using namespace SchemaFormDetail;

SchemaForm::SchemaForm(const QJsonObject &schema, QWidget *parent)
    : SchemaForm(schema, QJsonObject(), parent)
{
}

SchemaForm::SchemaForm(const QJsonObject &schema, const QJsonObject &uiSchema, QWidget *parent)
    : QWidget(parent)
    , m_schema(schema)
    , m_root(std::make_unique<ObjectField>(SchemaOrder::withUiOrder(schema, uiSchema), QString(), [this] { Q_EMIT changed(); }, true))
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_root->container());
    layout->addStretch(1);
}

SchemaForm::~SchemaForm() = default;

bool SchemaForm::canShow(const QJsonObject &schema)
{
    const QJsonValue type = schema.value(QLatin1String("type"));
    return (type.isUndefined() || type == QLatin1String("object"))
        && !schema.value(QLatin1String("properties")).toObject().isEmpty();
}

void SchemaForm::setValue(const QJsonObject &value)
{
    m_root->load(value);
    showErrors({});
}

QJsonObject SchemaForm::value() const
{
    return m_root->value().toObject();
}

QList<FieldError> SchemaForm::errors() const
{
    QList<FieldError> out;
    m_root->collectErrors(out);
    return out;
}

QList<FieldError> SchemaForm::validate()
{
    const QList<FieldError> found = errors();
    showErrors(found);
    return found;
}

QList<FieldError> SchemaForm::showErrors(const QList<FieldError> &errors)
{
    QHash<QString, QStringList> byPath;
    for (const FieldError &error : errors)
        byPath[error.path] << error.message;
    m_root->applyErrors(byPath);
    QList<FieldError> unmatched;
    for (const FieldError &error : errors) {
        if (byPath.contains(error.path))
            unmatched << error;
    }
    return unmatched;
}

QStringList SchemaForm::fieldPaths() const
{
    QStringList out;
    m_root->collectPaths(out);
    return out;
}
