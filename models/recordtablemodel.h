#pragma once

#include "kintoclient.h"
#include "kintotypes.h"
#include "net/apierror.h"
#include "pagedlistmodel.h"

#include <QByteArrayView>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QPointer>
#include <QStringList>

Q_DECLARE_LOGGING_CATEGORY(lcRecordModel) // "tenantdesk.models.records"

// The records of one Kinto collection as a lazy table (a PagedListModel over Kinto's Next-Page):
// pages are fetched as a view scrolls (canFetchMore/fetchMore), one page request at a time, and
// held compactly, so a 100,000 record collection costs about its JSON size once every page has
// been seen.
//
// Loading (reload()): the collection object first (for its displayFields, schema and default
// sort), then the total (HEAD, Total-Objects) and the first page together. Sorting and filtering
// are the server's: sort() and setFilters() reset the rows and load them again with `_sort` and
// the filters; total() is then the filtered count. The model never builds HTTP requests: it asks
// its KintoClient (not owned; a destroyed client leaves the model as it is, fetching nothing).
//
// Columns: setColumns() if called, else the collection's displayFields, else the top-level
// properties of its JSON schema (uiSchema "ui:order" first, then by name), else id; last_modified
// is added after displayFields or schema columns, as Kinto Admin shows it. Dotted paths name
// sub-fields ("address.city").
//
// Errors: a failed request emits error(); rows already loaded stay, and a failed page can be
// asked again with fetchMore(): it resumes from that page's Next-Page link, so records written
// meanwhile neither repeat nor hide rows already held.
class RecordTableModel : public PagedListModel
{
    Q_OBJECT
public:
    // Typed values for views, proxies and the features working on records.
    enum Role {
        RecordIdRole = Qt::UserRole, // QString, the record's id (any column)
        RecordRole,                  // QJsonObject, the whole record (any column)
        RawValueRole,                // QJsonValue of the cell's field (undefined when absent)
        LastModifiedRole,            // qint64, the record's last_modified (any column)
    };
    Q_ENUM(Role)

    static constexpr int DefaultPageSize = 200;

    // Starts loading at once (from the event loop; see reload()).
    RecordTableModel(KintoClient *client, const QString &bucket, const QString &collection,
                     QObject *parent = nullptr);
    ~RecordTableModel() override;

    KintoClient *client() const { return m_client; }
    QString bucket() const { return m_bucket; }
    QString collection() const { return m_collection; }

    // Records per page request (_limit): setPageSize(), DefaultPageSize unless set; takes effect
    // at the next reset. total(): records matching the filters on the server, -1 while unknown.
    // lastError(): the last failed page, cleared by the next one that arrives.

    // A request of this model is in flight (the collection, the count or a page).
    bool isLoading() const;

    // The collection object's data (schema, displayFields, ...), empty until it arrives or if it
    // could not be read.
    QJsonObject collectionData() const { return m_collectionData; }
    QJsonObject schema() const { return m_collectionData.value(QLatin1String("schema")).toObject(); }

    // The shown fields, in order (columns()). setColumns() replaces them (dotted paths allowed;
    // empty entries and duplicates dropped); the user's choice survives reloads.
    void setColumns(const QStringList &fields);
    // Fields worth offering for columns and filters: id, last_modified, displayFields, the schema's
    // properties (with one level of nested objects as dotted paths) and the top-level fields of
    // the records loaded so far, without duplicates.
    QStringList knownFields() const;

    // The _sort parameter in use: "field" or "-field"; empty = the server's default.
    QString sortParameter() const { return m_sort; }
    // Sorts by a field on the server and loads again (a no-op when unchanged).
    void setSortParameter(const QString &sort);
    QList<KintoFilter> filters() const { return m_filters; }
    // Server-side filters: resets and loads the matching records and their count.
    void setFilters(const QList<KintoFilter> &filters);

    // What the user chose for this collection's rows, to carry to another model of the same
    // collection (a page shown again): columns (empty = the collection's defaults), sort (empty =
    // the collection's own order) and filters. applyChoices() loads the rows again with them.
    struct Choices
    {
        QStringList columns;
        QString sort;
        QList<KintoFilter> filters;
    };
    Choices choices() const;
    void applyChoices(const Choices &choices);

    // Helpers for the features working on selected rows. Out of range: empty.
    QString recordId(int row) const;
    QJsonObject record(int row) const;
    // The row of a loaded record, or -1 (a linear scan).
    int rowOfId(const QString &id) const;
    // Replaces the loaded record with the same id in place (after an edit); a record not loaded
    // (just created) is inserted as the first row and counted in total().
    void updateRecord(const QJsonObject &record);
    // Removes the loaded rows of these ids (after a delete) and lowers total() by as many.
    void removeRecordIds(const QStringList &ids);
    // Loads everything again: the collection object, the count and the first page. Loaded rows
    // are dropped; columns chosen with setColumns() are kept.
    void reload() override;

    // The quick filter's view of a loaded row: its id and the display text of every shown column,
    // case-folded, in UTF-8, each followed by SearchSeparator. Kept up to date as pages arrive and
    // rows change or go (so a filter over 100,000 rows decodes no record); after a change of
    // columns it is rebuilt for every row on the next call. Out of range: empty.
    static constexpr char SearchSeparator = '\x1f';
    QByteArrayView searchText(int row) const;
    // Memory held by the search texts (text, headers and list slots; an estimate of the heap).
    qint64 searchTextBytes() const;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    // Asks the server for this column's order ("field" or "-field") and loads again.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

Q_SIGNALS:
    // (totalChanged, loadedCountChanged and columnsChanged come from PagedListModel.)
    // The collection object arrived (or could not be read): columns and knownFields() are set.
    void collectionLoaded();
    void loadingChanged(bool loading);
    // A request failed; the model stays usable (fetchMore() retries a failed page).
    void error(const ApiError &error);

private:
    void fetchCollection();
    void onCollection(Job *job);
    void applyDefaultColumns();
    void startCount();
    void startPages();
    void samplePageFields();
    void cancelCollectionAndCount(bool collectionToo);
    // Cancels the count and pages, drops the rows and loads them again (sort or filters changed).
    void restartRows();
    void fail(const ApiError &error);
    void updateLoading();
    QJsonValue cell(int row, int column) const;
    void pageArriving(int first, const QList<QJsonObject> &objects) override;
    QByteArray buildSearchText(const QJsonObject &record) const;
    void indexRows(int first, int last);
    void rebuildSearchTexts() const;

    QPointer<KintoClient> m_client;
    QString m_bucket;
    QString m_collection;

    QPointer<Job> m_collectionJob;
    QPointer<Job> m_countJob;
    bool m_loading = false;

    QJsonObject m_collectionData;
    bool m_userColumns = false;
    QStringList m_seenFields; // top-level fields of loaded records (from the first page)
    QString m_sort;
    bool m_userSort = false;
    QList<KintoFilter> m_filters;
    // searchText() of each loaded row; stale after a change of columns (rebuilt on demand).
    mutable QList<QByteArray> m_searchTexts;
    mutable bool m_searchStale = false;
    QList<QByteArray> m_arrivingTexts; // of the page being inserted (pageArriving)
    int m_arrivingFirst = -1;
};
