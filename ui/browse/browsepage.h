#pragma once

#include <QStringList>
#include <QWidget>

class QAction;
class QHBoxLayout;
class QLabel;
class QVBoxLayout;

// A page of the central area for one node of the tenants tree: a breadcrumb
// ("tenant › bucket › collection", objectName "breadcrumb"), a title, a row of buttons mirroring
// actions (their text, enabled state and triggering), and a body widget.
class BrowsePage : public QWidget
{
    Q_OBJECT
public:
    BrowsePage(const QStringList &crumbs, const QString &title, QWidget *parent = nullptr);

    QString breadcrumb() const;
    // Adds a button for `action` (named "<action's objectName>Button"); the action is not owned.
    void addButton(QAction *action);
    // The page's main content; owned by the page. Replaces the previous body.
    void setBody(QWidget *body);
    QWidget *body() const { return m_body; }

private:
    QLabel *m_breadcrumb;
    QHBoxLayout *m_buttons;
    QVBoxLayout *m_layout;
    QWidget *m_body = nullptr;
};
