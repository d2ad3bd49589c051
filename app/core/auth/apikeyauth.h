#pragma once

#include "authstrategy.h"

// An API key sent with every request to the tenant's origin, either as a header
// ("X-API-Key: <key>") or as a query item ("?api_key=<key>").
//
// Query mode adds the item to the outgoing QNetworkRequest only, never to the URL the HttpClient
// keeps for its request log and debug output, so the key cannot reach a log whatever its name.
class ApiKeyAuth : public AuthStrategy
{
    Q_OBJECT
public:
    enum class Placement { Header, Query };

    ApiKeyAuth(Placement placement, const QString &name, const QString &key, QObject *parent = nullptr);

    void apply(QNetworkRequest &request) const override;
    QString describe() const override; // "API key in header X-API-Key (set)"

    Placement placement() const { return m_placement; }
    QString name() const { return m_name; }

private:
    Placement m_placement;
    QString m_name;
    QString m_key;
};
