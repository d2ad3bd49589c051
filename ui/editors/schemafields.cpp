#include "schemafields.h"

#include "net/json.h"
#include "schemaform.h" // SchemaForm::tr, the texts' translation context

#include <QCalendarWidget>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTimeEdit>
#include <QEvent>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QToolButton>
#include <QUrl>

#include <algorithm>
#include <climits>
#include <cmath>

namespace SchemaFormDetail {

namespace {

using JsonSchemaCheck::checkScalar;
using JsonSchemaCheck::displayValue;
using JsonSchemaCheck::isIntegral;
using JsonSchemaCheck::parseDateTime;

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

} // namespace

std::unique_ptr<Field> makeScalarField(const QJsonObject &schema, const QString &path, Field::EditCallback onEdit)
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
    // anyOf/oneOf, several types, tuple items, free-form objects: edited as raw JSON.
    return std::make_unique<LineField>(LineField::Kind::RawJson, schema, path, onEdit);
}

} // namespace SchemaFormDetail
