// Memory of large Kinto listings (issue 8): a scripted loopback server sends MiB of records (about
// 200 bytes of JSON each, 10,000 per page, linked by Next-Page); the client fetches them all in one
// mode and the process reports its peak resident set. Run one mode per process:
//   bench_biglist <MiB> collect|compact|stream
#include "kintoclient.h"
#include "loopbackhttpserver.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QTextStream>

#include <cstdio>

static QByteArray page(int index, int records)
{
    QByteArray json = "{\"data\":[";
    json.reserve(records * 210 + 16);
    for (int i = 0; i < records; ++i) {
        if (i)
            json += ',';
        json += "{\"id\":\"rec-" + QByteArray::number(index) + '-' + QByteArray::number(i)
            + "\",\"last_modified\":1700000000000,\"title\":\"A record of the big list benchmark\","
              "\"owner\":\"someone@example.com\",\"count\":12345,\"ratio\":0.125,\"tags\":[\"x\",\"y\"],"
              "\"note\":\"padding padding padding padding padding\"}";
    }
    return json + "]}";
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int mib = args.value(1, QStringLiteral("10")).toInt();
    const QString mode = args.value(2, QStringLiteral("collect"));
    constexpr int perPage = 10'000;
    const int recordBytes = int(page(0, 1).size()) - 11;
    const int pages = std::max(1, int((qint64(mib) << 20) / (qint64(recordBytes) * perPage)));

    LoopbackHttpServer server;
    if (!server.listen())
        return 1;
    qint64 sent = 0;
    server.setHandler([&](const HttpServerRequest &req, HttpResponder *r) {
        const int index = req.query.queryItemValue(QStringLiteral("_token")).toInt();
        HttpHeaderList headers { { "ETag", "\"1700000000000\"" } };
        if (index + 1 < pages)
            headers.append({ "Next-Page", QStringLiteral("%1/v1/buckets/b/collections/c/records?_token=%2")
                                              .arg(server.baseUrl().toString()).arg(index + 1).toUtf8() });
        const QByteArray body = page(index, perPage);
        sent += body.size();
        r->respondJson(200, body, headers);
    });
    QNetworkAccessManager nam;
    KintoClient::Settings settings;
    settings.serverUrl = server.baseUrl();
    KintoConnection client(&nam, settings);
    const qint64 baseline = TestSupport::currentRssKiB();
    KintoListOptions options;
    options.pages = KintoListOptions::AllPages;
    const KintoListJob::Mode listMode = mode == QLatin1String("compact") ? KintoListJob::Mode::Compact
        : mode == QLatin1String("stream")                              ? KintoListJob::Mode::Stream
                                                                       : KintoListJob::Mode::Collect;
    QElapsedTimer clock;
    clock.start();
    KintoListJob *job = client.getPaginatedRecords(QStringLiteral("b"), QStringLiteral("c"), options, listMode);
    const TestSupport::Outcome outcome = TestSupport::await(job, 600'000);
    std::printf("%d MiB (%lld bytes in %d pages), %s: %s in %.1f s, RSS before %.0f MiB, peak %.0f MiB\n", mib,
        qint64(sent), pages, qPrintable(mode), outcome.error.isError() ? qPrintable(outcome.error.toString()) : "ok",
        clock.elapsed() / 1000.0, baseline / 1024.0, TestSupport::peakRssKiB() / 1024.0);
    return outcome.error.isError() ? 1 : 0;
}
