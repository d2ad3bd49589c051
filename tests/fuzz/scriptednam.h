#pragma once

// A scripted transport for the fuzz targets that drive a service client end to end: a fake
// network manager hands back the input's HTTP answers in turn ("STATUS\nName: value\n...\n\nbody",
// separated by "\n\n\n"), aborts when credentials would go to another host, and run() waits for
// a job, aborting unless it finishes exactly once within 5 s.

#include "fuzzsupport.h"
#include "net/job.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

#include <cstdlib>
#include <cstring>

namespace ScriptedNam {


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

inline Answer parseAnswer(const QByteArray &text)
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

// The answers of `input` (at most four), served in turn by `nam` for `host`.
inline void script(FakeNam &nam, const QByteArray &input, const QString &host)
{
    nam.host = host;
    nam.answers.clear();
    nam.served = 0;
    qsizetype from = 0;
    while (nam.answers.size() < 4) {
        const qsizetype sep = input.indexOf("\n\n\n", from);
        nam.answers.append(parseAnswer(input.mid(from, sep < 0 ? -1 : sep - from)));
        if (sep < 0)
            break;
        from = sep + 3;
    }
}

// Waits for `job`; aborts unless it finishes exactly once within 5 s.
inline void run(Job *job)
{
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
}

} // namespace ScriptedNam
