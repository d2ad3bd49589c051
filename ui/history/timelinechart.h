#pragma once

#include <QDate>
#include <QMap>
#include <QWidget>

// A small bar chart of changes per day, painted with QPainter, the last day at the right edge.
// The days shown run from the first to the last day given (days without changes get an empty slot), at most MaxDays: beyond that
// the oldest days are left out. Hovering a bar shows its date and count as a tooltip.
class TimelineChart : public QWidget
{
    Q_OBJECT
public:
    static constexpr int MaxDays = 366;
    static constexpr int MaxSlotWidth = 28; // pixels per day at most

    explicit TimelineChart(QWidget *parent = nullptr);

    // Replaces the data: day -> number of changes. Days with a count <= 0 are ignored.
    void setCounts(const QMap<QDate, int> &counts);
    QMap<QDate, int> counts() const { return m_counts; }

    // The days on the axis (first to last, capped at MaxDays); 0 when there is nothing.
    int dayCount() const;
    QDate firstDay() const;
    QDate lastDay() const { return m_counts.isEmpty() ? QDate() : m_counts.lastKey(); }
    int maxCount() const;
    // The day under a point of the widget, or an invalid date.
    QDate dayAt(const QPoint &pos) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    QRect plotRect() const;
    double slotWidth() const;

    QMap<QDate, int> m_counts;
};
