#pragma once

#include "auth/authstrategy.h"
#include "jamfsettings.h"

#include <QDateTime>
#include <QPointer>
#include <QUrl>

class HttpClient;
class HttpJob;
class HttpRequest;
class Job;
class QNetworkAccessManager;

// A Jamf Pro bearer token, obtained by a subclass and shared by every request of the tenant.
//
// - The token counts as expired renewalLead() seconds (default 60, as Patcher) before its expiry,
//   or at half its lifetime when that is shorter (a 60 s token is not renewed on every request);
//   prepare() then renews it. One renewal is in flight at a time however many requests wait
//   (single flight); they all get its outcome.
// - A 401 on a request clears the token (invalidate() returns true): the HttpClient replays the
//   request once, after one renewal.
// - Token requests go through an HttpClient of their own, over the same network manager (not
//   owned), to the server's origin only; they never carry the tenant's bearer token by mistake.
class JamfTokenAuth : public AuthStrategy
{
    Q_OBJECT
public:
    ~JamfTokenAuth() override;

    void prepare(QObject *context, ReadyCallback done) override;
    void apply(QNetworkRequest &request) const override;
    bool invalidate() override;

    // Renews the token now, even if it is still good (a user account's live token is kept alive).
    // Finishes once the new token is there; shares a renewal already in flight.
    Job *renew();

    void setRenewalLead(int seconds) { m_leadSeconds = seconds; }
    int renewalLead() const { return m_leadSeconds; }
    bool hasValidToken() const;
    QDateTime tokenExpiry() const { return m_expiry; }
    // Token requests sent so far (first ones, renewals and keep-alives).
    int tokenRequestCount() const { return m_tokenRequests; }
    HttpClient *tokenClient() const { return m_tokenClient; }

protected:
    JamfTokenAuth(QNetworkAccessManager *nam, const QUrl &serverUrl, QObject *parent);

    // The request that gets a token now (the current one, if any, is still in token()).
    virtual HttpRequest tokenRequest() const = 0;
    // Reads the token and its expiry from a successful answer; false with *error otherwise.
    virtual bool readToken(const QJsonValue &answer, QString *token, QDateTime *expiry, ApiError *error) const = 0;
    // True when `request` renews the current token (a refusal then starts over with tokenRequest()).
    virtual bool isRenewal(const HttpRequest &) const { return false; }
    // Turns a refused token request into the error the user sees.
    virtual ApiError explain(const ApiError &error) const = 0;

    QString token() const { return m_token; }
    void forgetToken();
    QUrl serverUrl() const { return m_serverUrl; }
    QNetworkAccessManager *networkAccessManager() const { return m_nam; }

private:
    void requestToken();
    void finishWaiters(const ApiError &error);

    QNetworkAccessManager *m_nam;
    QUrl m_serverUrl;
    HttpClient *m_tokenClient;
    QString m_token;
    QDateTime m_expiry;
    QDateTime m_receivedAt;
    QList<QPair<QPointer<QObject>, ReadyCallback>> m_waiters;
    int m_leadSeconds = 60;
    int m_tokenRequests = 0;
    bool m_requestInFlight = false;
    bool m_renewalAsked = false;
};

// A Jamf Pro user account: POST /api/v1/auth/token with Basic user:password gives a bearer token;
// before it runs out, POST /api/v1/auth/keep-alive (with that token) trades it for a new one; a
// token that already expired, or that keep-alive refused, is replaced through Basic again. When the
// strategy is destroyed (the tenant's session closes) the token is invalidated on the server
// (POST /api/v1/auth/invalidate-token, not awaited); signOut() does the same and reports.
// A refused Basic request explains that SSO accounts cannot use the API.
class JamfUserAuth : public JamfTokenAuth
{
    Q_OBJECT
public:
    JamfUserAuth(QNetworkAccessManager *nam, const QUrl &serverUrl, const QString &user, const QString &password,
        QObject *parent = nullptr);
    ~JamfUserAuth() override;

    QString describe() const override;
    QString user() const { return m_user; }
    // Invalidates the token on the server and forgets it. Succeeds at once (async) without a token.
    Job *signOut();

protected:
    HttpRequest tokenRequest() const override;
    bool isRenewal(const HttpRequest &request) const override;
    bool readToken(const QJsonValue &answer, QString *token, QDateTime *expiry, ApiError *error) const override;
    ApiError explain(const ApiError &error) const override;

private:
    QString m_user;
    QByteArray m_basic;
};

// A Jamf Pro API client: POST /api/oauth/token, form-encoded grant_type=client_credentials,
// client_id and client_secret; the token lasts expires_in seconds.
class JamfClientAuth : public JamfTokenAuth
{
    Q_OBJECT
public:
    JamfClientAuth(QNetworkAccessManager *nam, const QUrl &serverUrl, const QString &clientId, const QString &clientSecret,
        QObject *parent = nullptr);

    QString describe() const override;
    QString clientId() const { return m_clientId; }

protected:
    HttpRequest tokenRequest() const override;
    bool readToken(const QJsonValue &answer, QString *token, QDateTime *expiry, ApiError *error) const override;
    ApiError explain(const ApiError &error) const override;

private:
    QString m_clientId;
    QString m_clientSecret;
};

// The authentication of a Jamf tenant from its settings and its secret (the user's password or the
// client's secret), over `nam` (not owned). The caller owns the result (an HttpClient takes it).
JamfTokenAuth *createJamfAuth(const JamfSettings &settings, const QString &secret, QNetworkAccessManager *nam);
// The same from a Tenant and its secrets (purpose -> value, as the SessionManager reads them):
// nullptr with *error (Kind::Invalid for bad settings, NotFound for a missing secret).
JamfTokenAuth *createJamfAuth(const Tenant &tenant, const QHash<QString, QString> &secrets, QNetworkAccessManager *nam,
    ApiError *error);
