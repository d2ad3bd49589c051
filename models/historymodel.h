#pragma once

#include "kintotypes.h"
#include "net/apierror.h"
#include "pagedlistmodel.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QPointer>

#include <optional>

class KintoClient;

// What the history of a bucket is narrowed to. Every field is applied by the server (history.rst:
// the standard filters work on history entries); an empty field filters nothing.
struct HistoryFilter
{
    QString resourceName; // resource_name=bucket|collection|group|record
    QDateTime since;      // _since=<ms>: entries recorded after this moment
    QString user;         // a user id ("account:alice"); with '*' wildcards, a like_ filter
    QString uri;          // an object URI ("/buckets/b/collections/c"); with '*' wildcards, a like_ filter
    QString collectionId; // collection_id=

    bool operator==(const HistoryFilter &) const = default;
};

// The history entries of one bucket (Kinto history plugin), newest first, page by page.
//
// A PagedListModel over Kinto's Next-Page: the model is given a KintoClient and never builds
// requests itself. reload() drops the rows and asks for the first page of the bucket's history
// with the filter; further pages come through fetchMore() (one page in flight at a time, one
// insert range per page; a failed page is asked again by the next fetchMore()). Changing the
// bucket or the filter reloads. Read-only.
class HistoryModel : public PagedListModel
{
    Q_OBJECT
public:
    enum Column { DateColumn, UserColumn, ActionColumn, ResourceColumn, UriColumn, ColumnCount };
    Q_ENUM(Column)

    enum Role {
        EntryRole = Qt::UserRole, // QJsonObject, the whole entry
        DateRole,                 // QDateTime (local), from "date", else from last_modified
        UserIdRole,               // QString, user_id (empty when anonymous)
        ActionRole,               // QString: create, update, delete
        ResourceNameRole,         // QString: bucket, collection, group, record
        UriRole,                  // QString, the object's URI
        TargetDataRole,           // QJsonObject, target.data: the object after the change
        TargetLastModifiedRole,   // qint64, target.data.last_modified
        LastModifiedRole,         // qint64, the entry's own last_modified
    };
    Q_ENUM(Role)

    // client: not owned; it must outlive the model.
    explicit HistoryModel(KintoClient *client, QObject *parent = nullptr);
    ~HistoryModel() override;

    QString bucket() const { return m_bucket; }
    // Sets the bucket and reloads when it changed.
    void setBucket(const QString &bucket);
    HistoryFilter filter() const { return m_filter; }
    // Sets the filter and reloads when it changed.
    void setFilter(const HistoryFilter &filter);
    // Entries per page (_limit): setPageSize(), 200 unless set; 0 = the server's default. Takes
    // effect on the next reload.

    // The listing options of the current filter, without paging or sorting: what a purge with
    // the same filters sends (KintoClient::purgeHistory).
    KintoListOptions filterOptions() const;

    // Drops what is loaded and requests the first page again (nothing without a bucket).
    void reload() override;
    bool isLoading() const { return isFetching(); }
    // lastError(): the error of the last page request, if it failed. isComplete(): every page
    // has arrived.

    // The entry in row, or an empty object when row is out of range.
    QJsonObject entry(int row) const;
    // The newest loaded entry about `uri` (rows are newest first), or nullopt.
    std::optional<QJsonObject> newestEntryFor(const QString &uri) const;
    // How many loaded entries fall on each local day.
    QMap<QDate, int> changesPerDay() const;

    // The entry's moment: "date" (ISO, Python's isoformat: microseconds, maybe no offset = local
    // time), else its last_modified. Invalid when neither is readable.
    static QDateTime entryDate(const QJsonObject &entry);
    // The object addressed by a history URI ("/buckets/b", "/buckets/b/groups/g",
    // "/buckets/b/collections/c", "/buckets/b/collections/c/records/r"); nullopt for anything else.
    static std::optional<KintoRef> refForUri(const QString &uri);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void loadingChanged(bool loading);
    // (pageLoaded(): a page arrived and its rows are in the model, from PagedListModel.)
    // The listing failed; the model keeps what it had loaded.
    void loadFailed(const ApiError &error);

private:
    QPointer<KintoClient> m_client;
    QString m_bucket;
    HistoryFilter m_filter;
};
