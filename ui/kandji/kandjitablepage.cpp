#include "kandjitablepage.h"

#include "kandjibadgedelegate.h"
#include "kandjifilterproxy.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>

KandjiTablePage::KandjiTablePage(KandjiClient *client, KandjiListModel::Kind kind, const QString &blueprintId, QWidget *parent)
    : QWidget(parent)
    , m_model(new KandjiListModel(client, kind, blueprintId, this))
    , m_proxy(new KandjiFilterProxy(this))
    , m_type(new QComboBox(this))
    , m_text(new QLineEdit(this))
    , m_view(new QTableView(this))
    , m_status(new QLabel(this))
{
    m_proxy->setSourceModel(m_model);
    m_type->setObjectName(QStringLiteral("typeFilter"));
    m_type->addItem(tr("All types"), QString());
    const auto choices = m_model->typeChoices();
    for (const auto &[value, label] : choices)
        m_type->addItem(label, value);
    m_type->setVisible(!choices.isEmpty());
    m_text->setObjectName(QStringLiteral("textFilter"));
    m_text->setAccessibleName(tr("Filter by name or id"));
    m_text->setPlaceholderText(tr("Filter by name or id"));
    m_text->setClearButtonEnabled(true);
    connect(m_type, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setTypeFilter(m_type->currentData().toString());
        updateStatus();
    });
    connect(m_text, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setTextFilter(text);
        updateStatus();
    });

    m_view->setObjectName(QStringLiteral("kandjiTable"));
    m_view->setAccessibleName(tr("Items"));
    m_view->setModel(m_proxy);
    m_view->setItemDelegateForColumn(0, new KandjiBadgeDelegate(KandjiListModel::BadgesRole, tr("Self Service"), m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder); // the server's order until a header is clicked
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->verticalHeader()->hide();
    if (kind == KandjiListModel::Kind::Profiles || kind == KandjiListModel::Kind::Scripts || kind == KandjiListModel::Kind::Apps) {
        m_view->setDragEnabled(true);
        m_view->setDragDropMode(QAbstractItemView::DragOnly);
        m_view->setDefaultDropAction(Qt::CopyAction);
    }
    m_status->setObjectName(QStringLiteral("kandjiTableStatus"));
    connect(m_model, &PagedListModel::pageLoaded, this, [this] {
        m_view->resizeColumnToContents(0);
        updateStatus();
    });
    connect(m_model, &PagedListModel::pageFailed, this, &KandjiTablePage::updateStatus);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_type);
    filters->addWidget(m_text, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filters);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);
}

void KandjiTablePage::updateStatus()
{
    if (m_model->lastError().isError()) {
        m_status->setText(tr("Not listed: %1").arg(m_model->lastError().message()));
        return;
    }
    const QString loaded = m_model->total() >= 0 ? tr("%1 of %2 loaded").arg(m_model->loadedCount()).arg(m_model->total())
                                                 : tr("%1 loaded").arg(m_model->loadedCount());
    m_status->setText(m_proxy->rowCount() == m_model->rowCount() ? loaded
                                                                 : tr("%1 shown, %2").arg(m_proxy->rowCount()).arg(loaded));
}
