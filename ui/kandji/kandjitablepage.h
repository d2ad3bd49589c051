#pragma once

#include "kandjilistmodel.h"

#include <QWidget>

class KandjiClient;
class KandjiFilterProxy;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

// A Kandji listing as a filterable table: KandjiListModel (pages fetched as the view scrolls) behind
// KandjiFilterProxy, with a type filter ("typeFilter", hidden for kinds without types), a text filter
// ("textFilter"), the table ("kandjiTable", badges for enforcement and Self Service drawn by
// KandjiBadgeDelegate) and a status line ("kandjiTableStatus": rows loaded of the total, or the
// last error). Library kinds drag their selected rows (copy); nothing else is dragged.
class KandjiTablePage : public QWidget
{
    Q_OBJECT
public:
    KandjiTablePage(KandjiClient *client, KandjiListModel::Kind kind, const QString &blueprintId = {}, QWidget *parent = nullptr);

    KandjiListModel *model() const { return m_model; }
    KandjiFilterProxy *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }

private:
    void updateStatus();

    KandjiListModel *m_model;
    KandjiFilterProxy *m_proxy;
    QComboBox *m_type;
    QLineEdit *m_text;
    QTableView *m_view;
    QLabel *m_status;
};
