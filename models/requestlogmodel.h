#pragma once

#include "net/requestlog.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>

// A table over a RequestLog, newest entry last. The model keeps its own copy of the entries and
// follows the log through its appended/trimmed/cleared signals, so rows are inserted at the end,
// removed from the front when the log trims, and reset when it is cleared. A destroyed log leaves
// the model empty. Read-only.
class RequestLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, MethodColumn, UrlColumn, StatusColumn, DurationColumn, SizeColumn,
                  RetriesColumn, TenantColumn, ColumnCount };
    Q_ENUM(Column)

    // Typed values for views and proxies; the display strings are for people only.
    enum Role {
        EntryIdRole = Qt::UserRole, // quint64, RequestLogEntry::id
        StartedRole,                // QDateTime
        TenantRole,                 // QString, tenant display name (may be empty)
        MethodRole,                 // QString
        UrlRole,                    // QString (redacted by the client)
        StatusRole,                 // int, HTTP status, 0 when there was no HTTP answer
        DurationRole,               // qint64 milliseconds
        BytesInRole,                // qint64
        BytesOutRole,               // qint64
        RetriesRole,                // int
        DryRunRole,                 // bool
        FailedRole,                 // bool: an error, or an HTTP status >= 400
        ErrorRole,                  // QString, empty when the request succeeded
    };
    Q_ENUM(Role)

    // log: not owned, may be null (an empty model).
    explicit RequestLogModel(RequestLog *log, QObject *parent = nullptr);

    RequestLog *requestLog() const { return m_log; }
    // The entry shown in row, or nullptr when row is out of range.
    const RequestLogEntry *entry(int row) const;
    // The tenants (RequestLogEntry::tenant) of the entries held, sorted, without the empty one.
    QStringList tenants() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    static bool isFailed(const RequestLogEntry &entry);
    // "200", "dry run", or "—" when no HTTP answer came.
    static QString statusText(const RequestLogEntry &entry);

private:
    void onAppended(const RequestLogEntry &entry);
    void onTrimmed(int removedFromFront);
    void onCleared();
    QVariant displayData(const RequestLogEntry &entry, int column) const;

    QPointer<RequestLog> m_log;
    QList<RequestLogEntry> m_entries;
};
