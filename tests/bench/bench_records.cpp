// bench_records: the records table over a 100,000 record collection, as a user sees it. Run by
// hand (not a ctest test), preferably from an optimised build:
//
//   bench_records [--records N] [--page N]
//
// A KintoSandbox in this process holds the collection (records of about 190 bytes of JSON, written
// straight into its storage); a RecordTableModel behind a RecordFilterProxy is shown in a
// QTableView on the offscreen platform. Figures:
// - time to first rows: creating the model until the first page is in (collection GET, then the
//   first page and the HEAD count together);
// - scroll through: scrollToBottom() repeatedly, as a user dragging the bar down, until every page
//   is in; the sandbox serves from the same thread, so its time is included;
// - the sandbox's own time for a page (no HTTP): early, in the middle, sorted by another field,
//   filtered; it should not depend on the collection's size;
// - quick filter: setQuickFilter() over every loaded row (one match, many, cleared), and the
//   memory its per-row search texts take;
// - memory: RSS held after everything is loaded (heap trimmed) against the records' compact JSON,
//   and the growth from the first page to all loaded (the model's own cost per record, the view,
//   client and fonts being up by then); VmHWM includes the sandbox's storage.

#include "kintoclient.h"
#include "kintosandbox.h"
#include "kintoservice.h"
#include "recordfilterproxy.h"
#include "recordtablemodel.h"
#include "testsupport.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QTableView>
#include <QTextStream>
#include <QTimer>
#include <QUrlQuery>

#include <cstdlib>
#include <functional>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace {

constexpr int WaitMs = 600'000;

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

[[noreturn]] void die(const QString &message)
{
    out() << Qt::flush;
    QTextStream(stderr) << "bench_records: " << message << Qt::endl;
    std::exit(1);
}

QString number(double value, int decimals = 0)
{
    return QLocale(QLocale::English).toString(value, 'f', decimals);
}

QString mebibytes(qint64 bytes)
{
    return number(double(bytes) / (1024.0 * 1024.0), 1) + QStringLiteral(" MiB");
}

void row(const QString &what, const QString &value, const QString &note = {})
{
    out() << what.leftJustified(40) << value.rightJustified(14) << QStringLiteral("  ") << note << Qt::endl;
}

