#include "conflictdialog.h"

#include "net/json.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSet>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace {

// Managed by the server: never compared nor merged.
bool isMetadata(const QString &key)
{
    return key == QLatin1String("id") || key == QLatin1String("last_modified") || key == QLatin1String("schema");
}

QTableWidgetItem *valueItem(const QJsonObject &object, const QString &key)
{
    auto *item = new QTableWidgetItem;
    if (!object.contains(key)) {
        item->setText(ConflictDialog::tr("(absent)"));
        QFont font = item->font();
        font.setItalic(true);
        item->setFont(font);
    } else {
        const QJsonValue value = object.value(key);
        item->setText(value.isString() ? value.toString() : QString::fromUtf8(Json::toBytes(value)));
    }
    item->setToolTip(item->text());
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    return item;
}

} // namespace

ConflictDialog::ConflictDialog(const QJsonObject &base, const QJsonObject &mine, const QJsonObject &theirs,
                               QWidget *parent)
    : QDialog(parent)
    , m_mine(mine)
    , m_theirs(theirs)
    , m_table(new QTableWidget(this))
{
    setObjectName(QStringLiteral("conflictDialog"));
    setWindowTitle(tr("Changed on the server"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(theirs.isEmpty()
        ? tr("This record was deleted on the server after you opened it. Overwrite re-creates it with your version.")
        : tr("Someone changed this record on the server after you opened it. Differing fields are highlighted: "
             "reload the server's version, overwrite it with yours, or pick a side per field and save the merge."));
    intro->setWordWrap(true);
    layout->addWidget(intro);

    QStringList keys;
    for (const QString &key : mine.keys() + theirs.keys()) {
        if (!isMetadata(key) && !keys.contains(key))
            keys << key;
    }
    std::sort(keys.begin(), keys.end());

    m_table->setObjectName(QStringLiteral("conflictTable"));
    m_table->setColumnCount(4);
    m_table->setHorizontalHeaderLabels({ tr("Field"), tr("Mine"), tr("Theirs (server)"), tr("Keep") });
    m_table->setRowCount(int(keys.size()));
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    const QColor highlight(255, 226, 160);
    for (int row = 0; row < keys.size(); ++row) {
        const QString &key = keys.at(row);
        const bool differs = mine.value(key) != theirs.value(key) || mine.contains(key) != theirs.contains(key);
        auto *name = new QTableWidgetItem(key);
        name->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        name->setData(DiffersRole, differs);
        m_table->setItem(row, FieldColumn, name);
        m_table->setItem(row, MineColumn, valueItem(mine, key));
        m_table->setItem(row, TheirsColumn, valueItem(theirs, key));
        if (!differs) {
            auto *same = new QTableWidgetItem(tr("same"));
            same->setFlags(Qt::ItemIsEnabled);
            m_table->setItem(row, KeepColumn, same);
            continue;
        }
        m_differing << key;
        QFont bold = name->font();
        bold.setBold(true);
        name->setFont(bold);
        for (int column = FieldColumn; column <= TheirsColumn; ++column)
            m_table->item(row, column)->setBackground(highlight);
        auto *choice = new QComboBox;
        choice->setObjectName(QStringLiteral("keep_") + key);
        choice->addItem(tr("Mine"));
        choice->addItem(tr("Theirs"));
        // A field the user did not touch takes the server's change; one the user changed stays theirs.
        const bool userChanged = base.isEmpty() || base.value(key) != mine.value(key) || base.contains(key) != mine.contains(key);
        choice->setCurrentIndex(userChanged || theirs.isEmpty() ? 0 : 1);
        choice->setEnabled(!theirs.isEmpty());
        m_table->setCellWidget(row, KeepColumn, choice);
        m_choices.insert(key, choice);
    }
    m_table->resizeColumnsToContents();
    layout->addWidget(m_table, 1);

    auto *buttons = new QDialogButtonBox(this);
    auto *reload = buttons->addButton(tr("Reload theirs"), QDialogButtonBox::ResetRole);
    reload->setObjectName(QStringLiteral("reloadButton"));
    reload->setToolTip(tr("Take the server's version into the editor; your changes are dropped."));
    reload->setEnabled(!theirs.isEmpty());
    auto *overwrite = buttons->addButton(tr("Overwrite with mine"), QDialogButtonBox::DestructiveRole);
    overwrite->setObjectName(QStringLiteral("overwriteButton"));
    overwrite->setToolTip(tr("Save your version over the server's."));
    auto *merge = buttons->addButton(tr("Save merge"), QDialogButtonBox::AcceptRole);
    merge->setObjectName(QStringLiteral("mergeButton"));
    merge->setToolTip(tr("Save the server's version with the fields marked \"Mine\" taken from yours."));
    merge->setEnabled(!theirs.isEmpty());
    auto *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    connect(reload, &QPushButton::clicked, this, [this] { resolve(Resolution::Reload); });
    connect(overwrite, &QPushButton::clicked, this, [this] { resolve(Resolution::Overwrite); });
    connect(merge, &QPushButton::clicked, this, [this] { resolve(Resolution::Merge); });
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(720, 420);
}

QJsonObject ConflictDialog::merged() const
{
    QJsonObject out = m_theirs;
    for (const QString &key : m_differing) {
        if (!keepsMine(key))
            continue;
        if (m_mine.contains(key))
            out.insert(key, m_mine.value(key));
        else
            out.remove(key);
    }
    return out;
}

bool ConflictDialog::keepsMine(const QString &field) const
{
    const QComboBox *choice = m_choices.value(field);
    return choice && choice->currentIndex() == 0;
}

void ConflictDialog::setKeepMine(const QString &field, bool mine)
{
    if (QComboBox *choice = m_choices.value(field))
        choice->setCurrentIndex(mine ? 0 : 1);
}

void ConflictDialog::resolve(Resolution resolution)
{
    m_resolution = resolution;
    accept();
}
