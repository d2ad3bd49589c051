#pragma once

#include "kintorecordset.h"
#include "net/apierror.h"
#include "pagestrategy.h"

#include <QAbstractTableModel>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QPointer>
#include <QStringList>

#include <memory>
#include <optional>

// The base of every server-backed table: the rows of one listing, fetched page by page from a
// PageStrategy it is handed (it never builds requests), shown in columns named by field paths.
//
// Paging: reload() drops the rows and asks for the first page; every further page comes through
// fetchMore(), one page in flight at a time, and is inserted in one beginInsertRows range.
// canFetchMore() is true as soon as the page is in (a view may ask from rowsInserted()).
// Failures: a failed page sets lastError() and emits pageFailed(); rows already loaded stay, and
// fetchMore() asks for the same page again (no earlier page is read twice), waiting RetryIntervalMs
// after the failure so a view asking at once does not hammer the server. The next page that
// arrives clears lastError().
// Rows: JSON objects held compactly (KintoRecordSet, close to their JSON size); non-object items
// are dropped. total(): the listing's size when the strategy reports one, the rows once the last
// page is in, else -1; subclasses may set it (a count of their own).
// Columns: dotted field paths ("address.city"); DisplayRole shows displayText() of the value.
class PagedListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    static constexpr int RetryIntervalMs = 500;

    explicit PagedListModel(QObject *parent = nullptr);
    ~PagedListModel() override;

    // The page source, owned. Replacing it cancels the page in flight; rows stay until reload().
    void setStrategy(std::unique_ptr<PageStrategy> strategy);
    PageStrategy *strategy() const { return m_strategy.get(); }
    // Items per page asked (PageRequest::pageSize); 0 = the server's default. Takes effect at the
    // next reload().
    void setPageSize(int pageSize) { m_pageSize = qMax(0, pageSize); }
    int pageSize() const { return m_pageSize; }
    // The user's page size (Preferences::pageSize), for every model of the process; 0 = none (the
    // default). A model whose server takes a page size (pageSize() > 0) asks for this many instead
    // from its next reload() on; the others keep letting the server choose.
    static void setPreferredPageSize(int pageSize);
    static int preferredPageSize();
    // A model with pageSize() 0 whose server takes a page size all the same: it asks for the
    // preferred page size when there is one, else lets the server choose. Default false.
    void setTakesPreferredPageSize(bool takes) { m_takesPreferred = takes; }
    // What the next reload() asks for: the preferred page size where it applies, else pageSize().
    int effectivePageSize() const;

    // Drops the rows (a model reset when there were any) and asks for the first page. Subclasses
    // that load more (a count, a parent object) override it and call this for the rows.
    virtual void reload();
    // Cancels the page in flight (if any) and drops the rows; nothing is fetched until reload().
    void clear();

    int loadedCount() const { return int(m_rows.size()); }
    qint64 total() const { return m_total; }
    // Every page has arrived.
    bool isComplete() const { return m_complete; }
    // A page request is in flight (or a retry is waiting to be sent).
    bool isFetching() const { return m_fetching; }
    // The last failure, cleared by the next page that arrives.
    ApiError lastError() const { return m_lastError; }

    QStringList columns() const { return m_columns; }
    // The row's object; empty out of range.
    QJsonObject rowObject(int row) const;
    // A field of a row (dotted paths allowed); undefined when absent or out of range.
    QJsonValue value(int row, const QString &field) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // The text a cell shows for a JSON value: numbers without exponent when whole, objects and
    // arrays as compact JSON (cut at 200 characters); `field` last_modified as a local time.
    static QString displayText(const QJsonValue &value, const QString &field);
    // Compact JSON of an object or array, cut at `limit` characters with an ellipsis.
    static QString compactJson(const QJsonValue &value, int limit);

Q_SIGNALS:
    // A page arrived and its rows are in the model (emitted after the insert, also when empty).
    void pageLoaded();
    // A page failed (never for a cancelled one); fetchMore() asks for it again.
    void pageFailed(const ApiError &error);
    void fetchingChanged(bool fetching);
    void totalChanged(qint64 total);
    // Rows were added or removed (pages, edits, resets).
    void loadedCountChanged(int loaded);
    void columnsChanged(const QStringList &columns);

protected:
    // Replaces the columns: removals and appends keep the rows (and a view's scroll position and
    // selection); any other change resets the model. Emits columnsChanged() when they changed.
    void setColumnFields(const QStringList &columns);
    void setTotal(qint64 total);
    const KintoRecordSet &rows() const { return m_rows; }
    // Row edits for subclasses (after a create, update or delete); each emits its model signals
    // and loadedCountChanged() where rows come or go. total() is left to the caller.
    void replaceRow(int row, const QJsonObject &object);
    void insertRowAt(int row, const QJsonObject &object);
    void removeRowRange(int first, int count);
    // The row of the object whose "id" is `id`, or -1 (linear).
    int rowOfIdField(const QString &id) const;
    // A page's objects are about to be inserted at `first` (before rowsAboutToBeInserted), for
    // subclasses that derive data from rows while they are still decoded. Default: nothing.
    virtual void pageArriving(int first, const QList<QJsonObject> &objects);

private:
    void send(const PageRequest &request);
    void onPageFinished(Job *job);
    void setFetching(bool fetching);
    void cancelPage();

    std::unique_ptr<PageStrategy> m_strategy;
    QPointer<Job> m_job;                // the page in flight
    PageRequest m_request;              // the page in flight, or the one that failed
    std::optional<PageRequest> m_next;  // the page fetchMore() asks for; nullopt = none (yet)
    int m_pageSize = 0;
    bool m_takesPreferred = false;
    bool m_fetching = false;
    bool m_complete = false;
    QElapsedTimer m_failedAt;
    ApiError m_lastError;
    KintoRecordSet m_rows;
    qint64 m_total = -1;
    QStringList m_columns;
    int m_generation = 0; // bumped by cancelPage(): a delayed retry of an older listing is dropped
};
