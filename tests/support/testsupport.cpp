#include "testsupport.h"

#include <QFile>

namespace TestSupport {

bool waitFor(Job *job, int timeoutMs)
{
    job->setAutoDelete(false);
    if (job->isFinished())
        return true;
    QSignalSpy spy(job, &Job::finished);
    return spy.wait(timeoutMs);
}

static qint64 statusField(const QByteArray &name)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(name))
            return line.mid(name.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

qint64 peakRssKiB() { return statusField("VmHWM:"); }
qint64 currentRssKiB() { return statusField("VmRSS:"); }

} // namespace TestSupport
