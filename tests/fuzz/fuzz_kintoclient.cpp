// The Kinto client end to end over a scripted transport: the input is up to four HTTP answers
// (status line, headers, body) that a fake network manager hands back in turn, for a listing
// (Next-Page, ETag, Backoff), an item, a batch, the history, or a count. Whatever the server says,
// the job finishes once, without a crash, and no request leaves the tenant's origin.
//
// Input: byte 0 picks the operation; the rest is answers separated by "\n\n\n", each
// "STATUS\nName: value\n...\n\nbody".
#include "kintoclient.h"
#include "net/httpclient.h"
#include "scriptednam.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzSupport::app();
    if (size < 1)
        return 0;
    static ScriptedNam::FakeNam nam; // one per process: making a network manager costs more than a run
    ScriptedNam::script(nam, FuzzSupport::bytes(data + 1, size - 1), QStringLiteral("tenant.example"));
    KintoClient::Settings settings;
    settings.serverUrl = QUrl(QStringLiteral("https://tenant.example/v1"));
    settings.auth = QStringLiteral("alice:s3cr3t");
    KintoConnection client(&nam, settings);
    client.httpClient()->setMaxServerWait(0); // Backoff and Retry-After: no real waiting
    RetryPolicy none;
    none.maxRetries = 0;
    client.httpClient()->setRetryPolicy(none);

    Job *job = nullptr;
    KintoListOptions all;
    all.pages = KintoListOptions::AllPages;
    switch (data[0] % 6) {
    case 0: job = client.getBuckets(all); break;
    case 1: job = client.getRecord(QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("r1")); break;
    case 2: job = client.getHistory(QStringLiteral("b"), all); break;
    case 3: job = client.countRecords(QStringLiteral("b"), QStringLiteral("c")); break;
    case 4: job = client.batch().create(KintoRef::ofRecord(QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("r1")))
                      .remove(KintoRef::ofRecord(QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("r2"))).send();
        break;
    default: {
        KintoListOptions compact = all;
        job = client.getRecords(QStringLiteral("b"), QStringLiteral("c"), compact);
        break;
    }
    }
    ScriptedNam::run(job);
    return 0;
}
