#include "authstrategy.h"

#include <QNetworkRequest>

void AuthStrategy::prepare(QObject *context, ReadyCallback done)
{
    Q_UNUSED(context)
    done({});
}

BasicAuth::BasicAuth(const QString &user, const QString &password, QObject *parent)
    : AuthStrategy(parent)
    , m_user(user)
    , m_header("Basic " + (user + QLatin1Char(':') + password).toUtf8().toBase64())
{
}

BasicAuth *BasicAuth::fromUserPassword(const QString &userColonPassword, QObject *parent)
{
    const int colon = userColonPassword.indexOf(QLatin1Char(':'));
    if (colon < 0)
        return new BasicAuth(userColonPassword, QString(), parent);
    return new BasicAuth(userColonPassword.left(colon), userColonPassword.mid(colon + 1), parent);
}

void BasicAuth::apply(QNetworkRequest &request) const
{
    request.setRawHeader("Authorization", m_header);
}

QString BasicAuth::describe() const
{
    return QStringLiteral("Basic (%1)").arg(m_user);
}

BearerAuth::BearerAuth(const QString &token, const QString &typeWord, QObject *parent)
    : AuthStrategy(parent)
    , m_header(typeWord.toUtf8() + ' ' + token.toUtf8())
    , m_typeWord(typeWord)
{
}

void BearerAuth::apply(QNetworkRequest &request) const
{
    request.setRawHeader("Authorization", m_header);
}

QString BearerAuth::describe() const
{
    return m_typeWord + QStringLiteral(" (set)");
}
