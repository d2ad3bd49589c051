#pragma once

#include "tenants/tenant.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QUrl>

#include <optional>

class Job;
class HttpClient;
class KintoClient;
class QNetworkAccessManager;
class RequestLog;
class SecretStore;
class TenantRegistry;

// The I/O behind AddKintoTenantWizard: URL normalisation, the server check, the bucket list, and
// the commit of the new tenant (registry + secret store). The wizard's pages only show and collect.
//
// The secret (password or token) is passed in by the caller for check() and commit() and kept only
// inside the check's HTTP client (in memory, for the bucket listing) until commit() or the
// controller's destruction; it is never logged, and written only to the SecretStore.
class AddKintoTenantController : public QObject
{
    Q_OBJECT
public:
    // What the wizard collects; committed on accept.
    struct Draft
    {
        QString displayName;
        QUrl serverUrl;       // normalised (normaliseUrl)
        AuthKind auth = AuthKind::None; // None, Basic (Kinto accounts) or Bearer
        QString userName;     // Basic
        QString bearerType = QStringLiteral("Bearer"); // Bearer: the Authorization type word
        QString bucket;       // the default bucket; may be empty
    };

    // What the server check found.
    struct ServerCheck
    {
        bool reachable = false;
        bool credentialsAccepted = false;
        QString message;        // a line for the user (why it failed, or "Kinto 19.3, HTTP API 1.23")
        QString projectVersion;
        QString httpApiVersion;
        QString userId;         // "account:alice"; empty when anonymous
        QStringList capabilities; // "name — description"
        QJsonObject serverInfo;
    };

    // None of the arguments is owned; all must outlive the controller.
    AddKintoTenantController(TenantRegistry *registry, SecretStore *secrets, QNetworkAccessManager *nam,
                             QObject *parent = nullptr);

    // Edits this tenant instead of adding one: commit() updates it, and an empty secret given to
    // check() or commit() means the one stored for it (kept as it is).
    void setExisting(const Tenant &tenant) { m_existing = tenant; }
    std::optional<Tenant> existing() const { return m_existing; }
    // The draft a tenant stands for (for an edit wizard to start from).
    static Draft draftOf(const Tenant &tenant);
    ~AddKintoTenantController() override;

    // The requests of the checks are written to `log` (not owned; may be null: none).
    void setRequestLog(RequestLog *log) { m_log = log; }

    // "https://host/v1": the text with a scheme http or https and a host, with or without "/v1" and a
    // trailing slash; "/v1" is appended when the path does not end with it. No credentials, query or
    // fragment. An empty URL and the reason in *error when the text is not such a URL.
    static QUrl normaliseUrl(const QString &text, QString *error);

    // GET / with the draft's credentials. Finishes with checked(); a running check is replaced.
    // When editing and `secret` is empty, the stored secret is read for it first.
    void check(const Draft &draft, const QString &secret);
    const ServerCheck &lastCheck() const { return m_check; }

    // The bucket ids readable with the checked credentials; finishes with bucketsListed().
    void listBuckets();

    // Adds the tenant to the registry and stores the secret (auth Basic: SecretPurpose::Password,
    // Bearer: SecretPurpose::Token). The job's result is the new tenant's id. When the secret cannot
    // be stored the tenant is removed again (if the store lets its index entry be removed; the message
    // says when not) and the job fails with the store's error.
    // Editing (setExisting): updates the tenant; a non-empty secret replaces the stored one, and a
    // secret the new auth no longer needs is removed from the store.
    Job *commit(const Draft &draft, const QString &secret);

Q_SIGNALS:
    void checked(const AddKintoTenantController::ServerCheck &result);
    void bucketsListed(const QStringList &buckets, const QString &error);

private:
    void startCheck(const Draft &draft, const QString &secret);
    void reportCheck(Job *job, AuthKind auth, const Tenant &tenant);
    Tenant tenantFor(const Draft &draft) const;
    Job *commitEdit(const Tenant &tenant, const QString &secret);

    TenantRegistry *m_registry;
    SecretStore *m_secrets;
    QNetworkAccessManager *m_nam;
    QPointer<HttpClient> m_http;    // the checked connection's transport (owns m_client)
    RequestLog *m_log = nullptr;
    QPointer<KintoClient> m_client; // the checked connection
    QPointer<Job> m_checkJob;
    ServerCheck m_check;
    std::optional<Tenant> m_existing;
};
