#pragma once

#include <QString>

// Text that came from a server (error messages, reason phrases, service codes), made safe to show
// in a terminal or a widget: C0 and C1 control characters, DEL and bidirectional overrides are
// removed (so no escape sequence reaches a terminal and no text is shown reversed), line breaks
// and tabs become spaces, and the text is cut to `maxChars` characters (with "…").
// Applied where server text enters ApiError, so every caller (CLI and UI) gets it.
namespace ServerText {
QString sanitized(const QString &text, qsizetype maxChars = 2000);
}
