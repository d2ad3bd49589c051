#include "servertext.h"

namespace ServerText {

static bool isBidiControl(char16_t c)
{
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F
        || c == 0x061C;
}

QString sanitized(const QString &text, qsizetype maxChars)
{
    QString out;
    out.reserve(std::min(text.size(), maxChars + 1));
    for (const QChar ch : text) {
        const char16_t c = ch.unicode();
        if (c == u'\n' || c == u'\r' || c == u'\t') {
            out += QLatin1Char(' ');
            continue;
        }
        if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || isBidiControl(c))
            continue;
        out += ch;
        if (out.size() > maxChars)
            break;
    }
    if (out.size() > maxChars) {
        out.truncate(maxChars);
        if (!out.isEmpty() && out.back().isHighSurrogate())
            out.chop(1);
        out += QStringLiteral("…");
    }
    return out;
}

} // namespace ServerText
