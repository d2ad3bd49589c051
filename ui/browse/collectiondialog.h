#pragma once

#include "kintoobjectdialog.h"

class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class StringListEdit;

// Creates a collection of `bucket` (empty `collection`) or edits one, with Kinto Admin's fields:
// id, JSON schema (checked as JSON before sending, errors at line and column; empty = no schema),
// displayFields (the record list's columns), sort (the record list's default order) and
// cache_expires (seconds; "Not set" leaves it out), plus any other attributes as JSON.
class CollectionDialog : public KintoObjectDialog
{
    Q_OBJECT
public:
    CollectionDialog(KintoClient *client, const QString &bucket, const QJsonObject &collection,
                     QWidget *parent = nullptr);

protected:
    QStringList validateFields() override;
    void writeFields(QJsonObject &data) const override;

private:
    QPlainTextEdit *m_schema;
    StringListEdit *m_displayFields;
    QLineEdit *m_sort;
    QSpinBox *m_cacheExpires;
};
