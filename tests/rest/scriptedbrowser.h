#pragma once

#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>

class QNetworkReply;

// Stands in for the system browser in the sign-in tests: opens a URL, follows redirects, keeps
// cookies, and submits oidc-provider's development login and consent forms as a person would
// (login "alice", any password, then "Continue"). landed() tells where it ended: the last URL
// loaded that had no form (normally the loopback redirect). At most 12 pages.
class ScriptedBrowser : public QObject
{
    Q_OBJECT
public:
    explicit ScriptedBrowser(QObject *parent = nullptr);
    void open(const QUrl &url);
    QStringList visited() const { return m_visited; }

Q_SIGNALS:
    void landed(const QUrl &url, int status);

private:
    void onReply(QNetworkReply *reply);

    QNetworkAccessManager m_nam;
    QStringList m_visited;
    int m_pages = 0;
};
