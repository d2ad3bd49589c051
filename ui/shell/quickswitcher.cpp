#include "quickswitcher.h"

#include "tenanttreemodel.h"

#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace {
constexpr int MaxResults = 200;
const QString Separator = QStringLiteral(" › ");
} // namespace

QuickSwitcher::QuickSwitcher(TenantTreeModel *model, QWidget *parent)
    : QFrame(parent, Qt::Popup)
    , m_model(model)
    , m_search(new QLineEdit(this))
    , m_results(new QListWidget(this))
{
    setObjectName(QStringLiteral("quickSwitcher"));
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(tr("Go to"));

    m_search->setObjectName(QStringLiteral("quickSwitcherSearch"));
    m_search->setPlaceholderText(tr("Go to a tenant or a loaded node…"));
    m_search->setAccessibleName(tr("Search the loaded tenants and nodes"));
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);
    connect(m_search, &QLineEdit::textChanged, this, &QuickSwitcher::updateResults);
    connect(m_search, &QLineEdit::returnPressed, this, &QuickSwitcher::choose);

    m_results->setObjectName(QStringLiteral("quickSwitcherResults"));
    m_results->setAccessibleName(tr("Matching tenants and nodes"));
    m_results->setFocusPolicy(Qt::NoFocus); // typing stays in the search field
    m_results->setUniformItemSizes(true);
    connect(m_results, &QListWidget::itemActivated, this, &QuickSwitcher::choose);

    auto *hint = new QLabel(tr("Only rows already listed in the Tenants panel are found."), this);
    hint->setEnabled(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_search);
    layout->addWidget(m_results, 1);
    layout->addWidget(hint);
    resize(520, 360);
}

int QuickSwitcher::score(const QString &pattern, const QString &text)
{
    if (pattern.isEmpty())
        return 0;
    const int at = text.indexOf(pattern, 0, Qt::CaseInsensitive);
    if (at == 0)
        return 300 - qMin(int(text.size()), 99);
    if (at > 0)
        return 200 - qMin(at, 99);
    // Letters in order; the fewer letters skipped, the higher.
    int gaps = 0;
    qsizetype pos = 0;
    for (const QChar c : pattern) {
        const qsizetype found = text.indexOf(c, pos, Qt::CaseInsensitive);
        if (found < 0)
            return -1;
        gaps += int(found - pos);
        pos = found + 1;
    }
    return 100 - qMin(gaps, 99);
}

void QuickSwitcher::popup()
{
    m_candidates.clear();
    collect(QModelIndex(), QString());
    m_search->clear();
    updateResults();
    if (QWidget *window = parentWidget() ? parentWidget()->window() : nullptr) {
        const QRect area = window->geometry();
        const int width = qMin(560, area.width() - 40);
        resize(width, qMin(400, area.height() - 80));
        move(area.x() + (area.width() - width) / 2, area.y() + 60);
    }
    show();
    raise();
    activateWindow();
    m_search->setFocus(Qt::PopupFocusReason);
}

void QuickSwitcher::collect(const QModelIndex &parent, const QString &path)
{
    // rowCount() never fetches: only what is loaded is offered.
    const int rows = m_model->rowCount(parent);
    for (int row = 0; row < rows; ++row) {
        const QModelIndex index = m_model->index(row, 0, parent);
        if (index.data(TenantTreeModel::NodeKindRole).toString() == TenantTreeModel::MessageKind)
            continue;
        const QString name = index.data(Qt::DisplayRole).toString();
        m_candidates.append({QPersistentModelIndex(index), name, path});
        collect(index, path.isEmpty() ? name : QString(path + Separator + name));
    }
}

void QuickSwitcher::updateResults()
{
    const QString pattern = m_search->text().trimmed();
    struct Hit
    {
        int score;
        const Candidate *candidate;
    };
    QList<Hit> hits;
    for (const Candidate &candidate : std::as_const(m_candidates)) {
        if (!candidate.index.isValid())
            continue;
        // The name counts most; the path lets "prod records" find a collection of tenant "prod".
        int best = score(pattern, candidate.name) * 2;
        const QString full = candidate.path.isEmpty() ? candidate.name : QString(candidate.path + Separator + candidate.name);
        best = qMax(best, score(pattern, full));
        if (best >= 0)
            hits.append({best, &candidate});
    }
    std::stable_sort(hits.begin(), hits.end(), [](const Hit &a, const Hit &b) { return a.score > b.score; });

    m_results->clear();
    for (const Hit &hit : std::as_const(hits).first(qMin(qsizetype(MaxResults), hits.size()))) {
        const Candidate &c = *hit.candidate;
        auto *item = new QListWidgetItem(c.path.isEmpty() ? c.name : tr("%1  —  %2").arg(c.name, c.path));
        item->setData(Qt::UserRole, int(hit.candidate - m_candidates.constData()));
        item->setData(Qt::DecorationRole, c.index.data(Qt::DecorationRole));
        item->setToolTip(c.path.isEmpty() ? c.name : QString(c.path + Separator + c.name));
        m_results->addItem(item);
    }
    if (m_results->count() > 0)
        m_results->setCurrentRow(0);
}

void QuickSwitcher::choose()
{
    const QListWidgetItem *item = m_results->currentItem();
    const int row = item ? item->data(Qt::UserRole).toInt() : -1;
    // The row may have gone since the list was made (a tenant removed, a node refreshed away).
    const QModelIndex index = row >= 0 && row < m_candidates.size() ? QModelIndex(m_candidates.at(row).index) : QModelIndex();
    if (!index.isValid())
        return;
    hide();
    Q_EMIT chosen(index);
}

bool QuickSwitcher::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        const int step = key == Qt::Key_Down ? 1 : key == Qt::Key_Up ? -1 : 0;
        if (step != 0 && m_results->count() > 0) {
            const int row = qBound(0, m_results->currentRow() + step, m_results->count() - 1);
            m_results->setCurrentRow(row);
            return true;
        }
        if (key == Qt::Key_Escape) {
            hide();
            return true;
        }
    }
    return QFrame::eventFilter(watched, event);
}
