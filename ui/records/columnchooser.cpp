#include "columnchooser.h"

#include "recordtablemodel.h"

#include <QLineEdit>
#include <QMenu>
#include <QWidgetAction>

ColumnChooser::ColumnChooser(RecordTableModel *model, QWidget *parent)
    : QToolButton(parent)
    , m_model(model)
    , m_menu(new QMenu(this))
{
    setObjectName(QStringLiteral("columnsButton"));
    setText(tr("Columns…"));
    setToolTip(tr("Choose the columns shown"));
    setPopupMode(QToolButton::InstantPopup);
    m_menu->setObjectName(QStringLiteral("columnsMenu"));
    m_menu->setTitle(tr("Columns"));
    setMenu(m_menu);
    connect(m_menu, &QMenu::aboutToShow, this, &ColumnChooser::rebuild);
}

void ColumnChooser::rebuild()
{
    m_menu->clear(); // deletes the actions it owns, the field box's action included
    const QStringList shown = m_model->columns();
    for (const QString &field : m_model->knownFields()) {
        QAction *action = m_menu->addAction(field);
        action->setCheckable(true);
        action->setChecked(shown.contains(field));
        action->setEnabled(!(action->isChecked() && shown.size() == 1));
        connect(action, &QAction::toggled, this, [this, field](bool on) { toggleField(field, on); });
    }
    m_menu->addSeparator();
    auto *boxAction = new QWidgetAction(m_menu);
    m_addField = new QLineEdit(m_menu);
    m_addField->setObjectName(QStringLiteral("addFieldEdit"));
    m_addField->setPlaceholderText(tr("Add field… (e.g. address.city)"));
    connect(m_addField, &QLineEdit::returnPressed, this, &ColumnChooser::addTypedField);
    boxAction->setDefaultWidget(m_addField);
    m_menu->addAction(boxAction);
}

void ColumnChooser::toggleField(const QString &field, bool shown)
{
    QStringList columns = m_model->columns();
    if (shown && !columns.contains(field))
        columns.append(field);
    else if (!shown && columns.size() > 1)
        columns.removeAll(field);
    m_model->setColumns(columns);
}

void ColumnChooser::addTypedField()
{
    const QString field = m_addField->text().trimmed();
    if (field.isEmpty())
        return;
    toggleField(field, true);
    m_menu->close();
}
