#pragma once

#include <QString>

class QObject;
class SecretStore;
class TenantRegistry;

// The demo: starts the embedded sandbox servers on loopback (owned by `owner`) with realistic
// content, and adds a tenant for each family that has one to the (throwaway) registry, with its
// secrets in `secrets`: Kinto (as admin and as alice), Jamf Pro (an API client), Kandji (a
// token) and a JSON REST API (a help desk behind an API key, its resources read from its OpenAPI
// document). Returns false with *error set when a server cannot start.
bool startDemo(TenantRegistry &registry, SecretStore &secrets, QObject *owner, QString *error);
