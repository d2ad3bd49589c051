#pragma once

#include "oauth2auth.h"

#include <QJsonObject>

class HttpClient;
class Job;

// Authorization server metadata (RFC 8414, and OpenID Connect discovery).
namespace OAuth2Metadata {

// GETs <issuer>/.well-known/oauth-authorization-server, then (on 404) .../openid-configuration,
// through `http` (anonymous). The job's result is the metadata object; it fails with Kind::Parse
// when the answer has no token_endpoint or names another issuer.
Job *fetch(HttpClient *http, const QUrl &issuer, QObject *parent = nullptr);

// How to authenticate the client at the token endpoint, as token_endpoint_auth_methods_supported
// says: Basic when client_secret_basic is listed (or the list is absent: RFC 8414's default), else
// form fields when client_secret_post is. False when neither is offered.
bool clientAuthFor(const QJsonObject &metadata, OAuth2Auth::ClientAuth *clientAuth);

// Fills tokenUrl, authorizationUrl and clientAuth from the metadata; false when unusable.
bool apply(const QJsonObject &metadata, OAuth2Auth::Settings *settings, QString *error);

} // namespace OAuth2Metadata
