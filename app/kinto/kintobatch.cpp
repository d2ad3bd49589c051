#include "kintobatch.h"

#include "kintobatchjob.h"
#include "kintoclient.h"

KintoBatch::KintoBatch(KintoClient *client)
    : m_client(client)
{
}

void KintoBatch::append(const HttpRequest &request, const ApiError &error, Operation op)
{
    if (error) {
        if (!m_error)
            m_error = error;
        return;
    }
    QJsonObject sub { { QLatin1String("method"), QString::fromLatin1(request.method()) },
                      { QLatin1String("path"), request.path() } };
    if (request.bodyKind() == HttpRequest::BodyKind::Json)
        sub.insert(QLatin1String("body"), request.jsonBody());
    QJsonObject headers;
    for (const auto &header : request.headers())
        headers.insert(QString::fromLatin1(header.first), QString::fromLatin1(header.second));
    // The batch body is JSON; a merge or JSON patch names its own type in the sub-request.
    if (request.bodyKind() == HttpRequest::BodyKind::Json && request.contentType() != "application/json")
        headers.insert(QStringLiteral("Content-Type"), QString::fromLatin1(request.contentType()));
    if (!headers.isEmpty())
        sub.insert(QLatin1String("headers"), headers);
    op.request = sub;
    m_ops.append(op);
}

static ApiError noClient()
{
    return ApiError(ApiError::Kind::Invalid, KintoClient::tr("The batch's Kinto client is gone."));
}

KintoBatch &KintoBatch::create(const KintoRef &ref, const QJsonObject &data, const KintoWrite &write)
{
    if (!m_client) {
        append({}, noClient(), {});
        return *this;
    }
    const KintoClient::Prepared p = m_client->prepareCreate(ref, data, write);
    Operation op;
    op.existsIsFine = write.ifNotExists;
    append(p.request, p.error, op);
    return *this;
}

KintoBatch &KintoBatch::update(const KintoRef &ref, const QJsonObject &data, const KintoWrite &write)
{
    if (!m_client) {
        append({}, noClient(), {});
        return *this;
    }
    const KintoClient::Prepared p = m_client->prepareUpdate(ref, data, write);
    append(p.request, p.error, {});
    return *this;
}

static ApiError jsonPatchRefused(qsizetype index)
{
    return ApiError(ApiError::Kind::Invalid,
        KintoClient::tr("Batch operation #%1: a batch sub-request body must be a JSON object, so a JSON-patch cannot "
                        "go in a batch (Kinto answers 400); send it as a request of its own.").arg(index + 1));
}

KintoBatch &KintoBatch::patch(const KintoRef &ref, const KintoPatch &patch, const KintoWrite &write)
{
    if (!m_client) {
        append({}, noClient(), {});
        return *this;
    }
    if (patch.type == KintoPatch::Type::Json) {
        append({}, jsonPatchRefused(m_ops.size()), {});
        return *this;
    }
    const KintoClient::Prepared p = m_client->preparePatch(ref, patch, write);
    append(p.request, p.error, {});
    return *this;
}

KintoBatch &KintoBatch::remove(const KintoRef &ref, const KintoWrite &write)
{
    if (!m_client) {
        append({}, noClient(), {});
        return *this;
    }
    const KintoClient::Prepared p = m_client->prepareRemove(ref, write);
    Operation op;
    op.missingIsFine = write.ifExists;
    op.bucket = ref.type == KintoEndpoint::Bucket;
    append(p.request, p.error, op);
    return *this;
}

KintoBatch &KintoBatch::removeAll(const KintoRef &plural, const KintoWrite &write)
{
    if (!m_client) {
        append({}, noClient(), {});
        return *this;
    }
    const KintoClient::Prepared p = m_client->prepareRemove(plural, write);
    append(p.request, p.error, {});
    return *this;
}

KintoBatch &KintoBatch::add(const QJsonObject &request)
{
    const QString method = request.value(QLatin1String("method")).toString().toUpper();
    const QString path = request.value(QLatin1String("path")).toString();
    if (method.isEmpty() || !path.startsWith(QLatin1Char('/'))) {
        if (!m_error)
            m_error = ApiError(ApiError::Kind::Invalid,
                KintoClient::tr("Batch request #%1 needs a method and a path starting with '/'.").arg(m_ops.size() + 1));
        return *this;
    }
    if (request.contains(QLatin1String("body")) && !request.value(QLatin1String("body")).isObject()) {
        if (!m_error)
            m_error = jsonPatchRefused(m_ops.size());
        return *this;
    }
    Operation op;
    op.request = request;
    op.request.insert(QLatin1String("method"), method);
    m_ops.append(op);
    return *this;
}

QJsonArray KintoBatch::requests() const
{
    QJsonArray list;
    for (const Operation &op : m_ops)
        list.append(op.request);
    return list;
}

KintoBatchJob *KintoBatch::send() const
{
    return new KintoBatchJob(m_client, m_ops, m_client ? m_error : noClient());
}
