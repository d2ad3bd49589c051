#include "apikeyauth.h"

#include <QNetworkRequest>
#include <QUrlQuery>

ApiKeyAuth::ApiKeyAuth(Placement placement, const QString &name, const QString &key, QObject *parent)
    : AuthStrategy(parent)
    , m_placement(placement)
    , m_name(name)
    , m_key(key)
{
}

void ApiKeyAuth::apply(QNetworkRequest &request) const
{
    if (m_placement == Placement::Header) {
        request.setRawHeader(m_name.toUtf8(), m_key.toUtf8());
        return;
    }
    QUrl url = request.url();
    QUrlQuery query(url);
    query.removeAllQueryItems(m_name); // a replay (401, redirect) must not repeat the item
    query.addQueryItem(QString::fromLatin1(QUrl::toPercentEncoding(m_name)),
        QString::fromLatin1(QUrl::toPercentEncoding(m_key)));
    url.setQuery(query.query(QUrl::FullyEncoded), QUrl::StrictMode);
    request.setUrl(url);
}

QString ApiKeyAuth::describe() const
{
    return m_placement == Placement::Header ? tr("API key in header %1 (set)").arg(m_name)
                                            : tr("API key in query item %1 (set)").arg(m_name);
}
