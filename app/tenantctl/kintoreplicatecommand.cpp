// `tenantctl kinto replicate`: kinto-http's replication, over the job the window's "Copy to tenant"
// runs (CopyCollectionJob).
#include "kintocommand.h"

#include "copycollectionjob.h"
#include "kintocli.h"
#include "net/userurl.h"

using namespace KintoCli;

QList<QCommandLineOption> KintoCommand::replicateOptions()
{
    return {
        option(QStringLiteral("to-server"), QStringLiteral("The target server (default: the source's, -s)."), QStringLiteral("URL")),
        option(QStringLiteral("to-auth"),
               QStringLiteral("The target's credentials, as -a (default: $KINTO_TARGET_AUTH, else the source's)."),
               QStringLiteral("AUTH")),
        option(QStringLiteral("to-bucket"), QStringLiteral("The target bucket (default: the source's, -b)."), QStringLiteral("BUCKET")),
        option(QStringLiteral("to-collection"), QStringLiteral("The target collection (default: the source's, -c)."),
               QStringLiteral("COLLECTION")),
    };
}

Job *KintoCommand::startReplicate(QCommandLineParser &parser, QString *error)
{
    const KintoClient::Settings &source = m_client->settings();
    if (source.collection.isEmpty()) {
        *error = QStringLiteral("replicate: give the source collection with -c");
        return nullptr;
    }
    KintoClient::Settings target = source;
    if (isSet(parser, "to-server")) {
        target.serverUrl = UserUrl::parseServerUrl(parser.value(QStringLiteral("to-server")), error);
        if (!target.serverUrl.isValid())
            return nullptr;
    }
    if (isSet(parser, "to-auth"))
        target.auth = parser.value(QStringLiteral("to-auth"));
    else if (qEnvironmentVariableIsSet("KINTO_TARGET_AUTH"))
        target.auth = qEnvironmentVariable("KINTO_TARGET_AUTH");
    if (isSet(parser, "to-bucket"))
        target.bucket = parser.value(QStringLiteral("to-bucket"));
    if (isSet(parser, "to-collection"))
        target.collection = parser.value(QStringLiteral("to-collection"));
    KintoClient *to = m_client->clone([&target](KintoClient::Settings &s) { s = target; }, this);
    if (to->serverUrl() == m_client->serverUrl() && target.bucket == source.bucket && target.collection == source.collection) {
        *error = QStringLiteral("replicate: the target is the source itself (give --to-server, --to-bucket or --to-collection)");
        return nullptr;
    }
    CopyCollectionJob::Options options;
    options.intoExisting = true;
    auto *job = new CopyCollectionJob(m_client.get(), source.bucket, source.collection, to, target.bucket,
                                      target.collection, options, this);
    m_reportOnError = [job] { return QJsonValue(job->summary()); };
    return job;
}
