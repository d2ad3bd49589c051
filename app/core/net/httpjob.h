#pragma once

#include "httprequest.h"
#include "httpresponse.h"
#include "job.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QPointer>

class HttpClient;
class QNetworkReply;
class QSaveFile;
class QTimer;

// One request sent by an HttpClient. Finishes once the response is final (after any retries and
// redirects): result() is the decoded JSON, response() the whole answer. An HTTP error status makes
// the job fail with an ApiError built from the body; the response stays readable.
// progress(done, total) reports upload bytes while a body is sent, then download bytes.
class HttpJob : public Job
{
    Q_OBJECT
public:
    const HttpRequest &request() const { return m_request; }
    const HttpResponse &response() const { return m_response; }
    // The method of the current attempt (a 303 redirect turns it into GET).
    QByteArray currentMethod() const { return m_method; }

protected:
    void doCancel() override;

private:
    friend class HttpClient;
    HttpJob(HttpClient *client, HttpRequest request);

    HttpClient *m_client;
    HttpRequest m_request;
    HttpResponse m_response;
    QUrl m_url;                       // current target (changes on redirect)
    QByteArray m_method;              // current method (303 turns it into GET)
    QPointer<QNetworkReply> m_reply;
    QTimer *m_retryTimer = nullptr;
    QSaveFile *m_sink = nullptr;      // the download file of the current attempt (setDownloadFile)
    QCryptographicHash m_sinkHash { QCryptographicHash::Sha256 };
    qint64 m_sinkBytes = 0;
    QTimer *m_deadlineTimer = nullptr;
    QElapsedTimer m_clock;
    qint64 m_bytesOut = 0;
    qint64 m_bytesIn = 0;
    int m_attemptErrors = 0;          // consecutive failed attempts
    int m_redirects = 0;
    bool m_replayedAfter401 = false;
    bool m_deadlineExpired = false;
    bool m_inFlight = false;          // holds one of the client's concurrency slots
    bool m_queued = false;
};
