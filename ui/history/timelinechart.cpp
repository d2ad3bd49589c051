#include "history/timelinechart.h"

#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

TimelineChart::TimelineChart(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setMouseTracking(true);
}

void TimelineChart::setCounts(const QMap<QDate, int> &counts)
{
    m_counts.clear();
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (it.key().isValid() && it.value() > 0)
            m_counts.insert(it.key(), it.value());
    }
    update();
}

QDate TimelineChart::firstDay() const
{
    if (m_counts.isEmpty())
        return {};
    const QDate first = m_counts.firstKey();
    const QDate capped = lastDay().addDays(-(MaxDays - 1));
    return first < capped ? capped : first;
}

int TimelineChart::dayCount() const
{
    if (m_counts.isEmpty())
        return 0;
    return int(firstDay().daysTo(lastDay())) + 1;
}

int TimelineChart::maxCount() const
{
    int most = 0;
    for (auto it = m_counts.lowerBound(firstDay()); it != m_counts.cend(); ++it)
        most = qMax(most, it.value());
    return most;
}

QSize TimelineChart::sizeHint() const
{
    return { 480, 110 };
}

QSize TimelineChart::minimumSizeHint() const
{
    return { 120, 80 };
}

QRect TimelineChart::plotRect() const
{
    const QFontMetrics fm = fontMetrics();
    // Room on the left for the highest count, below for the first and last dates.
    const int left = fm.horizontalAdvance(QString::number(qMax(1, maxCount()))) + 8;
    return rect().adjusted(left, 6, -6, -(fm.height() + 6));
}

double TimelineChart::slotWidth() const
{
    // A day gets its share of the width, but no more than a bar that still reads as a bar.
    return qMin(double(MaxSlotWidth), double(plotRect().width()) / qMax(1, dayCount()));
}

QDate TimelineChart::dayAt(const QPoint &pos) const
{
    const int days = dayCount();
    const QRect plot = plotRect();
    if (days == 0 || !plot.contains(pos))
        return {};
    const double slot = slotWidth();
    const double left = plot.right() + 1 - slot * days;
    if (pos.x() < left)
        return {};
    const int index = int((pos.x() - left) / slot);
    return firstDay().addDays(qBound(0, index, days - 1));
}

void TimelineChart::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QPalette pal = palette();
    painter.fillRect(rect(), pal.base());
    const QRect plot = plotRect();
    painter.setPen(pal.color(QPalette::Mid));
    painter.drawLine(plot.bottomLeft(), plot.bottomRight());

    const int days = dayCount();
    if (days == 0) {
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter, tr("No changes to chart"));
        return;
    }
    const int most = maxCount();
    const double slot = slotWidth();
    const double left = plot.right() + 1 - slot * days; // bars end at the right edge: today is there
    const QDate first = firstDay();
    painter.setRenderHint(QPainter::Antialiasing, false);
    for (auto it = m_counts.lowerBound(first); it != m_counts.cend(); ++it) {
        const qint64 index = first.daysTo(it.key());
        const int height = qMax(1, int(double(plot.height()) * it.value() / most));
        const QRectF bar(left + index * slot + (slot > 4 ? 1 : 0), plot.bottom() - height + 1,
                         qMax(1.0, slot - (slot > 4 ? 2 : 0)), height);
        painter.fillRect(bar, pal.color(QPalette::Highlight));
    }

    const QLocale locale;
    painter.setPen(pal.color(QPalette::Text));
    const QFontMetrics fm = fontMetrics();
    painter.drawText(QRect(0, plot.top(), plot.left() - 4, fm.height()), Qt::AlignRight | Qt::AlignTop,
                     QString::number(most));
    // The first day's date under its bar (moved left when the bars are too few to hold it), the
    // last day's at the right edge when both fit.
    const QString firstText = locale.toString(first, QLocale::ShortFormat);
    const QString lastText = locale.toString(lastDay(), QLocale::ShortFormat);
    const int firstX = qMax(0, qMin(int(left), plot.right() - fm.horizontalAdvance(firstText)));
    const int top = plot.bottom() + 3;
    painter.drawText(QRect(firstX, top, width() - firstX, fm.height()), Qt::AlignLeft | Qt::AlignTop, firstText);
    const int lastX = plot.right() - fm.horizontalAdvance(lastText);
    if (days > 1 && lastX > firstX + fm.horizontalAdvance(firstText) + 8)
        painter.drawText(QRect(lastX, top, plot.right() - lastX + 1, fm.height()), Qt::AlignLeft | Qt::AlignTop, lastText);
}

bool TimelineChart::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QDate day = dayAt(help->pos());
        if (day.isValid()) {
            QToolTip::showText(help->globalPos(),
                               tr("%1: %n change(s)", nullptr, m_counts.value(day))
                                   .arg(QLocale().toString(day, QLocale::LongFormat)),
                               this);
        } else {
            QToolTip::hideText();
            event->ignore();
        }
        return true;
    }
    return QWidget::event(event);
}
