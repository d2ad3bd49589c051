#pragma once

#include "httprequest.h"

#include <QJsonValue>
#include <QUrl>

// What the server answered (or, in dry mode, the local stand-in answer).
struct HttpResponse
{
    int status = 0;          // HTTP status; 0 in dry mode or when nothing came back
    QUrl url;                // the final URL (after redirects)
    HeaderList headers;
    QByteArray body;         // raw bytes (always kept for non-JSON content)
    QJsonValue json;         // decoded when the content type is JSON (or JSON-like) and parses
    bool dryRun = false;
    int retries = 0;         // how many times the request was re-sent

    QByteArray header(const QByteArray &name) const; // case-insensitive; empty when absent
    bool hasHeader(const QByteArray &name) const;
};
