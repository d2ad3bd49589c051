#include "schemaform.h"

#include "json/jsonschemacheck.h"
#include "json/schemaorder.h"
#include "net/json.h"
#include "widgets/tonedlabel.h"

#include <QCalendarWidget>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTimeEdit>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHash>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>
#include <cmath>
#include <functional>
#include <vector>

namespace SchemaFormDetail {

namespace {

using JsonSchemaCheck::checkScalar;
using JsonSchemaCheck::childPath;
using JsonSchemaCheck::displayValue;
using JsonSchemaCheck::isIntegral;
using JsonSchemaCheck::parseDateTime;

} // namespace

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

// A field holding one value. Until the user touches the widget, value() is exactly what load()
// got, so values the widget cannot show exactly are never rewritten.
class ScalarField : public Field
{
public:
    using Field::Field;

    void load(const QJsonValue &value) override
    {
        m_original = value;
        m_edited = false;
        m_loading = true;
        show(value);
        m_loading = false;
    }
    QJsonValue value() const override { return m_edited ? widgetValue() : m_original; }
    bool isEdited() const override { return m_edited; }
    void collectErrors(QList<FieldError> &out) const override
    {
        const QString problem = m_edited ? inputError() : QString();
        if (!problem.isEmpty()) {
            out << FieldError { m_path, problem };
            return;
        }
        const QJsonValue v = value();
        if (v.isUndefined())
            return; // absence is the parent's business (required)
        const QString message = checkScalar(m_schema, v);
        if (!message.isEmpty())
            out << FieldError { m_path, message };
    }

protected:
    virtual void show(const QJsonValue &value) = 0;
    virtual QJsonValue widgetValue() const = 0;
    // A problem with what was typed that no JSON value can carry (raw JSON that does not parse).
    virtual QString inputError() const { return {}; }

    // Connected to the widget's change signals: programmatic updates are not user edits.
    void userEdited()
    {
        if (m_loading)
            return;
        m_edited = true;
        edited();
    }

    QJsonValue m_original;
    bool m_edited = false;
    bool m_loading = false;
};

// A line edit for text, numbers, integers, or any value as raw JSON (the fallback).
class LineField : public ScalarField
{
public:
    enum class Kind { Text, Number, Integer, RawJson };

    LineField(Kind kind, const QJsonObject &schema, const QString &path, EditCallback onEdit)
        : ScalarField(schema, path, std::move(onEdit))
        , m_kind(kind)
        , m_edit(new QLineEdit)
    {
        if (kind == Kind::RawJson)
            m_edit->setPlaceholderText(SchemaForm::tr("JSON value"));
        else if (kind != Kind::Text)
            m_edit->setPlaceholderText(kind == Kind::Integer ? SchemaForm::tr("whole number") : SchemaForm::tr("number"));
        else if (schema.value(QLatin1String("format")).toString() == QLatin1String("email"))
            m_edit->setPlaceholderText(SchemaForm::tr("name@example.org"));
        else if (schema.value(QLatin1String("format")).toString() == QLatin1String("uri"))
            m_edit->setPlaceholderText(SchemaForm::tr("https://"));
        QObject::connect(m_edit, &QLineEdit::textEdited, this, [this] { userEdited(); });
        setEditor(m_edit);
    }

protected:
    void show(const QJsonValue &value) override
    {
        if (value.isUndefined())
            m_edit->clear();
        else if (m_kind == Kind::Text && value.isString())
            m_edit->setText(value.toString());
        else
            m_edit->setText(QString::fromUtf8(Json::toBytes(value)));
    }

    QJsonValue widgetValue() const override
    {
        const QString text = m_kind == Kind::Text ? m_edit->text() : m_edit->text().trimmed();
        if (text.isEmpty())
            return QJsonValue(QJsonValue::Undefined);
        switch (m_kind) {
        case Kind::Text:
            return text;
        case Kind::Integer: {
            bool ok = false;
            const qlonglong n = text.toLongLong(&ok);
            if (ok)
                return QJsonValue(qint64(n));
            break;
        }
        case Kind::Number:
            break;
        case Kind::RawJson: {
            QJsonValue parsed;
            return Json::parse(text.toUtf8(), &parsed) ? parsed : QJsonValue(QJsonValue::Undefined);
        }
        }
        bool ok = false;
        const double d = QLocale::c().toDouble(text, &ok);
        // Not a number: kept as the text typed, so the type check names the problem.
        return ok ? QJsonValue(d) : QJsonValue(text);
    }

