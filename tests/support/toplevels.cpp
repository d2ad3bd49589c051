#include "toplevels.h"

#include <QApplication>
#include <QMenu>
#include <QWidget>

namespace TopLevels {

QSet<QWidget *> visible()
{
    QSet<QWidget *> windows;
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (w->isVisible())
            windows.insert(w);
    }
    return windows;
}

QList<QWidget *> shownSince(const QSet<QWidget *> &before, bool menus)
{
    QList<QWidget *> found;
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (w->isVisible() && !before.contains(w) && (menus || !qobject_cast<QMenu *>(w)))
            found << w;
    }
    return found;
}

} // namespace TopLevels
