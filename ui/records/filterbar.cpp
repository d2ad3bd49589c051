#include "filterbar.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

struct Operator
{
    const char *name; // the query prefix without its underscore
    const char *label;
    const char *help;
};

// Kinto's filter operators (filtering.rst), as the combo box shows them.
const Operator Operators[] = {
    {"", "=", QT_TRANSLATE_NOOP("FilterBar", "equals")},
    {"min", "min_", QT_TRANSLATE_NOOP("FilterBar", "greater than or equal to")},
    {"max", "max_", QT_TRANSLATE_NOOP("FilterBar", "less than or equal to")},
    {"lt", "lt_", QT_TRANSLATE_NOOP("FilterBar", "less than")},
    {"gt", "gt_", QT_TRANSLATE_NOOP("FilterBar", "greater than")},
    {"not", "not_", QT_TRANSLATE_NOOP("FilterBar", "not equal to")},
    {"in", "in_", QT_TRANSLATE_NOOP("FilterBar", "one of a comma-separated list")},
    {"exclude", "exclude_", QT_TRANSLATE_NOOP("FilterBar", "none of a comma-separated list")},
    {"like", "like_", QT_TRANSLATE_NOOP("FilterBar", "matches a pattern with * wildcards")},
    {"has", "has_", QT_TRANSLATE_NOOP("FilterBar", "the field is present (true) or absent (false)")},
    {"contains", "contains_", QT_TRANSLATE_NOOP("FilterBar", "the array holds every listed value")},
    {"contains_any", "contains_any_", QT_TRANSLATE_NOOP("FilterBar", "the array holds any listed value")},
};

} // namespace

FilterBar::FilterBar(QWidget *parent)
    : QWidget(parent)
    , m_rowsLayout(new QVBoxLayout)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_rowsLayout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_rowsLayout);

    auto *buttons = new QHBoxLayout;
    auto *add = new QPushButton(tr("Add condition"), this);
    add->setObjectName(QStringLiteral("addFilterRow"));
    auto *clear = new QPushButton(tr("Clear"), this);
    clear->setObjectName(QStringLiteral("clearFilters"));
    auto *applyButton = new QPushButton(tr("Apply"), this);
    applyButton->setObjectName(QStringLiteral("applyFilters"));
    buttons->addWidget(add);
    buttons->addStretch();
    buttons->addWidget(clear);
    buttons->addWidget(applyButton);
    layout->addLayout(buttons);

    connect(add, &QPushButton::clicked, this, [this] { addRow(); });
    connect(clear, &QPushButton::clicked, this, [this] {
        clearRows();
        apply();
    });
    connect(applyButton, &QPushButton::clicked, this, &FilterBar::apply);
    addRow();
}

QStringList FilterBar::operators()
{
    QStringList names;
    for (const Operator &op : Operators)
        names << QString::fromLatin1(op.name);
    return names;
}

void FilterBar::setFields(const QStringList &fields)
{
    m_fields = fields;
    for (const Row &row : std::as_const(m_rows)) {
        const QString current = row.field->currentText();
        row.field->clear();
        row.field->addItems(fields);
        row.field->setCurrentText(current);
    }
}

void FilterBar::addRow(const QString &field, const QString &op, const QString &value)
{
    auto *widget = new QWidget(this);
    auto *layout = new QHBoxLayout(widget);
    layout->setContentsMargins(0, 0, 0, 0);

    Row row{widget, new QComboBox(widget), new QComboBox(widget), new QLineEdit(widget)};
    row.field->setObjectName(QStringLiteral("filterField"));
    row.field->setEditable(true); // any dotted path, not only the known fields
    row.field->setInsertPolicy(QComboBox::NoInsert);
    row.field->setMinimumContentsLength(14);
    row.field->addItems(m_fields);
    row.field->setCurrentText(field);
    row.field->setToolTip(tr("Field (dotted paths allowed, e.g. address.city)"));

    row.op->setObjectName(QStringLiteral("filterOperator"));
    for (const Operator &o : Operators) {
        row.op->addItem(QString::fromLatin1(o.label), QString::fromLatin1(o.name));
        row.op->setItemData(row.op->count() - 1, tr(o.help), Qt::ToolTipRole);
    }
    row.op->setCurrentIndex(qMax(0, row.op->findData(op)));

    row.value->setObjectName(QStringLiteral("filterValue"));
    row.value->setPlaceholderText(tr("Value"));
    row.value->setClearButtonEnabled(true);
    row.value->setText(value);
    connect(row.value, &QLineEdit::returnPressed, this, &FilterBar::apply);

    auto *remove = new QToolButton(widget);
    remove->setObjectName(QStringLiteral("removeFilterRow"));
    remove->setText(QStringLiteral("−"));
    remove->setToolTip(tr("Remove this condition"));
    connect(remove, &QToolButton::clicked, this, [this, widget] { removeRow(widget); });

    layout->addWidget(row.field, 2);
    layout->addWidget(row.op);
    layout->addWidget(row.value, 3);
    layout->addWidget(remove);
    m_rowsLayout->addWidget(widget);
    m_rows.append(row);
}

void FilterBar::removeRow(QWidget *rowWidget)
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).widget != rowWidget)
            continue;
        m_rows.removeAt(i);
        rowWidget->deleteLater();
        break;
    }
    if (m_rows.isEmpty())
        addRow();
}

void FilterBar::clearRows()
{
    const QList<Row> rows = m_rows;
    m_rows.clear();
    for (const Row &row : rows)
        row.widget->deleteLater();
    addRow();
}

void FilterBar::setRows(const QList<KintoFilter> &filters)
{
    clearRows();
    if (filters.isEmpty())
        return;
    m_rows.takeFirst().widget->deleteLater();
    for (const KintoFilter &filter : filters)
        addRow(filter.field, filter.op, filter.value.isString() ? filter.value.toString() : filter.encodedValue());
}

QList<KintoFilter> FilterBar::filters() const
{
    QList<KintoFilter> filters;
    for (const Row &row : m_rows) {
        const QString field = row.field->currentText().trimmed();
        if (field.isEmpty())
            continue;
        filters.append(KintoFilter{field, row.op->currentData().toString(), QJsonValue(row.value->text())});
    }
    return filters;
}

void FilterBar::apply()
{
    Q_EMIT applied(filters());
}
