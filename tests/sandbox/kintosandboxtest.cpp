#include "kintosandboxtest.h"

bool KintoSandboxTest::startSandbox()
{
    m_sandbox = std::make_unique<KintoSandbox>();
    if (!m_sandbox->start())
        return false;
    m_sandbox->addAccount(QStringLiteral("alice"), QStringLiteral("alice"));
    m_sandbox->addAccount(QStringLiteral("bob"), QStringLiteral("bob"));
    m_client = std::make_unique<SandboxClient>(m_sandbox->baseUrl());
    return true;
}

void KintoSandboxTest::stopSandbox()
{
    m_client.reset();
    m_sandbox.reset();
}

void KintoSandboxTest::put(const QString &uri, const QJsonObject &data, const QString &owner)
{
    m_sandbox->service().writeObject(uri, data, KintoAcl{{QStringLiteral("write"), {owner}}}, owner);
}
