#pragma once

#include "tenants/preferences.h"

// The application's palette for a Preferences::Theme: System restores the style's own palette
// (which follows the desktop), Light and Dark set Fusion-like palettes built from two base
// colours, so every widget that uses palette roles follows. The one place colours are chosen.
namespace Theme {

void apply(Preferences::Theme theme);
// True when the application's window colour is dark (for code choosing an accent).
bool isDark();

} // namespace Theme
