#pragma once

#include "net/job.h"
#include "pkce.h"

#include <QPointer>
#include <QUrl>

#include <functional>

class LoopbackRedirectListener;
class OAuth2Auth;

// Signing in with the authorization-code grant (RFC 6749 §4.1) for a desktop app: a random one-use
// state, PKCE with S256 (RFC 7636), the system browser, and a one-shot loopback listener for the
// redirect (RFC 8252). The browser is opened through the `openUrl` callback, so this stays free of
// GUI code (the UI passes QDesktopServices::openUrl; tests drive a scripted browser).
//
// start() listens on 127.0.0.1 (the port of the auth's redirect URI when it names one, else a free
// port, which then becomes the redirect URI), calls openUrl(authorizationUrl) from the event loop,
// waits for the redirect, checks its state and exchanges the code with the code_verifier. The job
// succeeds once `auth` holds a token (its refreshTokenChanged() tells a new refresh token); it fails
// with Kind::Auth when the server or the user refused, or the state did not match; Kind::Timeout
// when no redirect came in time. `auth` is not owned and must outlive the job.
class OAuth2SignIn : public Job
{
    Q_OBJECT
public:
    using OpenUrl = std::function<void(const QUrl &url)>;

    OAuth2SignIn(OAuth2Auth *auth, OpenUrl openUrl, QObject *parent = nullptr);
    ~OAuth2SignIn() override;

    void start(int timeoutMs = 300'000);
    // Valid once openUrl was called.
    QUrl authorizationUrl() const { return m_authorizationUrl; }

protected:
    void doCancel() override;

private:
    void onRedirect();

    QPointer<OAuth2Auth> m_auth;
    OpenUrl m_openUrl;
    Pkce m_pkce;
    QUrl m_authorizationUrl;
    LoopbackRedirectListener *m_listener = nullptr;
};
