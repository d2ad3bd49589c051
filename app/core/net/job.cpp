#include "job.h"

#include <QTimer>

Job::Job(QObject *parent)
    : QObject(parent)
{
}

Job::~Job() = default;

void Job::cancel()
{
    if (m_finished || m_finishing)
        return;
    for (const QPointer<Job> &child : std::as_const(m_children)) {
        if (child)
            child->cancel();
    }
    doCancel();
    fail(ApiError(ApiError::Kind::Cancelled, tr("Cancelled")));
}

void Job::succeed(const QJsonValue &result)
{
    if (m_finished || m_finishing)
        return;
    m_result = result;
    finishNow();
}

void Job::fail(const ApiError &error)
{
    if (m_finished || m_finishing)
        return;
    m_error = error;
    finishNow();
}

void Job::failLater(const ApiError &error)
{
    QTimer::singleShot(0, this, [this, error] { fail(error); });
}

void Job::succeedLater(const QJsonValue &result)
{
    QTimer::singleShot(0, this, [this, result] { succeed(result); });
}

void Job::addChild(Job *child)
{
    m_children.removeAll(nullptr);
    m_children.append(child);
}

void Job::setProgress(qint64 done, qint64 total)
{
    Q_EMIT progress(done, total);
}

void Job::finishNow()
{
    m_finishing = true;
    m_finished = true;
    Q_EMIT finished(this);
    if (m_autoDelete)
        deleteLater();
}
