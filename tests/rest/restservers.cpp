#include "restservers.h"

#include <QFile>
#include <QTemporaryDir>

namespace RestServers {

QString dataFile(const QString &name)
{
    return QStringLiteral(TENANTDESK_REST_DATA "/") + name;
}

bool startJsonServer(ExternalServer *server, const QTemporaryDir &dir)
{
    const QString db = dir.filePath(QStringLiteral("db.json"));
    QFile::remove(db);
    if (!QFile::copy(dataFile(QStringLiteral("db.json")), db))
        return false;
    QFile::setPermissions(db, QFile::ReadOwner | QFile::WriteOwner); // json-server writes it
    return server->start(QStringLiteral("json-server"),
        { QStringLiteral("--host"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"), QStringLiteral("{port}"), QStringLiteral("--quiet"), db },
        ExternalServer::freePort());
}

bool startPrism(ExternalServer *server)
{
    return server->start(QStringLiteral("prism"),
        { QStringLiteral("mock"), QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"), QStringLiteral("{port}"),
            dataFile(QStringLiteral("library-openapi.json")) },
        ExternalServer::freePort(), 90000);
}

} // namespace RestServers
