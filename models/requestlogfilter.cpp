#include "requestlogfilter.h"

#include "requestlogmodel.h"

RequestLogFilter::RequestLogFilter(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setFilterKeyColumn(-1);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
}

void RequestLogFilter::setTenant(const QString &tenant)
{
    if (tenant == m_tenant)
        return;
    m_tenant = tenant;
    invalidateFilter();
}

void RequestLogFilter::setOutcome(Outcome outcome)
{
    if (outcome == m_outcome)
        return;
    m_outcome = outcome;
    invalidateFilter();
}

bool RequestLogFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_tenant.isEmpty() && index.data(RequestLogModel::TenantRole).toString() != m_tenant)
        return false;
    const int status = index.data(RequestLogModel::StatusRole).toInt();
    const bool failed = index.data(RequestLogModel::FailedRole).toBool();
    const bool dryRun = index.data(RequestLogModel::DryRunRole).toBool();
    switch (m_outcome) {
    case Outcome::Any:
        break;
    case Outcome::Succeeded:
        if (failed)
            return false;
        break;
    case Outcome::Failed:
        if (!failed)
            return false;
        break;
    case Outcome::ClientError:
        if (status / 100 != 4)
            return false;
        break;
    case Outcome::ServerError:
        if (status / 100 != 5)
            return false;
        break;
    case Outcome::NoAnswer:
        if (status != 0 || dryRun)
            return false;
        break;
    }
    return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
}
