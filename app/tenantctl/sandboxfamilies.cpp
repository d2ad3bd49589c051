// The sandboxes `tenantctl sandbox` can serve: one function and one registry line per family.
#include "sandboxcommand.h"

#include "jamfdemodata.h"
#include "jamfsandbox.h"
#include "jamfservice.h"
#include "kandjisandbox.h"
#include "kintosandbox.h"
#include "loopbackhttpserver.h"
#include "restdemodata.h"
#include "restsandbox.h"
#include "restservice.h"

namespace {

// Starts a prepared sandbox on the asked port and hands it over, with what to tell the user.
template <typename Sandbox>
std::optional<ServedSandbox> serve(std::unique_ptr<Sandbox> sandbox, const SandboxOptions &options,
                                   const QStringList &notes, QString *error)
{
    if (!sandbox->start(options.port)) {
        *error = sandbox->server()->errorString();
        return std::nullopt;
    }
    ServedSandbox served;
    served.baseUrl = sandbox->baseUrl();
    served.notes = notes.join(QStringLiteral("; "));
    served.server = std::move(sandbox);
    return served;
}

// Kinto as its default configuration ships: accounts and basicauth policies, so Kinto's own
// clients (kinto-http.py, Kinto Admin) meet what a real server does.
std::optional<ServedSandbox> startKinto(const SandboxOptions &options, QString *error)
{
    auto sandbox = std::make_unique<KintoSandbox>();
    sandbox->setBasicAuth(true);
    QStringList notes{QStringLiteral("basicauth policy on")};
    if (options.demo) {
        sandbox->seedDemoData();
        notes << QStringLiteral("demo data: accounts admin:admin (administrator), alice:alice, bob:bob");
    }
    if (!options.user.isEmpty()) {
        sandbox->addAccount(options.user, options.password);
        sandbox->setAdminPrincipals(sandbox->adminPrincipals() << QStringLiteral("account:") + options.user);
        notes << QStringLiteral("account %1 (administrator)").arg(options.user);
    }
    return serve(std::move(sandbox), options, notes, error);
}

// Jamf Pro's auth, API roles and API clients; --user adds an administrator account.
std::optional<ServedSandbox> startJamf(const SandboxOptions &options, QString *error)
{
    auto sandbox = std::make_unique<JamfSandbox>();
    QStringList notes;
    if (options.demo) {
        sandbox->seedDemoData();
        notes << QStringLiteral("demo data: accounts admin:admin (administrator), auditor:auditor (read-only), "
                                "sso.user@example.com (SSO: Basic refused); API client %1 with secret %2")
                     .arg(JamfDemoData::DemoClientId, JamfDemoData::DemoClientSecret);
    }
    if (!options.user.isEmpty()) {
        sandbox->service().addAccount(options.user, options.password, {}, true);
        notes << QStringLiteral("account %1 (administrator)").arg(options.user);
    }
    return serve(std::move(sandbox), options, notes, error);
}

// Kandji / Iru: the API and its storage service (a second port); the token is printed, since a
// client needs it. --user is not used: Kandji has API tokens, not accounts.
std::optional<ServedSandbox> startKandji(const SandboxOptions &options, QString *error)
{
    auto sandbox = std::make_unique<KandjiSandbox>();
    if (options.demo)
        sandbox->seedDemoData();
    // The token and the storage origin are known once it listens.
    auto served = serve(std::move(sandbox), options, {}, error);
    if (served) {
        auto *kandji = qobject_cast<KandjiSandbox *>(served->server.get());
        served->notes = QStringLiteral("token %1; storage at %2%3")
                            .arg(kandji->token(), kandji->storageUrl().toString(),
                                 options.demo ? QStringLiteral("; demo library: 3 blueprints, dozens of items") : QString());
    }
    return served;
}

// Any JSON REST API, as json-server answers: a help desk's customers, agents and tickets with their
// schemas and an OpenAPI document; the demo seed fills them and asks for an API key. --user is not
// used: the API knows keys, not accounts.
std::optional<ServedSandbox> startRest(const SandboxOptions &options, QString *error)
{
    auto sandbox = std::make_unique<RestSandbox>();
    if (options.demo)
        sandbox->seedDemoData();
    else
        RestDemoData::addCollections(sandbox->service());
    auto served = serve(std::move(sandbox), options, {}, error);
    if (served) {
        auto *rest = qobject_cast<RestSandbox *>(served->server.get());
        QStringList notes { QStringLiteral("OpenAPI document at %1/openapi.json").arg(served->baseUrl.toString(QUrl::StripTrailingSlash)),
                            QStringLiteral("collections: %1").arg(rest->service().collections().join(QStringLiteral(", "))) };
        notes << (rest->apiKey().isEmpty() ? QStringLiteral("no API key") : QStringLiteral("API key %1 in the X-API-Key header").arg(rest->apiKey()));
        served->notes = notes.join(QStringLiteral("; "));
    }
    return served;
}

} // namespace

const QList<SandboxFamily> &sandboxFamilies()
{
    static const QList<SandboxFamily> families{
        {QStringLiteral("kinto"), QStringLiteral("Kinto HTTP API 1.23 (accounts, basicauth, history, attachments)"), startKinto},
        {QStringLiteral("jamf"), QStringLiteral("Jamf Pro API 11.30.2: auth, API roles, privileges, API clients"), startJamf},
        {QStringLiteral("kandji"), QStringLiteral("Kandji / Iru API (library items, blueprints, presigned uploads)"), startKandji},
        {QStringLiteral("rest"), QStringLiteral("a JSON REST API as json-server answers, with its OpenAPI document (a help desk)"), startRest},
    };
    return families;
}
