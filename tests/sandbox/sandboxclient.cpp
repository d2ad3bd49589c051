#include "sandboxclient.h"

#include <QJsonDocument>
#include <QSignalSpy>

QNetworkRequest SandboxClient::request(const QString &pathOrUrl, const QString &user) const
{
    const QUrl url = pathOrUrl.startsWith(QLatin1String("http")) ? QUrl(pathOrUrl) : QUrl(m_base.toString() + pathOrUrl);
    QNetworkRequest req(url);
    if (!user.isEmpty()) {
        const QString credentials = user.contains(QLatin1Char(':')) ? user : user + QLatin1Char(':') + user;
        req.setRawHeader("Authorization", "Basic " + credentials.toUtf8().toBase64());
    }
    return req;
}

Exchange SandboxClient::finish(QNetworkReply *reply)
{
    Exchange ex;
    if (!reply->isFinished()) {
        QSignalSpy spy(reply, &QNetworkReply::finished);
        if (!spy.wait(15000))
            qWarning("request timed out");
    }
    ex.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    ex.error = reply->error();
    ex.body = reply->readAll();
    ex.json = QJsonDocument::fromJson(ex.body).object();
    for (const auto &[name, value] : reply->rawHeaderPairs())
        ex.headers.insert(name.toLower(), value);
    reply->deleteLater();
    return ex;
}

Exchange SandboxClient::call(const QByteArray &method, const QString &pathOrUrl, const QJsonValue &body,
                             const QString &user, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest req = request(pathOrUrl, user);
    QByteArray payload;
    if (!body.isUndefined()) {
        payload = body.isArray() ? QJsonDocument(body.toArray()).toJson() : QJsonDocument(body.toObject()).toJson();
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    }
    for (const auto &[name, value] : headers)
        req.setRawHeader(name, value);
    if (method == "HEAD")
        return finish(m_nam.head(req));
    return finish(m_nam.sendCustomRequest(req, method, payload));
}

QJsonObject obj(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

QStringList ids(const QJsonArray &list)
{
    QStringList out;
    for (const QJsonValue &v : list)
        out << v.toObject().value(QStringLiteral("id")).toString();
    return out;
}
