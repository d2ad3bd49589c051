#include "tonedlabel.h"

#include <QApplication>
#include <QEvent>
#include <QPointer>
#include <QWidget>

namespace {

constexpr char ToneProperty[] = "tenantdesk_tone";

void applyTone(QWidget *widget)
{
    const QVariant tone = widget->property(ToneProperty);
    // Start from the application's palette so a theme switch is followed, then colour the text.
    QPalette palette = QApplication::palette(widget);
    if (tone.isValid()) {
        const QColor color = Tones::color(Tones::Tone(tone.toInt()), palette);
        palette.setColor(QPalette::WindowText, color);
        palette.setColor(QPalette::Text, color);
    }
    widget->setPalette(palette);
}

// Re-applies a widget's tone when the application palette changes.
// Found again by its object name (it has no meta-object of its own).
class ToneKeeper : public QObject
{
public:
    explicit ToneKeeper(QWidget *widget)
        : QObject(widget)
    {
        setObjectName(QStringLiteral("toneKeeper"));
    }
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::ApplicationPaletteChange)
            applyTone(static_cast<QWidget *>(watched));
        return false;
    }
};

} // namespace

void setTone(QWidget *widget, std::optional<Tones::Tone> tone)
{
    if (!widget->findChild<QObject *>(QStringLiteral("toneKeeper"), Qt::FindDirectChildrenOnly))
        widget->installEventFilter(new ToneKeeper(widget));
    widget->setProperty(ToneProperty, tone ? QVariant(int(*tone)) : QVariant());
    applyTone(widget);
}
