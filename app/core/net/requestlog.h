#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QObject>
#include <QString>
#include <QUrl>

// One finished (or dry-run) HTTP request, as the request log shows it. Never holds a secret:
// the URL is redacted (no user info, secret-looking query values replaced) before it gets here.
struct RequestLogEntry
{
    quint64 id = 0;
    QDateTime started;
    QString tenant;   // display name of the tenant session, if any
    QByteArray method;
    QString url;      // redacted
    int status = 0;   // HTTP status; 0 when no HTTP answer (network error, dry run)
    qint64 durationMs = 0;
    qint64 bytesIn = 0;
    qint64 bytesOut = 0;
    int retries = 0;
    bool dryRun = false;
    QString error;    // ApiError::toString() when the request failed
    // What the last attempt sent and got, redacted (Redaction::headers, Redaction::body): secret
    // header values and secret-named body fields are Redaction::Mask. Bodies are cut at
    // MaxBodyBytes (bodyTruncated tells); a file part or a streamed download is described, not kept.
    QList<QPair<QByteArray, QByteArray>> requestHeaders;
    QList<QPair<QByteArray, QByteArray>> responseHeaders;
    QByteArray requestBody;
    QByteArray responseBody;
    bool bodyTruncated = false;
    static constexpr int MaxBodyBytes = 8 * 1024; // at most 80 MiB for a full log of 5,000
};

// An append-only, bounded log of requests shared by the HTTP clients of a process.
// Emits appended() after each entry is stored; when the capacity is exceeded the oldest entries
// are dropped and trimmed(n) is emitted (n = how many were removed from the front).
class RequestLog : public QObject
{
    Q_OBJECT
public:
    explicit RequestLog(QObject *parent = nullptr);

    void append(RequestLogEntry entry);
    const QList<RequestLogEntry> &entries() const { return m_entries; }
    int count() const { return int(m_entries.size()); }
    void clear();

    int capacity() const { return m_capacity; }
    void setCapacity(int capacity);

    // The tenant column of a request sent before the tenant exists (a wizard's checks): `name`
    // when given, else "New tenant (<host of url>)".
    static QString wizardLabel(const QString &name, const QUrl &url);

Q_SIGNALS:
    void appended(const RequestLogEntry &entry);
    void trimmed(int removedFromFront);
    void cleared();

private:
    void trim();

    QList<RequestLogEntry> m_entries;
    int m_capacity = 5000;
    quint64 m_nextId = 1;
};
