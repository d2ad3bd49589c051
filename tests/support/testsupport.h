#pragma once

#include "net/job.h"

#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTest>

namespace TestSupport {

// Waits (running the event loop) until the job finishes. The job is switched to manual deletion so
// the test can read it afterwards: wrap it in std::unique_ptr or delete it. Returns false on timeout.
bool waitFor(Job *job, int timeoutMs = 15000);

// Switches the job to manual deletion at once: use it on jobs created together and awaited one after
// another, since a job that finishes while the test waits for another would otherwise delete itself.
template <typename J>
J *keep(J *job)
{
    job->setAutoDelete(false);
    return job;
}

// What a job left when it finished: whether it finished in time, its error and its result.
struct Outcome
{
    bool finished = false;
    ApiError error;
    QJsonValue result;
};

// Waits for the job, reads it and deletes it (a job that did not finish in time is left alone:
// it may still be running; `finished` is false then).
Outcome await(Job *job, int timeoutMs = 15000);

// Peak resident set size of this process in KiB (VmHWM), and the current one (VmRSS).
qint64 peakRssKiB();

// False in an AddressSanitizer build, whose allocator quarantine and shadow memory make resident
// set sizes say nothing about the code: memory bounds are asserted only when this is true.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool MemoryFiguresHold = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool MemoryFiguresHold = false;
#else
inline constexpr bool MemoryFiguresHold = true;
#endif
#else
inline constexpr bool MemoryFiguresHold = true;
#endif

// A throwaway self-signed certificate for 127.0.0.1 (made with the openssl tool into `dir`), as a
// server-side TLS configuration, and the certificate's SHA-256 fingerprint in hex. False on failure.
bool makeSelfSignedTls(const QString &dir, QSslConfiguration *server, QByteArray *sha256Hex);
qint64 currentRssKiB();

} // namespace TestSupport