    QString inputError() const override
    {
        if (m_kind != Kind::RawJson || m_edit->text().trimmed().isEmpty())
            return {};
        QJsonValue parsed;
        QString error;
        return Json::parse(m_edit->text().toUtf8(), &parsed, &error) ? QString() : error;
    }

private:
    Kind m_kind;
    QLineEdit *m_edit;
};

// A spin box whose text can be erased: an empty text is its lowest value (shown blank).
class BlankableSpinBox : public QSpinBox
{
public:
    QValidator::State validate(QString &input, int &pos) const override
    {
        return input.trimmed().isEmpty() ? QValidator::Acceptable : QSpinBox::validate(input, pos);
    }
    int valueFromText(const QString &text) const override
    {
        return text.trimmed().isEmpty() ? minimum() : QSpinBox::valueFromText(text);
    }
};

// A spin box for an integer with both bounds; its lowest position (one below the minimum, shown
// blank) means "not set".
class SpinField : public ScalarField
{
public:
    SpinField(const QJsonObject &schema, const QString &path, EditCallback onEdit)
        : ScalarField(schema, path, std::move(onEdit))
        , m_spin(new BlankableSpinBox)
    {
        m_spin->setRange(int(schema.value(QLatin1String("minimum")).toInteger()) - 1,
                         int(schema.value(QLatin1String("maximum")).toInteger()));
        m_spin->setSpecialValueText(QStringLiteral(" "));
        m_spin->setValue(m_spin->minimum());
        QObject::connect(m_spin, &QSpinBox::valueChanged, this, [this] { userEdited(); });
        setEditor(m_spin);
    }

    // Bounded integers only: both bounds given and the unset position representable.
    static bool fits(const QJsonObject &schema)
    {
        const QJsonValue minimum = schema.value(QLatin1String("minimum"));
        const QJsonValue maximum = schema.value(QLatin1String("maximum"));
        return isIntegral(minimum) && isIntegral(maximum) && minimum.toDouble() > double(INT_MIN)
            && maximum.toDouble() < double(INT_MAX) && minimum.toDouble() <= maximum.toDouble()
            && !schema.contains(QLatin1String("exclusiveMinimum")) && !schema.contains(QLatin1String("exclusiveMaximum"));
    }

protected:
    void show(const QJsonValue &value) override
    {
        // Out of range or not a whole number: shown blank, kept as loaded, reported by validation.
        const bool showable = isIntegral(value) && value.toDouble() > m_spin->minimum()
            && value.toDouble() <= m_spin->maximum();
        m_spin->setValue(showable ? int(value.toInteger()) : m_spin->minimum());
    }
    QJsonValue widgetValue() const override
    {
        return m_spin->value() == m_spin->minimum() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(m_spin->value());
    }

private:
    QSpinBox *m_spin;
};

// QDateEdit for format "date", QDateTimeEdit (UTC) for "date-time". The lowest date, shown blank,
// means "not set"; a button clears the field.
class DateField : public ScalarField
{
public:
    DateField(bool withTime, const QJsonObject &schema, const QString &path, EditCallback onEdit)
        : ScalarField(schema, path, std::move(onEdit))
        , m_withTime(withTime)
        , m_edit(withTime ? new QDateTimeEdit : new QDateEdit)
    {
        if (withTime) {
            m_edit->setTimeSpec(Qt::UTC);
            m_edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
            m_edit->setToolTip(SchemaForm::tr("Date and time in UTC"));
        } else {
            m_edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        }
        m_edit->setCalendarPopup(true);
        m_edit->setMinimumDate(unset());
        m_edit->setSpecialValueText(QStringLiteral(" "));
        m_edit->setDateTime(m_edit->minimumDateTime());
        // A blank field's calendar opens on today rather than on the "unset" date.
        m_edit->calendarWidget()->installEventFilter(this);
        QObject::connect(m_edit, &QDateTimeEdit::dateTimeChanged, this, [this] { userEdited(); });

        auto *row = new QWidget;
        auto *layout = new QHBoxLayout(row);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(m_edit, 1);
        m_clear = new QToolButton;
        m_clear->setText(SchemaForm::tr("Clear"));
        m_clear->setToolTip(SchemaForm::tr("Leave the date out"));
        layout->addWidget(m_clear);
        QObject::connect(m_clear, &QToolButton::clicked, this, [this] { m_edit->setDateTime(m_edit->minimumDateTime()); });
        setEditor(m_edit, row);
    }

    void setPath(const QString &path) override
    {
        ScalarField::setPath(path);
        m_clear->setObjectName(QStringLiteral("clear_") + path);
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Show && m_edit->dateTime() == m_edit->minimumDateTime()) {
            const QDate today = QDate::currentDate();
            m_edit->calendarWidget()->setCurrentPage(today.year(), today.month());
        }
        return QObject::eventFilter(watched, event);
    }

protected:
    static QDate unset() { return QDate(1000, 1, 1); }

