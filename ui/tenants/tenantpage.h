#pragma once

#include <QList>
#include <QModelIndex>
#include <QWidget>

class QAction;

// The page of a tenant row, for every family: who the server says we are, the connection state
// (with the identity's warnings standing out), the service, URL and capabilities, and buttons for
// the given actions (the family's first, then Reconnect, Edit, Remove). Built from the row's data
// once; the window builds a new one when the row changes.
class TenantPage : public QWidget
{
    Q_OBJECT
public:
    TenantPage(const QModelIndex &tenant, const QList<QAction *> &actions, QWidget *parent = nullptr);

    // What the page shows of a row: when it differs, the page is out of date.
    static QVariant signature(const QModelIndex &tenant);
};
