#include "tones.h"

namespace Tones {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor color(Tone tone, const QPalette &palette)
{
    // Dark shades (Material 800-900) on light backgrounds, light ones (Material 200) on dark: each
    // keeps a contrast above 4.5:1 with the usual window and base colours (tst_tones).
    const bool dark = isDark(palette);
    switch (tone) {
    case Tone::Error: return dark ? QColor(0xef, 0x9a, 0x9a) : QColor(0xc6, 0x28, 0x28);
    case Tone::Warning: return dark ? QColor(0xff, 0xcc, 0x80) : QColor(0xa8, 0x43, 0x00);
    case Tone::Success: return dark ? QColor(0xa5, 0xd6, 0xa7) : QColor(0x1b, 0x5e, 0x20);
    case Tone::Busy: return dark ? QColor(0xff, 0xe0, 0x82) : QColor(0xf5, 0x7f, 0x17);
    case Tone::Muted: return palette.color(QPalette::Disabled, QPalette::Text);
    }
    return palette.color(QPalette::Text);
}

QColor markColor(Tone tone)
{
    switch (tone) {
    case Tone::Error: return QColor(0xe5, 0x39, 0x35);
    case Tone::Warning: return QColor(0xef, 0x6c, 0x00);
    case Tone::Success: return QColor(0x43, 0xa0, 0x47);
    case Tone::Busy: return QColor(0xf9, 0xa8, 0x25);
    case Tone::Muted: return QColor(0x9e, 0x9e, 0x9e);
    }
    return {};
}

} // namespace Tones
