#include "preferences.h"

#include "net/httpclient.h"
#include "net/requestlog.h"
#include "tenant.h"

#include <QSettings>

namespace {
const QString Group = QStringLiteral("preferences/");

int intValue(const QSettings &settings, const char *key, int fallback, int low, int high)
{
    bool ok = false;
    const int value = settings.value(Group + QLatin1String(key), fallback).toInt(&ok);
    return ok ? qBound(low, value, high) : fallback;
}
} // namespace

Preferences Preferences::load(const QSettings &settings)
{
    Preferences p;
    p.maxConcurrent = intValue(settings, "maxConcurrent", p.maxConcurrent, 1, 32);
    p.timeoutSeconds = intValue(settings, "timeoutSeconds", p.timeoutSeconds, 5, 600);
    p.deadlineSeconds = intValue(settings, "deadlineSeconds", p.deadlineSeconds, 0, 3600);
    if (p.deadlineSeconds > 0 && p.deadlineSeconds < 10)
        p.deadlineSeconds = 10;
    p.maxRetries = intValue(settings, "maxRetries", p.maxRetries, 0, 10);
    bool ok = false;
    const double factor = settings.value(Group + QStringLiteral("backoffFactor"), p.backoffFactor).toDouble(&ok);
    p.backoffFactor = ok ? qBound(0.0, factor, 10.0) : p.backoffFactor;
    p.retryNetworkErrors = settings.value(Group + QStringLiteral("retryNetworkErrors"), true).toBool();
    p.requestLogSize = intValue(settings, "requestLogSize", p.requestLogSize, 100, 100000);
    p.pageSize = intValue(settings, "pageSize", p.pageSize, 10, 1000);
    const QString theme = settings.value(Group + QStringLiteral("theme")).toString();
    p.theme = theme == themeName(Theme::Light) ? Theme::Light : theme == themeName(Theme::Dark) ? Theme::Dark : Theme::System;
    return p;
}

void Preferences::save(QSettings &settings) const
{
    settings.setValue(Group + QStringLiteral("maxConcurrent"), maxConcurrent);
    settings.setValue(Group + QStringLiteral("timeoutSeconds"), timeoutSeconds);
    settings.setValue(Group + QStringLiteral("deadlineSeconds"), deadlineSeconds);
    settings.setValue(Group + QStringLiteral("maxRetries"), maxRetries);
    settings.setValue(Group + QStringLiteral("backoffFactor"), backoffFactor);
    settings.setValue(Group + QStringLiteral("retryNetworkErrors"), retryNetworkErrors);
    settings.setValue(Group + QStringLiteral("requestLogSize"), requestLogSize);
    settings.setValue(Group + QStringLiteral("pageSize"), pageSize);
    settings.setValue(Group + QStringLiteral("theme"), themeName(theme));
}

void Preferences::applyTo(HttpClient *client, const Tenant &tenant) const
{
    if (!client)
        return;
    if (!tenant.options.contains(QStringLiteral("maxConcurrent")))
        client->setMaxConcurrent(maxConcurrent);
    if (!tenant.options.contains(QStringLiteral("timeoutSeconds")))
        client->setTransferTimeout(timeoutSeconds * 1000);
    client->setDeadline(deadlineSeconds * 1000);
    RetryPolicy retry = client->retryPolicy();
    retry.maxRetries = maxRetries;
    retry.backoffFactor = backoffFactor;
    retry.retryNetworkErrors = retryNetworkErrors;
    client->setRetryPolicy(retry);
}

void Preferences::applyTo(RequestLog *log) const
{
    if (log)
        log->setCapacity(requestLogSize);
}

QString Preferences::themeName(Theme theme)
{
    switch (theme) {
    case Theme::Light:
        return QStringLiteral("light");
    case Theme::Dark:
        return QStringLiteral("dark");
    case Theme::System:
        break;
    }
    return QStringLiteral("system");
}
