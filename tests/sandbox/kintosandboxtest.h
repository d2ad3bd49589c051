#pragma once

#include "kintosandbox.h"
#include "kintoservice.h"
#include "sandboxclient.h"

#include <QObject>

#include <memory>

// Base of the Kinto sandbox test classes: a KintoSandbox on loopback with the accounts
// alice/alice and bob/bob, and a blocking client for it. Call startSandbox() from init() and
// stopSandbox() from cleanup().
class KintoSandboxTest : public QObject
{
protected:
    bool startSandbox();
    void stopSandbox();

    Exchange call(const QByteArray &method, const QString &pathOrUrl, const QJsonValue &body = QJsonValue::Undefined,
                  const QString &user = {}, const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        return m_client->call(method, pathOrUrl, body, user, headers);
    }
    static Exchange finish(QNetworkReply *reply) { return SandboxClient::finish(reply); }
    QNetworkRequest request(const QString &pathOrUrl, const QString &user) const { return m_client->request(pathOrUrl, user); }
    // Writes an object straight into the sandbox's storage, owned by `owner`.
    void put(const QString &uri, const QJsonObject &data, const QString &owner = QStringLiteral("account:alice"));

    std::unique_ptr<KintoSandbox> m_sandbox;
    std::unique_ptr<SandboxClient> m_client;
};
