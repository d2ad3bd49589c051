#pragma once

#include "authstrategy.h"

#include <QDateTime>
#include <QJsonArray>
#include <QPointer>
#include <QUrl>

class HttpClient;
class QNetworkAccessManager;

// OAuth2 access tokens (the CRUDs library's OAuth2 model): client-credentials, password and
// authorization-code grants, refresh tokens, a token cached until 30 s before it expires, and one
// token request in flight however many requests wait for it (single flight).
//
// Token requests are form-encoded POSTs to tokenUrl. The client authenticates with HTTP Basic
// (client_id:client_secret) by default, or with client_id/client_secret form fields
// (ClientAuth::FormFields, as Jamf Pro wants); refresh-token requests send no Basic auth. A client
// without a secret (a public client, as PKCE allows) sends only client_id, in the form.
// The token URL must be https (http only on loopback, for local servers and tests); token requests
// never follow redirects (a 3xx answer fails), so credentials go nowhere else.
class OAuth2Auth : public AuthStrategy
{
    Q_OBJECT
public:
    enum class Grant { ClientCredentials, Password, AuthorizationCode };
    enum class ClientAuth { Basic, FormFields };

    struct Settings
    {
        QUrl tokenUrl;
        QString clientId;
        QString clientSecret;
        QString scope;
        Grant grant = Grant::ClientCredentials;
        ClientAuth clientAuth = ClientAuth::Basic;
        QString username; // password grant
        QString password; // password grant
        QUrl authorizationUrl; // authorization-code grant
        QUrl redirectUri;      // authorization-code grant
        // RFC 9396 (RAR): sent as JSON in authorization_details with every grant but refresh.
        QJsonArray authorizationDetails;
    };

    // Token requests go through their own HttpClient over `nam` (not owned).
    OAuth2Auth(QNetworkAccessManager *nam, Settings settings, QObject *parent = nullptr);
    ~OAuth2Auth() override;

    void prepare(QObject *context, ReadyCallback done) override;
    void apply(QNetworkRequest &request) const override;
    bool invalidate() override;
    QString describe() const override;

    // Authorization-code grant: the URL to open in a browser (with a fresh one-use state), and the
    // exchange of the code the redirect brought back. A wrong or reused state is refused (CSRF).
    QUrl authorizationRequestUrl(const QList<QPair<QString, QString>> &extra = {});
    // Parses a redirect URL: returns the code, or an error when it carries error=... or no code.
    static ApiError parseRedirect(const QUrl &redirect, QString *code, QString *state);
    // `extra` form fields go with the exchange (PKCE's code_verifier).
    void exchangeCode(const QString &code, const QString &state, QObject *context, ReadyCallback done,
        const QList<QPair<QString, QString>> &extra = {});
    // A refresh token kept from an earlier session (read from the secret store): the next token
    // request uses the refresh-token grant.
    void setRefreshToken(const QString &refreshToken) { m_refreshToken = refreshToken; }
    // The redirect URI once it is known (a loopback listener's port is chosen when it starts).
    void setRedirectUri(const QUrl &uri) { m_settings.redirectUri = uri; }
    const Settings &settings() const { return m_settings; }

    // https, or http on a loopback host (localhost, 127.0.0.0/8, ::1).
    static bool isAcceptableTokenUrl(const QUrl &url);

    bool hasValidToken() const;
    QDateTime tokenExpiry() const { return m_expiry; }
    int tokenRequestCount() const { return m_tokenRequests; }
    HttpClient *tokenClient() const { return m_tokenClient; }
    // Logs out: forgets the tokens.
    void clear();

Q_SIGNALS:
    // A new refresh token arrived (to be kept in the secret store by whoever owns the tenant).
    void refreshTokenChanged(const QString &refreshToken);

private:
    void requestToken(const QList<QPair<QString, QString>> &fields, bool withBasic);
    void finishWaiters(const ApiError &error);

    Settings m_settings;
    HttpClient *m_tokenClient;
    QString m_accessToken;
    QString m_refreshToken;
    QDateTime m_expiry; // invalid = no expiry given
    QString m_pendingState;
    QList<QPair<QPointer<QObject>, ReadyCallback>> m_waiters;
    bool m_requestInFlight = false;
    int m_tokenRequests = 0;
};
