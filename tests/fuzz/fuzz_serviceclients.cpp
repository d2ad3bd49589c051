// The Jamf Pro, Kandji and REST clients' listings and items end to end over a scripted transport
// (scriptednam.h): whatever the server answers (bodies of any shape, paging fields and links,
// status codes), the job finishes once, without a crash, and no credentials leave the tenant.
//
// Input: byte 0 picks the operation; the rest is up to four answers, as for fuzz_kintoclient.
#include "jamfclient.h"
#include "kandjiclient.h"
#include "net/httpclient.h"
#include "restclient.h"
#include "scriptednam.h"

#include "auth/authstrategy.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzSupport::app();
    if (size < 1)
        return 0;
    static ScriptedNam::FakeNam nam; // one per process: making a network manager costs more than a run
    ScriptedNam::script(nam, FuzzSupport::bytes(data + 1, size - 1), QStringLiteral("tenant.example"));
    HttpClient http(&nam);
    http.setBaseUrl(QUrl(QStringLiteral("https://tenant.example")));
    http.setAuth(new BearerAuth(QStringLiteral("s3cr3t-token")));
    http.setMaxServerWait(0); // Retry-After: no real waiting
    RetryPolicy none;
    none.maxRetries = 0;
    http.setRetryPolicy(none);

    JamfClient jamf(&http);
    KandjiClient kandji(&http);
    RestResource resource;
    resource.path = QStringLiteral("/items");
    const int op = data[0] % 9;
    resource.paging.kind = op == 6 ? RestPaging::Kind::LinkHeader : op == 7 ? RestPaging::Kind::NextLink : RestPaging::Kind::PageSize;
    resource.itemsKey = op == 7 ? QStringLiteral("data.items") : QString();
    RestClient rest(&http, RestSettings());

    Job *job = nullptr;
    switch (op) {
    case 0: job = jamf.listRoles(); break;
    case 1: job = jamf.listClients(); break;
    case 2: job = jamf.getClient(1); break;
    case 3: job = kandji.list(KandjiClient::Library::Scripts); break;
    case 4: job = kandji.listBlueprints(); break;
    case 5: job = kandji.listBlueprintItems(QStringLiteral("5f8c7a7e-3b1a-4c1e-9d2a-0a1b2c3d4e5f")); break;
    default: job = rest.listPage(resource); break;
    }
    ScriptedNam::run(job);
    return 0;
}
