// The colours with a meaning (Tones) read on light and dark palettes (WCAG contrast of at least
// 4.5:1 against the window and the base), and a toned label follows a switch of the application's
// palette instead of keeping the old theme's colour.

#include "tones.h"
#include "widgets/tonedlabel.h"

#include <QApplication>
#include <QLabel>
#include <QStyle>
#include <QStyleFactory>
#include <QTest>

#include <cmath>

namespace {

double luminance(const QColor &color)
{
    const auto channel = [](double c) { return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF());
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// Fusion's light palette, and a dark one as desktops ship it.
QPalette lightPalette()
{
    return QStyleFactory::create(QStringLiteral("Fusion"))->standardPalette();
}

QPalette darkPalette()
{
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::Disabled, QPalette::Text, QColor(0x9a, 0x9a, 0x9a));
    return dark;
}

} // namespace

Q_DECLARE_METATYPE(Tones::Tone)

class tst_Tones : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readableOnEveryPalette_data();
    void readableOnEveryPalette();
    void toneFollowsAPaletteSwitch();
};

void tst_Tones::readableOnEveryPalette_data()
{
    QTest::addColumn<QPalette>("palette");
    QTest::addColumn<Tones::Tone>("tone");
    const QList<QPair<const char *, Tones::Tone>> tones { { "error", Tones::Tone::Error }, { "warning", Tones::Tone::Warning },
                                                          { "success", Tones::Tone::Success } };
    for (const auto &[name, tone] : tones) {
        QTest::addRow("%s on light", name) << lightPalette() << tone;
        QTest::addRow("%s on dark", name) << darkPalette() << tone;
    }
}

void tst_Tones::readableOnEveryPalette()
{
    QFETCH(QPalette, palette);
    QFETCH(Tones::Tone, tone);
    const QColor color = Tones::color(tone, palette);
    for (const QPalette::ColorRole background : { QPalette::Window, QPalette::Base }) {
        const double ratio = contrast(color, palette.color(background));
        QVERIFY2(ratio >= 4.5, qPrintable(QStringLiteral("%1 on %2: %3:1").arg(color.name(), palette.color(background).name()).arg(ratio)));
    }
}

void tst_Tones::toneFollowsAPaletteSwitch()
{
    QApplication::setPalette(lightPalette());
    QLabel label(QStringLiteral("Something failed"));
    new QObject(&label); // a widget may already have children of its own
    setTone(&label, Tones::Tone::Error);
    QCOMPARE(label.palette().color(QPalette::WindowText), Tones::color(Tones::Tone::Error, lightPalette()));

    QApplication::setPalette(darkPalette());
    QTRY_COMPARE(label.palette().color(QPalette::WindowText), Tones::color(Tones::Tone::Error, darkPalette()));
    QCOMPARE(label.palette().color(QPalette::Window), darkPalette().color(QPalette::Window));

    setTone(&label, std::nullopt); // back to the palette's own text colour
    QCOMPARE(label.palette().color(QPalette::WindowText), darkPalette().color(QPalette::WindowText));
}

QTEST_MAIN(tst_Tones)
#include "tst_tones.moc"
