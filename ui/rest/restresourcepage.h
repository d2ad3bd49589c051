#pragma once

#include "restresource.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;
class QToolButton;
class RestClient;
class RestItemModel;

// The items of one REST resource: a table over a RestItemModel (columns from the item schema, else
// the items' keys; the "Columns" menu shows and hides them), filled a page at a time ("Load more",
// or scrolling to the end, asks for the next page), with New, Edit (RestItemEditor: form and raw
// JSON) and Delete (asked first, through Prompt). The client is not owned. Object names for tests:
// "items", "loadMore", "columns" (its menu's actions are checkable, one per column, named
// "column:<field>"), "newItem", "editItem", "deleteItem", "status".
class RestResourcePage : public QWidget
{
    Q_OBJECT
public:
    RestResourcePage(RestClient *client, const RestResource &resource, QWidget *parent = nullptr);

    // Drops the rows and asks for the first page.
    void reload();
    RestItemModel *model() const { return m_model; }
    QJsonObject itemAt(int row) const;
    int itemCount() const;
    // The editor opened by New or Edit (for tests), or nullptr.
    QWidget *openEditor() const { return m_editor; }

Q_SIGNALS:
    // A page arrived (or failed: `ok` false, the message in the status line).
    void pageLoaded(bool ok);
    void itemDeleted(bool ok);

private:
    void showCount();
    void fillColumnsMenu();
    void edit(const QJsonObject &item);
    void removeCurrent();

    QPointer<RestClient> m_client;
    RestResource m_resource;
    RestItemModel *m_model;
    QTableView *m_table;
    QLabel *m_status;
    QPushButton *m_loadMore;
    QToolButton *m_columns;
    QPointer<QWidget> m_editor;
};
