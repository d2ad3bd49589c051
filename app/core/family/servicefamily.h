#pragma once

#include "net/job.h"
#include "tenants/tenant.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

class AuthStrategy;
class HttpClient;
class QNetworkAccessManager;
class SecretStore;

// The service-family seam, app side (no widgets). A family (Kinto, Jamf Pro, ...) is a folder in
// app/ that implements ServiceFamily and FamilySession, a folder in ui/ that implements FamilyUi
// (ui/family/familyui.h), and one registration line in ui/families.cpp. Nothing above the seam
// (tenant tree, connector, main window) names a family. docs/ARCHITECTURE.md walks through Kinto.

// Who the server says we are, after a connection probe.
struct ServiceIdentity
{
    QString user;            // as the server names it ("account:alice", "admin", a client id)
    QString authMethod;      // how we authenticated, as the server reports it ("account", "basicauth", "oauth2")
    QString serverVersion;   // "Kinto 19.3.0", "Jamf Pro 11.30.2"
    QStringList capabilities;
    // Why the identity cannot be trusted as asked for, in words for the user (e.g. "signed in as an
    // unknown basicauth user: the password may be wrong"). A tenant with warnings is not shown as
    // plainly connected.
    QStringList warnings;

    // {"user", "authMethod", "serverVersion", "capabilities": [...], "warnings": [...]}
    static ServiceIdentity fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    // One line: "Kinto 19.3.0 · signed in as account:alice (account)".
    QString summary() const;
};

// One node of the tenant tree below a tenant, as its family describes it. The tree model stores it
// and shows label, badge, icon and tooltip; the family's pages read `data`.
struct TreeNode
{
    QString kind;      // family-defined ("bucket", "collection", ...); "tenant" for the tenant itself
    QString id;        // unique among its siblings
    QString label;     // shown text; the id when empty
    QString badge;     // short text after the label ("10,000"), may be empty
    QString toolTip;
    QString icon;      // a resource path or theme icon name, may be empty
    bool hasChildren = false;
    // A grouping node ("Collections"): shows its child count once listed, and a refresh of its
    // parent lists it again too.
    bool folder = false;
    // Ask the family for details after listing (FamilySession::decorate), e.g. a record count.
    bool decorate = false;
    QJsonObject data;  // what the family needs to address the node (ids of its parents, the object)
    // Children known without asking the server (Kinto's "Collections" and "Groups" folders of a
    // bucket): shown at once, and the node counts as listed. A refresh still asks fetchChildren.
    std::vector<TreeNode> children;

    static TreeNode fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
};

// The family's side of one open tenant: its client over the tenant session's HttpClient. Made by
// ServiceFamily::createSession once the session is open; owned by the SessionManager (deleted when
// the session closes). Every call returns a Job (see job.h) or nullptr where noted.
class FamilySession : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // Asks the server who we are. Result: a ServiceIdentity as JSON. Fails with the server's error
    // (Auth for refused credentials, Network/Timeout/Tls when it cannot be reached).
    virtual Job *probe() = 0;
    // Lists the children of a node (the tenant itself is a TreeNode of kind "tenant"). Result: a
    // JSON array of TreeNode objects, in the order to show.
    virtual Job *fetchChildren(const TreeNode &parent) = 0;
    // Reloads one node. Result: the TreeNode as JSON. A NotFound/403 error means it is gone.
    // nullptr when the node has nothing to reload.
    virtual Job *fetchNode(const TreeNode &) { return nullptr; }
    // Details fetched after listing for nodes marked `decorate`. Result: the TreeNode as JSON.
    virtual Job *decorate(const TreeNode &) { return nullptr; }
};

// A service family, registered once in ServiceFamilies.
class ServiceFamily
{
public:
    virtual ~ServiceFamily() = default;

    virtual QString id() const = 0;          // stored in settings as the tenant's service: "kinto"
    virtual QString displayName() const = 0; // "Kinto"
    virtual QString summary() const = 0;     // one line for About and the welcome page
    virtual QString iconPath() const = 0;    // ":/tenantdesk/icons/kinto.png"

    // The tenant's authentication when the family has its own (Jamf's bearer-token flows). nullptr
    // with *error empty: SessionManager builds the generic one from Tenant::auth; with *error set:
    // the tenant cannot be opened. Secrets: purpose -> value, read from the keychain (the ones
    // Tenant::auth needs, plus the optionalSecrets() that are stored). `store` (not owned; null
    // for a connection check) is where the auth keeps secrets it renews, such as a rotated
    // refresh token.
    virtual AuthStrategy *createAuth(const Tenant &, const QHash<QString, QString> &, QNetworkAccessManager *,
                                     SecretStore *, QString *) const
    {
        return nullptr;
    }
    // Secret purposes read before createAuth() when the keychain holds them; a missing one is no
    // error (a refresh token before the first sign-in).
    virtual QStringList optionalSecrets(const Tenant &) const { return {}; }
    // Called once on a fresh session's client, before any request (base URL fix-ups, hooks).
    virtual void configureClient(const Tenant &, HttpClient *) const {}
    // The family's session over the tenant's client (not owned by it; `parent` owns the session).
    virtual FamilySession *createSession(const Tenant &tenant, HttpClient *client, QObject *parent) const = 0;
};

// A job that finishes when `source` does: with source's error, or with what `map` makes of its
// result (map may set *error to fail it instead); if source is destroyed unfinished (its session
// closed), with a Cancelled error. Cancelling it cancels source. The one way a
// family session turns its client's jobs into tree nodes and identities.
Job *thenMap(Job *source, std::function<QJsonValue(const QJsonValue &result, ApiError *error)> map);

// The registered families, in registration order. Filled at start-up (ui/families.cpp, tests).
namespace ServiceFamilies {

// Registers a family; one with the same id is replaced.
void add(std::unique_ptr<ServiceFamily> family);
// Removes a family (tests).
void remove(const QString &id);
const ServiceFamily *find(const QString &id);
std::vector<const ServiceFamily *> all();
// "Kinto, Jamf Pro and REST": the registered families' names, for About and the welcome page.
QString namesForPeople();

} // namespace ServiceFamilies
