#pragma once

#include "jamflistmodel.h"

#include <QJsonObject>
#include <QWidget>

class JamfClient;
class QAction;
class QLabel;
class QTableView;

// A Jamf Pro tenant's "API Roles" or "API Clients" folder as a page: a toolbar (New, Edit,
// Enable/Disable and Rotate secret for clients, Delete, Reload), the table (JamfListModel, a page at a
// time) with the row actions in its context menu, Enter to edit and the Delete key to delete, and a
// status line. The page only shows and asks: the actions are carried out by whoever listens to its
// signals (JamfNavigator), which calls reload() after a change. Row signals carry the row's object
// as the server sent it.
class JamfListPage : public QWidget
{
    Q_OBJECT
public:
    // `client` is not owned (the tenant session's).
    JamfListPage(JamfClient *client, const QString &tenantId, JamfListModel::Kind kind, QWidget *parent = nullptr);

    QString tenantId() const { return m_tenantId; }
    JamfListModel::Kind kind() const { return m_model->kind(); }
    JamfListModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    // The current row's object; empty when no row is selected.
    QJsonObject selectedObject() const;
    // Reads the listing again from its first page (the selection is dropped).
    void reload();

Q_SIGNALS:
    void createRequested();
    void editRequested(const QJsonObject &object);
    void toggleRequested(const QJsonObject &client);
    void rotateRequested(const QJsonObject &client);
    void deleteRequested(const QJsonObject &object);

private:
    void updateActions();
    void showStatus();

    QString m_tenantId;
    JamfListModel *m_model;
    QTableView *m_table;
    QLabel *m_status;
    QAction *m_edit;
    QAction *m_toggle = nullptr;
    QAction *m_rotate = nullptr;
    QAction *m_delete;
};
