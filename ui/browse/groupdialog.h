#pragma once

#include "kintoobjectdialog.h"

class StringListEdit;

// Creates a group of `bucket` (empty `group`) or edits one: its id, its members (principals such
// as "account:alice", "system.Authenticated" or another group's URI) and other attributes.
class GroupDialog : public KintoObjectDialog
{
    Q_OBJECT
public:
    // `suggestions`: principals offered while typing a member (known accounts and groups).
    GroupDialog(KintoClient *client, const QString &bucket, const QJsonObject &group,
                const QStringList &suggestions = {}, QWidget *parent = nullptr);

    QStringList members() const;

protected:
    QStringList validateFields() override;
    void writeFields(QJsonObject &data) const override;

private:
    StringListEdit *m_members;
};
