#pragma once

#include "restresource.h"

#include <QJsonArray>
#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;
class RestClient;

// The items of one REST resource: a table (columns from the item schema, else the first items'
// keys), filled a page at a time (RestClient::listPage; "Load more" asks for the next page), with
// New, Edit (RestItemEditor: form and raw JSON) and Delete (asked first, through Prompt).
// The client is not owned. Object names for tests: "items", "loadMore", "newItem", "editItem",
// "deleteItem", "status".
class RestResourcePage : public QWidget
{
    Q_OBJECT
public:
    RestResourcePage(RestClient *client, const RestResource &resource, QWidget *parent = nullptr);

    // Drops the rows and asks for the first page.
    void reload();
    QJsonObject itemAt(int row) const;
    int itemCount() const { return int(m_items.size()); }
    // The editor opened by New or Edit (for tests), or nullptr.
    QWidget *openEditor() const { return m_editor; }

Q_SIGNALS:
    // A page arrived (or failed: `ok` false, the message in the status line).
    void pageLoaded(bool ok);
    void itemDeleted(bool ok);

private:
    void fetch();
    void appendRows(const QJsonArray &items);
    void edit(const QJsonObject &item);
    void removeCurrent();

    QPointer<RestClient> m_client;
    RestResource m_resource;
    QJsonArray m_items;
    QStringList m_columns;
    QString m_next;
    bool m_fetching = false;
    QTableWidget *m_table;
    QLabel *m_status;
    QPushButton *m_loadMore;
    QPointer<QWidget> m_editor;
};
