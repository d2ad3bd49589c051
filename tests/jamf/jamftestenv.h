#pragma once

// A Jamf session for tests: an HttpClient over its own network manager, authenticated as a user
// account or an API client of a Jamf server (the sandbox, or a real one), and the JamfClient on it.

#include "jamfauth.h"
#include "jamfclient.h"
#include "net/httpclient.h"

#include "testsupport.h"

#include <QNetworkAccessManager>

#include <memory>

struct JamfTestSession
{
    std::unique_ptr<QNetworkAccessManager> nam = std::make_unique<QNetworkAccessManager>();
    std::unique_ptr<HttpClient> http;
    JamfClient *client = nullptr; // owned by http
    JamfTokenAuth *auth = nullptr; // owned by http

    JamfTestSession(const QUrl &server, JamfSettings::Mode mode, const QString &user, const QString &secret)
    {
        http = std::make_unique<HttpClient>(nam.get());
        http->setBaseUrl(server);
        JamfSettings settings;
        settings.serverUrl = server;
        settings.mode = mode;
        settings.user = user;
        auth = createJamfAuth(settings, secret, nam.get());
        http->setAuth(auth);
        client = JamfClient::forSession(http.get());
    }
    // Closes the session (a user token is invalidated on the server, not awaited).
    void close()
    {
        client = nullptr;
        auth = nullptr;
        http.reset();
    }
};

// Awaits a job (60 s at most) into `var` (a TestSupport::Outcome), requiring success or failure.
#define AWAIT_OK(var, expr)                                                                                  \
    const TestSupport::Outcome var = TestSupport::await(expr, 60000);                                        \
    QVERIFY2(var.finished, "the job did not finish in time");                                                \
    QVERIFY2(!var.error, qPrintable(var.error.toString()))

#define AWAIT_FAIL(var, expr)                                                                                \
    const TestSupport::Outcome var = TestSupport::await(expr, 60000);                                        \
    QVERIFY2(var.finished, "the job did not finish in time");                                                \
    QVERIFY2(var.error, "the job succeeded but should have failed")
