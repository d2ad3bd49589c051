#include "requestdetails.h"

#include "net/redaction.h"
#include "net/requestlog.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QLocale>
#include <QUrl>

namespace RequestDetails {
namespace {

// The translation context of these texts (lupdate reads Text::tr).
class Text
{
    Q_DECLARE_TR_FUNCTIONS(RequestDetails)
};

QString withPlaceholders(QString text)
{
    text.replace(QString::fromLatin1(QUrl::toPercentEncoding(Redaction::Mask)), SecretPlaceholder);
    text.replace(Redaction::Mask, SecretPlaceholder);
    return text;
}

QString shellQuoted(const QString &text)
{
    QString quoted = text;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

} // namespace

QString headerText(const QList<QPair<QByteArray, QByteArray>> &headers)
{
    if (headers.isEmpty())
        return Text::tr("(none)") + QLatin1Char('\n');
    QString lines;
    for (const auto &header : headers)
        lines += QString::fromLatin1(header.first) + QStringLiteral(": ") + QString::fromUtf8(header.second) + QLatin1Char('\n');
    return lines;
}

QString prettyBody(const QByteArray &body)
{
    if (body.isEmpty())
        return Text::tr("(empty)");
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isNull())
        return QString::fromUtf8(document.toJson(QJsonDocument::Indented)).trimmed();
    return QString::fromUtf8(body);
}

QString text(const RequestLogEntry &entry)
{
    const QLocale locale;
    QString out = QString::fromLatin1(entry.method) + QLatin1Char(' ') + entry.url + QLatin1Char('\n');
    if (!entry.tenant.isEmpty())
        out += Text::tr("Tenant: %1").arg(entry.tenant) + QLatin1Char('\n');
    out += Text::tr("Started: %1").arg(entry.started.toLocalTime().toString(Qt::ISODateWithMs)) + QLatin1Char('\n');
    if (entry.dryRun)
        out += Text::tr("Dry run: not sent") + QLatin1Char('\n');
    else
        out += Text::tr("Status: %1").arg(entry.status > 0 ? QString::number(entry.status) : Text::tr("no HTTP answer")) + QLatin1Char('\n');
    out += Text::tr("Duration: %1 ms").arg(entry.durationMs) + QLatin1Char('\n');
    out += Text::tr("Retries: %1").arg(entry.retries) + QLatin1Char('\n');
    out += Text::tr("Sent %1, received %2").arg(locale.formattedDataSize(entry.bytesOut), locale.formattedDataSize(entry.bytesIn))
        + QLatin1Char('\n');
    if (!entry.error.isEmpty())
        out += Text::tr("Error: %1").arg(entry.error) + QLatin1Char('\n');
    out += QLatin1Char('\n') + Text::tr("Request headers") + QLatin1Char('\n') + headerText(entry.requestHeaders);
    out += QLatin1Char('\n') + Text::tr("Request body") + QLatin1Char('\n') + prettyBody(entry.requestBody) + QLatin1Char('\n');
    out += QLatin1Char('\n') + Text::tr("Response headers") + QLatin1Char('\n') + headerText(entry.responseHeaders);
    out += QLatin1Char('\n') + Text::tr("Response body") + QLatin1Char('\n') + prettyBody(entry.responseBody) + QLatin1Char('\n');
    if (entry.bodyTruncated)
        out += Text::tr("(bodies cut at %1)").arg(locale.formattedDataSize(RequestLogEntry::MaxBodyBytes)) + QLatin1Char('\n');
    return out;
}

QString curl(const RequestLogEntry &entry)
{
    if (entry.method.isEmpty())
        return {};
    // One option per line: the command, each header, the body.
    QString command = QStringLiteral("curl");
    if (entry.method != "GET")
        command += QStringLiteral(" -X ") + QString::fromLatin1(entry.method);
    QStringList parts { command + QLatin1Char(' ') + shellQuoted(withPlaceholders(entry.url)) };
    for (const auto &header : entry.requestHeaders) {
        // curl computes these itself.
        if (header.first.compare("Content-Length", Qt::CaseInsensitive) == 0
            || header.first.compare("Host", Qt::CaseInsensitive) == 0)
            continue;
        parts << QStringLiteral("-H ")
                + shellQuoted(withPlaceholders(QString::fromLatin1(header.first) + QStringLiteral(": ")
                                               + QString::fromUtf8(header.second)));
    }
    if (!entry.requestBody.isEmpty() && !entry.requestBody.startsWith('('))
        parts << QStringLiteral("--data-binary ") + shellQuoted(withPlaceholders(QString::fromUtf8(entry.requestBody)));
    return parts.join(QStringLiteral(" \\\n  "));
}

} // namespace RequestDetails
