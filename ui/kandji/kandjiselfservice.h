#pragma once

#include <QJsonObject>
#include <QWidget>

class KandjiClient;
class QCheckBox;
class QComboBox;

// The Self Service settings shared by the script and app forms: shown in Self Service, its
// category (picked by name from the tenant's categories, loaded when the widget is made) and
// recommended. fields() gives show_in_self_service, self_service_category_id (when shown; the item's
// own category until the list has arrived) and
// self_service_recommended.
class KandjiSelfServiceBox : public QWidget
{
    Q_OBJECT
public:
    KandjiSelfServiceBox(KandjiClient *client, const QJsonObject &item, QWidget *parent = nullptr);

    QJsonObject fields() const;
    bool categoriesLoaded() const { return m_loaded; }

Q_SIGNALS:
    void changed();
    void categoriesReady();

private:
    QCheckBox *m_show;
    QComboBox *m_category;
    QCheckBox *m_recommended;
    QString m_initialCategory;
    bool m_loaded = false;
};
