#include "restsettings.h"

#include "net/httpclient.h"

#include <QCoreApplication>

#include <algorithm>

void RestSettings::applyTo(HttpClient *client) const
{
    client->setBaseUrl(baseUrl);
    client->setTransferTimeout(timeoutSeconds * 1000);
    client->setDeadline(0);
    RetryPolicy policy = client->retryPolicy();
    policy.maxRetries = retries;
    policy.backoffFactor = backoffFactor;
    policy.statuses = retryStatuses;
    policy.retryNetworkErrors = retries > 0;
    client->setRetryPolicy(policy);
    client->setPinnedCertificate(pinnedCertificate);
}

QSet<int> RestSettings::defaultRetryStatuses()
{
    // Filled one by one: an initializer list here trips GCC 12's -Wdangling-pointer (a false positive).
    QSet<int> statuses;
    for (int status : { 504, 503, 502, 500, 429, 425, 408 })
        statuses.insert(status);
    return statuses;
}

static QList<int> sorted(const QSet<int> &set)
{
    QList<int> list(set.begin(), set.end());
    std::sort(list.begin(), list.end(), std::greater<int>());
    return list;
}

static bool statusesFrom(const QVariant &value, QSet<int> *statuses)
{
    if (value.typeId() == QMetaType::QString)
        return RestSettings::parseStatuses(value.toString(), statuses);
    QSet<int> result;
    for (const QVariant &item : value.toList()) {
        bool ok = false;
        const int status = item.toInt(&ok);
        if (!ok || status < 100 || status > 599)
            return false;
        result.insert(status);
    }
    *statuses = result;
    return true;
}

bool RestSettings::parseStatuses(const QString &text, QSet<int> *statuses)
{
    QSet<int> result;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int status = part.trimmed().toInt(&ok);
        if (!ok || status < 100 || status > 599)
            return false;
        result.insert(status);
    }
    *statuses = result;
    return true;
}

bool RestSettings::fromOptions(const QUrl &baseUrl, const QVariantMap &options, RestSettings *settings, QString *error)
{
    const auto tr = [](const char *text) { return QCoreApplication::translate("RestSettings", text); };
    RestSettings s;
    s.baseUrl = baseUrl;
    bool ok = true;
    if (options.contains(QStringLiteral("timeoutSeconds"))) {
        s.timeoutSeconds = options.value(QStringLiteral("timeoutSeconds")).toInt(&ok);
        if (!ok || s.timeoutSeconds < 1) {
            *error = tr("The timeout must be a whole number of seconds, at least 1.");
            return false;
        }
    }
    if (options.contains(QStringLiteral("retries"))) {
        s.retries = options.value(QStringLiteral("retries")).toInt(&ok);
        if (!ok || s.retries < 0 || s.retries > 20) {
            *error = tr("Retries must be between 0 and 20.");
            return false;
        }
    }
    if (options.contains(QStringLiteral("backoffFactor"))) {
        s.backoffFactor = options.value(QStringLiteral("backoffFactor")).toDouble(&ok);
        if (!ok || s.backoffFactor < 0 || s.backoffFactor > 60) {
            *error = tr("The backoff factor must be between 0 and 60.");
            return false;
        }
    }
    if (options.contains(QStringLiteral("retryStatuses"))
        && !statusesFrom(options.value(QStringLiteral("retryStatuses")), &s.retryStatuses)) {
        *error = tr("Retry statuses must be HTTP statuses (100-599).");
        return false;
    }
    if (options.contains(QStringLiteral("ignoredStatuses"))
        && !statusesFrom(options.value(QStringLiteral("ignoredStatuses")), &s.ignoredStatuses)) {
        *error = tr("Ignored statuses must be HTTP statuses (100-599).");
        return false;
    }
    s.raiseOnError = options.value(QStringLiteral("raiseOnError"), true).toBool();
    s.serialize = options.value(QStringLiteral("serialize"), true).toBool();
    s.pinnedCertificate = options.value(QStringLiteral("pinnedCertificate")).toByteArray();
    *settings = s;
    return true;
}

QVariantMap RestSettings::toOptions() const
{
    QVariantList retry, ignored;
    for (int status : sorted(retryStatuses))
        retry << status;
    for (int status : sorted(ignoredStatuses))
        ignored << status;
    QVariantMap options { { QStringLiteral("timeoutSeconds"), timeoutSeconds }, { QStringLiteral("retries"), retries },
        { QStringLiteral("backoffFactor"), backoffFactor }, { QStringLiteral("retryStatuses"), retry },
        { QStringLiteral("ignoredStatuses"), ignored }, { QStringLiteral("raiseOnError"), raiseOnError },
        { QStringLiteral("serialize"), serialize } };
    if (!pinnedCertificate.isEmpty())
        options.insert(QStringLiteral("pinnedCertificate"), pinnedCertificate);
    return options;
}
