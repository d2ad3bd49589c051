#pragma once

#include "jamfclient.h"
#include "jamfsettings.h"

#include <QCommandLineParser>
#include <QObject>

#include <memory>

class JamfTokenAuth;
class QNetworkAccessManager;

// `tenantctl jamf [options] GROUP VERB [ID]`: Jamf Pro's API roles and API clients from the command
// line, over the same JamfClient as the window.
//
// Credentials: an API client (--client-id or $JAMF_CLIENT_ID; its secret from $JAMF_CLIENT_SECRET
// or, with --secret-stdin, the first line of standard input) or a user account (--user or
// $JAMF_USER; password from $JAMF_PASSWORD or --secret-stdin). Secrets are never arguments (they
// would show in the process list). A user's token is invalidated before the command exits.
//
// Output: JSON on stdout; errors on stderr with Jamf's message. Exit codes are tenantctl's (see
// Console::ExitCode): 0 ok, 1 other, 2 usage, 3 not found, 4 conflict, 5 auth, 6 network.
class JamfCommand : public QObject
{
    Q_OBJECT
public:
    explicit JamfCommand(QObject *parent = nullptr);
    ~JamfCommand() override;

    // `arguments` start with the program name, then "jamf". Runs the event loop until the command
    // is done; returns the exit code.
    int run(const QStringList &arguments);

private:
    int usageError(const QString &message);
    QString help() const;
    bool setUpClient(QString *error);
    // Starts the command; nullptr with *error on a usage error.
    Job *start(const QStringList &words, QString *error);
    Job *startRoles(const QString &verb, const QString &id, QString *error);
    Job *startClients(const QString &verb, const QString &id, QString *error);
    bool listOptions(JamfListOptions *options, QString *error) const;
    // Applies --display-name, --privilege, --role, --lifetime, --enabled/--disabled and --data.
    bool applyRole(JamfRole *role, QString *error) const;
    bool applyClient(JamfApiClient *client, QString *error) const;
    Job *tokenCheck();
    void finish(Job *job);
    void exitAfterSignOut();

    QCommandLineParser m_parser;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<HttpClient> m_http;
    JamfClient *m_client = nullptr;   // owned by m_http
    JamfTokenAuth *m_auth = nullptr;  // owned by m_http
    int m_exitCode = 0;
};