    void show(const QJsonValue &value) override
    {
        QDateTime shown;
        if (value.isString()) {
            if (m_withTime) {
                shown = parseDateTime(value.toString()).toUTC();
            } else {
                const QDate date = QDate::fromString(value.toString(), Qt::ISODate);
                if (date.isValid())
                    shown = QDateTime(date, QTime(0, 0), Qt::UTC);
            }
        }
        if (!shown.isValid() || shown.date() <= unset())
            shown = m_edit->minimumDateTime(); // kept as loaded, reported by validation
        m_edit->setDateTime(shown);
    }

    QJsonValue widgetValue() const override
    {
        if (m_edit->dateTime() == m_edit->minimumDateTime())
            return QJsonValue(QJsonValue::Undefined);
        if (!m_withTime)
            return m_edit->date().toString(Qt::ISODate);
        return m_edit->dateTime().toUTC().toString(Qt::ISODate); // "2024-05-01T10:00:00Z"
    }

private:
    bool m_withTime;
    QDateTimeEdit *m_edit;
    QToolButton *m_clear = nullptr;
};

class CheckField : public ScalarField
{
public:
    CheckField(const QJsonObject &schema, const QString &path, EditCallback onEdit)
        : ScalarField(schema, path, std::move(onEdit))
        , m_check(new QCheckBox)
    {
        m_check->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed); // a click beside the box misses it
        QObject::connect(m_check, &QCheckBox::toggled, this, [this] { userEdited(); });
        setEditor(m_check);
    }

protected:
    void show(const QJsonValue &value) override { m_check->setChecked(value.toBool(false)); }
    QJsonValue widgetValue() const override { return m_check->isChecked(); }

private:
    QCheckBox *m_check;
};

// A combo box of the enum's values, with a blank first entry for "not set".
class EnumField : public ScalarField
{
public:
    EnumField(const QJsonObject &schema, const QString &path, EditCallback onEdit)
        : ScalarField(schema, path, std::move(onEdit))
        , m_values(schema.value(QLatin1String("enum")).toArray())
        , m_combo(new QComboBox)
    {
        m_combo->addItem(QString());
        for (const QJsonValue &item : m_values)
            m_combo->addItem(displayValue(item));
        QObject::connect(m_combo, &QComboBox::currentIndexChanged, this, [this] { userEdited(); });
        setEditor(m_combo);
    }

protected:
    void show(const QJsonValue &value) override
    {
        int index = 0; // a value outside the enum shows blank, is kept, and is reported by validation
        for (qsizetype i = 0; i < m_values.size() && !value.isUndefined(); ++i) {
            if (m_values.at(i) == value) {
                index = int(i) + 1;
                break;
            }
        }
        m_combo->setCurrentIndex(index);
    }
    QJsonValue widgetValue() const override
    {
        const int index = m_combo->currentIndex();
        return index <= 0 ? QJsonValue(QJsonValue::Undefined) : m_values.at(index - 1);
    }

private:
    QJsonArray m_values;
    QComboBox *m_combo;
};

std::unique_ptr<Field> makeField(const QJsonObject &schema, const QString &path, Field::EditCallback onEdit);


// A nested object: a frame (a group box without a title: the parent's row label names it) with a
// form of its properties; the root is the same, unframed.
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
            box = new QGroupBox;
            box->setAccessibleName(title.isEmpty() ? path.section(QLatin1Char('.'), -1) : title);
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
    if (schema.value(QLatin1String("enum")).isArray())
        return std::make_unique<EnumField>(schema, path, onEdit);
    const QString type = schema.value(QLatin1String("type")).toString();
    const QString format = schema.value(QLatin1String("format")).toString();
    if (type == QLatin1String("string")) {
        if (format == QLatin1String("date") || format == QLatin1String("date-time"))
            return std::make_unique<DateField>(format == QLatin1String("date-time"), schema, path, onEdit);
        return std::make_unique<LineField>(LineField::Kind::Text, schema, path, onEdit);
    }
    if (type == QLatin1String("number"))
        return std::make_unique<LineField>(LineField::Kind::Number, schema, path, onEdit);
    if (type == QLatin1String("integer")) {
        if (SpinField::fits(schema))
            return std::make_unique<SpinField>(schema, path, onEdit);
        return std::make_unique<LineField>(LineField::Kind::Integer, schema, path, onEdit);
    }
    if (type == QLatin1String("boolean"))
        return std::make_unique<CheckField>(schema, path, onEdit);
    if ((type == QLatin1String("object") || type.isEmpty()) && schema.value(QLatin1String("properties")).isObject())
        return std::make_unique<ObjectField>(schema, path, onEdit);
    if (type == QLatin1String("array") && schema.value(QLatin1String("items")).isObject())
        return std::make_unique<ArrayField>(schema, path, onEdit);
    // anyOf/oneOf, several types, tuple items, free-form objects: edited as raw JSON.
    return std::make_unique<LineField>(LineField::Kind::RawJson, schema, path, onEdit);
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
