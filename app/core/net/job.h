#pragma once

#include "apierror.h"

#include <QJsonValue>
#include <QObject>
#include <QPointer>

// A unit of asynchronous work, TenantDesk's one async primitive (in the manner of KJob).
//
// Contract:
// - finished() is emitted exactly once, and never from inside the call that created the job:
//   even an immediate failure is delivered from the event loop (see failLater()).
// - After finished() the job deletes itself (deleteLater) unless setAutoDelete(false).
// - cancel() aborts the work (and every child job) and finishes the job with a Cancelled error.
// - The creator of a job finishes it with succeed() or fail(); callers only read it.
class Job : public QObject
{
    Q_OBJECT
public:
    explicit Job(QObject *parent = nullptr);
    ~Job() override;

    bool isFinished() const { return m_finished; }
    bool hasError() const { return m_error.isError(); }
    const ApiError &error() const { return m_error; }
    // The decoded payload (JSON for service jobs).
    const QJsonValue &result() const { return m_result; }

    void setAutoDelete(bool autoDelete) { m_autoDelete = autoDelete; }
    bool autoDelete() const { return m_autoDelete; }

    // Aborts the work; finishes with ApiError::Kind::Cancelled. No effect once finished.
    void cancel();

    // Finish the job (for its creator). Calls after the first finish are ignored.
    void succeed(const QJsonValue &result = {});
    void fail(const ApiError &error);
    // Fails from the event loop: the path every early failure takes, so callers can connect first.
    void failLater(const ApiError &error);
    void succeedLater(const QJsonValue &result = {});

    // A child job is cancelled with this one. The child is not owned.
    void addChild(Job *child);

    void setProgress(qint64 done, qint64 total);

Q_SIGNALS:
    void finished(Job *job);
    void progress(qint64 done, qint64 total);

protected:
    // Called by cancel() before the job finishes; subclasses abort their own work here.
    virtual void doCancel() {}

private:
    void finishNow();

    ApiError m_error;
    QJsonValue m_result;
    QList<QPointer<Job>> m_children;
    bool m_finished = false;
    bool m_finishing = false;
    bool m_autoDelete = true;
};
