#include "kandjibadgedelegate.h"

#include <QPainter>

namespace {
constexpr int Pad = 4;   // inside a badge, left and right
constexpr int Gap = 6;   // between text and badges, and between badges
} // namespace

KandjiBadgeDelegate::KandjiBadgeDelegate(int badgesRole, QString selfServiceText, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_role(badgesRole)
    , m_selfService(std::move(selfServiceText))
{
}

int KandjiBadgeDelegate::badgesWidth(const QStyleOptionViewItem &option, const QStringList &badges) const
{
    int width = 0;
    for (const QString &badge : badges)
        width += Gap + option.fontMetrics.horizontalAdvance(badge) + 2 * Pad;
    return width;
}

void KandjiBadgeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QStringList badges = index.data(m_role).toStringList();
    if (badges.isEmpty()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    const int reserved = qMin(badgesWidth(option, badges), option.rect.width() / 2);
    QStyleOptionViewItem text = option;
    text.rect.setRight(option.rect.right() - reserved);
    QStyledItemDelegate::paint(painter, text, index);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QPalette &palette = option.palette;
    const int height = option.fontMetrics.height();
    int x = text.rect.right() + Gap;
    for (const QString &badge : badges) {
        const int width = option.fontMetrics.horizontalAdvance(badge) + 2 * Pad;
        if (x + width > option.rect.right())
            break;
        const QRect box(x, option.rect.center().y() - height / 2, width, height);
        const bool selfService = badge == m_selfService;
        painter->setPen(Qt::NoPen);
        painter->setBrush(palette.color(selfService ? QPalette::Highlight : QPalette::Mid));
        painter->drawRoundedRect(box, height / 3.0, height / 3.0);
        painter->setPen(palette.color(selfService ? QPalette::HighlightedText : QPalette::ButtonText));
        painter->drawText(box, Qt::AlignCenter, badge);
        x += width + Gap;
    }
    painter->restore();
}

QSize KandjiBadgeDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.rwidth() += badgesWidth(option, index.data(m_role).toStringList());
    return size;
}
