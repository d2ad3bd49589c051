#include "theme.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>

namespace Theme {
namespace {

// A palette from a window colour and a text colour; the other roles are derived from them.
QPalette paletteFrom(const QColor &window, const QColor &text, const QColor &highlight)
{
    const bool dark = window.lightness() < 128;
    const QColor base = dark ? window.darker(130) : window.lighter(106);
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, dark ? base.lighter(115) : base.darker(104));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, dark ? text.darker(160) : text.lighter(220));
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, dark ? highlight.lighter(140) : highlight);
    p.setColor(QPalette::BrightText, Qt::red);
    for (const QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, dark ? text.darker(180) : text.lighter(300));
    return p;
}

} // namespace

QPalette palette(Preferences::Theme theme)
{
    switch (theme) {
    case Preferences::Theme::Light:
        return paletteFrom(QColor(239, 239, 239), QColor(20, 20, 20), QColor(48, 140, 198));
    case Preferences::Theme::Dark:
        return paletteFrom(QColor(45, 45, 48), QColor(230, 230, 230), QColor(42, 130, 218));
    case Preferences::Theme::System:
        break;
    }
    return QApplication::style()->standardPalette();
}

void apply(Preferences::Theme theme)
{
    QApplication::setPalette(palette(theme));
}

} // namespace Theme
