#include "requestinspector.h"

#include "net/requestlog.h"
#include "requestdetails.h"
#include "requestlogfilter.h"
#include "requestlogmodel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

RequestInspector::RequestInspector(RequestLog *log, QWidget *parent)
    : QWidget(parent)
    , m_log(log)
    , m_model(new RequestLogModel(log, this))
    , m_filter(new RequestLogFilter(this))
    , m_filterText(new QLineEdit(this))
    , m_tenant(new QComboBox(this))
    , m_outcome(new QComboBox(this))
    , m_view(new QTableView(this))
    , m_details(new QPlainTextEdit(this))
    , m_copyCurl(new QAction(tr("Copy as &curl"), this))
    , m_compose(new QAction(tr("&New Request…"), this))
{
    setObjectName(QStringLiteral("requestInspector"));
    m_filter->setObjectName(QStringLiteral("requestLogProxy"));
    m_filter->setSourceModel(m_model);

    m_filterText->setObjectName(QStringLiteral("requestLogFilter"));
    m_filterText->setPlaceholderText(tr("Filter by URL, method, status…"));
    m_filterText->setAccessibleName(tr("Filter the request log"));
    m_filterText->setClearButtonEnabled(true);
    connect(m_filterText, &QLineEdit::textChanged, m_filter, &QSortFilterProxyModel::setFilterFixedString);

    m_tenant->setObjectName(QStringLiteral("requestLogTenant"));
    m_tenant->setAccessibleName(tr("Show the requests of a tenant"));
    m_tenant->addItem(tr("All tenants"), QString());
    connect(m_tenant, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setTenant(m_tenant->currentData().toString()); });

    using Outcome = RequestLogFilter::Outcome;
    m_outcome->setObjectName(QStringLiteral("requestLogOutcome"));
    m_outcome->setAccessibleName(tr("Show the requests with an outcome"));
    m_outcome->addItem(tr("Any status"), QVariant::fromValue(Outcome::Any));
    m_outcome->addItem(tr("Succeeded"), QVariant::fromValue(Outcome::Succeeded));
    m_outcome->addItem(tr("Failed"), QVariant::fromValue(Outcome::Failed));
    m_outcome->addItem(tr("4xx"), QVariant::fromValue(Outcome::ClientError));
    m_outcome->addItem(tr("5xx"), QVariant::fromValue(Outcome::ServerError));
    m_outcome->addItem(tr("No answer"), QVariant::fromValue(Outcome::NoAnswer));
    connect(m_outcome, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setOutcome(m_outcome->currentData().value<Outcome>()); });

    auto *clearButton = new QPushButton(tr("Clear"), this);
    clearButton->setObjectName(QStringLiteral("requestLogClear"));
    clearButton->setToolTip(tr("Remove every entry from the request log"));
    connect(clearButton, &QPushButton::clicked, this, [this] {
        if (m_log)
            m_log->clear();
    });

    m_copyCurl->setObjectName(QStringLiteral("copyAsCurlAction"));
    m_copyCurl->setStatusTip(tr("Copy the selected request as a curl command; secrets are left as %1")
                                 .arg(RequestDetails::SecretPlaceholder));
    m_copyCurl->setEnabled(false);
    connect(m_copyCurl, &QAction::triggered, this, [this] {
        if (const RequestLogEntry *entry = currentEntry())
            QApplication::clipboard()->setText(RequestDetails::curl(*entry));
    });
    m_compose->setObjectName(QStringLiteral("composeRequestAction"));
    m_compose->setStatusTip(tr("Send a request of your own through the current tenant's session"));
    connect(m_compose, &QAction::triggered, this, &RequestInspector::composeRequested);
    auto *copyButton = new QToolButton(this);
    copyButton->setObjectName(QStringLiteral("copyAsCurlButton"));
    copyButton->setDefaultAction(m_copyCurl);
    auto *composeButton = new QToolButton(this);
    composeButton->setObjectName(QStringLiteral("composeRequestButton"));
    composeButton->setDefaultAction(m_compose);

    buildView();

    m_details->setObjectName(QStringLiteral("requestDetails"));
    m_details->setAccessibleName(tr("Details of the selected request"));
    m_details->setReadOnly(true);
    m_details->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_details->setPlaceholderText(tr("Select a request to see its headers and bodies."));

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_filterText, 1);
    bar->addWidget(m_tenant);
    bar->addWidget(m_outcome);
    bar->addWidget(copyButton);
    bar->addWidget(composeButton);
    bar->addWidget(clearButton);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("requestInspectorSplitter"));
    split->addWidget(m_view);
    split->addWidget(m_details);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addLayout(bar);
    layout->addWidget(split, 1);
    setTabOrder(m_filterText, m_tenant);
    setTabOrder(m_tenant, m_outcome);
    setTabOrder(m_outcome, copyButton);
    setTabOrder(copyButton, composeButton);
    setTabOrder(composeButton, clearButton);
    setTabOrder(clearButton, m_view);
    setTabOrder(m_view, m_details);

    connect(m_model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { addTenants(first, last); });
    connect(m_model, &QAbstractItemModel::modelReset, this, &RequestInspector::resetTenants);
    resetTenants();
}

