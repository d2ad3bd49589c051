#pragma once

#include <QSortFilterProxyModel>

// Filters a RequestLogModel by text (URL, method, status, tenant: any column), by tenant and by
// outcome. Sorting is left as the log's order (oldest first).
class RequestLogFilter : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    enum class Outcome { Any, Succeeded, Failed, ClientError, ServerError, NoAnswer };
    Q_ENUM(Outcome)

    explicit RequestLogFilter(QObject *parent = nullptr);

    // Only the entries of this tenant (RequestLogEntry::tenant); empty = every tenant.
    void setTenant(const QString &tenant);
    QString tenant() const { return m_tenant; }
    // Failed: an error or a status >= 400; ClientError: 4xx; ServerError: 5xx; NoAnswer: no HTTP
    // status (network error, timeout, cancelled; dry runs excluded).
    void setOutcome(Outcome outcome);
    Outcome outcome() const { return m_outcome; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_tenant;
    Outcome m_outcome = Outcome::Any;
};
