#pragma once

#include <QStyledItemDelegate>

// Draws a cell's text followed by its badges (the model's `badgesRole`, a QStringList: a Kandji
// item's enforcement and Self Service) as small rounded labels. Colours come from the view's
// palette (Mid / Highlight behind, ButtonText / HighlightedText for the text), so badges follow the
// desktop's light or dark scheme. The Self Service badge (`selfServiceText`) is the highlighted one.
class KandjiBadgeDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    KandjiBadgeDelegate(int badgesRole, QString selfServiceText, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int badgesWidth(const QStyleOptionViewItem &option, const QStringList &badges) const;

    int m_role;
    QString m_selfService;
};
