#pragma once

#include <QString>

class RestService;

// The demo REST tenant's data (RestSandbox::seedDemoData): a help desk with 12 customers, 6 agents
// and 42 tickets, each collection with its schema, behind an API key.
namespace RestDemoData {
inline const QString ApiKey = QStringLiteral("demo-help-desk-key");
// The three collections and their schemas, empty; no API key.
void addCollections(RestService &service);
// The collections filled, and ApiKey required.
void seed(RestService &service);
}
