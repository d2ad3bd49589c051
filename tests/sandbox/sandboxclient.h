#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPair>
#include <QStringList>
#include <QUrl>

// What a client sees of one exchange with a sandbox.
struct Exchange
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QJsonObject json;
    QHash<QByteArray, QByteArray> headers; // lower-case names

    QJsonObject data() const { return json.value(QStringLiteral("data")).toObject(); }
    QJsonArray list() const { return json.value(QStringLiteral("data")).toArray(); }
    QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
};

// Blocking HTTP calls to a sandbox for tests (waits up to 15 s per call on the event loop).
// `user` gives Basic credentials: "alice" logs in as alice:alice, "alice:x" is used verbatim.
class SandboxClient
{
public:
    explicit SandboxClient(const QUrl &baseUrl) : m_base(baseUrl) {}

    // `pathOrUrl` below the base URL, or absolute ("http..."). A body is sent as JSON.
    Exchange call(const QByteArray &method, const QString &pathOrUrl, const QJsonValue &body = QJsonValue::Undefined,
                  const QString &user = {}, const QList<QPair<QByteArray, QByteArray>> &headers = {});
    QNetworkRequest request(const QString &pathOrUrl, const QString &user) const;
    // Waits for the reply, reads it and schedules its deletion.
    static Exchange finish(QNetworkReply *reply);
    QNetworkAccessManager &nam() { return m_nam; }

private:
    QUrl m_base;
    QNetworkAccessManager m_nam;
};

QJsonObject obj(const char *json);
QStringList ids(const QJsonArray &list); // the "id" of each object
