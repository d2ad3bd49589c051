#pragma once

#include "net/apierror.h"

#include <QObject>
#include <QString>

#include <functional>

class QNetworkRequest;

// How a tenant session proves who it is, plugged into the HttpClient (which owns it).
//
// For every attempt the client calls prepare() and, once it reports ready, apply() on the request.
// A 401 answer makes the client call invalidate(); when that returns true the request is replayed once.
class AuthStrategy : public QObject
{
    Q_OBJECT
public:
    using ReadyCallback = std::function<void(const ApiError &error)>;

    using QObject::QObject;

    // Makes credentials ready (fetching a token if needed) and then calls done, possibly at once.
    // `context` bounds the callback's lifetime: no call after it is destroyed.
    virtual void prepare(QObject *context, ReadyCallback done);
    // Adds the credentials to the request (the Authorization header).
    virtual void apply(QNetworkRequest &request) const = 0;
    // A 401 came back: drop cached credentials. True when a fresh attempt could succeed.
    virtual bool invalidate() { return false; }
    // For display: "none", "Basic (alice)", "Bearer (set)"; never a secret.
    virtual QString describe() const = 0;
};

class NoAuth : public AuthStrategy
{
    Q_OBJECT
public:
    using AuthStrategy::AuthStrategy;
    void apply(QNetworkRequest &) const override {}
    QString describe() const override { return QStringLiteral("none"); }
};

class BasicAuth : public AuthStrategy
{
    Q_OBJECT
public:
    BasicAuth(const QString &user, const QString &password, QObject *parent = nullptr);
    // "user:password" (kinto-http's string form); the password may contain ':'.
    static BasicAuth *fromUserPassword(const QString &userColonPassword, QObject *parent = nullptr);
    void apply(QNetworkRequest &request) const override;
    QString describe() const override;
    QString user() const { return m_user; }

private:
    QString m_user;
    QByteArray m_header;
};

// "Authorization: <typeWord> <token>"; typeWord defaults to "Bearer" (Kinto accepts e.g. "Bearer+OIDC").
class BearerAuth : public AuthStrategy
{
    Q_OBJECT
public:
    BearerAuth(const QString &token, const QString &typeWord = QStringLiteral("Bearer"), QObject *parent = nullptr);
    void apply(QNetworkRequest &request) const override;
    QString describe() const override;

private:
    QByteArray m_header;
    QString m_typeWord;
};
