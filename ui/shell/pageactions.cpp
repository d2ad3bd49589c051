#include "pageactions.h"

#include <QAction>
#include <QWidget>
#include <QWidgetAction>

namespace PageActions {

QList<QAction *> of(const QWidget *page)
{
    QList<QAction *> found;
    if (!page)
        return found;
    QList<const QWidget *> widgets {page};
    // Parts of the page that are hidden (a closed panel) offer nothing; menus are not parts.
    for (const QWidget *child : page->findChildren<QWidget *>()) {
        if (child->isVisibleTo(page) && !child->isWindow())
            widgets.append(child);
    }
    for (const QWidget *widget : std::as_const(widgets)) {
        for (QAction *action : widget->actions()) {
            if (action->isSeparator() || action->text().isEmpty() || qobject_cast<QWidgetAction *>(action)
                || action->objectName().startsWith(QLatin1String("_q_")) || found.contains(action))
                continue;
            found.append(action);
        }
    }
    return found;
}

} // namespace PageActions

void KeyClaims::claim(QWidget *page, const QList<QKeySequence> &keys)
{
    release();
    m_page = page;
    for (QAction *action : PageActions::of(page)) {
        const QList<QKeySequence> shortcuts = action->shortcuts();
        QList<QKeySequence> kept;
        for (const QKeySequence &shortcut : shortcuts) {
            if (keys.contains(shortcut))
                m_claims.append({action, shortcuts, shortcut});
            else
                kept.append(shortcut);
        }
        if (kept.size() != shortcuts.size())
            action->setShortcuts(kept);
    }
}

void KeyClaims::release()
{
    for (const Claim &claim : std::as_const(m_claims)) {
        if (claim.action)
            claim.action->setShortcuts(claim.shortcuts);
    }
    m_claims.clear();
    m_page = nullptr;
}

QAction *KeyClaims::claimed(const QKeySequence &key) const
{
    for (const Claim &claim : m_claims) {
        if (claim.key == key && claim.action && claim.action->isEnabled())
            return claim.action;
    }
    return nullptr;
}
