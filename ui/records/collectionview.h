#pragma once

#include "net/apierror.h"
#include "recordtablemodel.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <QWidget>

class ColumnChooser;
class FilterBar;
class KintoClient;
class QAction;
class QLabel;
class QLineEdit;
class QTableView;
class QToolBar;
class RecordFilterProxy;

// The records of one Kinto collection: a lazy table ("recordsView", rows loaded as it scrolls),
// a quick text filter over the loaded rows ("quickFilter"), a filter bar ("filterBar") whose
// Apply asks the server, a column chooser, header clicks that sort on the server, and a status
// line ("statusLabel": "Showing N of TOTAL records").
//
// The view does no writes itself: its actions emit the *Requested signals, which the record
// editor, deletion and other features connect to; they then call model()->updateRecord(),
// removeRecordIds() or reload(). Other features add their actions with addToolBarAction() or
// addMenuAction(). The table's context menu ("recordsContextMenu") holds every one of them.
class CollectionView : public QWidget
{
    Q_OBJECT
public:
    // client: not owned, must outlive the view (a session's client does).
    CollectionView(KintoClient *client, const QString &bucket, const QString &collection, QWidget *parent = nullptr);

    RecordTableModel *model() const { return m_model; }
    RecordFilterProxy *proxy() const { return m_proxy; }
    QTableView *tableView() const { return m_table; }
    FilterBar *filterBar() const { return m_filterBar; }
    KintoClient *client() const { return m_client; }
    QString bucket() const;
    QString collection() const;

    // The ids and records of the selected rows, top to bottom.
    QStringList selectedIds() const;
    QList<QJsonObject> selectedRecords() const;
    // Appends a feature's action to the toolbar (not owned; give it a parent).
    void addToolBarAction(QAction *action);
    // Appends an action to the table's context menu only (shown elsewhere, e.g. on the page).
    void addMenuAction(QAction *action);

    QString statusText() const;

    // What the user set up in the view, for a later view of the same collection (a page shown
    // again): the rows' filters, order and columns, the quick filter, whether the filter bar shows.
    struct State
    {
        RecordTableModel::Choices rows;
        QString quickFilter;
        bool filterBarShown = false;
    };
    State state() const;
    // Shows `state` and loads the rows with it (call before the first rows arrive).
    void restoreState(const State &state);

Q_SIGNALS:
    void createRequested();
    // Double-click or Enter on a row, or the Edit action.
    void editRequested(const QString &id);
    void duplicateRequested(const QString &id);
    // The Delete action or key; the receiver confirms and deletes.
    void deleteRequested(const QStringList &ids);
    void selectionChanged(const QStringList &ids);

private:
    void updateStatus();
    void updateActions();
    void updateFiltersText();
    void syncSortIndicator();
    void onSortIndicatorChanged(int column, Qt::SortOrder order);

    KintoClient *m_client;
    RecordTableModel *m_model;
    RecordFilterProxy *m_proxy;
    QToolBar *m_toolBar;
    QLineEdit *m_quickFilter;
    FilterBar *m_filterBar;
    ColumnChooser *m_columns;
    QTableView *m_table;
    QLabel *m_status;
    QAction *m_editAction;
    QAction *m_duplicateAction;
    QAction *m_deleteAction;
    QAction *m_filtersAction;
    QList<QAction *> m_menuOnly; // context menu entries after the toolbar's
    ApiError m_error; // the last failure, shown until the next page arrives
    bool m_syncingHeader = false;
    bool m_columnsSized = false;
};
