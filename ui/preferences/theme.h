#pragma once

#include "tenants/preferences.h"

#include <QPalette>

// The application's palette for a Preferences::Theme: System restores the style's own palette
// (which follows the desktop), Light and Dark set Fusion-like palettes built from two base
// colours, so every widget that uses palette roles follows. The one place colours are chosen.
namespace Theme {

// The palette of `theme` (System: the current style's own).
QPalette palette(Preferences::Theme theme);
void apply(Preferences::Theme theme);

} // namespace Theme
