#include "bucketdialog.h"

BucketDialog::BucketDialog(KintoClient *client, const QJsonObject &bucket, QWidget *parent)
    : KintoObjectDialog(client, KintoRef::ofBucket({}), bucket, parent)
{
    setObjectName(QStringLiteral("bucketDialog"));
    buildForm(tr("bucket"), {});
    resize(520, 360);
}
