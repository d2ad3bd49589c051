#pragma once

#include "tones.h"

#include <optional>

class QWidget;

// Gives a widget's text a meaning's colour (Tones), kept right when the application's palette
// changes (a light/dark switch); std::nullopt returns it to the palette's own text colour.
// Replaces inline style sheets, which ignore the palette.
void setTone(QWidget *widget, std::optional<Tones::Tone> tone);
