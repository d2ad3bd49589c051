#pragma once

#include "externalserver.h"

class QTemporaryDir;

// The real servers the REST suites run against (tests/servers), started the same way everywhere.
namespace RestServers {

// json-server 0.17.4 on a free port, over a fresh copy of tests/rest/data/db.json in `dir`.
// False (the server's skipReason() says why) when it cannot start.
bool startJsonServer(ExternalServer *server, const QTemporaryDir &dir);

// Prism 5.14.2's mock of tests/rest/data/library-openapi.json on a free port.
bool startPrism(ExternalServer *server);

// The path of a file in tests/rest/data.
QString dataFile(const QString &name);

} // namespace RestServers
