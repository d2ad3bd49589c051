#include "jamfprivilegepicker.h"

#include "jamfprivilegemodel.h"
#include "jamfprivileges.h"

#include <QLabel>
#include <QLineEdit>
#include <QTreeView>
#include <QVBoxLayout>

JamfPrivilegePicker::JamfPrivilegePicker(QWidget *parent)
    : QWidget(parent)
    , m_model(new JamfPrivilegeModel(this))
    , m_filter(new JamfPrivilegeFilter(this))
    , m_search(new QLineEdit)
    , m_tree(new QTreeView)
    , m_count(new QLabel)
{
    m_search->setObjectName(QStringLiteral("filter"));
    m_search->setAccessibleName(tr("Filter privileges"));
    m_search->setPlaceholderText(tr("Filter privileges, e.g. \"read computers\""));
    m_search->setClearButtonEnabled(true);
    m_filter->setSourceModel(m_model);
    m_tree->setObjectName(QStringLiteral("privileges"));
    m_tree->setAccessibleName(tr("Privileges"));
    m_tree->setAccessibleDescription(tr("Check the privileges the role grants"));
    m_tree->setModel(m_filter);
    m_tree->setHeaderHidden(true);
    m_tree->setUniformRowHeights(true);
    m_count->setObjectName(QStringLiteral("selectedCount"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_count);

    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setText(text);
        if (!text.trimmed().isEmpty())
            m_tree->expandAll(); // what matches is what the user wants to see
    });
    connect(m_model, &JamfPrivilegeModel::selectionChanged, this, [this](int count) {
        updateCount(count);
        Q_EMIT selectionChanged(count);
    });
    updateCount(m_model->selectedCount());
}

QStringList JamfPrivilegePicker::selected() const
{
    return m_model->selected();
}

void JamfPrivilegePicker::setSelected(const QStringList &privileges)
{
    m_model->setSelected(privileges);
    updateCount(m_model->selectedCount());
    // Show what was chosen: the groups holding selected privileges open, the others closed.
    for (int row = 0; row < m_filter->rowCount(); ++row) {
        const QModelIndex group = m_filter->index(row, 0);
        m_tree->setExpanded(group, group.data(JamfPrivilegeModel::SelectedCountRole).toInt() > 0);
    }
}

void JamfPrivilegePicker::setCatalogue(const QStringList &privileges)
{
    const QStringList kept = m_model->selected();
    m_model->setCatalogue(privileges);
    setSelected(kept); // names the server does not list stay visible
}

void JamfPrivilegePicker::updateCount(int count)
{
    m_count->setText(tr("%1 selected").arg(JamfPrivileges::countText(count)));
}
