#include "oauth2signin.h"

#include "loopbackredirectlistener.h"
#include "oauth2auth.h"

#include <QTimer>

OAuth2SignIn::OAuth2SignIn(OAuth2Auth *auth, OpenUrl openUrl, QObject *parent)
    : Job(parent)
    , m_auth(auth)
    , m_openUrl(std::move(openUrl))
{
}

OAuth2SignIn::~OAuth2SignIn() = default;

void OAuth2SignIn::start(int timeoutMs)
{
    const QUrl configured = m_auth->settings().redirectUri;
    const bool loopback = configured.scheme() == QLatin1String("http")
        && (configured.host() == QLatin1String("127.0.0.1") || configured.host() == QLatin1String("localhost"));
    m_listener = new LoopbackRedirectListener(loopback && !configured.path().isEmpty() ? configured.path() : QStringLiteral("/callback"));
    m_listener->setAutoDelete(false);
    m_listener->setParent(this);
    QString error;
    if (!m_listener->start(loopback ? quint16(std::max(0, configured.port(0))) : 0, timeoutMs, &error)) {
        failLater(ApiError(ApiError::Kind::Invalid, error));
        return;
    }
    addChild(m_listener);
    m_auth->setRedirectUri(m_listener->redirectUri());
    m_pkce = Pkce::generate();
    m_authorizationUrl = m_auth->authorizationRequestUrl({ { QStringLiteral("code_challenge"), m_pkce.challenge },
        { QStringLiteral("code_challenge_method"), QStringLiteral("S256") } });
    connect(m_listener, &Job::finished, this, &OAuth2SignIn::onRedirect);
    QTimer::singleShot(0, this, [this] {
        if (!isFinished())
            m_openUrl(m_authorizationUrl);
    });
}

void OAuth2SignIn::onRedirect()
{
    if (m_listener->hasError()) {
        fail(m_listener->error());
        return;
    }
    if (!m_auth) {
        fail(ApiError(ApiError::Kind::Cancelled, tr("The tenant's session was closed during sign-in.")));
        return;
    }
    QString code, state;
    const ApiError refused = OAuth2Auth::parseRedirect(QUrl(m_listener->result().toString()), &code, &state);
    if (refused) {
        fail(refused);
        return;
    }
    m_auth->exchangeCode(code, state, this, [this](const ApiError &error) {
        if (error)
            fail(error);
        else
            succeed();
    }, { { QStringLiteral("code_verifier"), m_pkce.verifier } });
}

void OAuth2SignIn::doCancel()
{
    if (m_listener)
        m_listener->cancel();
}