// Returns freed heap to the system so RSS readings show live data.
void trimHeap()
{
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

// Runs the event loop until `done` holds; false on timeout.
bool waitUntil(const std::function<bool()> &done, int timeoutMs = WaitMs)
{
    QElapsedTimer clock;
    clock.start();
    QTimer tick; // wakes the loop so `done` is looked at even when nothing else happens
    tick.start(20);
    while (!done()) {
        if (clock.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

// A record of about 200 bytes of JSON once the server adds id and last_modified (as bench_kinto).
QJsonObject makeRecord(int i)
{
    static const char *const statuses[] = {"active", "retired", "in-repair", "spare"};
    return QJsonObject{
        {QStringLiteral("title"), QStringLiteral("Laptop %1").arg(i, 6, 10, QLatin1Char('0'))},
        {QStringLiteral("serial"), QStringLiteral("SN-%1").arg(i * 7919 % 100'000'000, 8, 10, QLatin1Char('0'))},
        {QStringLiteral("status"), QLatin1String(statuses[i % 4])},
        {QStringLiteral("owner"), QStringLiteral("user-%1").arg(i % 500, 3, 10, QLatin1Char('0'))},
        {QStringLiteral("site"), QStringLiteral("Building %1, floor %2").arg(i % 12).arg(i % 5)},
        {QStringLiteral("priority"), i % 5},
        {QStringLiteral("price"), 250.0 + (i % 1000) * 1.25},
    };
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("bench_records"));
    QLoggingCategory::setFilterRules(QStringLiteral("tenantdesk.*.debug=false\ntenantdesk.*.info=false"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Records table benchmark: first rows, scrolling, quick filter, memory."));
    parser.addHelpOption();
    const QCommandLineOption recordsOption(QStringLiteral("records"), QStringLiteral("Records in the collection (default 100000)."),
                                           QStringLiteral("n"), QStringLiteral("100000"));
    const QCommandLineOption pageOption(QStringLiteral("page"), QStringLiteral("Records per page request (default 200, the model's)."),
                                        QStringLiteral("n"), QString::number(RecordTableModel::DefaultPageSize));
    parser.addOptions({recordsOption, pageOption});
    parser.process(app);
    const int count = qMax(1, parser.value(recordsOption).toInt());
    const int pageSize = qMax(1, parser.value(pageOption).toInt());

    // --- The collection, written straight into the sandbox's storage.
    KintoSandbox sandbox;
    if (!sandbox.start())
        die(QStringLiteral("the sandbox did not start"));
    sandbox.addAccount(QStringLiteral("bench"), QStringLiteral("bench"));
    sandbox.setAdminPrincipals({QStringLiteral("account:bench")});
    KintoService &service = sandbox.service();
    QElapsedTimer clock;
    clock.start();
    service.writeObject(QStringLiteral("/buckets/bench"), {}, {}, {}, false);
    service.writeObject(QStringLiteral("/buckets/bench/collections/devices"),
                        QJsonObject{{QStringLiteral("displayFields"),
                                     QJsonArray{QStringLiteral("title"), QStringLiteral("serial"), QStringLiteral("status"),
                                                QStringLiteral("owner"), QStringLiteral("site"), QStringLiteral("price")}}},
                        {}, {}, false);
    qint64 jsonBytes = 0;
    for (int i = 0; i < count; ++i) {
        const QJsonObject stored = service.writeObject(
            QStringLiteral("/buckets/bench/collections/devices/records/rec-%1").arg(i, 7, 10, QLatin1Char('0')), makeRecord(i), {}, {}, false);
        if (stored.isEmpty())
            die(QStringLiteral("the sandbox did not store record %1").arg(i));
        jsonBytes += QJsonDocument(stored).toJson(QJsonDocument::Compact).size();
    }
    const double seedMs = double(clock.elapsed());
    trimHeap();
    const qint64 rssBeforeKiB = TestSupport::currentRssKiB();

    QNetworkAccessManager nam;
    KintoClient::Settings settings;
    settings.serverUrl = sandbox.baseUrl();
    settings.auth = QStringLiteral("bench:bench");
    KintoConnection client(&nam, settings);

    // --- Time to the first rows: from creating the model in a shown table to rows painted.
    QTableView view;
    view.resize(1200, 800);
    view.show();
    clock.restart();
    auto *model = new RecordTableModel(&client, QStringLiteral("bench"), QStringLiteral("devices"), &view);
    model->setPageSize(pageSize);
    auto *proxy = new RecordFilterProxy(&view);
    proxy->setSourceModel(model);
    view.setModel(proxy);
    QObject::connect(model, &RecordTableModel::error, model,
                     [](const ApiError &error) { QTextStream(stderr) << "bench_records: " << error.toString() << Qt::endl; });
    if (!waitUntil([&] { return model->loadedCount() > 0; }))
        die(QStringLiteral("no first page"));
    view.repaint();
    const double firstRowsMs = double(clock.elapsed());
    if (!waitUntil([&] { return model->total() >= 0; }))
        die(QStringLiteral("no total"));
    const double totalMs = double(clock.elapsed());
    const int firstLoaded = model->loadedCount();
    trimHeap();
    const qint64 rssFirstPageKiB = TestSupport::currentRssKiB(); // the view, client and fonts are up

    // --- Scrolling through: scrollToBottom, as a user dragging the bar down, until all is loaded.
    clock.restart();
    int scrolls = 0;
    QElapsedTimer pageClock;
    double slowestPageMs = 0;
    while (!model->isComplete()) {
        const int before = model->loadedCount();
        pageClock.start();
        view.scrollToBottom();
        ++scrolls;
        if (!waitUntil([&] { return model->loadedCount() > before || model->isComplete(); }))
            die(QStringLiteral("scrolling stopped at %1 rows").arg(model->loadedCount()));
        view.repaint();
        slowestPageMs = qMax(slowestPageMs, double(pageClock.elapsed()));
    }
    const double scrollMs = double(clock.elapsed());
    if (model->loadedCount() != count)
        die(QStringLiteral("loaded %1 of %2 rows").arg(model->loadedCount()).arg(count));

    trimHeap();
    const qint64 rssHeldKiB = TestSupport::currentRssKiB();

    // --- Quick filter over every loaded row (one match, then many, then cleared).
    clock.restart();
    proxy->setQuickFilter(QStringLiteral("Laptop %1").arg(count - 1, 6, 10, QLatin1Char('0'))); // the last record
    const double filterOneMs = double(clock.elapsed());
    const int oneMatch = proxy->rowCount();
    clock.restart();
    proxy->setQuickFilter(QStringLiteral("in-repair"));
    const double filterManyMs = double(clock.elapsed());
    const int manyMatch = proxy->rowCount();
    clock.restart();
    proxy->setQuickFilter(QString());
    view.repaint();
    const double filterClearMs = double(clock.elapsed());
    const qint64 searchBytes = model->searchTextBytes();
    // What rebuilding the search texts of every row costs (a column added makes them stale; the
    // next filter decodes every record again). Pages build theirs before their rows are stored.
    const QStringList shownColumns = model->columns();
    model->setColumns(shownColumns + QStringList{QStringLiteral("priority")});
    clock.restart();
    model->searchText(0);
    const double searchBuildMs = double(clock.elapsed());
    model->setColumns(shownColumns);
    clock.restart();
    qsizetype decodedKeys = 0;
    for (int i = 0; i < count; ++i)
        decodedKeys += model->record(i).size();
    const double decodeMs = double(clock.elapsed());
    const qint64 peakKiB = TestSupport::peakRssKiB();

    // --- The sandbox's own share of a page: KintoService::handle() for page `index` (1-based) of a
    // listing, following its Next-Page tokens there; only that page is timed.
    const auto timeSandboxPage = [&](const QList<QPair<QString, QString>> &query, int index) {
        ServiceRequest pageRequest;
        pageRequest.method = "GET";
        pageRequest.path = QStringLiteral("/buckets/bench/collections/devices/records");
        pageRequest.query.addQueryItem(QStringLiteral("_limit"), QString::number(pageSize));
        for (const auto &[key, value] : query)
            pageRequest.query.addQueryItem(key, value);
        pageRequest.headers.append({"Authorization", "Basic " + QByteArrayLiteral("bench:bench").toBase64()});
        for (int page = 1; page < index; ++page) {
            const QUrl next(QString::fromUtf8(service.handle(pageRequest).header("Next-Page")));
            if (!next.isValid() || next.isEmpty())
                return -1.0;
            pageRequest.query = QUrlQuery(next);
        }
        double best = -1;
        for (int run = 0; run < 3; ++run) { // the fastest of three: the machine may be busy
            clock.restart();
            service.handle(pageRequest);
            const double ms = double(clock.nsecsElapsed()) / 1e6;
            best = best < 0 ? ms : qMin(best, ms);
        }
        return best;
    };
    const int middlePage = qMax(2, (count / pageSize) / 2);
    const double sandboxPageMs = timeSandboxPage({}, 2);
    const double sandboxMiddlePageMs = timeSandboxPage({}, middlePage);
    QElapsedTimer newOrderClock;
    newOrderClock.start();
    timeSandboxPage({{QStringLiteral("_sort"), QStringLiteral("title")}}, 1);
    const double sandboxNewOrderMs = double(newOrderClock.nsecsElapsed()) / 1e6; // the first of the three sorts
    const double sandboxSortedPageMs = timeSandboxPage({{QStringLiteral("_sort"), QStringLiteral("title")}}, 6);
    const double sandboxFilteredPageMs = timeSandboxPage({{QStringLiteral("status"), QStringLiteral("spare")}}, 6);

    const int pages = (count + pageSize - 1) / pageSize;
    out() << "bench_records: " << number(count) << " records, " << number(pageSize) << " per page ("
          << number(pages) << " page requests), " << model->columnCount() << " columns, Qt " << qVersion() << Qt::endl;
    out() << Qt::endl;
    row(QStringLiteral("seeding the sandbox (not the model)"), number(seedMs) + QStringLiteral(" ms"));
    row(QStringLiteral("time to first rows"), number(firstRowsMs) + QStringLiteral(" ms"),
        QStringLiteral("collection GET, then first page (and HEAD count)"));
    row(QStringLiteral("time to total (HEAD)"), number(totalMs) + QStringLiteral(" ms"));
    row(QStringLiteral("scroll through the whole collection"), number(scrollMs) + QStringLiteral(" ms"),
        QStringLiteral("%1 scrollToBottom, %2 records/s").arg(number(scrolls), number(count / (scrollMs / 1000.0))));
    row(QStringLiteral("  per page (mean / slowest)"),
        number(scrollMs / qMax(1, scrolls), 1) + QStringLiteral(" / ") + number(slowestPageMs) + QStringLiteral(" ms"),
        QStringLiteral("sandbox serving included (same thread)"));
    row(QStringLiteral("  sandbox's own time for one page"), number(sandboxPageMs, 1) + QStringLiteral(" ms"),
        QStringLiteral("KintoService::handle() of a second page, no HTTP"));
    row(QStringLiteral("  sandbox: a page in the middle"), number(sandboxMiddlePageMs, 1) + QStringLiteral(" ms"),
        QStringLiteral("page %1, the collection's order").arg(middlePage));
    row(QStringLiteral("  sandbox: first page in a new order"), number(sandboxNewOrderMs, 1) + QStringLiteral(" ms"),
        QStringLiteral("_sort=title: sorts the collection once (3 requests, the first sorts)"));
    row(QStringLiteral("  sandbox: a page sorted by title"), number(sandboxSortedPageMs, 1) + QStringLiteral(" ms"),
        QStringLiteral("page 6 of _sort=title"));
    row(QStringLiteral("  sandbox: a page of a filter"), number(sandboxFilteredPageMs, 1) + QStringLiteral(" ms"),
        QStringLiteral("page 6 of status=spare (a quarter of the records)"));
    row(QStringLiteral("quick filter, 1 match"), number(filterOneMs) + QStringLiteral(" ms"), QStringLiteral("%1 row(s) of %2").arg(oneMatch).arg(count));
    row(QStringLiteral("quick filter, many matches"), number(filterManyMs) + QStringLiteral(" ms"), QStringLiteral("%1 rows").arg(manyMatch));
    row(QStringLiteral("  decoding every record once"), number(decodeMs) + QStringLiteral(" ms"),
        QStringLiteral("%1 fields (the floor of a search over all rows)").arg(number(double(decodedKeys))));
    row(QStringLiteral("quick filter cleared (all rows back)"), number(filterClearMs) + QStringLiteral(" ms"));
    row(QStringLiteral("  the filter's search texts"), mebibytes(searchBytes),
        QStringLiteral("%1 bytes/row, %2 x the records' JSON (its memory budget)")
            .arg(number(double(searchBytes) / count), number(double(searchBytes) / double(jsonBytes), 2)));
    row(QStringLiteral("  rebuilding them for every row"), number(searchBuildMs) + QStringLiteral(" ms"),
        QStringLiteral("after a change of columns (decodes every record)"));
    out() << Qt::endl;
    row(QStringLiteral("records' compact JSON"), mebibytes(jsonBytes));
    const qint64 heldBytes = (rssHeldKiB - rssBeforeKiB) * 1024;
    row(QStringLiteral("RSS held: view, client, model, all rows"), mebibytes(heldBytes),
        QStringLiteral("%1 x JSON").arg(number(double(heldBytes) / double(jsonBytes), 2)));
    const qint64 growthBytes = (rssHeldKiB - rssFirstPageKiB) * 1024;
    const double growthJson = double(jsonBytes) * double(count - firstLoaded) / double(count);
    row(QStringLiteral("RSS growth, first page -> all loaded"), mebibytes(growthBytes),
        QStringLiteral("%1 x the JSON of those %2 records (%3 bytes/record)")
            .arg(number(double(growthBytes) / growthJson, 2), number(count - firstLoaded),
                 number(double(growthBytes) / qMax(1, count - firstLoaded))));
    row(QStringLiteral("peak RSS of the run (VmHWM)"), mebibytes(peakKiB * 1024), QStringLiteral("sandbox storage included"));
    row(QStringLiteral("RSS before the model (sandbox seeded)"), mebibytes(rssBeforeKiB * 1024));
    return 0;
}
