#pragma once

#include "kintoobjectdialog.h"

// Creates a bucket (empty `bucket`) or edits one (its data as listed): the id and its attributes
// as JSON. See KintoObjectDialog for how saving behaves.
class BucketDialog : public KintoObjectDialog
{
    Q_OBJECT
public:
    BucketDialog(KintoClient *client, const QJsonObject &bucket, QWidget *parent = nullptr);

protected:
    void writeFields(QJsonObject &) const override {}
};
