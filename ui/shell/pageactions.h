#pragma once

#include <QKeySequence>
#include <QList>
#include <QPointer>

class QAction;
class QWidget;

// The actions a page offers: those added with QWidget::addAction to the page or to any visible
// widget in it (its toolbars, its views; not its menus or dialogs), in the order found, each once,
// without separators, nameless actions or widget actions. This is how a page's actions reach the
// window's menus.
namespace PageActions {

QList<QAction *> of(const QWidget *page);

} // namespace PageActions

// Keys the window keeps for itself while a page is shown, so that one key has one binding: a page
// action bound to one of them gives the binding up (claim) and gets it back when the page goes
// (release); the window's action for the key then triggers it (claimed) when the focus is in the
// page, and does its own thing otherwise.
class KeyClaims
{
public:
    void claim(QWidget *page, const QList<QKeySequence> &keys);
    void release();
    // The enabled page action that had `key`, or nullptr.
    QAction *claimed(const QKeySequence &key) const;
    QWidget *page() const { return m_page; }

private:
    struct Claim
    {
        QPointer<QAction> action;
        QList<QKeySequence> shortcuts; // all of the action's, to give back
        QKeySequence key;
    };
    QPointer<QWidget> m_page;
    QList<Claim> m_claims;
};
