#pragma once

#include <QColor>
#include <QGuiApplication>
#include <QPalette>

// The colours that carry a meaning (an error, a warning, success, something muted), chosen for a
// palette so that they read on light and on dark backgrounds: the one place TenantDesk names a
// colour. Models return them in Qt::ForegroundRole; widgets use ui/widgets/tonedlabel.h.
namespace Tones {

enum class Tone { Error, Warning, Success, Busy, Muted };

// True when the palette's window is dark (text drawn light on dark).
bool isDark(const QPalette &palette);
// The colour of `tone` for text on `palette`'s base and window colours.
QColor color(Tone tone, const QPalette &palette = QGuiApplication::palette());
// The colour of `tone` for a status mark drawn on an icon (saturated, the same on every palette).
QColor markColor(Tone tone);

} // namespace Tones
