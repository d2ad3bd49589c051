// KintoClient's errors told in terms of the object a call addressed (see kintoclient.h).
#include "kintoclient.h"

#include "net/httpjob.h"

QString KintoClient::describe(const KintoRef &ref) const
{
    const QString bucket = bucketOr(ref.bucket);
    switch (ref.type) {
    case KintoEndpoint::Bucket: return tr("bucket %1").arg(bucket);
    case KintoEndpoint::Group: return tr("group %1 of %2").arg(ref.id, bucket);
    case KintoEndpoint::Collection: return tr("collection %1 of %2").arg(collectionOr(ref.collection), bucket);
    case KintoEndpoint::Record:
    case KintoEndpoint::Attachment: return tr("record %1 of %2/%3").arg(ref.id, bucket, collectionOr(ref.collection));
    default: return endpoint(ref);
    }
}

ApiError KintoClient::explain(const KintoRef &ref, Operation operation, const ApiError &error) const
{
    const int status = error.httpStatus();
    ApiError::Kind kind = error.kind();
    QString message;
    if (status == 404) {
        // Kinto names what is missing in details: the object itself or one of its parents.
        const QJsonObject details = error.details().toObject();
        const QString resource = details.value(QLatin1String("resource_name")).toString();
        const QString id = details.value(QLatin1String("id")).toString();
        KintoRef missing = ref;
        if (resource == QLatin1String("bucket") && ref.type != KintoEndpoint::Bucket)
            missing = KintoRef::ofBucket(id.isEmpty() ? bucketOr(ref.bucket) : id);
        else if (resource == QLatin1String("collection") && ref.type != KintoEndpoint::Collection)
            missing = KintoRef::ofCollection(bucketOr(ref.bucket), id.isEmpty() ? collectionOr(ref.collection) : id);
        message = tr("%1 not found").arg(describe(missing));
    } else if (status == 412) {
        message = operation == Operation::Create ? tr("%1 already exists").arg(describe(ref))
                                                 : tr("%1 was modified meanwhile").arg(describe(ref));
    } else if (status == 403 && ref.type == KintoEndpoint::Bucket
               && (operation == Operation::Read || operation == Operation::Delete)) {
        kind = ApiError::Kind::NotFound;
        message = operation == Operation::Read
            ? tr("bucket %1 does not exist, or you may not read it").arg(bucketOr(ref.bucket))
            : tr("bucket %1 does not exist, or you may not delete it").arg(bucketOr(ref.bucket));
    } else {
        return error;
    }
    ApiError named(kind, message, status);
    named.setServiceCode(error.serviceCode());
    named.setDetails(error.details());
    return named;
}

void KintoClient::relayNamed(Job *job, const HttpRequest &request, const KintoRef &ref, Operation operation)
{
    chain(job, request, [this, job, ref, operation](HttpJob *http) {
        if (http->hasError())
            job->fail(explain(ref, operation, http->error()));
        else
            job->succeed(http->result());
    });
}
