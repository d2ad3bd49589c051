// The Kinto client end to end over a scripted transport: the input is up to four HTTP answers
// (status line, headers, body) that a fake network manager hands back in turn, for a listing
// (Next-Page, ETag, Backoff), an item, a batch, the history, or a count. Whatever the server says,
// the job finishes once, without a crash, and no request leaves the tenant's origin.
//
// Input: byte 0 picks the operation; the rest is answers separated by "\n\n\n", each
// "STATUS\nName: value\n...\n\nbody".
#include "fuzzsupport.h"
#include "kintoclient.h"
#include "net/httpclient.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

#include <cstdlib>

namespace {

struct Answer
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
};

class FakeReply : public QNetworkReply
{
public:
    FakeReply(QNetworkAccessManager::Operation op, const QNetworkRequest &request, const Answer &answer, QObject *parent)
        : QNetworkReply(parent)
        , m_data(answer.body)
    {
        setRequest(request);
        setUrl(request.url());
        setOperation(op);
        setAttribute(QNetworkRequest::HttpStatusCodeAttribute, answer.status);
        for (const auto &header : answer.headers)
            setRawHeader(header.first, header.second);
        open(QIODevice::ReadOnly | QIODevice::Unbuffered);
        QTimer::singleShot(0, this, [this] {
            Q_EMIT metaDataChanged();
            Q_EMIT downloadProgress(m_data.size(), m_data.size());
            Q_EMIT readyRead();
            setFinished(true);
            Q_EMIT finished();
        });
    }
    void abort() override {}
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override { return m_data.size() - m_pos + QIODevice::bytesAvailable(); }

protected:
    qint64 readData(char *out, qint64 max) override
    {
        const qint64 n = std::min<qint64>(max, m_data.size() - m_pos);
        if (n <= 0)
            return -1;
        memcpy(out, m_data.constData() + m_pos, size_t(n));
        m_pos += n;
        return n;
    }

private:
    QByteArray m_data;
    qint64 m_pos = 0;
};

class FakeNam : public QNetworkAccessManager
{
public:
    QList<Answer> answers;
    int served = 0;
    QString host;

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request, QIODevice *) override
    {
        if (request.url().host() != host && request.hasRawHeader("Authorization") && !request.rawHeader("Authorization").isEmpty())
            std::abort(); // credentials sent to another host
        Answer answer = served < answers.size() ? answers.at(served) : Answer { 200, {}, "{\"data\":[]}" };
        ++served;
        return new FakeReply(op, request, answer, this);
    }
};

Answer parseAnswer(const QByteArray &text)
{
    Answer answer;
    const qsizetype blank = text.indexOf("\n\n");
    const QByteArray head = blank < 0 ? text : text.left(blank);
    answer.body = blank < 0 ? QByteArray() : text.mid(blank + 2);
    const QList<QByteArray> lines = head.split('\n');
    bool ok = false;
    const int status = lines.value(0).trimmed().toInt(&ok);
    answer.status = ok && status >= 100 && status < 600 ? status : 200;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            answer.headers.append({ lines[i].left(colon).trimmed(), lines[i].mid(colon + 1).trimmed() });
    }
    return answer;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzSupport::app();
    if (size < 1)
        return 0;
    static FakeNam nam; // one per process: making a network manager costs more than a run
    nam.host = QStringLiteral("tenant.example");
    nam.answers.clear();
    nam.served = 0;
    const QByteArray rest = FuzzSupport::bytes(data + 1, size - 1);
    qsizetype from = 0;
    while (nam.answers.size() < 4) {
        const qsizetype sep = rest.indexOf("\n\n\n", from);
        nam.answers.append(parseAnswer(rest.mid(from, sep < 0 ? -1 : sep - from)));
        if (sep < 0)
            break;
        from = sep + 3;
    }
    KintoClient::Settings settings;
    settings.serverUrl = QUrl(QStringLiteral("https://tenant.example/v1"));
    settings.auth = QStringLiteral("alice:s3cr3t");
    KintoClient client(&nam, settings);
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
    int finishedCount = 0;
    QEventLoop loop;
    QObject::connect(job, &Job::finished, &loop, [&] {
        ++finishedCount;
        loop.quit();
    });
    QTimer::singleShot(5000, &loop, [] { std::abort(); }); // a job that never finishes
    loop.exec();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    if (finishedCount != 1)
        std::abort();
    return 0;
}
