#include "history/diffview.h"

#include "pagedlistmodel.h"

#include <QCheckBox>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPalette>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

DiffView::DiffView(QWidget *parent)
    : QWidget(parent)
    , m_caption(new QLabel(this))
    , m_onlyDifferences(new QCheckBox(tr("Only differences"), this))
    , m_table(new QTableWidget(0, 3, this))
{
    m_caption->setObjectName(QStringLiteral("diffCaption"));
    m_caption->setWordWrap(true);
    m_onlyDifferences->setObjectName(QStringLiteral("diffOnlyDifferences"));
    m_table->setObjectName(QStringLiteral("diffTable"));
    m_table->setAccessibleName(tr("Changes"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(LeftColumn, QHeaderView::Stretch);
    m_table->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *top = new QHBoxLayout;
    top->addWidget(m_caption, 1);
    top->addWidget(m_onlyDifferences);
    layout->addLayout(top);
    layout->addWidget(m_table);
    connect(m_onlyDifferences, &QCheckBox::toggled, this, &DiffView::rebuild);
    clear();
}

void DiffView::setVersions(const QString &leftTitle, const QJsonObject &left, const QString &rightTitle,
                           const QJsonObject &right)
{
    m_leftTitle = leftTitle;
    m_rightTitle = rightTitle;
    m_left = left;
    m_right = right;
    m_differing.clear();
    QStringList keys = left.keys() + right.keys();
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    for (const QString &key : keys) {
        if (left.contains(key) != right.contains(key) || left.value(key) != right.value(key))
            m_differing.append(key);
    }
    rebuild();
}

void DiffView::clear()
{
    setVersions(tr("Left"), {}, tr("Right"), {});
    m_caption->setText(tr("Select two versions of the same object to compare them."));
}

void DiffView::setOnlyDifferences(bool only)
{
    m_onlyDifferences->setChecked(only);
}

QStringList DiffView::shownFields() const
{
    QStringList fields;
    for (int row = 0; row < m_table->rowCount(); ++row)
        fields.append(m_table->item(row, FieldColumn)->text());
    return fields;
}

QString DiffView::displayValue(const QJsonValue &value, bool present, const QString &field)
{
    if (!present)
        return tr("(missing)");
    if (field == QLatin1String("last_modified") && value.isDouble())
        return PagedListModel::displayText(value, field); // a date, as the records table shows it
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    default:
        // Numbers, booleans and null as JSON: wrap in an array to reuse the serialiser.
        const QByteArray json = QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact);
        return QString::fromUtf8(json.mid(1, json.size() - 2));
    }
}

void DiffView::rebuild()
{
    m_table->setHorizontalHeaderLabels({ tr("Field"), m_leftTitle, m_rightTitle });
    m_caption->setText(m_differing.isEmpty() ? tr("The two versions are identical.")
                                             : tr("%n field(s) differ.", nullptr, int(m_differing.size())));
    QStringList keys = m_left.keys() + m_right.keys();
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    if (m_onlyDifferences->isChecked())
        keys = m_differing;

    const QPalette pal = palette();
    // A tint that reads on light and dark themes alike.
    QColor changed = pal.color(QPalette::Highlight);
    changed.setAlpha(70);
    m_table->setRowCount(int(keys.size()));
    for (int row = 0; row < keys.size(); ++row) {
        const QString &key = keys.at(row);
        const bool differs = m_differing.contains(key);
        const QString values[3] = { key, displayValue(m_left.value(key), m_left.contains(key), key),
                                    displayValue(m_right.value(key), m_right.contains(key), key) };
        const QString tips[3] = { key, displayValue(m_left.value(key), m_left.contains(key)),
                                  displayValue(m_right.value(key), m_right.contains(key)) };
        for (int column = 0; column < 3; ++column) {
            auto *item = new QTableWidgetItem(values[column]);
            item->setToolTip(tips[column]); // the value as stored (a timestamp's number)
            if (differs) {
                item->setBackground(changed);
                QFont font = item->font();
                font.setBold(true);
                item->setFont(font);
            }
            m_table->setItem(row, column, item);
        }
    }
    m_table->resizeColumnToContents(FieldColumn);
}
