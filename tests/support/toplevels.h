#pragma once

#include <QList>
#include <QSet>

class QWidget;

// The top-level windows a test opens through the UI (dialogs, wizards, menus), found without
// holding a pointer to them.
namespace TopLevels {

// Every visible top-level widget.
QSet<QWidget *> visible();
// The visible top-level widgets not in `before`, in QApplication's order; popup menus left out
// unless `menus`.
QList<QWidget *> shownSince(const QSet<QWidget *> &before, bool menus = true);

} // namespace TopLevels