void RequestInspector::buildView()
{
    m_view->setObjectName(QStringLiteral("requestLogView"));
    m_view->setAccessibleName(tr("Requests sent"));
    m_view->setModel(m_filter);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideMiddle);
    m_view->setShowGrid(false);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addAction(m_copyCurl);
    m_view->verticalHeader()->hide();
    // Fixed row heights keep a log of thousands of rows cheap to lay out.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);

    QHeaderView *header = m_view->horizontalHeader();
    header->setHighlightSections(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(RequestLogModel::UrlColumn, QHeaderView::Stretch);
    const QFontMetrics fm = m_view->fontMetrics();
    const auto widthFor = [&fm](const QString &sample) { return fm.horizontalAdvance(sample) + 24; };
    header->resizeSection(RequestLogModel::TimeColumn, widthFor(QStringLiteral("00:00:00.000")));
    header->resizeSection(RequestLogModel::MethodColumn, widthFor(QStringLiteral("DELETE")));
    header->resizeSection(RequestLogModel::StatusColumn, widthFor(QStringLiteral("dry run")));
    header->resizeSection(RequestLogModel::DurationColumn, widthFor(QStringLiteral("Duration")));
    header->resizeSection(RequestLogModel::SizeColumn, widthFor(QStringLiteral("999.9 KiB / 999.9 KiB")));
    header->resizeSection(RequestLogModel::RetriesColumn, widthFor(QStringLiteral("Retries")));
    header->resizeSection(RequestLogModel::TenantColumn, widthFor(QStringLiteral("A tenant name")));

    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &RequestInspector::followNewestRequest);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &RequestInspector::showDetails);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &RequestInspector::showDetails);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &RequestInspector::showDetails);
}

const RequestLogEntry *RequestInspector::currentEntry() const
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return nullptr;
    return m_model->entry(m_filter->mapToSource(current).row());
}

QString RequestInspector::detailsText() const
{
    return m_details->toPlainText();
}

void RequestInspector::showDetails()
{
    const RequestLogEntry *entry = currentEntry();
    m_copyCurl->setEnabled(entry != nullptr);
    if (entry)
        m_details->setPlainText(RequestDetails::text(*entry));
    else
        m_details->clear();
}

void RequestInspector::addTenants(int first, int last)
{
    for (int row = first; row <= last; ++row) {
        const RequestLogEntry *entry = m_model->entry(row);
        if (entry && !entry->tenant.isEmpty() && m_tenant->findData(entry->tenant) < 0)
            m_tenant->addItem(entry->tenant, entry->tenant);
    }
}

void RequestInspector::resetTenants()
{
    // The chosen tenant stays in the list while filtered on, even with no entry left.
    const QString chosen = m_tenant->currentData().toString();
    QStringList names = m_model->tenants();
    if (!chosen.isEmpty() && !names.contains(chosen))
        names.append(chosen);
    const QSignalBlocker blocker(m_tenant);
    while (m_tenant->count() > 1)
        m_tenant->removeItem(1);
    for (const QString &name : std::as_const(names))
        m_tenant->addItem(name, name);
    m_tenant->setCurrentIndex(qMax(0, m_tenant->findData(chosen)));
}

void RequestInspector::followNewestRequest()
{
    // Keep the newest request in view, unless the user scrolled up to read an older one. Several
    // rows inserted in one go are followed once, after the view has laid them out.
    if (m_scrollPending)
        return;
    const QScrollBar *scrollBar = m_view->verticalScrollBar();
    m_followLog = scrollBar->value() >= scrollBar->maximum();
    m_scrollPending = true;
    QTimer::singleShot(0, this, [this] {
        m_scrollPending = false;
        if (m_followLog)
            m_view->scrollToBottom();
    });
}
